import { Button } from '@fluentui/react-components';
import { useT } from '../../i18n/useT.ts';
import { deletedHref } from '../../routing/route.ts';

/**
 * « Supprimés » in a table's toolbar: the deleted contacts or companies, to
 * restore (shown to administrators, who alone may).
 */
export function DeletedLink({ entity }: { entity: 'contact' | 'company' }) {
  const t = useT();

  return (
    <Button as="a" href={deletedHref(entity)}>
      {t('deleted.link')}
    </Button>
  );
}

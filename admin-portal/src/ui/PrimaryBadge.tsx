import { Badge } from '@fluentui/react-components';
import { useT } from '../i18n/useT.ts';

/** Marks the main email, phone, address or company of a record. */
export function PrimaryBadge() {
  const t = useT();

  return (
    <Badge appearance="outline" color="brand" size="small">
      {t('common.primary')}
    </Badge>
  );
}

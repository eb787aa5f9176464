import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/useT.ts';
import { newCompanyHref, newContactHref } from '../../routing/route.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** « Nouveau contact » and « Nouvelle société », where people search first. */
export function CreateLinks() {
  const styles = useStyles();
  const t = useT();

  return (
    <div className={styles.root}>
      <Button as="a" href={newContactHref}>
        {t('card.create.newContact')}
      </Button>
      <Button as="a" href={newCompanyHref}>
        {t('card.create.newCompany')}
      </Button>
    </div>
  );
}

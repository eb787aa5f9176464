import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n/useT.ts';
import { contactsHref } from '../routing/route.ts';
import { PageHeading } from '../ui/PageHeading.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalM,
  },
  text: { margin: 0, overflowWrap: 'anywhere' },
});

/**
 * Says that the address leads to no screen (a mistyped link, a record id
 * that cannot be one), rather than showing another screen under it, and
 * leads back home.
 */
export function NotFoundScreen() {
  const styles = useStyles();
  const t = useT();
  // Shown as text only, decoded when it can be (`%3C` reads as `<`).
  let address = window.location.hash;
  try {
    address = decodeURIComponent(address);
  } catch {
    // A malformed escape: the address as it stands.
  }

  return (
    <div className={styles.root}>
      <PageHeading focusOnMount>{t('app.notFound.title')}</PageHeading>
      <p className={styles.text}>{t('app.notFound.text', { address })}</p>
      <Link href={contactsHref}>{t('app.notFound.home')}</Link>
    </div>
  );
}

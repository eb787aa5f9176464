import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/useT.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import {
  auditLogHref,
  departmentsHref,
  exportSettingsHref,
  feedsHref,
  mergeRulesHref,
  senderAddressesHref,
  taxonomyHref,
  usersHref,
} from '../../routing/route.ts';
import { cardGrid, gridCard } from '../../ui/cardGrid.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { AdminOnly } from './AdminOnly.tsx';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: cardGrid,
  item: gridCard,
  link: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
});

type Screen = { href: string; title: MessageKey; hint: MessageKey };

const SCREENS: Screen[] = [
  {
    href: mergeRulesHref,
    title: 'rules.title',
    hint: 'admin.mergeRulesHint',
  },
  { href: feedsHref(), title: 'feeds.title', hint: 'admin.feedsHint' },
  {
    href: exportSettingsHref,
    title: 'exportSettings.title',
    hint: 'admin.exportsHint',
  },
  {
    href: senderAddressesHref,
    title: 'senders.title',
    hint: 'senders.adminHint',
  },
  {
    href: departmentsHref,
    title: 'senders.departments.title',
    hint: 'senders.departments.adminHint',
  },
  {
    href: usersHref,
    title: 'senders.users.title',
    hint: 'senders.users.adminHint',
  },
  { href: taxonomyHref, title: 'taxo.title', hint: 'taxo.adminHint' },
  { href: auditLogHref, title: 'auditLog.title', hint: 'auditLog.adminHint' },
];

/** The administration home: each settings screen with what it is for. */
export function AdminHome() {
  const styles = useStyles();
  const t = useT();

  return (
    <AdminOnly title={t('admin.title')} backLink={false}>
      <PageHeading focusOnMount>{t('admin.title')}</PageHeading>
      <p className={styles.intro}>{t('admin.intro')}</p>
      <ul aria-label={t('admin.screens')} className={styles.list}>
        {SCREENS.map((screen) => (
          <li key={screen.href} className={styles.item}>
            <Link href={screen.href} className={styles.link}>
              {t(screen.title)}
            </Link>
            <p className={styles.hint}>{t(screen.hint)}</p>
          </li>
        ))}
      </ul>
    </AdminOnly>
  );
}

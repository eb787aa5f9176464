import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { UserDto } from 'core-api/client';
import { PendingBadge } from '../features/lists/PendingBadge.tsx';
import { useT } from '../i18n/useT.ts';
import type { MessageKey } from '../i18n/messages.ts';
import {
  adminHref,
  companiesHref,
  contactsHref,
  duplicatesHref,
  importsHref,
  listsHref,
  sectionOf,
  targetingHref,
  templatesHref,
  type Section,
} from '../routing/route.ts';
import { useRoute } from '../routing/useRoute.ts';

const useStyles = makeStyles({
  root: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: {
    listStyleType: 'none',
    boxSizing: 'border-box',
    maxWidth: '76rem',
    margin: '0 auto',
    padding: `0 ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXS,
    '@media (max-width: 30rem)': { padding: `0 ${tokens.spacingHorizontalS}` },
  },
  link: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': {
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorSubtleBackgroundHover,
    },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
    // An administrator's eight sections fit in two rows on a phone.
    '@media (max-width: 30rem)': {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    },
  },
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

type Entry = { section: Section; href: string; label: MessageKey };

const CONTACTS: Entry = {
  section: 'contacts',
  href: contactsHref,
  label: 'table.nav.contacts',
};
const COMPANIES: Entry = {
  section: 'companies',
  href: companiesHref,
  label: 'table.nav.companies',
};
const TARGETING: Entry = {
  section: 'targeting',
  href: targetingHref(),
  label: 'nav.targeting',
};
const LISTS: Entry = {
  section: 'lists',
  href: listsHref(),
  label: 'nav.lists',
};
const TEMPLATES: Entry = {
  section: 'templates',
  href: templatesHref(),
  label: 'templates.nav',
};
const DUPLICATES: Entry = {
  section: 'duplicates',
  href: duplicatesHref(),
  label: 'nav.duplicates',
};
const IMPORTS: Entry = {
  section: 'imports',
  href: importsHref(),
  label: 'nav.imports',
};

const ADMIN: Entry = {
  section: 'admin',
  href: adminHref,
  label: 'nav.admin',
};

/**
 * The sections a role reaches: editors read the duplicate queue, and import
 * or administer nothing.
 */
export function sectionsFor(role: UserDto['role']): Entry[] {
  return role === 'admin'
    ? [
        CONTACTS,
        COMPANIES,
        TARGETING,
        LISTS,
        TEMPLATES,
        DUPLICATES,
        IMPORTS,
        ADMIN,
      ]
    : [CONTACTS, COMPANIES, TARGETING, LISTS, TEMPLATES, DUPLICATES];
}

export type MainNavProps = { user: UserDto };

/**
 * Contacts, Sociétés, Ciblage, Listes, Modèles, Doublons, Imports,
 * Administration: plain
 * links, the current one marked; Listes carries the count of change
 * requests waiting for the user's decision.
 */
export function MainNav({ user }: MainNavProps) {
  const styles = useStyles();
  const t = useT();
  const current = sectionOf(useRoute());

  return (
    <nav aria-label={t('nav.label')} className={styles.root}>
      <ul className={styles.list}>
        {sectionsFor(user.role).map((entry) => (
          <li key={entry.section}>
            <a
              href={entry.href}
              aria-current={entry.section === current ? 'page' : undefined}
              className={mergeClasses(
                styles.link,
                entry.section === current && styles.current,
              )}
            >
              {t(entry.label)}
              {entry.section === 'lists' && <PendingBadge />}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { UserDto } from 'core-api/client';
import { useT } from '../i18n/useT.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ThemeSwitch } from './ThemeSwitch.tsx';

const focusRing = {
  outlineStyle: 'solid',
  outlineWidth: tokens.strokeWidthThick,
  outlineColor: tokens.colorStrokeFocus2,
  outlineOffset: tokens.strokeWidthThick,
} as const;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightBold,
    color: tokens.colorBrandForeground1,
    borderRadius: tokens.borderRadiusMedium,
    // Fluent's subtle link shows focus by a double underline only, which
    // the bold brand name hides: a ring, like the navigation's links.
    ':focus-visible': focusRing,
    '&[data-fui-focus-visible]': focusRing,
  },
  tools: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  user: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    maxWidth: '16rem',
  },
  userName: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  role: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  // Phones have no keyboard to take shortcuts from (« ? » still opens the
  // help): the header keeps its room for what a finger needs.
  shortcuts: { '@media (max-width: 30rem)': { display: 'none' } },
});

export type AppHeaderProps = {
  /** The signed-in user; nothing is shown about a user before sign-in. */
  user?: UserDto;
  onSignOut?: () => void;
  /** Opens the keyboard shortcuts help (signed in only). */
  onShowShortcuts?: () => void;
};

/**
 * « Relais », the signed-in user, the language and theme switches, the
 * shortcuts help, sign-out.
 */
export function AppHeader({
  user,
  onSignOut,
  onShowShortcuts,
}: AppHeaderProps) {
  const styles = useStyles();
  const t = useT();

  return (
    <header className={styles.root}>
      <Link
        href="#/"
        appearance="subtle"
        className={styles.brand}
        aria-label={t('shell.home')}
      >
        {t('app.name')}
      </Link>
      <div className={styles.tools}>
        {user && (
          <div className={styles.user}>
            <span className={styles.userName}>
              {t('shell.signedInAs', { name: user.displayName })}
            </span>
            <span className={styles.role}>{t(`shell.role.${user.role}`)}</span>
          </div>
        )}
        <LanguageSwitch />
        <ThemeSwitch />
        {onShowShortcuts && (
          <Button
            size="small"
            appearance="subtle"
            aria-keyshortcuts="?"
            className={styles.shortcuts}
            onClick={onShowShortcuts}
          >
            {t('shortcuts.open')}
          </Button>
        )}
        {user && onSignOut && (
          <Button size="small" onClick={onSignOut}>
            {t('shell.signOut')}
          </Button>
        )}
      </div>
    </header>
  );
}

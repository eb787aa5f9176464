import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { UserDto } from 'core-api/client';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';
import { AppHeader } from './AppHeader.tsx';
import { MainNav } from './MainNav.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { useShellKeys } from './useShellKeys.ts';

const useStyles = makeStyles({
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: tokens.spacingVerticalS,
    zIndex: 1,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    transform: 'translateY(-200%)',
    ':focus': { transform: 'none' },
  },
  main: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '76rem',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    ':focus': { outlineStyle: 'none' },
    '@media (max-width: 30rem)': {
      padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    },
  },
});

export type AppShellProps = {
  user?: UserDto;
  onSignOut?: () => void;
  children: ReactNode;
};

/**
 * The frame of every screen: a skip link, the header, the sections once
 * signed in, and the main region; once signed in, the keyboard shortcuts
 * and their help.
 */
export function AppShell({ user, onSignOut, children }: AppShellProps) {
  const styles = useStyles();
  const t = useT();
  const mainRef = useRef<HTMLElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const showHelp = useCallback(() => setHelpOpen(true), []);
  useShellKeys(user !== undefined, showHelp);

  return (
    <>
      <Link
        href="#main"
        className={styles.skip}
        // The hash is the router's: move the focus instead of changing it.
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </Link>
      <AppHeader
        user={user}
        onSignOut={onSignOut}
        onShowShortcuts={user && showHelp}
      />
      {user && <MainNav user={user} />}
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        {children}
      </main>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}

import {
  FluentProvider,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  readThemeMode,
  writeThemeMode,
  type ThemeMode,
} from '../preferences.ts';
import {
  ThemeModeContext,
  type ThemeModeContextValue,
} from './ThemeModeContext.ts';

// The page colours sit on an inner element, not on the provider: Fluent
// copies the provider's classes onto every portal mount node (a full-width
// layer above the page), so a minimum height and a background there turned
// each open dropdown into an opaque sheet hiding the page.
const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

export type ThemeModeProviderProps = {
  /** Overrides the stored choice (tests). */
  initialMode?: ThemeMode;
  children: ReactNode;
};

/** Draws the portal with Fluent's web light or dark theme and keeps the choice. */
export function ThemeModeProvider({
  initialMode,
  children,
}: ThemeModeProviderProps) {
  const styles = useStyles();
  const [mode, setModeState] = useState<ThemeMode>(
    () => initialMode ?? readThemeMode(),
  );

  useEffect(() => {
    // Scrollbars and form controls drawn by the browser follow the theme too.
    document.documentElement.style.colorScheme = mode;
  }, [mode]);

  const value = useMemo<ThemeModeContextValue>(
    () => ({
      mode,
      setMode: (next) => {
        writeThemeMode(next);
        setModeState(next);
      },
    }),
    [mode],
  );

  return (
    <ThemeModeContext.Provider value={value}>
      <FluentProvider theme={mode === 'dark' ? webDarkTheme : webLightTheme}>
        <div className={styles.page}>{children}</div>
      </FluentProvider>
    </ThemeModeContext.Provider>
  );
}

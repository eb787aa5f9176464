import { createContext } from 'react';
import type { ThemeMode } from '../preferences.ts';

/** The current theme and its setter. */
export type ThemeModeContextValue = {
  mode: ThemeMode;
  setMode: (mode: ThemeMode) => void;
};

export const ThemeModeContext = createContext<ThemeModeContextValue>({
  mode: 'light',
  setMode: () => undefined,
});

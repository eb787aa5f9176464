import { useContext } from 'react';
import {
  ThemeModeContext,
  type ThemeModeContextValue,
} from './ThemeModeContext.ts';

/** The current theme (light or dark) and a way to switch it. */
export function useThemeMode(): ThemeModeContextValue {
  return useContext(ThemeModeContext);
}

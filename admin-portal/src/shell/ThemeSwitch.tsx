import { Switch } from '@fluentui/react-components';
import { useT } from '../i18n/useT.ts';
import { useThemeMode } from '../theme/useThemeMode.ts';

/** Light or dark theme, kept for the next visits. */
export function ThemeSwitch() {
  const t = useT();
  const { mode, setMode } = useThemeMode();

  return (
    <Switch
      label={t('shell.theme.dark')}
      checked={mode === 'dark'}
      onChange={(_, data) => setMode(data.checked ? 'dark' : 'light')}
    />
  );
}

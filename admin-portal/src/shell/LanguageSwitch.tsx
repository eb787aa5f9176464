import { makeStyles, ToggleButton, tokens } from '@fluentui/react-components';
import type { Locale } from '../i18n/messages.ts';
import { useLocale, useT } from '../i18n/useT.ts';

const useStyles = makeStyles({
  root: { display: 'flex', gap: tokens.spacingHorizontalXXS },
  button: { minWidth: 'auto' },
});

const LOCALES: Locale[] = ['fr', 'en'];

/** FR / EN: two toggle buttons, the current language pressed. */
export function LanguageSwitch() {
  const styles = useStyles();
  const t = useT();
  const { locale, setLocale } = useLocale();

  return (
    <div role="group" aria-label={t('shell.language')} className={styles.root}>
      {LOCALES.map((option) => (
        <ToggleButton
          key={option}
          size="small"
          className={styles.button}
          appearance={option === locale ? 'primary' : 'subtle'}
          checked={option === locale}
          onClick={() => setLocale(option)}
          lang={option}
          // The name starts with the code shown, so a voice command saying
          // « FR » finds the button, then names the language in full.
          aria-label={`${option.toUpperCase()} (${t(`shell.language.${option}`)})`}
        >
          {option.toUpperCase()}
        </ToggleButton>
      ))}
    </div>
  );
}

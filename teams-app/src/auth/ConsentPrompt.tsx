import {
  Button,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../i18n/I18n.tsx';
import { useLayout } from '../ui/layout.ts';
import { Problem } from '../ui/Problem.tsx';

const useStyles = makeStyles({ start: { alignItems: 'flex-start' } });

/** Asks the user to agree once to Relais reading their identity. */
export function ConsentPrompt(props: {
  refused?: string;
  onConsent: () => Promise<void>;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const layout = useLayout();
  const [busy, setBusy] = useState(false);

  return (
    <section
      className={mergeClasses(layout.column, layout.narrow, styles.start)}
      aria-labelledby="consent-title"
    >
      <Title3 as="h1" id="consent-title">
        {t('auth.consentTitle')}
      </Title3>
      <Text>{t('auth.consentText')}</Text>
      {props.refused && (
        <Problem text={t('auth.consentRefused', { reason: props.refused })} />
      )}
      <Button
        appearance="primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void props.onConsent().finally(() => setBusy(false));
        }}
      >
        {t('auth.consentButton')}
      </Button>
    </section>
  );
}

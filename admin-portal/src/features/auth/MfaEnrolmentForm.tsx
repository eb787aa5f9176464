import { Button } from '@fluentui/react-components';
import type { SessionDto } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { AuthPanel } from './AuthPanel.tsx';
import { CodeField, codeProblem, SIX_DIGITS } from './CodeField.tsx';
import { CopyField } from './CopyField.tsx';

export type MfaEnrolmentFormProps = {
  secret: string;
  otpauthUrl: string;
  onConfirmed: (session: SessionDto) => void;
  onRestart: () => void;
};

/**
 * An administrator's first sign-in: the TOTP secret and its otpauth address
 * to add to an authenticator app, then the code that proves it works.
 */
export function MfaEnrolmentForm({
  secret,
  otpauthUrl,
  onConfirmed,
  onRestart,
}: MfaEnrolmentFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    if (pending) return;
    if (!SIX_DIGITS.test(code)) {
      setCodeError(t('auth.totp.invalidFormat'));
      return;
    }
    setPending(true);
    setError(null);
    setCodeError(null);
    try {
      onConfirmed(await client.auth.confirmMfa(code));
    } catch (caught) {
      const wrongCode = codeProblem(caught, locale);
      if (wrongCode) {
        setCodeError(wrongCode);
        setCode('');
      } else {
        setError(caught);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <AuthPanel
      title={t('auth.enrol.title')}
      intro={t('auth.enrol.intro')}
      onSubmit={submit}
      focusHeading
    >
      <CopyField label={t('auth.enrol.secret')} value={secret} />
      <CopyField label={t('auth.enrol.url')} value={otpauthUrl} />
      <CodeField value={code} onChange={setCode} error={codeError} />
      {error !== null && <ErrorMessage message={errorMessage(error, t)} />}
      <Button type="submit" appearance="primary" disabledFocusable={pending}>
        {t('auth.enrol.submit')}
      </Button>
      <Button appearance="subtle" onClick={onRestart}>
        {t('auth.restart')}
      </Button>
    </AuthPanel>
  );
}

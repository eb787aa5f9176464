import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import type { SignInResult } from 'core-api/client';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, fieldError, isApiError } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { AuthPanel } from './AuthPanel.tsx';
import { CodeField, codeProblem, SIX_DIGITS } from './CodeField.tsx';

export type SignInFormProps = {
  /** The API accepted the credentials; `password` is needed if it must change. */
  onSignedIn: (result: SignInResult, password: string) => void;
  /** A message to show on arrival (expired session, unreachable server). */
  notice?: string;
};

/**
 * Email and password; when the API answers `MFA_REQUIRED` the 6-digit code
 * field appears and the same credentials are sent again with the code.
 */
export function SignInForm({ onSignedIn, notice }: SignInFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codeNeeded, setCodeNeeded] = useState(false);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (codeNeeded) codeRef.current?.focus();
  }, [codeNeeded]);

  // The API words field problems `fr / en`: only the reader's half is shown.
  const fieldMessage = (path: string) => fieldError(error, path, locale);

  const submit = async () => {
    if (pending) return;
    if (codeNeeded && !SIX_DIGITS.test(code)) {
      setCodeError(t('auth.totp.invalidFormat'));
      return;
    }
    setPending(true);
    setError(null);
    setCodeError(null);
    try {
      const totp = codeNeeded ? code : undefined;
      onSignedIn(
        await client.auth.signIn(email.trim(), password, totp),
        password,
      );
    } catch (caught) {
      const wrongCode = codeProblem(caught, locale);
      if (isApiError(caught) && caught.code === 'MFA_REQUIRED') {
        setCodeNeeded(true);
      } else if (wrongCode) {
        setCodeNeeded(true);
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
      title={t('auth.title')}
      intro={t('auth.intro')}
      onSubmit={submit}
    >
      {notice && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <Field
        label={t('auth.email')}
        validationMessage={fieldMessage('email')}
        validationState={fieldMessage('email') ? 'error' : 'none'}
      >
        <Input
          type="email"
          required
          value={email}
          onChange={(_, data) => setEmail(data.value)}
          autoComplete="username"
        />
      </Field>
      <Field
        label={t('auth.password')}
        validationMessage={fieldMessage('password')}
        validationState={fieldMessage('password') ? 'error' : 'none'}
      >
        <Input
          type="password"
          required
          value={password}
          onChange={(_, data) => setPassword(data.value)}
          autoComplete="current-password"
        />
      </Field>
      {codeNeeded && (
        <>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t('auth.totp.required')}</MessageBarBody>
          </MessageBar>
          <CodeField
            value={code}
            onChange={setCode}
            error={codeError}
            inputRef={codeRef}
          />
        </>
      )}
      {error !== null && <ErrorMessage message={errorMessage(error, t)} />}
      <Button type="submit" appearance="primary" disabledFocusable={pending}>
        {t('auth.submit')}
      </Button>
    </AuthPanel>
  );
}

import {
  Button,
  Divider,
  Field,
  Input,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { RelaisClient, SignInResult } from 'core-api/client';
import { errorLines, hasCode } from '../../api.ts';
import { DialogFailed } from '../../auth/microsoft.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Feedback } from '../../ui/Feedback.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

export type SignInProps = {
  client: RelaisClient;
  /** Present when the server accepts Microsoft accounts. */
  onMicrosoft: (() => Promise<void>) | null;
  /** A local account signed in fully. */
  onLocal: (result: SignInResult) => void;
};

/**
 * Signing in: with Microsoft when Entra ID is on (nested authentication or
 * the Office dialog), else or also with a local Relais account. Accounts
 * that must change their password or enrol a second factor are sent to the
 * portal, which has those screens.
 */
export function SignIn({ client, onMicrosoft, onLocal }: SignInProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codeNeeded, setCodeNeeded] = useState(false);
  const [busy, setBusy] = useState<'microsoft' | 'local' | null>(null);
  const [problem, setProblem] = useState<string[]>([]);

  async function microsoft() {
    if (!onMicrosoft) return;
    setBusy('microsoft');
    setProblem([]);
    try {
      await onMicrosoft();
    } catch (error) {
      setProblem([microsoftProblem(error)]);
    } finally {
      setBusy(null);
    }
  }

  function microsoftProblem(error: unknown): string {
    if (error instanceof DialogFailed && error.reason !== 'failed')
      return t(
        error.reason === 'blocked'
          ? 'signin.dialogBlocked'
          : 'signin.dialogClosed',
      );
    const reason = errorLines(error, t, locale).join(' ');

    return t('signin.failed', { reason });
  }

  async function local(event: FormEvent) {
    event.preventDefault();
    setBusy('local');
    setProblem([]);
    try {
      const result = await client.auth.signIn(
        email.trim(),
        password,
        codeNeeded ? code.trim() : undefined,
      );
      if (result.stage === 'ready') onLocal(result);
      else setProblem([t('signin.portalNeeded')]);
    } catch (error) {
      if (hasCode(error, 'MFA_REQUIRED') && !codeNeeded) setCodeNeeded(true);
      else setProblem(errorLines(error, t, locale));
    } finally {
      setBusy(null);
    }
  }

  return (
    <main className={styles.root} aria-labelledby="signin-title">
      <h1 id="signin-title">{t('signin.title')}</h1>
      {onMicrosoft && (
        <>
          <Button
            appearance="primary"
            onClick={microsoft}
            disabled={busy !== null}
            icon={busy === 'microsoft' ? <Spinner size="tiny" /> : undefined}
          >
            {busy === 'microsoft'
              ? t('signin.microsoftBusy')
              : t('signin.microsoft')}
          </Button>
          <Divider>{t('signin.or')}</Divider>
        </>
      )}
      <form className={styles.form} onSubmit={local}>
        <Field label={t('signin.email')} required>
          <Input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(_, data) => setEmail(data.value)}
          />
        </Field>
        <Field label={t('signin.password')} required>
          <Input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(_, data) => setPassword(data.value)}
          />
        </Field>
        {codeNeeded && (
          <Field label={t('signin.totp')} hint={t('signin.totpHint')} required>
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(_, data) => setCode(data.value)}
            />
          </Field>
        )}
        <Button
          type="submit"
          appearance={onMicrosoft ? 'secondary' : 'primary'}
          disabled={busy !== null}
        >
          {t('signin.submit')}
        </Button>
      </form>
      <Feedback intent="error" lines={problem} />
    </main>
  );
}

import {
  Button,
  Field,
  Input,
  Title3,
  type InputProps,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { RelaisApiError, type RelaisClient } from 'core-api/client';
import { useI18n } from '../i18n/I18n.tsx';
import { Problem } from '../ui/Problem.tsx';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '24rem',
  },
});

/** One required field of the form, with the API's message about it. */
function TextField(props: {
  label: string;
  hint?: string;
  problem: string | undefined;
  value: string;
  onChange: (value: string) => void;
  input: Pick<InputProps, 'type' | 'autoComplete' | 'inputMode'>;
}) {
  return (
    <Field
      label={props.label}
      hint={props.hint}
      required
      validationMessage={props.problem}
    >
      <Input
        {...props.input}
        value={props.value}
        onChange={(_, data) => props.onChange(data.value)}
      />
    </Field>
  );
}

/**
 * A Relais account's sign-in, for the tab opened outside Teams or where
 * single sign-on is not set up. Administrators give their code too.
 */
export function SignInForm(props: {
  client: RelaisClient;
  notice?: string;
  onSignedIn: (token: string) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const [problem, setProblem] = useState<RelaisApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const result = await props.client.auth.signIn(
        email,
        password,
        askTotp ? totp : undefined,
      );
      await props.onSignedIn(result.token);
    } catch (error) {
      if (!(error instanceof RelaisApiError)) throw error;
      if (error.code === 'MFA_REQUIRED') setAskTotp(true);
      else setProblem(error);
    } finally {
      setBusy(false);
    }
  }

  const field = (path: string) => problem?.fieldMessage(path, locale);

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)}>
      <Title3 as="h1">{t('auth.signInTitle')}</Title3>
      {props.notice && <Problem text={props.notice} intent="warning" />}
      <TextField
        label={t('auth.email')}
        problem={field('email')}
        value={email}
        onChange={setEmail}
        input={{ type: 'email', autoComplete: 'username' }}
      />
      <TextField
        label={t('auth.password')}
        problem={field('password')}
        value={password}
        onChange={setPassword}
        input={{ type: 'password', autoComplete: 'current-password' }}
      />
      {askTotp && (
        <TextField
          label={t('auth.totp')}
          hint={t('auth.totpHint')}
          problem={field('totp')}
          value={totp}
          onChange={setTotp}
          input={{ inputMode: 'numeric', autoComplete: 'one-time-code' }}
        />
      )}
      {problem && !problem.body?.error.fields && (
        <Problem text={problem.message} />
      )}
      <Button appearance="primary" type="submit" disabled={busy}>
        {t('auth.signIn')}
      </Button>
    </form>
  );
}

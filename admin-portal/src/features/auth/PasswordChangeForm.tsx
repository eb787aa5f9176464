import { Button, Field, Input } from '@fluentui/react-components';
import type { SessionDto } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, fieldError } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { AuthPanel } from './AuthPanel.tsx';

/** The API's minimum; checked here first to spare a round trip. */
const MIN_LENGTH = 12;

export type PasswordChangeFormProps = {
  /** The one-time password just used to sign in. */
  currentPassword: string;
  /** The password was replaced; the new one is passed on for the next step. */
  onChanged: (session: SessionDto, newPassword: string) => void;
  onRestart: () => void;
};

/** Replaces a one-time password with the user's own. */
export function PasswordChangeForm({
  currentPassword,
  onChanged,
  onRestart,
}: PasswordChangeFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [confirmationError, setConfirmationError] = useState<string | null>(
    null,
  );
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    if (pending) return;
    const tooShort = password.length < MIN_LENGTH;
    const mismatch = !tooShort && password !== confirmation;
    setPasswordError(tooShort ? t('auth.newPassword.tooShort') : null);
    setConfirmationError(mismatch ? t('auth.newPassword.mismatch') : null);
    if (tooShort || mismatch) return;
    setPending(true);
    setError(null);
    try {
      onChanged(
        await client.auth.changePassword(currentPassword, password),
        password,
      );
    } catch (caught) {
      // The API words it `fr / en`: only the reader's half is shown.
      const fieldMessage = fieldError(caught, 'newPassword', locale);
      if (fieldMessage) setPasswordError(fieldMessage);
      else setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <AuthPanel
      title={t('auth.newPassword.title')}
      intro={t('auth.newPassword.intro')}
      onSubmit={submit}
      focusHeading
    >
      <Field
        label={t('auth.newPassword.new')}
        hint={t('auth.newPassword.hint')}
        validationState={passwordError ? 'error' : 'none'}
        validationMessage={passwordError ?? undefined}
      >
        <Input
          type="password"
          required
          value={password}
          onChange={(_, data) => setPassword(data.value)}
          autoComplete="new-password"
        />
      </Field>
      <Field
        label={t('auth.newPassword.confirm')}
        validationState={confirmationError ? 'error' : 'none'}
        validationMessage={confirmationError ?? undefined}
      >
        <Input
          type="password"
          required
          value={confirmation}
          onChange={(_, data) => setConfirmation(data.value)}
          autoComplete="new-password"
        />
      </Field>
      {error !== null && <ErrorMessage message={errorMessage(error, t)} />}
      <Button type="submit" appearance="primary" disabledFocusable={pending}>
        {t('auth.newPassword.submit')}
      </Button>
      <Button appearance="subtle" onClick={onRestart}>
        {t('auth.restart')}
      </Button>
    </AuthPanel>
  );
}

import { Field, Input } from '@fluentui/react-components';
import type { Ref } from 'react';
import { isApiError } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';

/** A TOTP code as the API wants it. */
export const SIX_DIGITS = /^\d{6}$/;

/** The API's message when a call failed because of the code, else undefined. */
export function codeProblem(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'MFA_INVALID') return error.message;

  return error.fieldMessage('code') ?? error.fieldMessage('totp');
}

export type CodeFieldProps = {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
};

/** The 6-digit code of an authenticator app; keeps digits only. */
export function CodeField({
  value,
  onChange,
  error,
  inputRef,
}: CodeFieldProps) {
  const t = useT();

  return (
    <Field
      label={t('auth.totp.label')}
      hint={t('auth.totp.hint')}
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? undefined}
    >
      <Input
        ref={inputRef}
        required
        value={value}
        onChange={(_, data) =>
          onChange(data.value.replace(/\D/g, '').slice(0, 6))
        }
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
      />
    </Field>
  );
}

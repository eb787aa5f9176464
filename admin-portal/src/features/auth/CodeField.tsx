import { Field, Input } from '@fluentui/react-components';
import type { Ref } from 'react';
import { fieldError, isApiError } from '../../api.ts';
import type { Locale } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';

/** A TOTP code as the API wants it. */
export const SIX_DIGITS = /^\d{6}$/;

/**
 * The API's message when a call failed because of the code (the reader's
 * half of a `fr / en` field message), else undefined.
 */
export function codeProblem(
  error: unknown,
  locale: Locale,
): string | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'MFA_INVALID') return error.message;

  return fieldError(error, 'code', locale) ?? fieldError(error, 'totp', locale);
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

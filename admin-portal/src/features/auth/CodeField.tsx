import { Field, Input } from '@fluentui/react-components';
import type { Ref } from 'react';
import { useT } from '../../i18n/useT.ts';

/** A TOTP code as the API wants it. */
export const SIX_DIGITS = /^\d{6}$/;

export type CodeFieldProps = {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
};

/** The 6-digit code of an authenticator app; keeps digits only. */
export function CodeField({ value, onChange, error, inputRef }: CodeFieldProps) {
  const t = useT();

  return (
    <Field
      label={t('auth.totp.label')}
      hint={t('auth.totp.hint')}
      required
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? undefined}
    >
      <Input
        ref={inputRef}
        value={value}
        onChange={(_, data) => onChange(data.value.replace(/\D/g, '').slice(0, 6))}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
      />
    </Field>
  );
}

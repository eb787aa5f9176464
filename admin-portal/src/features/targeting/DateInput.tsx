import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/useT.ts';
import { parseFrenchDate } from './dates.ts';

export type DateInputProps = {
  label: string;
  /** The day as `YYYY-MM-DD`, or empty. */
  value: string;
  /** Called with the day as `YYYY-MM-DD`, or `''` while the text is no date. */
  onChange: (value: string) => void;
  /** A refusal of the API about this day (« before the start date »). */
  error?: string;
};

/**
 * A day typed as `jj/mm/aaaa` (the team's way in both languages), kept as
 * typed until it is a real day; says so when it is not.
 */
export function DateInput({ label, value, onChange, error }: DateInputProps) {
  const t = useT();
  const [text, setText] = useState(() => (value ? formatDate(value) : ''));
  const invalid = text.trim() !== '' && !parseFrenchDate(text);
  const message = invalid ? t('targeting.date.invalid') : error;

  return (
    <Field
      label={label}
      validationState={message ? 'error' : 'none'}
      validationMessage={message}
    >
      <Input
        value={text}
        placeholder={t('targeting.date.placeholder')}
        inputMode="numeric"
        onChange={(_, data) => {
          setText(data.value);
          onChange(parseFrenchDate(data.value) ?? '');
        }}
      />
    </Field>
  );
}

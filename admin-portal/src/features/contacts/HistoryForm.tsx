import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import { typedKinds, type InteractionDto } from 'core-api/client';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorDetails, errorMessage, fieldError } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { useAction } from '../../ui/useAction.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  subject: { flex: '2 1 14rem', minWidth: 0 },
  summary: { flex: '1 1 100%', minWidth: 0 },
});

const paris = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Paris's wall clock is ahead of UTC at an instant, in ms. */
function parisOffset(instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of paris.formatToParts(new Date(instant)))
    parts[part.type] = Number(part.value);
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );

  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * A `datetime-local` value read as Paris time (the team's clock, whatever
 * the browser's zone), as an ISO instant: `2026-12-01T10:00` → `…09:00Z`.
 */
export function parisInstant(local: string): string {
  const [date = '', time = ''] = local.split('T');
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Twice: the offset at the guess may differ across a change of time.
  const guess = wall - parisOffset(wall);

  return new Date(wall - parisOffset(guess)).toISOString();
}

type Kind = (typeof typedKinds)[number];

export type HistoryFormProps = {
  contactId: number;
  onAdded: (interaction: InteractionDto) => void;
};

/** « Ajouter »: a call, meeting, note or e-mail typed on the contact's card. */
export function HistoryForm({ contactId, onAdded }: HistoryFormProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [kind, setKind] = useState<Kind>('call');
  const [when, setWhen] = useState('');
  const [subject, setSubject] = useState('');
  const [summary, setSummary] = useState('');
  const add = useAction<InteractionDto>();
  const failure = add.state.status === 'error' ? add.state.error : null;
  const whenError = fieldError(failure, 'occurredAt', locale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await add.run(() =>
      client.history.add(contactId, {
        kind,
        occurredAt: when ? parisInstant(when) : undefined,
        subject,
        summary,
      }),
    );
    if (!done) return;
    setWhen('');
    setSubject('');
    setSummary('');
    onAdded(done.data);
  };

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      aria-label={t('interactions.add')}
    >
      <Field label={t('interactions.kind')}>
        <Select
          value={kind}
          onChange={(_, data) => setKind(data.value as Kind)}
        >
          {typedKinds.map((value) => (
            <option key={value} value={value}>
              {t(`interactions.kind.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('interactions.when')}
        hint={t('interactions.whenHint')}
        validationState={whenError ? 'error' : 'none'}
        validationMessage={whenError}
      >
        <Input
          type="datetime-local"
          value={when}
          onChange={(_, data) => setWhen(data.value)}
        />
      </Field>
      <Field label={t('interactions.subject')} className={styles.subject}>
        <Input value={subject} onChange={(_, data) => setSubject(data.value)} />
      </Field>
      <Field label={t('interactions.summary')} className={styles.summary}>
        <Textarea
          value={summary}
          resize="vertical"
          onChange={(_, data) => setSummary(data.value)}
        />
      </Field>
      <Button
        type="submit"
        appearance="primary"
        disabledFocusable={add.running}
        icon={add.running ? <BusySpinner /> : undefined}
      >
        {t('interactions.add')}
      </Button>
      {failure !== null && !whenError && (
        <ErrorMessage
          message={errorMessage(failure, t)}
          details={errorDetails(failure, t, locale)}
        />
      )}
    </form>
  );
}

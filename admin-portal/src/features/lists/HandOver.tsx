import {
  Button,
  Field,
  Input,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { ListDto } from 'core-api/client';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, fieldError } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    rowGap: tokens.spacingVerticalM,
    maxWidth: '32rem',
  },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  submit: { alignSelf: 'flex-start' },
});

export type HandOverProps = { list: ListDto; onDone: () => void };

/**
 * « Confier la liste »: the owner (or an administrator) gives the list to
 * another user, named by their e-mail address; the pending requests go
 * with it to the new owner.
 */
export function HandOver({ list, onDone }: HandOverProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [email, setEmail] = useState('');
  const [note, setNote] = useState('');
  const handOver = useAction<ListDto>();
  const { state } = handOver;
  const failure = state.status === 'error' ? state.error : null;
  const emailError =
    fieldError(failure, 'toEmail', locale) ??
    fieldError(failure, 'toUserId', locale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await handOver.run(() =>
      client.lists.handOver(list.id, {
        toEmail: email.trim(),
        note: note.trim() || undefined,
      }),
    );
    if (!done) return;
    setEmail('');
    setNote('');
    onDone();
  };

  // Once handed over, the list is no longer mine: only the outcome stays.
  if (!list.canManage) {
    if (state.status !== 'done') return null;

    return (
      <Section title={t('handOver.title')}>
        <Notice focusOnMount>
          {t('handOver.done', { name: state.data.owner.displayName })}
        </Notice>
      </Section>
    );
  }

  return (
    <Section title={t('handOver.title')}>
      <form className={styles.form} onSubmit={submit}>
        <p className={styles.intro}>{t('handOver.intro')}</p>
        <Field
          label={t('handOver.email')}
          required
          validationState={emailError ? 'error' : 'none'}
          validationMessage={emailError}
        >
          <Input
            type="email"
            value={email}
            onChange={(_, data) => setEmail(data.value)}
          />
        </Field>
        <Field label={t('handOver.note')}>
          <Textarea
            value={note}
            resize="vertical"
            onChange={(_, data) => setNote(data.value)}
          />
        </Field>
        <Button
          type="submit"
          className={styles.submit}
          disabled={email.trim() === ''}
          disabledFocusable={handOver.running}
          icon={handOver.running ? <BusySpinner /> : undefined}
        >
          {t('handOver.submit')}
        </Button>
        {state.status === 'done' && (
          <Notice focusOnMount>
            {t('handOver.done', { name: state.data.owner.displayName })}
          </Notice>
        )}
        {failure !== null && !emailError && (
          <ErrorMessage message={errorMessage(failure, t)} />
        )}
      </form>
    </Section>
  );
}

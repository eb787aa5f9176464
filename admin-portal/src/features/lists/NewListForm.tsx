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
import type { ListDto, ListEntity } from 'core-api/client';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorDetails, errorMessage, fieldError } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { listsHref, navigate } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
  },
  name: { flex: '2 1 16rem', minWidth: 0 },
  description: { flex: '1 1 100%', minWidth: 0 },
});

/**
 * « Nouvelle liste »: a name, contacts or companies, a description; the
 * list is created empty and opened, to be filled from there (or from a
 * query in « Ciblage »).
 */
export function NewListForm() {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [name, setName] = useState('');
  const [entity, setEntity] = useState<ListEntity>('contact');
  const [description, setDescription] = useState('');
  const create = useAction<ListDto>();
  const { state } = create;
  const failure = state.status === 'error' ? state.error : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await create.run(() =>
      client.lists.create({
        name,
        entity,
        description: description.trim() || null,
        source: { kind: 'empty' },
      }),
    );
    if (done) navigate(listsHref(done.data.id));
  };

  const nameError = fieldError(failure, 'name', locale);

  return (
    <Section title={t('lists.new')}>
      <form className={styles.form} onSubmit={submit}>
        <Field
          label={t('lists.name')}
          required
          className={styles.name}
          validationState={nameError ? 'error' : 'none'}
          validationMessage={nameError}
        >
          <Input value={name} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Field label={t('lists.entity')}>
          <Select
            value={entity}
            onChange={(_, data) => setEntity(data.value as ListEntity)}
          >
            <option value="contact">{t('lists.entity.contact')}</option>
            <option value="company">{t('lists.entity.company')}</option>
          </Select>
        </Field>
        <Field label={t('lists.description')} className={styles.description}>
          <Textarea
            value={description}
            resize="vertical"
            onChange={(_, data) => setDescription(data.value)}
          />
        </Field>
        <Button
          type="submit"
          appearance="primary"
          disabled={name.trim() === ''}
          disabledFocusable={create.running}
          icon={create.running ? <BusySpinner /> : undefined}
        >
          {t('lists.create')}
        </Button>
      </form>
      {failure !== null && !nameError && (
        <ErrorMessage
          message={errorMessage(failure, t)}
          details={errorDetails(failure, t, locale)}
        />
      )}
    </Section>
  );
}

import {
  Button,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { ListDto, TargetQuery } from 'core-api/client';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorDetails, errorMessage, fieldError } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { listsHref, navigate } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { useAction } from '../../ui/useAction.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    flex: '1 1 18rem',
    minWidth: 0,
  },
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
  name: { flex: '1 1 12rem', minWidth: 0 },
});

export type ListFromQueryProps = { query: TargetQuery };

/**
 * « Créer une liste statique » from the query: its matches now (less those
 * left out for the channel) become the members of a new list of mine, which
 * opens.
 */
export function ListFromQuery({ query }: ListFromQueryProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [name, setName] = useState('');
  const create = useAction<ListDto>();
  const { state } = create;
  const failure = state.status === 'error' ? state.error : null;
  const nameError = fieldError(failure, 'name', locale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await create.run(() =>
      client.lists.create({
        name,
        entity: query.entity,
        source: { kind: 'query', query },
      }),
    );
    if (done) navigate(listsHref(done.data.id));
  };

  return (
    <div className={styles.root}>
      <form className={styles.form} onSubmit={submit}>
        <Field
          label={t('targeting.listName')}
          className={styles.name}
          validationState={nameError ? 'error' : 'none'}
          validationMessage={nameError}
        >
          <Input value={name} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Button
          type="submit"
          disabled={name.trim() === ''}
          disabledFocusable={create.running}
          icon={create.running ? <BusySpinner /> : undefined}
        >
          {t('targeting.createList')}
        </Button>
      </form>
      {failure !== null && !nameError && (
        <ErrorMessage
          message={errorMessage(failure, t)}
          details={errorDetails(failure, t, locale)}
        />
      )}
    </div>
  );
}

import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { SavedQueryDto, TargetQuery } from 'core-api/client';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../ApiContext.ts';
import {
  errorDetails,
  errorMessage,
  fieldError,
  isVersionConflict,
} from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { navigate, targetingHref } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useAction } from '../../ui/useAction.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
    flex: '1 1 18rem',
    minWidth: 0,
  },
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    width: '100%',
  },
  name: { flex: '1 1 12rem', minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  bar: { alignSelf: 'stretch' },
});

export type SaveQueryProps = {
  query: TargetQuery;
  saved?: SavedQueryDto;
  onSaved?: () => void;
};

/**
 * « Enregistrer la requête » under a name (a new saved query, opened once
 * saved); on a saved query its owner or an administrator also saves the
 * changes or deletes it, everyone else saves a copy.
 */
export function SaveQuery({ query, saved, onSaved }: SaveQueryProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [name, setName] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const action = useAction<SavedQueryDto | void>();
  const { state } = action;
  const failure = state.status === 'error' ? state.error : null;
  const nameError = fieldError(failure, 'name', locale);
  const editable = saved?.canEdit === true;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(() =>
      client.savedQueries.create({ name, query }),
    );
    if (done?.data) navigate(targetingHref(done.data.id));
  };

  const update = async () => {
    if (!saved) return;
    const done = await action.run(() =>
      client.savedQueries.update(saved.id, {
        name: saved.name,
        description: saved.description,
        query,
        version: saved.version,
      }),
    );
    if (done) onSaved?.();
  };

  const remove = async () => {
    if (!saved) return;
    const done = await action.run(() => client.savedQueries.remove(saved.id));
    if (done) navigate(targetingHref());
  };

  return (
    <div className={styles.root}>
      {editable && (
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabledFocusable={action.running}
            onClick={update}
          >
            {t('savedQuery.update')}
          </Button>
          <Button onClick={() => setConfirmDelete(true)}>
            {t('savedQuery.delete')}
          </Button>
        </div>
      )}
      {confirmDelete && saved && (
        <MessageBar intent="warning" layout="multiline" className={styles.bar}>
          <MessageBarBody>
            {t('savedQuery.deleteConfirm', { name: saved.name })}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={remove}>
              {t('savedQuery.deleteYes')}
            </Button>
            <Button onClick={() => setConfirmDelete(false)}>
              {t('savedQuery.keep')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <form className={styles.form} onSubmit={create}>
        <Field
          label={t(saved ? 'savedQuery.copyName' : 'savedQuery.name')}
          className={styles.name}
          validationState={nameError ? 'error' : 'none'}
          validationMessage={nameError}
        >
          <Input value={name} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Button
          type="submit"
          appearance={editable ? 'secondary' : 'primary'}
          disabled={name.trim() === ''}
          disabledFocusable={action.running}
          icon={action.running ? <BusySpinner /> : undefined}
        >
          {t(saved ? 'savedQuery.saveCopy' : 'savedQuery.save')}
        </Button>
      </form>
      {state.status === 'done' && state.data ? (
        <Notice>{t('savedQuery.saved', { name: state.data.name })}</Notice>
      ) : null}
      {failure !== null && isVersionConflict(failure) && (
        <MessageBar intent="warning" layout="multiline" className={styles.bar}>
          <MessageBarBody>{t('savedQuery.conflict')}</MessageBarBody>
        </MessageBar>
      )}
      {failure !== null && !isVersionConflict(failure) && !nameError && (
        <ErrorMessage
          message={errorMessage(failure, t)}
          details={errorDetails(failure, t, locale)}
        />
      )}
    </div>
  );
}

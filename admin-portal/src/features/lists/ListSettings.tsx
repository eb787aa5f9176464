import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { ListDto } from 'core-api/client';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, fieldError, isVersionConflict } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useCloseThen } from '../../ui/useCloseThen.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    alignSelf: 'stretch',
    rowGap: tokens.spacingVerticalM,
    maxWidth: '32rem',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXL,
  },
  surface: { maxWidth: 'min(30rem, calc(100vw - 2rem))' },
  text: { margin: 0 },
});

type RenameProps = { list: ListDto; onChanged: () => void };

/**
 * The list's name and description, saved with the version read: a
 * colleague's change in between is reported, not overwritten.
 */
function RenameForm({ list, onChanged }: RenameProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [name, setName] = useState(list.name);
  const [description, setDescription] = useState(list.description ?? '');
  const [readVersion, setReadVersion] = useState(list.version);
  const save = useAction<ListDto>();
  const { state } = save;
  // A new version read (after a save, or a reload after a conflict): the
  // form shows it; a saved notice stays, a conflict is over.
  if (list.version !== readVersion) {
    setReadVersion(list.version);
    setName(list.name);
    setDescription(list.description ?? '');
    if (state.status === 'error') save.reset();
  }
  const failure = state.status === 'error' ? state.error : null;
  const conflict = isVersionConflict(failure);
  const nameError = fieldError(failure, 'name', locale);
  const changed =
    name.trim() !== list.name ||
    description.trim() !== (list.description ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await save.run(() =>
      client.lists.update(list.id, {
        name: name.trim(),
        description: description.trim() || null,
        version: list.version,
      }),
    );
    if (done) onChanged();
  };

  return (
    <form className={styles.form} onSubmit={submit}>
      <Field
        label={t('lists.name')}
        required
        validationState={nameError ? 'error' : 'none'}
        validationMessage={nameError}
      >
        <Input
          value={name}
          maxLength={200}
          onChange={(_, data) => {
            setName(data.value);
            save.reset();
          }}
        />
      </Field>
      <Field label={t('lists.description')}>
        <Textarea
          value={description}
          resize="vertical"
          maxLength={4000}
          onChange={(_, data) => {
            setDescription(data.value);
            save.reset();
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabled={!changed || name.trim() === ''}
          disabledFocusable={save.running}
          icon={save.running ? <BusySpinner /> : undefined}
        >
          {t('listSettings.save')}
        </Button>
      </div>
      {state.status === 'done' && !changed && (
        <Notice>{t('listSettings.saved')}</Notice>
      )}
      {conflict && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{t('listSettings.conflict')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onChanged}>
              {t('listSettings.reload')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failure !== null && !conflict && !nameError && (
        <ErrorMessage message={errorMessage(failure, t)} />
      )}
    </form>
  );
}

type DeleteProps = { list: ListDto; onDeleted: () => void };

/** « Supprimer la liste », once confirmed in a dialog that says what goes and what stays. */
function DeleteList({ list, onDeleted }: DeleteProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [open, setOpen] = useState(false);
  const removal = useAction<void>();
  const { state } = removal;
  const { closeThen, surfaceMotion, onTriggerFocus } = useCloseThen(setOpen);

  const confirm = async () => {
    const done = await removal.run(() => client.lists.remove(list.id));
    if (done) closeThen(onDeleted);
  };

  return (
    <Dialog
      modalType="alert"
      open={open}
      surfaceMotion={surfaceMotion}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (!data.open) removal.reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button onFocus={onTriggerFocus}>{t('listDelete.open')}</Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>
            {t('listDelete.title', { name: list.name })}
          </DialogTitle>
          <DialogContent>
            <p className={styles.text}>{t(`listDelete.body.${list.entity}`)}</p>
            {state.status === 'error' && (
              <ErrorMessage message={errorMessage(state.error, t)} />
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabledFocusable={removal.running}
              icon={removal.running ? <BusySpinner /> : undefined}
              onClick={confirm}
            >
              {t('listDelete.confirm')}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('listDelete.cancel')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export type ListSettingsProps = {
  list: ListDto;
  onChanged: () => void;
  /** Called once the list is deleted: the page then says so. */
  onDeleted: () => void;
};

/**
 * Renaming, describing and deleting a list: its owner's (or an
 * administrator's) section; others do not see it, the API would refuse
 * them.
 */
export function ListSettings({
  list,
  onChanged,
  onDeleted,
}: ListSettingsProps) {
  const styles = useStyles();
  const t = useT();

  if (!list.canManage) return null;

  return (
    <Section title={t('listSettings.title')}>
      <div className={styles.stack}>
        <RenameForm list={list} onChanged={onChanged} />
        <DeleteList list={list} onDeleted={onDeleted} />
      </div>
    </Section>
  );
}

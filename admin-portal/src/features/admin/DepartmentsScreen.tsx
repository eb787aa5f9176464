import {
  Button,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { DepartmentDto } from 'core-api/client';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, fieldError } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useResource } from '../../ui/useResource.ts';
import { AdminOnly } from './AdminOnly.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { useRecordListStyles } from './recordListStyles.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  name: { flex: '2 1 14rem', minWidth: 0 },
  code: { flex: '1 1 8rem', minWidth: 0 },
  submit: { marginTop: tokens.spacingVerticalXXL },
  error: { flexBasis: '100%' },
});

type FormProps = {
  /** The department to rename; null for a new one. */
  department: DepartmentDto | null;
  onSaved: (message: string) => void;
  onCancel?: () => void;
};

/** A department's name and code, to create or to change. */
function DepartmentForm({ department, onSaved, onCancel }: FormProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [name, setName] = useState(department?.name ?? '');
  const [code, setCode] = useState(department?.code ?? '');
  const save = useAction<DepartmentDto>();
  const failure = save.state.status === 'error' ? save.state.error : null;
  const problem = (path: string) => fieldError(failure, path, locale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { name: name.trim(), code: code.trim() };
    const done = await save.run(() =>
      department
        ? client.departments.update(department.id, {
            ...input,
            version: department.version,
          })
        : client.departments.create(input),
    );
    if (!done) return;
    if (!department) {
      setName('');
      setCode('');
    }
    onSaved(
      t(
        department
          ? 'senders.departments.saved'
          : 'senders.departments.created',
      ),
    );
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Field
        label={t('senders.departments.name')}
        required
        className={styles.name}
        validationState={problem('name') ? 'error' : 'none'}
        validationMessage={problem('name')}
      >
        <Input
          value={name}
          maxLength={200}
          onChange={(_, data) => setName(data.value)}
        />
      </Field>
      <Field
        label={t('senders.departments.code')}
        hint={t('senders.departments.codeHint')}
        required
        className={styles.code}
        validationState={problem('code') ? 'error' : 'none'}
        validationMessage={problem('code')}
      >
        <Input
          value={code}
          maxLength={20}
          onChange={(_, data) => setCode(data.value.toUpperCase())}
        />
      </Field>
      <Button
        type="submit"
        appearance="primary"
        className={styles.submit}
        disabledFocusable={save.running}
        icon={save.running ? <BusySpinner /> : undefined}
      >
        {t(
          department
            ? 'senders.departments.save'
            : 'senders.departments.create',
        )}
      </Button>
      {onCancel && (
        <Button className={styles.submit} onClick={onCancel}>
          {t('senders.departments.cancel')}
        </Button>
      )}
      {failure !== null && !problem('name') && !problem('code') && (
        <div className={styles.error}>
          <ErrorMessage message={errorMessage(failure, t)} />
        </div>
      )}
    </form>
  );
}

/**
 * Administration → « Services »: the departments of the staff, with how
 * many people and sender addresses each has; created, renamed and (when
 * empty) deleted here.
 */
export function DepartmentsScreen() {
  const styles = useRecordListStyles();
  const t = useT();
  const client = useApi();
  const [renaming, setRenaming] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const departments = useResource(
    () => client.departments.list(),
    'departments',
    { quietReload: true },
  );
  const done = (message: string) => {
    setRenaming(null);
    setNotice(message);
    departments.reload();
  };

  return (
    <AdminOnly title={t('senders.departments.title')}>
      <PageHeading focusOnMount>{t('senders.departments.title')}</PageHeading>
      <p className={styles.intro}>{t('senders.departments.intro')}</p>
      {notice && <Notice>{notice}</Notice>}
      <Section title={t('senders.departments.new')}>
        <DepartmentForm department={null} onSaved={done} />
      </Section>
      <Section title={t('senders.departments.list')}>
        {departments.status === 'loading' && (
          <LoadingState label={t('app.loading')} />
        )}
        {departments.status === 'error' && (
          <ErrorMessage
            message={errorMessage(departments.error, t)}
            onRetry={departments.reload}
          />
        )}
        {departments.status === 'done' &&
          departments.data.items.length === 0 && (
            <EmptyState title={t('senders.departments.empty')}>
              {t('senders.departments.emptyHint')}
            </EmptyState>
          )}
        {departments.status === 'done' && departments.data.items.length > 0 && (
          <ul
            aria-label={t('senders.departments.list')}
            className={styles.list}
          >
            {departments.data.items.map((department) => (
              <li key={department.id} className={styles.row}>
                {renaming === department.id ? (
                  <DepartmentForm
                    department={department}
                    onSaved={done}
                    onCancel={() => setRenaming(null)}
                  />
                ) : (
                  <>
                    <div className={styles.what}>
                      <span>
                        <span className={styles.name}>{department.name}</span> (
                        {department.code})
                      </span>
                      <Muted>
                        {t('senders.departments.counts', {
                          users: department.userCount,
                          senders: department.senderCount,
                        })}
                      </Muted>
                    </div>
                    <div className={styles.actions}>
                      <Button
                        aria-label={t('senders.departments.rename', {
                          name: department.name,
                        })}
                        onClick={() => {
                          setNotice(null);
                          setRenaming(department.id);
                        }}
                      >
                        {t('senders.departments.renameButton')}
                      </Button>
                      <ConfirmDelete
                        label={t('senders.departments.delete.open', {
                          name: department.name,
                        })}
                        text={t('senders.departments.delete.confirm')}
                        title={t('senders.departments.delete.title', {
                          name: department.name,
                        })}
                        body={t('senders.departments.delete.body')}
                        confirm={t('senders.departments.delete.confirm')}
                        cancel={t('senders.departments.delete.cancel')}
                        onDelete={() =>
                          client.departments.remove(department.id)
                        }
                        onDeleted={() => done(t('senders.departments.deleted'))}
                      />
                    </div>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </AdminOnly>
  );
}

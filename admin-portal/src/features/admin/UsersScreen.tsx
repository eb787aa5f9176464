import { Badge, Field, Select } from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { DepartmentDto, ManagedUserDto } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useResource } from '../../ui/useResource.ts';
import { AccountControls } from './AccountControls.tsx';
import { AdminOnly } from './AdminOnly.tsx';
import { DepartmentOptions } from './DepartmentOptions.tsx';
import { EntraIdentityEditor } from './EntraIdentityEditor.tsx';
import { NewUserForm } from './NewUserForm.tsx';
import { useRecordListStyles } from './recordListStyles.ts';

type RowProps = {
  user: ManagedUserDto;
  departments: DepartmentDto[];
  /** A role or status changed: the list is read again. */
  onChanged: () => void;
};

/**
 * One account: who, which role, its Entra ID identity, and a choice of
 * department saved at once.
 */
function UserRow({ user, departments, onChanged }: RowProps) {
  const styles = useRecordListStyles();
  const t = useT();
  const client = useApi();
  const [departmentId, setDepartmentId] = useState(user.departmentId);
  const [current, setCurrent] = useState(user);
  const save = useAction<ManagedUserDto>();

  const choose = async (value: string) => {
    const next = value ? Number(value) : null;
    const before = departmentId;
    setDepartmentId(next);
    const done = await save.run(() =>
      client.users.setDepartment(user.id, next),
    );
    if (!done) setDepartmentId(before);
  };

  return (
    <li className={styles.row}>
      <div className={styles.what}>
        <span>
          <span className={styles.name}>{user.displayName}</span>{' '}
          {!user.active && (
            <Badge appearance="tint" color="warning">
              {t('senders.users.inactive')}
            </Badge>
          )}
        </span>
        <Muted>
          {user.email} ·{' '}
          {t(user.role === 'admin' ? 'shell.role.admin' : 'shell.role.editor')}
        </Muted>
        <EntraIdentityEditor user={current} onChange={setCurrent} />
        <AccountControls user={user} onChanged={onChanged} />
      </div>
      <div className={styles.what}>
        <Field
          label={t('senders.users.department', { name: user.displayName })}
          className={styles.fit}
        >
          <Select
            className={styles.fit}
            select={{ className: styles.fit }}
            value={departmentId === null ? '' : String(departmentId)}
            disabled={save.running}
            onChange={(_, data) => choose(data.value)}
          >
            <DepartmentOptions departments={departments} />
          </Select>
        </Field>
        {save.running && <BusySpinner />}
        {save.state.status === 'done' && (
          <Notice>
            {t('senders.users.saved', { name: user.displayName })}
          </Notice>
        )}
        {save.state.status === 'error' && (
          <ErrorMessage message={errorMessage(save.state.error, t)} />
        )}
      </div>
    </li>
  );
}

/**
 * Administration → « Utilisateurs »: the team's accounts with their role,
 * the Entra ID identity that opens each, and the department of each, which
 * decides the sender addresses they may use; local accounts are created
 * here, roles changed and accounts deactivated or reactivated.
 */
export function UsersScreen() {
  const styles = useRecordListStyles();
  const t = useT();
  const client = useApi();
  const data = useResource(
    () => Promise.all([client.users.list(), client.departments.list()]),
    'users-departments',
    { quietReload: true },
  );

  return (
    <AdminOnly title={t('senders.users.title')}>
      <PageHeading focusOnMount>{t('senders.users.title')}</PageHeading>
      <p className={styles.intro}>{t('senders.users.intro')}</p>
      {data.status === 'loading' && <LoadingState label={t('app.loading')} />}
      {data.status === 'error' && (
        <ErrorMessage
          message={errorMessage(data.error, t)}
          onRetry={data.reload}
        />
      )}
      {data.status === 'done' && (
        <Section title={t('users.new.title')}>
          <NewUserForm
            departments={data.data[1].items}
            onCreated={data.reload}
          />
        </Section>
      )}
      {data.status === 'done' && (
        <Section title={t('senders.users.list')}>
          {data.data[1].items.length === 0 && (
            <Notice intent="info">{t('senders.users.noDepartments')}</Notice>
          )}
          <ul aria-label={t('senders.users.list')} className={styles.list}>
            {data.data[0].items.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                departments={data.data[1].items}
                onChanged={data.reload}
              />
            ))}
          </ul>
        </Section>
      )}
    </AdminOnly>
  );
}

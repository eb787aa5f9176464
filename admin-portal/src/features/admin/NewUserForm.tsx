import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { DepartmentDto, ManagedUserDto, Role } from 'core-api/client';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, fieldError } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useAction } from '../../ui/useAction.ts';
import { CopyField } from '../auth/CopyField.tsx';
import { DepartmentOptions } from './DepartmentOptions.tsx';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 14rem), 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  wide: { gridColumn: '1 / -1' },
  // A long department name must not widen the grid past the page.
  fit: { minWidth: 0, maxWidth: '100%' },
  created: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalM,
  },
});

type Created = { user: ManagedUserDto; oneTimePassword?: string };

/** The fields the form sends, each one the API may name in a refusal. */
const FIELDS = ['email', 'displayName', 'role', 'password', 'departmentId'];

export type NewUserFormProps = {
  departments: DepartmentDto[];
  onCreated: (user: ManagedUserDto) => void;
};

/**
 * Creates a local account with the API's rules: a work address used by no
 * other account, a name, a role, a department if any, and a password of 12
 * characters or none, in which case the API makes a one-time password shown
 * here once (the person replaces it at first sign-in).
 */
export function NewUserForm({ departments, onCreated }: NewUserFormProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [departmentId, setDepartmentId] = useState('');
  const [password, setPassword] = useState('');
  // The required fields left empty at the last try: said here, in words,
  // rather than sent for the API to call an empty address invalid.
  const [missing, setMissing] = useState<string[]>([]);
  const create = useAction<Created>();
  const failure = create.state.status === 'error' ? create.state.error : null;
  const problem = (path: string) =>
    missing.includes(path)
      ? t('users.new.required')
      : fieldError(failure, path, locale);
  const field = (path: string) => ({
    validationState: problem(path) ? ('error' as const) : ('none' as const),
    validationMessage: problem(path),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = Object.entries({ email, displayName })
      .filter(([, value]) => value.trim() === '')
      .map(([path]) => path);
    setMissing(empty);
    if (empty.length > 0) return;
    const done = await create.run(() =>
      client.users.create({
        email: email.trim(),
        displayName: displayName.trim(),
        role,
        departmentId: departmentId ? Number(departmentId) : null,
        ...(password ? { password } : {}),
      }),
    );
    if (!done) return;
    setEmail('');
    setDisplayName('');
    setPassword('');
    onCreated(done.data.user);
  };

  return (
    <>
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field label={t('users.new.email')} required {...field('email')}>
          <Input
            type="email"
            autoComplete="off"
            value={email}
            maxLength={320}
            onChange={(_, data) => setEmail(data.value)}
          />
        </Field>
        <Field label={t('users.new.name')} required {...field('displayName')}>
          <Input
            autoComplete="off"
            value={displayName}
            maxLength={200}
            onChange={(_, data) => setDisplayName(data.value)}
          />
        </Field>
        <Field label={t('users.new.role')} {...field('role')}>
          <Select
            value={role}
            onChange={(_, data) => setRole(data.value as Role)}
          >
            <option value="editor">{t('shell.role.editor')}</option>
            <option value="admin">{t('shell.role.admin')}</option>
          </Select>
        </Field>
        <Field
          label={t('users.new.department')}
          className={styles.fit}
          {...field('departmentId')}
        >
          <Select
            className={styles.fit}
            select={{ className: styles.fit }}
            value={departmentId}
            onChange={(_, data) => setDepartmentId(data.value)}
          >
            <DepartmentOptions departments={departments} />
          </Select>
        </Field>
        <Field
          label={t('users.new.password')}
          hint={t('users.new.passwordHint')}
          className={styles.wide}
          {...field('password')}
        >
          <Input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(_, data) => setPassword(data.value)}
          />
        </Field>
        <div className={styles.wide}>
          <Button
            type="submit"
            appearance="primary"
            disabledFocusable={create.running}
            icon={create.running ? <BusySpinner /> : undefined}
          >
            {t('users.new.submit')}
          </Button>
        </div>
      </form>
      {failure !== null && !FIELDS.some((path) => problem(path)) && (
        <ErrorMessage message={errorMessage(failure, t)} />
      )}
      {create.state.status === 'done' && (
        <div className={styles.created}>
          <Notice focusOnMount>
            {t(
              create.state.data.oneTimePassword
                ? 'users.new.createdWithPassword'
                : 'users.new.created',
              { name: create.state.data.user.displayName },
            )}
          </Notice>
          {create.state.data.oneTimePassword && (
            <CopyField
              label={t('users.new.oneTimePassword', {
                name: create.state.data.user.displayName,
              })}
              value={create.state.data.oneTimePassword}
            />
          )}
        </div>
      )}
    </>
  );
}

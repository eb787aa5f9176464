import {
  Button,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import { guidPattern, type ManagedUserDto } from 'core-api/client';
import { useRef, useState, type FormEvent } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, fieldError } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useAction } from '../../ui/useAction.ts';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { useRecordListStyles } from './recordListStyles.ts';

const useStyles = makeStyles({
  group: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  // The ids are long and unbroken: they wrap anywhere on a phone.
  ids: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

type Fields = { tenantId: string; objectId: string };

const idFields = [
  {
    path: 'tenantId',
    label: 'senders.users.entra.tenantId',
    hint: 'senders.users.entra.tenantHint',
  },
  {
    path: 'objectId',
    label: 'senders.users.entra.objectId',
    hint: 'senders.users.entra.objectHint',
  },
] as const;

export type EntraIdentityEditorProps = {
  user: ManagedUserDto;
  /** The account as the API answered, once linked or unlinked. */
  onChange: (user: ManagedUserDto) => void;
};

/**
 * An account's Entra ID identity (tenant and object ids): shown, set or
 * removed by an administrator. Linked, the person's Microsoft sign-in
 * opens this account, with its lists, templates and history.
 */
export function EntraIdentityEditor({
  user,
  onChange,
}: EntraIdentityEditorProps) {
  const styles = useStyles();
  const list = useRecordListStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Fields>({
    tenantId: user.entraIdentity?.tenantId ?? '',
    objectId: user.entraIdentity?.objectId ?? '',
  });
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState('');
  const save = useAction<ManagedUserDto>();
  // Handed over once the dialog has closed: the row then drops its button.
  const unlinked = useRef<ManagedUserDto | null>(null);
  const failure = save.state.status === 'error' ? save.state.error : null;
  const name = user.displayName;
  // The API checks the same pattern; checking here names both fields at once
  // without a round trip.
  const problem = (path: keyof Fields) =>
    (checked && !guidPattern.test(values[path].trim())
      ? t('senders.users.entra.badId')
      : undefined) ?? fieldError(failure, path, locale);
  const field = (path: keyof Fields) => ({
    validationState: problem(path) ? ('error' as const) : ('none' as const),
    validationMessage: problem(path),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!guidPattern.test(values.tenantId.trim())) return;
    if (!guidPattern.test(values.objectId.trim())) return;
    const done = await save.run(() =>
      client.users.linkEntraIdentity(user.id, values),
    );
    if (!done) return;
    setEditing(false);
    setNotice(t('senders.users.entra.linked', { name }));
    onChange(done.data);
  };
  const open = () => {
    setValues({
      tenantId: user.entraIdentity?.tenantId ?? '',
      objectId: user.entraIdentity?.objectId ?? '',
    });
    setChecked(false);
    save.reset();
    setNotice('');
    setEditing(true);
  };

  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>
        {t('senders.users.entra.title', { name })}
      </legend>
      {user.entraIdentity ? (
        <Muted>
          <span className={styles.ids}>
            {t('senders.users.entra.ids', user.entraIdentity)}
          </span>
          {' · '}
          {t(
            user.rolePinned
              ? 'senders.users.entra.rolePinned'
              : 'senders.users.entra.roleFromGroups',
          )}
        </Muted>
      ) : (
        <Muted>{t('senders.users.entra.none')}</Muted>
      )}
      {editing ? (
        <form className={styles.group} onSubmit={submit} noValidate>
          {idFields.map(({ path, label, hint }) => (
            <Field
              key={path}
              label={t(label)}
              hint={t(hint)}
              required
              {...field(path)}
            >
              <Input
                value={values[path]}
                maxLength={60}
                spellCheck={false}
                onChange={(_, data) =>
                  setValues((v) => ({ ...v, [path]: data.value }))
                }
              />
            </Field>
          ))}
          <div className={list.actions}>
            <Button
              type="submit"
              appearance="primary"
              disabledFocusable={save.running}
              icon={save.running ? <BusySpinner /> : undefined}
            >
              {t('senders.users.entra.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>
              {t('senders.users.entra.cancel')}
            </Button>
          </div>
          {failure !== null && (
            <ErrorMessage message={errorMessage(failure, t)} />
          )}
        </form>
      ) : (
        <div className={list.actions}>
          <Button
            aria-label={t(
              user.entraIdentity
                ? 'senders.users.entra.changeFor'
                : 'senders.users.entra.linkFor',
              { name },
            )}
            onClick={open}
          >
            {t(
              user.entraIdentity
                ? 'senders.users.entra.change'
                : 'senders.users.entra.link',
            )}
          </Button>
          {user.entraIdentity && user.identitySource === 'local' && (
            <ConfirmDelete
              label={t('senders.users.entra.unlinkFor', { name })}
              text={t('senders.users.entra.unlink')}
              title={t('senders.users.entra.unlinkTitle', { name })}
              body={t('senders.users.entra.unlinkBody')}
              confirm={t('senders.users.entra.unlink')}
              cancel={t('senders.users.entra.cancel')}
              onDelete={async () => {
                unlinked.current = await client.users.unlinkEntraIdentity(
                  user.id,
                );
              }}
              onDeleted={() => {
                setNotice(t('senders.users.entra.unlinked', { name }));
                if (unlinked.current) onChange(unlinked.current);
              }}
            />
          )}
        </div>
      )}
      {/* The button that led here is gone: the focus goes to the outcome. */}
      {notice && <Notice focusOnMount>{notice}</Notice>}
    </fieldset>
  );
}

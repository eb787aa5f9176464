import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type {
  DepartmentDto,
  ManagedUserDto,
  SenderAddressDto,
} from 'core-api/client';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, fieldError, isVersionConflict } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { MultiPicker } from '../targeting/MultiPicker.tsx';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  defaults: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
});

export type SenderAddressFormProps = {
  /** The address to change; null for a new one. */
  address: SenderAddressDto | null;
  departments: DepartmentDto[];
  users: ManagedUserDto[];
  onSaved: () => void;
  onClose: () => void;
};

/**
 * Declares or changes a sender address: the address, the name recipients
 * see, where replies go, whether it is active, the departments and people
 * allowed, and which departments take it as their default.
 */
export function SenderAddressForm({
  address,
  departments,
  users,
  onSaved,
  onClose,
}: SenderAddressFormProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [mail, setMail] = useState(address?.address ?? '');
  const [displayName, setDisplayName] = useState(address?.displayName ?? '');
  const [replyTo, setReplyTo] = useState(address?.replyTo ?? '');
  const [active, setActive] = useState(address?.active ?? true);
  const [departmentIds, setDepartmentIds] = useState(
    address?.departments.map((d) => String(d.id)) ?? [],
  );
  const [defaults, setDefaults] = useState(
    address?.departments.filter((d) => d.isDefault).map((d) => d.id) ?? [],
  );
  const [userIds, setUserIds] = useState(
    address?.users.map((u) => String(u.id)) ?? [],
  );
  const save = useAction<SenderAddressDto>();
  const failure = save.state.status === 'error' ? save.state.error : null;
  const problem = (path: string) => fieldError(failure, path, locale);
  const validation = (path: string) => ({
    validationState: problem(path) ? ('error' as const) : ('none' as const),
    validationMessage: problem(path),
  });
  const chosenDepartments = departments.filter((d) =>
    departmentIds.includes(String(d.id)),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ids = departmentIds.map(Number);
    const input = {
      address: mail.trim(),
      displayName: displayName.trim(),
      replyTo: replyTo.trim() || null,
      active,
      departmentIds: ids,
      userIds: userIds.map(Number),
      defaultForDepartmentIds: defaults.filter((id) => ids.includes(id)),
    };
    const done = await save.run(() =>
      address
        ? client.senderAddresses.update(address.id, {
            ...input,
            version: address.version,
          })
        : client.senderAddresses.create(input),
    );
    if (done) onSaved();
  };

  return (
    <Section
      title={
        address
          ? t('senders.form.editTitle', { address: address.address })
          : t('senders.form.newTitle')
      }
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field
          label={t('senders.form.address')}
          required
          {...validation('address')}
        >
          <Input
            type="email"
            value={mail}
            maxLength={320}
            onChange={(_, data) => setMail(data.value)}
          />
        </Field>
        <Field
          label={t('senders.form.displayName')}
          hint={t('senders.form.displayNameHint')}
          required
          {...validation('displayName')}
        >
          <Input
            value={displayName}
            maxLength={200}
            onChange={(_, data) => setDisplayName(data.value)}
          />
        </Field>
        <Field label={t('senders.form.replyTo')} {...validation('replyTo')}>
          <Input
            type="email"
            value={replyTo}
            maxLength={320}
            onChange={(_, data) => setReplyTo(data.value)}
          />
        </Field>
        <Field hint={t('senders.form.activeHint')}>
          <Switch
            label={t('senders.form.active')}
            checked={active}
            onChange={(_, data) => setActive(data.checked)}
          />
        </Field>
        <MultiPicker
          label={t('senders.form.departments')}
          options={departments.map((d) => ({
            value: String(d.id),
            text: `${d.name} (${d.code})`,
          }))}
          selected={departmentIds}
          onChange={setDepartmentIds}
        />
        {problem('departmentIds') && (
          <ErrorMessage message={problem('departmentIds') ?? ''} />
        )}
        {chosenDepartments.length > 0 && (
          <fieldset className={styles.defaults}>
            <legend className={styles.legend}>
              {t('senders.form.defaults')}
            </legend>
            <p className={styles.hint}>{t('senders.form.defaultsHint')}</p>
            {chosenDepartments.map((department) => (
              <Checkbox
                key={department.id}
                label={department.name}
                checked={defaults.includes(department.id)}
                onChange={(_, data) =>
                  setDefaults((current) =>
                    data.checked
                      ? [...current, department.id]
                      : current.filter((id) => id !== department.id),
                  )
                }
              />
            ))}
          </fieldset>
        )}
        <MultiPicker
          label={t('senders.form.users')}
          options={users.map((u) => ({
            value: String(u.id),
            text: `${u.displayName} (${u.email})`,
          }))}
          selected={userIds}
          onChange={setUserIds}
        />
        {problem('userIds') && (
          <ErrorMessage message={problem('userIds') ?? ''} />
        )}
        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            disabledFocusable={save.running}
            icon={save.running ? <BusySpinner /> : undefined}
          >
            {t('senders.form.save')}
          </Button>
          <Button onClick={onClose}>{t('senders.form.cancel')}</Button>
        </div>
        {isVersionConflict(failure) && (
          <MessageBar intent="warning" layout="multiline" role="alert">
            <MessageBarBody>{t('senders.form.conflict')}</MessageBarBody>
          </MessageBar>
        )}
        {failure !== null && !isVersionConflict(failure) && (
          <ErrorMessage message={errorMessage(failure, t)} />
        )}
      </form>
    </Section>
  );
}

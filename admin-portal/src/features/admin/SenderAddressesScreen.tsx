import { Badge, Button } from '@fluentui/react-components';
import type {
  DepartmentDto,
  ManagedUserDto,
  SenderAddressDto,
} from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Section } from '../../ui/Section.tsx';
import { useResource } from '../../ui/useResource.ts';
import { AdminOnly } from './AdminOnly.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { SenderAddressForm } from './SenderAddressForm.tsx';
import { useRecordListStyles } from './recordListStyles.ts';

type Props = {
  address: SenderAddressDto;
  onEdit: () => void;
  onDeleted: () => void;
};

function AddressItem({ address, onEdit, onDeleted }: Props) {
  const styles = useRecordListStyles();
  const t = useT();
  const client = useApi();
  const departments = address.departments.map((d) =>
    d.isDefault ? t('senders.default', { name: d.name }) : d.name,
  );
  const people = address.users.map((u) => u.displayName);

  return (
    <li className={styles.row}>
      <div className={styles.what}>
        <span>
          <span className={styles.name}>{address.displayName}</span> &lt;
          {address.address}&gt;{' '}
          {!address.active && (
            <Badge appearance="tint" color="warning">
              {t('senders.inactive')}
            </Badge>
          )}
        </span>
        {address.replyTo && (
          <Muted>{t('senders.replyTo', { address: address.replyTo })}</Muted>
        )}
        <Muted>
          {departments.length === 0 && people.length === 0
            ? t('senders.nobody')
            : [
                departments.length
                  ? t('senders.departments', { names: departments.join(', ') })
                  : null,
                people.length
                  ? t('senders.users', { names: people.join(', ') })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
        </Muted>
      </div>
      <div className={styles.actions}>
        <Button
          aria-label={t('senders.edit', { address: address.address })}
          onClick={onEdit}
        >
          {t('senders.editButton')}
        </Button>
        <ConfirmDelete
          label={t('senders.delete.open', { address: address.address })}
          text={t('senders.delete.confirm')}
          title={t('senders.delete.title', { address: address.address })}
          body={t('senders.delete.body')}
          confirm={t('senders.delete.confirm')}
          cancel={t('senders.delete.cancel')}
          onDelete={() => client.senderAddresses.remove(address.id)}
          onDeleted={onDeleted}
        />
      </div>
    </li>
  );
}

type Loaded = {
  addresses: SenderAddressDto[];
  departments: DepartmentDto[];
  users: ManagedUserDto[];
};

/**
 * Administration → « Adresses d’expéditeur »: the declared addresses, who
 * may use each and the departments' defaults; declared, changed and
 * deleted here.
 */
export function SenderAddressesScreen() {
  const styles = useRecordListStyles();
  const t = useT();
  const client = useApi();
  const [editing, setEditing] = useState<'new' | number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const data = useResource<Loaded>(
    async () => {
      const [addresses, departments, users] = await Promise.all([
        client.senderAddresses.list(),
        client.departments.list(),
        client.users.list(),
      ]);

      return {
        addresses: addresses.items,
        departments: departments.items,
        users: users.items,
      };
    },
    'sender-addresses',
    { quietReload: true },
  );
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    data.reload();
  };

  return (
    <AdminOnly title={t('senders.title')}>
      <PageHeading focusOnMount>{t('senders.title')}</PageHeading>
      <p className={styles.intro}>{t('senders.intro')}</p>
      {notice && <Notice>{notice}</Notice>}
      {data.status === 'loading' && <LoadingState label={t('app.loading')} />}
      {data.status === 'error' && (
        <ErrorMessage
          message={errorMessage(data.error, t)}
          onRetry={data.reload}
        />
      )}
      {data.status === 'done' && editing !== null && (
        <SenderAddressForm
          key={editing}
          address={data.data.addresses.find((a) => a.id === editing) ?? null}
          departments={data.data.departments}
          users={data.data.users}
          onSaved={() => done(t('senders.form.saved'))}
          onClose={() => setEditing(null)}
        />
      )}
      {data.status === 'done' && (
        <Section title={t('senders.list')}>
          {editing === null && (
            <Button
              appearance="primary"
              className={styles.start}
              onClick={() => {
                setNotice(null);
                setEditing('new');
              }}
            >
              {t('senders.new')}
            </Button>
          )}
          {data.data.addresses.length === 0 ? (
            <EmptyState title={t('senders.empty')}>
              {t('senders.emptyHint')}
            </EmptyState>
          ) : (
            <ul aria-label={t('senders.list')} className={styles.list}>
              {data.data.addresses.map((address) => (
                <AddressItem
                  key={address.id}
                  address={address}
                  onEdit={() => {
                    setNotice(null);
                    setEditing(address.id);
                  }}
                  onDeleted={() => done(t('senders.deleted'))}
                />
              ))}
            </ul>
          )}
        </Section>
      )}
    </AdminOnly>
  );
}

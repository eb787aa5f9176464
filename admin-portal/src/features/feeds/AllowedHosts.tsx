import {
  Button,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { AllowedHostDto } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, fieldError } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useResource } from '../../ui/useResource.ts';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  text: { margin: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  host: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 16rem), 1fr))',
    alignItems: 'start',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gridColumn: '1 / -1' },
});

function HostItem({
  host,
  onRemoved,
}: {
  host: AllowedHostDto;
  onRemoved: () => void;
}) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const remove = useAction<void>();

  const handleRemove = async () => {
    if (await remove.run(() => client.feeds.allowedHosts.remove(host.id)))
      onRemoved();
  };

  return (
    <li className={styles.item}>
      <span className={styles.host}>
        <span className={styles.name}>{host.host}</span>
        {host.note && <span>{host.note}</span>}
        <Muted>
          {t('hosts.added', { date: formatDateTime(host.createdAt) })}
        </Muted>
      </span>
      <Button
        aria-label={t('hosts.removeHost', { host: host.host })}
        disabledFocusable={remove.running}
        onClick={handleRemove}
      >
        {t('hosts.remove')}
      </Button>
      {remove.state.status === 'error' && (
        <ErrorMessage message={errorMessage(remove.state.error, t)} />
      )}
    </li>
  );
}

/**
 * « Hôtes autorisés »: the hosts feeds may reach despite a private address
 * or plain http, each with why; added and removed here.
 */
export function AllowedHosts() {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const hosts = useResource(
    () => client.feeds.allowedHosts.list(),
    'allowed-hosts',
    { quietReload: true },
  );
  const [host, setHost] = useState('');
  const [note, setNote] = useState('');
  const add = useAction<AllowedHostDto>();
  const failure = add.state.status === 'error' ? add.state.error : null;

  const submit = async () => {
    const added = await add.run(() =>
      client.feeds.allowedHosts.add({ host, note: note.trim() || null }),
    );
    if (!added) return;
    setHost('');
    setNote('');
    hosts.reload();
  };

  return (
    <Section title={t('hosts.title')}>
      <div className={styles.body}>
        <p className={styles.text}>
          <Muted>{t('hosts.intro')}</Muted>
        </p>
        {hosts.status === 'loading' && (
          <LoadingState label={t('app.loading')} />
        )}
        {hosts.status === 'error' && (
          <ErrorMessage
            message={errorMessage(hosts.error, t)}
            onRetry={hosts.reload}
          />
        )}
        {hosts.status === 'done' && hosts.data.items.length === 0 && (
          <p className={styles.text}>{t('hosts.empty')}</p>
        )}
        {hosts.status === 'done' && hosts.data.items.length > 0 && (
          <ul aria-label={t('hosts.list')} className={styles.list}>
            {hosts.data.items.map((item) => (
              <HostItem key={item.id} host={item} onRemoved={hosts.reload} />
            ))}
          </ul>
        )}
        <form
          className={styles.form}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Field
            label={t('hosts.host')}
            hint={t('hosts.hostHint')}
            validationMessage={fieldError(failure, 'host', locale)}
          >
            <Input value={host} onChange={(_, data) => setHost(data.value)} />
          </Field>
          <Field
            label={t('hosts.note')}
            hint={t('hosts.noteHint')}
            validationMessage={fieldError(failure, 'note', locale)}
          >
            <Input value={note} onChange={(_, data) => setNote(data.value)} />
          </Field>
          <div className={styles.actions}>
            <Button
              type="submit"
              disabledFocusable={add.running}
              icon={add.running ? <BusySpinner /> : undefined}
            >
              {t('hosts.add')}
            </Button>
          </div>
        </form>
        {failure !== null && (
          <ErrorMessage message={errorMessage(failure, t)} />
        )}
      </div>
    </Section>
  );
}

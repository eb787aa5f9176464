import {
  Button,
  Field,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  interactionKinds,
  type InteractionDto,
  type InteractionKind,
} from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import type { Translate } from '../../i18n/translate.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LiveMessage } from '../../ui/LiveMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Section } from '../../ui/Section.tsx';
import { WebLink } from '../../ui/WebLink.tsx';
import { useAction } from '../../ui/useAction.ts';
import { HistoryForm } from './HistoryForm.tsx';
import { useResource } from '../../ui/useResource.ts';

const PAGE_SIZE = 10;

const useStyles = makeStyles({
  filter: { maxWidth: '16rem', marginBottom: tokens.spacingVerticalM },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
  },
  kind: { fontWeight: tokens.fontWeightSemibold },
  summary: { margin: 0, whiteSpace: 'pre-wrap' },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Who recorded a line, and from where (« par Eddie Editor · depuis Outlook »). */
function origin(item: InteractionDto, t: Translate): string {
  const who = item.author
    ? t('interactions.by', { name: item.author.displayName })
    : t('interactions.bySystem');

  return `${who} · ${t(`interactions.source.${item.source}`)}`;
}

/** An https link opens; a message id is shown, since only Outlook opens it. */
function ItemLink({ link, t }: { link: string; t: Translate }) {
  if (/^https:\/\//i.test(link))
    return <WebLink url={link} text={t('interactions.open')} />;

  return <Muted>{t('interactions.messageId', { id: link })}</Muted>;
}

export type HistorySectionProps = {
  contactId: number;
  /** False for a deleted contact: its history is read, not written. */
  editable?: boolean;
};

/**
 * « Historique »: the contact's interactions (e-mails logged from Outlook,
 * calls, meetings, notes, sends, events), newest first, filtered by type;
 * editors add one, and its author or an administrator may delete a line.
 */
export function HistorySection({
  contactId,
  editable = true,
}: HistorySectionProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<InteractionKind | ''>('');
  const [revision, setRevision] = useState(0);
  const history = useResource(
    () =>
      client.history.list(contactId, {
        page,
        pageSize: PAGE_SIZE,
        kind: kind || undefined,
      }),
    `interactions:${contactId}:${kind}:${page}:${revision}`,
    { quietReload: true },
  );
  const removal = useAction<void>();
  const [announce, setAnnounce] = useState('');

  const remove = async (id: number) => {
    if (!(await removal.run(() => client.history.remove(id)))) return;
    setAnnounce(t('interactions.deleted'));
    setRevision((value) => value + 1);
  };
  const added = () => {
    setAnnounce(t('interactions.added'));
    setPage(1);
    setRevision((value) => value + 1);
  };

  return (
    <Section title={t('interactions.title')}>
      {editable && <HistoryForm contactId={contactId} onAdded={added} />}
      <Field label={t('interactions.filter')} className={styles.filter}>
        <Select
          value={kind}
          onChange={(_, data) => {
            setKind(data.value as InteractionKind | '');
            setPage(1);
          }}
        >
          <option value="">{t('interactions.filter.all')}</option>
          {interactionKinds.map((value) => (
            <option key={value} value={value}>
              {t(`interactions.kind.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      {removal.state.status === 'error' && (
        <ErrorMessage message={errorMessage(removal.state.error, t)} />
      )}
      {announce && <LiveMessage>{announce}</LiveMessage>}
      {history.status === 'loading' && (
        <LoadingState label={t('app.loading')} />
      )}
      {history.status === 'error' && (
        <ErrorMessage
          message={errorMessage(history.error, t)}
          onRetry={history.reload}
        />
      )}
      {history.status === 'done' && history.data.total === 0 && (
        <p className={styles.empty}>{t('interactions.empty')}</p>
      )}
      {history.status === 'done' && history.data.total > 0 && (
        <>
          <ol aria-label={t('interactions.title')} className={styles.list}>
            {history.data.items.map((item) => {
              const what = t(`interactions.kind.${item.kind}`);
              const date = formatDateTime(item.occurredAt);

              return (
                <li key={item.id} className={styles.item}>
                  <span className={styles.line}>
                    <span className={styles.kind}>{what}</span>
                    <time dateTime={item.occurredAt}>{date}</time>
                    {item.subject && <span>{item.subject}</span>}
                  </span>
                  {item.summary && (
                    <p className={styles.summary}>{item.summary}</p>
                  )}
                  <span className={styles.line}>
                    <Muted>{origin(item, t)}</Muted>
                    {item.link && <ItemLink link={item.link} t={t} />}
                    {item.deletable && editable && (
                      <Button
                        size="small"
                        appearance="subtle"
                        aria-label={t('interactions.deleteWhat', {
                          what,
                          date,
                        })}
                        disabled={removal.state.status === 'running'}
                        onClick={() => void remove(item.id)}
                      >
                        {t('interactions.delete')}
                      </Button>
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
          <Pager
            page={history.data.page}
            pageSize={PAGE_SIZE}
            total={history.data.total}
            onPage={setPage}
          />
        </>
      )}
    </Section>
  );
}

import { makeStyles, tokens } from '@fluentui/react-components';
import type { ListDto, ListEventDto } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import type { Locale } from '../../i18n/messages.ts';
import type { Translate } from '../../i18n/translate.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Section } from '../../ui/Section.tsx';
import { useResource } from '../../ui/useResource.ts';
import { formatCount } from '../targeting/CountSummary.tsx';
import { eventKeys } from './listText.ts';
import { useReloadOnRevision } from './useRevision.ts';

const PAGE_SIZE = 20;

const useStyles = makeStyles({
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
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * One line of history: what happened and who did it, for whom when an
 * administrator acted in the owner's place, and who had proposed it.
 */
export function eventText(
  event: ListEventDto,
  t: Translate,
  locale: Locale,
): string {
  const actor = event.actor?.displayName ?? t('listHistory.someone');
  const change = event.details?.change;
  const what = t(
    change === 'add'
      ? 'listHistory.what.add'
      : change === 'remove'
        ? 'listHistory.what.remove'
        : 'listHistory.what.request',
  );
  const count = formatCount(event.memberCount ?? 0, locale);
  const parts = [t(eventKeys[event.action], { actor, count, what })];
  if (event.proposedBy && event.action !== 'request_created')
    parts.push(
      t('listHistory.proposedBy', { name: event.proposedBy.displayName }),
    );
  if (event.actingFor)
    parts.push(
      t('listHistory.actingFor', { name: event.actingFor.displayName }),
    );

  return parts.join(' ');
}

export type ListHistoryProps = { list: ListDto; revision: number };

/** « Historique »: every change of the list, newest first, a page at a time. */
export function ListHistory({ list, revision }: ListHistoryProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [page, setPage] = useState(1);
  const history = useResource(
    () => client.lists.history(list.id, { page, pageSize: PAGE_SIZE }),
    `history:${list.id}`,
    { quietReload: true },
  );
  // Pages and changes keep the section on screen while the next is read.
  useReloadOnRevision(`${revision}:${page}`, history.reload);

  return (
    <Section title={t('listHistory.title')}>
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
        <p className={styles.empty}>{t('listHistory.empty')}</p>
      )}
      {history.status === 'done' && history.data.total > 0 && (
        <>
          <ol aria-label={t('listHistory.title')} className={styles.list}>
            {history.data.items.map((event) => (
              <li key={event.id} className={styles.item}>
                <span>{eventText(event, t, locale)}</span>
                <Muted>{formatDateTime(event.occurredAt)}</Muted>
              </li>
            ))}
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

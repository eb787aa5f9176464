import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { DecisionReport, ListDto, RequestDto } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useResource } from '../../ui/useResource.ts';
import { useSession } from '../auth/SessionContext.ts';
import { outcomeKeys, requestText } from './listText.ts';
import { useReloadOnRevision } from './useRevision.ts';

const PAGE_SIZE = 50;

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
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
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  what: {
    display: 'flex',
    flexDirection: 'column',
    flex: '1 1 14rem',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  label: { fontWeight: tokens.fontWeightSemibold },
  note: { fontStyle: 'italic' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Decision = 'approve' | 'reject';

export type ChangeRequestsProps = {
  list: ListDto;
  revision: number;
  onChanged: () => void;
};

/**
 * « Demandes en attente »: the additions and removals others proposed.
 * The owner (or an administrator for them) approves or rejects each, the
 * ticked ones or all, with a note; everyone else sees them waiting, and
 * may withdraw their own.
 */
export function ChangeRequests({
  list,
  revision,
  onChanged,
}: ChangeRequestsProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const { user } = useSession();
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const requests = useResource(
    () =>
      client.lists.requests(list.id, {
        status: 'pending',
        page,
        pageSize: PAGE_SIZE,
      }),
    `requests:${list.id}`,
    { quietReload: true },
  );
  // Pages and changes keep the section on screen while the next is read.
  useReloadOnRevision(`${revision}:${page}`, requests.reload);
  const decide = useAction<{ decision: Decision; report: DecisionReport }>();

  const run = async (decision: Decision, requestIds?: number[]) => {
    const input = { requestIds, note: note.trim() || undefined };
    const done = await decide.run(async () => ({
      decision,
      report:
        decision === 'approve'
          ? await client.lists.approve(list.id, input)
          : await client.lists.reject(list.id, input),
    }));
    if (!done) return;
    setChosen([]);
    setNote('');
    onChanged();
  };

  const withdraw = async (request: RequestDto) => {
    const done = await decide.run(async () => {
      await client.lists.withdraw(request.id);

      return { decision: 'reject', report: { decided: [], skipped: [] } };
    });
    if (done) onChanged();
  };

  if (requests.status === 'loading')
    return <LoadingState label={t('app.loading')} />;
  if (requests.status === 'error') {
    return (
      <ErrorMessage
        message={errorMessage(requests.error, t)}
        onRetry={requests.reload}
      />
    );
  }
  const { items, total } = requests.data;
  const outcome = decide.state;
  if (total === 0 && outcome.status !== 'done') return null;

  const decided =
    outcome.status === 'done' && outcome.data.report.decided.length > 0
      ? [
          t(
            outcome.data.decision === 'approve'
              ? 'requests.approvedCount'
              : 'requests.rejectedCount',
            { count: outcome.data.report.decided.length },
          ),
          // An approval with nothing left to do says why, request by request.
          ...outcome.data.report.decided.flatMap((request) => {
            const key = request.outcome && outcomeKeys[request.outcome];

            return key
              ? [
                  t('requests.outcomeLine', {
                    request: requestText(request, t),
                    outcome: t(key),
                  }),
                ]
              : [];
          }),
        ].join(' ')
      : t('requests.withdrawn');

  return (
    <Section title={t('requests.title', { count: total })}>
      <div className={styles.body}>
        <p className={styles.intro}>
          {list.canManage
            ? t('requests.introOwner')
            : t('requests.introOther', { owner: list.owner.displayName })}
        </p>
        {total > 0 && (
          <ul aria-label={t('requests.list')} className={styles.list}>
            {items.map((request) => {
              const label = requestText(request, t);

              return (
                <li key={request.id} className={styles.item}>
                  {list.canManage && (
                    <Checkbox
                      aria-label={t('requests.choose', { request: label })}
                      checked={chosen.includes(request.id)}
                      onChange={(_, data) =>
                        setChosen((ids) =>
                          data.checked
                            ? [...ids, request.id]
                            : ids.filter((id) => id !== request.id),
                        )
                      }
                    />
                  )}
                  <div className={styles.what}>
                    <span className={styles.label}>{label}</span>
                    <Muted>
                      {t('requests.proposedBy', {
                        name: request.proposedBy.displayName,
                        date: formatDateTime(request.proposedAt),
                      })}
                    </Muted>
                    {request.note && (
                      <span className={styles.note}>{request.note}</span>
                    )}
                    {!list.canManage && (
                      <Muted>
                        {t('requests.waiting', {
                          owner: list.owner.displayName,
                        })}
                      </Muted>
                    )}
                  </div>
                  <div className={styles.row}>
                    {list.canManage && (
                      <>
                        <Button
                          size="small"
                          appearance="primary"
                          disabledFocusable={decide.running}
                          aria-label={t('requests.approveOne', {
                            request: label,
                          })}
                          onClick={() => run('approve', [request.id])}
                        >
                          {t('requests.approve')}
                        </Button>
                        <Button
                          size="small"
                          disabledFocusable={decide.running}
                          aria-label={t('requests.rejectOne', {
                            request: label,
                          })}
                          onClick={() => run('reject', [request.id])}
                        >
                          {t('requests.reject')}
                        </Button>
                      </>
                    )}
                    {!list.canManage && request.proposedBy.id === user?.id && (
                      <Button
                        size="small"
                        disabledFocusable={decide.running}
                        aria-label={t('requests.withdrawOne', {
                          request: label,
                        })}
                        onClick={() => withdraw(request)}
                      >
                        {t('requests.withdraw')}
                      </Button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        <Pager
          page={requests.data.page}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={setPage}
        />
        {list.canManage && total > 0 && (
          <>
            <Field label={t('requests.note')} hint={t('requests.noteHint')}>
              <Textarea
                value={note}
                resize="vertical"
                onChange={(_, data) => setNote(data.value)}
              />
            </Field>
            <div className={styles.row}>
              <Button
                disabled={chosen.length === 0}
                disabledFocusable={decide.running}
                onClick={() => run('approve', chosen)}
              >
                {t('requests.approveChosen', { count: chosen.length })}
              </Button>
              <Button
                disabled={chosen.length === 0}
                disabledFocusable={decide.running}
                onClick={() => run('reject', chosen)}
              >
                {t('requests.rejectChosen', { count: chosen.length })}
              </Button>
              <Button
                disabledFocusable={decide.running}
                onClick={() => run('approve')}
              >
                {t('requests.approveAll', { count: total })}
              </Button>
              <Button
                disabledFocusable={decide.running}
                onClick={() => run('reject')}
              >
                {t('requests.rejectAll', { count: total })}
              </Button>
            </div>
          </>
        )}
        {outcome.status === 'done' && <Notice>{decided}</Notice>}
        {outcome.status === 'error' && (
          <ErrorMessage message={errorMessage(outcome.error, t)} />
        )}
      </div>
    </Section>
  );
}

import {
  Button,
  Caption1,
  Checkbox,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  type DecisionReport,
  type ListDto,
  type RequestDto,
  type UserDto,
} from 'core-api/client';
import { useApi } from '../../api.ts';
import { formatInstant } from '../../format.ts';
import { useI18n, type Translate } from '../../i18n/I18n.tsx';
import { LoadState } from '../../ui/LoadState.tsx';
import { Problem } from '../../ui/Problem.tsx';
import { useAttempt } from '../../ui/useAttempt.ts';
import { useLoad } from '../../ui/useLoad.ts';
import type { Outcome } from './outcome.ts';
import { useRowStyles } from './rowStyles.ts';

const useStyles = makeStyles({
  grow: { flexGrow: 1, minWidth: '12rem' },
  bulk: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
});

/** `Ajouter Jeanne Martin`: what the request would do. */
function labelOf(request: RequestDto, t: Translate): string {
  const key = request.action === 'add' ? 'requests.add' : 'requests.remove';

  return t(key, { name: request.memberLabel });
}

/** Who proposed it and when, then its note. */
function proposalOf(request: RequestDto, t: Translate): string {
  const by = t('requests.by', {
    name: request.proposedBy.displayName,
    date: formatInstant(request.proposedAt),
  });

  return request.note
    ? `${by} · ${t('requests.note', { note: request.note })}`
    : by;
}

/**
 * The list's pending requests. The owner (or an administrator) approves or
 * rejects each inline, or the selection at once; everyone else sees who
 * proposed what and when, and may withdraw their own.
 */
export function ListRequests(props: {
  list: ListDto;
  me: UserDto;
  revision: number;
  onChanged: (outcome: Outcome) => void;
}) {
  const { t } = useI18n();
  const rows = useRowStyles();
  const styles = useStyles();
  const api = useApi();
  const { list } = props;
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const { problem, attempt } = useAttempt();
  const loaded = useLoad(
    () => api.lists.requests(list.id, { status: 'pending', pageSize: 200 }),
    [api, list.id, props.revision],
  );

  const act = (work: () => Promise<DecisionReport | RequestDto>) =>
    attempt(async () => {
      const answer = await work();
      setSelected(new Set());
      const decided = 'decided' in answer ? answer.decided.length : 1;
      const skipped = 'skipped' in answer ? answer.skipped.length : 0;
      props.onChanged(
        skipped > 0
          ? {
              key: 'requests.skipped',
              params: { count: String(skipped) },
              intent: 'warning',
            }
          : {
              key: 'requests.decided',
              params: { count: String(decided) },
              intent: 'success',
            },
      );
    });

  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <LoadState loaded={loaded}>
      {({ items, total }) => {
        const requestIds = [...selected];
        return (
          <section aria-labelledby="requests-title">
            <h2 id="requests-title" className={rows.heading}>
              {t('requests.title', { count: total })}
            </h2>
            {problem && <Problem text={problem} />}
            {items.length === 0 && <Text>{t('requests.none')}</Text>}
            {list.canManage && items.length > 0 && (
              <div className={styles.bulk}>
                <Checkbox
                  label={t('requests.selectAll')}
                  checked={
                    selected.size === 0
                      ? false
                      : selected.size === items.length
                        ? true
                        : 'mixed'
                  }
                  onChange={(_, data) =>
                    setSelected(
                      new Set(data.checked ? items.map((r) => r.id) : []),
                    )
                  }
                />
                <Button
                  appearance="primary"
                  disabled={selected.size === 0}
                  onClick={() =>
                    void act(() => api.lists.approve(list.id, { requestIds }))
                  }
                >
                  {t('requests.approveSelected', { count: selected.size })}
                </Button>
                <Button
                  disabled={selected.size === 0}
                  onClick={() =>
                    void act(() => api.lists.reject(list.id, { requestIds }))
                  }
                >
                  {t('requests.rejectSelected', { count: selected.size })}
                </Button>
              </div>
            )}
            <ul className={rows.list}>
              {items.map((request) => {
                const label = labelOf(request, t);
                return (
                  <li key={request.id} className={rows.row}>
                    {list.canManage && (
                      <Checkbox
                        aria-label={t('requests.select', { label })}
                        checked={selected.has(request.id)}
                        onChange={(_, data) =>
                          toggle(request.id, data.checked === true)
                        }
                      />
                    )}
                    <div className={styles.grow}>
                      <Text weight="semibold">{label}</Text>
                      <br />
                      <Caption1>{proposalOf(request, t)}</Caption1>
                    </div>
                    {list.canManage ? (
                      <>
                        <Button
                          size="small"
                          appearance="primary"
                          aria-label={t('requests.approveOne', { label })}
                          onClick={() =>
                            void act(() => api.lists.approveRequest(request.id))
                          }
                        >
                          {t('requests.approve')}
                        </Button>
                        <Button
                          size="small"
                          aria-label={t('requests.rejectOne', { label })}
                          onClick={() =>
                            void act(() => api.lists.rejectRequest(request.id))
                          }
                        >
                          {t('requests.reject')}
                        </Button>
                      </>
                    ) : request.proposedBy.id === props.me.id ? (
                      <Button
                        size="small"
                        onClick={() =>
                          void act(() => api.lists.withdraw(request.id))
                        }
                      >
                        {t('requests.withdraw')}
                      </Button>
                    ) : (
                      <Caption1>
                        {t('requests.waiting', {
                          owner: list.owner.displayName,
                        })}
                      </Caption1>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      }}
    </LoadState>
  );
}

const statusKeys = {
  approved: 'requests.status.approved',
  rejected: 'requests.status.rejected',
  withdrawn: 'requests.status.withdrawn',
} as const;

/** Requests already decided: who proposed, who decided, when. */
export function DecidedRequests(props: { list: ListDto; revision: number }) {
  const { t } = useI18n();
  const rows = useRowStyles();
  const api = useApi();
  const loaded = useLoad(async () => {
    const page = await api.lists.requests(props.list.id, {
      status: 'all',
      pageSize: 50,
    });

    return page.items.filter((request) => request.status !== 'pending');
  }, [api, props.list.id, props.revision]);

  return (
    <LoadState loaded={loaded}>
      {(items) => (
        <section aria-labelledby="decided-title">
          <h2 id="decided-title" className={rows.heading}>
            {t('requests.history')}
          </h2>
          {items.length === 0 && <Text>{t('requests.noneDecided')}</Text>}
          <ul className={rows.list}>
            {items.map((request) => (
              <li key={request.id} className={rows.row}>
                <div>
                  <Text weight="semibold">{labelOf(request, t)}</Text>
                  <br />
                  <Caption1>{proposalOf(request, t)}</Caption1>
                  <br />
                  <Caption1>
                    {request.status !== 'pending' &&
                      t('requests.decidedBy', {
                        status: t(statusKeys[request.status]),
                        name: (request.decidedBy ?? request.proposedBy)
                          .displayName,
                        date: formatInstant(
                          request.decidedAt ?? request.proposedAt,
                        ),
                      })}
                  </Caption1>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </LoadState>
  );
}

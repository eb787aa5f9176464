import { Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, isNotFound } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import type { DuplicatePairDto } from 'core-api/client';
import { duplicatesHref } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useSession } from '../auth/SessionContext.ts';
import { DuplicateQueue } from './DuplicateQueue.tsx';
import { PairReview } from './PairReview.tsx';

const PAGE_SIZE = 20;

export type DuplicatesScreenProps = {
  /** The pair opened (`#/duplicates/:id`); none shows the queue. */
  pairId?: number;
};

/**
 * The section « Doublons »: the review queue, or one of its pairs. A pair
 * opened stays on screen once decided, so its merge can still be undone
 * after it has left the queue.
 */
export function DuplicatesScreen({ pairId }: DuplicatesScreenProps) {
  const t = useT();
  const client = useApi();
  const { user } = useSession();
  const canDecide = user?.role === 'admin';
  const [page, setPage] = useState(1);
  const queue = useResource(
    () => client.duplicates.list({ page, pageSize: PAGE_SIZE }),
    `pairs:${page}`,
  );
  const opened = useResource<DuplicatePairDto | null>(
    () =>
      pairId === undefined
        ? Promise.resolve(null)
        : client.duplicates.get(pairId),
    `pair:${pairId ?? ''}`,
  );

  if (pairId === undefined) {
    return (
      <DuplicateQueue
        queue={queue}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        canDecide={canDecide}
        onScanned={() => (page === 1 ? queue.reload() : setPage(1))}
      />
    );
  }

  if (opened.status === 'done' && opened.data) {
    return (
      <PairReview
        key={opened.data.id}
        pair={opened.data}
        canDecide={canDecide}
        onChanged={queue.reload}
      />
    );
  }
  if (opened.status === 'loading')
    return <LoadingState label={t('app.loading')} />;
  if (opened.status === 'error' && !isNotFound(opened.error)) {
    return (
      <ErrorMessage
        message={errorMessage(opened.error, t)}
        onRetry={opened.reload}
      />
    );
  }

  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('duplicates.notInQueue')}</MessageBarBody>
      </MessageBar>
      <Link href={duplicatesHref()}>{t('duplicates.backToQueue')}</Link>
    </>
  );
}

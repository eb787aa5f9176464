import { Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
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
  const [opened, setOpened] = useState<DuplicatePairDto | null>(null);
  const listed =
    queue.status === 'done'
      ? queue.data.items.find((pair) => pair.id === pairId)
      : undefined;

  useEffect(() => {
    if (listed) setOpened(listed);
  }, [listed]);

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

  const pair = listed ?? (opened?.id === pairId ? opened : undefined);
  if (pair) {
    return (
      <PairReview
        key={pair.id}
        pair={pair}
        canDecide={canDecide}
        onChanged={queue.reload}
      />
    );
  }
  if (queue.status === 'loading')
    return <LoadingState label={t('app.loading')} />;
  if (queue.status === 'error') {
    return (
      <ErrorMessage
        message={errorMessage(queue.error, t)}
        onRetry={queue.reload}
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

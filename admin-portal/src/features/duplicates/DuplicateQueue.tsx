import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import type { PairPage, ScanReport } from 'core-api/client';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Pager } from '../../ui/Pager.tsx';
import type { Resource } from '../../ui/useResource.ts';
import { PairSummary } from './PairSummary.tsx';
import { ScanButton } from './ScanButton.tsx';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  count: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
});

export type DuplicateQueueProps = {
  queue: Resource<PairPage> & { reload: () => void };
  pageSize: number;
  onPage: (page: number) => void;
  /** Administrators scan and decide; editors read. */
  canDecide: boolean;
  onScanned: (report: ScanReport) => void;
};

/** « Doublons à examiner »: the scan, then the pairs, surest first, a page at a time. */
export function DuplicateQueue({
  queue,
  pageSize,
  onPage,
  canDecide,
  onScanned,
}: DuplicateQueueProps) {
  const styles = useStyles();
  const t = useT();

  return (
    <>
      <PageHeading focusOnMount>{t('duplicates.title')}</PageHeading>
      <p className={styles.intro}>{t('duplicates.intro')}</p>
      {canDecide ? (
        <ScanButton onScanned={onScanned} />
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('duplicates.readOnly')}</MessageBarBody>
        </MessageBar>
      )}
      {queue.status === 'loading' && <LoadingState label={t('app.loading')} />}
      {queue.status === 'error' && (
        <ErrorMessage
          message={errorMessage(queue.error, t)}
          onRetry={queue.reload}
        />
      )}
      {queue.status === 'done' && queue.data.total === 0 && (
        <EmptyState title={t('duplicates.empty')}>
          {t(canDecide ? 'duplicates.emptyAdmin' : 'duplicates.emptyEditor')}
        </EmptyState>
      )}
      {queue.status === 'done' && queue.data.total > 0 && (
        <>
          <p className={styles.count}>
            {queue.data.total === 1
              ? t('duplicates.countOne')
              : t('duplicates.countMany', { count: queue.data.total })}
          </p>
          <ul aria-label={t('duplicates.list')} className={styles.list}>
            {queue.data.items.map((pair) => (
              <PairSummary key={pair.id} pair={pair} />
            ))}
          </ul>
          <Pager
            page={queue.data.page}
            pageSize={pageSize}
            total={queue.data.total}
            onPage={onPage}
          />
        </>
      )}
    </>
  );
}

import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import type { ImportPage } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { importsHref } from '../../routing/route.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Section } from '../../ui/Section.tsx';
import type { Resource } from '../../ui/useResource.ts';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';
import { UndoImport } from './UndoImport.tsx';

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
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/** Imports listed per page of the history. */
export const HISTORY_PAGE_SIZE = 20;

export type ImportHistoryProps = {
  history: Resource<ImportPage> & { reload: () => void };
  /** Asks for another page of the history. */
  onPage: (page: number) => void;
};

/** The imports, newest first, a page at a time: file, date, state, counts, undo. */
export function ImportHistory({ history, onPage }: ImportHistoryProps) {
  const styles = useStyles();
  const t = useT();

  return (
    <Section title={t('history.title')}>
      {history.status === 'loading' && (
        <LoadingState label={t('app.loading')} />
      )}
      {history.status === 'error' && (
        <ErrorMessage
          message={errorMessage(history.error, t)}
          onRetry={history.reload}
        />
      )}
      {history.status === 'done' && history.data.items.length === 0 && (
        <EmptyState title={t('history.empty')}>
          {t('history.emptyHint')}
        </EmptyState>
      )}
      {history.status === 'done' && history.data.items.length > 0 && (
        <ul className={styles.list}>
          {history.data.items.map((batch) => {
            const date = formatDateTime(batch.createdAt);
            const result = batch.result;

            return (
              <li key={batch.id} className={styles.item}>
                <div className={styles.top}>
                  <Link
                    href={importsHref(batch.id)}
                    className={styles.name}
                    aria-label={t('history.open', {
                      name: batch.fileName,
                      date,
                    })}
                  >
                    {batch.fileName}
                  </Link>
                  <ImportStatusBadge status={batch.status} />
                </div>
                <Muted>
                  {[
                    date,
                    t('history.rows', { rows: batch.totalRows }),
                    result && t('history.result', result),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Muted>
                <UndoImport batch={batch} onUndone={history.reload} />
              </li>
            );
          })}
        </ul>
      )}
      {history.status === 'done' && (
        <Pager
          page={history.data.page}
          pageSize={history.data.pageSize}
          total={history.data.total}
          onPage={onPage}
        />
      )}
    </Section>
  );
}

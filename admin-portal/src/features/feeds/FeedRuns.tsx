import {
  Badge,
  Button,
  Link,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FeedRunDto, FeedRunPage } from 'core-api/client';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { importsHref } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Section } from '../../ui/Section.tsx';
import type { Resource } from '../../ui/useResource.ts';
import { inLocale, runColor, runStatusText } from './feedText.ts';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
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
  when: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  line: { margin: 0, overflowWrap: 'anywhere' },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  refresh: { alignSelf: 'flex-start' },
});

function RunItem({ run }: { run: FeedRunDto }) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const seconds =
    run.durationMs === null
      ? null
      : new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
          maximumFractionDigits: 1,
        }).format(run.durationMs / 1000);

  return (
    <li className={styles.item}>
      <div className={styles.top}>
        <h3 className={styles.when}>
          {t('runs.run', { date: formatDateTime(run.startedAt) })}
        </h3>
        <Badge appearance="tint" color={runColor[run.status]}>
          {runStatusText(run.status, t)}
        </Badge>
        <Muted>
          {[
            t(`runs.cause.${run.cause}`),
            seconds && t('runs.duration', { seconds }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Muted>
      </div>
      {run.source && (
        <p className={styles.line}>
          {t('runs.source', { source: run.source })}
        </p>
      )}
      {run.counts && (
        <p className={styles.line}>{t('runs.counts', run.counts)}</p>
      )}
      {run.error && (
        <p className={styles.error}>{inLocale(run.error, locale)}</p>
      )}
      {run.batchId !== null && (
        <Link href={importsHref(run.batchId)}>{t('runs.openImport')}</Link>
      )}
    </li>
  );
}

export type FeedRunsProps = {
  runs: Resource<FeedRunPage> & { reload: () => void };
  onPage: (page: number) => void;
};

/** « Exécutions »: a feed's runs, newest first, with counts and errors. */
export function FeedRuns({ runs, onPage }: FeedRunsProps) {
  const styles = useStyles();
  const t = useT();

  return (
    <Section title={t('runs.title')}>
      <div className={styles.body}>
        <Button className={styles.refresh} onClick={runs.reload}>
          {t('runs.refresh')}
        </Button>
        {runs.status === 'loading' && <LoadingState label={t('app.loading')} />}
        {runs.status === 'error' && (
          <ErrorMessage
            message={errorMessage(runs.error, t)}
            onRetry={runs.reload}
          />
        )}
        {runs.status === 'done' && runs.data.items.length === 0 && (
          <p className={styles.line}>{t('runs.empty')}</p>
        )}
        {runs.status === 'done' && runs.data.items.length > 0 && (
          <>
            <ul aria-label={t('runs.title')} className={styles.list}>
              {runs.data.items.map((run) => (
                <RunItem key={run.id} run={run} />
              ))}
            </ul>
            <Pager
              page={runs.data.page}
              pageSize={runs.data.pageSize}
              total={runs.data.total}
              onPage={onPage}
            />
          </>
        )}
      </div>
    </Section>
  );
}

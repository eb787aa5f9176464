import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import type { FeedDto } from 'core-api/client';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { feedsHref } from '../../routing/route.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Section } from '../../ui/Section.tsx';
import type { Resource } from '../../ui/useResource.ts';
import { FeedBadges } from './FeedBadges.tsx';
import {
  inLocale,
  kindLabels,
  runStatusText,
  scheduleText,
  sourceText,
} from './feedText.ts';
import { RunNowButton } from './RunNowButton.tsx';

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
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  line: { margin: 0, overflowWrap: 'anywhere' },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});

/** « Dernière exécution : 04/12/2026 06:00 (Réussie) », or « Jamais ». */
export function lastRunText(feed: FeedDto, t: ReturnType<typeof useT>) {
  if (!feed.lastRunAt) return t('feeds.never');
  const when = formatDateTime(feed.lastRunAt);

  return feed.lastStatus
    ? `${when} (${runStatusText(feed.lastStatus, t)})`
    : when;
}

/** « Prochaine exécution »: a date, or none while the feed is off. */
export function nextRunText(feed: FeedDto, t: ReturnType<typeof useT>) {
  return feed.nextRunAt
    ? formatDateTime(feed.nextRunAt)
    : t('feeds.notPlanned');
}

function FeedItem({ feed }: { feed: FeedDto }) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();

  return (
    <li className={styles.item}>
      <div className={styles.top}>
        <Link href={feedsHref(feed.id)} className={styles.name}>
          {feed.name}
        </Link>
        <FeedBadges feed={feed} />
      </div>
      <Muted>{`${t(kindLabels[feed.kind])} · ${sourceText(feed, t)}`}</Muted>
      <p className={styles.line}>{scheduleText(feed.schedule, t)}</p>
      <p className={styles.line}>
        {t('feeds.nextRunIs', { when: nextRunText(feed, t) })}
      </p>
      <p className={styles.line}>
        {t('feeds.lastRunIs', { when: lastRunText(feed, t) })}
      </p>
      {feed.consecutiveFailures > 0 && feed.lastError && (
        <p className={styles.error}>
          {t('feeds.lastError', { message: inLocale(feed.lastError, locale) })}
        </p>
      )}
      <RunNowButton feed={feed} named />
    </li>
  );
}

export type FeedListProps = {
  feeds: Resource<{ items: FeedDto[] }> & { reload: () => void };
};

/** « Flux »: every feed, by name, with its state, next and last run. */
export function FeedList({ feeds }: FeedListProps) {
  const styles = useStyles();
  const t = useT();
  const failing =
    feeds.status === 'done'
      ? feeds.data.items.filter((feed) => feed.consecutiveFailures > 0).length
      : 0;

  return (
    <Section title={t('feeds.list')}>
      <div className={styles.body}>
        {feeds.status === 'loading' && (
          <LoadingState label={t('app.loading')} />
        )}
        {feeds.status === 'error' && (
          <ErrorMessage
            message={errorMessage(feeds.error, t)}
            onRetry={feeds.reload}
          />
        )}
        {failing > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {t('feeds.failingCount', { count: failing })}
            </MessageBarBody>
          </MessageBar>
        )}
        {feeds.status === 'done' && feeds.data.items.length === 0 && (
          <EmptyState title={t('feeds.empty')}>
            {t('feeds.emptyHint')}
          </EmptyState>
        )}
        {feeds.status === 'done' && feeds.data.items.length > 0 && (
          <ul aria-label={t('feeds.list')} className={styles.list}>
            {feeds.data.items.map((feed) => (
              <FeedItem key={feed.id} feed={feed} />
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}

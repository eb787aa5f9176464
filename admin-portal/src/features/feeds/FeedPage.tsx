import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import type { FeedDto } from 'core-api/client';
import { useCallback, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { feedsHref, navigate } from '../../routing/route.ts';
import { DetailItem } from '../../ui/DetailItem.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Section } from '../../ui/Section.tsx';
import { useResource } from '../../ui/useResource.ts';
import { DeleteFeed } from './DeleteFeed.tsx';
import { FeedBadges } from './FeedBadges.tsx';
import { FeedForm } from './FeedForm.tsx';
import { lastRunText, nextRunText } from './FeedList.tsx';
import { FeedRuns } from './FeedRuns.tsx';
import { inLocale, kindLabels, scheduleText, sourceText } from './feedText.ts';
import { RunNowButton } from './RunNowButton.tsx';
import { useRunWatch } from './useRunWatch.ts';

const RUNS_PAGE = 10;

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
});

export type FeedPageProps = { id: number };

/**
 * One feed: its state and alert, « Lancer maintenant », its runs, its
 * settings to edit, and its deletion.
 */
export function FeedPage({ id }: FeedPageProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  // Bumped to read the feed afresh after a conflict: the form restarts.
  const [round, setRound] = useState(0);
  const loaded = useResource(
    () => client.feeds.get(id),
    `feed:${id}:${round}`,
    { quietReload: true },
  );
  const profiles = useResource(
    () => client.mappingProfiles.list(),
    'mapping-profiles',
  );
  const [page, setPage] = useState(1);
  const runs = useResource(
    () => client.feeds.runs(id, { page, pageSize: RUNS_PAGE }),
    `runs:${id}:${page}`,
    { quietReload: true },
  );
  const [saved, setSaved] = useState<FeedDto | null>(null);
  const { reload } = loaded;
  const watch = useRunWatch(runs, reload);
  const reloadForm = useCallback(() => {
    setSaved(null);
    setRound((n) => n + 1);
  }, []);

  if (loaded.status === 'loading') {
    return <LoadingState label={t('app.loading')} />;
  }
  if (loaded.status === 'error') {
    return (
      <ErrorMessage message={errorMessage(loaded.error, t)} onRetry={reload} />
    );
  }
  // A save answers before the feed is read again: the newer version shows.
  const feed =
    saved && saved.version > loaded.data.version ? saved : loaded.data;
  const profileName =
    profiles.status === 'done'
      ? profiles.data.items.find((item) => item.id === feed.mappingProfileId)
          ?.name
      : undefined;

  return (
    <>
      <PageHeading focusOnMount>{feed.name}</PageHeading>
      <FeedBadges feed={feed} />
      {feed.consecutiveFailures > 0 && feed.lastError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('feeds.lastError', {
              message: inLocale(feed.lastError, locale),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      <Section title={t('feed.status')}>
        <div className={styles.body}>
          <DetailList>
            <DetailItem label={t('feeds.kind')}>
              {t(kindLabels[feed.kind])}
            </DetailItem>
            <DetailItem label={t('feeds.source')}>
              {sourceText(feed, t)}
            </DetailItem>
            <DetailItem label={t('feeds.schedule')}>
              {scheduleText(feed.schedule, t)}
            </DetailItem>
            <DetailItem label={t('feeds.profile')}>
              {feed.mappingProfileId
                ? (profileName ?? `#${feed.mappingProfileId}`)
                : t('feeds.noProfile')}
            </DetailItem>
            <DetailItem label={t('feeds.deactivates')}>
              {feed.deactivateMissing
                ? t('feeds.deactivatesYes')
                : t('feeds.deactivatesNo')}
            </DetailItem>
            <DetailItem label={t('feeds.nextRun')}>
              {nextRunText(feed, t)}
            </DetailItem>
            <DetailItem label={t('feeds.lastRun')}>
              {lastRunText(feed, t)}
            </DetailItem>
            <DetailItem label={t('feeds.lastSuccess')}>
              {feed.lastSuccessAt
                ? formatDateTime(feed.lastSuccessAt)
                : t('feeds.never')}
            </DetailItem>
          </DetailList>
          <RunNowButton
            feed={feed}
            onRequested={() => {
              setPage(1);
              watch.watch();
            }}
          />
        </div>
      </Section>
      <FeedRuns runs={runs} onPage={setPage} />
      <Section title={t('feed.edit')}>
        <div className={styles.body}>
          <FeedForm
            feed={feed}
            profiles={profiles.status === 'done' ? profiles.data.items : []}
            onSaved={setSaved}
            onReload={reloadForm}
          />
          <DeleteFeed feed={feed} onDeleted={() => navigate(feedsHref())} />
        </div>
      </Section>
    </>
  );
}

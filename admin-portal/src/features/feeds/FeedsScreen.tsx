import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../ApiContext.ts';
import { useT } from '../../i18n/useT.ts';
import { feedsHref, navigate, type Route } from '../../routing/route.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Section } from '../../ui/Section.tsx';
import { useResource } from '../../ui/useResource.ts';
import { AdminOnly } from '../admin/AdminOnly.tsx';
import { AllowedHosts } from './AllowedHosts.tsx';
import { FeedForm } from './FeedForm.tsx';
import { FeedList } from './FeedList.tsx';
import { FeedPage } from './FeedPage.tsx';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  back: { alignSelf: 'flex-start' },
});

function FeedsHome() {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const feeds = useResource(() => client.feeds.list(), 'feeds', {
    quietReload: true,
  });

  return (
    <>
      <PageHeading focusOnMount>{t('feeds.title')}</PageHeading>
      <p className={styles.intro}>{t('feeds.intro')}</p>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => navigate(feedsHref('new'))}>
          {t('feeds.new')}
        </Button>
      </div>
      <FeedList feeds={feeds} />
      <AllowedHosts />
    </>
  );
}

function NewFeed() {
  const t = useT();
  const client = useApi();
  const profiles = useResource(
    () => client.mappingProfiles.list(),
    'mapping-profiles',
  );

  return (
    <>
      <PageHeading focusOnMount>{t('feeds.new')}</PageHeading>
      <Section title={t('feed.settings')}>
        <FeedForm
          profiles={profiles.status === 'done' ? profiles.data.items : []}
          onSaved={(feed) => navigate(feedsHref(feed.id))}
        />
      </Section>
    </>
  );
}

export type FeedsScreenProps = {
  route: Extract<Route, { name: 'feeds' | 'feedNew' | 'feed' }>;
};

/**
 * The screen « Flux d'import »: the feeds and the allowed hosts, the form
 * of a new feed, or one feed.
 */
export function FeedsScreen({ route }: FeedsScreenProps) {
  const styles = useStyles();
  const t = useT();
  const home = route.name === 'feeds';

  return (
    <AdminOnly title={t('feeds.title')} backLink={home}>
      {!home && (
        <Link href={feedsHref()} className={styles.back}>
          {t('feed.back')}
        </Link>
      )}
      {route.name === 'feeds' && <FeedsHome />}
      {route.name === 'feedNew' && <NewFeed />}
      {route.name === 'feed' && <FeedPage key={route.id} id={route.id} />}
    </AdminOnly>
  );
}

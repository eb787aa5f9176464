import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { FeedDto } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
  },
});

export type FeedBadgesProps = { feed: FeedDto };

/** Whether a feed is on, and the alert when its last runs failed. */
export function FeedBadges({ feed }: FeedBadgesProps) {
  const styles = useStyles();
  const t = useT();
  const failures = feed.consecutiveFailures;

  return (
    <span className={styles.root}>
      <Badge appearance="tint" color={feed.enabled ? 'success' : 'subtle'}>
        {feed.enabled ? t('feeds.enabled') : t('feeds.disabled')}
      </Badge>
      {failures > 0 && (
        <Badge appearance="filled" color="danger">
          {failures === 1
            ? t('feeds.failing')
            : t('feeds.failingTimes', { count: failures })}
        </Badge>
      )}
    </span>
  );
}

import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { FeedDto, RunRequested } from 'core-api/client';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useAction } from '../../ui/useAction.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
  },
});

export type RunNowButtonProps = {
  feed: FeedDto;
  /** Names the feed in the button's accessible name (a list of feeds). */
  named?: boolean;
  onRequested?: (request: RunRequested) => void;
};

/** « Lancer maintenant »: queues a run, which the worker carries out. */
export function RunNowButton({ feed, named, onRequested }: RunNowButtonProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const request = useAction<RunRequested>();
  const { state } = request;

  const handleClick = async () => {
    const done = await request.run(() => client.feeds.run(feed.id));
    if (done) onRequested?.(done.data);
  };

  return (
    <div className={styles.root}>
      <Button
        disabledFocusable={request.running}
        icon={request.running ? <BusySpinner /> : undefined}
        aria-label={
          named ? t('feeds.runNowOf', { name: feed.name }) : undefined
        }
        onClick={handleClick}
      >
        {t('feeds.runNow')}
      </Button>
      {state.status === 'done' && (
        <Notice>
          {state.data.alreadyQueued
            ? t('feeds.runAlready')
            : t('feeds.runQueued')}
        </Notice>
      )}
      {state.status === 'error' && (
        <ErrorMessage message={errorMessage(state.error, t)} />
      )}
    </div>
  );
}

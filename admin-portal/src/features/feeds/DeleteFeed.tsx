import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { FeedDto } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { useAction } from '../../ui/useAction.ts';

export type DeleteFeedProps = { feed: FeedDto; onDeleted: () => void };

/** « Supprimer le flux », asked twice: its run history goes with it. */
export function DeleteFeed({ feed, onDeleted }: DeleteFeedProps) {
  const t = useT();
  const client = useApi();
  const [confirming, setConfirming] = useState(false);
  const remove = useAction<void>();

  const handleDelete = async () => {
    if (await remove.run(() => client.feeds.remove(feed.id))) onDeleted();
  };

  return (
    <>
      {confirming ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('feed.deleteConfirm', { name: feed.name })}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              disabledFocusable={remove.running}
              icon={remove.running ? <BusySpinner /> : undefined}
              onClick={handleDelete}
            >
              {t('feed.deleteYes')}
            </Button>
            <Button onClick={() => setConfirming(false)}>
              {t('feed.deleteNo')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <div>
          <Button onClick={() => setConfirming(true)}>
            {t('feed.delete')}
          </Button>
        </div>
      )}
      {remove.state.status === 'error' && (
        <ErrorMessage message={errorMessage(remove.state.error, t)} />
      )}
    </>
  );
}

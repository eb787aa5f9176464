import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useSession } from '../auth/SessionContext.ts';

export type DeletedBannerProps<R> = {
  deletedAt: string;
  /** Restores the record; the API lets administrators do it. */
  onRestore: () => Promise<R>;
  onRestored: (record: R) => void;
};

/**
 * A deleted record's banner: when it went, and « Restaurer » for an
 * administrator; an editor is told who can bring it back.
 */
export function DeletedBanner<R>({
  deletedAt,
  onRestore,
  onRestored,
}: DeletedBannerProps<R>) {
  const t = useT();
  const { user } = useSession();
  const restore = useAction<R>();
  const isAdmin = user?.role === 'admin';

  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          {t('record.deleted', { date: formatDateTime(deletedAt) })}{' '}
          {!isAdmin && t('card.deleted.askAdmin')}
        </MessageBarBody>
        {isAdmin && (
          <MessageBarActions>
            <Button
              appearance="primary"
              disabledFocusable={restore.running}
              icon={restore.running ? <BusySpinner /> : undefined}
              onClick={async () => {
                const done = await restore.run(onRestore);
                if (done) onRestored(done.data);
              }}
            >
              {t('card.restore')}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
      {restore.state.status === 'error' && (
        <ErrorMessage message={errorMessage(restore.state.error, t)} />
      )}
    </>
  );
}

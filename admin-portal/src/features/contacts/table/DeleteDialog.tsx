import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../../ui/BusySpinner.tsx';
import type { ContactDeletionDto, TargetQuery } from 'core-api/client';
import { useApi } from '../../../ApiContext.ts';
import { errorMessage } from '../../../api.ts';
import { useLocale, useT } from '../../../i18n/useT.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { useAction } from '../../../ui/useAction.ts';
import { formatCount } from '../../targeting/CountSummary.tsx';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(34rem, calc(100vw - 2rem))' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  text: { margin: 0 },
});

export type DeleteDialogProps = {
  open: boolean;
  /** The selection to delete, and how many contacts it counted. */
  query: TargetQuery;
  count: number;
  onClose: () => void;
  onDeleted: (deletion: ContactDeletionDto) => void;
};

/**
 * « Supprimer N contact(s) ? »: says how long the deletion can be undone,
 * then deletes exactly the count shown (the API refuses if the selection
 * changed meanwhile). The screen holds it, so it outlives the selection
 * bar that asked for it.
 */
export function DeleteDialog({
  open,
  query,
  count,
  onClose,
  onDeleted,
}: DeleteDialogProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const deleting = useAction<ContactDeletionDto>();

  const close = () => {
    deleting.reset();
    onClose();
  };

  const confirm = async () => {
    const done = await deleting.run(() =>
      client.contactDeletions.create({ query, expected: count }),
    );
    if (!done) return;
    close();
    onDeleted(done.data);
  };

  return (
    <Dialog
      modalType="alert"
      open={open}
      onOpenChange={(_, data) => !data.open && close()}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>
            {t('table.delete.title', { count: formatCount(count, locale) })}
          </DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.text}>{t('table.delete.text')}</p>
            {deleting.state.status === 'error' && (
              <ErrorMessage
                message={t('table.delete.failed', {
                  message: errorMessage(deleting.state.error, t),
                })}
              />
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabledFocusable={deleting.running}
              icon={deleting.running ? <BusySpinner /> : undefined}
              onClick={confirm}
            >
              {t('table.delete.confirm')}
            </Button>
            <Button onClick={close}>{t('table.delete.keep')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

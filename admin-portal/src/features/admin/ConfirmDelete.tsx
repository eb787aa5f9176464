import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useCloseThen } from '../../ui/useCloseThen.ts';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(32rem, calc(100vw - 2rem))' },
  text: { margin: 0 },
});

export type ConfirmDeleteProps = {
  /** The accessible name of the button that opens the dialog. */
  label: string;
  /** Its visible text, when shorter than `label` (a row's « Supprimer »). */
  text?: string;
  /** The question the dialog asks. */
  title: string;
  /** What goes and what stays. */
  body: string;
  confirm: string;
  cancel: string;
  /** Deletes; a refusal stays in the dialog, shown. */
  onDelete: () => Promise<void>;
  /** Called once deleted, the dialog closed and gone. */
  onDeleted: () => void;
};

/**
 * A delete button that asks first, in an alert dialog saying what goes and
 * what stays; the API's refusal (a department still in use) is shown there.
 */
export function ConfirmDelete({
  label,
  text,
  title,
  body,
  confirm,
  cancel,
  onDelete,
  onDeleted,
}: ConfirmDeleteProps) {
  const styles = useStyles();
  const t = useT();
  const [open, setOpen] = useState(false);
  const removal = useAction<void>();
  const { state } = removal;
  const { closeThen, surfaceMotion, onTriggerFocus } = useCloseThen(setOpen);

  const run = async () => {
    const done = await removal.run(onDelete);
    if (done) closeThen(onDeleted);
  };

  return (
    <Dialog
      modalType="alert"
      open={open}
      surfaceMotion={surfaceMotion}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (!data.open) removal.reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button aria-label={text ? label : undefined} onFocus={onTriggerFocus}>
          {text ?? label}
        </Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <p className={styles.text}>{body}</p>
            {state.status === 'error' && (
              <ErrorMessage message={errorMessage(state.error, t)} />
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabledFocusable={removal.running}
              icon={removal.running ? <BusySpinner /> : undefined}
              onClick={run}
            >
              {confirm}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{cancel}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

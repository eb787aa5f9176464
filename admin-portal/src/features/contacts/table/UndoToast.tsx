import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useT } from '../../../i18n/useT.ts';

const useStyles = makeStyles({
  root: {
    position: 'fixed',
    zIndex: 10,
    bottom: tokens.spacingVerticalL,
    left: '50%',
    transform: 'translateX(-50%)',
    width: 'min(34rem, calc(100vw - 2rem))',
    boxShadow: tokens.shadow16,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** What the message says, and whether it offers to undo. */
export type ToastMessage = {
  text: string;
  intent: 'success' | 'error' | 'info';
  /** Offered while the deletion may be taken back. */
  onUndo?: () => void;
  undoing?: boolean;
};

export type UndoToastProps = {
  message: ToastMessage;
  onClose: () => void;
};

/**
 * The outcome of an action on the selection, at the bottom of the screen,
 * with « Annuler » while it can be undone. It stays until closed: the
 * focus goes to « Annuler », so the keyboard can undo at once.
 */
export function UndoToast({ message, onClose }: UndoToastProps) {
  const styles = useStyles();
  const t = useT();
  const undoRef = useRef<HTMLButtonElement>(null);
  const offersUndo = message.onUndo !== undefined;

  useEffect(() => {
    if (offersUndo) undoRef.current?.focus();
  }, [offersUndo]);

  return (
    <div className={styles.root}>
      <MessageBar intent={message.intent} layout="multiline" role="status">
        <MessageBarBody>{message.text}</MessageBarBody>
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              size="small"
              aria-label={t('table.toast.close')}
              onClick={onClose}
            >
              ✕
            </Button>
          }
        >
          {message.onUndo && (
            <Button
              ref={undoRef}
              disabledFocusable={message.undoing}
              onClick={message.onUndo}
            >
              {t('table.undo')}
            </Button>
          )}
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}

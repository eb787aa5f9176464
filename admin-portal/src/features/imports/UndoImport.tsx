import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, isApiError } from '../../api.ts';
import type { ImportBatchDto, UndoReport } from 'core-api/client';
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
  bar: { width: '100%' },
});

export type UndoImportProps = {
  batch: ImportBatchDto;
  onUndone: (report: UndoReport) => void;
};

/**
 * « Annuler l'import », asked twice since it removes contacts; when some were
 * edited since, the API says how many and « Annuler quand même » goes on.
 */
export function UndoImport({ batch, onUndone }: UndoImportProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [confirming, setConfirming] = useState(false);
  const undo = useAction<UndoReport>();
  const { state } = undo;
  const editedSince =
    state.status === 'error' &&
    isApiError(state.error) &&
    state.error.code === 'CONFLICT';

  const run = async (force: boolean) => {
    const undone = await undo.run(() => client.imports.undo(batch.id, force));
    if (!undone) return;
    setConfirming(false);
    onUndone(undone.data);
  };

  if (state.status === 'done') {
    const { termsRemoved, termsKept } = state.data;

    return (
      <Notice focusOnMount>
        {[
          t('undo.done', {
            removed: state.data.contactsRemoved,
            restored: state.data.contactsRestored,
          }),
          termsRemoved > 0 && t('undo.termsRemoved', { count: termsRemoved }),
          termsKept.length > 0 &&
            t('undo.termsKept', {
              count: termsKept.length,
              labels: termsKept.map((term) => term.label).join(', '),
            }),
        ]
          .filter(Boolean)
          .join(' ')}
      </Notice>
    );
  }
  if (batch.status !== 'committed') return null;

  return (
    <div className={styles.root}>
      {confirming ? (
        <MessageBar intent="warning" layout="multiline" className={styles.bar}>
          <MessageBarBody>{t('undo.confirm')}</MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              disabledFocusable={undo.running}
              icon={undo.running ? <BusySpinner /> : undefined}
              onClick={() => run(false)}
            >
              {t('undo.confirmYes')}
            </Button>
            <Button onClick={() => setConfirming(false)}>
              {t('undo.keep')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <Button onClick={() => setConfirming(true)}>{t('undo.submit')}</Button>
      )}
      {state.status === 'error' && (
        <ErrorMessage message={errorMessage(state.error, t)} />
      )}
      {editedSince && (
        <Button appearance="primary" onClick={() => run(true)}>
          {t('undo.force')}
        </Button>
      )}
    </div>
  );
}

import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, isApiError } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import type { MergeReport, UndoMergeReport } from 'core-api/client';
import { contactHref } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useAction } from '../../ui/useAction.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

export type MergeDoneProps = {
  /** The merge: from its report, or from a decided pair read again. */
  report: Pick<MergeReport, 'mergeId' | 'survivorId' | 'mergedId'>;
  onUndone: (report: UndoMergeReport) => void;
};

/**
 * What a merge did, a link to the surviving record and « Annuler la
 * fusion ». When the survivor was edited since, the API refuses and says so;
 * « Annuler quand même » then takes the merge back, losing those edits.
 */
export function MergeDone({ report, onUndone }: MergeDoneProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const undo = useAction<UndoMergeReport>();
  const { state } = undo;
  const editedSince =
    state.status === 'error' &&
    isApiError(state.error) &&
    state.error.code === 'CONFLICT';

  const handleUndo = async (force: boolean) => {
    const undone = await undo.run(() =>
      client.merges.undo(report.mergeId, force),
    );
    if (undone) onUndone(undone.data);
  };

  return (
    <div className={styles.root}>
      <Notice focusOnMount>
        {t('review.merged', {
          merged: report.mergedId,
          survivor: report.survivorId,
        })}
      </Notice>
      <div className={styles.actions}>
        <Link href={contactHref(report.survivorId)}>
          {t('review.openMerged')}
        </Link>
        <Button
          disabledFocusable={undo.running}
          icon={undo.running ? <BusySpinner /> : undefined}
          onClick={() => handleUndo(false)}
        >
          {t('review.undo')}
        </Button>
      </div>
      {state.status === 'error' && (
        <ErrorMessage message={errorMessage(state.error, t)} />
      )}
      {editedSince && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => handleUndo(true)}>
            {t('review.undoForce')}
          </Button>
        </div>
      )}
    </div>
  );
}

import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import type { ScanReport } from 'core-api/client';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { useAction } from '../../ui/useAction.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
  },
  status: { width: '100%' },
});

export type ScanButtonProps = {
  /** Called once the scan has rebuilt the queue. */
  onScanned: (report: ScanReport) => void;
};

/**
 * « Rechercher les doublons » (administrators): compares the whole base, which
 * takes a few seconds on a large one; the button says it is running and the
 * outcome is announced.
 */
export function ScanButton({ onScanned }: ScanButtonProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const scan = useAction<ScanReport>();
  const { state } = scan;

  const start = async () => {
    const scanned = await scan.run(() => client.duplicates.scan());
    if (scanned) onScanned(scanned.data);
  };

  return (
    <div className={styles.root}>
      <Button
        appearance="primary"
        // Stays focusable while disabled, so the focus is not lost mid-scan.
        disabledFocusable={scan.running}
        icon={scan.running ? <BusySpinner /> : undefined}
        onClick={start}
      >
        {t('duplicates.scan')}
      </Button>
      <div role="status" className={styles.status}>
        {state.status === 'running' && t('duplicates.scanning')}
        {state.status === 'done' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t('duplicates.scanDone', {
                contacts: state.data.contacts,
                same: state.data.same,
                maybe: state.data.maybe,
                decided: state.data.alreadyDecided,
              })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.status === 'error' && (
        <ErrorMessage message={errorMessage(state.error, t)} />
      )}
    </div>
  );
}

import { Field, ProgressBar } from '@fluentui/react-components';
import type { ImportBatchDto } from 'core-api/client';
import { isMessageKey } from '../../i18n/translate.ts';
import { useT } from '../../i18n/useT.ts';

export type BatchProgressProps = { batch: ImportBatchDto };

/**
 * The step the server is at (reading, matching, writing, committing) and
 * how far through it, as a progress bar; one that cannot count its rows yet
 * moves without a value.
 */
export function BatchProgress({ batch }: BatchProgressProps) {
  const t = useT();
  const phase =
    batch.phase ?? (batch.status === 'committing' ? 'committing' : 'waiting');
  const phaseKey = `importPhase.${phase}`;
  const { done, total } = batch.progress;

  return (
    <Field
      label={isMessageKey(phaseKey) ? t(phaseKey) : phase}
      hint={
        total > 0
          ? t('batch.progress', { done: Math.min(done, total), total })
          : t('batch.progressUnknown', { done })
      }
    >
      <ProgressBar
        thickness="large"
        value={total > 0 ? Math.min(done, total) : undefined}
        max={total > 0 ? total : undefined}
      />
    </Field>
  );
}

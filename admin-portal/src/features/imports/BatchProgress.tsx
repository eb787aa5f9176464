import { Field, ProgressBar } from '@fluentui/react-components';
import type { ImportBatchDto } from 'core-api/client';
import { isMessageKey } from '../../i18n/translate.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { formatCount } from '../targeting/CountSummary.tsx';

export type BatchProgressProps = { batch: ImportBatchDto };

/**
 * The step the server is at (reading, matching, writing, committing) and
 * how far through it, as a progress bar; one that cannot count its rows yet
 * moves without a value.
 */
export function BatchProgress({ batch }: BatchProgressProps) {
  const t = useT();
  const { locale } = useLocale();
  const phase =
    batch.phase ?? (batch.status === 'committing' ? 'committing' : 'waiting');
  const phaseKey = `importPhase.${phase}`;
  const { done, total } = batch.progress;
  // Grouped as the reader writes them: « 12 345 lignes sur 20 000 ». The
  // plural still agrees: only 0 and 1 take the singular, and they are
  // written without a separator.
  const count = (value: number) => formatCount(value, locale);

  return (
    <Field
      label={isMessageKey(phaseKey) ? t(phaseKey) : phase}
      hint={
        total > 0
          ? t('batch.progress', {
              done: count(Math.min(done, total)),
              total: count(total),
            })
          : t('batch.progressUnknown', { done: count(done) })
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

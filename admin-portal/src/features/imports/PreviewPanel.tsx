import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type {
  ImportBatchDto,
  RowOutcome,
  StagedSummary,
} from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { Muted } from '../../ui/Muted.tsx';
import { Section } from '../../ui/Section.tsx';
import { columnLabel } from './columnLabels.ts';
import { ImportRows } from './ImportRows.tsx';

/** The outcomes in the order the preview counts them. */
const ROW_OUTCOMES: readonly RowOutcome[] = [
  'create',
  'update',
  'merge',
  'review',
  'reject',
];

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  text: { margin: 0 },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});

/** The rows shown first: the problems, else what the import mostly does. */
function firstOutcome(counts: StagedSummary['counts']): RowOutcome {
  const order: RowOutcome[] = ['reject', 'review', 'create', 'update', 'merge'];

  return order.find((outcome) => counts[outcome] > 0) ?? 'create';
}

export type PreviewPanelProps = {
  batch: ImportBatchDto & { preview: StagedSummary };
};

/**
 * « Aperçu »: what committing would do, counted by outcome (créés, mis à
 * jour, fusionnés, à revoir, rejetés); each count shows its rows.
 */
export function PreviewPanel({ batch }: PreviewPanelProps) {
  const styles = useStyles();
  const t = useT();
  const { preview } = batch;
  const [outcome, setOutcome] = useState<RowOutcome>(() =>
    firstOutcome(preview.counts),
  );
  const outcomeLabel = t(`outcome.${outcome}`);

  return (
    <Section title={t('preview.title')}>
      <div className={styles.body}>
        <p className={styles.text}>
          {t('preview.intro', { total: preview.totalRows })}
        </p>
        <div
          role="group"
          aria-label={t('preview.filter')}
          className={styles.filters}
        >
          {ROW_OUTCOMES.map((option) => (
            <ToggleButton
              key={option}
              checked={option === outcome}
              appearance={option === outcome ? 'primary' : 'secondary'}
              onClick={() => setOutcome(option)}
            >
              {t('preview.count', {
                label: t(`outcome.${option}`),
                count: preview.counts[option],
              })}
            </ToggleButton>
          ))}
        </div>
        <Muted>
          {t('preview.duplicates', {
            withBase: preview.duplicates.withBase,
            withinFile: preview.duplicates.withinFile,
          })}
        </Muted>
        {preview.warnings > 0 && (
          <Muted>{t('preview.warnings', { count: preview.warnings })}</Muted>
        )}
        {preview.mappings.flatMap((mapping) =>
          (mapping.duplicates ?? []).map((duplicate) => {
            const words = {
              first: duplicate.firstHeader,
              firstNo: duplicate.firstIndex + 1,
              header: duplicate.header,
              no: duplicate.index + 1,
              field: columnLabel(duplicate.key, t),
            };

            return (
              <MessageBar
                key={`${mapping.sheet ?? ''}:${duplicate.index}`}
                intent="warning"
                layout="multiline"
              >
                <MessageBarBody>
                  {mapping.sheet
                    ? t('preview.duplicateColumnSheet', {
                        ...words,
                        sheet: mapping.sheet,
                      })
                    : t('preview.duplicateColumn', words)}
                </MessageBarBody>
              </MessageBar>
            );
          }),
        )}
        <ImportRows
          key={outcome}
          batchId={batch.id}
          outcome={outcome}
          label={t('preview.rows', { outcome: outcomeLabel })}
        />
      </div>
    </Section>
  );
}

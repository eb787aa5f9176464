import {
  makeStyles,
  mergeClasses,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import type { StagedSummary } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { Muted } from '../../ui/Muted.tsx';
import {
  columnLabel,
  groupedColumnKeys,
  isChoosableKey,
} from './columnLabels.ts';

/**
 * What a column's choice is keyed by: its header, or its position (`#5`,
 * as the API reads it) for an untitled column or one whose header another
 * column of the sheet repeats, so each can take a field of its own.
 */
export function choiceKey(
  columns: readonly { header: string; index: number }[],
  column: { header: string; index: number },
): string {
  const header = column.header.trim();
  const repeated = columns.some(
    (other) => other.index !== column.index && other.header.trim() === header,
  );

  return header && !repeated ? header : `#${column.index + 1}`;
}

/** A person's column choices: header (or `#position`) → column key, or null to skip it. */
export type Choices = Record<string, string | null>;

const useStyles = makeStyles({
  table: { width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse' },
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalS,
  },
  headerColumn: { width: '40%' },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    verticalAlign: 'top',
    textAlign: 'start',
    overflowWrap: 'anywhere',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { fontWeight: tokens.fontWeightSemibold },
  rowHeader: { fontWeight: tokens.fontWeightRegular },
  select: { width: '100%' },
  target: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
});

export type ColumnTableProps = {
  mapping: StagedSummary['mappings'][number];
  choices: Choices;
  onChoose: (header: string, key: string | null) => void;
};

/**
 * One sheet's columns: each header beside the Relais field it fills, with
 * the mapper's suggestion recalled when the person chose otherwise.
 */
export function ColumnTable({ mapping, choices, onChoose }: ColumnTableProps) {
  const styles = useStyles();
  const t = useT();
  const groups = useMemo(() => groupedColumnKeys(), []);
  const options = useMemo(
    () =>
      groups.map(([group, keys]) => (
        <optgroup key={group} label={t(`columnGroup.${group}`)}>
          {keys.map((key) => (
            <option key={key} value={key}>
              {columnLabel(key, t)}
            </option>
          ))}
        </optgroup>
      )),
    [groups, t],
  );

  return (
    <table className={styles.table}>
      {mapping.sheet && (
        <caption className={styles.caption}>
          {t('mapping.sheet', { sheet: mapping.sheet })}
        </caption>
      )}
      <colgroup>
        <col className={styles.headerColumn} />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
            {t('mapping.header')}
          </th>
          <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
            {t('mapping.target')}
          </th>
        </tr>
      </thead>
      <tbody>
        {mapping.columns.map((column) => {
          const header = column.header.trim();
          const name =
            header || t('mapping.untitled', { index: column.index + 1 });
          const choice = choiceKey(mapping.columns, column);
          const key = choice in choices ? choices[choice] : column.key;

          return (
            <tr key={column.index}>
              <th
                scope="row"
                className={mergeClasses(styles.cell, styles.rowHeader)}
              >
                {name}
              </th>
              <td className={styles.cell}>
                <div className={styles.target}>
                  <Select
                    className={styles.select}
                    aria-label={t('mapping.targetFor', { header: name })}
                    value={key ?? ''}
                    onChange={(_, data) => onChoose(choice, data.value || null)}
                  >
                    <option value="">{t('mapping.skip')}</option>
                    {key && !isChoosableKey(key) && (
                      <option value={key}>{columnLabel(key, t)}</option>
                    )}
                    {options}
                  </Select>
                  {(key ?? null) !== column.suggested && (
                    <Muted>
                      {t('mapping.suggestion', {
                        target: column.suggested
                          ? columnLabel(column.suggested, t)
                          : t('mapping.skip'),
                      })}
                    </Muted>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

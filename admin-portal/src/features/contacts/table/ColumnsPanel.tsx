import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../../i18n/useT.ts';
import type { ColumnDef, ColumnKey } from './columns.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: 600 },
});

export type ColumnsPanelProps = {
  id: string;
  columns: readonly ColumnDef[];
  shown: ColumnKey[];
  onChange: (shown: ColumnKey[]) => void;
};

/** The columns to show, each a box to tick; the name always stays. */
export function ColumnsPanel({
  id,
  columns,
  shown,
  onChange,
}: ColumnsPanelProps) {
  const styles = useStyles();
  const t = useT();

  return (
    <fieldset id={id} className={styles.root}>
      <legend className={styles.legend}>{t('table.columns.label')}</legend>
      {columns
        .filter((column) => !column.fixed)
        .map((column) => (
          <Checkbox
            key={column.key}
            label={t(column.label)}
            checked={shown.includes(column.key)}
            onChange={(_, data) =>
              onChange(
                columns
                  .filter((other) =>
                    other.key === column.key
                      ? data.checked === true
                      : other.fixed || shown.includes(other.key),
                  )
                  .map((other) => other.key),
              )
            }
          />
        ))}
    </fieldset>
  );
}

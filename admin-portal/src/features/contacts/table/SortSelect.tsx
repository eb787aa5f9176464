import { Field, Select } from '@fluentui/react-components';
import type { TargetSort } from 'core-api/client';
import { useT } from '../../../i18n/useT.ts';
import type { ColumnDef } from './columns.ts';

export type SortSelectProps = {
  columns: readonly ColumnDef[];
  sort: TargetSort;
  onSort: (sort: TargetSort) => void;
};

const directionOf = (sort: TargetSort) =>
  sort.direction ?? (sort.by === 'updated' ? 'desc' : 'asc');

/**
 * The order of a table as a list to pick from: on a phone, where the rows
 * are cards without column headers to click.
 */
export function SortSelect({ columns, sort, onSort }: SortSelectProps) {
  const t = useT();
  const options = columns.flatMap((column) =>
    column.sort
      ? (['asc', 'desc'] as const).map((direction) => ({
          value: `${column.sort}:${direction}`,
          sort: { by: column.sort!, direction },
          text: t(
            direction === 'asc'
              ? 'table.sort.ascending'
              : 'table.sort.descending',
            { column: t(column.label) },
          ),
        }))
      : [],
  );

  return (
    <Field label={t('table.sort')}>
      <Select
        value={`${sort.by}:${directionOf(sort)}`}
        onChange={(_, data) => {
          const chosen = options.find((option) => option.value === data.value);
          if (chosen) onSort(chosen.sort);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

import {
  Field,
  Input,
  makeStyles,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import type { TargetEntity, TargetQuery, TargetSort } from 'core-api/client';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { errorMessage } from '../../../api.ts';
import { useLocale, useT } from '../../../i18n/useT.ts';
import { recallTableView, rememberTableView } from '../../../preferences.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../../ui/LoadingState.tsx';
import { PageHeading } from '../../../ui/PageHeading.tsx';
import { useSession } from '../../auth/SessionContext.ts';
import { formatCount } from '../../targeting/CountSummary.tsx';
import { ColumnsPanel } from './ColumnsPanel.tsx';
import {
  readColumns,
  writeColumns,
  type ColumnDef,
  type ColumnKey,
} from './columns.ts';
import type { TableView } from './RecordTable.tsx';
import type { RowPages } from './rowPages.ts';
import { SortSelect } from './SortSelect.tsx';
import { useNarrow } from './useNarrow.ts';
import { useRowPages } from './useRowPages.ts';

export const useTableScreenStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalM,
  },
  count: { color: tokens.colorNeutralForeground2 },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  filter: { flexGrow: 1, flexBasis: '18rem', minWidth: 0 },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
});

/**
 * What a table was showing when the reader opened a card, so Back brings
 * them to the same filters, order and place (kept for this tab).
 */
type Remembered<F> = {
  filters: F;
  sort: TargetSort;
  key: string;
  view: TableView;
};

/**
 * A table's filters and order (as Back from a card finds them), its query,
 * its pages read from the API (afresh at each `reload`), and where the
 * reader is in it.
 * @param toQuery turns the filters into the target query (a module-level
 *   function: it is not watched for changes)
 */
export function useTableState<F>(
  table: TargetEntity,
  fresh: F,
  toQuery: (filters: F) => TargetQuery,
  reload = 0,
) {
  const [remembered] = useState(() => recallTableView<Remembered<F>>(table));
  const [filters, setFilters] = useState<F>(() => remembered?.filters ?? fresh);
  const [sort, setSort] = useState<TargetSort>(
    () => remembered?.sort ?? { by: 'name' },
  );
  const query = useMemo(() => toQuery(filters), [toQuery, filters]);
  const pages = useRowPages(query, sort, reload);
  const key = JSON.stringify([query, sort]);
  const view = remembered?.key === key ? remembered.view : undefined;
  const onView = useCallback(
    (place: TableView) =>
      rememberTableView(table, { filters, sort, key, view: place }),
    [table, filters, sort, key],
  );

  return {
    filters,
    setFilters,
    sort,
    setSort,
    query,
    pages,
    key,
    view,
    onView,
  };
}

/** Waits for a pause in typing before a table filters (and asks the API). */
const TYPING_PAUSE_MS = 200;

/**
 * What is typed in a filter box, and what the table filters on: the same
 * text once the typing pauses.
 */
export function useTypedFilter(
  settled: string,
  onSettle: (text: string) => void,
): [string, (text: string) => void] {
  const [typed, setTyped] = useState(settled);

  useEffect(() => {
    if (typed === settled) return;
    const timer = setTimeout(() => onSettle(typed), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, settled, onSettle]);

  return [typed, setTyped];
}

/** The columns a person shows in a table, kept for them on this browser. */
export function useShownColumns(
  entity: TargetEntity,
): [ColumnKey[], (keys: ColumnKey[]) => void] {
  const { user } = useSession();
  const [shown, setShown] = useState<ColumnKey[]>(() =>
    readColumns(entity, user?.id),
  );

  return [
    shown,
    (keys) => {
      setShown(keys);
      writeColumns(entity, user?.id, keys);
    },
  ];
}

export type TableHeadingProps = {
  title: string;
  pages: RowPages;
  /** How one row is counted (« 1 contact ») and many (« {count} contacts »). */
  one: string;
  many: (count: string) => string;
};

/** The screen's title, and how many rows match once the table knows. */
export function TableHeading({ title, pages, one, many }: TableHeadingProps) {
  const styles = useTableScreenStyles();
  const { locale } = useLocale();
  const total = pages.total;

  return (
    <div className={styles.heading}>
      <PageHeading>{title}</PageHeading>
      {pages.count && (
        <span className={styles.count}>
          {total === 1 ? one : many(formatCount(total, locale))}
        </span>
      )}
    </div>
  );
}

export type TableToolbarProps = {
  filterLabel: string;
  /** The free text as typed (the table filters once typing pauses). */
  typed: string;
  onTyped: (value: string) => void;
  /** Every column the table offers, and those shown. */
  columns: readonly ColumnDef[];
  shown: ColumnKey[];
  onShown: (keys: ColumnKey[]) => void;
  sort: TargetSort;
  onSort: (sort: TargetSort) => void;
  /** Buttons before « Colonnes » (the contacts' filters). */
  buttons?: ReactNode;
  /** A panel above the columns' one (the contacts' filters). */
  panel?: ReactNode;
};

/**
 * The tools above a table: the free-text filter, « Colonnes » and the
 * columns to tick, the order as a list on a phone (no headers to click).
 */
export function TableToolbar({
  filterLabel,
  typed,
  onTyped,
  columns,
  shown,
  onShown,
  sort,
  onSort,
  buttons,
  panel,
}: TableToolbarProps) {
  const styles = useTableScreenStyles();
  const t = useT();
  const narrow = useNarrow();
  const columnsId = useId();
  const [columnsOpen, setColumnsOpen] = useState(false);

  return (
    <>
      <div className={styles.toolbar}>
        <Field
          label={filterLabel}
          hint={t('table.filter.hint')}
          className={styles.filter}
        >
          <Input
            type="search"
            value={typed}
            maxLength={200}
            placeholder={t('table.filter.placeholder')}
            autoComplete="off"
            spellCheck={false}
            onChange={(_, data) => onTyped(data.value)}
          />
        </Field>
        <div className={styles.buttons}>
          {buttons}
          <PanelToggle
            open={columnsOpen}
            onToggle={() => setColumnsOpen((open) => !open)}
            controls={columnsId}
          >
            {t('table.columns')}
          </PanelToggle>
          {narrow && (
            <SortSelect
              columns={columns.filter((column) => shown.includes(column.key))}
              sort={sort}
              onSort={onSort}
            />
          )}
        </div>
      </div>
      {panel}
      {columnsOpen && (
        <ColumnsPanel
          id={columnsId}
          columns={columns}
          shown={shown}
          onChange={onShown}
        />
      )}
    </>
  );
}

export type PanelToggleProps = {
  open: boolean;
  onToggle: () => void;
  /** The id of the panel it shows. */
  controls: string;
  children: ReactNode;
};

/** A button that shows or hides a panel under the toolbar. */
export function PanelToggle({
  open,
  onToggle,
  controls,
  children,
}: PanelToggleProps) {
  return (
    <ToggleButton
      checked={open}
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      onClick={onToggle}
    >
      {children}
    </ToggleButton>
  );
}

/** Why the rows are not there yet: loading, or a failure to retry. */
export function TableLoading({ pages }: { pages: RowPages }) {
  const t = useT();
  if (pages.error !== null) {
    return (
      <ErrorMessage
        message={t('table.error', { message: errorMessage(pages.error, t) })}
        onRetry={() => pages.retry()}
      />
    );
  }

  return pages.count ? null : <LoadingState label={t('app.loading')} />;
}

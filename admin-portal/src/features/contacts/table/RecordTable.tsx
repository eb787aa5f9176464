import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { TableRowDto, TargetSort } from 'core-api/client';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useT } from '../../../i18n/useT.ts';
import type { ColumnDef } from './columns.ts';
import type { RowPages } from './rowPages.ts';
import {
  everything,
  isSelected,
  noSelection,
  toggled,
  withRows,
  type Selection,
} from './selection.ts';
import { useNarrow } from './useNarrow.ts';

/** Heights in pixels: the virtual rows are placed by their index. */
const ROW = 44;
const HEAD = 40;
/** A card: its padding, the name's line, then one line per other column. */
const CARD_FRAME = 20;
const CARD_NAME = 24;
const CARD_LINE = 20;
/** Rows drawn beyond the visible ones, each way. */
const OVERSCAN = 8;
/** The height assumed before the table is measured (and in tests). */
const FALLBACK_HEIGHT = 640;

const useStyles = makeStyles({
  grid: {
    position: 'relative',
    overflow: 'auto',
    height: 'max(20rem, calc(100vh - 19rem))',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  narrowGrid: {
    overflowX: 'hidden',
    height: 'max(24rem, calc(100vh - 16rem))',
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: {
    display: 'grid',
    alignItems: 'center',
    boxSizing: 'border-box',
  },
  headLine: { height: `${HEAD}px` },
  body: { position: 'relative' },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    top: 0,
    height: `${ROW}px`,
    cursor: 'default',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    paddingInlineStart: '2.75rem',
    overflow: 'hidden',
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  active: {
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorCompoundBrandStroke}`,
  },
  cell: {
    minWidth: 0,
    padding: `0 ${tokens.spacingHorizontalS}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  cardCell: {
    flexShrink: 0,
    height: `${CARD_LINE}px`,
    lineHeight: `${CARD_LINE}px`,
    padding: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  cardName: {
    height: `${CARD_NAME}px`,
    lineHeight: `${CARD_NAME}px`,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  check: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: 0,
  },
  cardCheck: {
    position: 'absolute',
    left: tokens.spacingHorizontalM,
    top: '50%',
    transform: 'translateY(-50%)',
  },
  box: {
    width: '1.125rem',
    height: '1.125rem',
    margin: 0,
    accentColor: tokens.colorCompoundBrandBackground,
    cursor: 'pointer',
  },
  sortButton: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    maxWidth: '100%',
    padding: `${tokens.spacingVerticalXS} 0`,
    border: 'none',
    background: 'none',
    color: 'inherit',
    font: 'inherit',
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  headText: { fontWeight: tokens.fontWeightSemibold },
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline' },
  },
  waiting: { color: tokens.colorNeutralForeground3 },
  hint: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

/** Moves to `index`, selecting on the way when asked. */
type Move = { index: number; extend: boolean };

export type TableSelection = {
  value: Selection;
  onChange: (selection: Selection) => void;
  /** The ids of rows `first` to `last` in this order (loaded or not). */
  loadIds: (first: number, last: number) => Promise<number[]>;
};

/** Where the reader was, kept while they visit a card. */
export type TableView = { scrollTop: number; active: number };

export type RecordTableProps = {
  /** The table's accessible name. */
  label: string;
  /** Which keys do what, shown above the table (not on a phone). */
  keysHint: string;
  columns: readonly ColumnDef[];
  pages: RowPages;
  sort: TargetSort;
  onSort: (sort: TargetSort) => void;
  rowHref: (row: TableRowDto) => string;
  onOpen: (row: TableRowDto) => void;
  /** Rows may be ticked (contacts); companies are only opened. */
  selection?: TableSelection;
  /** Where to start, and where to report the reader's place. */
  view?: TableView;
  onView?: (view: TableView) => void;
};

const sortDirection = (sort: TargetSort): 'asc' | 'desc' =>
  sort.direction ?? (sort.by === 'updated' ? 'desc' : 'asc');

/**
 * A table over a whole target, drawn a screenful at a time: the rows in
 * view (and a few around) are placed at their index; their pages are read
 * as they come into view. One tab stop: arrows move, Space ticks, Shift
 * with Space or a click ticks a run of rows, Enter opens the card. On a
 * phone each row is a card and nothing scrolls sideways.
 */
export function RecordTable({
  label,
  keysHint,
  columns,
  pages,
  sort,
  onSort,
  rowHref,
  onOpen,
  selection,
  view,
  onView,
}: RecordTableProps) {
  const styles = useStyles();
  const t = useT();
  const narrow = useNarrow();
  const hintId = useId();
  const gridRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(view?.scrollTop ?? 0);
  const [height, setHeight] = useState(0);
  const [active, setActive] = useState(view?.active ?? 0);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [focusWanted, setFocusWanted] = useState(0);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;

  const rowHeight = narrow
    ? CARD_FRAME + CARD_NAME + CARD_LINE * Math.max(0, columns.length - 1)
    : ROW;
  const headHeight = narrow ? 0 : HEAD;
  const total = pages.total;
  const last = Math.max(0, total - 1);
  const viewport = Math.max(
    rowHeight,
    (height || FALLBACK_HEIGHT) - headHeight,
  );
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const end = Math.min(
    last,
    Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN,
  );
  const activeIndex = Math.min(active, last);

  useEffect(() => {
    pages.ensure(first, end);
  });

  // Back from a card, the reader finds the table where they left it: the
  // place read once, when the table is first drawn.
  const startAt = useRef(view?.scrollTop ?? 0);
  useLayoutEffect(() => {
    if (gridRef.current) gridRef.current.scrollTop = startAt.current;
  }, []);

  useEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const measure = () => setHeight(grid.clientHeight);
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(grid);

    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    onView?.({ scrollTop, active: activeIndex });
  }, [onView, scrollTop, activeIndex]);

  // After a keyboard move, the focus follows the active row once drawn.
  useEffect(() => {
    if (focusWanted === 0) return;
    gridRef.current
      ?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)
      ?.focus({ preventScroll: true });
  }, [focusWanted, activeIndex]);

  const tick = useCallback((change: (current: Selection) => Selection) => {
    const current = selectionRef.current;
    if (current) current.onChange(change(current.value));
  }, []);

  /** Ticks rows `from` to `to`, reading the ids of rows not loaded yet. */
  const tickRun = useCallback(
    async (from: number, to: number) => {
      const [low, high] = from <= to ? [from, to] : [to, from];
      const current = selectionRef.current;
      if (!current) return;
      let ids: number[];
      if (pages.loaded(low, high)) {
        ids = [];
        for (let index = low; index <= high; index++) {
          const row = pages.rowAt(index);
          if (row) ids.push(row.id);
        }
      } else {
        ids = await current.loadIds(low, high);
      }
      tick((value) => withRows(value, ids, true));
    },
    [pages, tick],
  );

  const scrollToRow = (index: number) => {
    const grid = gridRef.current;
    if (!grid) return;
    const top = index * rowHeight;
    if (top < grid.scrollTop) grid.scrollTop = top;
    else if (top + rowHeight > grid.scrollTop + viewport)
      grid.scrollTop = top + rowHeight - viewport;
  };

  const move = ({ index, extend }: Move) => {
    const next = Math.max(0, Math.min(last, index));
    scrollToRow(next);
    setActive(next);
    setFocusWanted((n) => n + 1);
    if (extend && selection) {
      const row = pages.rowAt(next);
      if (row) tick((value) => withRows(value, [row.id], true));
    }
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'row') return;
    // The focused row is the active one, even before its focus is drawn.
    const activeIndex = Number(target.dataset.index);
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const row = pages.rowAt(activeIndex);
    const extend = event.shiftKey;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move({ index: activeIndex + 1, extend }),
      ArrowUp: () => move({ index: activeIndex - 1, extend }),
      PageDown: () => move({ index: activeIndex + page, extend: false }),
      PageUp: () => move({ index: activeIndex - page, extend: false }),
      Home: () => move({ index: 0, extend: false }),
      End: () => move({ index: last, extend: false }),
      Enter: () => row && onOpen(row),
      ' ': () => {
        if (!selection || !row) return;
        if (event.shiftKey && anchor !== null)
          void tickRun(anchor, activeIndex);
        else tick((value) => toggled(value, row.id));
        setAnchor(activeIndex);
      },
      Escape: () => selection && tick(() => noSelection),
    };
    const command =
      (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a'
        ? () => selection && tick(() => everything())
        : keys[event.key];
    if (!command) return;
    event.preventDefault();
    command();
  };

  const handleRowClick = (
    event: MouseEvent<HTMLDivElement>,
    index: number,
    row: TableRowDto,
  ) => {
    // A link in the row (the card, a phone number) does its own job.
    if ((event.target as HTMLElement).closest('a')) return;
    setActive(index);
    if (!selection) return;
    if (event.shiftKey && anchor !== null) void tickRun(anchor, index);
    else tick((value) => toggled(value, row.id));
    setAnchor(index);
  };

  const template = columns
    .map((column) => `minmax(${column.minRem}rem, ${column.grow}fr)`)
    .join(' ');
  const gridTemplateColumns = selection ? `2.75rem ${template}` : template;
  const least = columns.reduce((sum, column) => sum + column.minRem, 0);
  const minWidth = `${least + (selection ? 2.75 : 0)}rem`;

  const checkAll = selection && (
    <div
      role="columnheader"
      className={mergeClasses(styles.cell, styles.check)}
    >
      <HeaderBox
        className={styles.box}
        label={t('table.select.everything')}
        selection={selection.value}
        onChange={(all) => tick(() => (all ? everything() : noSelection))}
      />
    </div>
  );

  const header = (
    <div role="rowgroup" className={styles.head} style={{ minWidth }}>
      <div
        role="row"
        aria-rowindex={1}
        className={mergeClasses(styles.line, styles.headLine)}
        style={{ gridTemplateColumns }}
      >
        {checkAll}
        {columns.map((column) => {
          const sorted = column.sort !== undefined && column.sort === sort.by;
          const direction = sortDirection(sort);
          return (
            <div
              key={column.key}
              role="columnheader"
              className={styles.cell}
              aria-sort={
                sorted
                  ? direction === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : undefined
              }
            >
              {column.sort ? (
                <button
                  type="button"
                  className={styles.sortButton}
                  aria-label={t('table.sortBy', { column: t(column.label) })}
                  onClick={() =>
                    onSort({
                      by: column.sort!,
                      direction: sorted
                        ? direction === 'asc'
                          ? 'desc'
                          : 'asc'
                        : column.sort === 'updated'
                          ? 'desc'
                          : 'asc',
                    })
                  }
                >
                  {t(column.label)}
                  {sorted && (
                    <span aria-hidden="true">
                      {direction === 'asc' ? '▲' : '▼'}
                    </span>
                  )}
                </button>
              ) : (
                <span className={styles.headText}>{t(column.label)}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );

  const indexes: number[] = [];
  if (total > 0) {
    for (let index = first; index <= end; index++) indexes.push(index);
    // The focused row stays drawn, so the focus is never lost to the page.
    if (activeIndex < first || activeIndex > end) indexes.push(activeIndex);
  }

  const cellContent = (column: ColumnDef, row: TableRowDto) => {
    const text =
      narrow && column.cardText ? column.cardText(row, t) : column.text(row, t);
    if (column.key === 'name') {
      return (
        <a href={rowHref(row)} tabIndex={-1} className={styles.link}>
          {text}
        </a>
      );
    }
    if (column.link && text) {
      const href =
        column.link === 'mail'
          ? `mailto:${text}`
          : `tel:${text.replace(/[^\d+]/g, '')}`;
      return (
        <a href={href} tabIndex={-1} className={styles.link}>
          {text}
        </a>
      );
    }

    return text;
  };

  return (
    <>
      {!narrow && (
        <p id={hintId} className={styles.hint}>
          {keysHint}
        </p>
      )}
      <div
        ref={gridRef}
        role="grid"
        aria-label={label}
        aria-describedby={narrow ? undefined : hintId}
        aria-rowcount={total + (narrow ? 0 : 1)}
        aria-colcount={columns.length + (selection ? 1 : 0)}
        aria-multiselectable={selection ? true : undefined}
        className={mergeClasses(styles.grid, narrow && styles.narrowGrid)}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        onKeyDown={handleKeyDown}
      >
        {!narrow && header}
        <div
          role="rowgroup"
          className={styles.body}
          style={{
            height: `${total * rowHeight}px`,
            minWidth: narrow ? 0 : minWidth,
          }}
        >
          {indexes.map((index) => {
            const row = pages.rowAt(index);
            const chosen =
              row && selection ? isSelected(selection.value, row.id) : false;
            return (
              <div
                key={row ? `r${row.id}` : `i${index}`}
                role="row"
                data-index={index}
                aria-rowindex={index + (narrow ? 1 : 2)}
                aria-selected={selection ? chosen : undefined}
                aria-busy={row ? undefined : true}
                tabIndex={index === activeIndex ? 0 : -1}
                className={mergeClasses(
                  styles.row,
                  narrow ? styles.card : styles.line,
                  chosen && styles.selected,
                  index === activeIndex && styles.active,
                )}
                style={{
                  height: `${rowHeight}px`,
                  transform: `translateY(${index * rowHeight}px)`,
                  gridTemplateColumns: narrow ? undefined : gridTemplateColumns,
                }}
                onClick={
                  row ? (event) => handleRowClick(event, index, row) : undefined
                }
                onDoubleClick={row ? () => onOpen(row) : undefined}
                onFocus={() => index !== activeIndex && setActive(index)}
              >
                {!row && (
                  <div
                    role="gridcell"
                    className={mergeClasses(styles.cell, styles.waiting)}
                  >
                    {t('table.loadingRow')}
                  </div>
                )}
                {row && selection && (
                  <div
                    role="gridcell"
                    className={mergeClasses(
                      styles.cell,
                      styles.check,
                      narrow && styles.cardCheck,
                    )}
                  >
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      className={styles.box}
                      checked={chosen}
                      // The row's click ticks it (Shift for a run): one rule.
                      onChange={() => undefined}
                      aria-label={t('table.select', { name: row.displayName })}
                    />
                  </div>
                )}
                {row &&
                  columns.map((column) => (
                    <div
                      key={column.key}
                      role="gridcell"
                      className={mergeClasses(
                        styles.cell,
                        narrow && styles.cardCell,
                        narrow && column.key === 'name' && styles.cardName,
                      )}
                    >
                      {cellContent(column, row)}
                    </div>
                  ))}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}

type HeaderBoxProps = {
  className: string;
  label: string;
  selection: Selection;
  onChange: (all: boolean) => void;
};

/** Ticks every matching row; shows « some » while only some are ticked. */
function HeaderBox({ className, label, selection, onChange }: HeaderBoxProps) {
  const ref = useRef<HTMLInputElement>(null);
  const all = selection.mode === 'all' && selection.except.size === 0;
  const some =
    !all &&
    (selection.mode === 'all' ||
      (selection.mode === 'ids' && selection.ids.size > 0));

  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);

  return (
    <input
      ref={ref}
      type="checkbox"
      className={className}
      checked={all}
      aria-checked={some ? 'mixed' : all}
      aria-label={label}
      onChange={() => onChange(!all && !some)}
    />
  );
}

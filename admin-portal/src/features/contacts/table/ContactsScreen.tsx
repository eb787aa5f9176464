import { Button } from '@fluentui/react-components';
import type { TableRowDto, TargetQuery } from 'core-api/client';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useState,
  type ReactNode,
} from 'react';
import { useApi } from '../../../ApiContext.ts';
import { useT } from '../../../i18n/useT.ts';
import { contactHref, navigate } from '../../../routing/route.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { LoadingState } from '../../../ui/LoadingState.tsx';
import { useSession } from '../../auth/SessionContext.ts';
import { DeletedLink } from '../../records/DeletedLink.tsx';
import { contactColumns } from './columns.ts';
import { RecordTable } from './RecordTable.tsx';
import { SelectionBar } from './SelectionBar.tsx';
import { noSelection, selectionLimit, type Selection } from './selection.ts';
import {
  PanelToggle,
  TableHeading,
  TableLoading,
  TableToolbar,
  useShownColumns,
  useTableScreenStyles,
  useTableState,
  useTypedFilter,
} from './TableParts.tsx';
import { activeFilters, contactQuery, noFilters } from './tableQuery.ts';
import { UndoToast } from './UndoToast.tsx';
import { useDeletionToast } from './useDeletionToast.ts';

// The filter pickers (departments, taxonomy) load when first opened, the
// confirmation of a deletion when first asked for.
const ContactFiltersPanel = lazy(() =>
  import('./ContactFiltersPanel.tsx').then((module) => ({
    default: module.ContactFiltersPanel,
  })),
);

const DeleteDialog = lazy(() =>
  import('./DeleteDialog.tsx').then((module) => ({
    default: module.DeleteDialog,
  })),
);

/** A deletion asked for: the selection as a query, and its count. */
type Confirming = { query: TargetQuery; count: number; open: boolean };

export type ContactsScreenProps = {
  /** The global search box, under the heading. */
  search?: ReactNode;
};

/**
 * « Contacts »: the whole base in one table, read a screenful at a time.
 * Sort by a column, filter (free text and the common criteria), choose the
 * columns (kept for the person on this browser), tick rows and act on them:
 * add to a list, export, delete with « Annuler ».
 */
export function ContactsScreen({ search }: ContactsScreenProps) {
  const styles = useTableScreenStyles();
  const t = useT();
  const client = useApi();
  const { user } = useSession();
  const filtersId = useId();
  const [reload, setReload] = useState(0);
  const table = useTableState('contact', noFilters, contactQuery, reload);
  const { filters, setFilters, sort, setSort, query, pages, key } = table;
  const settle = useCallback(
    (text: string) => setFilters((current) => ({ ...current, text })),
    [setFilters],
  );
  const [typed, setTyped] = useTypedFilter(filters.text, settle);
  const [shown, chooseColumns] = useShownColumns('contact');
  const [filtersOpen, setFiltersOpen] = useState(
    () => activeFilters(filters) > 0,
  );
  const [selection, setSelection] = useState<Selection>(noSelection);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const changed = useCallback(() => setReload((n) => n + 1), []);
  const deletions = useDeletionToast(changed);

  const total = pages.total;
  const columns = contactColumns.filter((column) => shown.includes(column.key));
  const count = activeFilters(filters);
  const filtered = filters.text.trim() !== '' || count > 0;

  // Ticked rows belong to the rows shown: other filters, a new selection;
  // deleted rows, none.
  useEffect(() => setSelection(noSelection), [key, reload]);

  const loadIds = useCallback(
    async (first: number, last: number) =>
      (
        await client.targeting.ids({
          query,
          sort,
          offset: first,
          limit: Math.min(last - first + 1, selectionLimit),
        })
      ).ids,
    [client, query, sort],
  );

  return (
    <div className={styles.root}>
      <TableHeading
        title={t('table.contacts.title')}
        pages={pages}
        one={t('table.contacts.count.one')}
        many={(shownCount) => t('table.contacts.count', { count: shownCount })}
      />
      {search}
      <TableToolbar
        filterLabel={t('table.filter.contacts')}
        typed={typed}
        onTyped={setTyped}
        columns={contactColumns}
        shown={shown}
        onShown={chooseColumns}
        sort={sort}
        onSort={setSort}
        buttons={
          <>
            <PanelToggle
              open={filtersOpen}
              onToggle={() => setFiltersOpen((open) => !open)}
              controls={filtersId}
            >
              {count > 0
                ? t('table.filters.count', { count })
                : t('table.filters')}
            </PanelToggle>
            {user?.role === 'admin' && <DeletedLink entity="contact" />}
          </>
        }
        panel={
          filtersOpen && (
            <Suspense fallback={<LoadingState label={t('app.loading')} />}>
              <ContactFiltersPanel
                id={filtersId}
                filters={filters}
                onChange={(next) => setFilters({ ...next, text: filters.text })}
              />
            </Suspense>
          )
        }
      />
      {(selection.mode === 'all' || selection.ids.size > 0) && (
        <SelectionBar
          selection={selection}
          onChange={setSelection}
          total={total}
          filters={query}
          onDelete={(selected, selectedCount) =>
            setConfirming({ query: selected, count: selectedCount, open: true })
          }
        />
      )}
      <TableLoading pages={pages} />
      {pages.count && total === 0 && filtered && (
        <EmptyState title={t('table.noMatch.title')}>
          {t('table.noMatch.text')}{' '}
          <Button
            size="small"
            onClick={() => {
              setTyped('');
              setFilters(noFilters);
            }}
          >
            {t('table.filters.clear')}
          </Button>
        </EmptyState>
      )}
      {pages.count && total === 0 && !filtered && (
        <EmptyState title={t('table.empty.title')}>
          {t(
            user?.role === 'admin' ? 'table.empty.admin' : 'table.empty.editor',
          )}
        </EmptyState>
      )}
      {total > 0 && (
        <RecordTable
          key={`${key}:${reload}`}
          label={t('table.contacts.label')}
          keysHint={t('table.keys')}
          columns={columns}
          pages={pages}
          sort={sort}
          onSort={setSort}
          rowHref={(row: TableRowDto) => contactHref(row.id)}
          onOpen={(row: TableRowDto) => navigate(contactHref(row.id))}
          selection={{ value: selection, onChange: setSelection, loadIds }}
          view={table.view}
          onView={table.onView}
        />
      )}
      {confirming && (
        <Suspense fallback={null}>
          <DeleteDialog
            open={confirming.open}
            query={confirming.query}
            count={confirming.count}
            onClose={() =>
              setConfirming((current) => current && { ...current, open: false })
            }
            onDeleted={deletions.deleted}
          />
        </Suspense>
      )}
      {deletions.toast && (
        <UndoToast message={deletions.toast} onClose={deletions.close} />
      )}
    </div>
  );
}

import type { TableRowDto } from 'core-api/client';
import { useT } from '../../../i18n/useT.ts';
import { companyHref, navigate } from '../../../routing/route.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { useSession } from '../../auth/SessionContext.ts';
import { companyColumns } from '../../contacts/table/columns.ts';
import { RecordTable } from '../../contacts/table/RecordTable.tsx';
import { DeletedLink } from '../../records/DeletedLink.tsx';
import {
  TableHeading,
  TableLoading,
  TableToolbar,
  useShownColumns,
  useTableScreenStyles,
  useTableState,
  useTypedFilter,
} from '../../contacts/table/TableParts.tsx';
import { textQuery } from '../../contacts/table/tableQuery.ts';

const companiesWith = (text: string) => textQuery('company', text);

/**
 * « Sociétés »: every company in one table with how many contacts are
 * linked to it; sort by a column, filter by free text, open the card.
 */
export function CompaniesScreen() {
  const styles = useTableScreenStyles();
  const t = useT();
  const { user } = useSession();
  const table = useTableState<string>('company', '', companiesWith);
  const { pages, sort, setSort } = table;
  const [typed, setTyped] = useTypedFilter(table.filters, table.setFilters);
  const [shown, chooseColumns] = useShownColumns('company');
  const columns = companyColumns.filter((column) => shown.includes(column.key));
  const searched = table.filters.trim() !== '';

  return (
    <div className={styles.root}>
      <TableHeading
        title={t('table.companies.title')}
        pages={pages}
        one={t('table.companies.count.one')}
        many={(count) => t('table.companies.count', { count })}
      />
      <TableToolbar
        filterLabel={t('table.filter.companies')}
        typed={typed}
        onTyped={setTyped}
        columns={companyColumns}
        shown={shown}
        onShown={chooseColumns}
        sort={sort}
        onSort={setSort}
        buttons={user?.role === 'admin' && <DeletedLink entity="company" />}
      />
      <TableLoading pages={pages} />
      {pages.count && pages.total === 0 && (
        <EmptyState
          title={t(
            searched
              ? 'table.noMatch.companies.title'
              : 'table.empty.companies.title',
          )}
        >
          {t(searched ? 'table.noMatch.text' : 'table.empty.companies')}
        </EmptyState>
      )}
      {pages.total > 0 && (
        <RecordTable
          key={table.key}
          label={t('table.companies.label')}
          keysHint={t('table.companies.keys')}
          columns={columns}
          pages={pages}
          sort={sort}
          onSort={setSort}
          rowHref={(row: TableRowDto) => companyHref(row.id)}
          onOpen={(row: TableRowDto) => navigate(companyHref(row.id))}
          view={table.view}
          onView={table.onView}
        />
      )}
    </div>
  );
}

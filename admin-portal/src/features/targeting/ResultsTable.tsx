import {
  Field,
  Link,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import type { TargetEntity, TargetRowDto, TargetSort } from 'core-api/client';
import type { MessageKey } from '../../i18n/messages.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import { useT } from '../../i18n/useT.ts';
import { companyHref, contactHref } from '../../routing/route.ts';
import { Pager } from '../../ui/Pager.tsx';
import { useNarrow } from '../contacts/table/useNarrow.ts';
import type { LiveTarget } from './useTargetPage.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  sort: { maxWidth: '20rem' },
  // Just above the phone's width, the table scrolls inside its frame; the
  // page does not.
  frame: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  table: { width: '100%', borderCollapse: 'collapse', minWidth: '40rem' },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
    verticalAlign: 'top',
    // Not `anywhere`: that lets the table squeeze a column until « Presse »
    // breaks in two; a long address still wraps, or the frame scrolls.
    overflowWrap: 'break-word',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  stale: { opacity: 0.6 },
  empty: { margin: 0 },
  // On a phone each result is a card, as in the contacts table: a table of
  // six columns cannot fit 375 px without scrolling sideways.
  cards: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    // An address has no space to break at.
    overflowWrap: 'anywhere',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** The orders offered, each a sort and its words. */
const SORTS: Array<{ value: string; sort: TargetSort; label: MessageKey }> = [
  { value: 'name', sort: { by: 'name' }, label: 'results.sort.name' },
  {
    value: 'name-desc',
    sort: { by: 'name', direction: 'desc' },
    label: 'results.sort.nameDesc',
  },
  { value: 'company', sort: { by: 'company' }, label: 'results.sort.company' },
  { value: 'city', sort: { by: 'city' }, label: 'results.sort.city' },
  { value: 'updated', sort: { by: 'updated' }, label: 'results.sort.updated' },
];

function sortValue(sort: TargetSort): string {
  return sort.by === 'name' && sort.direction === 'desc'
    ? 'name-desc'
    : sort.by;
}

/** The column sorted now, for `aria-sort`. */
function ariaSort(
  column: TargetSort['by'],
  sort: TargetSort,
): 'ascending' | 'descending' | undefined {
  if (column !== sort.by) return undefined;
  const descending =
    sort.direction === 'desc' ||
    (sort.by === 'updated' && sort.direction === undefined);

  return descending ? 'descending' : 'ascending';
}

export type ResultsTableProps = {
  live: LiveTarget;
  entity: TargetEntity;
  sort: TargetSort;
  onSort: (sort: TargetSort) => void;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
};

/**
 * The query's results, a page at a time, in the chosen order: names link
 * to the cards; the older page stays, dimmed, while the next one loads.
 */
export function ResultsTable({
  live,
  entity,
  sort,
  onSort,
  page,
  pageSize,
  onPage,
}: ResultsTableProps) {
  const styles = useStyles();
  const t = useT();
  const narrow = useNarrow();
  const data = live.data;
  const typeText = (row: TargetRowDto) => {
    if (!row.type) return '';
    const key = `contactType.${row.type}`;

    return entity === 'contact' && isMessageKey(key) ? t(key) : row.type;
  };
  const rowHref = (id: number) =>
    entity === 'contact' ? contactHref(id) : companyHref(id);
  const th = (label: MessageKey, column?: TargetSort['by']) => (
    <th
      scope="col"
      className={`${styles.cell} ${styles.head}`}
      aria-sort={column ? ariaSort(column, sort) : undefined}
    >
      {t(label)}
    </th>
  );

  return (
    <div className={styles.root}>
      <Field label={t('results.sort')} className={styles.sort}>
        <Select
          value={sortValue(sort)}
          onChange={(_, choice) => {
            const found = SORTS.find((option) => option.value === choice.value);
            if (found) onSort(found.sort);
          }}
        >
          {SORTS.map((option) => (
            <option key={option.value} value={option.value}>
              {t(option.label)}
            </option>
          ))}
        </Select>
      </Field>
      {data && data.items.length === 0 && (
        <p className={styles.empty}>{t('results.none')}</p>
      )}
      {data && data.items.length > 0 && narrow && (
        <ul
          className={`${styles.cards} ${live.status === 'loading' ? styles.stale : ''}`}
          aria-label={t('results.cards')}
          aria-busy={live.status === 'loading'}
        >
          {data.items.map((row) => (
            <li key={row.id} className={styles.card}>
              <Link href={rowHref(row.id)}>{row.displayName}</Link>
              <span>
                {[
                  typeText(row),
                  entity === 'contact' ? row.function : null,
                  row.organisation,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {[row.email, row.city].some(Boolean) && (
                <span>{[row.email, row.city].filter(Boolean).join(' · ')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {data && data.items.length > 0 && !narrow && (
        <div
          className={styles.frame}
          role="region"
          // Not « Résultats »: that is the section's name already.
          aria-label={t('results.frame')}
          // Focusable so the keyboard can scroll it sideways on a phone.
          tabIndex={0}
        >
          <table
            className={`${styles.table} ${live.status === 'loading' ? styles.stale : ''}`}
            aria-busy={live.status === 'loading'}
          >
            <thead>
              <tr>
                {th('results.name', 'name')}
                {th('results.type')}
                {entity === 'contact' && th('results.function')}
                {th(
                  entity === 'contact'
                    ? 'results.organisation'
                    : 'results.companyName',
                  'company',
                )}
                {th('results.email')}
                {th('results.city', 'city')}
              </tr>
            </thead>
            <tbody>
              {data.items.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={styles.cell}>
                    <Link href={rowHref(row.id)}>{row.displayName}</Link>
                  </th>
                  <td className={styles.cell}>{typeText(row)}</td>
                  {entity === 'contact' && (
                    <td className={styles.cell}>{row.function ?? ''}</td>
                  )}
                  <td className={styles.cell}>{row.organisation ?? ''}</td>
                  <td className={styles.cell}>{row.email ?? ''}</td>
                  <td className={styles.cell}>{row.city ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && (
        <Pager
          page={page}
          pageSize={pageSize}
          total={data.count.included}
          onPage={onPage}
        />
      )}
    </div>
  );
}

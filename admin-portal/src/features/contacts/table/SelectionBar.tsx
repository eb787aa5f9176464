import {
  Button,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type { TargetQuery } from 'core-api/client';
import { lazy, Suspense } from 'react';
import { useLocale, useT } from '../../../i18n/useT.ts';
import { formatCount } from '../../targeting/CountSummary.tsx';
import {
  everything,
  noSelection,
  selectedCount,
  selectionLimit,
  type Selection,
} from './selection.ts';

// The dialogs (lists, export, deletion) load with the first ticked row:
// most visits only read.
const SelectionActions = lazy(() =>
  import('./SelectionActions.tsx').then((module) => ({
    default: module.SelectionActions,
  })),
);

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
  },
  count: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: 'auto' },
  limit: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});

export type SelectionBarProps = {
  selection: Selection;
  onChange: (selection: Selection) => void;
  /** How many contacts match the filters. */
  total: number;
  filters: TargetQuery;
  /** « Supprimer »: the selection as a query, and how many it counts. */
  onDelete: (query: TargetQuery, count: number) => void;
};

/**
 * Shown while rows are ticked: how many, « all matching » in one click,
 * and what to do with them.
 */
export function SelectionBar({
  selection,
  onChange,
  total,
  filters,
  onDelete,
}: SelectionBarProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const count = selectedCount(selection, total);
  const all = selection.mode === 'all' && selection.except.size === 0;

  return (
    <div
      role="region"
      aria-label={t('table.selection')}
      className={styles.root}
    >
      <span role="status" className={styles.count}>
        {all
          ? t('table.selected.all', { count: formatCount(total, locale) })
          : t('table.selected', { count: formatCount(count, locale) })}
      </span>
      {!all && total > count && (
        <Button appearance="subtle" onClick={() => onChange(everything())}>
          {t('table.selectAllMatching', { count: formatCount(total, locale) })}
        </Button>
      )}
      <Button appearance="subtle" onClick={() => onChange(noSelection)}>
        {t('table.clearSelection')}
      </Button>
      {count > selectionLimit ? (
        <p className={styles.limit}>{t('table.selection.tooLarge')}</p>
      ) : (
        <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
          <SelectionActions
            selection={selection}
            filters={filters}
            count={count}
            onDelete={(query) => onDelete(query, count)}
          />
        </Suspense>
      )}
    </div>
  );
}

import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { SearchHit } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { Muted } from '../../ui/Muted.tsx';
import { MatchBadge } from './MatchBadge.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  subtitle: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  tags: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
});

export type SearchHitOptionProps = {
  id: string;
  hit: SearchHit;
  active: boolean;
  onSelect: () => void;
};

/** One hit in the result listbox: name, subtitle, kind of record and kind of match. */
export function SearchHitOption({
  id,
  hit,
  active,
  onSelect,
}: SearchHitOptionProps) {
  const styles = useStyles();
  const t = useT();

  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={mergeClasses(styles.root, active && styles.active)}
      // Keep the focus in the search box; the click still opens the hit.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onSelect}
    >
      <span className={styles.text}>
        <span className={styles.name}>{hit.displayName}</span>
        {hit.subtitle && (
          <span className={styles.subtitle}>{hit.subtitle}</span>
        )}
      </span>
      <span className={styles.tags}>
        <Muted>{t(`search.type.${hit.type}`)}</Muted>
        <MatchBadge match={hit.match} />
      </span>
    </li>
  );
}

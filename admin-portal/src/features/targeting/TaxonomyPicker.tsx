import {
  Checkbox,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TermDto } from 'core-api/client';
import { useId, useMemo, useState } from 'react';
import type { Locale } from '../../i18n/messages.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { foldText } from './foldText.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
    margin: 0,
    padding: 0,
    border: 'none',
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
  box: {
    maxHeight: '16rem',
    overflowY: 'auto',
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  kind: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  tree: { listStyleType: 'none', margin: 0, paddingInlineStart: 0 },
  nested: {
    listStyleType: 'none',
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
});

const KINDS: TermDto['kind'][] = ['domain', 'sector', 'category'];

type Node = { term: TermDto; children: Node[] };

function termLabel(term: TermDto, locale: Locale): string {
  return locale === 'en' && term.labelEn ? term.labelEn : term.label;
}

/** The live terms of one kind as a tree, siblings in their set order. */
function treeOf(terms: TermDto[], kind: TermDto['kind']): Node[] {
  const live = terms.filter((term) => term.kind === kind && !term.deletedAt);
  const byParent = new Map<number | null, TermDto[]>();
  for (const term of live) {
    const parent = live.some((other) => other.id === term.parentId)
      ? term.parentId
      : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), term]);
  }
  const build = (parent: number | null): Node[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.position - b.position || a.label.localeCompare(b.label))
      .map((term) => ({ term, children: build(term.id) }));

  return build(null);
}

/** The tree less the branches where neither a term nor a descendant matches. */
function filterTree(nodes: Node[], folded: string, locale: Locale): Node[] {
  if (!folded) return nodes;

  return nodes.flatMap((node) => {
    const children = filterTree(node.children, folded, locale);
    const own = foldText(termLabel(node.term, locale)).includes(folded);
    if (own) return [node];

    return children.length > 0 ? [{ ...node, children }] : [];
  });
}

export type TaxonomyPickerProps = {
  label: string;
  terms: TermDto[];
  selected: number[];
  onChange: (selected: number[]) => void;
  /** Replaces the targeting hint (a card's terms include no sub-domain). */
  hint?: string;
};

/**
 * The taxonomy as a tree of boxes to tick: domains with their sub-domains,
 * sectors, categories. Ticking a domain covers its sub-domains (the API
 * includes them), which the hint says.
 */
export function TaxonomyPicker({
  label,
  terms,
  selected,
  onChange,
  hint,
}: TaxonomyPickerProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const [filter, setFilter] = useState('');
  const hintId = useId();
  const trees = useMemo(
    () => KINDS.map((kind) => [kind, treeOf(terms, kind)] as const),
    [terms],
  );
  const folded = foldText(filter);

  const toggle = (id: number, checked: boolean) =>
    onChange(
      checked ? [...selected, id] : selected.filter((chosen) => chosen !== id),
    );

  const renderNodes = (nodes: Node[], nested: boolean) => (
    <ul className={nested ? styles.nested : styles.tree}>
      {nodes.map(({ term, children }) => (
        <li key={term.id}>
          <Checkbox
            label={termLabel(term, locale)}
            checked={selected.includes(term.id)}
            onChange={(_, data) => toggle(term.id, data.checked === true)}
          />
          {children.length > 0 && renderNodes(children, true)}
        </li>
      ))}
    </ul>
  );

  return (
    <fieldset className={styles.root} aria-describedby={hintId}>
      <legend className={styles.legend}>{label}</legend>
      <p id={hintId} className={styles.hint}>
        {hint ?? t('targeting.terms.hint', { count: selected.length })}
      </p>
      <Input
        type="search"
        value={filter}
        aria-label={t('targeting.terms.filter')}
        placeholder={t('targeting.terms.filter')}
        onChange={(_, data) => setFilter(data.value)}
      />
      <div className={styles.box}>
        {trees.map(([kind, nodes]) => {
          const shown = filterTree(nodes, folded, locale);
          if (shown.length === 0) return null;

          return (
            <div key={kind}>
              <p className={styles.kind}>{t(`targeting.termKind.${kind}`)}</p>
              {renderNodes(shown, false)}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

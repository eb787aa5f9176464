import { makeStyles, tokens } from '@fluentui/react-components';
import type { TermDto, TermUsageDto } from 'core-api/client';
import { useEffect, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LiveMessage } from '../../ui/LiveMessage.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useRecordListStyles } from '../admin/recordListStyles.ts';
import { TermForm } from './TermForm.tsx';
import { moveButtonId, TermRow } from './TermRow.tsx';
import { movedIds, siblingsOf, treeOf, type TermNode } from './taxonomyTree.ts';

const useStyles = makeStyles({
  children: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    // Griffel turns left into right for right-to-left pages.
    marginLeft: tokens.spacingHorizontalS,
    paddingLeft: tokens.spacingHorizontalXL,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  newTerm: { marginBottom: tokens.spacingVerticalL },
  heading: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const titles: Record<TermDto['kind'], MessageKey> = {
  domain: 'termKind.domain',
  sector: 'termKind.sector',
  category: 'termKind.category',
};

const newTitles: Record<TermDto['kind'], MessageKey> = {
  domain: 'taxo.new.domain',
  sector: 'taxo.new.sector',
  category: 'taxo.new.category',
};

export type TermLevelProps = {
  kind: TermDto['kind'];
  /** Every live term, all kinds, in the API's order. */
  terms: TermDto[];
  usageOf: (id: number) => TermUsageDto;
  /** Something changed: the screen says so and reads the taxonomy again. */
  onChanged: (notice: string | null) => void;
};

/**
 * One kind of term: a form to add one, then the terms in their order,
 * domains with their sub-domains indented under them (nested lists, so a
 * screen reader tells the level), each with its own buttons.
 */
export function TermLevel({ kind, terms, usageOf, onChanged }: TermLevelProps) {
  const styles = useStyles();
  const list = useRecordListStyles();
  const t = useT();
  const client = useApi();
  const [editing, setEditing] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The moved term, where it should now be, and the button that moved it.
  const [focusNext, setFocusNext] = useState<{
    term: TermDto;
    index: number;
    delta: -1 | 1;
  } | null>(null);
  const move = useAction<{ items: TermDto[] }>();
  const tree = treeOf(terms, kind);
  const domains = tree.map((node) => node.term);

  useEffect(() => {
    if (focusNext === null) return;
    const { term, index, delta } = focusNext;
    // Waits for the taxonomy read again, where the term has its new place.
    if (siblingsOf(terms, term).findIndex((t) => t.id === term.id) !== index)
      return;
    const moved = document.getElementById(moveButtonId(term.id, delta));
    // At the end of its level, the button that moved it is now off: the
    // focus goes to its other one.
    const target =
      moved?.getAttribute('aria-disabled') === 'true'
        ? document.getElementById(moveButtonId(term.id, delta < 0 ? 1 : -1))
        : moved;
    target?.focus();
    setFocusNext(null);
  }, [focusNext, terms]);

  const moveTerm = async (term: TermDto, delta: -1 | 1) => {
    const siblings = siblingsOf(terms, term);
    const ids = movedIds(
      siblings.map((sibling) => sibling.id),
      term.id,
      delta,
    );
    if (!ids) return;
    const done = await move.run(() =>
      client.taxonomy.order({ kind, parentId: term.parentId, ids }),
    );
    if (!done) return;
    setAnnouncement(
      t('order.moved', {
        item: term.label,
        position: ids.indexOf(term.id) + 1,
        count: ids.length,
      }),
    );
    setFocusNext({ term, index: ids.indexOf(term.id), delta });
    onChanged(null);
  };

  const countUnder = (parentId: number | null) =>
    terms.filter((term) => term.kind === kind && term.parentId === parentId)
      .length;

  const item = (term: TermDto, siblings: TermDto[], children: TermDto[]) => {
    const index = siblings.indexOf(term);
    if (editing === term.id)
      return (
        <div className={list.row}>
          <TermForm
            kind={kind}
            term={term}
            domains={domains}
            hasChildren={children.length > 0}
            countUnder={countUnder}
            onSaved={(saved) => {
              setEditing(null);
              onChanged(t('taxo.saved', { label: saved.label }));
            }}
            onCancel={() => setEditing(null)}
          />
        </div>
      );

    return (
      <TermRow
        term={term}
        usage={usageOf(term.id)}
        childCount={children.length}
        first={index === 0}
        last={index === siblings.length - 1}
        moving={move.running}
        onMove={(delta) => moveTerm(term, delta)}
        onEdit={() => setEditing(term.id)}
        onDeleted={() => onChanged(t('taxo.deleted', { label: term.label }))}
      />
    );
  };

  const node = ({ term, children }: TermNode) => (
    <li key={term.id}>
      {item(term, domains, children)}
      {children.length > 0 && (
        <ul
          aria-label={t('taxo.children', { label: term.label })}
          className={styles.children}
        >
          {children.map((child) => (
            <li key={child.id}>{item(child, children, [])}</li>
          ))}
        </ul>
      )}
    </li>
  );

  return (
    <Section title={t(titles[kind])}>
      <div className={styles.newTerm}>
        <h3 className={styles.heading}>{t(newTitles[kind])}</h3>
        <TermForm
          kind={kind}
          term={null}
          domains={domains}
          countUnder={countUnder}
          onSaved={(saved) =>
            onChanged(t('taxo.created', { label: saved.label }))
          }
        />
      </div>
      {move.state.status === 'error' && (
        <ErrorMessage message={errorMessage(move.state.error, t)} />
      )}
      {tree.length === 0 ? (
        <EmptyState title={t('taxo.empty')}>{t('taxo.emptyHint')}</EmptyState>
      ) : (
        <ul aria-label={t(titles[kind])} className={list.list}>
          {tree.map(node)}
        </ul>
      )}
      <LiveMessage>{announcement}</LiveMessage>
    </Section>
  );
}

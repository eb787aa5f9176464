import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { ContactDto } from 'core-api/client';
import { useT } from '../i18n/useT.ts';
import { isMessageKey } from '../i18n/translate.ts';
import { DetailItem } from './DetailItem.tsx';
import { DetailList } from './DetailList.tsx';
import { Section } from './Section.tsx';

const useStyles = makeStyles({
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  badge: { maxWidth: '100%', height: 'auto', whiteSpace: 'normal' },
});

type Term = ContactDto['terms'][number];

const KIND_ORDER = ['domain', 'sector', 'category'];

/** Terms grouped by kind, the three kinds of the taxonomy first. */
function groupByKind(terms: Term[]): Array<[kind: string, terms: Term[]]> {
  const groups = new Map<string, Term[]>(KIND_ORDER.map((kind) => [kind, []]));
  for (const term of terms) {
    groups.set(term.kind, [...(groups.get(term.kind) ?? []), term]);
  }

  return [...groups.entries()];
}

export type TermsSectionProps = { terms: Term[] };

/** Domains (sub-domains under their parent), sectors and categories. */
export function TermsSection({ terms }: TermsSectionProps) {
  const t = useT();

  return (
    <Section title={t('section.terms')}>
      <TermsDetails terms={terms} />
    </Section>
  );
}

/** The terms alone, for a section that also edits them. */
export function TermsDetails({ terms }: TermsSectionProps) {
  const styles = useStyles();
  const t = useT();
  const byId = new Map(terms.map((term) => [term.id, term]));

  const labelOf = (term: Term) => {
    const parent = term.parentId === null ? undefined : byId.get(term.parentId);

    return parent ? `${parent.label} › ${term.label}` : term.label;
  };

  return (
    <DetailList>
      {groupByKind(terms).map(([kind, group]) => {
        const key = `termKind.${kind}`;

        return (
          <DetailItem
            key={kind}
            label={isMessageKey(key) ? t(key) : t('termKind.other')}
          >
            {group.length > 0 && (
              <ul className={styles.badges}>
                {group.map((term) => (
                  <li key={term.id}>
                    <Badge
                      appearance="tint"
                      color="brand"
                      shape="rounded"
                      className={styles.badge}
                    >
                      {labelOf(term)}
                    </Badge>
                  </li>
                ))}
              </ul>
            )}
          </DetailItem>
        );
      })}
    </DetailList>
  );
}

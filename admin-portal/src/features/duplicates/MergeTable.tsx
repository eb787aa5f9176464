import {
  Badge,
  Link,
  makeStyles,
  mergeClasses,
  Radio,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { useT } from '../../i18n/useT.ts';
import type { ChoosableField } from 'core-api/client';
import { contactHref } from '../../routing/route.ts';
import {
  CHOOSABLE_FIELDS,
  fieldText,
  KEPT_LISTS,
  listLines,
  type PairContacts,
  type Side,
} from './mergeChoices.ts';

const useStyles = makeStyles({
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
  },
  fieldColumn: {
    width: '30%',
    '@media (max-width: 30rem)': { width: '27%' },
  },
  cell: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    verticalAlign: 'top',
    textAlign: 'start',
    overflowWrap: 'anywhere',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 30rem)': {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    },
  },
  head: { fontWeight: tokens.fontWeightSemibold },
  rowHeader: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  // Colour repeats what the « diffère » badge says in words.
  differs: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorStatusWarningBorderActive}`,
  },
  marker: {
    display: 'block',
    width: 'fit-content',
    marginTop: tokens.spacingVerticalXXS,
  },
  lines: { listStyleType: 'none', margin: 0, padding: 0 },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  radio: { alignItems: 'flex-start' },
  // On a phone the radio's own margins would leave a date no room.
  radioIndicator: {
    '@media (max-width: 30rem)': { marginLeft: 0, marginRight: 0 },
  },
  radioLabel: {
    '@media (max-width: 30rem)': {
      paddingLeft: tokens.spacingHorizontalXS,
      paddingRight: 0,
    },
  },
  unchosen: { color: tokens.colorNeutralForeground3 },
});

export type MergeTableProps = {
  contacts: PairContacts;
  /** The side each differing field comes from. */
  sides: Partial<Record<ChoosableField, Side>>;
  /** Radios for the differing fields; without it the table only compares. */
  onChoose?: (field: ChoosableField, side: Side) => void;
};

const SIDES: Side[] = ['a', 'b'];

/**
 * Both records side by side, one row per field: differing rows are marked,
 * and each differing field gets a radio per record to pick the value kept.
 * Lists (emails, phones…) are compared but not chosen: a merge keeps both.
 */
export function MergeTable({ contacts, sides, onChoose }: MergeTableProps) {
  const styles = useStyles();
  const t = useT();
  const id = useId();
  const sideLabel = (side: Side) =>
    t(side === 'a' ? 'review.recordA' : 'review.recordB');

  const marker = (
    <Badge appearance="tint" color="warning" className={styles.marker}>
      {t('review.different')}
    </Badge>
  );
  const empty = <span className={styles.empty}>{t('review.empty')}</span>;

  const choosableRow = (field: ChoosableField) => {
    const side = sides[field];
    const label = t(`field.${field}`);

    return (
      <tr key={field} className={mergeClasses(side && styles.differs)}>
        <th scope="row" className={mergeClasses(styles.cell, styles.rowHeader)}>
          {label}
          {side && marker}
        </th>
        {SIDES.map((option) => {
          const text = fieldText(contacts[option], field, t);
          if (!side || !onChoose) {
            return (
              <td key={option} className={styles.cell}>
                {text || empty}
              </td>
            );
          }

          return (
            <td key={option} className={styles.cell}>
              <Radio
                name={`${id}-${field}`}
                value={option}
                checked={side === option}
                onChange={() => onChoose(field, option)}
                className={mergeClasses(
                  styles.radio,
                  side !== option && styles.unchosen,
                )}
                indicator={{ className: styles.radioIndicator }}
                label={{
                  children: text || t('review.empty'),
                  className: styles.radioLabel,
                }}
                aria-label={t('review.keep', {
                  field: label,
                  value: text || t('review.empty'),
                  side: sideLabel(option),
                })}
              />
            </td>
          );
        })}
      </tr>
    );
  };

  const listRow = (list: (typeof KEPT_LISTS)[number]) => {
    const lines = {
      a: listLines(contacts.a, list),
      b: listLines(contacts.b, list),
    };
    const differs = lines.a.join('\n') !== lines.b.join('\n');

    return (
      <tr key={list} className={mergeClasses(differs && styles.differs)}>
        <th scope="row" className={mergeClasses(styles.cell, styles.rowHeader)}>
          {t(`field.${list}`)}
          {differs && marker}
        </th>
        {SIDES.map((side) => (
          <td key={side} className={styles.cell}>
            {lines[side].length === 0 ? (
              empty
            ) : (
              <ul className={styles.lines}>
                {lines[side].map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            )}
          </td>
        ))}
      </tr>
    );
  };

  return (
    <table className={styles.table} aria-label={t('review.fields')}>
      <colgroup>
        <col className={styles.fieldColumn} />
        <col />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
            {t('review.field')}
          </th>
          {SIDES.map((side) => (
            <th
              key={side}
              scope="col"
              className={mergeClasses(styles.cell, styles.head)}
            >
              <Link href={contactHref(contacts[side].id)}>
                {t('review.recordName', {
                  side: sideLabel(side),
                  name: contacts[side].displayName,
                  id: contacts[side].id,
                })}
              </Link>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {CHOOSABLE_FIELDS.map(choosableRow)}
        {KEPT_LISTS.map(listRow)}
      </tbody>
    </table>
  );
}

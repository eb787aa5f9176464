import {
  Badge,
  makeStyles,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { formatScore } from '../../format.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import type { DuplicatePairDto } from 'core-api/client';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
  },
  // Long French labels wrap on a phone instead of overflowing.
  badge: { whiteSpace: 'normal', height: 'auto', textAlign: 'start' },
});

const colorOf = (weight: number): BadgeProps['color'] =>
  weight > 0 ? 'success' : weight < 0 ? 'danger' : 'informative';

export type EvidenceListProps = {
  evidence: DuplicatePairDto['evidence'];
  /** The list's name for assistive technologies. */
  label: string;
};

/**
 * What a pair's score rests on, one badge per field: how the two values
 * compare and the weight it adds (green) or takes away (red); the sign and
 * the words carry the meaning, the colour only repeats it.
 */
export function EvidenceList({ evidence, label }: EvidenceListProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();

  return (
    <ul aria-label={label} className={styles.list}>
      {evidence.map((item) => {
        const fieldKey = `field.${item.field}`;
        const agreementKey = `duplicates.agreement.${item.agreement}`;

        return (
          <li key={item.field}>
            <Badge
              appearance="tint"
              color={colorOf(item.weight)}
              className={styles.badge}
            >
              {t('duplicates.evidenceItem', {
                field: isMessageKey(fieldKey) ? t(fieldKey) : item.field,
                agreement: isMessageKey(agreementKey)
                  ? t(agreementKey)
                  : item.agreement,
                weight: formatScore(item.weight, locale, true),
              })}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}

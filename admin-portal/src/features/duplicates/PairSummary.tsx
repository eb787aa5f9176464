import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { formatBirthDate, formatScore } from '../../format.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import type { DuplicatePairDto } from 'core-api/client';
import { duplicatesHref } from '../../routing/route.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { OutcomeBadge } from './OutcomeBadge.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  title: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  score: { color: tokens.colorNeutralForeground2 },
  sides: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 16rem), 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  side: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  sideName: { fontWeight: tokens.fontWeightSemibold },
  sideDetails: { color: tokens.colorNeutralForeground2 },
});

type PairSide = DuplicatePairDto['a'];

/** What tells a person apart at a glance: companies, city, first email, birth date. */
function sideDetails(side: PairSide): string {
  return [
    side.organisations.join(', '),
    side.city,
    side.emails[0],
    side.birthDate && formatBirthDate(side.birthDate),
  ]
    .filter(Boolean)
    .join(' · ');
}

export type PairSummaryProps = { pair: DuplicatePairDto };

/** One pair of the queue: both names, outcome, score, the evidence, a link to review. */
export function PairSummary({ pair }: PairSummaryProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const names = { a: pair.a.displayName, b: pair.b.displayName };

  return (
    <li className={styles.root}>
      <div className={styles.top}>
        <Link
          href={duplicatesHref(pair.id)}
          className={styles.title}
          aria-label={t('duplicates.openPair', names)}
        >
          {t('duplicates.pair', names)}
        </Link>
        <OutcomeBadge outcome={pair.outcome} />
        <span className={styles.score}>
          {t('duplicates.score', { score: formatScore(pair.score, locale) })}
        </span>
      </div>
      <dl className={styles.sides}>
        {(['a', 'b'] as const).map((key) => (
          <div key={key} className={styles.side}>
            <dt className={styles.sideName}>
              {t('review.recordName', {
                side: t(key === 'a' ? 'review.recordA' : 'review.recordB'),
                name: pair[key].displayName,
                id: pair[key].id,
              })}
            </dt>
            <dd className={styles.side}>
              <span className={styles.sideDetails}>
                {sideDetails(pair[key]) || t('common.empty')}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <EvidenceList evidence={pair.evidence} label={t('duplicates.evidence')} />
    </li>
  );
}

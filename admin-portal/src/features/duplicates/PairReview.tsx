import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { formatScore } from '../../format.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import type { DuplicatePairDto, MergeReport } from 'core-api/client';
import { duplicatesHref } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useResource } from '../../ui/useResource.ts';
import { EvidenceList } from './EvidenceList.tsx';
import type { PairContacts } from './mergeChoices.ts';
import { MergeDone } from './MergeDone.tsx';
import { MergeForm } from './MergeForm.tsx';
import { OutcomeBadge } from './OutcomeBadge.tsx';

const useStyles = makeStyles({
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  score: { color: tokens.colorNeutralForeground2 },
});

/** Where the review of a pair stands. */
type Decision =
  | { kind: 'open' }
  | {
      kind: 'merged';
      report: Pick<MergeReport, 'mergeId' | 'survivorId' | 'mergedId'>;
    }
  | { kind: 'undone' }
  | { kind: 'dismissed' };

export type PairReviewProps = {
  pair: DuplicatePairDto;
  canDecide: boolean;
  /** Called after a merge, an undo or a dismissal (the queue changed). */
  onChanged: () => void;
};

/**
 * One pair of the queue: its evidence, both records fetched whole and
 * compared, then the decision and, after a merge, the way back.
 */
export function PairReview({ pair, canDecide, onChanged }: PairReviewProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  // A pair opened again after its decision shows that decision.
  const [decision, setDecision] = useState<Decision>(() =>
    pair.merge
      ? { kind: 'merged', report: pair.merge }
      : pair.status === 'not_duplicate'
        ? { kind: 'dismissed' }
        : { kind: 'open' },
  );
  // Bumped after an undo: both records changed back, so they are read again.
  const [round, setRound] = useState(0);
  const contacts = useResource<PairContacts>(async () => {
    const [a, b] = await Promise.all([
      client.contacts.get(pair.a.id),
      client.contacts.get(pair.b.id),
    ]);

    return { a, b };
  }, `pair:${pair.id}:${round}`);
  const names = { a: pair.a.displayName, b: pair.b.displayName };

  const decide = (next: Decision) => {
    setDecision(next);
    onChanged();
  };

  return (
    <>
      <Link href={duplicatesHref()}>{t('duplicates.backToQueue')}</Link>
      <PageHeading focusOnMount>{t('review.title', names)}</PageHeading>
      <div className={styles.badges}>
        <OutcomeBadge outcome={pair.outcome} />
        <span className={styles.score}>
          {t('duplicates.score', { score: formatScore(pair.score, locale) })}
        </span>
      </div>
      <EvidenceList evidence={pair.evidence} label={t('duplicates.evidence')} />

      {decision.kind === 'merged' && (
        <MergeDone
          report={decision.report}
          onUndone={() => {
            setRound((n) => n + 1);
            decide({ kind: 'undone' });
          }}
        />
      )}
      {decision.kind === 'dismissed' && (
        <Notice focusOnMount>{t('review.dismissed')}</Notice>
      )}
      {decision.kind === 'undone' && (
        <Notice focusOnMount>{t('review.undone')}</Notice>
      )}

      {(decision.kind === 'open' || decision.kind === 'undone') &&
        (contacts.status === 'loading' ? (
          <LoadingState label={t('app.loading')} />
        ) : contacts.status === 'error' ? (
          <ErrorMessage
            message={errorMessage(contacts.error, t)}
            onRetry={contacts.reload}
          />
        ) : (
          <MergeForm
            key={round}
            pair={pair}
            contacts={contacts.data}
            canDecide={canDecide}
            onMerged={(report) => decide({ kind: 'merged', report })}
            onDismissed={() => decide({ kind: 'dismissed' })}
          />
        ))}
    </>
  );
}

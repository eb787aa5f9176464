import { Link } from '@fluentui/react-components';
import type { CommitReport } from 'core-api/client';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { duplicatesHref } from '../../routing/route.ts';
import { DetailItem } from '../../ui/DetailItem.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { Section } from '../../ui/Section.tsx';

const LINES: Array<[keyof CommitReport, MessageKey]> = [
  ['created', 'result.created'],
  ['updated', 'result.updated'],
  ['merged', 'result.merged'],
  ['queuedForReview', 'result.queued'],
  ['rejected', 'result.rejected'],
  ['companiesCreated', 'result.companies'],
  ['deactivated', 'result.deactivated'],
];

export type CommitResultProps = { result: CommitReport };

/** What the commit did, count by count, and the way to the duplicates it queued. */
export function CommitResult({ result }: CommitResultProps) {
  const t = useT();

  return (
    <Section title={t('result.title')}>
      <DetailList>
        {LINES.map(([field, label]) => (
          <DetailItem key={field} label={t(label)}>
            {String(result[field])}
          </DetailItem>
        ))}
      </DetailList>
      {result.queuedForReview > 0 && (
        <p>
          <Link href={duplicatesHref()}>{t('commit.reviewLink')}</Link>
        </p>
      )}
    </Section>
  );
}

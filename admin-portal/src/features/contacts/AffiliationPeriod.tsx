import type { ContactDto } from 'core-api/client';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/useT.ts';

export type AffiliationPeriodProps = {
  affiliation: Pick<
    ContactDto['affiliations'][number],
    'startDate' | 'endDate'
  >;
};

/** « Du 01/09/2019 au 30/06/2023 », « Depuis le… », « Jusqu’au… », or nothing. */
export function AffiliationPeriod({ affiliation }: AffiliationPeriodProps) {
  const t = useT();
  const start = affiliation.startDate && formatDate(affiliation.startDate);
  const end = affiliation.endDate && formatDate(affiliation.endDate);
  if (start && end)
    return <span>{t('affiliation.period', { start, end })}</span>;
  if (start) return <span>{t('affiliation.since', { start })}</span>;
  if (end) return <span>{t('affiliation.until', { end })}</span>;

  return null;
}

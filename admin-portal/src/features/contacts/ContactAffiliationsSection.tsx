import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ContactDto } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { companyHref } from '../../routing/route.ts';
import { DetailItem } from '../../ui/DetailItem.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { PrimaryBadge } from '../../ui/PrimaryBadge.tsx';
import { AffiliationPeriod } from './AffiliationPeriod.tsx';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  title: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
  },
  company: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  empty: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontStyle: 'italic',
  },
});

export type ContactAffiliationsDetailsProps = {
  affiliations: ContactDto['affiliations'];
};

/** Each company the contact belongs to, with function, department and dates. */
export function ContactAffiliationsDetails({
  affiliations,
}: ContactAffiliationsDetailsProps) {
  const styles = useStyles();
  const t = useT();

  return (
    <>
      {affiliations.length === 0 ? (
        <p className={styles.empty}>{t('common.empty')}</p>
      ) : (
        <ul className={styles.list}>
          {affiliations.map((affiliation) => (
            <li key={affiliation.id}>
              <div className={styles.title}>
                <Link
                  href={companyHref(affiliation.company.id)}
                  className={styles.company}
                >
                  {affiliation.company.name}
                </Link>
                <Badge
                  appearance="tint"
                  color={affiliation.current ? 'success' : 'subtle'}
                  size="small"
                >
                  {t(
                    affiliation.current
                      ? 'affiliation.current'
                      : 'affiliation.past',
                  )}
                </Badge>
                {affiliation.isPrimary && <PrimaryBadge />}
              </div>
              <DetailList>
                <DetailItem label={t('affiliation.function')}>
                  {affiliation.function}
                </DetailItem>
                <DetailItem label={t('affiliation.department')}>
                  {affiliation.department}
                </DetailItem>
              </DetailList>
              <AffiliationPeriod affiliation={affiliation} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

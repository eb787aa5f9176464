import { Link } from '@fluentui/react-components';
import type { CompanyDto } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { AddressLines } from '../../ui/AddressLines.tsx';
import { DetailItem } from '../../ui/DetailItem.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { PhoneLink } from '../../ui/PhoneLink.tsx';
import { SocialAccountList } from '../../ui/SocialAccountList.tsx';
import { WebLink } from '../../ui/WebLink.tsx';

export type CompanyReachDetailsProps = { company: CompanyDto };

/** Address, phone, fax, email, website and social accounts. */
export function CompanyReachDetails({ company }: CompanyReachDetailsProps) {
  const t = useT();
  const hasAddress = [
    company.street,
    company.street2,
    company.postalCode,
    company.city,
    company.region,
    company.country,
  ].some(Boolean);

  return (
    <DetailList>
      <DetailItem label={t('field.address')}>
        {hasAddress && <AddressLines address={company} />}
      </DetailItem>
      <DetailItem label={t('field.phone')}>
        {company.phone && <PhoneLink phone={company.phone} />}
      </DetailItem>
      <DetailItem label={t('field.fax')}>
        {company.fax && <PhoneLink phone={company.fax} />}
      </DetailItem>
      <DetailItem label={t('field.email')}>
        {company.email && (
          <Link href={`mailto:${company.email}`}>{company.email}</Link>
        )}
      </DetailItem>
      <DetailItem label={t('field.website')}>
        {company.website && <WebLink url={company.website} />}
      </DetailItem>
      <DetailItem label={t('field.socialAccounts')}>
        {company.socialAccounts.length > 0 && (
          <SocialAccountList accounts={company.socialAccounts} />
        )}
      </DetailItem>
    </DetailList>
  );
}

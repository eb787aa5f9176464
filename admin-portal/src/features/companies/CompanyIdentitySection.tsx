import type { CompanyDto } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { DetailItem } from '../../ui/DetailItem.tsx';
import { DetailList } from '../../ui/DetailList.tsx';

export type CompanyIdentityDetailsProps = { company: CompanyDto };

/** Name, legal name, type, sector and origin. */
export function CompanyIdentityDetails({
  company,
}: CompanyIdentityDetailsProps) {
  const t = useT();

  return (
    <DetailList>
      <DetailItem label={t('field.name')}>{company.name}</DetailItem>
      <DetailItem label={t('field.legalName')}>{company.legalName}</DetailItem>
      <DetailItem label={t('field.companyType')}>
        {company.companyType}
      </DetailItem>
      <DetailItem label={t('field.sector')}>{company.sector?.label}</DetailItem>
      <DetailItem label={t('field.origin')}>{company.origin}</DetailItem>
    </DetailList>
  );
}

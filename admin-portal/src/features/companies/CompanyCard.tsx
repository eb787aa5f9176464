import type { CompanyDto } from 'core-api/client';
import { CardLayout } from '../../ui/CardLayout.tsx';
import { NotesSection } from '../../ui/NotesSection.tsx';
import { ProvenanceSection } from '../../ui/ProvenanceSection.tsx';
import { TermsSection } from '../../ui/TermsSection.tsx';
import { CompanyContactsSection } from './CompanyContactsSection.tsx';
import { CompanyHeader } from './CompanyHeader.tsx';
import { CompanyIdentitySection } from './CompanyIdentitySection.tsx';
import { CompanyReachSection } from './CompanyReachSection.tsx';

export type CompanyCardProps = { company: CompanyDto };

/** Every attribute of a company and its linked contacts. */
export function CompanyCard({ company }: CompanyCardProps) {
  return (
    <CardLayout header={<CompanyHeader company={company} />}>
      <CompanyIdentitySection company={company} />
      <CompanyReachSection company={company} />
      <CompanyContactsSection contacts={company.contacts} />
      <TermsSection terms={company.terms} />
      <NotesSection notes={company.notes} />
      <ProvenanceSection record={company} />
    </CardLayout>
  );
}

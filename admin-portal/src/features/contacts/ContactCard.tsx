import type { ContactDto } from 'core-api/client';
import { CardLayout } from '../../ui/CardLayout.tsx';
import { NotesSection } from '../../ui/NotesSection.tsx';
import { ProvenanceSection } from '../../ui/ProvenanceSection.tsx';
import { TermsSection } from '../../ui/TermsSection.tsx';
import { ContactAffiliationsSection } from './ContactAffiliationsSection.tsx';
import { ContactHeader } from './ContactHeader.tsx';
import { ContactIdentitySection } from './ContactIdentitySection.tsx';
import { ContactPreferencesSection } from './ContactPreferencesSection.tsx';
import { ContactReachSection } from './ContactReachSection.tsx';
import { HistorySection } from './HistorySection.tsx';

export type ContactCardProps = { contact: ContactDto };

/** Every attribute of a contact, in sections that stack on a phone. */
export function ContactCard({ contact }: ContactCardProps) {
  return (
    <CardLayout header={<ContactHeader contact={contact} />}>
      <ContactIdentitySection contact={contact} />
      <ContactReachSection contact={contact} />
      <ContactAffiliationsSection affiliations={contact.affiliations} />
      <TermsSection terms={contact.terms} />
      <ContactPreferencesSection contact={contact} />
      <NotesSection notes={contact.notes} />
      <HistorySection contactId={contact.id} />
      <ProvenanceSection record={contact} />
    </CardLayout>
  );
}

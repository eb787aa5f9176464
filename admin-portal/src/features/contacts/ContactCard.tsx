import type { ContactDto } from 'core-api/client';
import { useApi } from '../../ApiContext.ts';
import { useT } from '../../i18n/useT.ts';
import { CardLayout } from '../../ui/CardLayout.tsx';
import { NotesDetails } from '../../ui/NotesSection.tsx';
import { TermsDetails } from '../../ui/TermsSection.tsx';
import { EditableSection } from '../records/EditableSection.tsx';
import { NotesField, TermsField } from '../records/CommonFields.tsx';
import { RecordCardEnd } from '../records/RecordCardEnd.tsx';
import { useCardRecord } from '../records/useCardRecord.ts';
import { ContactAffiliationsForm } from './ContactAffiliationsForm.tsx';
import { ContactAffiliationsDetails } from './ContactAffiliationsSection.tsx';
import {
  contactFields,
  contactInputOf,
  pruneContactForm,
  type ContactForm,
} from './contactForm.ts';
import { ContactHeader } from './ContactHeader.tsx';
import { ContactIdentityForm } from './ContactIdentityForm.tsx';
import { ContactIdentityDetails } from './ContactIdentitySection.tsx';
import { ContactPreferencesForm } from './ContactPreferencesForm.tsx';
import { ContactPreferencesDetails } from './ContactPreferencesSection.tsx';
import { ContactReachForm } from './ContactReachForm.tsx';
import { ContactReachDetails } from './ContactReachSection.tsx';
import { HistorySection } from './HistorySection.tsx';

export type ContactCardProps = { contact: ContactDto };

/**
 * Every attribute of a contact, in sections that stack on a phone, each
 * edited in place against the version read; the lists it is in, its
 * history and its audit trail.
 */
export function ContactCard({ contact }: ContactCardProps) {
  const t = useT();
  const client = useApi();
  const { id } = contact;
  const { editor, record, onDeleted, editable } = useCardRecord<
    ContactDto,
    ContactForm
  >({
    initial: contact,
    fields: contactFields,
    prune: pruneContactForm,
    save: (draft, version) =>
      client.contacts.update(id, { ...contactInputOf(draft, t), version }),
    reload: () => client.contacts.get(id),
    audit: () => client.contacts.audit(id),
  });
  const common = { editor, editable };

  return (
    <CardLayout
      header={
        <ContactHeader
          contact={record}
          status={editor.saved > 0 ? t('card.saved') : undefined}
          onDelete={() => client.contacts.remove(id)}
          onDeleted={onDeleted}
          onRestore={() => client.contacts.restore(id)}
          onRestored={editor.setRecord}
        />
      }
    >
      <EditableSection
        {...common}
        section="identity"
        title={t('section.identity')}
        view={<ContactIdentityDetails contact={record} />}
        form={(props) => <ContactIdentityForm {...props} contactId={id} />}
      />
      <EditableSection
        {...common}
        section="reach"
        title={t('section.reach')}
        view={<ContactReachDetails contact={record} />}
        form={(props) => <ContactReachForm {...props} />}
      />
      <EditableSection
        {...common}
        section="affiliations"
        title={t('section.affiliations')}
        view={<ContactAffiliationsDetails affiliations={record.affiliations} />}
        form={(props) => <ContactAffiliationsForm {...props} />}
      />
      <EditableSection
        {...common}
        section="terms"
        title={t('section.terms')}
        view={<TermsDetails terms={record.terms} />}
        form={(props) => <TermsField {...props} />}
      />
      <EditableSection
        {...common}
        section="preferences"
        title={t('section.preferences')}
        view={<ContactPreferencesDetails contact={record} />}
        form={(props) => <ContactPreferencesForm {...props} />}
      />
      <EditableSection
        {...common}
        section="notes"
        title={t('section.notes')}
        view={<NotesDetails notes={record.notes} />}
        form={(props) => <NotesField {...props} />}
      />
      <RecordCardEnd
        kind="contact"
        record={record}
        fields={contactFields}
        loadLists={() => client.cards.contactLists(id)}
        loadAudit={() => client.contacts.audit(id)}
      >
        <HistorySection contactId={id} editable={editable} />
      </RecordCardEnd>
    </CardLayout>
  );
}

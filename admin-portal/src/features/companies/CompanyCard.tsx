import type { CompanyDto } from 'core-api/client';
import { useApi } from '../../ApiContext.ts';
import { useT } from '../../i18n/useT.ts';
import { CardLayout } from '../../ui/CardLayout.tsx';
import { NotesDetails } from '../../ui/NotesSection.tsx';
import { TermsDetails } from '../../ui/TermsSection.tsx';
import { EditableSection } from '../records/EditableSection.tsx';
import { NotesField, TermsField } from '../records/CommonFields.tsx';
import { RecordCardEnd } from '../records/RecordCardEnd.tsx';
import { useCardRecord } from '../records/useCardRecord.ts';
import { CompanyContactsSection } from './CompanyContactsSection.tsx';
import {
  companyFields,
  companyInputOf,
  pruneCompanyForm,
  type CompanyForm,
} from './companyForm.ts';
import { CompanyIdentityForm, CompanyReachForm } from './CompanyForms.tsx';
import { CompanyHeader } from './CompanyHeader.tsx';
import { CompanyIdentityDetails } from './CompanyIdentitySection.tsx';
import { CompanyReachDetails } from './CompanyReachSection.tsx';

export type CompanyCardProps = { company: CompanyDto };

/**
 * Every attribute of a company, edited in place against the version read,
 * its linked contacts, the lists it is in and its audit trail.
 */
export function CompanyCard({ company }: CompanyCardProps) {
  const t = useT();
  const client = useApi();
  const { id } = company;
  const { editor, record, onDeleted, editable } = useCardRecord<
    CompanyDto,
    CompanyForm
  >({
    initial: company,
    fields: companyFields,
    prune: pruneCompanyForm,
    save: (draft, version) =>
      client.companies.update(id, { ...companyInputOf(draft), version }),
    reload: () => client.companies.get(id),
    audit: () => client.cards.companyAudit(id),
  });
  const common = { editor, editable };

  return (
    <CardLayout
      header={
        <CompanyHeader
          company={record}
          status={editor.saved > 0 ? t('card.saved') : undefined}
          onDelete={() => client.companies.remove(id)}
          onDeleted={onDeleted}
          onRestore={() => client.companies.restore(id)}
          onRestored={editor.setRecord}
        />
      }
    >
      <EditableSection
        {...common}
        section="identity"
        title={t('section.identity')}
        view={<CompanyIdentityDetails company={record} />}
        form={(props) => <CompanyIdentityForm {...props} />}
      />
      <EditableSection
        {...common}
        section="reach"
        title={t('section.reach')}
        view={<CompanyReachDetails company={record} />}
        form={(props) => <CompanyReachForm {...props} />}
      />
      <CompanyContactsSection contacts={record.contacts} />
      <EditableSection
        {...common}
        section="terms"
        title={t('section.terms')}
        view={<TermsDetails terms={record.terms} />}
        form={(props) => <TermsField {...props} />}
      />
      <EditableSection
        {...common}
        section="notes"
        title={t('section.notes')}
        view={<NotesDetails notes={record.notes} />}
        form={(props) => <NotesField {...props} />}
      />
      <RecordCardEnd
        kind="company"
        record={record}
        fields={companyFields}
        loadLists={() => client.cards.companyLists(id)}
        loadAudit={() => client.cards.companyAudit(id)}
      />
    </CardLayout>
  );
}

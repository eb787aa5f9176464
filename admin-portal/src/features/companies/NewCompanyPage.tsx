import type { CompanyInput, PossibleCompanyDuplicate } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { useT } from '../../i18n/useT.ts';
import { companyHref, navigate } from '../../routing/route.ts';
import { Section } from '../../ui/Section.tsx';
import { CreatePage } from '../records/CreatePage.tsx';
import type { Candidate } from '../records/DuplicateCandidates.tsx';
import { NotesField, TermsField } from '../records/CommonFields.tsx';
import { useCreateWithCheck } from '../records/useCreateWithCheck.ts';
import {
  blankCompanyForm,
  companyInputOf,
  pruneCompanyForm,
  type CompanyForm,
} from './companyForm.ts';
import { CompanyIdentityForm, CompanyReachForm } from './CompanyForms.tsx';

/**
 * The screen `#/companies/new`: a new company's form, checked against the
 * base (the same outlet written another way, the same e-mail, website or
 * phone) before it is created.
 */
export function NewCompanyPage() {
  const t = useT();
  const client = useApi();
  const [draft, setDraft] = useState<CompanyForm>(blankCompanyForm);
  const change = (update: (form: CompanyForm) => CompanyForm) =>
    setDraft(update);
  const candidateOf = (item: PossibleCompanyDuplicate): Candidate => ({
    id: item.company.id,
    href: companyHref(item.company.id),
    name: item.company.name,
    details: [
      item.company.companyType,
      item.company.city,
      t('card.duplicates.contacts', { count: item.company.contactCount }),
    ].filter((value): value is string => Boolean(value)),
    outcome: item.outcome,
    reasons: item.fields.map((field) => t(`card.reason.${field}`)),
  });
  const flow = useCreateWithCheck<CompanyInput>({
    input: () => {
      const pruned = pruneCompanyForm(draft);
      setDraft(pruned);

      return companyInputOf(pruned);
    },
    check: async (input) =>
      (await client.cards.companyDuplicates(input)).items.map(candidateOf),
    create: async (input) => {
      const created = await client.companies.create(input);
      navigate(companyHref(created.id));
    },
  });

  return (
    <CreatePage
      title={t('card.create.companyTitle')}
      intro={t('card.create.companyIntro')}
      flow={flow}
      cancelHref="#/"
    >
      {(problems, more) => {
        const props = { draft, change, problems };

        return (
          <>
            <Section title={t('section.identity')}>
              <CompanyIdentityForm {...props} />
            </Section>
            <Section title={t('section.reach')}>
              <CompanyReachForm {...props} />
            </Section>
            {more && (
              <>
                <Section title={t('section.terms')}>
                  <TermsField {...props} />
                </Section>
                <Section title={t('section.notes')}>
                  <NotesField {...props} />
                </Section>
              </>
            )}
          </>
        );
      }}
    </CreatePage>
  );
}

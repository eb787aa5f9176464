import type { ContactInput, PossibleDuplicate } from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import { useT } from '../../i18n/useT.ts';
import { contactHref, navigate } from '../../routing/route.ts';
import { Section } from '../../ui/Section.tsx';
import { CreatePage } from '../records/CreatePage.tsx';
import type { Candidate } from '../records/DuplicateCandidates.tsx';
import { NotesField, TermsField } from '../records/CommonFields.tsx';
import { useCreateWithCheck } from '../records/useCreateWithCheck.ts';
import { ContactAffiliationsForm } from './ContactAffiliationsForm.tsx';
import {
  blankContactForm,
  contactInputOf,
  pruneContactForm,
  type ContactForm,
} from './contactForm.ts';
import { ContactIdentityForm } from './ContactIdentityForm.tsx';
import { ContactPreferencesForm } from './ContactPreferencesForm.tsx';
import { ContactReachForm } from './ContactReachForm.tsx';

/**
 * The screen `#/contacts/new`: a new contact's form, checked against the
 * base with the rules imports and Outlook use before it is created.
 */
export function NewContactPage() {
  const t = useT();
  const client = useApi();
  const [draft, setDraft] = useState<ContactForm>(blankContactForm);
  const change = (update: (form: ContactForm) => ContactForm) =>
    setDraft(update);
  const reasonOf = (field: string) => {
    const key = `card.reason.${field}`;

    return isMessageKey(key) ? t(key) : field;
  };
  const candidateOf = (item: PossibleDuplicate): Candidate => ({
    id: item.contact.id,
    href: contactHref(item.contact.id),
    name: item.contact.displayName,
    details: [
      item.contact.function,
      item.contact.company,
      item.contact.city,
      item.contact.primaryEmail,
    ].filter((value): value is string => Boolean(value)),
    outcome: item.outcome,
    reasons: item.fields.map(reasonOf),
  });
  const flow = useCreateWithCheck<ContactInput>({
    input: () => {
      const pruned = pruneContactForm(draft);
      setDraft(pruned);

      return contactInputOf(pruned, t);
    },
    check: async (input) =>
      (await client.cards.contactDuplicates(input)).items.map(candidateOf),
    create: async (input) => {
      const created = await client.contacts.create(input);
      navigate(contactHref(created.id));
    },
  });

  return (
    <CreatePage
      title={t('card.create.contactTitle')}
      intro={t('card.create.contactIntro')}
      flow={flow}
      cancelHref="#/"
    >
      {(problems, more) => {
        const props = { draft, change, problems };

        return (
          <>
            <Section title={t('section.identity')}>
              <ContactIdentityForm {...props} short={!more} />
            </Section>
            <Section title={t('section.reach')}>
              <ContactReachForm {...props} short={!more} />
            </Section>
            <Section title={t('section.affiliations')}>
              <ContactAffiliationsForm {...props} short={!more} />
            </Section>
            {more && (
              <>
                <Section title={t('section.terms')}>
                  <TermsField {...props} />
                </Section>
                <Section title={t('section.preferences')}>
                  <ContactPreferencesForm {...props} />
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

import { useT } from '../../i18n/useT.ts';
import type { SectionFormProps } from './EditableSection.tsx';
import { LongTextField } from './fields.tsx';
import { problemAt } from './formProblems.ts';
import { TermsForm, type HeldTerm } from './TermsForm.tsx';

/** What contacts and companies both hold: terms of the taxonomy, notes. */
type WithTermsAndNotes = { terms: HeldTerm[]; notes: string };

/** The taxonomy terms of a draft, ticked in the tree. */
export function TermsField<F extends WithTermsAndNotes>({
  draft,
  change,
  problems,
}: SectionFormProps<F>) {
  return (
    <TermsForm
      terms={draft.terms}
      problem={problemAt(problems, 'termIds')}
      onChange={(terms) => change((form) => ({ ...form, terms }))}
    />
  );
}

/** The free notes of a draft. */
export function NotesField<F extends WithTermsAndNotes>({
  draft,
  change,
  problems,
}: SectionFormProps<F>) {
  const t = useT();

  return (
    <LongTextField
      label={t('field.notes')}
      value={draft.notes}
      problem={problemAt(problems, 'notes')}
      onChange={(notes) => change((form) => ({ ...form, notes }))}
    />
  );
}

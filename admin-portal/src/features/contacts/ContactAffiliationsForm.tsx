import { Checkbox } from '@fluentui/react-components';
import { useT } from '../../i18n/useT.ts';
import type { SectionFormProps } from '../records/EditableSection.tsx';
import { removeAt, replaceAt, RowList, TextField } from '../records/fields.tsx';
import { problemAt } from '../records/formProblems.ts';
import { RecordPicker } from '../records/RecordPicker.tsx';
import { emptyAffiliation, type ContactForm } from './contactForm.ts';

export type ContactAffiliationsFormProps = SectionFormProps<ContactForm> & {
  /** Company and function only (a new contact's first fields). */
  short?: boolean;
};

/**
 * Each company the contact belongs to: picked from the base or typed (a new
 * company is created by that name), function, department, dates, primary.
 */
export function ContactAffiliationsForm({
  draft,
  change,
  problems,
  short = false,
}: ContactAffiliationsFormProps) {
  const t = useT();
  const rows = draft.affiliations;
  const setRows = (affiliations: ContactForm['affiliations']) =>
    change((form) => ({ ...form, affiliations }));
  const at = (index: number, field: string) =>
    problemAt(problems, `affiliations.${index}.${field}`);

  return (
    <RowList
      legend={t('field.affiliations')}
      items={rows}
      addLabel={t('card.affiliation.add')}
      problem={problemAt(problems, 'affiliations.companyId')}
      onAdd={() =>
        setRows([
          ...rows,
          { ...emptyAffiliation, isPrimary: rows.length === 0 },
        ])
      }
      onRemove={(index) => setRows(removeAt(rows, index))}
      renderRow={(row, index) => {
        const set = (patch: Partial<typeof row>) =>
          setRows(replaceAt(rows, index, { ...row, ...patch }));

        return (
          <>
            <RecordPicker
              label={t('card.affiliation.company')}
              type="company"
              hint={t('card.affiliation.companyHint')}
              value={
                row.companyName
                  ? { id: row.companyId ?? 0, name: row.companyName }
                  : null
              }
              onChange={(picked) =>
                set({
                  companyId: picked?.id ?? null,
                  companyName: picked?.name ?? '',
                })
              }
              onType={(companyName) => set({ companyId: null, companyName })}
              problem={at(index, 'companyId') ?? at(index, 'companyName')}
            />
            <TextField
              label={t('affiliation.function')}
              value={row.function}
              problem={at(index, 'function')}
              onChange={(value) => set({ function: value })}
            />
            {!short && (
              <>
                <TextField
                  label={t('affiliation.department')}
                  value={row.department}
                  problem={at(index, 'department')}
                  onChange={(department) => set({ department })}
                />
                <TextField
                  label={t('card.affiliation.start')}
                  hint={t('card.date.hint')}
                  inputMode="numeric"
                  value={row.startDate}
                  problem={at(index, 'startDate')}
                  onChange={(startDate) => set({ startDate })}
                />
                <TextField
                  label={t('card.affiliation.end')}
                  hint={t('card.date.hint')}
                  inputMode="numeric"
                  value={row.endDate}
                  problem={at(index, 'endDate')}
                  onChange={(endDate) => set({ endDate })}
                />
                <Checkbox
                  label={t('common.primary')}
                  aria-label={t('card.row.primary', {
                    what: t('field.affiliations'),
                    row: index + 1,
                  })}
                  checked={row.isPrimary}
                  onChange={(_, data) =>
                    data.checked &&
                    setRows(
                      rows.map((r, i) => ({ ...r, isPrimary: i === index })),
                    )
                  }
                />
              </>
            )}
          </>
        );
      }}
    />
  );
}

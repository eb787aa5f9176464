import { makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../ApiContext.ts';
import { useT } from '../../i18n/useT.ts';
import { useResource } from '../../ui/useResource.ts';
import type { SectionFormProps } from '../records/EditableSection.tsx';
import { ChoiceField, TextField } from '../records/fields.tsx';
import { problemAt } from '../records/formProblems.ts';
import { SocialRows } from '../records/SocialRows.tsx';
import { frenchPhoneText } from '../records/typedValues.ts';
import type { CompanyForm } from './companyForm.ts';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 12rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
});

type TextKey = {
  [K in keyof CompanyForm]: CompanyForm[K] extends string ? K : never;
}[keyof CompanyForm];

/** Props of a text field bound to one text of the draft. */
function useTextBinding({
  draft,
  change,
  problems,
}: SectionFormProps<CompanyForm>) {
  const t = useT();

  return (key: TextKey) => ({
    label: t(`field.${key}`),
    value: draft[key],
    problem: problemAt(problems, key),
    onChange: (value: string) => change((form) => ({ ...form, [key]: value })),
  });
}

/** Name, legal name, type, sector (from the taxonomy) and origin. */
export function CompanyIdentityForm(props: SectionFormProps<CompanyForm>) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const bind = useTextBinding(props);
  const sectors = useResource(() => client.taxonomy.list('sector'), 'sectors');
  const { draft, change, problems } = props;
  const live =
    sectors.status === 'done'
      ? sectors.data.items.filter((term) => !term.deletedAt)
      : [];
  const held =
    draft.sector && !live.some((s) => s.id === draft.sector?.id)
      ? [draft.sector]
      : [];

  return (
    <div className={styles.grid}>
      <TextField {...bind('name')} required />
      <TextField {...bind('legalName')} />
      <TextField {...bind('companyType')} />
      <ChoiceField
        label={t('field.sector')}
        value={draft.sector ? String(draft.sector.id) : ''}
        problem={problemAt(problems, 'sectorId')}
        onChange={(value) => {
          const term = [...live, ...held].find((s) => String(s.id) === value);
          change((form) => ({
            ...form,
            sector: term ? { id: term.id, label: term.label } : null,
          }));
        }}
        options={[
          { value: '', text: t('card.choice.none') },
          ...[...held, ...live].map((s) => ({
            value: String(s.id),
            text: s.label,
          })),
        ]}
      />
      <TextField {...bind('origin')} />
    </div>
  );
}

/** Address, phone and fax (French numbers grouped), e-mail, website, social accounts. */
export function CompanyReachForm(props: SectionFormProps<CompanyForm>) {
  const styles = useStyles();
  const t = useT();
  const bind = useTextBinding(props);
  const { draft, change, problems } = props;
  const phone = (key: 'phone' | 'fax') => ({
    ...bind(key),
    type: 'tel' as const,
    onBlur: () =>
      change((form) => ({ ...form, [key]: frenchPhoneText(form[key]) })),
  });

  return (
    <div className={styles.stack}>
      <div className={styles.grid}>
        <TextField {...bind('street')} />
        <TextField {...bind('street2')} />
        <TextField {...bind('postalCode')} inputMode="numeric" />
        <TextField {...bind('city')} />
        <TextField {...bind('region')} />
        <TextField {...bind('country')} hint={t('card.country.hint')} />
        <TextField {...phone('phone')} />
        <TextField {...phone('fax')} />
        <TextField {...bind('email')} type="email" />
        <TextField {...bind('website')} type="url" />
      </div>
      <SocialRows
        rows={draft.socialAccounts}
        problems={problems}
        onChange={(socialAccounts) =>
          change((form) => ({ ...form, socialAccounts }))
        }
      />
    </div>
  );
}

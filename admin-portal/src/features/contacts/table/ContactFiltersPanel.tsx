import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import {
  contactFields,
  departmentCodes,
  frenchDepartments,
  type TermDto,
} from 'core-api/client';
import { useApi } from '../../../ApiContext.ts';
import { errorMessage } from '../../../api.ts';
import { isMessageKey } from '../../../i18n/translate.ts';
import { useT } from '../../../i18n/useT.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { useResource } from '../../../ui/useResource.ts';
import { MultiPicker } from '../../targeting/MultiPicker.tsx';
import { TaxonomyPicker } from '../../targeting/TaxonomyPicker.tsx';
import { noFilters, type ContactFilters } from './tableQuery.ts';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 18rem), 1fr))',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  column: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  types: { margin: 0, padding: 0, border: 'none', minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  clear: { alignSelf: 'flex-start' },
});

/** The contact types, in the order the query model lists them. */
const CONTACT_TYPES =
  contactFields.find((spec) => spec.field === 'contactType')?.codes ?? [];

export type ContactFiltersPanelProps = {
  id: string;
  filters: ContactFilters;
  onChange: (filters: ContactFilters) => void;
};

/**
 * The common filters of the contacts table: contact type, taxonomy terms,
 * with or without an e-mail address, departments. Each one is a criterion
 * of the query model; they add up (AND). Loaded when first opened.
 */
export function ContactFiltersPanel({
  id,
  filters,
  onChange,
}: ContactFiltersPanelProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const terms = useResource<TermDto[]>(
    () => client.taxonomy.list().then((page) => page.items),
    'table-filter-terms',
  );
  const typeLabel = (code: string) => {
    const key = `contactType.${code}`;

    return isMessageKey(key) ? t(key) : code;
  };
  const set = (change: Partial<ContactFilters>) =>
    onChange({ ...filters, ...change });

  return (
    <div
      id={id}
      role="group"
      aria-label={t('table.filters.title')}
      className={styles.root}
    >
      <div className={styles.column}>
        <fieldset className={styles.types}>
          <legend className={styles.legend}>
            {t('table.filters.contactType')}
          </legend>
          {CONTACT_TYPES.map((code) => (
            <Checkbox
              key={code}
              label={typeLabel(code)}
              checked={filters.contactTypes.includes(code)}
              onChange={(_, data) =>
                set({
                  contactTypes: data.checked
                    ? CONTACT_TYPES.filter(
                        (type) =>
                          type === code || filters.contactTypes.includes(type),
                      )
                    : filters.contactTypes.filter((type) => type !== code),
                })
              }
            />
          ))}
        </fieldset>
        <Field label={t('table.filters.email')}>
          <Select
            value={filters.email}
            onChange={(_, data) =>
              set({ email: data.value as ContactFilters['email'] })
            }
          >
            <option value="any">{t('table.filters.email.any')}</option>
            <option value="yes">{t('table.filters.email.yes')}</option>
            <option value="no">{t('table.filters.email.no')}</option>
          </Select>
        </Field>
        <MultiPicker
          label={t('table.filters.departments')}
          options={departmentCodes.map((code) => ({
            value: code,
            text: `${code} – ${frenchDepartments[code] ?? ''}`,
          }))}
          selected={filters.departments}
          onChange={(departments) => set({ departments })}
        />
        <Button
          className={styles.clear}
          disabled={
            JSON.stringify({ ...filters, text: '' }) ===
            JSON.stringify(noFilters)
          }
          onClick={() => onChange({ ...noFilters, text: filters.text })}
        >
          {t('table.filters.clear')}
        </Button>
      </div>
      <div className={styles.column}>
        {terms.status === 'error' && (
          <ErrorMessage
            message={errorMessage(terms.error, t)}
            onRetry={terms.reload}
          />
        )}
        <TaxonomyPicker
          label={t('table.filters.terms')}
          terms={terms.status === 'done' ? terms.data : []}
          selected={filters.termIds}
          onChange={(termIds) => set({ termIds })}
        />
      </div>
    </div>
  );
}

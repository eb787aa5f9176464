import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from '@fluentui/react-components';
import {
  frenchDepartments,
  regions,
  type CriterionOperator,
  type FieldSpec,
} from 'core-api/client';
import type { MessageKey } from '../../i18n/messages.ts';
import { isMessageKey, type Translate } from '../../i18n/translate.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { CompanyPicker } from './CompanyPicker.tsx';
import { DateInput } from './DateInput.tsx';
import { shapeOf } from './fieldCatalogue.ts';
import { MultiPicker } from './MultiPicker.tsx';
import { usePickerData } from './PickerData.ts';
import { TaxonomyPicker } from './TaxonomyPicker.tsx';

const useStyles = makeStyles({
  checks: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    border: 'none',
    minWidth: 0,
  },
  legend: { padding: 0, width: '100%' },
  range: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  count: { maxWidth: '12rem' },
});

/** Codes with few values are ticked; longer vocabularies are picked. */
const TICKS_AT_MOST = 8;

/** The words of a fixed vocabulary: the portal's own, else the code. */
function codeText(spec: FieldSpec, code: string, t: Translate): string {
  const prefixes: Record<string, string> = {
    contactType: 'contactType',
    preferredChannel: 'channel',
    civility: 'civility',
  };
  const key = `${prefixes[spec.field] ?? spec.field}.${code}`;

  return isMessageKey(key) ? t(key) : code;
}

const asArray = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [];

const asIds = (value: unknown): number[] =>
  Array.isArray(value) ? value.map(Number) : [];

export type ValueEditorProps = {
  spec: FieldSpec;
  operator: CriterionOperator;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Names the field in the labels of the controls (« Valeur : Ville »). */
  fieldName: string;
};

/**
 * The value of a criterion, asked for the way its field and operator need:
 * boxes for a short vocabulary, a picker for departments, regions, lists and
 * companies, the taxonomy tree, a day or two, a number of months or days,
 * yes or no, or words.
 */
export function ValueEditor({
  spec,
  operator,
  value,
  onChange,
  fieldName,
}: ValueEditorProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const data = usePickerData();
  const shape = shapeOf(spec, operator);
  const label = t('targeting.value', { field: fieldName });

  if (shape === 'none') return null;

  if (shape === 'boolean') {
    return (
      <Field label={label}>
        <RadioGroup
          layout="horizontal"
          value={value === false ? 'no' : 'yes'}
          onChange={(_, choice) => onChange(choice.value === 'yes')}
        >
          <Radio value="yes" label={t('common.yes')} />
          <Radio value="no" label={t('common.no')} />
        </RadioGroup>
      </Field>
    );
  }

  if (shape === 'count') {
    const unit: MessageKey =
      operator === 'lastDays' ? 'targeting.unit.days' : 'targeting.unit.months';

    return (
      <Field label={label} className={styles.count}>
        <Input
          type="number"
          min={1}
          max={1200}
          value={typeof value === 'number' ? String(value) : ''}
          contentAfter={<span>{t(unit)}</span>}
          onChange={(_, input) =>
            onChange(input.value === '' ? null : Number(input.value))
          }
        />
      </Field>
    );
  }

  if (shape === 'date') {
    return (
      <DateInput
        label={label}
        value={typeof value === 'string' ? value : ''}
        onChange={onChange}
      />
    );
  }

  if (shape === 'dates') {
    const [from = '', to = ''] = asArray(value);

    return (
      <div className={styles.range}>
        <DateInput
          label={t('targeting.dateFrom', { field: fieldName })}
          value={from}
          onChange={(day) => onChange([day, to])}
        />
        <DateInput
          label={t('targeting.dateTo', { field: fieldName })}
          value={to}
          onChange={(day) => onChange([from, day])}
        />
      </div>
    );
  }

  if (shape === 'ids' && spec.source === 'taxonomy') {
    return (
      <TaxonomyPicker
        label={label}
        terms={data.terms}
        selected={asIds(value)}
        onChange={onChange}
      />
    );
  }

  if (shape === 'ids' && spec.source === 'lists') {
    return (
      <MultiPicker
        label={label}
        options={data.lists
          .filter((list) => list.entity === spec.entity)
          .map((list) => ({
            value: String(list.id),
            text: list.name,
          }))}
        selected={asArray(value)}
        onChange={(values) => onChange(values.map(Number))}
      />
    );
  }

  if (shape === 'ids') {
    return (
      <CompanyPicker
        label={label}
        selected={asIds(value)}
        onChange={onChange}
      />
    );
  }

  const codes = spec.codes;
  if (codes && shape === 'text') {
    return (
      <Field label={label}>
        <Select
          value={typeof value === 'string' ? value : ''}
          onChange={(_, choice) => onChange(choice.value)}
        >
          <option value="" />
          {codes.map((code) => (
            <option key={code} value={code}>
              {codeText(spec, code, t)}
            </option>
          ))}
        </Select>
      </Field>
    );
  }

  if (codes && codes.length <= TICKS_AT_MOST) {
    const chosen = asArray(value);

    return (
      <fieldset className={styles.checks}>
        <legend className={styles.legend}>{label}</legend>
        {codes.map((code) => (
          <Checkbox
            key={code}
            label={codeText(spec, code, t)}
            checked={chosen.includes(code)}
            onChange={(_, box) =>
              onChange(
                box.checked
                  ? codes.filter((c) => c === code || chosen.includes(c))
                  : chosen.filter((c) => c !== code),
              )
            }
          />
        ))}
      </fieldset>
    );
  }

  if (codes) {
    const text = (code: string) =>
      spec.field === 'region'
        ? (regions.find((region) => region.code === code)?.[locale] ?? code)
        : spec.field === 'department'
          ? `${code} – ${frenchDepartments[code] ?? ''}`
          : codeText(spec, code, t);

    return (
      <MultiPicker
        label={label}
        options={codes.map((code) => ({ value: code, text: text(code) }))}
        selected={asArray(value)}
        onChange={onChange}
      />
    );
  }

  if (shape === 'texts') {
    return (
      <MultiPicker
        label={label}
        options={[]}
        selected={asArray(value)}
        onChange={onChange}
        freeform
        hint={t('targeting.texts.hint')}
      />
    );
  }

  return (
    <Field label={label}>
      <Input
        value={typeof value === 'string' ? value : ''}
        onChange={(_, input) => onChange(input.value)}
      />
    </Field>
  );
}

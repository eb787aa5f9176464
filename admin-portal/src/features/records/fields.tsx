import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Textarea,
  tokens,
  type InputProps,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT.ts';

const useStyles = makeStyles({
  field: { minWidth: 0 },
  fieldset: {
    minWidth: 0,
    margin: 0,
    padding: 0,
    border: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  rows: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  row: {
    display: 'grid',
    // Side by side on a desk, one under the other on a phone.
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 11rem), 1fr))',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  add: { alignSelf: 'start' },
});

/** One problem under a field, red, read with it. */
function validation(problem: string | undefined) {
  return problem
    ? { validationState: 'error' as const, validationMessage: problem }
    : {};
}

export type TextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string;
  hint?: string;
  type?: InputProps['type'];
  inputMode?: InputProps['inputMode'];
  placeholder?: string;
  onBlur?: () => void;
  required?: boolean;
};

/** A labelled line of text with its problem beneath. */
export function TextField({
  label,
  value,
  onChange,
  problem,
  hint,
  onBlur,
  required,
  ...input
}: TextFieldProps) {
  const styles = useStyles();

  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      className={styles.field}
      {...validation(problem)}
    >
      <Input
        {...input}
        value={value}
        onBlur={onBlur}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}

export type ChoiceFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; text: string }[];
  problem?: string;
};

/** A labelled choice among a few (the browser's own list, fine on a phone). */
export function ChoiceField({
  label,
  value,
  onChange,
  options,
  problem,
}: ChoiceFieldProps) {
  const styles = useStyles();

  return (
    <Field label={label} className={styles.field} {...validation(problem)}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export type LongTextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string;
};

/** Several lines of free text. */
export function LongTextField({
  label,
  value,
  onChange,
  problem,
}: LongTextFieldProps) {
  const styles = useStyles();

  return (
    <Field label={label} className={styles.field} {...validation(problem)}>
      <Textarea
        value={value}
        resize="vertical"
        rows={4}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}

export type RowListProps<T> = {
  legend: string;
  items: T[];
  /** The fields of one row; `index` from 0. */
  renderRow: (item: T, index: number) => ReactNode;
  onAdd: () => void;
  onRemove: (index: number) => void;
  addLabel: string;
  /** Problem about the whole list (`termIds`), shown under the legend. */
  problem?: string;
};

/**
 * Rows of one kind (e-mails, phones…) each with its « Retirer » button,
 * and a button to add one; every button names the row it acts on.
 */
export function RowList<T>({
  legend,
  items,
  renderRow,
  onAdd,
  onRemove,
  addLabel,
  problem,
}: RowListProps<T>) {
  const styles = useStyles();
  const t = useT();

  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend}</legend>
      {problem && <Field validationState="error" validationMessage={problem} />}
      <ul className={styles.rows}>
        {items.map((item, index) => (
          <li key={index} className={styles.row}>
            {renderRow(item, index)}
            <Button
              aria-label={t('card.row.remove', {
                what: legend,
                row: index + 1,
              })}
              onClick={() => onRemove(index)}
            >
              {t('card.row.removeShort')}
            </Button>
          </li>
        ))}
      </ul>
      <Button className={styles.add} onClick={onAdd}>
        {addLabel}
      </Button>
    </fieldset>
  );
}

/** A list with one item replaced. */
export function replaceAt<T>(items: T[], index: number, item: T): T[] {
  return items.map((old, at) => (at === index ? item : old));
}

/** A list with one item left out. */
export function removeAt<T>(items: T[], index: number): T[] {
  return items.filter((_, at) => at !== index);
}

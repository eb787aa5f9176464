import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { ChoosableField, FieldRule, MergeRules } from 'core-api/client';
import { useT } from '../../i18n/useT.ts';
import { Muted } from '../../ui/Muted.tsx';
import { Section } from '../../ui/Section.tsx';
import { CHOOSABLE_FIELDS } from '../duplicates/mergeChoices.ts';
import { FIELD_RULES, fieldRuleLabels } from './ruleLabels.ts';

const useStyles = makeStyles({
  text: { margin: `0 0 ${tokens.spacingVerticalM}` },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 16rem), 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
});

export type FieldRulesProps = {
  fields: MergeRules['fields'];
  onChange: (fields: MergeRules['fields']) => void;
  /** The API's objection to one field's rule, by field. */
  errorOf: (field: ChoosableField) => string | undefined;
};

/** « Valeur gardée pour chaque champ »: one choice per choosable field. */
export function FieldRules({ fields, onChange, errorOf }: FieldRulesProps) {
  const styles = useStyles();
  const t = useT();

  const choose = (field: ChoosableField, rule: FieldRule) => {
    const next = { ...fields };
    // The surviving record's value is the default: it needs no entry.
    if (rule === 'survivor') delete next[field];
    else next[field] = rule;
    onChange(next);
  };

  return (
    <Section title={t('rules.fields.title')}>
      <p className={styles.text}>
        <Muted>{t('rules.fields.intro')}</Muted>
      </p>
      <div className={styles.grid}>
        {CHOOSABLE_FIELDS.map((field) => {
          const error = errorOf(field);

          return (
            <Field
              key={field}
              label={t(`field.${field}` as const)}
              validationMessage={error}
            >
              <Select
                value={fields[field] ?? 'survivor'}
                onChange={(_, data) => choose(field, data.value as FieldRule)}
              >
                {FIELD_RULES.map((rule) => (
                  <option key={rule} value={rule}>
                    {t(fieldRuleLabels[rule])}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
    </Section>
  );
}

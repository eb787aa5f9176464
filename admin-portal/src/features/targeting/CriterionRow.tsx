import {
  Button,
  Field,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import type { CriterionOperator, TargetEntity } from 'core-api/client';
import { useLocale, useT } from '../../i18n/useT.ts';
import {
  fieldGroups,
  fieldLabel,
  fieldsOf,
  initialValue,
  operatorLabel,
  shapeOf,
  specOf,
} from './fieldCatalogue.ts';
import { isComplete } from './toQuery.ts';
import type { DraftCriterion } from './queryDraft.ts';
import { ValueEditor } from './ValueEditor.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  field: { flex: '1 1 14rem', minWidth: 0 },
  operator: { flex: '0 1 13rem', minWidth: 0 },
  value: { flex: '2 1 18rem', minWidth: 0 },
  // A native select is as wide as its longest option unless told otherwise.
  select: { width: '100%', minWidth: 0 },
  incomplete: {
    width: '100%',
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

export type CriterionRowProps = {
  entity: TargetEntity;
  criterion: DraftCriterion;
  /** « Critère 2 », naming the row and its controls for screen readers. */
  name: string;
  onChange: (criterion: DraftCriterion) => void;
  onRemove: () => void;
};

/** One criterion: the field, the operator, the value, and « Retirer ». */
export function CriterionRow({
  entity,
  criterion,
  name,
  onChange,
  onRemove,
}: CriterionRowProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const spec = specOf(entity, criterion.field);
  const fields = fieldsOf(entity);
  const fieldName = spec ? fieldLabel(spec, locale) : criterion.field;

  const chooseField = (field: string) => {
    const next = specOf(entity, field);
    if (!next) return;
    const operator = next.operators[0] as CriterionOperator;
    onChange({
      ...criterion,
      field,
      operator,
      value: initialValue(shapeOf(next, operator)),
    });
  };

  const chooseOperator = (operator: CriterionOperator) => {
    if (!spec) return;
    const keep =
      shapeOf(spec, operator) ===
      shapeOf(spec, criterion.operator as CriterionOperator);
    onChange({
      ...criterion,
      operator,
      value: keep ? criterion.value : initialValue(shapeOf(spec, operator)),
    });
  };

  return (
    <div role="group" aria-label={name} className={styles.root}>
      <Field label={t('targeting.field')} className={styles.field}>
        <Select
          className={styles.select}
          value={criterion.field}
          onChange={(_, data) => chooseField(data.value)}
        >
          {fieldGroups.map(([group, heading]) => (
            <optgroup key={group} label={t(heading)}>
              {fields
                .filter((field) => field.group === group)
                .map((field) => (
                  <option key={field.field} value={field.field}>
                    {fieldLabel(field, locale)}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      {spec && (
        <Field label={t('targeting.operator')} className={styles.operator}>
          <Select
            className={styles.select}
            value={criterion.operator}
            onChange={(_, data) =>
              chooseOperator(data.value as CriterionOperator)
            }
          >
            {spec.operators.map((operator) => (
              <option key={operator} value={operator}>
                {operatorLabel(operator, locale)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {spec && (
        <div className={styles.value}>
          <ValueEditor
            spec={spec}
            operator={criterion.operator as CriterionOperator}
            value={criterion.value}
            fieldName={fieldName}
            onChange={(value) => onChange({ ...criterion, value })}
          />
        </div>
      )}
      <Button
        appearance="subtle"
        aria-label={t('targeting.removeCriterion', { name })}
        onClick={onRemove}
      >
        {t('targeting.remove')}
      </Button>
      {!isComplete(entity, criterion) && (
        <p className={styles.incomplete}>{t('targeting.incomplete')}</p>
      )}
    </div>
  );
}

import {
  Button,
  Field,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import type { MergeFieldDto } from 'core-api/client';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/useT.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
  field: { flex: '1 1 16rem', minWidth: 0 },
});

export type MergeFieldPickerProps = {
  fields: MergeFieldDto[];
  disabled?: boolean;
  /** Inserts `{{tag}}` where the cursor was. */
  onInsert: (placeholder: string) => void;
};

/**
 * « Champ de fusion »: the catalogue shared with DOCX letters, each field
 * with its label and how a template writes it; « Insérer » puts it at the
 * cursor of the part last edited.
 */
export function MergeFieldPicker({
  fields,
  disabled = false,
  onInsert,
}: MergeFieldPickerProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const [chosen, setChosen] = useState(fields[0]?.tag ?? '');

  return (
    <div className={styles.root}>
      <Field
        label={t('templates.fields.label')}
        hint={t('templates.fields.hint')}
        className={styles.field}
      >
        <Select
          value={chosen}
          disabled={disabled}
          onChange={(_, data) => setChosen(data.value)}
        >
          {fields.map((field) => (
            <option key={field.tag} value={field.tag}>
              {t('templates.fields.option', {
                label: field.label[locale],
                field: `{{${field.tag}}}`,
              })}
            </option>
          ))}
        </Select>
      </Field>
      <Button
        disabled={disabled || !chosen}
        // The cursor stays in the part being edited: a mouse press on the
        // button would otherwise take the focus before the insertion.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => onInsert(`{{${chosen}}}`)}
      >
        {t('templates.fields.insert')}
      </Button>
    </div>
  );
}

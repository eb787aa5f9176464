import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import type { ExportFormat } from 'core-api/client';
import { useId, useRef, useState } from 'react';
import { useT } from '../../i18n/useT.ts';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  file: { overflowWrap: 'anywhere' },
});

/** A Word template as the API takes it. */
export type Template = { fileName: string; contentBase64: string };

/** The template files the API accepts: 5 MB of .docx at most. */
const MAX_BYTES = 5 * 1024 * 1024;

/** A file's bytes in base64, read by the browser. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export type TemplateFieldProps = {
  format: ExportFormat;
  template: Template | null;
  onChange: (template: Template | null) => void;
};

/**
 * « Modèle Word » for letters and labels: the built-in one unless a .docx
 * with merge fields is chosen; a file that is not one is refused here, with
 * the reason, before anything is sent.
 */
export function TemplateField({
  format,
  template,
  onChange,
}: TemplateFieldProps) {
  const styles = useStyles();
  const t = useT();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    if (!/\.docx$/i.test(file.name)) {
      setProblem(t('export.template.notDocx', { file: file.name }));
      onChange(null);
      return;
    }
    if (file.size > MAX_BYTES) {
      setProblem(t('export.template.tooLarge', { file: file.name }));
      onChange(null);
      return;
    }
    onChange({ fileName: file.name, contentBase64: await readBase64(file) });
  };

  return (
    <Field
      label={t('export.template')}
      hint={t(
        format === 'docx-labels'
          ? 'export.template.hintLabels'
          : 'export.template.hintLetters',
      )}
      validationState={problem ? 'error' : 'none'}
      validationMessage={problem ?? undefined}
    >
      <div className={styles.row}>
        <input
          id={inputId}
          ref={input}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-label={t('export.template.choose')}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
        <span className={styles.file}>
          {template
            ? t('export.template.chosen', { file: template.fileName })
            : t('export.template.builtIn')}
        </span>
        {template && (
          <Button
            size="small"
            onClick={() => {
              onChange(null);
              if (input.current) input.current.value = '';
            }}
          >
            {t('export.template.useBuiltIn')}
          </Button>
        )}
      </div>
    </Field>
  );
}

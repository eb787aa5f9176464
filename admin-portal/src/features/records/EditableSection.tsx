import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { errorMessage } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { Notice } from '../../ui/Notice.tsx';
import { Section } from '../../ui/Section.tsx';
import { ConflictNotice } from './ConflictNotice.tsx';
import { FormProblems, problemsOf, type Problem } from './formProblems.ts';
import { ProblemSummary } from './ProblemSummary.tsx';
import type { RecordEditor } from './useRecordEditor.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/** What a section's form is given: the draft, a way to change it, the problems. */
export type SectionFormProps<F> = {
  draft: F;
  change: (update: (draft: F) => F) => void;
  problems: Problem[];
};

export type EditableSectionProps<
  R extends { id: number; version: number },
  F,
> = {
  editor: RecordEditor<R, F>;
  /** Which part of the record this section edits (`identity`, `reach`…). */
  section: string;
  title: string;
  /** False for a deleted record: only live records are edited. */
  editable: boolean;
  view: ReactNode;
  form: (props: SectionFormProps<F>) => ReactNode;
};

/**
 * A card section that turns into its form with « Modifier »: saved with the
 * button or Ctrl+S (⌘S), dropped with « Annuler » or Escape. The API's
 * refusals show above the form and beside each field; a colleague's save in
 * between shows what they changed, never overwritten.
 */
export function EditableSection<R extends { id: number; version: number }, F>({
  editor,
  section,
  title,
  editable,
  view,
  form,
}: EditableSectionProps<R, F>) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const editButton = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { editing, conflict, error, saving } = editor;
  const isEditing = editing?.section === section;
  const wasEditing = useRef(false);

  useEffect(() => {
    if (isEditing && !wasEditing.current) {
      formRef.current
        ?.querySelector<HTMLElement>('input, select, textarea')
        ?.focus();
    }
    if (!isEditing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);

  if (!isEditing || !editing) {
    return (
      <Section
        title={title}
        actions={
          editable && (
            <Button
              ref={editButton}
              size="small"
              disabled={editing !== null}
              aria-label={t('card.edit.what', { what: title })}
              onClick={() => editor.start(section)}
            >
              {t('card.edit')}
            </Button>
          )
        }
      >
        {view}
      </Section>
    );
  }

  const problems = problemsOf(error, locale);
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (!conflict) void editor.submit();
      return;
    }
    const target = event.target as HTMLElement;
    // Escape first closes an open list (a picker's); only then the form.
    if (
      event.key === 'Escape' &&
      target.getAttribute('aria-expanded') !== 'true'
    ) {
      event.preventDefault();
      editor.cancel();
    }
  };

  return (
    <Section title={title}>
      <form
        ref={formRef}
        className={styles.form}
        noValidate
        aria-label={t('card.editing', { what: title })}
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          if (!conflict) void editor.submit();
        }}
      >
        {conflict && (
          <ConflictNotice
            conflict={conflict}
            base={editing.base}
            draft={editing.draft}
            fields={editor.fields}
            onReapply={editor.reapply}
            onDiscard={editor.discard}
          />
        )}
        {editing.reapplied && (
          <Notice intent="info">{t('card.conflict.reapplied')}</Notice>
        )}
        {error !== null && (
          <ProblemSummary
            message={
              error instanceof FormProblems
                ? t('card.form.invalid')
                : errorMessage(error, t)
            }
            problems={problems}
          />
        )}
        {form({ draft: editing.draft, change: editor.change, problems })}
        <p className={styles.hint}>{t('card.form.keys')}</p>
        <div className={styles.buttons}>
          <Button
            type="submit"
            appearance="primary"
            disabled={conflict !== null}
            disabledFocusable={saving}
            icon={saving ? <BusySpinner /> : undefined}
          >
            {t('card.save')}
          </Button>
          <Button onClick={editor.cancel}>{t('card.cancel')}</Button>
        </div>
      </form>
    </Section>
  );
}

import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Switch,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type {
  EmailTemplateDto,
  EmailTemplateInput,
  MergeFieldDto,
} from 'core-api/client';
import { useRef, useState, type FormEvent } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, fieldError, isVersionConflict } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { navigate, templatesHref } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LiveMessage } from '../../ui/LiveMessage.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { ConfirmDelete } from '../admin/ConfirmDelete.tsx';
import { HtmlToolbar } from './HtmlToolbar.tsx';
import { MergeFieldPicker } from './MergeFieldPicker.tsx';
import { TemplatePreviewPanel } from './TemplatePreviewPanel.tsx';
import { insertText, wrapSelection, type Edited } from './textEdit.ts';
import { submitOnSaveKey } from '../../ui/submitOnSaveKey.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  fields: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

/** The parts a merge field can be inserted in. */
type Part = 'subject' | 'html' | 'text';

type Draft = Required<Omit<EmailTemplateInput, 'description' | 'text'>> & {
  description: string;
  text: string;
};

const draftOf = (template: EmailTemplateDto | null): Draft => ({
  name: template?.name ?? '',
  description: template?.description ?? '',
  subject: template?.subject ?? '',
  html: template?.html ?? '<p>{{formule}},</p>\n<p></p>',
  text: template?.text ?? '',
  language: template?.language ?? 'fr',
  shared: template?.shared ?? false,
});

/** The id of the template just created here: its screen says so once. */
let created: number | null = null;

export type TemplateFormProps = {
  /** The template to change; null for a new one. */
  template: EmailTemplateDto | null;
  fields: MergeFieldDto[];
  /** Reads the template again (after a save, or to settle a conflict). */
  onReload: () => void;
};

/**
 * A template's editor: its name and sharing, the subject, the HTML body
 * with a formatting toolbar, the optional text version, a field picker
 * that inserts `{{…}}` where the cursor was, and a live preview. The API
 * checks and cleans it; each refusal shows beside its field.
 */
export function TemplateForm({
  template,
  fields,
  onReload,
}: TemplateFormProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [draft, setDraft] = useState(() => draftOf(template));
  const [readVersion, setReadVersion] = useState(template?.version ?? 0);
  const [inserted, setInserted] = useState('');
  const [justCreated] = useState(() => {
    const fresh = template !== null && created === template.id;
    if (fresh) created = null;
    return fresh;
  });
  const refs = {
    subject: useRef<HTMLInputElement>(null),
    html: useRef<HTMLTextAreaElement>(null),
    text: useRef<HTMLTextAreaElement>(null),
  };
  const lastPart = useRef<Part>('html');
  const save = useAction<EmailTemplateDto>();
  const { state } = save;
  const readOnly = template !== null && !template.canEdit;
  // A new version read (after a save, or a reload after a conflict).
  if (template && template.version !== readVersion) {
    setReadVersion(template.version);
    setDraft(draftOf(template));
    if (state.status === 'error') save.reset();
  }
  const failure = state.status === 'error' ? state.error : null;
  const conflict = isVersionConflict(failure);
  const problem = (path: string) => fieldError(failure, path, locale);
  const changed =
    template === null ||
    JSON.stringify(draft) !== JSON.stringify(draftOf(template));

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    if (state.status !== 'running') save.reset();
  };

  /** Applies an edit to a part, then puts the focus and caret back in it. */
  const apply = (
    part: Part,
    edit: (value: string, from: number, to: number) => Edited,
  ) => {
    const element = refs[part].current;
    const value = draft[part];
    const from = element?.selectionStart ?? value.length;
    const to = element?.selectionEnd ?? from;
    const next = edit(value, from, to);
    set(part, next.value);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  };

  const insertField = (placeholder: string) => {
    apply(lastPart.current, (value, from, to) =>
      insertText(value, from, to, placeholder),
    );
    setInserted(
      t('templates.fields.inserted', {
        field: placeholder,
        where: t(
          lastPart.current === 'subject'
            ? 'templates.editor.subject'
            : lastPart.current === 'html'
              ? 'templates.editor.html'
              : 'templates.editor.text',
        ),
      }),
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      ...draft,
      name: draft.name.trim(),
      description: draft.description.trim() || null,
      subject: draft.subject.trim(),
      text: draft.text.trim() ? draft.text : null,
    };
    const done = await save.run(() =>
      template
        ? client.emailTemplates.update(template.id, {
            ...input,
            version: template.version,
          })
        : client.emailTemplates.create(input),
    );
    if (!done) return;
    if (template) onReload();
    else {
      created = done.data.id;
      navigate(templatesHref(done.data.id));
    }
  };

  const focusOf = (part: Part) => () => {
    lastPart.current = part;
  };
  const validation = (path: string) => ({
    validationState: problem(path) ? ('error' as const) : ('none' as const),
    validationMessage: problem(path),
  });

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      onKeyDown={submitOnSaveKey}
      noValidate
    >
      {readOnly && template.owner && (
        <Notice intent="info">
          {t('templates.editor.readOnly', { name: template.owner.displayName })}
        </Notice>
      )}
      {justCreated && <Notice>{t('templates.editor.created')}</Notice>}
      <Section title={t('templates.editor.about')}>
        <div className={styles.fields}>
          <Field
            label={t('templates.editor.name')}
            required
            {...validation('name')}
          >
            <Input
              value={draft.name}
              maxLength={200}
              readOnly={readOnly}
              onChange={(_, data) => set('name', data.value)}
            />
          </Field>
          <Field
            label={t('templates.editor.description')}
            {...validation('description')}
          >
            <Input
              value={draft.description}
              maxLength={1000}
              readOnly={readOnly}
              onChange={(_, data) => set('description', data.value)}
            />
          </Field>
          <Field
            label={t('templates.editor.language')}
            hint={t('templates.editor.languageHint')}
          >
            <Select
              value={draft.language}
              disabled={readOnly}
              onChange={(_, data) =>
                set('language', data.value as Draft['language'])
              }
            >
              <option value="fr">{t('templates.editor.language.fr')}</option>
              <option value="en">{t('templates.editor.language.en')}</option>
            </Select>
          </Field>
          <Field hint={t('templates.editor.sharedHint')}>
            <Switch
              label={t('templates.editor.shared')}
              checked={draft.shared}
              disabled={readOnly}
              onChange={(_, data) => set('shared', data.checked)}
            />
          </Field>
          {template?.updatedBy && (
            <Muted>
              {t('templates.editor.updated', {
                date: formatDateTime(template.updatedAt),
                name: template.updatedBy.displayName,
              })}
            </Muted>
          )}
        </div>
      </Section>
      <Section title={t('templates.editor.content')}>
        <div className={styles.fields}>
          <MergeFieldPicker
            fields={fields}
            disabled={readOnly}
            onInsert={insertField}
          />
          <LiveMessage>{inserted}</LiveMessage>
          <Field
            label={t('templates.editor.subject')}
            required
            {...validation('subject')}
          >
            <Input
              ref={refs.subject}
              value={draft.subject}
              maxLength={500}
              readOnly={readOnly}
              onFocus={focusOf('subject')}
              onChange={(_, data) => set('subject', data.value)}
            />
          </Field>
          <HtmlToolbar
            disabled={readOnly}
            onWrap={(open, close) =>
              apply('html', (value, from, to) =>
                wrapSelection(value, from, to, open, close),
              )
            }
          />
          <Field
            label={t('templates.editor.html')}
            hint={t('templates.editor.htmlHint')}
            required
            {...validation('html')}
          >
            <Textarea
              ref={refs.html}
              value={draft.html}
              rows={12}
              resize="vertical"
              readOnly={readOnly}
              textarea={{ className: styles.code, spellCheck: false }}
              onFocus={focusOf('html')}
              onChange={(_, data) => set('html', data.value)}
            />
          </Field>
          <Field
            label={t('templates.editor.text')}
            hint={t('templates.editor.textHint')}
            {...validation('text')}
          >
            <Textarea
              ref={refs.text}
              value={draft.text}
              rows={5}
              resize="vertical"
              readOnly={readOnly}
              onFocus={focusOf('text')}
              onChange={(_, data) => set('text', data.value)}
            />
          </Field>
        </div>
      </Section>
      <TemplatePreviewPanel
        draft={{
          subject: draft.subject,
          html: draft.html,
          text: draft.text.trim() ? draft.text : null,
          language: draft.language,
        }}
      />
      {!readOnly && (
        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            disabled={!changed}
            disabledFocusable={save.running}
            icon={save.running ? <BusySpinner /> : undefined}
          >
            {t('templates.editor.save')}
          </Button>
          {template && (
            <ConfirmDelete
              label={t('templates.delete.open')}
              title={t('templates.delete.title', { name: template.name })}
              body={t('templates.delete.body')}
              confirm={t('templates.delete.confirm')}
              cancel={t('templates.delete.cancel')}
              onDelete={() => client.emailTemplates.remove(template.id)}
              onDeleted={() => navigate(templatesHref())}
            />
          )}
        </div>
      )}
      {state.status === 'done' && !changed && (
        <Notice>{t('templates.editor.saved')}</Notice>
      )}
      {conflict && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{t('templates.editor.conflict')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onReload}>
              {t('templates.editor.reload')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failure !== null && !conflict && (
        <ErrorMessage message={errorMessage(failure, t)} />
      )}
    </form>
  );
}

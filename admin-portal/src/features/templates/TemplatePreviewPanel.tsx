import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import {
  previewDocumentPath,
  type PreviewInput,
  type TemplatePreview,
} from 'core-api/client';
import { useEffect, useId, useRef, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorDetails, errorMessage } from '../../api.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Section } from '../../ui/Section.tsx';
import { useMemberSearch } from '../lists/AddMembers.tsx';
import { MultiPicker } from '../targeting/MultiPicker.tsx';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  subject: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  frame: {
    width: '100%',
    height: '24rem',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  text: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  note: { margin: 0 },
});

type Draft = Omit<PreviewInput, 'contactId'>;

export type MessageFrameProps = { title: string; document: string };

/**
 * The filled message, as recipients will see it, in a sandboxed frame. The
 * API serves the page under a policy of its own that lets images at https
 * addresses show and no script run; written here (`srcdoc`), the frame
 * would inherit the portal's policy and leave those images blank. A frame's
 * navigation carries no bearer token: the preview's sealed `document` is
 * posted to it instead, through a hidden form aimed at the frame.
 */
function MessageFrame({ title, document }: MessageFrameProps) {
  const styles = useStyles();
  const name = `preview-${useId()}`;
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    form.current?.submit();
  }, [document]);

  return (
    <>
      <form
        ref={form}
        hidden
        method="post"
        action={previewDocumentPath}
        target={name}
      >
        <input type="hidden" name="document" value={document} />
      </form>
      <iframe name={name} title={title} className={styles.frame} sandbox="" />
    </>
  );
}

type Shown =
  | { status: 'loading' }
  | { status: 'done'; preview: TemplatePreview }
  | { status: 'error'; error: unknown };

/** Asks the API for a preview a moment after the draft stops changing. */
function usePreview(draft: Draft, contactId: number | null): Shown {
  const client = useApi();
  const [shown, setShown] = useState<Shown>({ status: 'loading' });
  const key = JSON.stringify([draft, contactId]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      client.emailTemplates
        .preview({ ...(JSON.parse(key)[0] as Draft), contactId })
        .then(
          (preview) => current && setShown({ status: 'done', preview }),
          (error: unknown) => current && setShown({ status: 'error', error }),
        );
    }, 300);

    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, key, contactId]);

  return shown;
}

export type TemplatePreviewPanelProps = { draft: Draft };

/**
 * « Aperçu »: the draft filled for a contact found by name (or with each
 * field's example), checked and cleaned as a save would. The message shows
 * in a sandboxed frame: no script runs, no form submits, whatever it holds;
 * its images at https addresses show, as in recipients' mail clients.
 */
export function TemplatePreviewPanel({ draft }: TemplatePreviewPanelProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const [query, setQuery] = useState('');
  const [contact, setContact] = useState<{ id: number; name: string } | null>(
    null,
  );
  const hits = useMemberSearch('contact', query);
  const shown = usePreview(draft, contact?.id ?? null);
  const nameOf = (id: number) => {
    const hit = hits.find((one) => one.id === id);
    if (!hit) return contact?.id === id ? contact.name : `#${id}`;

    return hit.subtitle
      ? `${hit.displayName} (${hit.subtitle})`
      : hit.displayName;
  };

  return (
    <Section title={t('templates.preview.title')}>
      <div className={styles.body}>
        <MultiPicker
          label={t('templates.preview.contact')}
          hint={t('templates.preview.contactHint')}
          options={hits.map((hit) => ({
            value: String(hit.id),
            text: nameOf(hit.id),
          }))}
          selected={contact ? [String(contact.id)] : []}
          onQuery={setQuery}
          textOf={(value) => nameOf(Number(value))}
          // One contact at a time: the last one picked replaces the other.
          onChange={(values) => {
            const last = values.at(-1);
            setContact(
              last ? { id: Number(last), name: nameOf(Number(last)) } : null,
            );
          }}
        />
        {shown.status === 'loading' && (
          <Spinner size="tiny" label={t('templates.preview.loading')} />
        )}
        {shown.status === 'error' && (
          <ErrorMessage
            message={errorMessage(shown.error, t)}
            details={errorDetails(shown.error, t, locale)}
          />
        )}
        {shown.status === 'done' && (
          <>
            {!contact && <Muted>{t('templates.preview.examples')}</Muted>}
            <p className={styles.subject}>
              {t('templates.preview.subject', {
                subject: shown.preview.subject,
              })}
            </p>
            <MessageFrame
              title={t('templates.preview.frame')}
              document={shown.preview.document}
            />
            {shown.preview.fallbacks.length > 0 && (
              <p className={styles.note}>
                {t('templates.preview.fallbacks', {
                  fields: shown.preview.fallbacks
                    .map((tag) => `{{${tag}}}`)
                    .join(', '),
                })}
              </p>
            )}
            {shown.preview.removed.length > 0 && (
              <p className={styles.note}>
                {t('templates.preview.removed', {
                  items: shown.preview.removed.join(', '),
                })}
              </p>
            )}
            <details>
              <summary>{t('templates.preview.text')}</summary>
              <pre className={styles.text}>{shown.preview.text}</pre>
            </details>
          </>
        )}
      </div>
    </Section>
  );
}

import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { PreviewInput, TemplatePreview } from 'core-api/client';
import { useEffect, useState } from 'react';
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

/**
 * The filled message as a page of its own: light, black on white as mail
 * clients show it, whatever the portal's theme (a dark portal would
 * otherwise show a dark page with the message's black text).
 */
const messagePage = (html: string) =>
  '<!doctype html><meta charset="utf-8"><meta name="color-scheme" content="light">' +
  `<body style="margin: 8px; background-color: #ffffff; color: #000000">${html}</body>`;

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
 * in a sandboxed frame: no script runs, no form submits, whatever it holds.
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
            {/* TODO(#5): images at https addresses stay blank here: the frame
                inherits the portal's policy (img-src 'self' data:); mail
                clients show them. */}
            <iframe
              title={t('templates.preview.frame')}
              className={styles.frame}
              sandbox=""
              srcDoc={messagePage(shown.preview.html)}
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

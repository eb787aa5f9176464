import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import {
  askedByStoredForm,
  normaliseEmail,
} from '../../platform/text/email.ts';
import type { Lang } from '../exports/export-labels.ts';
import { loadExportRows, type ExportRow } from '../exports/export-rows.ts';
import { htmlToPlainText, sanitizeHtml } from './html-sanitizer.ts';
import {
  escapeHtml,
  fillPlaceholders,
  oneLine,
  type MergeSource,
} from './template-merge.ts';
import { refuseUnknownFields, usableTemplate } from './templates.service.ts';
import type {
  RenderedTemplate,
  TemplatePreview,
  previewInput,
  renderInput,
} from './templates.schemas.ts';

type Parts = { subject: string; html: string; text: string | null };

/**
 * Fills a template's parts. The HTML is cleaned again once filled: a value
 * is escaped where it lands, and a link whose address came from a contact's
 * data must still be a real, safe one.
 */
function fill(parts: Parts, source: MergeSource, lang: Lang) {
  const fallbacks = new Set<string>();
  const subject = fillPlaceholders(
    parts.subject,
    source,
    lang,
    oneLine,
    fallbacks,
  );
  const filled = fillPlaceholders(
    parts.html,
    source,
    lang,
    escapeHtml,
    fallbacks,
  );
  const html = sanitizeHtml(filled, { placeholders: false }).html;
  const text = parts.text
    ? fillPlaceholders(parts.text, source, lang, (value) => value, fallbacks)
    : htmlToPlainText(html);

  // Empty fallbacks leave doubled or trailing spaces in a subject line.
  const line = oneLine(subject).replace(/\s+/g, ' ').trim();

  return { subject: line, html, text, fallbacks: [...fallbacks] };
}

/**
 * The live contact each address belongs to, found through the contacts'
 * emails (stored in lower case): where several contacts share an address,
 * the one holding it as primary, else the oldest.
 */
async function contactsByAddress(
  ctx: Ctx,
  addresses: string[],
): Promise<Map<string, number>> {
  const { Contact, ContactEmail } = ctx.db.models;
  const found = new Map<string, number>();
  if (addresses.length === 0) return found;
  // Each address as it may be stored (a domain in Unicode or as `xn--`).
  const askedAs = askedByStoredForm(addresses);
  const rows = await ContactEmail.findAll({
    where: { address: [...askedAs.keys()] },
    attributes: ['address', 'contactId', 'isPrimary'],
    raw: true,
  });
  // Deleted contacts keep their addresses; they fill nothing.
  const live = new Set(
    (
      await Contact.findAll({
        where: { id: [...new Set(rows.map((row) => row.contactId))] },
        attributes: ['id'],
        raw: true,
      })
    ).map((contact) => contact.id),
  );
  const ranked = rows
    .filter((row) => live.has(row.contactId))
    .sort(
      (a, b) =>
        Number(b.isPrimary) - Number(a.isPrimary) || a.contactId - b.contactId,
    );
  for (const row of ranked) {
    for (const address of askedAs.get(row.address) ?? []) {
      if (!found.has(address)) found.set(address, row.contactId);
    }
  }

  return found;
}

/**
 * Fills a template for an e-mail's recipients, matched to contacts by
 * address. With one known recipient every field is theirs; with several, a
 * field is filled when all share its value, else its fallback is written
 * and the field listed in `fallbacks` (an unknown recipient shares nothing).
 */
export async function renderTemplate(
  ctx: Ctx,
  id: number,
  input: z.output<typeof renderInput>,
): Promise<RenderedTemplate> {
  const template = await usableTemplate(ctx, id);
  const addresses = input.recipients.map(
    (r) => normaliseEmail(r.email) ?? r.email.toLowerCase(),
  );
  const owners = await contactsByAddress(ctx, [...new Set(addresses)]);
  const contactIds = addresses.map((address) => owners.get(address) ?? null);
  const known = [...new Set(contactIds.filter((cid) => cid !== null))];
  const rows = new Map<number, ExportRow>(
    (await loadExportRows(ctx, known)).map((row) => [row.id, row]),
  );
  const filled = fill(
    {
      subject: template.subject,
      html: template.bodyHtml,
      text: template.bodyText,
    },
    {
      kind: 'recipients',
      rows: contactIds.map((cid) =>
        cid === null ? null : (rows.get(cid) ?? null),
      ),
    },
    template.language,
  );
  ctx.log.info(
    {
      templateId: id,
      recipients: addresses.length,
      known: contactIds.filter((cid) => cid !== null).length,
      fallbacks: filled.fallbacks.length,
    },
    'template.rendered',
  );

  return {
    ...filled,
    recipients: input.recipients.map((recipient, index) => ({
      email: recipient.email,
      contactId: contactIds[index] ?? null,
    })),
  };
}

/**
 * A template being edited, cleaned and checked as a save would, then
 * filled for one contact, or with each field's example.
 */
export async function previewTemplate(
  ctx: Ctx,
  input: z.output<typeof previewInput>,
): Promise<Omit<TemplatePreview, 'document'>> {
  const { html, removed } = sanitizeHtml(input.html);
  const text = input.text?.trim() ? input.text : null;
  refuseUnknownFields({
    subject: input.subject,
    html,
    ...(text ? { text } : {}),
  });
  const contactId = input.contactId ?? null;
  let source: MergeSource = { kind: 'examples' };
  if (contactId !== null) {
    const [row] = await loadExportRows(ctx, [contactId]);
    if (!row) throw notFound('Contact', contactId);
    source = { kind: 'recipients', rows: [row] };
  }

  return {
    ...fill({ subject: input.subject, html, text }, source, input.language),
    removed,
    contactId,
  };
}

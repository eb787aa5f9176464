import type { Ctx } from '../../platform/context.ts';
import { fold } from '../../platform/text/fold.ts';
import { displayPhone, normalisePhone } from '../../platform/text/phone.ts';
import type { ImportedTerm } from './readers/index.ts';
import type { StagedData } from './staging.ts';

/** A staged row's number as it will be stored and shown. */
export type PreviewPhone = {
  number: string;
  /** National form for the installation's country, international otherwise. */
  display: string;
  /** Null when the number did not read as one: it is stored unverified. */
  e164: string | null;
  kind: string;
};

/** A staged row as the preview shows it: what committing will store. */
export type RowPreview = {
  phones: PreviewPhone[];
  terms: string[];
  contact: Record<string, unknown>;
};

/** How a term path reads: `Culture › Musique`. */
const pathLabel = (labels: string[]) => labels.join(' › ');

/**
 * Turns staged rows into what their preview shows: numbers formatted as
 * the contact card will show them (`06 12 34 56 78`), term paths and ids
 * as the labels of the terms they will be filed under (an existing term's
 * own spelling, a new one's as the file wrote it). The taxonomy, a few
 * hundred rows, is read once for the whole page.
 */
export async function rowPreviewer(
  ctx: Ctx,
): Promise<(data: StagedData) => RowPreview> {
  const terms = await ctx.db.models.Term.findAll({
    attributes: ['id', 'kind', 'label', 'parentId'],
  });
  const byId = new Map(terms.map((term) => [term.id, term]));
  const byKey = new Map<string, string>();
  const labelOfId = (id: number): string | undefined => {
    const term = byId.get(id);
    if (!term) return undefined;
    const parent = term.parentId ? byId.get(term.parentId) : undefined;

    return pathLabel(parent ? [parent.label, term.label] : [term.label]);
  };
  for (const term of terms) {
    const parent = term.parentId ? byId.get(term.parentId) : undefined;
    const key = [term.kind, ...(parent ? [parent.label] : []), term.label]
      .map((part, index) => (index === 0 ? part : fold(part)))
      .join('>');
    byKey.set(key, term.label);
  }
  // As the commit resolves a path: a domain keeps two levels, the others one.
  const labelOfPath = ({ kind, path }: ImportedTerm): string => {
    const labels: string[] = [];
    let key: string = kind;
    for (const label of path.slice(0, kind === 'domain' ? 2 : 1)) {
      key = `${key}>${fold(label)}`;
      labels.push(byKey.get(key) ?? label);
    }

    return pathLabel(labels);
  };

  return (data) => {
    const { termIds, ...input } = data.input;
    const known = data.phones?.region === ctx.region ? data.phones.e164 : {};
    const phones = input.phones.map((phone): PreviewPhone => {
      const e164 =
        known[phone.number] !== undefined
          ? (known[phone.number] ?? null)
          : normalisePhone(phone.number, ctx.region).e164;

      return {
        number: phone.number,
        display: displayPhone(e164, phone.number, ctx.region),
        e164,
        kind: phone.kind,
      };
    });
    const labels = [
      ...termIds.flatMap((id) => labelOfId(id) ?? []),
      ...(data.terms ?? []).map(labelOfPath),
    ];
    const unique = [...new Set(labels)];

    return {
      phones,
      terms: unique,
      contact: { ...input, phones, terms: unique },
    };
  };
}

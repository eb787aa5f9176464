import type { Ctx } from '../../platform/context.ts';
import { normalisePhone } from '../../platform/text/phone.ts';
import { possibleDuplicatesOf } from '../capture/capture.service.ts';
import type { ContactDuplicateAnswer } from './card-extras.schemas.ts';
import type { ContactInputParsed } from './contacts.schemas.ts';

/**
 * The contacts a person about to be created may already be, with the rules
 * the Outlook capture and imports use. A draft typed in the portal writes
 * its phones as people do and may pick companies by id: both are put in
 * the form the engine compares (E.164 numbers, company names).
 */
export async function findContactDuplicates(
  ctx: Ctx,
  input: ContactInputParsed,
): Promise<ContactDuplicateAnswer> {
  const ids = input.affiliations.flatMap((a) =>
    a.companyId && !a.companyName ? [a.companyId] : [],
  );
  const companies = ids.length
    ? await ctx.db.models.Company.findAll({
        where: { id: ids },
        attributes: ['id', 'name'],
      })
    : [];
  const nameOf = new Map(companies.map((c) => [c.id, c.name]));
  const draft: ContactInputParsed = {
    ...input,
    phones: input.phones.map((phone) => ({
      ...phone,
      number: normalisePhone(phone.number, ctx.region).e164 ?? phone.number,
    })),
    affiliations: input.affiliations.map((a) => ({
      ...a,
      companyName: a.companyName ?? nameOf.get(a.companyId ?? 0) ?? null,
    })),
  };

  return { items: await possibleDuplicatesOf(ctx, draft) };
}

import { UniqueConstraintError } from 'sequelize';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { askedByStoredForm } from '../../platform/text/email.ts';
import type { LogEmailReport, logEmailInput } from './history.schemas.ts';
import { recordInteraction } from './history.service.ts';

type Email = z.output<typeof logEmailInput>;

/**
 * The live contacts holding each address, by address. Logging an e-mail and
 * recognising its people in Outlook both find contacts this way.
 */
export async function contactsByAddress(
  ctx: Ctx,
  addresses: string[],
): Promise<Map<string, number[]>> {
  const { Contact, ContactEmail } = ctx.db.models;
  const found = new Map<string, number[]>();
  if (addresses.length === 0) return found;
  // Each address as it may be stored (a domain in Unicode or as `xn--`).
  const askedAs = askedByStoredForm(addresses);
  const rows = await ContactEmail.findAll({
    where: { address: [...askedAs.keys()] },
    attributes: ['address', 'contactId'],
  });
  // Deleted contacts keep their addresses; they are not logged to.
  const live = new Set(
    (
      await Contact.findAll({
        where: { id: [...new Set(rows.map((row) => row.contactId))] },
        attributes: ['id'],
      })
    ).map((contact) => contact.id),
  );
  for (const row of rows.filter((one) => live.has(one.contactId))) {
    for (const address of askedAs.get(row.address) ?? []) {
      const ids = found.get(address) ?? [];
      if (!ids.includes(row.contactId)) ids.push(row.contactId);
      found.set(address, ids);
    }
  }

  return found;
}

/**
 * Logs an e-mail in the history of every contact it involves, found by
 * address: `email_in` for its sender, `email_out` for its recipients. The
 * Internet message id makes it idempotent: a second log of the same e-mail
 * finds what the first wrote.
 */
export async function logEmail(
  ctx: Ctx,
  email: Email,
): Promise<LogEmailReport> {
  try {
    return await logOnce(ctx, email);
  } catch (error) {
    // Two clicks at once: the other request wrote the rows first; reading
    // again finds them.
    if (!(error instanceof UniqueConstraintError)) throw error;

    return logOnce(ctx, email);
  }
}

async function logOnce(ctx: Ctx, email: Email): Promise<LogEmailReport> {
  const sender = email.from.address;
  const recipients = [...email.to, ...email.cc]
    .map((mailbox) => mailbox.address)
    .filter((address) => address !== sender);
  const addresses = [...new Set([sender, ...recipients])].filter(Boolean);
  const owners = await contactsByAddress(ctx, addresses);
  const kindOf = new Map<number, 'email_in' | 'email_out'>();
  for (const id of owners.get(sender) ?? []) kindOf.set(id, 'email_in');
  for (const address of recipients) {
    for (const id of owners.get(address) ?? []) {
      if (!kindOf.has(id)) kindOf.set(id, 'email_out');
    }
  }

  const logged = await ctx.db.sequelize.transaction(async (transaction) => {
    const lines: LogEmailReport['logged'] = [];
    for (const [contactId, kind] of kindOf) {
      const { row, created } = await recordInteraction(
        ctx,
        {
          contactId,
          kind,
          source: 'outlook',
          occurredAt: new Date(email.sentAt),
          subject: email.subject,
          summary: email.excerpt,
          link: email.link ?? email.internetMessageId,
          externalId: email.internetMessageId,
        },
        transaction,
      );
      lines.push({
        contactId,
        interactionId: Number(row.id),
        kind,
        status: created ? 'created' : 'existing',
      });
    }

    return lines;
  });
  ctx.log.info(
    {
      contacts: logged.length,
      created: logged.filter((line) => line.status === 'created').length,
    },
    'history.email.logged',
  );

  return {
    logged,
    unknownAddresses: addresses.filter((address) => !owners.has(address)),
  };
}

import { Op, type Transaction } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { DuplicatePairRow } from '../../platform/db/models.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  contactDisplayName,
  presentContact,
} from '../contacts/contacts.presenter.ts';
import { loadContact } from '../contacts/contacts.service.ts';
import { findDuplicates, type CandidatePair } from '../dedup/index.ts';
import { getMergeRules, survivorOfRecords } from './merge-rules.ts';
import { personRecords } from './person-records.ts';
import type { DuplicatePairDto, ScanReport } from './duplicates.schemas.ts';

/**
 * Scans the whole base for duplicates and rebuilds the review queue: a
 * pending pair found again keeps its id (an address a reviewer holds stays
 * good) with this scan's score and evidence, one no longer found leaves the
 * queue, a new one joins it; pairs a person decided (not a duplicate,
 * merged) stay as they are and are not proposed again.
 */
export async function scanBase(ctx: Ctx): Promise<ScanReport> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const started = performance.now();
  const { DuplicatePair } = ctx.db.models;
  const records = await personRecords(ctx);
  const decided = await DuplicatePair.findAll({
    where: { status: { [Op.ne]: 'pending' } },
    attributes: ['contactAId', 'contactBId'],
  });
  const result = findDuplicates(records, {
    excluded: decided.map((pair) => [
      String(pair.contactAId),
      String(pair.contactBId),
    ]),
  });

  const rows = pairRows(result.pairs);
  const report: ScanReport = {
    contacts: records.length,
    compared: result.compared,
    same: rows.filter((row) => row.outcome === 'same').length,
    maybe: rows.filter((row) => row.outcome === 'maybe').length,
    alreadyDecided: decided.length,
    tookMs: 0,
  };

  await ctx.db.sequelize.transaction(async (transaction) => {
    const fresh = await refreshPendingPairs(ctx, rows, transaction);
    await insertPairs(ctx, fresh, transaction);
    report.tookMs = Math.round(performance.now() - started);
    await recordAudit(
      ctx,
      {
        action: 'duplicates.scan',
        entityType: 'duplicate_pairs',
        summary: `${report.same + report.maybe} paires à examiner`,
        after: report,
      },
      transaction,
    );
  });
  ctx.log.info(
    {
      contacts: report.contacts,
      same: report.same,
      maybe: report.maybe,
      tookMs: report.tookMs,
    },
    'duplicates.scan.completed',
  );

  return report;
}

/**
 * Empties the queue of its pending pairs (of some contacts, or all). A pair
 * back in the queue after its merge was undone stays named by that merge's
 * record: the record lets go of it first.
 */
export async function dropPendingPairs(
  ctx: Ctx,
  transaction: Transaction,
  contactIds?: number[],
  keep?: number,
): Promise<void> {
  const { DuplicatePair } = ctx.db.models;
  const where = {
    status: 'pending' as const,
    ...(keep === undefined ? {} : { id: { [Op.ne]: keep } }),
    ...(contactIds
      ? {
          [Op.or]: [{ contactAId: contactIds }, { contactBId: contactIds }],
        }
      : {}),
  };
  const pending = await DuplicatePair.findAll({
    where,
    attributes: ['id'],
    transaction,
  });
  await dropPairs(
    ctx,
    pending.map((pair) => pair.id),
    transaction,
  );
}

/** Deletes pairs, letting go of any merge record that names them first. */
async function dropPairs(
  ctx: Ctx,
  ids: number[],
  transaction: Transaction,
): Promise<void> {
  const { DuplicatePair, ContactMerge } = ctx.db.models;
  for (let start = 0; start < ids.length; start += 500) {
    const slice = ids.slice(start, start + 500);
    await ContactMerge.update(
      { pairId: null },
      { where: { pairId: slice }, transaction },
    );
    await DuplicatePair.destroy({ where: { id: slice }, transaction });
  }
}

/**
 * Brings the pending pairs in line with a scan's rows: those found again are
 * updated where their score, outcome or evidence changed, the others are
 * dropped. Returns the rows that are new to the queue.
 */
async function refreshPendingPairs(
  ctx: Ctx,
  rows: ReturnType<typeof pairRows>,
  transaction: Transaction,
): Promise<ReturnType<typeof pairRows>> {
  const { DuplicatePair } = ctx.db.models;
  const pending = await DuplicatePair.findAll({
    where: { status: 'pending' },
    attributes: [
      'id',
      'contactAId',
      'contactBId',
      'score',
      'outcome',
      'evidence',
    ],
    transaction,
  });
  const byContacts = new Map(
    pending.map((pair) => [`${pair.contactAId}:${pair.contactBId}`, pair]),
  );
  const fresh: ReturnType<typeof pairRows> = [];
  for (const row of rows) {
    const key = `${row.contact_a_id}:${row.contact_b_id}`;
    const known = byContacts.get(key);
    if (!known) {
      fresh.push(row);
      continue;
    }
    byContacts.delete(key);
    const changed =
      known.score !== row.score ||
      known.outcome !== row.outcome ||
      known.evidence !== row.evidence;
    if (changed) {
      await known.update(
        { score: row.score, outcome: row.outcome, evidence: row.evidence },
        { transaction },
      );
    }
  }
  const gone = [...byContacts.values()].map((pair) => pair.id);
  if (gone.length > 0) await dropPairs(ctx, gone, transaction);

  return fresh;
}

/** Queue rows for candidate pairs, the lower contact id first. */
function pairRows(pairs: CandidatePair[]) {
  const now = new Date();

  return pairs.map((pair) => {
    const [a, b] = [Number(pair.a), Number(pair.b)].sort((x, y) => x - y);

    return {
      contact_a_id: a,
      contact_b_id: b,
      score: Math.round(pair.score * 100) / 100,
      outcome: pair.outcome,
      evidence: JSON.stringify(
        pair.evidence.map(({ field, agreement, weight }) => ({
          field,
          agreement,
          weight,
        })),
      ),
      status: 'pending',
      created_at: now,
      updated_at: now,
    };
  });
}

async function insertPairs(
  ctx: Ctx,
  rows: ReturnType<typeof pairRows>,
  transaction: Transaction,
): Promise<void> {
  const qi = ctx.db.sequelize.getQueryInterface();
  // SQL Server takes at most 1,000 rows in one VALUES list.
  for (let start = 0; start < rows.length; start += 1000) {
    await qi.bulkInsert('duplicate_pairs', rows.slice(start, start + 1000), {
      transaction,
    });
  }
}

/** The review queue (or the decided pairs), best scores first. */
export async function listPairs(
  ctx: Ctx,
  query: { status: DuplicatePairRow['status']; page: number; pageSize: number },
) {
  const { DuplicatePair } = ctx.db.models;
  const { rows, count } = await DuplicatePair.findAndCountAll({
    where: { status: query.status },
    order: [
      ['score', 'DESC'],
      ['id', 'ASC'],
    ],
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const items = await presentPairs(ctx, rows);

  return { items, total: count, page: query.page, pageSize: query.pageSize };
}

/**
 * One pair of the queue, pending or decided; a pending one with the side
 * the survivorship rules would keep.
 */
export async function getPair(ctx: Ctx, id: number): Promise<DuplicatePairDto> {
  const pair = await ctx.db.models.DuplicatePair.findByPk(id);
  if (!pair) throw notFound('Paire', id);
  const [item] = await presentPairs(ctx, [pair]);
  if (!item) throw notFound('Paire', id);
  if (item.status !== 'pending') return item;
  const card = async (contactId: number) =>
    presentContact(await loadContact(ctx, contactId), ctx.region);
  const rules = (await getMergeRules(ctx)).rules;

  return {
    ...item,
    proposedSurvivor: await survivorOfRecords(
      ctx,
      rules,
      await card(pair.contactAId),
      await card(pair.contactBId),
    ),
  };
}

async function presentPairs(
  ctx: Ctx,
  rows: DuplicatePairRow[],
): Promise<DuplicatePairDto[]> {
  const sides = await describeContacts(
    ctx,
    rows.flatMap((pair) => [pair.contactAId, pair.contactBId]),
  );
  const merges = await ctx.db.models.ContactMerge.findAll({
    where: { pairId: rows.map((pair) => pair.id), undoneAt: null },
    attributes: ['id', 'pairId', 'survivorId', 'mergedId'],
  });
  const mergeOf = new Map(
    merges.map((merge) => [
      merge.pairId,
      {
        mergeId: merge.id,
        survivorId: merge.survivorId,
        mergedId: merge.mergedId,
      },
    ]),
  );

  return rows.flatMap((pair) => {
    const a = sides.get(pair.contactAId);
    const b = sides.get(pair.contactBId);

    return a && b
      ? [presentPair(pair, a, b, mergeOf.get(pair.id) ?? null)]
      : [];
  });
}

type Side = DuplicatePairDto['a'];

async function describeContacts(
  ctx: Ctx,
  ids: number[],
): Promise<Map<number, Side>> {
  const {
    Contact,
    ContactEmail,
    ContactPhone,
    ContactAddress,
    Affiliation,
    Company,
  } = ctx.db.models;
  // A merged pair's other contact is deleted softly: still shown.
  const contacts = await Contact.findAll({
    paranoid: false,
    where: { id: [...new Set(ids)] },
    include: [
      { model: ContactEmail, as: 'emails', required: false },
      { model: ContactPhone, as: 'phones', required: false },
      { model: ContactAddress, as: 'addresses', required: false },
      {
        model: Affiliation,
        as: 'affiliations',
        required: false,
        include: [{ model: Company, as: 'company', paranoid: false }],
      },
    ],
  });

  return new Map(
    contacts.map((contact) => [
      contact.id,
      {
        id: contact.id,
        displayName: contactDisplayName(contact),
        birthDate: contact.birthDate,
        emails: (contact.emails ?? []).map((email) => email.address),
        phones: (contact.phones ?? []).map((phone) => phone.e164 ?? phone.raw),
        organisations: (contact.affiliations ?? []).flatMap((affiliation) =>
          affiliation.company ? [affiliation.company.name] : [],
        ),
        city:
          (contact.addresses ?? []).find((address) => address.isPrimary)
            ?.city ??
          contact.addresses?.[0]?.city ??
          null,
      },
    ]),
  );
}

function presentPair(
  pair: DuplicatePairRow,
  a: Side,
  b: Side,
  merge: DuplicatePairDto['merge'],
): DuplicatePairDto {
  return {
    id: pair.id,
    score: pair.score,
    outcome: pair.outcome,
    status: pair.status,
    evidence: JSON.parse(pair.evidence) as DuplicatePairDto['evidence'],
    decidedAt: pair.decidedAt?.toISOString() ?? null,
    merge,
    a,
    b,
  };
}

/** Marks a pair "not a duplicate": no later scan proposes it again. */
export async function dismissPair(ctx: Ctx, id: number): Promise<void> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  await ctx.db.sequelize.transaction(async (transaction) => {
    const pair = await ctx.db.models.DuplicatePair.findByPk(id, {
      transaction,
    });
    if (!pair) throw notFound('Paire', id);
    const before = { status: pair.status };
    pair.status = 'not_duplicate';
    pair.decidedById = ctx.actor.id;
    pair.decidedAt = new Date();
    await pair.save({ transaction });
    await recordAudit(
      ctx,
      {
        action: 'duplicates.dismiss',
        entityType: 'duplicate_pair',
        entityId: id,
        summary: `contacts ${pair.contactAId} et ${pair.contactBId}`,
        before,
        after: { status: pair.status },
      },
      transaction,
    );
  });
}

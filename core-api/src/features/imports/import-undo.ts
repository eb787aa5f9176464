import { Op, type Transaction } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { dropPendingPairs } from '../duplicates/duplicates.service.ts';
import { inputOf } from '../contacts/contacts.presenter.ts';
import { updateContact } from '../contacts/contacts.service.ts';
import type { BeforeCommit } from './commit.ts';
import type { UndoReport } from './imports.schemas.ts';
import { removeUnusedTerms } from './undo-terms.ts';
import { counted } from '../../platform/text/plural.ts';

/** Ids in slices small enough for every dialect's parameter limits. */
function* slices(ids: number[], size = 500): Generator<number[]> {
  for (let start = 0; start < ids.length; start += size) {
    yield ids.slice(start, start + size);
  }
}

/**
 * Takes a committed import back as a whole: its contacts are deleted (softly:
 * an administrator can still restore one), with the companies it created
 * that no remaining contact works for, and their search words, and the
 * taxonomy terms it created that nothing else uses now; contacts it
 * merged rows into or updated return to what they were; contacts a feed run
 * deactivated are active again. Contacts edited since the import are only
 * taken back when `force` is set: the edits would go with them.
 */
export async function undoImport(
  ctx: Ctx,
  batchId: number,
  options: { force?: boolean } = {},
): Promise<UndoReport> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const { ImportBatch, Contact } = ctx.db.models;

  return ctx.db.sequelize.transaction(async (transaction) => {
    const batch = await ImportBatch.findByPk(batchId, { transaction });
    if (!batch) throw notFound('Import', batchId);
    if (batch.status !== 'committed') {
      const undone = batch.status === 'undone';
      throw new AppError('CONFLICT', {
        fr: `L’import ${batchId} est ${undone ? 'déjà annulé' : 'inachevé'}.`,
        en: `Import ${batchId} is ${undone ? 'already undone' : 'not committed'}.`,
      });
    }
    const contacts = await Contact.findAll({
      where: { importBatchId: batchId },
      attributes: ['id', 'version'],
      transaction,
    });
    const changed = await changedContacts(ctx, batchId, transaction);
    const current = await Contact.findAll({
      where: { id: changed.map((row) => row.contactId) },
      attributes: ['id', 'version'],
      transaction,
    });
    const versions = new Map(current.map((row) => [row.id, row.version]));
    const edited =
      contacts.filter((contact) => contact.version > 1).length +
      changed.filter(
        (row) => versions.get(row.contactId) !== row.before.versionAfter,
      ).length;
    if (edited > 0 && !options.force) {
      throw new AppError('CONFLICT', {
        fr: counted(
          'fr',
          edited,
          'contact de cet import a été modifié depuis : confirmez pour le retirer aussi.',
          'contacts de cet import ont été modifiés depuis : confirmez pour les retirer aussi.',
        ),
        en: counted(
          'en',
          edited,
          'contact of this import was edited since: confirm to remove it too.',
          'contacts of this import were edited since: confirm to remove them too.',
        ),
      });
    }

    const contactIds = contacts.map((contact) => contact.id);
    await removeContacts(ctx, contactIds, transaction);
    // Contacts the import merged into or updated go back to what they were.
    for (const row of changed.reverse()) {
      const version = versions.get(row.contactId);
      if (version === undefined) continue;
      await updateContact(
        ctx,
        row.contactId,
        { ...inputOf(row.before.contact), version },
        transaction,
        { source: `annulation de l’import #${batchId}` },
      );
      versions.set(row.contactId, version + 1);
    }
    const { deactivatedIds, createdTermIds } = JSON.parse(
      batch.options || '{}',
    ) as { deactivatedIds?: number[]; createdTermIds?: number[] };
    const reactivated = deactivatedIds ?? [];
    for (const slice of slices(reactivated)) {
      await Contact.update(
        { deactivatedAt: null },
        { where: { id: slice }, transaction },
      );
    }
    const companyIds = await removeOrphanCompanies(ctx, batchId, transaction);
    // Only once its contacts are gone can a term be seen unused.
    const terms = await removeUnusedTerms(
      ctx,
      createdTermIds ?? [],
      transaction,
    );
    batch.status = 'undone';
    await batch.save({ transaction });

    const report: UndoReport = {
      batchId,
      contactsRemoved: contactIds.length,
      contactsRestored: changed.length,
      contactsReactivated: reactivated.length,
      companiesRemoved: companyIds.length,
      editedSinceImport: edited,
      termsRemoved: terms.removed.length,
      termsKept: terms.kept,
    };
    await recordAudit(
      ctx,
      {
        action: 'import.undo',
        entityType: 'import_batch',
        entityId: batchId,
        parentId:
          batch.auditEventId === null ? undefined : Number(batch.auditEventId),
        summary: batch.fileName,
        after: report,
      },
      transaction,
    );
    ctx.log.info(
      { batchId, contacts: contactIds.length, companies: companyIds.length },
      'import.batch.undone',
    );

    return report;
  });
}

/** The contacts the import merged rows into or updated, with what they were. */
async function changedContacts(
  ctx: Ctx,
  batchId: number,
  transaction: Transaction,
): Promise<{ contactId: number; before: BeforeCommit }[]> {
  const rows = await ctx.db.models.ImportRow.findAll({
    where: {
      batchId,
      outcome: ['merge', 'update'],
      beforeData: { [Op.ne]: null },
    },
    order: [['id', 'ASC']],
    transaction,
  });

  return rows.map((row) => ({
    contactId: row.contactId as number,
    before: JSON.parse(row.beforeData as string) as BeforeCommit,
  }));
}

async function removeContacts(
  ctx: Ctx,
  ids: number[],
  transaction: Transaction,
): Promise<void> {
  const { Contact, SearchToken } = ctx.db.models;
  for (const slice of slices(ids)) {
    await Contact.destroy({ where: { id: slice }, transaction });
    await SearchToken.destroy({
      where: { entityType: 'contact', entityId: slice },
      transaction,
    });
    await dropPendingPairs(ctx, transaction, slice);
  }
}

/** The companies the import created that no live contact works for any more. */
async function removeOrphanCompanies(
  ctx: Ctx,
  batchId: number,
  transaction: Transaction,
): Promise<number[]> {
  const { Company, Affiliation, Contact, SearchToken } = ctx.db.models;
  const created = await Company.findAll({
    where: { importBatchId: batchId },
    attributes: ['id'],
    transaction,
  });
  const orphans: number[] = [];
  for (const slice of slices(created.map((company) => company.id))) {
    const linked = await Affiliation.findAll({
      where: { companyId: slice },
      attributes: ['companyId'],
      include: [
        { model: Contact, as: 'contact', attributes: [], required: true },
      ],
      transaction,
    });
    const used = new Set(linked.map((link) => link.companyId));
    orphans.push(...slice.filter((id) => !used.has(id)));
  }
  for (const slice of slices(orphans)) {
    await Company.destroy({ where: { id: slice }, transaction });
    await SearchToken.destroy({
      where: { entityType: 'company', entityId: slice },
      transaction,
    });
  }

  return orphans;
}

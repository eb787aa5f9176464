import type { Transaction } from 'sequelize';
import type { z } from 'zod';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import { forbidden, versionConflict } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ContactDto } from '../contacts/contacts.schemas.ts';
import { dedupConfig, type DedupConfig } from '../dedup/index.ts';
import {
  compareEngagement,
  engagementOf,
  noEngagement,
  type Engagement,
} from '../history/engagement.ts';
import {
  mergeRulesInput,
  type mergeRulesDto,
  type MergeRules,
} from './duplicates.schemas.ts';
import {
  choosableFields,
  completeness,
  type ChoosableField,
  type Side,
} from './contact-merge.ts';

const settingKey = 'merge-rules';

/** The rules in force: the administrators' if saved, else the calibrated defaults. */
export async function getMergeRules(
  ctx: Ctx,
  transaction?: Transaction,
): Promise<z.infer<typeof mergeRulesDto>> {
  const row = await ctx.db.models.Setting.findByPk(settingKey, {
    transaction,
  });
  const parsed = mergeRulesInput.safeParse(row ? JSON.parse(row.value) : {});

  return {
    // A rule saved by an older release that no longer validates falls back to the defaults.
    rules: parsed.success ? parsed.data : mergeRulesInput.parse({}),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/**
 * Saves the rules. `version` is the one the administrator read (0 before the
 * first save): a colleague's save in between is refused, never overwritten.
 */
export async function putMergeRules(
  ctx: Ctx,
  rules: MergeRules,
  version: number,
): Promise<z.infer<typeof mergeRulesDto>> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const { Setting } = ctx.db.models;

  return ctx.db.sequelize.transaction(async (transaction) => {
    const current = await getMergeRules(ctx, transaction);
    if (current.version !== version) {
      throw versionConflict(current.version);
    }
    const value = JSON.stringify(rules);
    if (version === 0) {
      await Setting.create(
        { key: settingKey, value, updatedById: ctx.actor.id },
        { transaction },
      );
    } else {
      await Setting.update(
        { value, version: version + 1, updatedById: ctx.actor.id },
        { where: { key: settingKey, version }, transaction },
      );
    }
    await recordAudit(
      ctx,
      {
        action: 'update',
        entityType: 'settings',
        entityId: settingKey,
        summary: 'règles de fusion',
        before: current.rules,
        after: rules,
      },
      transaction,
    );

    return getMergeRules(ctx, transaction);
  });
}

/** The engine's configuration under these rules. */
export function dedupConfigOf(rules: MergeRules): DedupConfig {
  return {
    ...dedupConfig,
    sameThreshold: rules.sameThreshold,
    maybeThreshold: rules.maybeThreshold,
  };
}

/** A record as the rules compare it: its origin, its dates, its values. */
type Ranked = Pick<ContactDto, 'id' | 'origin' | 'updatedAt' | 'fieldSources'>;

/** Rank of an origin: lower is more trusted; unknown origins come last. */
function originRank(rules: MergeRules, origin: string | null): number {
  const index =
    origin === null
      ? -1
      : rules.originPriority.findIndex(
          (item) => item.toLowerCase() === origin.toLowerCase(),
        );

  return index < 0 ? rules.originPriority.length : index;
}

/** Whether the rules need the records' histories to choose a survivor. */
export const needsEngagement = (rules: MergeRules) =>
  rules.survivor.includes('engagement');

/**
 * The survivor of a merge under the rules: each criterion in order until one
 * tells the records apart; the older record (lower id) when none does.
 * `engagement` holds what `engagementOf` read for the two records (needed
 * only when `needsEngagement`); a record missing from it has none.
 */
export function survivorByRules(
  rules: MergeRules,
  a: ContactDto,
  b: ContactDto,
  engagement: ReadonlyMap<number, Engagement> = new Map(),
): Side {
  for (const criterion of rules.survivor) {
    let difference = 0;
    if (criterion === 'engagement') {
      difference = compareEngagement(
        engagement.get(a.id) ?? noEngagement,
        engagement.get(b.id) ?? noEngagement,
      );
    } else if (criterion === 'completeness') {
      difference = completeness(a) - completeness(b);
    } else if (criterion === 'recency') {
      difference = a.updatedAt.localeCompare(b.updatedAt);
    } else if (criterion === 'origin') {
      difference = originRank(rules, b.origin) - originRank(rules, a.origin);
    } else {
      difference = b.id - a.id;
    }
    if (difference !== 0) return difference > 0 ? 'a' : 'b';
  }

  return a.id < b.id ? 'a' : 'b';
}

/**
 * `survivorByRules` for two records read from the base: their histories
 * are read (one grouped query) only when a criterion needs them.
 */
export async function survivorOfRecords(
  ctx: Ctx,
  rules: MergeRules,
  a: ContactDto,
  b: ContactDto,
  transaction?: Transaction,
): Promise<Side> {
  const engagement = needsEngagement(rules)
    ? await engagementOf(ctx, [a.id, b.id], transaction)
    : undefined;

  return survivorByRules(rules, a, b, engagement);
}

/** When a record's field got its value: its recorded source date, else the record's. */
function fieldDate(record: Ranked, field: ChoosableField): string {
  return record.fieldSources[field]?.at ?? record.updatedAt;
}

const filled = (value: unknown) =>
  value !== null && value !== undefined && value !== '';

/**
 * Which record each field is taken from under the rules, where both records
 * have a value: the survivor's by default; the newer value (by each field's
 * recorded date), the value from the more trusted origin, or the longer
 * value ("Jean-Pierre" over "J.-P.") where a rule says so.
 */
export function fieldChoicesByRules(
  rules: MergeRules,
  survivor: Ranked & Partial<Record<ChoosableField, unknown>>,
  other: Ranked & Partial<Record<ChoosableField, unknown>>,
): Partial<Record<ChoosableField, 'survivor' | 'other'>> {
  const choices: Partial<Record<ChoosableField, 'survivor' | 'other'>> = {};
  for (const field of choosableFields) {
    const rule = rules.fields[field] ?? 'survivor';
    const mine = survivor[field];
    const theirs = other[field];
    if (rule === 'survivor' || !filled(mine) || !filled(theirs)) continue;
    let takeOther = false;
    if (rule === 'recent') {
      takeOther = fieldDate(other, field) > fieldDate(survivor, field);
    } else if (rule === 'origin') {
      takeOther =
        originRank(rules, other.origin) < originRank(rules, survivor.origin);
    } else {
      takeOther = String(theirs).length > String(mine).length;
    }
    if (takeOther) choices[field] = 'other';
  }

  return choices;
}

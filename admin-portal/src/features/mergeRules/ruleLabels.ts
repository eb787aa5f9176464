import type { FieldRule, SurvivorCriterion } from 'core-api/client';
import type { MessageKey } from '../../i18n/messages.ts';

/**
 * Each survivor criterion in words. Keyed by the API's own type, so a
 * criterion it adds fails the type check here until it has its label.
 */
export const criterionLabels: Record<SurvivorCriterion, MessageKey> = {
  completeness: 'rules.criterion.completeness',
  recency: 'rules.criterion.recency',
  origin: 'rules.criterion.origin',
  oldest: 'rules.criterion.oldest',
  engagement: 'rules.criterion.engagement',
};

/** Every survivor criterion, in the order the list of additions shows them. */
export const CRITERIA = Object.keys(criterionLabels) as SurvivorCriterion[];

/** Each per-field rule in words; keyed by the API's type, as above. */
export const fieldRuleLabels: Record<FieldRule, MessageKey> = {
  survivor: 'rules.rule.survivor',
  recent: 'rules.rule.recent',
  origin: 'rules.rule.origin',
  longest: 'rules.rule.longest',
};

/** Every per-field rule, the default (the surviving record's value) first. */
export const FIELD_RULES = Object.keys(fieldRuleLabels) as FieldRule[];

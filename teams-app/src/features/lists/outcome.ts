import type { ChangeReport, ListDto } from 'core-api/client';
import type { MessageKey } from '../../i18n/messages.ts';

/** What a change did, as the screen announces it. */
export type Outcome = {
  key: MessageKey;
  params: Record<string, string>;
  intent: 'success' | 'info' | 'warning';
};

/**
 * Reads a change report for one member: applied, turned into a request for
 * the owner, or nothing to do (already there, already gone, already asked).
 */
export function changeMessage(
  action: 'add' | 'remove',
  report: ChangeReport,
  name: string,
  list: ListDto,
): Outcome {
  const params = { name, owner: list.owner.displayName };
  const adding = action === 'add';
  if (report.applied.length > 0)
    return {
      key: adding ? 'propose.applied' : 'propose.removed',
      params,
      intent: 'success',
    };
  if (report.requests.length > 0)
    return {
      key: adding ? 'propose.requested' : 'propose.removeRequested',
      params,
      intent: 'info',
    };
  if (report.alreadyPending.length > 0)
    return { key: 'propose.alreadyPending', params, intent: 'warning' };

  return {
    key: adding ? 'propose.alreadyMember' : 'propose.notMember',
    params,
    intent: 'warning',
  };
}

import type { ChangeReport, ListDto } from 'core-api/client';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { Notice } from '../../ui/Notice.tsx';

export type ChangeOutcomeProps = {
  action: 'add' | 'remove';
  report: ChangeReport;
  owner: ListDto['owner'];
};

/**
 * What an addition or a removal did: done at once, or proposed to the
 * owner and waiting; and the members with nothing to do, named by count.
 */
export function ChangeOutcome({ action, report, owner }: ChangeOutcomeProps) {
  const t = useT();
  const lines: string[] = [];
  const say = (key: MessageKey, count: number) => {
    if (count > 0) lines.push(t(key, { count, owner: owner.displayName }));
  };

  if (report.mode === 'applied') {
    say(
      action === 'add' ? 'change.added' : 'change.removed',
      report.applied.length,
    );
  } else {
    say(
      action === 'add' ? 'change.addRequested' : 'change.removeRequested',
      report.requests.length,
    );
  }
  say('change.alreadyMember', report.alreadyMember.length);
  say('change.notMember', report.notMember.length);
  say('change.alreadyPending', report.alreadyPending.length);
  if (lines.length === 0) lines.push(t('change.nothing'));

  return (
    <Notice intent={report.mode === 'applied' ? 'success' : 'info'}>
      {lines.join(' ')}
    </Notice>
  );
}

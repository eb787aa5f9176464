import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { LogEmailReport, RelaisClient } from 'core-api/client';
import { errorLines } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ReadItem } from '../../office/mailbox.ts';
import { Feedback } from '../../ui/Feedback.tsx';

/** How much of the body the history keeps: a reminder, not a copy. */
const excerptLength = 500;

/**
 * Logs the e-mail in the history of every contact it involves. The API
 * keys it by Internet message id, so a second click adds nothing, and the
 * pane says so.
 */
export function LogEmailButton(props: {
  client: RelaisClient;
  item: ReadItem;
  onLogged: () => void;
}) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string[]>([]);
  const [problem, setProblem] = useState<string[]>([]);

  function outcome(report: LogEmailReport): string {
    const created = report.logged.filter((l) => l.status === 'created');
    if (report.logged.length === 0) return t('log.none');
    if (created.length === 0) return t('log.already');

    return t('log.done', {
      count: new Set(created.map((l) => l.contactId)).size,
    });
  }

  async function log() {
    setBusy(true);
    setDone([]);
    setProblem([]);
    try {
      const { item } = props;
      const body = await item.body();
      const report = await props.client.history.logEmail({
        internetMessageId: item.internetMessageId,
        subject: item.subject,
        sentAt: item.sentAt,
        from: item.from,
        to: item.to,
        cc: item.cc,
        excerpt: body.trim().slice(0, excerptLength) || null,
      });
      setDone([outcome(report)]);
      props.onLogged();
    } catch (error) {
      setProblem(errorLines(error, t, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <Button appearance="primary" onClick={log} disabled={busy}>
        {t('log.action')}
      </Button>
      <Feedback intent="success" lines={done} />
      <Feedback intent="error" lines={problem} />
    </div>
  );
}

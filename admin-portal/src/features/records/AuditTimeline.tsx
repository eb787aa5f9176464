import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { AuditPage } from 'core-api/client';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Section } from '../../ui/Section.tsx';
import { useResource } from '../../ui/useResource.ts';
import { recordChanges } from './auditChanges.ts';
import { AuditEventItem, useAuditEventsStyles } from './AuditEventItem.tsx';
import type { RecordFields } from './recordFields.ts';

const useStyles = makeStyles({
  empty: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/** Events shown before « Tout afficher ». */
const FIRST = 10;

export type AuditTimelineProps<F> = {
  load: () => Promise<AuditPage>;
  /** Changes when the record is saved, so the timeline reads it again. */
  reloadKey: string;
  fields: RecordFields<F>;
};

/**
 * The record's audit trail, newest first, each event as
 * `AuditEventItem` shows it (the audit log shows them the same way).
 */
export function AuditTimeline<F>({
  load,
  reloadKey,
  fields,
}: AuditTimelineProps<F>) {
  const styles = useStyles();
  const list = useAuditEventsStyles();
  const t = useT();
  const audit = useResource(load, reloadKey, { quietReload: true });
  const [all, setAll] = useState(false);

  let body;
  if (audit.status === 'loading') {
    body = <LoadingState label={t('app.loading')} />;
  } else if (audit.status === 'error') {
    body = (
      <ErrorMessage
        message={errorMessage(audit.error, t)}
        onRetry={audit.reload}
      />
    );
  } else if (audit.data.items.length === 0) {
    body = <p className={styles.empty}>{t('card.audit.empty')}</p>;
  } else {
    const events = all ? audit.data.items : audit.data.items.slice(0, FIRST);
    body = (
      <>
        <ol className={list.events}>
          {events.map((event) => (
            <AuditEventItem
              key={event.id}
              event={event}
              changes={recordChanges(fields, event, t)}
            />
          ))}
        </ol>
        {!all && audit.data.items.length > FIRST && (
          <Button appearance="subtle" onClick={() => setAll(true)}>
            {t('card.audit.all', { count: audit.data.items.length })}
          </Button>
        )}
      </>
    );
  }

  return <Section title={t('card.audit.title')}>{body}</Section>;
}

import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { AuditEventDto, AuditPage } from 'core-api/client';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Section } from '../../ui/Section.tsx';
import { useResource } from '../../ui/useResource.ts';
import { changedFields, type RecordFields } from './recordFields.ts';

const useStyles = makeStyles({
  events: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  head: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  changes: {
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    paddingInlineStart: tokens.spacingHorizontalL,
    overflowWrap: 'anywhere',
  },
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
 * The record's audit trail, newest first, as people read it: when, who,
 * what was done, and for a change each field with its old and new value.
 */
export function AuditTimeline<F>({
  load,
  reloadKey,
  fields,
}: AuditTimelineProps<F>) {
  const styles = useStyles();
  const t = useT();
  const audit = useResource(load, reloadKey, { quietReload: true });
  const [all, setAll] = useState(false);

  const changesOf = (event: AuditEventDto) => {
    if (!event.before || !event.after) return [];
    const before = fields.formOf(event.before);
    const after = fields.formOf(event.after);

    return changedFields(fields.fields, before, after).map((field) =>
      t('card.audit.change', {
        field: fields.label(field, t),
        before: fields.describe(field, before, t),
        after: fields.describe(field, after, t),
      }),
    );
  };
  const actionOf = (action: string) => {
    const key = `card.audit.action.${action}`;

    return isMessageKey(key) ? t(key) : action;
  };

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
        <ol className={styles.events}>
          {events.map((event) => {
            const changes = changesOf(event);

            return (
              <li key={event.id}>
                <p className={styles.head}>
                  {t('card.audit.line', {
                    date: formatDateTime(event.occurredAt),
                    who: event.actorLabel,
                    action: actionOf(event.action),
                  })}
                </p>
                {changes.length > 0 ? (
                  <ul className={styles.changes}>
                    {changes.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ) : (
                  event.summary && <Muted>{event.summary}</Muted>
                )}
              </li>
            );
          })}
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

import { makeStyles, tokens } from '@fluentui/react-components';
import type { AuditEventDto } from 'core-api/client';
import type { ReactNode } from 'react';
import { inLanguage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { Muted } from '../../ui/Muted.tsx';
import { auditActionLabel } from './auditChanges.ts';

const useStyles = makeStyles({
  head: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  subject: { margin: 0 },
  changes: {
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    paddingInlineStart: tokens.spacingHorizontalL,
    overflowWrap: 'anywhere',
  },
});

/** The list of events: one under the other, spaced, without bullets. */
export const useAuditEventsStyles = makeStyles({
  events: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
});

export type AuditEventItemProps = {
  event: AuditEventDto;
  /** The event's changes, one line per field (`Field : old → new`). */
  changes: string[];
  /** The record it concerns, when the list mixes records (the audit log). */
  subject?: ReactNode;
};

/**
 * One audit event as people read it: when (Paris time), who, what was done,
 * then each changed field with its old and new value, or the summary.
 */
export function AuditEventItem({
  event,
  changes,
  subject,
}: AuditEventItemProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();

  return (
    <li>
      <p className={styles.head}>
        {t('card.audit.line', {
          date: formatDateTime(event.occurredAt),
          who: event.actorLabel,
          action: auditActionLabel(event.action, t),
        })}
      </p>
      {subject && <p className={styles.subject}>{subject}</p>}
      {changes.length > 0 ? (
        <ul className={styles.changes}>
          {changes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        // Summaries the API writes in both languages show the reader's.
        event.summary && <Muted>{inLanguage(event.summary, locale)}</Muted>
      )}
    </li>
  );
}

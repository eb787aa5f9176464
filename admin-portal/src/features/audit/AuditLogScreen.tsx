import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type {
  AuditEventDto,
  AuditFacets,
  AuditFilterInput,
  AuditPage,
  ManagedUserDto,
} from 'core-api/client';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, isApiError } from '../../api.ts';
import type { Translate } from '../../i18n/translate.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useResource } from '../../ui/useResource.ts';
import { AdminOnly } from '../admin/AdminOnly.tsx';
import { useRecordListStyles } from '../admin/recordListStyles.ts';
import { companyFields } from '../companies/companyForm.ts';
import { contactFields } from '../contacts/contactForm.ts';
import { saveFile } from '../exports/saveFile.ts';
import {
  AuditEventItem,
  useAuditEventsStyles,
} from '../records/AuditEventItem.tsx';
import { plainChanges, recordChanges } from '../records/auditChanges.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { subjectOf } from './auditSubjects.ts';

const useStyles = makeStyles({
  export: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
});

/** Events per page. */
const PAGE_SIZE = 50;

/**
 * An event's changes: contacts and companies read through their card's
 * fields, as their own history shows them; other records field by field.
 */
function changesOf(event: AuditEventDto, t: Translate): string[] {
  try {
    if (event.entityType === 'contact')
      return recordChanges(contactFields, event, t);
    if (event.entityType === 'company')
      return recordChanges(companyFields, event, t);
  } catch {
    // An event written by an older version may not read as today's card:
    // its values are still shown, field by field.
  }

  return plainChanges(event, t);
}

type EventsProps = { page: AuditPage; onPage: (page: number) => void };

/** A page of events, newest first, each with the record it concerns. */
function Events({ page, onPage }: EventsProps) {
  const t = useT();
  const list = useAuditEventsStyles();

  if (page.items.length === 0)
    return (
      <EmptyState title={t('auditLog.empty')}>
        {t('auditLog.emptyHint')}
      </EmptyState>
    );

  return (
    <>
      <Muted>{t('auditLog.total', { count: page.total })}</Muted>
      <ol aria-label={t('auditLog.events')} className={list.events}>
        {page.items.map((event) => {
          const subject = subjectOf(event, t);

          return (
            <AuditEventItem
              key={event.id}
              event={event}
              changes={changesOf(event, t)}
              subject={
                subject.href ? (
                  <Link href={subject.href}>{subject.label}</Link>
                ) : (
                  subject.label
                )
              }
            />
          );
        })}
      </ol>
      <Pager
        page={page.page}
        pageSize={page.pageSize}
        total={page.total}
        onPage={onPage}
      />
    </>
  );
}

type ExportProps = { filter: AuditFilterInput };

/** Downloads the filtered log as CSV (all pages), saying which file came. */
function ExportButton({ filter }: ExportProps) {
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const download = useAction<{ blob: Blob; fileName: string }>();

  const run = async () => {
    const done = await download.run(() =>
      client.audit.exportCsv(filter, locale),
    );
    if (done) saveFile(done.data.blob, done.data.fileName);
  };

  return (
    <>
      <Button
        disabledFocusable={download.running}
        icon={download.running ? <BusySpinner /> : undefined}
        onClick={run}
      >
        {t('auditLog.export')}
      </Button>
      {download.state.status === 'done' && (
        <Notice>
          {t('auditLog.exported', { name: download.state.data.fileName })}
        </Notice>
      )}
      {download.state.status === 'error' && (
        <ErrorMessage message={errorMessage(download.state.error, t)} />
      )}
    </>
  );
}

type LogProps = { users: ManagedUserDto[]; facets: AuditFacets };

/** The filters, the export and the pages of events they select. */
function Log({ users, facets }: LogProps) {
  const styles = useStyles();
  const t = useT();
  const client = useApi();
  const [filter, setFilter] = useState<AuditFilterInput>({});
  const [page, setPage] = useState(1);
  const [cleared, setCleared] = useState(0);
  const events = useResource(
    () => client.audit.list({ ...filter, page, pageSize: PAGE_SIZE }),
    JSON.stringify({ filter, page }),
  );
  const refused =
    events.status === 'error' &&
    isApiError(events.error) &&
    events.error.code === 'VALIDATION_FAILED';

  return (
    <>
      <Section title={t('auditLog.filters')}>
        <AuditFilters
          key={cleared}
          applied={filter}
          users={users}
          facets={facets}
          error={events.status === 'error' ? events.error : null}
          onApply={(next) => {
            setFilter(next);
            setPage(1);
          }}
          onClear={() => {
            setFilter({});
            setPage(1);
            setCleared((n) => n + 1);
          }}
        />
        <div className={styles.export}>
          <ExportButton filter={filter} />
        </div>
      </Section>
      <Section title={t('auditLog.events')}>
        {events.status === 'loading' && (
          <LoadingState label={t('app.loading')} />
        )}
        {events.status === 'error' && (
          <ErrorMessage
            message={errorMessage(events.error, t)}
            onRetry={refused ? undefined : events.reload}
          />
        )}
        {events.status === 'done' && (
          <Events page={events.data} onPage={setPage} />
        )}
      </Section>
    </>
  );
}

/** The lists the filters offer (accounts, recorded actions and kinds). */
function LogWithFilters() {
  const t = useT();
  const client = useApi();
  const lists = useResource(
    () => Promise.all([client.users.list(), client.audit.facets()]),
    'audit-filters',
  );

  if (lists.status === 'loading')
    return <LoadingState label={t('app.loading')} />;
  if (lists.status === 'error')
    return (
      <ErrorMessage
        message={errorMessage(lists.error, t)}
        onRetry={lists.reload}
      />
    );

  return <Log users={lists.data[0].items} facets={lists.data[1]} />;
}

/**
 * Administration → « Journal d’audit »: who changed what and when, in
 * Paris time, filtered by author, action, record and days, a page at a
 * time; each record opens its card; the selection exports as CSV.
 */
export function AuditLogScreen() {
  const styles = useRecordListStyles();
  const t = useT();

  return (
    <AdminOnly title={t('auditLog.title')}>
      <PageHeading focusOnMount>{t('auditLog.title')}</PageHeading>
      <p className={styles.intro}>{t('auditLog.intro')}</p>
      <LogWithFilters />
    </AdminOnly>
  );
}

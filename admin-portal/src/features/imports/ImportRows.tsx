import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { errorMessage, inLanguage } from '../../api.ts';
import type { ImportIssue, ImportRowDto, RowOutcome } from 'core-api/client';
import type { MessageKey } from '../../i18n/messages.ts';
import { isMessageKey, type Translate } from '../../i18n/translate.ts';
import { useLocale, useT } from '../../i18n/useT.ts';
import { contactHref } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { useResource } from '../../ui/useResource.ts';

const PAGE_SIZE = 50;

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  row: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  top: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  line: { fontWeight: tokens.fontWeightSemibold },
  issues: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  // The badge sits at the start of the text, which wraps under it on a phone.
  badge: { marginInlineEnd: tokens.spacingHorizontalS },
  empty: { margin: 0 },
});

/** The field an issue names, in words when the catalogue knows it. */
function fieldWord(field: string, t: Translate): string {
  for (const key of [`field.${field}`, `column.${field}`]) {
    if (isMessageKey(key)) return t(key);
  }

  return field;
}

/** The readers start some reasons with their line, which the row already shows. */
const LINE_PREFIX = /^(Ligne|Line) \d+\s?: /;

/** An issue in the reader's language, with the field it is about. */
function issueText(issue: ImportIssue, t: Translate, locale: 'fr' | 'en') {
  const reason = inLanguage(
    locale === 'en' ? issue.reasonEn : issue.reason,
    locale,
  ).replace(LINE_PREFIX, '');
  if (!issue.field) return reason;

  return t('errors.field', {
    field: fieldWord(issue.field, t),
    message: reason,
  });
}

export type ImportRowsProps = {
  batchId: number;
  outcome: RowOutcome;
  label: string;
};

/** A staged batch's rows of one outcome, a page at a time, with their problems. */
export function ImportRows({ batchId, outcome, label }: ImportRowsProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [page, setPage] = useState(1);
  const rows = useResource(
    () => client.imports.rows(batchId, { outcome, page, pageSize: PAGE_SIZE }),
    `rows:${batchId}:${outcome}:${page}`,
  );

  if (rows.status === 'loading')
    return <LoadingState label={t('app.loading')} />;
  if (rows.status === 'error') {
    return (
      <ErrorMessage
        message={errorMessage(rows.error, t)}
        onRetry={rows.reload}
      />
    );
  }
  if (rows.data.total === 0)
    return <p className={styles.empty}>{t('preview.noRows')}</p>;

  const contactLink = (row: ImportRowDto, key: MessageKey) =>
    row.contactId !== null && (
      <Link href={contactHref(row.contactId)}>
        {t(key, { contact: t('preview.contact', { id: row.contactId }) })}
      </Link>
    );

  return (
    <>
      <ol aria-label={label} className={styles.list}>
        {rows.data.items.map((row) => (
          <li key={`${row.sheet ?? ''}:${row.line}`} className={styles.row}>
            <div className={styles.top}>
              <span className={styles.line}>
                {row.sheet
                  ? t('preview.lineSheet', { line: row.line, sheet: row.sheet })
                  : t('preview.line', { line: row.line })}
              </span>
              <span>{row.label || t('preview.unnamed')}</span>
            </div>
            {row.outcome === 'update' && contactLink(row, 'preview.updates')}
            {row.outcome === 'merge' && contactLink(row, 'preview.mergesInto')}
            {row.mergeLine !== null && (
              <Muted>{t('preview.mergesLine', { line: row.mergeLine })}</Muted>
            )}
            {row.pairs.length > 0 && (
              <Muted>{t('preview.pairs', { count: row.pairs.length })}</Muted>
            )}
            {row.phones.length > 0 && (
              <Muted>
                {t('preview.phones', {
                  phones: row.phones
                    .map((phone) =>
                      phone.e164
                        ? phone.display
                        : t('preview.unverified', { number: phone.display }),
                    )
                    .join(' · '),
                })}
              </Muted>
            )}
            {row.terms.length > 0 && (
              <Muted>
                {t('preview.terms', { terms: row.terms.join(' · ') })}
              </Muted>
            )}
            {row.issues.length > 0 && (
              <ul
                aria-label={t('preview.issues', { line: row.line })}
                className={styles.issues}
              >
                {row.issues.map((issue, index) => (
                  <li key={index}>
                    <Badge
                      appearance="tint"
                      color={issue.severity === 'error' ? 'danger' : 'warning'}
                      className={styles.badge}
                    >
                      {t(
                        issue.severity === 'error'
                          ? 'preview.error'
                          : 'preview.warning',
                      )}
                    </Badge>
                    <span>{issueText(issue, t, locale)}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <Pager
        page={rows.data.page}
        pageSize={PAGE_SIZE}
        total={rows.data.total}
        onPage={setPage}
      />
    </>
  );
}

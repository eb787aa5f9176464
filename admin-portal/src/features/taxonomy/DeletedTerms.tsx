import { Button } from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import type { TermDto } from 'core-api/client';
import { useApi } from '../../ApiContext.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/useT.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Section } from '../../ui/Section.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useRecordListStyles } from '../admin/recordListStyles.ts';

type RowProps = {
  term: TermDto;
  /** The label of its domain, for a sub-domain (live or deleted). */
  parentLabel: string | null;
  onRestored: (term: TermDto) => void;
};

/** A deleted term, what it was, when it went, and its restore button. */
function DeletedTerm({ term, parentLabel, onRestored }: RowProps) {
  const styles = useRecordListStyles();
  const t = useT();
  const client = useApi();
  const restore = useAction<TermDto>();
  const kind =
    parentLabel !== null
      ? t('taxo.kindOne.subdomain', { parent: parentLabel })
      : t(`taxo.kindOne.${term.kind}`);

  return (
    <li className={styles.row}>
      <div className={styles.what}>
        <span className={styles.name}>{term.label}</span>
        <Muted>
          {kind}
          {term.deletedAt &&
            ` · ${t('taxo.deletedOn', { date: formatDateTime(term.deletedAt) })}`}
        </Muted>
        {restore.state.status === 'error' && (
          <ErrorMessage message={errorMessage(restore.state.error, t)} />
        )}
      </div>
      <div className={styles.actions}>
        <Button
          aria-label={t('taxo.restoreFor', { label: term.label })}
          disabledFocusable={restore.running}
          icon={restore.running ? <BusySpinner /> : undefined}
          onClick={async () => {
            const done = await restore.run(() =>
              client.taxonomy.restore(term.id),
            );
            if (done) onRestored(done.data);
          }}
        >
          {t('taxo.restore')}
        </Button>
      </div>
    </li>
  );
}

export type DeletedTermsProps = {
  deleted: TermDto[];
  /** The live terms, to name a deleted sub-domain's domain. */
  live: TermDto[];
  onRestored: (term: TermDto) => void;
};

/**
 * The deleted terms, newest first, each restorable: a domain comes back
 * with the sub-domains deleted with it; a sub-domain waits for its domain
 * (the API says so beside it).
 */
export function DeletedTerms({ deleted, live, onRestored }: DeletedTermsProps) {
  const styles = useRecordListStyles();
  const t = useT();
  const labels = new Map(
    [...live, ...deleted].map((term) => [term.id, term.label]),
  );
  const newestFirst = [...deleted].sort((a, b) =>
    (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''),
  );

  return (
    <Section title={t('taxo.deletedTitle')}>
      {newestFirst.length === 0 ? (
        <p className={styles.intro}>{t('taxo.deletedEmpty')}</p>
      ) : (
        <ul aria-label={t('taxo.deletedTitle')} className={styles.list}>
          {newestFirst.map((term) => (
            <DeletedTerm
              key={term.id}
              term={term}
              parentLabel={
                term.parentId === null
                  ? null
                  : (labels.get(term.parentId) ?? String(term.parentId))
              }
              onRestored={onRestored}
            />
          ))}
        </ul>
      )}
    </Section>
  );
}

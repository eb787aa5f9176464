import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { BusySpinner } from '../../ui/BusySpinner.tsx';
import { useApi } from '../../ApiContext.ts';
import { errorDetails, errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import type {
  CommitReport,
  ImportBatchDto,
  RestageInput,
  StagedSummary,
} from 'core-api/client';
import { useLocale, useT } from '../../i18n/useT.ts';
import { importsHref } from '../../routing/route.ts';
import { ErrorMessage } from '../../ui/ErrorMessage.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Muted } from '../../ui/Muted.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useResource } from '../../ui/useResource.ts';
import { BatchProgress } from './BatchProgress.tsx';
import { CommitResult } from './CommitResult.tsx';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';
import { MappingPanel } from './MappingPanel.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { UndoImport } from './UndoImport.tsx';
import { isWorking, useImportBatch } from './useImportBatch.ts';

const useStyles = makeStyles({
  status: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

/** While our commit request runs, the batch read just before may still say `staged`. */
function committing(batch: ImportBatchDto): ImportBatchDto {
  return batch.status === 'staged'
    ? {
        ...batch,
        status: 'committing',
        phase: 'committing',
        progress: { done: 0, total: batch.totalRows },
      }
    : batch;
}

export type ImportBatchScreenProps = {
  id: number;
  /** How often a working batch is read again. */
  pollMs?: number;
};

/**
 * One import (`#/imports/:id`): the progress while the server reads it,
 * then its columns and preview with « Valider l'import » or « Abandonner »,
 * the progress of the commit, and its result with « Annuler l'import ».
 */
export function ImportBatchScreen({
  id,
  pollMs = 700,
}: ImportBatchScreenProps) {
  const styles = useStyles();
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const batch = useImportBatch(id, pollMs);
  const profiles = useResource(
    () => client.mappingProfiles.list(),
    'mapping-profiles',
    { quietReload: true },
  );
  const commit = useAction<CommitReport>();
  const discard = useAction<void>();
  const restage = useAction<ImportBatchDto>();
  const failed = [commit, discard, restage]
    .map((action) => action.state)
    .find((state) => state.status === 'error');

  if (batch.status === 'loading')
    return <LoadingState label={t('app.loading')} />;
  if (batch.status === 'error') {
    return (
      <ErrorMessage
        message={errorMessage(batch.error, t)}
        onRetry={batch.refresh}
      />
    );
  }

  const current = batch.data;
  const reason = current.error && current.error[locale];
  const busy = commit.running || discard.running || restage.running;

  const handleCommit = () =>
    commit.run(() => batch.follow(client.imports.commit(id)));
  const handleDiscard = async () => {
    if (await discard.run(() => client.imports.discard(id))) batch.refresh();
  };
  const handleRestage = async (input: RestageInput) => {
    if (await restage.run(() => client.imports.restage(id, input)))
      batch.refresh();
  };

  const staged =
    current.status === 'staged' && current.preview && !commit.running
      ? (current as ImportBatchDto & { preview: StagedSummary })
      : null;

  return (
    <>
      <Link href={importsHref()}>{t('batch.back')}</Link>
      <PageHeading focusOnMount>
        {t('batch.title', { name: current.fileName })}
      </PageHeading>
      <div className={styles.status}>
        <ImportStatusBadge status={current.status} />
        <Muted>
          {t('batch.createdAt', { date: formatDateTime(current.createdAt) })}
        </Muted>
      </div>

      {(isWorking(current) || commit.running) && (
        <BatchProgress batch={commit.running ? committing(current) : current} />
      )}
      {current.status === 'failed' && reason && (
        <ErrorMessage message={t('batch.failed', { reason })} />
      )}
      {staged && reason && (
        <ErrorMessage message={t('batch.commitFailed', { reason })} />
      )}
      {staged && (
        <>
          <MappingPanel
            batch={staged}
            profiles={profiles.status === 'done' ? profiles.data.items : []}
            onProfileSaved={profiles.reload}
            onRestage={handleRestage}
            restaging={restage.running}
          />
          <PreviewPanel batch={staged} />
        </>
      )}
      {(staged || current.status === 'failed') && (
        <div className={styles.actions}>
          {staged && (
            <Button
              appearance="primary"
              disabledFocusable={busy}
              onClick={handleCommit}
            >
              {t('commit.submit')}
            </Button>
          )}
          <Button
            disabledFocusable={busy}
            icon={discard.running ? <BusySpinner /> : undefined}
            onClick={handleDiscard}
          >
            {t('batch.discard')}
          </Button>
        </div>
      )}
      {failed?.status === 'error' && (
        <ErrorMessage
          message={errorMessage(failed.error, t)}
          details={errorDetails(failed.error, t, locale)}
        />
      )}

      {current.status === 'committed' && (
        <Notice focusOnMount={commit.state.status === 'done'}>
          {t('commit.done')}
        </Notice>
      )}
      {current.result && <CommitResult result={current.result} />}
      {(current.status === 'committed' || current.status === 'undone') && (
        <UndoImport batch={current} onUndone={batch.refresh} />
      )}
      {current.status === 'discarded' && (
        <Notice intent="info" focusOnMount={discard.state.status === 'done'}>
          {t('batch.discarded')}
        </Notice>
      )}
      {current.status === 'expired' && (
        <Notice intent="info">{t('batch.expired')}</Notice>
      )}
    </>
  );
}

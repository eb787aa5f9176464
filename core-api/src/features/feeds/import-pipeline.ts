import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { commitImport } from '../imports/commit.ts';
import type { StagedSummary } from '../imports/imports.schemas.ts';
import { stageImport } from '../imports/staging.ts';
import { FeedError } from './feed-errors.ts';
import type { FeedCounts } from './feeds.schemas.ts';

/** A file a feed hands to the import pipeline. */
export type FeedImport = {
  fileName: string;
  data: Buffer;
  profileId?: number;
  /** `feed:<id>`: contacts keep the feed's own id, so the next run updates them. */
  externalSource: string;
  deactivateMissing: boolean;
};

export type FeedImported = { batchId: number; counts: FeedCounts };

/** Stages then commits a file; injectable so tests can fail it on purpose. */
export type ImportPipeline = (
  ctx: Ctx,
  request: FeedImport,
) => Promise<FeedImported>;

/**
 * The staged import, without the person in between: the file is read into
 * a batch and committed at once. Rows the dedup rules send to review go to
 * the review queue as they would from the portal.
 */
export const stagedImportPipeline: ImportPipeline = async (ctx, request) => {
  try {
    const batch = await stageImport(
      ctx,
      {
        fileName: request.fileName,
        data: request.data,
        profileId: request.profileId,
        externalSource: request.externalSource,
        deactivateMissing: request.deactivateMissing,
      },
      { wait: true },
    );
    const preview = JSON.parse(batch.report) as Partial<StagedSummary>;
    const report = await commitImport(ctx, batch.id);

    return {
      batchId: batch.id,
      counts: {
        rows: preview.totalRows ?? batch.totalRows,
        created: report.created,
        updated: report.updated,
        merged: report.merged,
        queuedForReview: report.queuedForReview,
        rejected: report.rejected,
        deactivated: report.deactivated,
        warnings: preview.warnings ?? 0,
      },
    };
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    throw new FeedError(
      'IMPORT_REFUSED',
      `Import refusé : ${error.messageFr}`,
      `Import refused: ${error.messageEn}`,
    );
  }
};

import type { z } from 'zod';
import type { Call } from './portalApi.ts';
// TODO(#3): core-api/client should carry the staged-import routes and export
// their types and the column keys; until it does, the portal calls them here
// and reads the types from the schema file (types only: nothing is bundled).
import type {
  commitReport,
  importBatchDto,
  importRowDto,
  mappingProfileDto,
  mappingProfileInput,
  restageInput,
  rowOutcomes,
  undoReport,
} from '../../core-api/src/features/imports/imports.schemas.ts';

/** A staged, committed or undone import, with its progress and preview. */
export type ImportBatchDto = z.infer<typeof importBatchDto>;
/** The preview of a staged batch: counts by outcome, issues, column mapping. */
export type StagedSummary = NonNullable<ImportBatchDto['preview']>;
/** One column of the file: its header, the suggested target, the applied one. */
export type MappedColumn = StagedSummary['mappings'][number]['columns'][number];
/** What a staged row would become once committed. */
export type RowOutcome = (typeof rowOutcomes)[number];
export type ImportRowDto = z.infer<typeof importRowDto>;
export type ImportIssue = ImportRowDto['issues'][number];
export type CommitReport = z.infer<typeof commitReport>;
export type ImportUndoReport = z.infer<typeof undoReport>;
export type MappingProfileDto = z.infer<typeof mappingProfileDto>;
export type MappingProfileInput = z.input<typeof mappingProfileInput>;
/** A new reading of a staged file: other columns, or a saved profile. */
export type RestageInput = z.input<typeof restageInput>;

/** A page of a staged batch's rows. */
export type ImportRowPage = {
  items: ImportRowDto[];
  total: number;
  page: number;
  pageSize: number;
};

/** What to stage besides the file itself. */
export type StageRequest = { file: Blob; fileName: string; profileId?: number };

/** The outcomes in the order the preview counts them. */
export const ROW_OUTCOMES: readonly RowOutcome[] = [
  'create',
  'update',
  'merge',
  'review',
  'reject',
];

/** The staged imports, their rows, mapping profiles. */
export function importCalls(call: Call) {
  return {
    imports: {
      list: () => call<{ items: ImportBatchDto[] }>('GET', '/api/imports'),
      get: (id: number) => call<ImportBatchDto>('GET', `/api/imports/${id}`),
      stage: ({ file, fileName, profileId }: StageRequest) =>
        call<ImportBatchDto>('POST', '/api/imports', {
          query: { fileName, profileId },
          file,
        }),
      rows: (
        id: number,
        query: { outcome?: RowOutcome; page?: number; pageSize?: number },
      ) => call<ImportRowPage>('GET', `/api/imports/${id}/rows`, { query }),
      restage: (id: number, input: RestageInput) =>
        call<ImportBatchDto>('PUT', `/api/imports/${id}/mapping`, {
          body: input,
        }),
      commit: (id: number) =>
        call<CommitReport>('POST', `/api/imports/${id}/commit`),
      discard: (id: number) => call<void>('DELETE', `/api/imports/${id}`),
      undo: (id: number, force = false) =>
        call<ImportUndoReport>('POST', `/api/imports/${id}/undo`, {
          query: force ? { force: 'true' } : undefined,
        }),
    },
    mappingProfiles: {
      list: () =>
        call<{ items: MappingProfileDto[] }>('GET', '/api/mapping-profiles'),
      create: (input: MappingProfileInput) =>
        call<MappingProfileDto>('POST', '/api/mapping-profiles', {
          body: input,
        }),
    },
  };
}

import type { AuditPage, RecordLists } from 'core-api/client';
import type { ReactNode } from 'react';
import {
  ProvenanceSection,
  type ProvenanceRecord,
} from '../../ui/ProvenanceSection.tsx';
import { AuditTimeline } from './AuditTimeline.tsx';
import type { RecordFields } from './recordFields.ts';
import { RecordListsSection } from './RecordListsSection.tsx';

export type RecordCardEndProps<F> = {
  /** `contact` or `company`: names what is loaded, per record. */
  kind: string;
  record: ProvenanceRecord;
  fields: RecordFields<F>;
  loadLists: () => Promise<RecordLists>;
  loadAudit: () => Promise<AuditPage>;
  /** Shown between the lists and the audit trail (a contact's history). */
  children?: ReactNode;
};

/**
 * The last sections of a card: the lists the record is in, its audit
 * trail (read again after each save, delete or restore) and provenance.
 */
export function RecordCardEnd<F>({
  kind,
  record,
  fields,
  loadLists,
  loadAudit,
  children,
}: RecordCardEndProps<F>) {
  const { id, version, deletedAt } = record;

  return (
    <>
      <RecordListsSection load={loadLists} loadKey={`${kind}-lists:${id}`} />
      {children}
      <AuditTimeline
        load={loadAudit}
        reloadKey={`${kind}-audit:${id}:${version}:${deletedAt}`}
        fields={fields}
      />
      <ProvenanceSection record={record} />
    </>
  );
}

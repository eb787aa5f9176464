import { useSession } from '../auth/SessionContext.ts';
import {
  useRecordEditor,
  type RecordEditorOptions,
} from './useRecordEditor.ts';

type Stored = { id: number; version: number; deletedAt: string | null };

/**
 * A card's record editor, and what its header does once the record is
 * deleted: an administrator reads the deleted record again (with its
 * date, and « Restaurer »), an editor, who no longer can, sees it marked.
 */
export function useCardRecord<R extends Stored, F>(
  options: RecordEditorOptions<R, F>,
) {
  const { user } = useSession();
  const editor = useRecordEditor(options);
  const { record, setRecord } = editor;

  const onDeleted = () => {
    const gone = { ...record, deletedAt: new Date().toISOString() };
    if (user?.role !== 'admin') return setRecord(gone);
    options.reload().then(setRecord, () => setRecord(gone));
  };

  return { editor, record, onDeleted, editable: !record.deletedAt };
}

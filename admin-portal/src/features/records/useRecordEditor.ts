import type { AuditPage } from 'core-api/client';
import { useCallback, useRef, useState } from 'react';
import { isVersionConflict } from '../../api.ts';
import { useExpireOnUnauthenticated } from '../auth/SessionContext.ts';
import { changedFields, type RecordFields } from './recordFields.ts';

type Versioned = { id: number; version: number };

/** The section being edited: the record as read when editing began, and the draft. */
export type Editing<R, F> = {
  section: string;
  base: R;
  draft: F;
  /** The draft was carried over onto a colleague's newer version. */
  reapplied: boolean;
};

/** A save refused because a colleague saved first: their version, and who. */
export type Conflict<R> = {
  fresh: R;
  who: string | null;
  at: string | null;
};

export type RecordEditorOptions<R extends Versioned, F> = {
  initial: R;
  fields: RecordFields<F>;
  /** Sends the draft with the version it was based on; throws a refusal. */
  save: (draft: F, version: number) => Promise<R>;
  /** Drops rows left blank before saving (an empty e-mail line). */
  prune?: (draft: F) => F;
  reload: () => Promise<R>;
  audit: () => Promise<AuditPage>;
};

/**
 * Edits one section of a record at a time against the version it was read
 * at. A colleague's save in between is never overwritten: the API refuses
 * (409), the fresh record is read with who saved it, and the person either
 * carries their own changes over onto it (then saves again) or drops them.
 */
export function useRecordEditor<R extends Versioned, F>(
  options: RecordEditorOptions<R, F>,
) {
  const [record, setRecord] = useState<R>(options.initial);
  const [editing, setEditing] = useState<Editing<R, F> | null>(null);
  const [conflict, setConflict] = useState<Conflict<R> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(0);
  const expireOn401 = useExpireOnUnauthenticated();
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const { fields } = options;

  const start = useCallback(
    (section: string) => {
      setEditing({
        section,
        base: record,
        draft: optionsRef.current.fields.formOf(record),
        reapplied: false,
      });
      setConflict(null);
      setError(null);
    },
    [record],
  );

  const change = useCallback((update: (draft: F) => F) => {
    setEditing((current) =>
      current ? { ...current, draft: update(current.draft) } : current,
    );
  }, []);

  const cancel = useCallback(() => {
    setEditing(null);
    setConflict(null);
    setError(null);
  }, []);

  /** Who saved the version `fresh` carries, from the record's audit trail. */
  const whoSaved = async (fresh: R) => {
    try {
      const { items } = await optionsRef.current.audit();
      const event =
        items.find(
          (item) =>
            (item.after as { version?: number } | null)?.version ===
            fresh.version,
        ) ?? items[0];

      return { who: event?.actorLabel ?? null, at: event?.occurredAt ?? null };
    } catch {
      return { who: null, at: null };
    }
  };

  const submit = async () => {
    if (!editing || saving) return;
    const { save, prune, reload } = optionsRef.current;
    const draft = prune ? prune(editing.draft) : editing.draft;
    setEditing({ ...editing, draft });
    setSaving(true);
    setError(null);
    try {
      const next = await save(draft, editing.base.version);
      setRecord(next);
      setEditing(null);
      setConflict(null);
      setSaved((n) => n + 1);
    } catch (refusal) {
      expireOn401(refusal);
      if (!isVersionConflict(refusal)) {
        setError(refusal);
      } else {
        try {
          const fresh = await reload();
          setRecord(fresh);
          setConflict({ fresh, ...(await whoSaved(fresh)) });
        } catch (failure) {
          expireOn401(failure);
          setError(failure);
        }
      }
    } finally {
      setSaving(false);
    }
  };

  /** Carries the person's own changes over onto the colleague's version. */
  const reapply = () => {
    if (!editing || !conflict) return;
    const mine = changedFields(
      fields.fields,
      fields.formOf(editing.base),
      editing.draft,
    );
    const next = fields.formOf(conflict.fresh);
    for (const field of mine) next[field] = editing.draft[field];
    setEditing({
      section: editing.section,
      base: conflict.fresh,
      draft: next,
      reapplied: true,
    });
    setConflict(null);
  };

  return {
    record,
    /** Replaces the record shown (after a delete or a restore). */
    setRecord,
    editing,
    conflict,
    error,
    saving,
    /** Counts the saves, so what depends on the record (its audit) reloads. */
    saved,
    fields,
    start,
    change,
    cancel,
    submit,
    reapply,
    /** Drops the person's changes, keeping the colleague's version. */
    discard: cancel,
  };
}

/** What `useRecordEditor` gives the sections of a card. */
export type RecordEditor<R extends Versioned, F> = ReturnType<
  typeof useRecordEditor<R, F>
>;

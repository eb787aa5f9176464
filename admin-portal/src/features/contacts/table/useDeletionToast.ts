import type { ContactDeletionDto } from 'core-api/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../../ApiContext.ts';
import { errorMessage } from '../../../api.ts';
import { useLocale, useT } from '../../../i18n/useT.ts';
import { formatCount } from '../../targeting/CountSummary.tsx';
import type { ToastMessage } from './UndoToast.tsx';

/**
 * The message after a deletion, with « Annuler » until the API's delay for
 * its author runs out; the undo itself, and what it says. `onChanged` is
 * called whenever the base changed (deleted, then restored).
 */
export function useDeletionToast(onChanged: () => void) {
  const t = useT();
  const { locale } = useLocale();
  const client = useApi();
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const undo = useCallback(
    async (deletion: ContactDeletionDto) => {
      setToast((current) => current && { ...current, undoing: true });
      try {
        const undone = await client.contactDeletions.undo(deletion.id);
        clearTimeout(timer.current);
        setToast({
          text: t('table.undone', {
            count: formatCount(undone.restored, locale),
          }),
          intent: 'success',
        });
        onChanged();
      } catch (error) {
        setToast({
          text: t('table.undo.failed', { message: errorMessage(error, t) }),
          intent: 'error',
        });
      }
    },
    [client, locale, onChanged, t],
  );

  const deleted = useCallback(
    (deletion: ContactDeletionDto) => {
      onChanged();
      setToast({
        text: t('table.deleted', {
          count: formatCount(deletion.deleted, locale),
        }),
        intent: 'success',
        onUndo: () => void undo(deletion),
      });
      // Past the delay the API refuses: « Annuler » goes, the message stays.
      clearTimeout(timer.current);
      timer.current = setTimeout(
        () =>
          setToast(
            (current) =>
              current && { text: current.text, intent: current.intent },
          ),
        Math.max(0, Date.parse(deletion.undoUntil) - Date.now()),
      );
    },
    [locale, onChanged, t, undo],
  );

  return { toast, deleted, close: () => setToast(null) };
}

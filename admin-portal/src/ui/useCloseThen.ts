import { useRef } from 'react';

type MotionData = { direction: 'enter' | 'exit' };

/**
 * Closes a dialog, then runs what follows (drop the row, replace the
 * screen) once the dialog is gone and the focus is back on the button that
 * opened it. While a dialog is open Fluent hides the rest of the page from
 * screen readers, and it lifts that when the focus comes back to the
 * trigger: removing the trigger before leaves the whole page hidden. Give
 * `surfaceMotion` to the `Dialog` and `onTriggerFocus` to the trigger's
 * `onFocus`.
 */
export function useCloseThen(setOpen: (open: boolean) => void) {
  const after = useRef<(() => void) | null>(null);
  const closed = useRef(false);
  const fallback = useRef<ReturnType<typeof setTimeout>>(undefined);

  const runNext = () => {
    clearTimeout(fallback.current);
    const next = after.current;
    after.current = null;
    closed.current = false;
    next?.();
  };

  return {
    closeThen: (next: () => void) => {
      after.current = next;
      closed.current = false;
      setOpen(false);
    },
    surfaceMotion: {
      onMotionFinish: (_event: unknown, data: MotionData) => {
        if (data.direction !== 'exit' || !after.current) return;
        closed.current = true;
        // Should the focus go elsewhere (a click outside), nothing waits.
        fallback.current = setTimeout(runNext, 500);
      },
    },
    onTriggerFocus: () => {
      if (closed.current) setTimeout(runNext, 0);
    },
  };
}

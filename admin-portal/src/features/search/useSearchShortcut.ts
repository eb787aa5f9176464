import { useEffect, type RefObject } from 'react';

/** Whether a key pressed in `target` is text being typed. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;

  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
  );
}

/** Ctrl+K (⌘K on a Mac) anywhere, or `/` when not typing in a field. */
export function isSearchKey(event: KeyboardEvent): boolean {
  const commandK =
    (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
  const slash =
    event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;

  return commandK || (slash && !isTyping(event.target));
}

// Set by a search key pressed on a screen without the search box, which
// then opens one: the box takes the focus when it appears.
let focusWanted = false;

/** Asks the next search box shown to take the focus. */
export function requestSearchFocus(): void {
  focusWanted = true;
}

/**
 * Focuses the search box on Ctrl+K (⌘K on a Mac) anywhere, and on `/` when
 * the user is not typing in a field already; also when it appears after
 * such a key pressed elsewhere.
 */
export function useSearchShortcut(
  input: RefObject<HTMLInputElement | null>,
): void {
  useEffect(() => {
    if (focusWanted) {
      focusWanted = false;
      input.current?.focus();
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSearchKey(event)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);

    return () => document.removeEventListener('keydown', onKeyDown);
  }, [input]);
}

import type { KeyboardEvent } from 'react';

/**
 * Ctrl+S (⌘S on a Mac) in a form does what its submit button would: saves,
 * or nothing while the button is off (nothing changed, saving already) or
 * absent (read only). The browser's « save the page » is never meant there.
 * Give it to the form's `onKeyDown`.
 */
export function submitOnSaveKey(event: KeyboardEvent<HTMLFormElement>): void {
  const save =
    (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's';
  if (!save) return;
  event.preventDefault();
  const form = event.currentTarget;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const off =
    !button ||
    button.disabled ||
    button.getAttribute('aria-disabled') === 'true';
  if (!off) form.requestSubmit(button);
}

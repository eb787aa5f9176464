import { useEffect } from 'react';
import {
  isSearchKey,
  isTyping,
  requestSearchFocus,
} from '../features/search/useSearchShortcut.ts';
import { contactsHref, navigate } from '../routing/route.ts';

/**
 * The keys of the whole portal, once signed in: « ? » opens the shortcuts
 * help (not while typing, nor over another dialog), and a search key on a
 * screen without the search box opens the contacts with the box focused.
 * The search box answers its keys first (they reach the window after the
 * document), so a key it took is not taken twice.
 */
export function useShellKeys(enabled: boolean, showHelp: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (isSearchKey(event)) {
        event.preventDefault();
        requestSearchFocus();
        navigate(contactsHref);
        return;
      }
      const help =
        event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey;
      const dialogOpen = document.querySelector(
        '[role="dialog"], [role="alertdialog"]',
      );
      if (!help || isTyping(event.target) || dialogOpen) return;
      event.preventDefault();
      showHelp();
    };
    window.addEventListener('keydown', onKeyDown);

    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, showHelp]);
}

/// <reference types="mocha" />
import type * as Library from '@testing-library/react/pure';

declare global {
  // React reads this flag to know that updates are wrapped in act().
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

/**
 * A jsdom window for the enclosing `describe`, and Testing Library bound to
 * it. Everything DOM-related is imported in `before`: the API's tests run in
 * the same mocha process, and react-dom decides at its first import whether
 * a DOM exists.
 */
export function useDom(): typeof Library {
  let library: typeof Library | undefined;
  let remove: (() => void) | undefined;
  const swapped = new Map<string, unknown>();
  const scope = globalThis as unknown as Record<string, unknown>;

  before(async () => {
    const { default: globalJsdom } = await import('global-jsdom');
    remove = globalJsdom(undefined, {
      url: 'https://relais.test/teams/tab.html',
    });
    // jsdom dispatches only its own event classes, which Node's shadow.
    for (const name of ['Event', 'CustomEvent', 'EventTarget']) {
      swapped.set(name, scope[name]);
      scope[name] = (window as unknown as Record<string, unknown>)[name];
    }
    // jsdom has no ResizeObserver; Fluent's popups (a dropdown's options)
    // ask for one to place themselves, which a test does not need.
    const own = window as unknown as { ResizeObserver?: unknown };
    own.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    library = await import('@testing-library/react/pure');
  });
  afterEach(() => {
    library?.cleanup();
    window.sessionStorage.clear();
  });
  after(() => {
    delete globalThis.IS_REACT_ACT_ENVIRONMENT;
    for (const [name, value] of swapped) scope[name] = value;
    remove?.();
  });

  return new Proxy({} as typeof Library, {
    get: (_, name) => {
      if (!library) throw new Error('useDom(): inside hooks and tests only');
      return library[name as keyof typeof Library];
    },
  });
}

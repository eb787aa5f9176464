/// <reference types="mocha" />
import type * as TestingLibrary from '@testing-library/react/pure';

/** Testing Library's `render`, `fireEvent`, `within`, `waitFor`… bound to the window. */
export type Dom = typeof TestingLibrary;

declare global {
  // React reads this flag to know that updates are wrapped in act().
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

/**
 * Gives the enclosing `describe` a jsdom window (http://localhost/, empty
 * storage and hash before each test) and returns Testing Library, usable
 * inside its hooks and tests.
 *
 * core-api's tests share this mocha process, so nothing DOM-related may be
 * loaded when the files are: react-dom decides at first evaluation whether a
 * DOM exists (and never listens to `input` events if not), and jsdom itself
 * must not crash the whole run on a Node it does not support. So jsdom,
 * Testing Library and every component are imported in `before` hooks.
 */
export function setupDom(): Dom {
  let library: Dom | undefined;
  let removeDom: (() => void) | undefined;

  before(async () => {
    const { default: globalJsdom } = await import('global-jsdom');
    removeDom = globalJsdom(undefined, { url: 'http://localhost/' });
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    library = await import('@testing-library/react/pure');
  });

  beforeEach(() => {
    window.localStorage.clear();
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/');
  });

  afterEach(() => library?.cleanup());

  after(() => {
    delete globalThis.IS_REACT_ACT_ENVIRONMENT;
    removeDom?.();
  });

  return new Proxy({} as Dom, {
    get(_, name) {
      if (!library) throw new Error('setupDom(): use Testing Library inside hooks and tests');

      return library[name as keyof Dom];
    },
  });
}

/// <reference types="mocha" />
import type * as TestingLibrary from '@testing-library/react/pure';

/** Testing Library's `render`, `fireEvent`, `within`, `waitFor`… bound to the window. */
export type Dom = typeof TestingLibrary;

declare global {
  // React reads this flag to know that updates are wrapped in act().
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

const DOM_EVENT_GLOBALS = ['Event', 'CustomEvent', 'EventTarget'];

/**
 * Gives the enclosing `describe` a jsdom window (http://localhost/, empty
 * storage and hash before each test) and returns Testing Library, usable
 * inside its hooks and tests.
 *
 * core-api's tests share this mocha process, so nothing DOM-related may be
 * loaded when the files are: react-dom decides at first evaluation whether a
 * DOM exists (and never listens to `input` events if not). So jsdom,
 * Testing Library and every component are imported in `before` hooks.
 */
export function setupDom(): Dom {
  let library: Dom | undefined;
  let removeDom: (() => void) | undefined;
  const nodeOwn = new Map<string, unknown>();

  before(async () => {
    const { default: globalJsdom } = await import('global-jsdom');
    removeDom = globalJsdom(undefined, { url: 'http://localhost/' });
    // global-jsdom keeps the globals Node already has, but jsdom refuses to
    // dispatch Node's own Event and CustomEvent (Fluent's focus tracking
    // creates some): the window's versions stand in while the tests run.
    const shadowed = globalThis as unknown as Record<string, unknown>;
    const windowOwn = window as unknown as Record<string, unknown>;
    for (const name of DOM_EVENT_GLOBALS) {
      nodeOwn.set(name, shadowed[name]);
      shadowed[name] = windowOwn[name];
    }
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
    const shadowed = globalThis as unknown as Record<string, unknown>;
    for (const [name, value] of nodeOwn) shadowed[name] = value;
    removeDom?.();
  });

  return new Proxy({} as Dom, {
    get(_, name) {
      if (!library)
        throw new Error(
          'setupDom(): use Testing Library inside hooks and tests',
        );

      return library[name as keyof Dom];
    },
  });
}

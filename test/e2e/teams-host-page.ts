/**
 * The browser side of the Teams host harness: this script runs in a page
 * that plays Teams. It frames the tab and answers the messages teams-js
 * sends its host over postMessage (initialisation with a runtime, context,
 * single sign-on token, consent window, channel configuration, theme
 * changes), as Teams' web client does. It is compiled and served by
 * `teams-host.ts`; nothing imports it.
 */

type HostSettings = {
  /** The page framed: the tab or its configuration page. */
  frameUrl: string;
  frameContext: 'content' | 'settings';
  context: Record<string, unknown>;
};

/** A message from teams-js: a call with an id, or a one-way notice. */
type AppMessage = {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
};

type HostState = {
  valid: boolean | null;
  config: Record<string, unknown> | null;
  saved: 'success' | 'failure' | null;
  saveReason: unknown;
  authenticateCalls: string[];
  unhandled: string[];
};

declare global {
  interface Window {
    teamsHostSettings: HostSettings;
    teamsHost: {
      state: HostState;
      setTheme: (theme: string) => void;
      save: () => void;
    };
    /** Answered by the test process: a real token, or the reason for none. */
    relaisHostToken: () => Promise<{ token?: string; error?: string }>;
  }
}

const settings = window.teamsHostSettings;
const state: HostState = {
  valid: null,
  config: null,
  saved: null,
  saveReason: null,
  authenticateCalls: [],
  unhandled: [],
};

const frame = document.createElement('iframe');
frame.title = 'Relais';
frame.src = settings.frameUrl;
frame.style.cssText = 'width:100%;height:100vh;border:0;display:block';
document.body.append(frame);

/** The tab (once framed) and the consent window (once open). */
const tab = () => frame.contentWindow;
let consentWindow: Window | null = null;
/** The tab's pending `authentication.authenticate` call. */
let pendingAuthenticate: AppMessage | null = null;

// What Teams' web client declares it supports, in the runtime format.
const runtime = {
  apiVersion: 4,
  hostVersionsInfo: {
    adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 },
  },
  isLegacyTeams: false,
  supports: {
    app: {},
    appEntity: {},
    authentication: {},
    pages: { appButton: {}, config: {}, tabs: {}, backStack: {} },
    teamsCore: {},
  },
};

function reply(target: Window, message: AppMessage, args: unknown[]) {
  target.postMessage(
    { id: message.id, uuidAsString: message.uuidAsString, args },
    window.location.origin,
  );
}

function notify(target: Window | null, func: string, args: unknown[]) {
  target?.postMessage({ func, args }, window.location.origin);
}

async function answer(source: Window, message: AppMessage) {
  const fromConsent = source === consentWindow;
  const args = message.args ?? [];
  switch (message.func) {
    case 'initialize':
      return reply(source, message, [
        fromConsent ? 'authentication' : settings.frameContext,
        'web',
        JSON.stringify(runtime),
        '2.58.0',
      ]);
    case 'getContext':
      return reply(source, message, [
        {
          ...settings.context,
          frameContext: fromConsent ? 'authentication' : settings.frameContext,
          hostClientType: 'web',
          hostName: 'Teams',
        },
      ]);
    case 'authentication.getAuthToken': {
      const token = await window.relaisHostToken();
      return reply(
        source,
        message,
        token.token ? [true, token.token] : [false, token.error],
      );
    }
    case 'authentication.authenticate':
      state.authenticateCalls.push(String(args[0]));
      pendingAuthenticate = message;
      consentWindow = window.open(
        String(args[0]),
        'relais-consent',
        `width=${Number(args[1])},height=${Number(args[2])}`,
      );
      return;
    case 'authentication.authenticate.success':
    case 'authentication.authenticate.failure': {
      const ok = message.func.endsWith('.success');
      const waiting = pendingAuthenticate;
      pendingAuthenticate = null;
      consentWindow?.close();
      if (waiting && tab()) reply(tab() as Window, waiting, [ok, args[0]]);
      return;
    }
    case 'settings.setValidityState':
      state.valid = args[0] === true;
      return;
    case 'settings.setSettings':
      state.config = args[0] as Record<string, unknown>;
      return reply(source, message, [true]);
    case 'settings.save.success':
      state.saved = 'success';
      return;
    case 'settings.save.failure':
      state.saved = 'failure';
      state.saveReason = args[0];
      return;
    case 'registerHandler':
    case 'appInitialization.success':
    case 'appInitialization.appLoaded':
      return;
    default:
      state.unhandled.push(message.func);
  }
}

window.addEventListener('message', (event) => {
  const message = event.data as AppMessage;
  const source = event.source as Window | null;
  if (event.origin !== window.location.origin || !source) return;
  if (typeof message?.func !== 'string' || typeof message.id !== 'number')
    return;
  void answer(source, message);
});

window.teamsHost = {
  state,
  setTheme: (theme) => notify(tab(), 'themeChange', [theme]),
  save: () => notify(tab(), 'settings.save', [{}]),
};

export {};

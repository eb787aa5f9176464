/// <reference types="mocha" />
import { expect } from 'chai';
import type { UserDto } from 'core-api/client';
import type { ComponentType, ReactNode } from 'react';
import type { Locale } from '../i18n/messages.ts';
import type { Dom } from './dom.ts';
import { fakeApi, type FakeRoute } from './fakeApi.ts';
import { buildUser } from './fixtures.ts';

/** What rendering a screen needs, loaded once the test window exists. */
export type ScreenKit = {
  TestProviders: typeof import('./TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../api.ts').createApiClient;
};

/**
 * Loads the providers and the API client; call it in a `before` hook,
 * after `setupDom()`'s (see dom.ts: nothing DOM-related may load earlier).
 */
export async function loadScreenKit(): Promise<ScreenKit> {
  const [providers, api] = await Promise.all([
    import('./TestProviders.tsx'),
    import('../api.ts'),
  ]);

  return {
    TestProviders: providers.TestProviders,
    createApiClient: api.createApiClient,
  };
}

/**
 * Renders a screen for a signed-in user against a fake API answering
 * `routes`, in French unless `locale` says otherwise; returns the view and
 * the API, which records every call.
 */
export function renderWithApi(
  dom: Dom,
  kit: ScreenKit,
  screen: ReactNode,
  routes: Record<string, FakeRoute>,
  user: UserDto,
  locale?: Locale,
) {
  const api = fakeApi(routes);
  const session = { user, signOut: () => undefined, expire: () => undefined };
  const view = dom.render(
    <kit.TestProviders
      client={kit.createApiClient({ fetch: api.fetch })}
      session={session}
      locale={locale}
    >
      {screen}
    </kit.TestProviders>,
  );

  return { view, api };
}

/** Lets what a change reads again land before the test ends (no act warning). */
export function settle(dom: Dom): Promise<void> {
  return dom.act(() => new Promise<void>((done) => setTimeout(done, 50)));
}

/**
 * Declares, in the enclosing `describe`, the loading of one screen (in a
 * `before` hook, once the test window exists) and returns its renderer:
 * `render(routes, user)` shows it to `user` (an administrator by default)
 * against the fake API's `defaults` overridden by `routes`.
 */
export function screenUnderTest(
  dom: Dom,
  load: () => Promise<ComponentType>,
  defaults: Record<string, FakeRoute>,
) {
  let kit: ScreenKit | undefined;
  let Screen: ComponentType | undefined;

  before(async () => {
    [Screen, kit] = await Promise.all([load(), loadScreenKit()]);
  });

  return (routes: Record<string, FakeRoute> = {}, user = buildUser()) => {
    if (!kit || !Screen) throw new Error('screenUnderTest: not loaded yet');

    return renderWithApi(
      dom,
      kit,
      <Screen />,
      { ...defaults, ...routes },
      user,
    );
  };
}

/**
 * Checks that a screen shows an editor the administrators-only refusal and
 * asks the API nothing (the API would refuse them too).
 */
export async function expectEditorRefused(
  render: ReturnType<typeof screenUnderTest>,
): Promise<void> {
  const { view, api } = render({}, buildUser({ role: 'editor' }));

  expect(
    await view.findByText('L’administration est réservée aux administrateurs.'),
  ).to.exist;
  expect(api.calls).to.deep.equal([]);
}

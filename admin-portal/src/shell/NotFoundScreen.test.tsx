/// <reference types="mocha" />
import { expect } from 'chai';
import { setupDom } from '../test/dom.ts';
import { fakeApi, ok } from '../test/fakeApi.ts';
import { buildUser } from '../test/fixtures.ts';

type Modules = {
  AppShell: typeof import('./AppShell.tsx').AppShell;
  Workspace: typeof import('./Workspace.tsx').Workspace;
  TestProviders: typeof import('../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../api.ts').createApiClient;
};

const user = buildUser({ displayName: 'Claire Admin' });

describe('an address leading to no screen', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [shell, workspace, providers, api] = await Promise.all([
      import('./AppShell.tsx'),
      import('./Workspace.tsx'),
      import('../test/TestProviders.tsx'),
      import('../api.ts'),
    ]);
    m = {
      AppShell: shell.AppShell,
      Workspace: workspace.Workspace,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  /** The signed-in portal at `hash`; the contacts table answers empty. */
  function renderAt(hash: string, locale: 'fr' | 'en' = 'fr') {
    window.location.hash = hash;
    const api = fakeApi({
      'GET /api/me/pending-requests/count': () => ok({ count: 0 }),
      'GET /api/lists': () =>
        ok({ items: [], total: 0, page: 1, pageSize: 50 }),
      'POST /api/targeting/page': () =>
        ok({ items: [], total: 0, page: 1, pageSize: 50 }),
    });
    const session = { user, signOut: () => undefined, expire: () => undefined };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        locale={locale}
        session={session}
      >
        <m.AppShell user={user}>
          <m.Workspace />
        </m.AppShell>
      </m.TestProviders>,
    );

    return { view, api };
  }

  for (const hash of [
    '#/nimportequoi',
    '#/contacts/abc',
    '#/contacts/-1',
    '#/lists/%3Cscript%3E',
  ]) {
    it(`says so for ${hash}, marks no section and leads back home`, async () => {
      const { view, api } = renderAt(hash);

      const heading = await view.findByRole('heading', {
        level: 1,
        name: 'Page introuvable',
      });
      expect(document.activeElement).to.equal(heading);
      expect(window.location.hash).to.equal(hash);
      expect(view.queryByRole('searchbox')).to.equal(null);
      const nav = view.getByRole('navigation', { name: /./ });
      expect(nav.querySelector('[aria-current]')).to.equal(null);
      expect(api.calls).to.satisfy((calls: { path: string }[]) =>
        calls.every((call) => !call.path.startsWith('/api/contacts')),
      );

      expect(
        view
          .getByRole('link', { name: 'Retour à l’accueil' })
          .getAttribute('href'),
      ).to.equal('#/contacts');
    });
  }

  it('shows the address as text, decoded, in English too', async () => {
    const { view } = renderAt('#/lists/%3Cscript%3E', 'en');

    expect(
      await view.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).to.exist;
    expect(view.getByText(/^The address "#\/lists\/<script>" leads to no page/))
      .to.exist;
    expect(document.querySelector('script')).to.equal(null);
    expect(view.getByRole('link', { name: 'Back to the home page' })).to.exist;
  });
});

/// <reference types="mocha" />
import { expect } from 'chai';
import type { UserDto } from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import { fakeApi } from '../../test/fakeApi.ts';
import { buildUser } from '../../test/fixtures.ts';

type Modules = {
  AdminHome: typeof import('./AdminHome.tsx').AdminHome;
  MainNav: typeof import('../../shell/MainNav.tsx').MainNav;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

describe('AdminHome and the administration entry of the navigation', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [home, nav, providers, api] = await Promise.all([
      import('./AdminHome.tsx'),
      import('../../shell/MainNav.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      AdminHome: home.AdminHome,
      MainNav: nav.MainNav,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderWith(user: UserDto) {
    const api = fakeApi({});
    const session = { user, signOut: () => undefined, expire: () => undefined };

    return dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
      >
        <m.MainNav user={user} />
        <m.AdminHome />
      </m.TestProviders>,
    );
  }

  it('leads an administrator to every settings screen', () => {
    window.location.hash = '#/admin/feeds';
    const view = renderWith(buildUser());

    const nav = view.getByRole('navigation', { name: 'Sections' });
    const entry = dom.within(nav).getByRole('link', { name: 'Administration' });
    expect(entry.getAttribute('href')).to.equal('#/admin');
    expect(entry.getAttribute('aria-current')).to.equal('page');
    const screens = view.getByRole('list', { name: 'Réglages' });
    expect(
      dom
        .within(screens)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).to.deep.equal([
      ['Règles de doublons', '#/admin/merge-rules'],
      ['Flux d’import', '#/admin/feeds'],
      ['Exports', '#/admin/exports'],
      ['Adresses d’expéditeur', '#/admin/senders'],
      ['Services', '#/admin/departments'],
      ['Utilisateurs', '#/admin/users'],
      ['Taxonomie', '#/admin/taxonomy'],
      ['Journal d’audit', '#/admin/audit'],
    ]);
  });

  it('shows an editor neither the entry nor the settings', () => {
    const view = renderWith(buildUser({ role: 'editor' }));

    const nav = view.getByRole('navigation', { name: 'Sections' });
    expect(
      dom.within(nav).queryByRole('link', { name: 'Administration' }),
    ).to.equal(null);
    expect(view.queryByRole('list', { name: 'Réglages' })).to.equal(null);
    expect(view.getByText('L’administration est réservée aux administrateurs.'))
      .to.exist;
  });
});

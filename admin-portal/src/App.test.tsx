/// <reference types="mocha" />
import { expect } from 'chai';
import type { SessionDto } from 'core-api/client';
import { setupDom } from './test/dom.ts';
import { fail, fakeApi, ok, type FakeRoute } from './test/fakeApi.ts';
import { buildFullContact, buildUser } from './test/fixtures.ts';

type Modules = {
  App: typeof import('./App.tsx').App;
  createApiClient: typeof import('./api.ts').createApiClient;
};

const readySession: SessionDto = {
  user: buildUser({ displayName: 'Claire Admin' }),
  stage: 'ready',
  expiresAt: '2026-12-04T20:00:00Z',
};

describe('App', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [app, api] = await Promise.all([
      import('./App.tsx'),
      import('./api.ts'),
    ]);
    m = { App: app.App, createApiClient: api.createApiClient };
  });

  function renderApp(routes: Record<string, FakeRoute>) {
    const api = fakeApi(routes);
    const view = dom.render(
      <m.App client={m.createApiClient({ fetch: api.fetch })} />,
    );

    return { view, api };
  }

  it('restores a stored token with auth.session() and opens the workspace', async () => {
    window.sessionStorage.setItem('relais.token', 'stored-token');
    const { view, api } = renderApp({
      'GET /api/auth/session': () => ok(readySession),
    });

    const name = 'Rechercher un contact ou une société';
    expect(await view.findByRole('searchbox', { name })).to.exist;
    expect(view.getByRole('banner').textContent).to.contain(
      'Connecté : Claire Admin',
    );
    expect(view.getByRole('banner').textContent).to.contain('Administrateur');
    expect(api.calls[0]?.headers.authorization).to.equal('Bearer stored-token');
  });

  it('returns to sign-in and forgets the token when the server refuses it', async () => {
    window.sessionStorage.setItem('relais.token', 'revoked-token');
    const { view } = renderApp({
      'GET /api/auth/session': () =>
        fail(401, 'UNAUTHENTICATED', 'Connexion requise.'),
    });

    expect(await view.findByRole('heading', { name: 'Connexion' })).to.exist;
    expect(window.sessionStorage.getItem('relais.token')).to.equal(null);
  });

  it('shows sign-in straight away when no token is stored', () => {
    const { view, api } = renderApp({});

    expect(view.getByRole('heading', { name: 'Connexion' })).to.exist;
    expect(api.calls).to.deep.equal([]);
  });

  it('switches to English, keeps the choice and sets <html lang>', async () => {
    const { view } = renderApp({});
    expect(document.documentElement.lang).to.equal('fr');

    dom.fireEvent.click(view.getByRole('button', { name: 'EN (English)' }));

    expect(await view.findByRole('heading', { name: 'Sign in' })).to.exist;
    expect(document.documentElement.lang).to.equal('en');
    expect(window.localStorage.getItem('relais.locale')).to.equal('en');
    expect(
      view
        .getByRole('button', { name: 'EN (English)' })
        .getAttribute('aria-pressed'),
    ).to.equal('true');
  });

  it('switches to the dark theme and keeps the choice', () => {
    const { view } = renderApp({});

    dom.fireEvent.click(view.getByRole('switch', { name: 'Thème sombre' }));

    expect(window.localStorage.getItem('relais.theme')).to.equal('dark');
    expect(
      (view.getByRole('switch', { name: 'Thème sombre' }) as HTMLInputElement)
        .checked,
    ).to.equal(true);
  });

  it('signs out: tells the API, forgets the token and shows sign-in', async () => {
    window.sessionStorage.setItem('relais.token', 'stored-token');
    const { view, api } = renderApp({
      'GET /api/auth/session': () => ok(readySession),
      'POST /api/auth/signout': () => ({ status: 204 }),
    });

    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Se déconnecter' }),
    );

    expect(await view.findByRole('heading', { name: 'Connexion' })).to.exist;
    await dom.waitFor(() =>
      expect(window.sessionStorage.getItem('relais.token')).to.equal(null),
    );
    // The navigation's badge asks for its count, and the landing table for
    // its rows; they are not the point here.
    const calls = api.calls.filter(
      (call) =>
        !call.path.startsWith('/api/me/') &&
        !call.path.startsWith('/api/targeting/'),
    );
    expect(calls.map((call) => `${call.method} ${call.path}`)).to.deep.equal([
      'GET /api/auth/session',
      'POST /api/auth/signout',
    ]);
    expect(calls[1]?.headers.authorization).to.equal('Bearer stored-token');
  });

  it('opens the card of a contact from the hash', async () => {
    window.sessionStorage.setItem('relais.token', 'stored-token');
    window.location.hash = '#/contacts/42';
    const { view } = renderApp({
      'GET /api/auth/session': () => ok(readySession),
      'GET /api/contacts/42': () => ok(buildFullContact()),
    });

    expect(
      (await view.findByRole('heading', { level: 1 })).textContent,
    ).to.equal('Docteure Camille Durand-Lefèvre');
  });

  it('shows administrators eight sections and marks the current one', async () => {
    window.sessionStorage.setItem('relais.token', 'stored-token');
    window.location.hash = '#/duplicates';
    const { view } = renderApp({
      'GET /api/auth/session': () => ok(readySession),
      'GET /api/duplicates': () =>
        ok({ items: [], total: 0, page: 1, pageSize: 20 }),
    });

    const nav = await view.findByRole('navigation', { name: 'Sections' });
    const links = dom.within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).to.deep.equal([
      'Contacts',
      'Sociétés',
      'Ciblage',
      'Listes',
      'Modèles',
      'Doublons',
      'Imports',
      'Administration',
    ]);
    expect(
      links.map((link) => link.getAttribute('aria-current')),
    ).to.deep.equal([null, null, null, null, null, 'page', null, null]);
    expect(
      await view.findByRole('heading', {
        level: 1,
        name: 'Doublons à examiner',
      }),
    ).to.exist;
    expect(view.queryByRole('searchbox')).to.equal(null);
  });

  it('leaves the imports out of an editor’s sections', async () => {
    window.sessionStorage.setItem('relais.token', 'stored-token');
    const { view } = renderApp({
      'GET /api/auth/session': () =>
        ok({ ...readySession, user: buildUser({ role: 'editor' }) }),
    });

    const nav = await view.findByRole('navigation', { name: 'Sections' });
    expect(
      dom
        .within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).to.deep.equal([
      'Contacts',
      'Sociétés',
      'Ciblage',
      'Listes',
      'Modèles',
      'Doublons',
    ]);
    expect(
      dom
        .within(nav)
        .getByRole('link', { name: 'Contacts' })
        .getAttribute('aria-current'),
    ).to.equal('page');
  });

  it('counts the change requests waiting for me beside « Listes »', async () => {
    window.sessionStorage.setItem('relais.token', 'stored-token');
    const { view } = renderApp({
      'GET /api/auth/session': () => ok(readySession),
      'GET /api/me/pending-requests/count': () => ok({ count: 3 }),
    });

    const nav = await view.findByRole('navigation', { name: 'Sections' });
    const lists = dom.within(nav).getByRole('link', { name: /^Listes/ });
    expect(
      await dom
        .within(lists)
        .findByLabelText('3 demandes de modification à décider'),
    ).to.exist;
  });
});

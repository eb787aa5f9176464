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
  groups: typeof import('./ShortcutsDialog.tsx').SHORTCUT_GROUPS;
};

const user = buildUser({ displayName: 'Claire Admin' });
const searchName = 'Rechercher un contact ou une société';

describe('keyboard shortcuts and their help', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [shell, workspace, providers, api, dialog] = await Promise.all([
      import('./AppShell.tsx'),
      import('./Workspace.tsx'),
      import('../test/TestProviders.tsx'),
      import('../api.ts'),
      import('./ShortcutsDialog.tsx'),
    ]);
    m = {
      AppShell: shell.AppShell,
      Workspace: workspace.Workspace,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
      groups: dialog.SHORTCUT_GROUPS,
    };
  });

  /** The signed-in portal; the lists and the badge answer empty. */
  function renderApp(locale: 'fr' | 'en' = 'fr') {
    const api = fakeApi({
      'GET /api/me/pending-requests/count': () => ok({ count: 0 }),
      'GET /api/lists': () =>
        ok({ items: [], total: 0, page: 1, pageSize: 50 }),
    });
    const session = { user, signOut: () => undefined, expire: () => undefined };

    return dom.render(
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
  }

  it('opens the help with « ? », listing every shortcut by where it works', async () => {
    const view = renderApp();
    await view.findByRole('searchbox', { name: searchName });

    dom.fireEvent.keyDown(document.body, { key: '?' });

    const help = await view.findByRole('dialog', {
      name: 'Raccourcis clavier',
    });
    const text = help.textContent ?? '';
    for (const title of ['Partout', 'Recherche', 'Fiches et formulaires'])
      expect(text).to.contain(title);
    expect(text).to.contain('Ctrl + S');
    expect(text).to.contain('Ctrl + K');
    const rows = m.groups.reduce(
      (sum, group) => sum + group.shortcuts.length,
      0,
    );
    expect(dom.within(help).getAllByRole('row')).to.have.length(
      rows + m.groups.length,
    );

    dom.fireEvent.click(
      dom.within(help).getByRole('button', { name: 'Fermer' }),
    );
    await dom.waitFor(() =>
      expect(
        view.queryByRole('dialog', { name: 'Raccourcis clavier' }),
      ).to.equal(null),
    );
  });

  it('leaves « ? » to a field being typed in', async () => {
    const view = renderApp();
    const box = await view.findByRole('searchbox', { name: searchName });

    dom.fireEvent.keyDown(box, { key: '?' });

    expect(view.queryByRole('dialog')).to.equal(null);
  });

  it('opens the help from the header, in English too', async () => {
    const view = renderApp('en');

    dom.fireEvent.click(await view.findByRole('button', { name: 'Shortcuts' }));

    const help = await view.findByRole('dialog', {
      name: 'Keyboard shortcuts',
    });
    expect(help.textContent).to.contain('Records and forms');
    expect(help.textContent).to.contain('Ctrl + A');
  });

  it('answers Ctrl+K on a screen without the search box: the contacts, box focused', async () => {
    window.location.hash = '#/lists';
    const view = renderApp();
    await view.findByRole('heading', { level: 1, name: 'Listes' });
    expect(view.queryByRole('searchbox', { name: searchName })).to.equal(null);

    dom.fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });

    const box = await view.findByRole('searchbox', { name: searchName });
    expect(window.location.hash).to.equal('#/contacts');
    await dom.waitFor(() => expect(document.activeElement).to.equal(box));
  });
});

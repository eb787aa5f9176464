/// <reference types="mocha" />
import { expect } from 'chai';
import type { FeedInput, UserDto } from 'core-api/client';
import type { Route } from '../../routing/route.ts';
import { buildFeed, buildHost } from '../../test/adminFixtures.ts';
import { setupDom } from '../../test/dom.ts';
import { fail, fakeApi, ok, type FakeRoute } from '../../test/fakeApi.ts';
import { buildUser } from '../../test/fixtures.ts';

type Modules = {
  FeedsScreen: typeof import('./FeedsScreen.tsx').FeedsScreen;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

type FeedsRoute = Extract<Route, { name: 'feeds' | 'feedNew' | 'feed' }>;

const admin = buildUser();

describe('FeedsScreen', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [screen, providers, api] = await Promise.all([
      import('./FeedsScreen.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      FeedsScreen: screen.FeedsScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderFeeds(
    routes: Record<string, FakeRoute>,
    route: FeedsRoute = { name: 'feeds' },
    {
      user = admin,
      locale = 'fr',
    }: { user?: UserDto; locale?: 'fr' | 'en' } = {},
  ) {
    const api = fakeApi({
      'GET /api/feeds': () => ok({ items: [] }),
      'GET /api/feeds/allowed-hosts': () => ok({ items: [] }),
      'GET /api/mapping-profiles': () => ok({ items: [] }),
      ...routes,
    });
    const session = { user, signOut: () => undefined, expire: () => undefined };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
        locale={locale}
      >
        <m.FeedsScreen route={route} />
      </m.TestProviders>,
    );

    return { view, api };
  }

  it('lists the feeds with their state, schedule, next and last run', async () => {
    const failing = buildFeed({
      id: 5,
      name: 'Annuaire des élus',
      kind: 'url',
      folderPath: null,
      filePattern: null,
      url: 'https://annuaire.example.org/elus.csv',
      schedule: { kind: 'every', minutes: 60 },
      lastStatus: 'failed',
      consecutiveFailures: 3,
      lastFailureAt: '2026-12-04T08:00:00Z',
      lastError: {
        fr: 'Le serveur a répondu 503.',
        en: 'The server answered 503.',
      },
    });
    const { view } = renderFeeds({
      'GET /api/feeds': () => ok({ items: [failing, buildFeed()] }),
    });

    const list = await view.findByRole('list', { name: 'Flux' });
    const [first, second] = dom.within(list).getAllByRole('listitem');
    expect(
      dom
        .within(first!)
        .getByRole('link', { name: 'Annuaire des élus' })
        .getAttribute('href'),
    ).to.equal('#/admin/feeds/5');
    expect(first!.textContent).to.contain('En échec (3 fois de suite)');
    expect(first!.textContent).to.contain(
      'Adresse web · https://annuaire.example.org/elus.csv',
    );
    expect(first!.textContent).to.contain('Toutes les 60 minutes');
    expect(first!.textContent).to.contain(
      'Dernière erreur : Le serveur a répondu 503.',
    );
    expect(second!.textContent).to.contain('Actif');
    expect(second!.textContent).to.contain(
      'Dossier du serveur · presse/entrant, fichiers « *.csv »',
    );
    expect(second!.textContent).to.contain(
      'Chaque jour à 06:30 (heure de Paris)',
    );
    expect(
      dom.within(second!).getByText('Prochaine exécution : 05/12/2026 06:30'),
    ).to.exist;
    expect(
      dom
        .within(second!)
        .getByText('Dernière exécution : 04/12/2026 06:30 (Réussie)'),
    ).to.exist;
    expect(second!.textContent).to.not.contain('En échec');
    expect(view.getByText('Flux en échec : 1.')).to.exist;
  });

  it('gives a failing feed’s error in English to an English reader', async () => {
    const failing = buildFeed({
      consecutiveFailures: 1,
      lastError: { fr: 'Dossier introuvable.', en: 'Folder not found.' },
    });
    const { view } = renderFeeds(
      { 'GET /api/feeds': () => ok({ items: [failing] }) },
      { name: 'feeds' },
      { locale: 'en' },
    );

    expect(await view.findByText('Last error: Folder not found.')).to.exist;
    expect(view.getByText('Failing')).to.exist;
  });

  it('runs a feed now from the list', async () => {
    const { view, api } = renderFeeds({
      'GET /api/feeds': () => ok({ items: [buildFeed()] }),
      'POST /api/feeds/4/run': () => ({
        status: 202,
        body: { jobId: 12, alreadyQueued: false },
      }),
    });

    dom.fireEvent.click(
      await view.findByRole('button', {
        name: 'Lancer maintenant : Presse régionale',
      }),
    );

    expect(
      await view.findByText(
        'Exécution demandée : le flux sera lu dans un instant.',
      ),
    ).to.exist;
    expect(api.calls.map((call) => `${call.method} ${call.path}`)).to.include(
      'POST /api/feeds/4/run',
    );
  });

  it('creates a folder feed read every 30 minutes, then opens it', async () => {
    let sent: FeedInput | undefined;
    const { view } = renderFeeds(
      {
        'GET /api/mapping-profiles': () =>
          ok({
            items: [
              {
                id: 8,
                name: 'Export CRM',
                description: null,
                columns: {},
                version: 1,
                updatedAt: '2026-11-01T10:00:00Z',
              },
            ],
          }),
        'POST /api/feeds': (call) => {
          sent = call.body as FeedInput;
          return { status: 201, body: buildFeed({ id: 9 }) };
        },
      },
      { name: 'feedNew' },
    );
    const type = (name: string, value: string) =>
      dom.fireEvent.change(view.getByRole('textbox', { name }), {
        target: { value },
      });

    await view.findByRole('option', { name: 'Export CRM' });
    type('Nom du flux', 'Presse régionale');
    type('Dossier', 'presse/entrant');
    type('Motif des noms de fichier', 'presse-*.csv');
    dom.fireEvent.click(
      view.getByRole('radio', { name: 'Toutes les N minutes' }),
    );
    type('Minutes entre deux exécutions', '30');
    dom.fireEvent.change(
      view.getByRole('combobox', { name: 'Profil de correspondance' }),
      { target: { value: '8' } },
    );
    dom.fireEvent.click(
      view.getByRole('checkbox', {
        name: 'Désactiver les contacts de ce flux absents du fichier',
      }),
    );
    dom.fireEvent.click(view.getByRole('button', { name: 'Créer le flux' }));

    await dom.waitFor(() =>
      expect(window.location.hash).to.equal('#/admin/feeds/9'),
    );
    expect(sent).to.deep.equal({
      name: 'Presse régionale',
      kind: 'folder',
      folderPath: 'presse/entrant',
      filePattern: 'presse-*.csv',
      url: null,
      schedule: { kind: 'every', minutes: 30 },
      mappingProfileId: 8,
      deactivateMissing: true,
      enabled: true,
    });
  });

  it('shows the API’s objections beside the fields of an address feed', async () => {
    const { view } = renderFeeds(
      {
        'POST /api/feeds': () =>
          fail(400, 'VALIDATION_FAILED', 'Certains champs sont invalides.', [
            { path: 'name', message: 'nom requis / name required' },
            { path: 'url', message: 'https attendu / https expected' },
            {
              path: 'schedule.at',
              message: 'heure HH:MM attendue / expected HH:MM',
            },
          ]),
      },
      { name: 'feedNew' },
    );

    dom.fireEvent.click(
      await view.findByRole('radio', { name: 'Adresse web' }),
    );
    expect(view.queryByRole('textbox', { name: 'Dossier' })).to.equal(null);
    dom.fireEvent.change(view.getByRole('textbox', { name: /^Adresse/ }), {
      target: { value: 'ftp://annuaire.example.org/elus.csv' },
    });
    dom.fireEvent.click(view.getByRole('button', { name: 'Créer le flux' }));

    expect(await view.findByText('https attendu')).to.exist;
    expect(view.getByText('nom requis')).to.exist;
    expect(view.getByText('heure HH:MM attendue')).to.exist;
    expect(
      view
        .getByRole('textbox', { name: /^Nom du flux/ })
        .getAttribute('aria-invalid'),
    ).to.equal('true');
    expect(window.location.hash).to.equal('');
  });

  it('adds an allowed host with its note and removes one', async () => {
    let hosts = [buildHost()];
    const { view, api } = renderFeeds({
      'GET /api/feeds/allowed-hosts': () => ok({ items: hosts }),
      'POST /api/feeds/allowed-hosts': (call) => {
        const added = buildHost({ id: 3, ...(call.body as object) });
        hosts = [...hosts, added];
        return { status: 201, body: added };
      },
      'DELETE /api/feeds/allowed-hosts/2': () => {
        hosts = hosts.filter((host) => host.id !== 2);
        return { status: 204 };
      },
    });

    const list = await view.findByRole('list', { name: 'Hôtes autorisés' });
    expect(list.textContent).to.contain('intranet.example.org');
    expect(list.textContent).to.contain('Annuaire interne');
    dom.fireEvent.change(view.getByRole('textbox', { name: /^Hôte/ }), {
      target: { value: 'crm.example.org' },
    });
    dom.fireEvent.change(view.getByRole('textbox', { name: /^Note/ }), {
      target: { value: 'CRM du cabinet' },
    });
    dom.fireEvent.click(view.getByRole('button', { name: 'Autoriser l’hôte' }));

    await view.findByText('crm.example.org');
    const post = api.calls.find((call) => call.method === 'POST');
    expect(post?.body).to.deep.equal({
      host: 'crm.example.org',
      note: 'CRM du cabinet',
    });

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Retirer : intranet.example.org' }),
    );
    await dom.waitFor(() =>
      expect(view.queryByText('intranet.example.org')).to.equal(null),
    );
  });

  it('tells an editor that feeds are for administrators', () => {
    const { view, api } = renderFeeds(
      {},
      { name: 'feeds' },
      {
        user: buildUser({ role: 'editor' }),
      },
    );

    expect(view.getByText('L’administration est réservée aux administrateurs.'))
      .to.exist;
    expect(api.calls).to.deep.equal([]);
  });
});

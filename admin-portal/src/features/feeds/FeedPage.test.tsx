/// <reference types="mocha" />
import { expect } from 'chai';
import type { FeedUpdate } from 'core-api/client';
import { buildFeed, buildRun } from '../../test/adminFixtures.ts';
import { setupDom } from '../../test/dom.ts';
import { fail, fakeApi, ok, type FakeRoute } from '../../test/fakeApi.ts';
import { buildUser } from '../../test/fixtures.ts';

type Modules = {
  FeedsScreen: typeof import('./FeedsScreen.tsx').FeedsScreen;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const failedRun = buildRun({
  id: 32,
  cause: 'manual',
  status: 'failed',
  startedAt: '2026-12-04T09:00:00Z',
  finishedAt: '2026-12-04T09:00:01Z',
  durationMs: 800,
  source: null,
  bytes: null,
  batchId: null,
  counts: null,
  error: {
    code: 'FEED_FOLDER_MISSING',
    fr: 'Le dossier presse/entrant n’existe pas.',
    en: 'The folder presse/entrant does not exist.',
  },
});

describe('FeedPage', () => {
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

  function renderFeed(
    routes: Record<string, FakeRoute>,
    locale: 'fr' | 'en' = 'fr',
  ) {
    const api = fakeApi({
      'GET /api/feeds/4': () => ok(buildFeed()),
      'GET /api/feeds/4/runs': () =>
        ok({ items: [failedRun, buildRun()], total: 2, page: 1, pageSize: 10 }),
      'GET /api/mapping-profiles': () => ok({ items: [] }),
      ...routes,
    });
    const session = {
      user: buildUser(),
      signOut: () => undefined,
      expire: () => undefined,
    };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
        locale={locale}
      >
        <m.FeedsScreen route={{ name: 'feed', id: 4 }} />
      </m.TestProviders>,
    );

    return { view, api };
  }

  it('shows the feed’s state and its runs with counts, errors and imports', async () => {
    const { view } = renderFeed({});

    expect(
      await view.findByRole('heading', { level: 1, name: 'Presse régionale' }),
    ).to.exist;
    const status = view.getByRole('region', { name: 'État' });
    expect(status.textContent).to.contain('Chaque jour à 06:30');
    expect(status.textContent).to.contain('Gardés');
    const runs = await view.findByRole('list', { name: 'Exécutions' });
    const [failed, succeeded] = dom.within(runs).getAllByRole('listitem');
    expect(failed!.textContent).to.contain('Exécution du 04/12/2026 10:00');
    expect(failed!.textContent).to.contain('Échec');
    expect(failed!.textContent).to.contain('lancée à la main · 0,8 s');
    expect(failed!.textContent).to.contain(
      'Le dossier presse/entrant n’existe pas.',
    );
    expect(succeeded!.textContent).to.contain(
      '20 lignes : 12 créés, 2 mis à jour, 3 fusionnés, 2 à revoir, ' +
        '1 rejetés, 0 désactivés',
    );
    expect(succeeded!.textContent).to.contain('Lu : presse-2026-12-04.csv');
    expect(
      dom
        .within(succeeded!)
        .getByRole('link', { name: 'Voir l’import' })
        .getAttribute('href'),
    ).to.equal('#/imports/17');
  });

  it('words a run’s error in English for an English reader', async () => {
    const { view } = renderFeed({}, 'en');

    expect(await view.findByText('The folder presse/entrant does not exist.'))
      .to.exist;
    expect(view.getByText('Failed')).to.exist;
  });

  it('saves an edit with the version read, then the next with the new one', async () => {
    const sent: FeedUpdate[] = [];
    const { view } = renderFeed({
      'PUT /api/feeds/4': (call) => {
        const body = call.body as FeedUpdate;
        sent.push(body);
        return ok(buildFeed({ ...body, version: body.version + 1 }));
      },
    });
    const name = await view.findByRole('textbox', { name: /^Nom du flux/ });

    dom.fireEvent.change(name, { target: { value: 'Presse nationale' } });
    dom.fireEvent.click(view.getByRole('switch', { name: 'Flux actif' }));
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Enregistrer le flux' }),
    );

    expect(await view.findByText('Flux enregistré.')).to.exist;
    expect(sent[0]).to.deep.include({
      name: 'Presse nationale',
      enabled: false,
      version: 2,
      schedule: { kind: 'daily', at: '06:30' },
    });
    expect(view.getByRole('heading', { level: 1, name: 'Presse nationale' })).to
      .exist;
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Enregistrer le flux' }),
    );
    await dom.waitFor(() => expect(sent).to.have.length(2));
    expect(sent[1]?.version).to.equal(3);
  });

  it('says when a colleague changed the feed and reloads it on request', async () => {
    let reads = 0;
    const { view } = renderFeed({
      'GET /api/feeds/4': () => {
        reads += 1;
        return ok(
          reads === 1
            ? buildFeed()
            : buildFeed({ name: 'Renommé', version: 5 }),
        );
      },
      'PUT /api/feeds/4': () =>
        fail(409, 'VERSION_CONFLICT', 'Version périmée.', [
          { path: 'version', message: 'version actuelle / current version: 5' },
        ]),
    });

    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Enregistrer le flux' }),
    );
    await view.findByText(/Quelqu’un a modifié ce flux/);
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Recharger le flux' }),
    );

    await dom.waitFor(() =>
      expect(
        (
          view.getByRole('textbox', {
            name: /^Nom du flux/,
          }) as HTMLInputElement
        ).value,
      ).to.equal('Renommé'),
    );
    expect(view.queryByText(/Quelqu’un a modifié ce flux/)).to.equal(null);
  });

  it('deletes the feed once confirmed and goes back to the list', async () => {
    const { view, api } = renderFeed({
      'DELETE /api/feeds/4': () => ({ status: 204 }),
    });

    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Supprimer le flux' }),
    );
    expect(api.calls.some((call) => call.method === 'DELETE')).to.equal(false);
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Oui, supprimer le flux' }),
    );

    await dom.waitFor(() =>
      expect(window.location.hash).to.equal('#/admin/feeds'),
    );
  });
});

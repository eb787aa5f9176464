/// <reference types="mocha" />
import { expect } from 'chai';
import type { ImportBatchDto, UserDto } from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import { fail, fakeApi, ok, type FakeRoute } from '../../test/fakeApi.ts';
import { buildBatch, buildUser } from '../../test/fixtures.ts';

type Modules = {
  ImportsScreen: typeof import('./ImportsScreen.tsx').ImportsScreen;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const admin = buildUser();

function historyPage(items: ImportBatchDto[], page = 1, total = items.length) {
  return { items, total, page, pageSize: 20 };
}

describe('ImportsScreen', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [screen, providers, api] = await Promise.all([
      import('./ImportsScreen.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      ImportsScreen: screen.ImportsScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderHome(routes: Record<string, FakeRoute>, user = admin) {
    const api = fakeApi({
      'GET /api/mapping-profiles': () => ok({ items: [] }),
      'GET /api/imports': () => ok(historyPage([])),
      ...routes,
    });
    const session = {
      user: user as UserDto,
      signOut: () => undefined,
      expire: () => undefined,
    };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
      >
        <m.ImportsScreen />
      </m.TestProviders>,
    );
    const input = () =>
      view.container.querySelector('input[type=file]') as HTMLInputElement;
    const pick = (file: File) =>
      dom.fireEvent.change(input(), { target: { files: [file] } });

    return { view, api, pick };
  }

  it('sends the file picked as it is, then opens its import', async () => {
    const file = new File(['Nom;Prénom\nDupont;Jean\n'], 'presse.csv', {
      type: 'text/csv',
    });
    const { view, api, pick } = renderHome({
      'POST /api/imports': () => ({
        status: 202,
        body: buildBatch({ id: 9, status: 'staging', preview: null }),
      }),
    });
    await view.findByText('Aucun import pour l’instant.');

    pick(file);
    expect(view.getByText(/Fichier choisi : presse\.csv/)).to.exist;
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Analyser le fichier' }),
    );

    await dom.waitFor(() =>
      expect(window.location.hash).to.equal('#/imports/9'),
    );
    const upload = api.calls.find((call) => call.method === 'POST');
    expect(upload?.query.get('fileName')).to.equal('presse.csv');
    expect(upload?.headers['content-type']).to.equal(
      'application/octet-stream',
    );
    expect(upload?.body).to.equal(file);
  });

  it('takes a file dropped on the zone', async () => {
    const file = new File(['BEGIN:VCARD'], 'carnet.vcf');
    const { view } = renderHome({});

    const zone = (await view.findByText('Déposez un fichier ici, ou'))
      .parentElement as HTMLElement;
    dom.fireEvent.drop(zone, { dataTransfer: { files: [file] } });

    expect(view.getByText(/Fichier choisi : carnet\.vcf/)).to.exist;
  });

  it('refuses a file over 50 MB before sending it', async () => {
    const { view, api, pick } = renderHome({});
    const huge = new File(['x'], 'enorme.csv');
    Object.defineProperty(huge, 'size', { value: 51 * 1024 * 1024 });

    pick(huge);
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Analyser le fichier' }),
    );

    expect((await view.findByRole('alert')).textContent).to.contain(
      'Ce fichier dépasse 50 Mo',
    );
    expect(api.calls.some((call) => call.method === 'POST')).to.equal(false);
  });

  it('shows why the API refused the file', async () => {
    const { view, pick } = renderHome({
      'POST /api/imports': () =>
        fail(422, 'IMPORT_FILE_INVALID', 'notes.pdf : format inconnu'),
    });

    pick(new File(['%PDF'], 'notes.pdf'));
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Analyser le fichier' }),
    );

    expect((await view.findByRole('alert')).textContent).to.equal(
      'notes.pdf : format inconnu',
    );
  });

  it('lists past imports with their state, counts and undo', async () => {
    const committed = buildBatch({
      id: 4,
      fileName: 'presse_2026.xlsx',
      status: 'committed',
      totalRows: 20,
      preview: null,
      result: {
        batchId: 4,
        created: 12,
        updated: 2,
        merged: 3,
        queuedForReview: 2,
        rejected: 1,
        deactivated: 0,
        companiesCreated: 4,
        tookMs: 200,
      },
    });
    const staged = buildBatch({ id: 5, fileName: 'carnet.vcf' });
    const { view } = renderHome({
      'GET /api/imports': () => ok(historyPage([staged, committed])),
    });

    const open = await view.findByRole('link', {
      name: 'Ouvrir l’import presse_2026.xlsx du 04/12/2026 10:30',
    });
    expect(open.getAttribute('href')).to.equal('#/imports/4');
    const item = open.closest('li') as HTMLElement;
    expect(item.textContent).to.contain('Validé');
    expect(item.textContent).to.contain('12 créés, 2 mis à jour, 3 fusionnés');
    expect(dom.within(item).getByRole('button', { name: 'Annuler l’import' }))
      .to.exist;
    const other = view
      .getByRole('link', { name: /carnet\.vcf/ })
      .closest('li') as HTMLElement;
    expect(other.textContent).to.contain('En attente de validation');
    expect(dom.within(other).queryByRole('button')).to.equal(null);
  });

  it('counts an import’s contacts in agreement with their number', async () => {
    const committed = buildBatch({
      id: 6,
      fileName: 'une_fiche.csv',
      status: 'committed',
      totalRows: 1,
      preview: null,
      result: {
        batchId: 6,
        created: 1,
        updated: 0,
        merged: 1,
        queuedForReview: 0,
        rejected: 0,
        deactivated: 0,
        companiesCreated: 0,
        tookMs: 20,
      },
    });
    const { view } = renderHome({
      'GET /api/imports': () => ok(historyPage([committed])),
    });

    const open = await view.findByRole('link', { name: /une_fiche\.csv/ });
    expect((open.closest('li') as HTMLElement).textContent).to.contain(
      '1 créé, 0 mis à jour, 1 fusionné',
    );
  });

  it('pages the history, 20 imports at a time', async () => {
    const batches = Array.from({ length: 25 }, (_, index) =>
      buildBatch({ id: 30 - index, fileName: `lot-${30 - index}.csv` }),
    );
    const { view, api } = renderHome({
      'GET /api/imports': (call) => {
        const page = Number(call.query.get('page'));
        const size = Number(call.query.get('pageSize'));

        return ok(
          historyPage(
            batches.slice((page - 1) * size, page * size),
            page,
            batches.length,
          ),
        );
      },
    });

    await view.findByRole('link', { name: /lot-30\.csv/ });
    expect(view.getByText('Page 1 sur 2')).to.exist;
    dom.fireEvent.click(view.getByRole('button', { name: 'Page suivante' }));

    await view.findByRole('link', { name: /lot-6\.csv/ });
    expect(view.queryByRole('link', { name: /lot-30\.csv/ })).to.equal(null);
    const pages = api.calls
      .filter((call) => call.path === '/api/imports')
      .map((call) => call.query.get('page'));
    expect(pages).to.deep.equal(['1', '2']);
  });

  it('tells an editor that imports are for administrators', () => {
    const { view, api } = renderHome({}, buildUser({ role: 'editor' }));

    expect(view.getByText('Les imports sont réservés aux administrateurs.')).to
      .exist;
    expect(api.calls).to.deep.equal([]);
  });
});

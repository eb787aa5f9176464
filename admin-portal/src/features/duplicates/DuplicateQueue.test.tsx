/// <reference types="mocha" />
import { expect } from 'chai';
import type { PairPage, ScanReport, UserDto } from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import {
  deferred,
  fail,
  fakeApi,
  ok,
  type FakeRoute,
} from '../../test/fakeApi.ts';
import { buildPair, buildUser } from '../../test/fixtures.ts';

type Modules = {
  DuplicatesScreen: typeof import('./DuplicatesScreen.tsx').DuplicatesScreen;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const admin = buildUser();
const editor = buildUser({ role: 'editor', displayName: 'Rédaction' });

function page(items: PairPage['items'], total = items.length): PairPage {
  return { items, total, page: 1, pageSize: 20 };
}

describe('DuplicateQueue', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [screen, providers, api] = await Promise.all([
      import('./DuplicatesScreen.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      DuplicatesScreen: screen.DuplicatesScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderQueue(
    routes: Record<string, FakeRoute>,
    user: UserDto = admin,
    locale: 'fr' | 'en' = 'fr',
  ) {
    const api = fakeApi(routes);
    const session = { user, signOut: () => undefined, expire: () => undefined };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
        locale={locale}
      >
        <m.DuplicatesScreen />
      </m.TestProviders>,
    );

    return { view, api };
  }

  it('lists the pairs in the API’s order with outcome, score and evidence', async () => {
    const sure = buildPair();
    const maybe = buildPair({
      id: 8,
      score: 9.04,
      outcome: 'maybe',
      a: { id: 3, displayName: 'Jean Dupont' },
      b: { id: 4, displayName: 'Jean Dupond' },
      evidence: [{ field: 'outlet', agreement: 'exact', weight: 3 }],
    });
    const { view, api } = renderQueue({
      'GET /api/duplicates': () => ok(page([sure, maybe])),
    });

    const list = await view.findByRole('list', { name: 'Paires à examiner' });
    const items = dom.within(list).getAllByRole('listitem', {
      name: (_, element) => element.parentElement === list,
    });
    expect(items).to.have.length(2);
    const first = dom.within(items[0]!);
    expect(
      first
        .getByRole('link', {
          name: 'Examiner : Camille Durand-Lefèvre et Camile Durand-Lefevre',
        })
        .getAttribute('href'),
    ).to.equal('#/duplicates/7');
    expect(items[0]!.textContent).to.contain('Doublon sûr');
    expect(items[0]!.textContent).to.contain('Score 18,5');
    const evidence = first.getByRole('list', { name: 'Indices' });
    expect(
      dom
        .within(evidence)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).to.deep.equal([
      'Nom : identique (+6,2)',
      'Prénom : très proche (+4)',
      'E-mail : identique (+9)',
      'Date de naissance : différent (-5,5)',
    ]);
    expect(items[0]!.textContent).to.contain(
      'Le Quotidien du Midi · Paris · camille.durand@quotidien.test · 14/07/1975',
    );
    expect(items[1]!.textContent).to.contain('Doublon possible');
    expect(items[1]!.textContent).to.contain('Média : identique (+3)');
    expect(view.getByText('2 paires à examiner.')).to.exist;
    expect(api.calls[0]?.query.get('page')).to.equal('1');
    expect(api.calls[0]?.query.get('pageSize')).to.equal('20');
  });

  it('says what to do next when the queue is empty', async () => {
    const { view } = renderQueue({
      'GET /api/duplicates': () => ok(page([])),
    });

    expect(await view.findByText('Aucun doublon à examiner.')).to.exist;
    expect(view.getByText(/Lancez « Rechercher les doublons »/)).to.exist;
  });

  it('shows an editor the queue read-only, without the scan', async () => {
    const { view } = renderQueue(
      { 'GET /api/duplicates': () => ok(page([])) },
      editor,
    );

    expect(await view.findByText(/Quand un administrateur lance/)).to.exist;
    expect(view.getByText(/Lecture seule/)).to.exist;
    expect(
      view.queryByRole('button', { name: 'Rechercher les doublons' }),
    ).to.equal(null);
  });

  it('shows the scan running, then its report, and reloads the queue', async () => {
    const scan = deferred<ScanReport>();
    let lists = 0;
    const { view, api } = renderQueue({
      'GET /api/duplicates': () => {
        lists += 1;

        return ok(page(lists === 1 ? [] : [buildPair()]));
      },
      'POST /api/duplicates/scan': async () => ok(await scan.promise),
    });
    await view.findByText('Aucun doublon à examiner.');

    const button = view.getByRole('button', {
      name: 'Rechercher les doublons',
    });
    dom.fireEvent.click(button);

    await dom.waitFor(() =>
      expect(button.getAttribute('aria-disabled')).to.equal('true'),
    );
    expect(view.getByText(/Recherche des doublons dans toute la base/)).to
      .exist;
    scan.resolve({
      contacts: 120,
      compared: 800,
      same: 1,
      maybe: 0,
      alreadyDecided: 2,
      tookMs: 40,
    });

    expect(
      await view.findByText(
        '120 contacts comparés : 1 doublons sûrs et 0 possibles à examiner ' +
          '(2 paires déjà tranchées laissées de côté).',
      ),
    ).to.exist;
    expect(await view.findByText('1 paire à examiner.')).to.exist;
    expect(button.getAttribute('aria-disabled')).to.equal(null);
    expect(
      api.calls.map((call) => `${call.method} ${call.path}`),
    ).to.deep.equal([
      'GET /api/duplicates',
      'POST /api/duplicates/scan',
      'GET /api/duplicates',
    ]);
  });

  it('shows a refused scan in the user’s language', async () => {
    // The client reads the language where the switch keeps it.
    window.localStorage.setItem('relais.locale', 'en');
    const { view, api } = renderQueue(
      {
        'GET /api/duplicates': () => ok(page([])),
        'POST /api/duplicates/scan': (call) =>
          call.headers['accept-language'] === 'en'
            ? fail(403, 'FORBIDDEN', 'This action needs another role.')
            : fail(403, 'FORBIDDEN', 'Action réservée à un autre rôle.'),
      },
      admin,
      'en',
    );
    await view.findByText('No duplicate to review.');

    dom.fireEvent.click(view.getByRole('button', { name: 'Find duplicates' }));

    expect((await view.findByRole('alert')).textContent).to.equal(
      'This action needs another role.',
    );
    expect(api.calls[1]?.headers['accept-language']).to.equal('en');
  });

  it('pages through a long queue', async () => {
    const { view, api } = renderQueue({
      'GET /api/duplicates': (call) =>
        ok({
          ...page(
            [buildPair({ id: Number(call.query.get('page')) * 100 })],
            45,
          ),
          page: Number(call.query.get('page')),
        }),
    });

    expect(await view.findByText('Page 1 sur 3')).to.exist;
    dom.fireEvent.click(view.getByRole('button', { name: 'Page suivante' }));

    expect(await view.findByText('Page 2 sur 3')).to.exist;
    expect(api.calls.map((call) => call.query.get('page'))).to.deep.equal([
      '1',
      '2',
    ]);
    expect(
      view.getByRole('link', { name: /Examiner/ }).getAttribute('href'),
    ).to.equal('#/duplicates/200');
  });
});

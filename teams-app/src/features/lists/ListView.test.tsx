/// <reference types="mocha" />
import { expect } from 'chai';
import type { RelaisClient } from 'core-api/client';
import { useDom } from '../../test/dom.ts';
import {
  buildList,
  buildRequest,
  buildUser,
  emptyPage,
  fakeApi,
  member,
  ok,
  owner,
  type Route,
} from '../../test/fakes.ts';

type Modules = {
  fluent: typeof import('@fluentui/react-components');
  ListView: typeof import('./ListView.tsx').ListView;
  ApiContext: typeof import('../../api.ts').ApiContext;
  createTabClient: typeof import('../../api.ts').createTabClient;
};

const page = (items: unknown[]) => ({
  ...emptyPage,
  items,
  total: items.length,
});
const report = (mode: 'applied' | 'requested', id: number) => ({
  mode,
  applied: mode === 'applied' ? [id] : [],
  requests: mode === 'requested' ? [31] : [],
  alreadyMember: [],
  notMember: [],
  alreadyPending: [],
});

describe('Teams tab: one list', () => {
  const dom = useDom();
  let m: Modules;
  let restore = () => {};

  before(async () => {
    // Fluent and React load once a DOM exists: imported here, not above.
    const [fluent, view, api] = await Promise.all([
      import('@fluentui/react-components'),
      import('./ListView.tsx'),
      import('../../api.ts'),
    ]);
    m = { fluent, ListView: view.ListView, ...api };
  });
  afterEach(() => restore());

  function renderList(routes: Record<string, Route>, me = owner) {
    const api = fakeApi(routes);
    restore = api.restore;
    const client: RelaisClient = m.createTabClient(async () => 'token', 'fr');
    const view = dom.render(
      <m.fluent.FluentProvider
        theme={m.fluent.teamsLightTheme}
        targetDocument={document}
      >
        <m.ApiContext.Provider value={client}>
          <m.ListView listId={4} me={buildUser(me)} />
        </m.ApiContext.Provider>
      </m.fluent.FluentProvider>,
    );

    return { api, view };
  }

  it('turns a member’s addition into a request and says so', async () => {
    const { api, view } = renderList(
      {
        'GET /api/lists/4': ok(buildList({ canManage: false })),
        'GET /api/lists/4/members': ok({ ...page([]), entity: 'contact' }),
        'GET /api/lists/4/requests': ok(page([])),
        'GET /api/search': ok({
          items: [
            {
              type: 'contact',
              id: 77,
              displayName: 'Jeanne Martin',
              subtitle: 'Rédactrice en chef',
              match: 'exact',
              score: 1,
            },
          ],
          tookMs: 1,
        }),
        'POST /api/lists/4/members/add': ok(report('requested', 77)),
      },
      member,
    );

    await view.findByText(/appartient à Claire Dupont/);
    const search = view.getByRole('combobox', {
      name: /Rechercher un contact/,
    });
    dom.fireEvent.change(search, { target: { value: 'Martin' } });
    const option = await view.findByRole('option', {
      name: /Jeanne Martin — Rédactrice en chef/,
    });
    dom.fireEvent.click(option);
    dom.fireEvent.change(
      view.getByLabelText('Note pour le propriétaire (facultatif)'),
      { target: { value: 'Nouvelle cheffe' } },
    );
    dom.fireEvent.click(view.getByRole('button', { name: 'Proposer' }));

    await view.findByText(
      'Votre proposition d’ajouter Jeanne Martin attend la décision de Claire Dupont.',
    );
    const sent = api.calls.find((c) => c.path.endsWith('/members/add'));
    expect(sent?.body).to.deep.equal({
      entity: 'contact',
      ids: [77],
      note: 'Nouvelle cheffe',
    });
    expect(api.calls.find((c) => c.path === '/api/search')?.query).to.contain(
      'type=contact',
    );
  });

  it('lets the owner approve the selection at once, and shows who proposed', async () => {
    const requests = [
      buildRequest({ id: 21, note: 'Cheffe d’agence' }),
      buildRequest({ id: 22, action: 'remove', memberLabel: 'Luc Petit' }),
    ];
    const { api, view } = renderList({
      'GET /api/lists/4': ok(buildList({ pendingCount: 2 })),
      'GET /api/lists/4/members': ok({ ...page([]), entity: 'contact' }),
      'GET /api/lists/4/requests': (call) =>
        ok(page(call.query.includes('pending') ? requests : []))(),
      'POST /api/lists/4/requests/approve': ok({
        decided: requests.map((r) => ({ ...r, status: 'approved' })),
        skipped: [],
      }),
    });

    await view.findByText('Ajouter Jeanne Martin');
    expect(
      view.getByText(
        /Proposé par Paul Martin le 04\/12\/2026 09:30 · Note : Cheffe d’agence/,
      ),
    ).to.exist;
    dom.fireEvent.click(view.getByLabelText('Tout sélectionner'));
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Approuver la sélection (2)' }),
    );

    await view.findByText('2 demandes décidées.');
    const sent = api.calls.find((c) => c.path.endsWith('/requests/approve'));
    expect(sent?.body).to.deep.equal({ requestIds: [21, 22] });
  });

  it('removes a member at once for the owner', async () => {
    const { api, view } = renderList({
      'GET /api/lists/4': ok(buildList({ memberCount: 1, entity: 'company' })),
      'GET /api/lists/4/members': ok({
        ...page([
          {
            id: 5,
            name: 'Radio Nord',
            companyType: 'média',
            city: 'Lille',
            email: null,
            addedAt: '2026-12-02T10:00:00Z',
            addedBy: owner,
            approvedBy: null,
          },
          {
            id: 6,
            name: 'Radio Sud',
            companyType: 'média',
            city: 'Nîmes',
            email: null,
            addedAt: '2026-12-03T10:00:00Z',
            addedBy: { id: 9, displayName: 'Paul Rédac' },
            approvedBy: owner,
          },
        ]),
        entity: 'company',
      }),
      'GET /api/lists/4/requests': ok(page([])),
      'POST /api/lists/4/members/remove': ok(report('applied', 5)),
    });

    await view.findByText(
      /média · Lille · Ajouté par Claire Dupont le 02\/12\/2026 11:00/,
    );
    // Brought by an approved request: who proposed it, who approved.
    await view.findByText(
      /média · Nîmes · Proposé par Paul Rédac, approuvé par Claire Dupont le 03\/12\/2026 11:00/,
    );
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Retirer Radio Nord' }),
    );
    await view.findByText('Radio Nord a été retiré de la liste.');
    const sent = api.calls.find((c) => c.path.endsWith('/members/remove'));
    expect(sent?.body).to.deep.equal({ entity: 'company', ids: [5] });
  });
});

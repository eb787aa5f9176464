/// <reference types="mocha" />
import { expect } from 'chai';
import type {
  ListInput,
  SavedQueryDto,
  SavedQueryInput,
  TargetPageDto,
  TargetQuery,
  UserDto,
} from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import { fail, fakeApi, ok, type FakeRoute } from '../../test/fakeApi.ts';
import { buildUser } from '../../test/fixtures.ts';

type Modules = {
  TargetingScreen: typeof import('./TargetingScreen.tsx').TargetingScreen;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const editor = buildUser({ id: 8, role: 'editor', displayName: 'Léa Rédac' });

/** A page of results as the API answers it. */
function resultPage(
  count: { matched: number; excluded: number; included: number },
  names: string[] = [],
): TargetPageDto {
  return {
    count,
    items: names.map((displayName, index) => ({
      id: index + 1,
      entity: 'contact',
      displayName,
      firstName: null,
      lastName: null,
      type: 'press',
      function: 'Rédactrice en chef',
      organisation: 'La Dépêche',
      email: `c${index}@presse.test`,
      city: 'Toulouse',
    })),
    page: 1,
    pageSize: 25,
    tookMs: 3,
  };
}

function buildSavedQuery(
  overrides: Partial<SavedQueryDto> = {},
): SavedQueryDto {
  return {
    id: 5,
    name: 'Presse Occitanie',
    description: null,
    entity: 'contact',
    query: {
      entity: 'contact',
      where: {
        op: 'and',
        items: [{ field: 'contactType', operator: 'in', value: ['press'] }],
      },
    },
    ownerId: 8,
    ownerName: 'Léa Rédac',
    canEdit: true,
    version: 2,
    createdAt: '2026-12-01T09:00:00Z',
    updatedAt: '2026-12-03T09:00:00Z',
    ...overrides,
  };
}

describe('TargetingScreen', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [screen, providers, api] = await Promise.all([
      import('./TargetingScreen.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      TargetingScreen: screen.TargetingScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderScreen(
    routes: Record<string, FakeRoute>,
    savedQueryId?: number,
    user: UserDto = editor,
    locale: 'fr' | 'en' = 'fr',
  ) {
    const api = fakeApi({
      'GET /api/taxonomy': () => ok({ items: [] }),
      'GET /api/lists': () =>
        ok({ items: [], total: 0, page: 1, pageSize: 200 }),
      'GET /api/saved-queries': () => ok({ items: [] }),
      ...routes,
    });
    const session = { user, signOut: () => undefined, expire: () => undefined };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
        locale={locale}
      >
        <m.TargetingScreen savedQueryId={savedQueryId} />
      </m.TestProviders>,
    );

    return { view, api };
  }

  /** The queries the screen sent to `POST /api/targeting/search`. */
  const searches = (api: ReturnType<typeof renderScreen>['api']) =>
    api.calls
      .filter((call) => call.path === '/api/targeting/search')
      .map((call) => call.body as { query: TargetQuery; channel?: string });

  it('counts as the query is built and says who the channel leaves out', async () => {
    const { view, api } = renderScreen({
      'POST /api/targeting/search': (call) => {
        const { query, channel } = call.body as {
          query: TargetQuery;
          channel?: string;
        };
        if (query.where.items.length === 0)
          return ok(resultPage({ matched: 120, excluded: 0, included: 120 }));
        if (!channel)
          return ok(
            resultPage({ matched: 12, excluded: 0, included: 12 }, [
              'Anne Roy',
            ]),
          );
        return ok(resultPage({ matched: 12, excluded: 3, included: 9 }));
      },
    });

    expect(await view.findByText('120 contacts correspondent')).to.exist;
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Ajouter un critère' }),
    );
    const row = view.getByRole('group', { name: 'Critère 1' });
    dom.fireEvent.change(dom.within(row).getByLabelText('Champ'), {
      target: { value: 'contactType' },
    });
    expect(dom.within(row).getByText(/Critère incomplet/)).to.exist;
    dom.fireEvent.click(
      dom.within(row).getByRole('checkbox', { name: 'Presse' }),
    );

    expect(await view.findByText('12 contacts correspondent')).to.exist;
    expect(dom.within(row).queryByText(/Critère incomplet/)).to.equal(null);
    const table = view.getByRole('table');
    expect(dom.within(table).getByRole('link', { name: 'Anne Roy' })).to.exist;
    expect(table.textContent).to.contain('Rédactrice en chef');
    expect(searches(api).at(-1)?.query).to.deep.equal({
      entity: 'contact',
      where: {
        op: 'and',
        items: [{ field: 'contactType', operator: 'in', value: ['press'] }],
      },
    });

    dom.fireEvent.change(view.getByLabelText(/Canal de l’envoi/), {
      target: { value: 'email' },
    });
    expect(
      await view.findByText(
        '3 écartés pour le canal E-mail (désinscrits ou à ne pas contacter) : 9 retenus',
      ),
    ).to.exist;
    expect(searches(api).at(-1)).to.deep.include({ channel: 'email' });
    const status = view
      .getAllByRole('status')
      .find((node) => node.textContent?.includes('correspondent'));
    expect(status?.getAttribute('aria-live')).to.equal('polite');
  });

  it('nests a negated OR group inside the AND of the query', async () => {
    const { view, api } = renderScreen({
      'POST /api/targeting/search': () =>
        ok(resultPage({ matched: 4, excluded: 0, included: 4 })),
    });
    await view.findByText('4 contacts correspondent');

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Ajouter un groupe' }),
    );
    const group = view.getByRole('group', { name: 'Groupe 1.1' });
    expect(
      (dom.within(group).getByLabelText('Retenir si') as HTMLSelectElement)
        .value,
    ).to.equal('or');
    dom.fireEvent.click(
      dom
        .within(group)
        .getByRole('checkbox', { name: /Exclure ce qui correspond/ }),
    );
    const row = dom.within(group).getByRole('group', { name: /^Critère 1/ });
    dom.fireEvent.change(dom.within(row).getByLabelText('Champ'), {
      target: { value: 'hasEmail' },
    });

    await dom.waitFor(() =>
      expect(searches(api).at(-1)?.query.where).to.deep.equal({
        op: 'and',
        items: [
          {
            op: 'or',
            not: true,
            items: [{ field: 'hasEmail', operator: 'is', value: true }],
          },
        ],
      }),
    );
  });

  it('saves the query under a name and opens it', async () => {
    const sent: SavedQueryInput[] = [];
    const { view } = renderScreen({
      'POST /api/targeting/search': () =>
        ok(resultPage({ matched: 0, excluded: 0, included: 0 })),
      'POST /api/saved-queries': (call) => {
        sent.push(call.body as SavedQueryInput);
        return { status: 201, body: buildSavedQuery({ id: 31, name: 'Élus' }) };
      },
    });
    await view.findByText(/^Aucun résultat pour ces critères/);

    dom.fireEvent.change(view.getByLabelText('Nom de la requête'), {
      target: { value: 'Élus' },
    });
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Enregistrer la requête' }),
    );

    await dom.waitFor(() =>
      expect(window.location.hash).to.equal('#/targeting/31'),
    );
    expect(sent[0]).to.deep.equal({
      name: 'Élus',
      query: { entity: 'contact', where: { op: 'and', items: [] } },
    });
  });

  it('opens a saved query, saves its changes with the version read', async () => {
    const puts: unknown[] = [];
    const { view } = renderScreen(
      {
        'GET /api/saved-queries/5': () => ok(buildSavedQuery()),
        'PUT /api/saved-queries/5': (call) => {
          puts.push(call.body);
          return ok(buildSavedQuery({ version: 3 }));
        },
        'POST /api/targeting/search': () =>
          ok(resultPage({ matched: 7, excluded: 0, included: 7 })),
      },
      5,
    );

    expect(
      await view.findByRole('heading', {
        level: 1,
        name: 'Requête : Presse Occitanie',
      }),
    ).to.exist;
    const presse = view.getByRole('checkbox', {
      name: 'Presse',
    }) as HTMLInputElement;
    expect(presse.checked).to.equal(true);
    dom.fireEvent.click(view.getByRole('checkbox', { name: 'VIP' }));
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Enregistrer les modifications' }),
    );

    expect(await view.findByText('Requête « Presse Occitanie » enregistrée.'))
      .to.exist;
    expect(puts[0]).to.deep.include({ name: 'Presse Occitanie', version: 2 });
    expect(
      (puts[0] as { query: TargetQuery }).query.where.items[0],
    ).to.deep.equal({
      field: 'contactType',
      operator: 'in',
      value: ['press', 'vip'],
    });
  });

  it('offers a colleague’s saved query for a copy only', async () => {
    const { view } = renderScreen(
      {
        'GET /api/saved-queries/5': () =>
          ok(buildSavedQuery({ canEdit: false, ownerName: 'Paul' })),
        'POST /api/targeting/search': () =>
          ok(resultPage({ matched: 7, excluded: 0, included: 7 })),
      },
      5,
    );

    expect(await view.findByRole('button', { name: 'Enregistrer une copie' }))
      .to.exist;
    expect(
      view.queryByRole('button', { name: 'Enregistrer les modifications' }),
    ).to.equal(null);
    expect(
      view.queryByRole('button', { name: 'Supprimer la requête' }),
    ).to.equal(null);
  });

  it('creates a static list from the query and opens it', async () => {
    const sent: ListInput[] = [];
    const { view } = renderScreen({
      'POST /api/targeting/search': () =>
        ok(resultPage({ matched: 2, excluded: 0, included: 2 })),
      'POST /api/lists': (call) => {
        sent.push(call.body as ListInput);
        return {
          status: 201,
          body: {
            id: 12,
            name: 'Vœux 2027',
            description: null,
            entity: 'contact',
            owner: { id: 8, displayName: 'Léa Rédac' },
            sourceDefinition: null,
            memberCount: 2,
            pendingCount: 0,
            canManage: true,
            version: 1,
            createdAt: '2026-12-04T09:00:00Z',
            updatedAt: '2026-12-04T09:00:00Z',
          },
        };
      },
    });
    await view.findByText('2 contacts correspondent');

    dom.fireEvent.change(view.getByLabelText('Nom de la liste statique'), {
      target: { value: 'Vœux 2027' },
    });
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Créer une liste statique' }),
    );

    await dom.waitFor(() =>
      expect(window.location.hash).to.equal('#/lists/12'),
    );
    expect(sent[0]).to.deep.include({ name: 'Vœux 2027', entity: 'contact' });
    expect(sent[0]?.source).to.deep.equal({
      kind: 'query',
      query: { entity: 'contact', where: { op: 'and', items: [] } },
    });
  });

  it('shows the API’s refusal of a query and lets the person retry', async () => {
    let calls = 0;
    const { view } = renderScreen({
      'POST /api/targeting/search': () => {
        calls += 1;
        return calls === 1
          ? fail(503, 'UNAVAILABLE', 'Base indisponible.')
          : ok(resultPage({ matched: 1, excluded: 0, included: 1 }));
      },
    });

    expect(await view.findByText('Base indisponible.')).to.exist;
    dom.fireEvent.click(view.getByRole('button', { name: 'Réessayer' }));
    expect(await view.findByText('1 contact correspond')).to.exist;
  });

  it('deletes a saved query after asking, then opens an empty query', async () => {
    let deleted = false;
    window.location.hash = '#/targeting/5';
    const { view } = renderScreen(
      {
        'GET /api/saved-queries/5': () => ok(buildSavedQuery()),
        'DELETE /api/saved-queries/5': () => {
          deleted = true;
          return { status: 204 };
        },
        'POST /api/targeting/search': () =>
          ok(resultPage({ matched: 7, excluded: 0, included: 7 })),
      },
      5,
    );

    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Supprimer la requête' }),
    );
    expect(deleted).to.equal(false);
    expect(view.getByText(/Supprimer la requête « Presse Occitanie » \?/)).to
      .exist;
    dom.fireEvent.click(view.getByRole('button', { name: 'Oui, supprimer' }));

    await dom.waitFor(() =>
      expect(window.location.hash).to.equal('#/targeting'),
    );
    expect(deleted).to.equal(true);
  });

  it('lists the results as cards on a phone, with no table to scroll sideways', async () => {
    // A phone held upright: the width the contacts table turns to cards at.
    const phone = (query: string) =>
      ({
        matches: query === '(max-width: 40rem)',
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList;
    const before = window.matchMedia;
    window.matchMedia = phone;
    try {
      const { view } = renderScreen({
        'POST /api/targeting/search': () =>
          ok(
            resultPage({ matched: 2, excluded: 0, included: 2 }, [
              'Anne Roy',
              'Paul Bru',
            ]),
          ),
      });

      const cards = await view.findByRole('list', {
        name: 'Liste des résultats',
      });
      expect(view.queryByRole('table')).to.equal(null);
      const items = dom.within(cards).getAllByRole('listitem');
      expect(items).to.have.length(2);
      expect(
        dom
          .within(items[0]!)
          .getByRole('link', { name: 'Anne Roy' })
          .getAttribute('href'),
      ).to.equal('#/contacts/1');
      expect(items[0]!.textContent).to.contain(
        'Presse · Rédactrice en chef · La Dépêche',
      );
      expect(items[0]!.textContent).to.contain('c0@presse.test · Toulouse');
    } finally {
      window.matchMedia = before;
    }
  });

  it('speaks English to an English reader, field labels included', async () => {
    const { view } = renderScreen(
      {
        'POST /api/targeting/search': () =>
          ok(resultPage({ matched: 1200, excluded: 0, included: 1200 })),
      },
      undefined,
      editor,
      'en',
    );

    expect(await view.findByText('1,200 contacts match')).to.exist;
    dom.fireEvent.click(view.getByRole('button', { name: 'Add a criterion' }));
    const row = view.getByRole('group', { name: 'Criterion 1' });
    dom.fireEvent.change(dom.within(row).getByLabelText('Field'), {
      target: { value: 'updatedAt' },
    });
    dom.fireEvent.change(dom.within(row).getByLabelText('Condition'), {
      target: { value: 'lastMonths' },
    });
    expect(
      (dom.within(row).getByLabelText('Value: Updated') as HTMLInputElement)
        .value,
    ).to.equal('12');
    expect(dom.within(row).getByText('months')).to.exist;
  });

  it('picks domains in the taxonomy tree, sub-domains shown under them', async () => {
    const term = (id: number, label: string, parentId: number | null) => ({
      id,
      kind: 'domain' as const,
      label,
      labelEn: null,
      parentId,
      position: id,
      version: 1,
      deletedAt: null,
    });
    const { view, api } = renderScreen({
      'GET /api/taxonomy': () =>
        ok({
          items: [
            term(1, 'Culture', null),
            term(2, 'Musique', 1),
            term(3, 'Sport', null),
          ],
        }),
      'POST /api/targeting/search': () =>
        ok(resultPage({ matched: 5, excluded: 0, included: 5 })),
    });
    await view.findByText('5 contacts correspondent');

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Ajouter un critère' }),
    );
    const row = view.getByRole('group', { name: 'Critère 1' });
    dom.fireEvent.change(dom.within(row).getByLabelText('Champ'), {
      target: { value: 'terms' },
    });
    const tree = dom.within(row).getByRole('group', {
      name: /Valeur : Domaine, secteur ou catégorie/,
    });
    const culture = dom.within(tree).getByRole('checkbox', { name: 'Culture' });
    const musique = dom.within(tree).getByRole('checkbox', { name: 'Musique' });
    expect(culture.closest('li')?.contains(musique)).to.equal(true);

    dom.fireEvent.change(dom.within(tree).getByRole('searchbox'), {
      target: { value: 'musi' },
    });
    expect(
      dom.within(tree).queryByRole('checkbox', { name: 'Sport' }),
    ).to.equal(null);
    dom.fireEvent.click(
      dom.within(tree).getByRole('checkbox', { name: 'Culture' }),
    );

    await dom.waitFor(() =>
      expect(
        api.calls
          .filter((call) => call.path === '/api/targeting/search')
          .map((call) => (call.body as { query: TargetQuery }).query.where)
          .at(-1),
      ).to.deep.equal({
        op: 'and',
        items: [{ field: 'terms', operator: 'anyOf', value: [1] }],
      }),
    );
    expect(dom.within(tree).getByText(/1 coché\./)).to.exist;
  });
});

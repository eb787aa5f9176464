/// <reference types="mocha" />
import { expect } from 'chai';
import type {
  ListDto,
  RowsRequest,
  TableRowDto,
  TargetQuery,
  UserDto,
} from 'core-api/client';
import { setupDom } from '../../../test/dom.ts';
import { fakeApi, ok, type FakeRoute } from '../../../test/fakeApi.ts';
import { buildUser } from '../../../test/fixtures.ts';

type Modules = {
  ContactsScreen: typeof import('./ContactsScreen.tsx').ContactsScreen;
  TestProviders: typeof import('../../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../../api.ts').createApiClient;
};

const editor = buildUser({ id: 8, role: 'editor', displayName: 'Léa Rédac' });

/** A base of `size` contacts, named in order: `Contact 0001`… */
function base(size: number): TableRowDto[] {
  return Array.from({ length: size }, (_, index) => ({
    id: index + 1,
    entity: 'contact' as const,
    displayName: `Contact ${String(index + 1).padStart(4, '0')}`,
    firstName: 'Contact',
    lastName: String(index + 1).padStart(4, '0'),
    type: 'press',
    function: 'Journaliste',
    organisation: 'La Dépêche',
    email: `c${index + 1}@presse.test`,
    city: 'Toulouse',
    phone: '06 12 34 56 78',
    postalCode: '31000',
    updatedAt: '2026-12-03T09:00:00.000Z',
    contactCount: null,
  }));
}

/**
 * Answers `POST /api/targeting/rows` like the API over `rows`: by offset,
 * or after a cursor (here simply the index of the next row).
 */
function rowsRoute(rows: () => TableRowDto[]): FakeRoute {
  return (call) => {
    const request = call.body as RowsRequest;
    const all = rows();
    const start =
      (request.after ? Number(request.after) : 0) + (request.offset ?? 0);
    const limit = request.limit ?? 100;
    const items = all.slice(start, start + limit);
    const end = start + items.length;

    return ok({
      count: { matched: all.length, excluded: 0, included: all.length },
      items,
      next: end < all.length && items.length === limit ? String(end) : null,
      tookMs: 1,
    });
  };
}

function list(overrides: Partial<ListDto> = {}): ListDto {
  return {
    id: 3,
    name: 'Presse régionale',
    description: null,
    entity: 'contact',
    owner: { id: 2, displayName: 'Claire Admin' },
    sourceDefinition: null,
    memberCount: 12,
    pendingCount: 0,
    canManage: false,
    version: 1,
    createdAt: '2026-12-01T09:00:00Z',
    updatedAt: '2026-12-01T09:00:00Z',
    ...overrides,
  };
}

describe('ContactsScreen', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [screen, providers, api] = await Promise.all([
      import('./ContactsScreen.tsx'),
      import('../../../test/TestProviders.tsx'),
      import('../../../api.ts'),
    ]);
    m = {
      ContactsScreen: screen.ContactsScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderScreen(
    routes: Record<string, FakeRoute>,
    user: UserDto = editor,
  ) {
    const api = fakeApi(routes);
    const session = { user, signOut: () => undefined, expire: () => undefined };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
      >
        <m.ContactsScreen />
      </m.TestProviders>,
    );

    return { view, api };
  }

  const rowCalls = (api: ReturnType<typeof renderScreen>['api']) =>
    api.calls
      .filter((call) => call.path === '/api/targeting/rows')
      .map((call) => call.body as RowsRequest & { query: TargetQuery });

  /** The table's row for a contact, once drawn. */
  const rowOf = async (
    view: ReturnType<typeof renderScreen>['view'],
    name: string,
  ) =>
    (await view.findByRole('link', { name })).closest(
      '[role="row"]',
    ) as HTMLElement;

  const scrollTo = (grid: HTMLElement, top: number) => {
    grid.scrollTop = top;
    dom.fireEvent.scroll(grid);
  };

  it('reads the pages in view: by cursor after a loaded page, by offset further away', async () => {
    const rows = base(1000);
    const { view, api } = renderScreen({
      'POST /api/targeting/rows': rowsRoute(() => rows),
    });

    const grid = await view.findByRole('grid', {
      name: 'Tableau des contacts',
    });
    expect(grid.getAttribute('aria-rowcount')).to.equal('1001');
    expect(await view.findByText(/^1\s000 contacts$/)).to.exist;
    expect(rowCalls(api)).to.have.length(1);
    expect(rowCalls(api)[0]).to.deep.include({ offset: 0, limit: 100 });
    expect(rowCalls(api)[0]!.after).to.equal(undefined);

    // Rows 87 to 117 come into view: page 1 follows page 0's cursor.
    scrollTo(grid, 95 * 44);
    await view.findByRole('link', { name: 'Contact 0110' });
    expect(rowCalls(api)[1]).to.deep.include({ after: '100', offset: 0 });

    // A jump to row 600: read from its offset.
    scrollTo(grid, 600 * 44);
    await view.findByRole('link', { name: 'Contact 0601' });
    const far = rowCalls(api).slice(2);
    expect(far.map((call) => call.offset)).to.include(600);
    expect(far.every((call) => call.after === undefined)).to.equal(true);
  });

  it('ticks a row per click, a run with Shift, reading the ids of rows not loaded', async () => {
    const rows = base(1000);
    const { view, api } = renderScreen({
      'POST /api/targeting/rows': rowsRoute(() => rows),
      'POST /api/targeting/ids': (call) => {
        const { offset, limit } = call.body as {
          offset: number;
          limit: number;
        };
        return ok({
          ids: rows.slice(offset, offset + limit).map((row) => row.id),
          tookMs: 1,
        });
      },
    });

    dom.fireEvent.click(await rowOf(view, 'Contact 0002'));
    dom.fireEvent.click(await rowOf(view, 'Contact 0005'), { shiftKey: true });
    const bar = await view.findByRole('region', { name: 'Sélection' });
    expect(bar.textContent).to.include('4 sélectionnés');
    expect(
      view
        .getAllByRole('row', { selected: true })
        .map((row) => row.textContent),
    ).to.have.length(4);
    expect(
      api.calls.some((call) => call.path === '/api/targeting/ids'),
    ).to.equal(false);

    // Unticked again by a plain click.
    dom.fireEvent.click(await rowOf(view, 'Contact 0003'));
    expect(bar.textContent).to.include('3 sélectionnés');

    // A run down to row 700, whose pages were never read.
    const grid = view.getByRole('grid');
    scrollTo(grid, 690 * 44);
    dom.fireEvent.click(await rowOf(view, 'Contact 0700'), { shiftKey: true });
    await dom.waitFor(() =>
      expect(bar.textContent).to.include('699 sélectionnés'),
    );
    const ids = api.calls.find((call) => call.path === '/api/targeting/ids');
    expect(ids?.body).to.deep.include({ offset: 2, limit: 698 });

    dom.fireEvent.click(
      dom.within(bar).getByRole('button', {
        name: /Sélectionner les 1\s000 contacts correspondants/,
      }),
    );
    expect(bar.textContent).to.match(
      /Les 1\s000 contacts correspondants sont sélectionnés/,
    );
  });

  it('moves with the arrows, ticks with Space, opens the card with Enter', async () => {
    const rows = base(30);
    const { view } = renderScreen({
      'POST /api/targeting/rows': rowsRoute(() => rows),
    });

    const first = await rowOf(view, 'Contact 0001');
    first.focus();
    dom.fireEvent.keyDown(first, { key: 'ArrowDown' });
    const second = await rowOf(view, 'Contact 0002');
    await dom.waitFor(() => expect(document.activeElement).to.equal(second));
    dom.fireEvent.keyDown(second, { key: 'ArrowDown' });
    const third = await rowOf(view, 'Contact 0003');
    await dom.waitFor(() => expect(document.activeElement).to.equal(third));
    dom.fireEvent.keyDown(third, { key: ' ' });
    expect(third.getAttribute('aria-selected')).to.equal('true');
    dom.fireEvent.keyDown(third, { key: 'ArrowDown', shiftKey: true });
    expect(
      (await rowOf(view, 'Contact 0004')).getAttribute('aria-selected'),
    ).to.equal('true');

    dom.fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(window.location.hash).to.equal('#/contacts/4');
  });

  it('keeps the columns chosen for the person, and says so on the next visit', async () => {
    const rows = base(5);
    const routes = { 'POST /api/targeting/rows': rowsRoute(() => rows) };
    const first = renderScreen(routes);
    await first.view.findByRole('grid');
    const headers = () =>
      first.view.getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers()).to.include('Fonction');

    dom.fireEvent.click(first.view.getByRole('button', { name: 'Colonnes' }));
    const panel = first.view.getByRole('group', { name: 'Colonnes affichées' });
    dom.fireEvent.click(
      dom.within(panel).getByRole('checkbox', { name: 'Fonction' }),
    );
    dom.fireEvent.click(
      dom.within(panel).getByRole('checkbox', { name: 'Téléphone' }),
    );
    expect(headers()).to.not.include('Fonction');
    expect(headers()).to.include('Téléphone');
    expect(
      JSON.parse(
        window.localStorage.getItem('relais.columns.contact.8') ?? '[]',
      ),
    ).to.deep.equal(['name', 'organisation', 'type', 'email', 'phone', 'city']);
    first.view.unmount();

    const again = renderScreen(routes);
    await again.view.findByRole('grid');
    const next = again.view
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(next).to.include('Téléphone');
    expect(next).to.not.include('Fonction');
    again.view.unmount();

    // Another person on the same browser keeps the defaults.
    const other = renderScreen(routes, buildUser({ id: 9, role: 'editor' }));
    await other.view.findByRole('grid');
    expect(
      other.view.getAllByRole('columnheader').map((cell) => cell.textContent),
    ).to.include('Fonction');
  });

  it('deletes the selection, then brings it back with « Annuler »', async () => {
    let rows = base(12);
    const { view, api } = renderScreen({
      'POST /api/targeting/rows': rowsRoute(() => rows),
      'POST /api/contacts/deletions': () => {
        rows = rows.filter((row) => row.id !== 2 && row.id !== 3);
        return {
          status: 201,
          body: {
            id: 77,
            deleted: 2,
            undoUntil: new Date(Date.now() + 600_000).toISOString(),
          },
        };
      },
      'POST /api/contacts/deletions/77/undo': () => {
        rows = base(12);
        return ok({ id: 77, restored: 2 });
      },
    });

    dom.fireEvent.click(await rowOf(view, 'Contact 0002'));
    dom.fireEvent.click(await rowOf(view, 'Contact 0003'));
    dom.fireEvent.click(await view.findByRole('button', { name: 'Supprimer' }));
    const confirm = await view.findByRole('alertdialog', {
      name: 'Supprimer 2 contacts ?',
    });
    expect(confirm.textContent).to.include('pendant 10 minutes');
    dom.fireEvent.click(
      dom.within(confirm).getByRole('button', { name: 'Supprimer' }),
    );

    const undo = await view.findByRole('button', { name: 'Annuler' });
    expect(view.getByText('2 contacts supprimés.')).to.exist;
    const deletion = api.calls.find(
      (call) => call.path === '/api/contacts/deletions',
    );
    expect(deletion?.body).to.deep.equal({
      query: {
        entity: 'contact',
        where: {
          op: 'and',
          items: [{ field: 'id', operator: 'in', value: [2, 3] }],
        },
      },
      expected: 2,
    });
    await dom.waitFor(() =>
      expect(view.queryByRole('link', { name: 'Contact 0002' })).to.equal(null),
    );
    expect(view.queryByRole('region', { name: 'Sélection' })).to.equal(null);
    await dom.waitFor(() => expect(document.activeElement).to.equal(undo));

    dom.fireEvent.click(undo);
    expect(await view.findByText('2 contacts restaurés.')).to.exist;
    expect(
      api.calls.some((call) => call.path === '/api/contacts/deletions/77/undo'),
    ).to.equal(true);
    expect(await view.findByRole('link', { name: 'Contact 0002' })).to.exist;
    expect(view.queryByRole('button', { name: 'Annuler' })).to.equal(null);
  });

  it('adds the selection to a colleague’s list as a request, and says so', async () => {
    const rows = base(8);
    const { view, api } = renderScreen({
      'POST /api/targeting/rows': rowsRoute(() => rows),
      'GET /api/lists': () =>
        ok({ items: [list()], total: 1, page: 1, pageSize: 200 }),
      'POST /api/lists/3/members/add': () =>
        ok({
          mode: 'requested',
          applied: [],
          requests: [101, 102],
          alreadyMember: [],
          notMember: [],
          alreadyPending: [],
        }),
    });

    dom.fireEvent.click(await rowOf(view, 'Contact 0001'));
    dom.fireEvent.click(await rowOf(view, 'Contact 0004'));
    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Ajouter à une liste' }),
    );
    const dialog = await view.findByRole('dialog', {
      name: 'Ajouter 2 contacts à une liste',
    });
    const select = await dom
      .within(dialog)
      .findByRole('combobox', { name: /Liste/ });
    // « List (owner's long name) » may be wider than a phone: the select,
    // its wrapper and its field shrink to the dialog instead.
    for (const box of [select, select.parentElement!, select.closest('div')!]) {
      const style = getComputedStyle(box);
      expect([style.minWidth, style.maxWidth]).to.deep.equal(['0px', '100%']);
    }
    dom.fireEvent.change(select, { target: { value: '3' } });
    expect(dialog.textContent).to.include(
      'Cette liste appartient à Claire Admin : vos ajouts lui seront proposés',
    );
    dom.fireEvent.click(
      dom.within(dialog).getByRole('button', { name: 'Proposer 2 ajouts' }),
    );
    expect(
      await dom.within(dialog).findByText(/2 ajouts proposés à Claire Admin/),
    ).to.exist;
    const added = api.calls.find(
      (call) => call.path === '/api/lists/3/members/add',
    );
    expect(added?.body).to.deep.equal({ entity: 'contact', ids: [1, 4] });
  });

  it('filters as one types, and says what to do when nothing matches', async () => {
    const rows = base(40);
    const { view, api } = renderScreen({
      'POST /api/targeting/rows': rowsRoute(() => {
        const last = rowCalls(api).at(-1);
        return last?.query.where.items.length ? [] : rows;
      }),
    });
    await view.findByRole('grid');

    dom.fireEvent.change(
      view.getByRole('searchbox', { name: /Filtrer les contacts/ }),
      {
        target: { value: 'zzz dupont' },
      },
    );
    expect(
      await view.findByRole('heading', { name: 'Aucun contact ne correspond' }),
    ).to.exist;
    expect(rowCalls(api).at(-1)?.query).to.deep.equal({
      entity: 'contact',
      where: {
        op: 'and',
        items: [{ field: 'text', operator: 'contains', value: 'zzz dupont' }],
      },
    });

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Effacer les filtres' }),
    );
    expect(await view.findByRole('grid')).to.exist;
  });

  it('tells an editor of an empty base who fills it', async () => {
    const { view } = renderScreen({
      'POST /api/targeting/rows': rowsRoute(() => []),
    });

    expect(
      await view.findByRole('heading', {
        name: 'Aucun contact pour l’instant',
      }),
    ).to.exist;
    expect(view.getByText(/Un administrateur importe les contacts/)).to.exist;
    expect(view.queryByRole('grid')).to.equal(null);
  });
});

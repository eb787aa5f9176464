/// <reference types="mocha" />
import { expect } from 'chai';
import type { RowsRequest, TableRowDto, TargetQuery } from 'core-api/client';
import { setupDom } from '../../../test/dom.ts';
import { fakeApi, ok } from '../../../test/fakeApi.ts';
import { buildUser } from '../../../test/fixtures.ts';

type Modules = {
  CompaniesScreen: typeof import('./CompaniesScreen.tsx').CompaniesScreen;
  TestProviders: typeof import('../../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../../api.ts').createApiClient;
};

const companies: TableRowDto[] = ['Le Monde', 'Sud Ouest', 'La Dépêche'].map(
  (name, index) => ({
    id: index + 1,
    entity: 'company',
    displayName: name,
    firstName: null,
    lastName: null,
    type: 'Quotidien',
    function: null,
    organisation: name,
    email: null,
    city: 'Paris',
    phone: null,
    postalCode: '75001',
    updatedAt: '2026-12-03T09:00:00.000Z',
    contactCount: (index + 1) * 12,
  }),
);

describe('CompaniesScreen', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [screen, providers, api] = await Promise.all([
      import('./CompaniesScreen.tsx'),
      import('../../../test/TestProviders.tsx'),
      import('../../../api.ts'),
    ]);
    m = {
      CompaniesScreen: screen.CompaniesScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderScreen() {
    const api = fakeApi({
      'POST /api/targeting/rows': () =>
        ok({
          count: { matched: 3, excluded: 0, included: 3 },
          items: companies,
          next: null,
          tookMs: 1,
        }),
    });
    const session = {
      user: buildUser({ id: 4 }),
      signOut: () => undefined,
      expire: () => undefined,
    };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
      >
        <m.CompaniesScreen />
      </m.TestProviders>,
    );
    const requests = () =>
      api.calls
        .filter((call) => call.path === '/api/targeting/rows')
        .map((call) => call.body as RowsRequest & { query: TargetQuery });

    return { view, requests };
  }

  it('lists companies with their linked contacts, sorted by a header', async () => {
    const { view, requests } = renderScreen();
    const grid = await view.findByRole('grid', {
      name: 'Tableau des sociétés',
    });
    expect(view.getByText('3 sociétés')).to.exist;
    expect(requests()[0]?.query.entity).to.equal('company');
    const sud = dom.within(grid).getByRole('link', { name: 'Sud Ouest' });
    const row = sud.closest('[role="row"]') as HTMLElement;
    expect(
      dom
        .within(row)
        .getAllByRole('gridcell')
        .map((cell) => cell.textContent),
    ).to.include('24');
    // Companies are opened, not ticked.
    expect(grid.getAttribute('aria-multiselectable')).to.equal(null);
    expect(dom.within(grid).queryAllByRole('checkbox')).to.deep.equal([]);

    dom.fireEvent.click(view.getByRole('button', { name: 'Trier par Ville' }));
    await dom.waitFor(() =>
      expect(requests().at(-1)?.sort).to.deep.equal({
        by: 'city',
        direction: 'asc',
      }),
    );
    const header = view
      .getAllByRole('columnheader')
      .find((cell) => cell.textContent?.startsWith('Ville'));
    expect(header?.getAttribute('aria-sort')).to.equal('ascending');
  });

  it('opens a company card with Enter, and filters on free text', async () => {
    const { view, requests } = renderScreen();
    const link = await view.findByRole('link', { name: 'La Dépêche' });
    const row = link.closest('[role="row"]') as HTMLElement;
    row.focus();
    dom.fireEvent.keyDown(row, { key: 'Enter' });
    expect(window.location.hash).to.equal('#/companies/3');

    dom.fireEvent.change(
      view.getByRole('searchbox', { name: /Filtrer les sociétés/ }),
      { target: { value: 'monde' } },
    );
    await dom.waitFor(() =>
      expect(requests().at(-1)?.query.where.items).to.deep.equal([
        { field: 'text', operator: 'contains', value: 'monde' },
      ]),
    );
  });
});

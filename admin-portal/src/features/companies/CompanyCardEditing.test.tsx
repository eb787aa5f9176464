/// <reference types="mocha" />
import { expect } from 'chai';
import type { CompanyDto, CompanyInput } from 'core-api/client';
import {
  auditPage,
  buildAuditEvent,
  sessionOf,
  staleVersion,
} from '../../test/cardFixtures.ts';
import { setupDom } from '../../test/dom.ts';
import { fakeApi, ok, type FakeRoute } from '../../test/fakeApi.ts';
import { buildFullCompany } from '../../test/fixtures.ts';

type Modules = {
  CompanyCard: typeof import('./CompanyCard.tsx').CompanyCard;
  NewCompanyPage: typeof import('./NewCompanyPage.tsx').NewCompanyPage;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const sectors = {
  items: [
    {
      id: 20,
      kind: 'sector',
      label: 'Médias',
      labelEn: null,
      parentId: null,
      position: 0,
      deletedAt: null,
    },
    {
      id: 21,
      kind: 'sector',
      label: 'Édition',
      labelEn: null,
      parentId: null,
      position: 1,
      deletedAt: null,
    },
  ],
};

describe('CompanyCard editing and a new company', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [card, page, providers, api] = await Promise.all([
      import('./CompanyCard.tsx'),
      import('./NewCompanyPage.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      CompanyCard: card.CompanyCard,
      NewCompanyPage: page.NewCompanyPage,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function render(routes: Record<string, FakeRoute>, company?: CompanyDto) {
    const api = fakeApi({
      'GET /api/companies/5/lists': () => ok({ items: [] }),
      'GET /api/companies/5/audit': () => auditPage([]),
      'GET /api/taxonomy': () => ok(sectors),
      ...routes,
    });
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={sessionOf('editor')}
      >
        {company ? <m.CompanyCard company={company} /> : <m.NewCompanyPage />}
      </m.TestProviders>,
    );
    const bodies = (method: string, path: string) =>
      api.calls
        .filter((call) => call.method === method && call.path === path)
        .map((call) => call.body as CompanyInput & { version?: number });

    return { view, api, bodies };
  }

  it('edits the identity, sector from the taxonomy, and saves with the version read', async () => {
    const { view, bodies } = render(
      {
        'PUT /api/companies/5': () =>
          ok(
            buildFullCompany({
              name: 'Le Quotidien du Sud',
              sector: { id: 21, label: 'Édition' },
              version: 3,
            }),
          ),
      },
      buildFullCompany(),
    );

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Modifier : Identité' }),
    );
    dom.fireEvent.change(view.getByRole('textbox', { name: /^Nom/ }), {
      target: { value: 'Le Quotidien du Sud' },
    });
    const sector = view.getByRole('combobox', { name: 'Secteur' });
    await dom.waitFor(() =>
      expect(dom.within(sector).getAllByRole('option')).to.have.length(3),
    );
    dom.fireEvent.change(sector, { target: { value: '21' } });
    dom.fireEvent.keyDown(sector, { key: 's', metaKey: true });

    await dom.waitFor(() =>
      expect(bodies('PUT', '/api/companies/5')).to.have.length(1),
    );
    expect(bodies('PUT', '/api/companies/5')[0]).to.deep.include({
      version: 2,
      name: 'Le Quotidien du Sud',
      sectorId: 21,
      phone: '05.61.00.00.00',
      website: 'https://quotidien.test/',
      termIds: [30],
    });
    await view.findByRole('heading', { level: 1, name: 'Le Quotidien du Sud' });
  });

  it('shows who saved the company meanwhile and what differs', async () => {
    const fresh = buildFullCompany({ city: 'Montpellier', version: 3 });
    const { view, bodies } = render(
      {
        'PUT /api/companies/5': () => staleVersion(3),
        'GET /api/companies/5': () => ok(fresh),
        'GET /api/companies/5/audit': () =>
          auditPage([
            buildAuditEvent({
              entityType: 'company',
              actorLabel: 'Louise Rédaction',
              after: fresh,
              before: buildFullCompany(),
            }),
          ]),
      },
      buildFullCompany(),
    );

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Modifier : Coordonnées' }),
    );
    dom.fireEvent.change(view.getByRole('textbox', { name: 'Ville' }), {
      target: { value: 'Albi' },
    });
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));

    const alert = (await view.findAllByRole('alert')).find((a) =>
      a.textContent?.includes('Fiche modifiée entre-temps'),
    ) as HTMLElement;
    expect(alert.textContent).to.contain(
      'Louise Rédaction a enregistré cette fiche le 01/12/2026 10:00',
    );
    expect(alert.textContent).to.contain(
      'Ville (modifié des deux côtés) : sa version « Montpellier », votre saisie « Albi »',
    );
    expect(bodies('PUT', '/api/companies/5')).to.have.length(1);
  });

  it('checks a new company against the base: « LE MONDE SA » finds Le Monde', async () => {
    const { view, bodies } = render({
      'POST /api/companies/possible-duplicates': () =>
        ok({
          items: [
            {
              company: {
                id: 9,
                name: 'Le Monde',
                companyType: 'Quotidien national',
                city: 'Paris',
                contactCount: 12,
                updatedAt: '2026-11-02T10:00:00Z',
              },
              outcome: 'same',
              fields: ['name', 'website'],
            },
          ],
        }),
      'POST /api/companies': () => ({
        status: 201,
        body: buildFullCompany({ id: 31, name: 'LE MONDE SA' }),
      }),
    });

    dom.fireEvent.change(view.getByRole('textbox', { name: /^Nom/ }), {
      target: { value: 'LE MONDE SA' },
    });
    dom.fireEvent.change(view.getByRole('textbox', { name: 'Site web' }), {
      target: { value: 'https://www.lemonde.fr' },
    });
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Vérifier et créer' }),
    );

    const found = await view.findByRole('region', {
      name: /Déjà dans la base \?/,
    });
    expect(
      dom
        .within(found)
        .getByRole('link', { name: 'Ouvrir Le Monde' })
        .getAttribute('href'),
    ).to.equal('#/companies/9');
    expect(found.textContent).to.contain('12 contacts');
    expect(found.textContent).to.contain('en commun : nom du média, site web');
    expect(
      bodies('POST', '/api/companies/possible-duplicates')[0],
    ).to.deep.include({
      name: 'LE MONDE SA',
      website: 'https://www.lemonde.fr',
      country: 'FR',
    });

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Revenir à la saisie' }),
    );
    expect(view.queryByRole('region', { name: /Déjà dans la base/ })).to.equal(
      null,
    );
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Vérifier et créer' }),
    );
    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Créer quand même' }),
    );
    await dom.waitFor(() =>
      expect(window.location.hash).to.equal('#/companies/31'),
    );
  });
});

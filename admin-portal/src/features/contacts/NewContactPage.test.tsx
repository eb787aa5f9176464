/// <reference types="mocha" />
import { expect } from 'chai';
import type { ContactInput } from 'core-api/client';
import { describedText, refusedFields } from '../../test/cardFixtures.ts';
import { setupDom } from '../../test/dom.ts';
import { fakeApi, ok, type FakeRoute } from '../../test/fakeApi.ts';
import { buildLiveContact } from '../../test/cardFixtures.ts';

type Modules = {
  NewContactPage: typeof import('./NewContactPage.tsx').NewContactPage;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
  parseRoute: typeof import('../../routing/route.ts').parseRoute;
};

const camille = {
  id: 42,
  displayName: 'Camille Durand-Lefèvre',
  civility: 'MME',
  firstName: 'Camille',
  lastName: 'Durand-Lefèvre',
  contactType: 'press',
  primaryEmail: 'camille.durand@quotidien.test',
  primaryPhone: null,
  company: 'Le Quotidien du Midi',
  function: 'Rédactrice en chef',
  city: 'Paris',
  updatedAt: '2026-07-10T16:45:00Z',
};

describe('NewContactPage', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [page, providers, api, route] = await Promise.all([
      import('./NewContactPage.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
      import('../../routing/route.ts'),
    ]);
    m = {
      NewContactPage: page.NewContactPage,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
      parseRoute: route.parseRoute,
    };
  });

  function renderPage(routes: Record<string, FakeRoute>) {
    const api = fakeApi(routes);
    const view = dom.render(
      <m.TestProviders client={m.createApiClient({ fetch: api.fetch })}>
        <m.NewContactPage />
      </m.TestProviders>,
    );
    const type = (label: string, value: string) =>
      dom.fireEvent.change(view.getByRole('textbox', { name: label }), {
        target: { value },
      });
    const sent = (path: string) =>
      api.calls
        .filter((call) => call.path === path)
        .map((call) => call.body as ContactInput);

    return { view, api, type, sent };
  }

  it('is the screen at #/contacts/new', () => {
    expect(m.parseRoute('#/contacts/new')).to.deep.equal({
      name: 'contactNew',
    });
  });

  it('shows the contacts it may duplicate, then creates anyway on request', async () => {
    const { view, type, sent } = renderPage({
      'POST /api/contacts/possible-duplicates': () =>
        ok({
          items: [
            {
              contact: camille,
              score: 14.2,
              outcome: 'same',
              fields: ['email', 'lastName'],
            },
          ],
        }),
      'POST /api/contacts': () => ({
        status: 201,
        body: buildLiveContact({ id: 77 }),
      }),
    });

    type('Prénom', 'Camille');
    type('Nom', 'Durand Lefèvre');
    type('E-mail', 'camille.durand@quotidien.test');
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Vérifier et créer' }),
    );

    const found = await view.findByRole('region', {
      name: 'Déjà dans la base ? 1 fiche ressemble à votre saisie',
    });
    expect(
      dom
        .within(found)
        .getByRole('link', { name: 'Ouvrir Camille Durand-Lefèvre' })
        .getAttribute('href'),
    ).to.equal('#/contacts/42');
    expect(found.textContent).to.contain('sans doute la même');
    expect(found.textContent).to.contain('en commun : e-mail, nom');
    expect(found.textContent).to.contain('Rédactrice en chef');
    const [checked] = sent('/api/contacts/possible-duplicates');
    // The blank phone and company lines are left out, not refused.
    expect(checked).to.deep.include({
      firstName: 'Camille',
      lastName: 'Durand Lefèvre',
      phones: [],
      affiliations: [],
    });
    expect(checked?.emails).to.deep.equal([
      {
        address: 'camille.durand@quotidien.test',
        label: 'work',
        isPrimary: true,
      },
    ]);
    expect(sent('/api/contacts')).to.deep.equal([]);

    dom.fireEvent.click(view.getByRole('button', { name: 'Créer quand même' }));
    await dom.waitFor(() =>
      expect(window.location.hash).to.equal('#/contacts/77'),
    );
    expect(sent('/api/contacts')).to.deep.equal([checked]);
  });

  it('creates at once when the base holds nobody alike', async () => {
    const { view, type, sent } = renderPage({
      'POST /api/contacts/possible-duplicates': () => ok({ items: [] }),
      'POST /api/contacts': () => ({
        status: 201,
        body: buildLiveContact({ id: 78 }),
      }),
    });

    type('Nom', 'Quintard');
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Vérifier et créer' }),
    );

    await dom.waitFor(() =>
      expect(window.location.hash).to.equal('#/contacts/78'),
    );
    expect(sent('/api/contacts')[0]).to.deep.include({ lastName: 'Quintard' });
  });

  it('shows the API’s refusal beside the field, and a date problem before sending', async () => {
    const { view, type, sent } = renderPage({
      'POST /api/contacts/possible-duplicates': () =>
        refusedFields([
          {
            path: 'lastName',
            message:
              'un nom, un prénom, un e-mail ou une société est requis / ' +
              'a surname, first name, email or company is required',
          },
        ]),
    });

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Vérifier et créer' }),
    );
    await dom.waitFor(() =>
      expect(
        describedText(view.getByRole('textbox', { name: 'Nom' })),
      ).to.contain('un nom, un prénom, un e-mail ou une société est requis'),
    );

    dom.fireEvent.click(view.getByRole('button', { name: 'Plus de champs' }));
    type('Date de naissance', 'juillet 1975');
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Vérifier et créer' }),
    );
    await dom.waitFor(() =>
      expect(
        describedText(view.getByRole('textbox', { name: 'Date de naissance' })),
      ).to.contain('Date attendue au format jj/mm/aaaa ou jj/mm.'),
    );
    type('Date de naissance', '31/02/1980');
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Vérifier et créer' }),
    );
    await dom.waitFor(() =>
      expect(
        describedText(view.getByRole('textbox', { name: 'Date de naissance' })),
      ).to.contain('Date impossible : 31/02/1980.'),
    );
    expect(sent('/api/contacts/possible-duplicates')).to.have.length(1);
  });
});

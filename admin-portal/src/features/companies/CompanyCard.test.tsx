/// <reference types="mocha" />
import { expect } from 'chai';
import { companyDto, type CompanyDto } from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import { fakeApi, ok } from '../../test/fakeApi.ts';
import { buildFullCompany } from '../../test/fixtures.ts';

type Modules = {
  CompanyCard: typeof import('./CompanyCard.tsx').CompanyCard;
  CompanyPage: typeof import('./CompanyPage.tsx').CompanyPage;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

describe('CompanyCard', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [card, page, providers, api] = await Promise.all([
      import('./CompanyCard.tsx'),
      import('./CompanyPage.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      CompanyCard: card.CompanyCard,
      CompanyPage: page.CompanyPage,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  it('shows every attribute of a company and links its contacts to their cards', () => {
    const { fetch } = fakeApi({});
    const view = dom.render(
      <m.TestProviders client={m.createApiClient({ fetch })}>
        <m.CompanyCard company={buildFullCompany()} />
      </m.TestProviders>,
    );
    const section = (name: string) => view.getByRole('region', { name });
    const value = (sectionName: string, label: string) =>
      dom.within(section(sectionName)).getByText(label, { selector: 'dt' })
        .nextElementSibling?.textContent;
    const link = (name: string) =>
      view.getByRole('link', { name }).getAttribute('href');

    const checks: Record<keyof CompanyDto, () => void> = {
      id: () => expect(value('Provenance', 'Identifiant')).to.equal('5'),
      name: () => {
        const heading = view.getByRole('heading', { level: 1 });
        expect(heading.textContent).to.equal('Le Quotidien du Midi');
        expect(value('Identité', 'Nom')).to.equal('Le Quotidien du Midi');
      },
      legalName: () =>
        expect(value('Identité', 'Raison sociale')).to.equal(
          'SAS Éditions du Midi',
        ),
      companyType: () =>
        expect(value('Identité', 'Type')).to.equal(
          'Presse quotidienne régionale',
        ),
      sector: () => expect(value('Identité', 'Secteur')).to.equal('Médias'),
      origin: () =>
        expect(value('Identité', 'Origine')).to.equal('Saisie manuelle'),
      street: () =>
        expect(value('Coordonnées', 'Adresse')).to.contain(
          '8 allée Jean Jaurès',
        ),
      street2: () =>
        expect(value('Coordonnées', 'Adresse')).to.contain('Immeuble Le Phare'),
      postalCode: () =>
        expect(value('Coordonnées', 'Adresse')).to.contain('31000 Toulouse'),
      city: () =>
        expect(value('Coordonnées', 'Adresse')).to.contain('Toulouse'),
      region: () =>
        expect(value('Coordonnées', 'Adresse')).to.contain('Occitanie'),
      country: () =>
        expect(value('Coordonnées', 'Adresse')).to.contain('France'),
      phone: () => expect(link('05 61 00 00 00')).to.equal('tel:+33561000000'),
      fax: () => expect(link('05 61 00 00 01')).to.equal('tel:+33561000001'),
      email: () =>
        expect(link('redaction@quotidien.test')).to.equal(
          'mailto:redaction@quotidien.test',
        ),
      website: () =>
        expect(link('https://quotidien.test/')).to.equal(
          'https://quotidien.test/',
        ),
      socialAccounts: () =>
        expect(value('Coordonnées', 'Réseaux sociaux')).to.equal(
          'Blueskyquotidien.test',
        ),
      notes: () =>
        expect(section('Notes').textContent).to.contain('Bouclage à 22 h.'),
      terms: () =>
        expect(value('Classement', 'Catégories')).to.equal('Presse régionale'),
      contacts: () => {
        const items = dom
          .within(section('Contacts liés'))
          .getAllByRole('listitem');
        expect(items.map((item) => item.textContent)).to.deep.equal([
          'Camille Durand-LefèvreRédactrice en chefPresseactuelle',
          'Jean DupontPartenairepassée',
        ]);
        expect(link('Camille Durand-Lefèvre')).to.equal('#/contacts/42');
        expect(link('Jean Dupont')).to.equal('#/contacts/43');
      },
      fieldSources: () =>
        expect(
          dom
            .within(section('Provenance'))
            .getAllByRole('row')
            .map((row) => row.textContent),
        ).to.deep.equal(['ChampSourceDate', 'Site webuser:304/05/2026 12:00']),
      version: () => expect(value('Provenance', 'Version')).to.equal('2'),
      createdAt: () =>
        expect(value('Provenance', 'Créée le')).to.equal('10/01/2026 08:30'),
      updatedAt: () =>
        expect(value('Provenance', 'Modifiée le')).to.equal('04/05/2026 12:00'),
      deletedAt: () =>
        expect(value('Provenance', 'Supprimée le')).to.equal('Non renseigné'),
    };

    expect(Object.keys(checks).sort()).to.deep.equal(
      Object.keys(companyDto.shape).sort(),
    );
    for (const check of Object.values(checks)) check();
  });

  it('loads the company by its id', async () => {
    const api = fakeApi({
      'GET /api/companies/5': () => ok(buildFullCompany()),
    });
    const view = dom.render(
      <m.TestProviders client={m.createApiClient({ fetch: api.fetch })}>
        <m.CompanyPage id={5} />
      </m.TestProviders>,
    );

    expect(
      (await view.findByRole('heading', { level: 1 })).textContent,
    ).to.equal('Le Quotidien du Midi');
    expect(api.calls.map((call) => call.path)).to.deep.equal([
      '/api/companies/5',
      '/api/companies/5/lists',
      '/api/companies/5/audit',
    ]);
  });
});

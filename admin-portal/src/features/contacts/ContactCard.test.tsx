/// <reference types="mocha" />
import { expect } from 'chai';
import { contactDto, type ContactDto } from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import { fail, fakeApi, ok } from '../../test/fakeApi.ts';
import { buildFullContact } from '../../test/fixtures.ts';

type Modules = {
  ContactCard: typeof import('./ContactCard.tsx').ContactCard;
  ContactPage: typeof import('./ContactPage.tsx').ContactPage;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

describe('ContactCard', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [card, page, providers, api] = await Promise.all([
      import('./ContactCard.tsx'),
      import('./ContactPage.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      ContactCard: card.ContactCard,
      ContactPage: page.ContactPage,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderCard(contact: ContactDto) {
    const { fetch } = fakeApi({});
    const view = dom.render(
      <m.TestProviders client={m.createApiClient({ fetch })}>
        <m.ContactCard contact={contact} />
      </m.TestProviders>,
    );
    const section = (name: string) => view.getByRole('region', { name });
    /** The value shown beside `label` in the section named `sectionName`. */
    const value = (sectionName: string, label: string) => {
      const term = dom
        .within(section(sectionName))
        .getByText(label, { selector: 'dt' });

      return term.nextElementSibling as HTMLElement;
    };
    const link = (name: string) =>
      view.getByRole('link', { name }).getAttribute('href');

    return { view, section, value, link };
  }

  it('shows every attribute of a full contact', () => {
    const contact = buildFullContact();
    const { view, section, value, link } = renderCard(contact);
    const text = (element: Element) => element.textContent ?? '';
    const header = view
      .getByRole('article')
      .querySelector('header') as HTMLElement;

    // One check per attribute: a field added to ContactDto fails this test
    // (by type and at run time below) until the card shows it.
    const checks: Record<keyof ContactDto, () => void> = {
      id: () => expect(text(value('Provenance', 'Identifiant'))).to.equal('42'),
      displayName: () =>
        expect(view.getByRole('heading', { level: 1 }).textContent).to.equal(
          'Docteure Camille Durand-Lefèvre',
        ),
      civility: () =>
        expect(text(value('Identité', 'Civilité'))).to.equal('Mme'),
      title: () =>
        expect(text(value('Identité', 'Titre'))).to.equal('Docteure'),
      firstName: () =>
        expect(text(value('Identité', 'Prénom'))).to.equal('Camille'),
      lastName: () =>
        expect(text(value('Identité', 'Nom'))).to.equal('Durand-Lefèvre'),
      birthDate: () =>
        expect(text(value('Identité', 'Date de naissance'))).to.equal(
          '14/07/1975',
        ),
      contactType: () => {
        expect(text(value('Identité', 'Type de contact'))).to.equal('Presse');
        expect(text(header)).to.contain('Presse');
      },
      preferredChannel: () =>
        expect(text(value('Identité', 'Canal préféré'))).to.equal('SMS'),
      origin: () =>
        expect(text(value('Identité', 'Origine'))).to.equal(
          'Import Excel presse 2026',
        ),
      intermediary: () => {
        expect(link('Paul Martin')).to.equal('#/contacts/88');
        expect(text(value('Identité', 'Intermédiaire'))).to.contain(
          'Rôle : Attaché de presse',
        );
      },
      notes: () =>
        expect(text(section('Notes'))).to.contain(
          'Préfère être appelée le matin.\nJamais le vendredi.',
        ),
      doNotContact: () => {
        expect(text(header)).to.contain('Ne pas contacter');
        expect(text(header)).to.contain(
          'Cette personne ne doit recevoir aucune sollicitation.',
        );
        expect(
          text(value('Préférences de contact', 'Ne pas contacter')),
        ).to.equal('Oui');
      },
      optOut: () => {
        expect(text(header)).to.contain(
          'Opposition aux envois par : SMS et Courrier.',
        );
        expect(text(value('Préférences de contact', 'E-mail'))).to.equal(
          'Accepté',
        );
        expect(text(value('Préférences de contact', 'SMS'))).to.equal('Refusé');
        expect(text(value('Préférences de contact', 'Courrier'))).to.equal(
          'Refusé',
        );
        expect(text(value('Préférences de contact', 'Téléphone'))).to.equal(
          'Accepté',
        );
      },
      emails: () => {
        const emails = dom
          .within(value('Coordonnées', 'E-mails'))
          .getAllByRole('listitem');
        expect(link('camille.durand@quotidien.test')).to.equal(
          'mailto:camille.durand@quotidien.test',
        );
        expect(link('camille@perso.test')).to.equal(
          'mailto:camille@perso.test',
        );
        expect(emails.map(text)).to.deep.equal([
          'camille.durand@quotidien.testProfessionnelprincipal',
          'camille@perso.testPersonnel',
        ]);
      },
      phones: () => {
        const phones = dom
          .within(value('Coordonnées', 'Téléphones'))
          .getAllByRole('listitem');
        expect(link('06 12 34 56 78')).to.equal('tel:+33612345678');
        expect(link('01 40 00 00 00')).to.equal('tel:+33140000000');
        expect(
          view.queryByRole('link', { name: 'standard poste 12' }),
        ).to.equal(null);
        expect(phones.map(text)).to.deep.equal([
          '06 12 34 56 78Mobilesaisi : 06.12.34.56.78principal',
          '01 40 00 00 00Bureau',
          'standard poste 12Fax',
        ]);
      },
      addresses: () => {
        const address = value('Coordonnées', 'Adresses');
        const lines = [...address.querySelectorAll('address > span')].map(text);
        expect(lines).to.deep.equal([
          '12 rue de la Paix',
          'Bâtiment B',
          '75002 Paris',
          'Île-de-France',
          'France',
        ]);
        expect(text(address)).to.contain('Professionnelle');
        expect(text(address)).to.contain('principal');
      },
      socialAccounts: () => {
        const accounts = value('Coordonnées', 'Réseaux sociaux');
        expect(link('camille-durand')).to.equal(
          'https://www.linkedin.com/in/camille-durand',
        );
        expect(text(accounts)).to.contain('LinkedIn');
        expect(text(accounts)).to.contain('Mastodon@camille@piaille.test');
        // A stored `javascript:` address is shown, never made clickable.
        expect(text(accounts)).to.contain('Autre réseaupiège');
        expect(view.queryByRole('link', { name: 'piège' })).to.equal(null);
      },
      affiliations: () => {
        const items = dom
          .within(section('Sociétés et fonctions'))
          .getAllByRole('listitem');
        expect(link('Le Quotidien du Midi')).to.equal('#/companies/5');
        expect(link('Radio Horizon')).to.equal('#/companies/6');
        expect(items.map(text)).to.deep.equal([
          'Le Quotidien du MidiactuelleprincipalFonctionRédactrice en chefServiceÉconomie' +
            'Depuis le 01/09/2019',
          'Radio HorizonpasséeFonctionChroniqueuseServiceMatinaleDu 15/01/2012 au 30/06/2018',
        ]);
      },
      terms: () => {
        expect(text(value('Classement', 'Domaines'))).to.equal(
          'CultureCulture › Cinéma',
        );
        expect(text(value('Classement', 'Secteurs'))).to.equal('Médias');
        expect(text(value('Classement', 'Catégories'))).to.equal('Vœux 2027');
      },
      fieldSources: () => {
        const rows = dom.within(section('Provenance')).getAllByRole('row');
        expect(rows.map((row) => [...row.children].map(text))).to.deep.equal([
          ['Champ', 'Source', 'Date'],
          ['Nom', 'import:12', '02/03/2026 09:15'],
          ['E-mails', 'outlook', '10/07/2026 18:45'],
        ]);
      },
      importBatchId: () =>
        expect(text(value('Provenance', 'Lot d’import'))).to.equal('12'),
      version: () => expect(text(value('Provenance', 'Version'))).to.equal('7'),
      createdAt: () =>
        expect(text(value('Provenance', 'Créée le'))).to.equal(
          '02/03/2026 09:15',
        ),
      updatedAt: () =>
        expect(text(value('Provenance', 'Modifiée le'))).to.equal(
          '10/07/2026 18:45',
        ),
      deactivatedAt: () =>
        expect(text(header)).to.contain(
          'Fiche désactivée le 21/11/2026 08:30 : le flux d’import',
        ),
      deletedAt: () => {
        expect(text(value('Provenance', 'Supprimée le'))).to.equal(
          '20/11/2026 10:00',
        );
        expect(text(header)).to.contain('Fiche supprimée le 20/11/2026 10:00.');
      },
    };

    expect(Object.keys(checks).sort()).to.deep.equal(
      Object.keys(contactDto.shape).sort(),
    );
    for (const check of Object.values(checks)) check();
  });

  it('writes a day-and-month birth date as dd/mm and says which values are missing', () => {
    const contact = buildFullContact({
      birthDate: '--07-14',
      civility: null,
      title: null,
      intermediary: null,
      emails: [],
      notes: null,
      doNotContact: false,
      optOut: { email: false, sms: false, post: false, phone: false },
      deletedAt: null,
    });
    const { view, value, section } = renderCard(contact);

    expect(value('Identité', 'Date de naissance').textContent).to.equal(
      '14/07',
    );
    for (const label of ['Civilité', 'Titre', 'Intermédiaire']) {
      expect(value('Identité', label).textContent, label).to.equal(
        'Non renseigné',
      );
    }
    expect(value('Coordonnées', 'E-mails').textContent).to.equal(
      'Non renseigné',
    );
    expect(section('Notes').textContent).to.contain('Non renseigné');
    const header = view
      .getByRole('article')
      .querySelector('header') as HTMLElement;
    expect(header.textContent).not.to.contain('Ne pas contacter');
    expect(header.textContent).not.to.contain('Opposition');
  });

  it('orders its headings: the name as h1, then one h2 per section', () => {
    const { view } = renderCard(buildFullContact());
    const headings = view
      .getAllByRole('heading')
      .map((h) => `${h.tagName} ${h.textContent}`);

    expect(headings).to.deep.equal([
      'H1 Docteure Camille Durand-Lefèvre',
      'H2 Identité',
      'H2 Coordonnées',
      'H2 Sociétés et fonctions',
      'H2 Classement',
      'H2 Préférences de contact',
      'H2 Notes',
      'H2 Listes',
      'H2 Historique',
      'H2 Journal des modifications',
      'H2 Provenance',
    ]);
  });

  it('loads the contact by its id, and shows the server’s message when it cannot', async () => {
    const api = fakeApi({
      'GET /api/contacts/42': () => ok(buildFullContact()),
      'GET /api/contacts/9': () =>
        fail(404, 'NOT_FOUND', 'Contact 9 introuvable.'),
    });
    const client = m.createApiClient({ fetch: api.fetch });
    const view = dom.render(
      <m.TestProviders client={client}>
        <m.ContactPage id={42} />
      </m.TestProviders>,
    );

    const heading = await view.findByRole('heading', { level: 1 });
    expect(heading.textContent).to.equal('Docteure Camille Durand-Lefèvre');
    expect(document.activeElement).to.equal(heading);

    view.rerender(
      <m.TestProviders client={client}>
        <m.ContactPage id={9} />
      </m.TestProviders>,
    );
    expect((await view.findByRole('alert')).textContent).to.contain(
      'Contact 9 introuvable.',
    );
    expect(api.calls.map((call) => call.path)).to.deep.equal([
      '/api/contacts/42',
      '/api/contacts/42/lists',
      '/api/contacts/42/interactions',
      '/api/contacts/42/audit',
      '/api/contacts/9',
    ]);
  });

  it('offers to try again after a network failure, not for a deleted contact', async () => {
    const api = fakeApi({
      'GET /api/contacts/7': () =>
        fail(
          410,
          'GONE',
          'Ce contact a été supprimé : un administrateur peut le restaurer.',
        ),
      'GET /api/contacts/8': () => ({ status: 502 }),
    });
    const client = m.createApiClient({ fetch: api.fetch });
    const view = dom.render(
      <m.TestProviders client={client}>
        <m.ContactPage id={7} />
      </m.TestProviders>,
    );
    const gone = await view.findByRole('alert');
    expect(gone.textContent).to.contain('un administrateur peut le restaurer');
    expect(dom.within(gone).queryByRole('button')).to.equal(null);

    view.rerender(
      <m.TestProviders client={client}>
        <m.ContactPage id={8} />
      </m.TestProviders>,
    );
    expect(await view.findByRole('button', { name: 'Réessayer' })).to.not.equal(
      null,
    );
  });

  it('ends the session when the API no longer accepts the token', async () => {
    const api = fakeApi({
      'GET /api/contacts/42': () =>
        fail(401, 'UNAUTHENTICATED', 'Connexion requise.'),
    });
    let expired = 0;
    const session = {
      user: null,
      signOut: () => undefined,
      expire: () => (expired += 1),
    };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
      >
        <m.ContactPage id={42} />
      </m.TestProviders>,
    );

    await view.findByRole('alert');
    expect(expired).to.equal(1);
  });
});

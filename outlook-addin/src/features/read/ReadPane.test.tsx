/// <reference types="mocha" />
import { expect } from 'chai';
import type { PersonCard } from 'core-api/client';
import type { ReadItem } from '../../office/mailbox.ts';
import { apiFake, useDom } from '../../test/dom.ts';

type Modules = {
  ReadPane: typeof import('./ReadPane.tsx').ReadPane;
  peopleOf: typeof import('./ReadPane.tsx').peopleOf;
  Providers: typeof import('../../test/render.tsx').Providers;
  clientOver: typeof import('../../test/render.tsx').clientOver;
};

const item: ReadItem = {
  mode: 'read',
  internetMessageId: '<abc@mail.test>',
  subject: 'Accréditation',
  sentAt: '2026-12-03T09:12:00.000Z',
  from: { address: 'lea.martin@quotidien.test', name: 'Léa Martin' },
  to: [
    { address: 'moi@relais.test', name: 'Moi' },
    { address: 'lea.martin@quotidien.test', name: 'Léa' },
  ],
  cc: [{ address: 'jeanne.petit@ouest.test', name: 'Jeanne Petit' }],
  owner: null,
  body: async () => 'Bonjour\n\nJeanne Petit\nJournaliste\nOuest Journal',
};

const leaCard: PersonCard = {
  contact: {
    id: 7,
    displayName: 'Léa Martin',
    civility: null,
    firstName: 'Léa',
    lastName: 'Martin',
    contactType: 'press',
    primaryEmail: 'lea.martin@quotidien.test',
    primaryPhone: null,
    company: 'Le Quotidien',
    function: 'Cheffe de rubrique',
    city: null,
    updatedAt: '2026-12-01T10:00:00Z',
  },
  lists: [{ id: 4, name: 'Presse culture' }],
  latest: [
    {
      id: 1,
      contactId: 7,
      companyId: null,
      kind: 'call',
      occurredAt: '2026-11-28T23:30:00Z',
      author: null,
      subject: 'Programme',
      summary: null,
      link: null,
      source: 'portal',
      externalId: null,
      createdAt: '2026-11-28T23:30:00Z',
      deletable: true,
    },
  ],
};

const people = {
  people: [
    { address: 'lea.martin@quotidien.test', contacts: [leaCard] },
    { address: 'moi@relais.test', contacts: [] },
    { address: 'jeanne.petit@ouest.test', contacts: [] },
  ],
};

const list = (id: number, name: string, canManage: boolean) => ({
  id,
  name,
  description: null,
  entity: 'contact',
  owner: { id: 2, displayName: 'Paul Propriétaire' },
  sourceDefinition: null,
  memberCount: 0,
  pendingCount: 0,
  canManage,
  version: 1,
  createdAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:00:00Z',
});

describe('ReadPane', () => {
  const { dom } = useDom();
  let m: Modules;

  before(async () => {
    m = {
      ...(await import('./ReadPane.tsx')),
      ...(await import('../../test/render.tsx')),
    };
  });

  function show(handlers: Parameters<typeof apiFake>[0]) {
    const fake = apiFake(handlers);
    dom().render(
      <m.Providers>
        <m.ReadPane
          client={m.clientOver(fake.fetch)}
          item={item}
          portalUrl="https://relais.test"
        />
      </m.Providers>,
    );

    return fake;
  }

  it('lists the sender first and each address once', () => {
    expect(m.peopleOf(item).map((p) => `${p.role} ${p.address}`)).to.deep.equal(
      [
        'from lea.martin@quotidien.test',
        'to moi@relais.test',
        'cc jeanne.petit@ouest.test',
      ],
    );
  });

  it('leaves out the address of the mailbox the message is read in', () => {
    const mine = { ...item, owner: 'moi@relais.test' };

    expect(m.peopleOf(mine).map((p) => p.address)).to.deep.equal([
      'lea.martin@quotidien.test',
      'jeanne.petit@ouest.test',
    ]);
  });

  it('asks once for every address and shows the card of a known person', async () => {
    const fake = show({ 'POST /api/capture/people': () => ({ body: people }) });
    const { findByRole, getAllByText, getByText } = dom().within(document.body);

    const card = await findByRole('region', { name: 'Léa Martin' });
    expect(card.textContent).to.include('Cheffe de rubrique');
    expect(card.textContent).to.include('Le Quotidien');
    expect(card.textContent).to.include('Presse culture');
    // Paris time: 23:30 UTC on 28 November is already the 29th.
    expect(card.textContent).to.include('29/11/2026 · Appel : Programme');
    expect(getAllByText('Pas dans la base')).to.have.length(2);
    expect(
      getByText('Ouvrir la fiche dans Relais').getAttribute('href'),
    ).to.equal('https://relais.test/#/contacts/7');
    const lookups = fake.sent.filter((s) => s.path === '/api/capture/people');
    expect(lookups).to.have.length(1);
    expect(lookups[0]?.body).to.deep.equal({
      addresses: [
        'lea.martin@quotidien.test',
        'moi@relais.test',
        'jeanne.petit@ouest.test',
      ],
    });
  });

  it('shows the possible duplicates before creating, and completes one instead', async () => {
    const fake = show({
      'POST /api/capture/people': () => ({ body: people }),
      'POST /api/capture/suggest': () => ({
        body: {
          draft: {
            firstName: 'Jeanne',
            lastName: 'Petit',
            contactType: 'press',
            origin: 'Outlook',
            emails: [{ address: 'jeanne.petit@ouest.test', isPrimary: true }],
            phones: [
              { number: '+33299001122', kind: 'office', isPrimary: true },
            ],
            affiliations: [
              { companyName: 'Ouest Journal', function: 'Journaliste' },
            ],
          },
          signature: {},
          possibleDuplicates: [
            {
              contact: {
                ...leaCard.contact,
                id: 12,
                displayName: 'Jeanne Petit',
              },
              score: 14,
              outcome: 'same',
              fields: ['lastName', 'phone'],
            },
          ],
        },
      }),
      'GET /api/contacts/12': () => ({ body: { id: 12, version: 3 } }),
      'POST /api/capture/complete': () => ({
        body: { id: 12, displayName: 'Jeanne Petit', version: 4 },
      }),
    });
    const { fireEvent } = dom();
    const { findByRole, findByText, getByLabelText } = dom().within(
      document.body,
    );

    fireEvent.click(
      await findByRole('button', {
        name: 'Créer la fiche : jeanne.petit@ouest.test',
      }),
    );
    const duplicates = await findByRole('region', {
      name: 'Doublons possibles',
    });
    expect(duplicates.textContent).to.include('Même personne très probable');
    expect(duplicates.textContent).to.include(
      'Points communs : nom, téléphone',
    );
    expect((getByLabelText('Fonction') as HTMLInputElement).value).to.equal(
      'Journaliste',
    );
    // With a likely duplicate, creating is the secondary choice.
    await findByRole('button', { name: 'Créer quand même' });
    fireEvent.click(
      await findByRole('button', {
        name: 'Compléter cette fiche : Jeanne Petit',
      }),
    );
    await findByText('Fiche de Jeanne Petit complétée.');
    const complete = fake.sent.find((s) => s.path === '/api/capture/complete');
    expect(complete?.body).to.deep.include({ contactId: 12, version: 3 });
    expect(
      fake.sent.some((s) => s.path === '/api/contacts' && s.method === 'POST'),
    ).to.equal(false);
    // The suggestion reads the body only for the sender: Jeanne is in cc.
    const suggest = fake.sent.find((s) => s.path === '/api/capture/suggest');
    expect(suggest?.body).to.deep.include({ body: '' });
  });

  it('says when an addition to a colleague’s list became a change request', async () => {
    const fake = show({
      'POST /api/capture/people': () => ({ body: people }),
      'GET /api/lists': () => ({
        body: {
          items: [list(4, 'Presse culture', true), list(5, 'Invités', false)],
          total: 2,
          page: 1,
          pageSize: 200,
        },
      }),
      'POST /api/lists/5/members/add': () => ({
        body: {
          mode: 'requested',
          applied: [],
          requests: [31],
          alreadyMember: [],
          notMember: [],
          alreadyPending: [],
        },
      }),
    });
    const { fireEvent } = dom();
    const { findByRole, findByText, getByRole } = dom().within(document.body);

    const box = await findByRole('combobox', { name: 'Ajouter à une liste' });
    // The lists arrive after the card: the picker works once they are there.
    await findByRole('option', {
      name: 'Invités (propriétaire : Paul Propriétaire)',
    });
    fireEvent.change(box, { target: { value: '5' } });
    fireEvent.click(getByRole('button', { name: 'Ajouter' }));
    await findByText(
      'Demande de modification envoyée au propriétaire de « Invités » : l’ajout attend sa décision.',
    );
    const add = fake.sent.find((s) => s.path === '/api/lists/5/members/add');
    expect(add?.body).to.deep.equal({ entity: 'contact', ids: [7] });
  });

  it('logs the e-mail and says when it was already logged', async () => {
    let calls = 0;
    const fake = show({
      'POST /api/capture/people': () => ({ body: people }),
      'POST /api/interactions/log-email': () => {
        calls += 1;
        const status = calls === 1 ? 'created' : 'existing';
        return {
          body: {
            logged: [
              { contactId: 7, interactionId: 9, kind: 'email_in', status },
            ],
            unknownAddresses: ['moi@relais.test', 'jeanne.petit@ouest.test'],
          },
        };
      },
    });
    const { fireEvent } = dom();
    const { findByRole, findByText } = dom().within(document.body);
    const log = await findByRole('button', {
      name: 'Consigner l’e-mail dans l’historique',
    });

    fireEvent.click(log);
    await findByText('E-mail consigné dans l’historique de 1 contact.');
    fireEvent.click(log);
    await findByText('Cet e-mail était déjà consigné : rien n’a été ajouté.');
    const sentLog = fake.sent.find(
      (s) => s.path === '/api/interactions/log-email',
    );
    expect(sentLog?.body).to.deep.include({
      internetMessageId: '<abc@mail.test>',
      sentAt: '2026-12-03T09:12:00.000Z',
      excerpt: 'Bonjour\n\nJeanne Petit\nJournaliste\nOuest Journal',
    });
  });
});

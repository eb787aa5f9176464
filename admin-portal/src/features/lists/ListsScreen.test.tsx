/// <reference types="mocha" />
import { expect } from 'chai';
import type {
  ChangeReport,
  ListDto,
  ListEventDto,
  RequestDto,
  UserDto,
} from 'core-api/client';
import type { Route } from '../../routing/route.ts';
import { setupDom } from '../../test/dom.ts';
import { fail, fakeApi, ok, type FakeRoute } from '../../test/fakeApi.ts';
import { buildUser } from '../../test/fixtures.ts';

type Modules = {
  ListsScreen: typeof import('./ListsScreen.tsx').ListsScreen;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const owner = buildUser({ id: 3, role: 'editor', displayName: 'Claire Owner' });
const colleague = buildUser({
  id: 9,
  role: 'editor',
  displayName: 'Paul Rédac',
});
const ownerRef = { id: 3, displayName: 'Claire Owner' };
const colleagueRef = { id: 9, displayName: 'Paul Rédac' };

function buildList(overrides: Partial<ListDto> = {}): ListDto {
  return {
    id: 4,
    name: 'Presse régionale',
    description: 'Quotidiens du Sud-Ouest',
    entity: 'contact',
    owner: ownerRef,
    sourceDefinition: null,
    memberCount: 1,
    pendingCount: 2,
    canManage: true,
    version: 3,
    createdAt: '2026-12-01T09:00:00Z',
    updatedAt: '2026-12-03T09:00:00Z',
    ...overrides,
  };
}

function buildRequest(overrides: Partial<RequestDto> = {}): RequestDto {
  return {
    id: 21,
    listId: 4,
    listName: 'Presse régionale',
    action: 'add',
    entity: 'contact',
    memberId: 77,
    memberLabel: 'Jeanne Martin',
    proposedBy: colleagueRef,
    proposedAt: '2026-12-04T08:30:00Z',
    note: 'Nouvelle cheffe d’agence',
    status: 'pending',
    outcome: null,
    decidedBy: null,
    decidedFor: null,
    decidedAt: null,
    decisionNote: null,
    ...overrides,
  };
}

const member = {
  id: 51,
  displayName: 'Anne Roy',
  civility: 'MME' as const,
  firstName: 'Anne',
  lastName: 'Roy',
  contactType: 'press' as const,
  primaryEmail: 'anne.roy@depeche.test',
  primaryPhone: null,
  company: 'La Dépêche',
  function: 'Rédactrice en chef',
  city: 'Toulouse',
  updatedAt: '2026-12-01T09:00:00Z',
  addedAt: '2026-12-01T09:00:00Z',
  addedBy: ownerRef,
  approvedBy: null,
};
/** A member an approved request brought: who proposed it, who approved. */
const proposed = {
  ...member,
  id: 52,
  displayName: 'Jeanne Martin',
  civility: null,
  firstName: 'Jeanne',
  lastName: 'Martin',
  addedAt: '2026-12-04T09:15:00Z',
  addedBy: colleagueRef,
  approvedBy: ownerRef,
};

const approvedEvent: ListEventDto = {
  id: 2,
  occurredAt: '2026-12-04T09:15:00Z',
  action: 'request_approved',
  actor: { id: 1, displayName: 'Admin Relais' },
  actingFor: ownerRef,
  requestId: 20,
  proposedBy: colleagueRef,
  memberCount: 1,
  details: { change: 'add', memberId: 77 },
};

const page = <T,>(items: T[]) => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 50,
});

describe('ListsScreen', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [screen, providers, api] = await Promise.all([
      import('./ListsScreen.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      ListsScreen: screen.ListsScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderLists(
    routes: Record<string, FakeRoute>,
    route: Extract<Route, { name: 'lists' | 'list' }> = { name: 'list', id: 4 },
    user: UserDto = owner,
  ) {
    const api = fakeApi({
      'GET /api/lists/4': () => ok(buildList()),
      'GET /api/lists/4/members': () =>
        ok({ entity: 'contact', ...page([member, proposed]) }),
      'GET /api/lists/4/requests': () =>
        ok(
          page([
            buildRequest(),
            buildRequest({
              id: 22,
              action: 'remove',
              memberLabel: 'Anne Roy',
              note: null,
            }),
          ]),
        ),
      'GET /api/lists/4/history': () => ok(page([approvedEvent])),
      ...routes,
    });
    const session = { user, signOut: () => undefined, expire: () => undefined };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
      >
        <m.ListsScreen route={route} />
      </m.TestProviders>,
    );

    return { view, api };
  }

  it('shows the list, its members, the pending requests and the history', async () => {
    const { view } = renderLists({});

    expect(
      await view.findByRole('heading', { level: 1, name: 'Presse régionale' }),
    ).to.exist;
    const members = await view.findByRole('list', { name: 'Membres' });
    expect(
      dom
        .within(members)
        .getByRole('link', { name: 'Anne Roy' })
        .getAttribute('href'),
    ).to.equal('#/contacts/51');
    expect(members.textContent).to.contain(
      'Presse · Rédactrice en chef · La Dépêche · anne.roy@depeche.test · Toulouse',
    );
    const [added, brought] = dom.within(members).getAllByRole('listitem');
    expect(added!.textContent).to.contain(
      'ajouté par Claire Owner le 01/12/2026 10:00',
    );
    expect(brought!.textContent).to.contain(
      'proposé par Paul Rédac, approuvé par Claire Owner le 04/12/2026 10:15',
    );
    const requests = await view.findByRole('list', {
      name: 'Demandes en attente',
    });
    const items = dom.within(requests).getAllByRole('listitem');
    expect(items[0]!.textContent).to.contain('Ajout de Jeanne Martin');
    expect(items[0]!.textContent).to.contain(
      'Proposé par Paul Rédac le 04/12/2026 09:30',
    );
    expect(items[0]!.textContent).to.contain('Nouvelle cheffe d’agence');
    expect(items[1]!.textContent).to.contain('Retrait d’Anne Roy');
    const history = await view.findByRole('list', { name: 'Historique' });
    expect(history.textContent).to.contain(
      'Admin Relais a approuvé un ajout. Proposition de Paul Rédac. ' +
        'Décidé pour le propriétaire, Claire Owner.',
    );
    expect(history.textContent).to.contain('04/12/2026 10:15');
    // The picker's chevron is named in French, after its field.
    expect(
      view.getByRole('button', {
        name: 'Afficher les choix : Contacts à ajouter',
      }),
    ).to.exist;
    expect(view.queryByRole('button', { name: /^Open/ })).to.equal(null);
  });

  it('approves one request, then rejects the ticked ones with a note', async () => {
    const approvals: unknown[] = [];
    const rejections: unknown[] = [];
    const { view, api } = renderLists({
      'POST /api/lists/4/requests/approve': (call) => {
        approvals.push(call.body);
        return ok({
          decided: [buildRequest({ status: 'approved' })],
          skipped: [],
        });
      },
      'POST /api/lists/4/requests/reject': (call) => {
        rejections.push(call.body);
        return ok({
          decided: [buildRequest({ id: 22, status: 'rejected' })],
          skipped: [],
        });
      },
    });

    dom.fireEvent.click(
      await view.findByRole('button', {
        name: 'Approuver : Ajout de Jeanne Martin',
      }),
    );
    expect(await view.findByText('1 demande approuvée.')).to.exist;
    expect(approvals[0]).to.deep.equal({ requestIds: [21] });
    await dom.waitFor(() =>
      expect(
        api.calls.filter((call) => call.path === '/api/lists/4/members'),
      ).to.have.length(2),
    );

    dom.fireEvent.click(
      view.getByRole('checkbox', { name: 'Choisir : Retrait d’Anne Roy' }),
    );
    dom.fireEvent.change(view.getByLabelText(/Note de décision/), {
      target: { value: 'Elle reste abonnée' },
    });
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Refuser la sélection (1)' }),
    );
    expect(await view.findByText('1 demande refusée.')).to.exist;
    expect(rejections[0]).to.deep.equal({
      requestIds: [22],
      note: 'Elle reste abonnée',
    });
  });

  it('approves every pending request at once', async () => {
    const approvals: unknown[] = [];
    const { view } = renderLists({
      'POST /api/lists/4/requests/approve': (call) => {
        approvals.push(call.body);
        return ok({
          decided: [
            buildRequest({ status: 'approved', outcome: 'applied' }),
            buildRequest({
              id: 22,
              action: 'remove',
              memberLabel: 'Anne Roy',
              status: 'approved',
              outcome: 'not_member',
            }),
          ],
          skipped: [],
        });
      },
    });

    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Tout approuver (2)' }),
    );
    expect(
      await view.findByText(
        '2 demandes approuvées. Retrait d’Anne Roy : déjà absent de la liste.',
      ),
    ).to.exist;
    expect(approvals[0]).to.deep.equal({});
  });

  it('lets a colleague propose a removal, and shows requests as waiting', async () => {
    const removals: unknown[] = [];
    const report: ChangeReport = {
      mode: 'requested',
      applied: [],
      requests: [23],
      alreadyMember: [],
      notMember: [],
      alreadyPending: [],
    };
    const { view } = renderLists(
      {
        'GET /api/lists/4': () => ok(buildList({ canManage: false })),
        'POST /api/lists/4/members/remove': (call) => {
          removals.push(call.body);
          return ok(report);
        },
        'POST /api/lists/requests/21/withdraw': () =>
          ok(buildRequest({ status: 'withdrawn' })),
      },
      { name: 'list', id: 4 },
      colleague,
    );

    expect(await view.findByText(/Cette liste appartient à Claire Owner/)).to
      .exist;
    expect(view.queryByRole('button', { name: /^Approuver/ })).to.equal(null);
    expect(
      await view.findAllByText('En attente de la décision de Claire Owner'),
    ).to.have.length(2);
    dom.fireEvent.click(
      await view.findByRole('checkbox', { name: 'Choisir : Anne Roy' }),
    );
    dom.fireEvent.click(
      view.getByRole('button', {
        name: 'Proposer le retrait de la sélection (1)',
      }),
    );
    expect(
      await view.findByText(
        '1 retrait proposé à Claire Owner : en attente de sa décision.',
      ),
    ).to.exist;
    expect(removals[0]).to.deep.equal({ entity: 'contact', ids: [51] });

    dom.fireEvent.click(
      view.getByRole('button', {
        name: 'Retirer ma demande : Ajout de Jeanne Martin',
      }),
    );
    expect(await view.findByText('Demande retirée.')).to.exist;
  });

  it('hands the list over by e-mail address', async () => {
    const sent: unknown[] = [];
    const { view } = renderLists({
      'POST /api/lists/4/hand-over': (call) => {
        sent.push(call.body);
        return ok(buildList({ owner: colleagueRef, canManage: false }));
      },
    });

    const email = await view.findByLabelText(/Adresse e-mail du nouveau/);
    dom.fireEvent.change(email, { target: { value: 'paul@relais.test' } });
    dom.fireEvent.click(view.getByRole('button', { name: 'Confier la liste' }));

    expect(await view.findByText('Liste confiée à Paul Rédac.')).to.exist;
    expect(sent[0]).to.deep.equal({ toEmail: 'paul@relais.test' });
  });

  it('lists the lists with owner, size and pending badge, and my requests', async () => {
    const { view, api } = renderLists(
      {
        'GET /api/lists': () =>
          ok({
            ...page([
              buildList(),
              buildList({
                id: 6,
                name: 'Élus',
                memberCount: 0,
                pendingCount: 0,
                owner: colleagueRef,
              }),
            ]),
            pageSize: 25,
          }),
        'GET /api/lists/pending': () => ok(page([buildRequest()])),
      },
      { name: 'lists' },
    );

    const lists = await view.findByRole('list', { name: 'Toutes les listes' });
    const [first, second] = dom.within(lists).getAllByRole('listitem');
    expect(first!.textContent).to.contain('2 en attente');
    expect(first!.textContent).to.contain(
      '1 contact · Propriétaire : Claire Owner · modifiée le 03/12/2026',
    );
    expect(second!.textContent).to.contain(
      '0 contacts · Propriétaire : Paul Rédac',
    );
    const toDecide = await view.findByRole('list', {
      name: 'Demandes à décider',
    });
    expect(
      dom
        .within(toDecide)
        .getByRole('link', {
          name: 'Décider dans la liste « Presse régionale »',
        })
        .getAttribute('href'),
    ).to.equal('#/lists/4');

    dom.fireEvent.click(view.getByRole('radio', { name: 'Les miennes' }));
    await dom.waitFor(() =>
      expect(
        api.calls
          .filter((call) => call.path === '/api/lists')
          .at(-1)
          ?.query.get('owner'),
      ).to.equal('me'),
    );
  });

  it('shows an administrator every owner’s requests on request', async () => {
    const { view, api } = renderLists(
      {
        'GET /api/lists': () => ok({ ...page([buildList()]), pageSize: 25 }),
        'GET /api/lists/pending': (call) =>
          ok(page(call.query.get('scope') === 'all' ? [buildRequest()] : [])),
      },
      { name: 'lists' },
      buildUser({ id: 1, displayName: 'Admin Relais' }),
    );

    expect(await view.findByText('Aucune demande en attente.')).to.exist;
    dom.fireEvent.click(view.getByRole('radio', { name: 'Toutes les listes' }));

    expect(await view.findByText('Ajout de Jeanne Martin')).to.exist;
    expect(
      api.calls
        .filter((call) => call.path === '/api/lists/pending')
        .map((call) => call.query.get('scope')),
    ).to.deep.equal(['mine', 'all']);
  });

  describe('renaming, describing and deleting', () => {
    it('renames and describes the list with the version read', async () => {
      const puts: unknown[] = [];
      let current = buildList();
      const { view } = renderLists({
        'GET /api/lists/4': () => ok(current),
        'PUT /api/lists/4': (call) => {
          puts.push(call.body);
          current = buildList({
            name: 'Presse Occitanie',
            description: null,
            version: 4,
          });
          return ok(current);
        },
      });

      const name = await view.findByRole('textbox', { name: /^Nom/ });
      dom.fireEvent.change(name, { target: { value: ' Presse Occitanie ' } });
      dom.fireEvent.change(view.getByRole('textbox', { name: 'Description' }), {
        target: { value: '  ' },
      });
      dom.fireEvent.click(
        view.getByRole('button', {
          name: 'Enregistrer le nom et la description',
        }),
      );

      expect(await view.findByText('Nom et description enregistrés.')).to.exist;
      expect(puts).to.deep.equal([
        { name: 'Presse Occitanie', description: null, version: 3 },
      ]);
      expect(
        await view.findByRole('heading', {
          level: 1,
          name: 'Presse Occitanie',
        }),
      ).to.exist;
    });

    it('reports a colleague’s change instead of overwriting it', async () => {
      let current = buildList();
      const { view } = renderLists({
        'GET /api/lists/4': () => ok(current),
        'PUT /api/lists/4': () => {
          current = buildList({ name: 'Presse du Sud', version: 4 });
          return fail(409, 'VERSION_CONFLICT', 'Version périmée.');
        },
      });

      const name = await view.findByRole('textbox', { name: /^Nom/ });
      dom.fireEvent.change(name, { target: { value: 'Mon nom' } });
      dom.fireEvent.click(
        view.getByRole('button', {
          name: 'Enregistrer le nom et la description',
        }),
      );
      const alert = await view.findByText(/Quelqu’un a modifié cette liste/);
      expect(alert).to.exist;
      dom.fireEvent.click(
        view.getByRole('button', { name: 'Recharger la liste' }),
      );

      expect(
        await view.findByRole('heading', { level: 1, name: 'Presse du Sud' }),
      ).to.exist;
      expect(
        (view.getByRole('textbox', { name: /^Nom/ }) as HTMLInputElement).value,
      ).to.equal('Presse du Sud');
      expect(view.queryByText(/Quelqu’un a modifié cette liste/)).to.equal(
        null,
      );
    });

    it('deletes the list once confirmed, then says it was deleted', async () => {
      const deletions: string[] = [];
      const { view } = renderLists({
        'DELETE /api/lists/4': (call) => {
          deletions.push(call.path);
          return { status: 204 };
        },
      });

      dom.fireEvent.click(
        await view.findByRole('button', { name: 'Supprimer la liste' }),
      );
      const confirm = await view.findByRole('alertdialog', {
        name: 'Supprimer la liste « Presse régionale » ?',
      });
      expect(confirm.textContent).to.contain(
        'Les contacts qu’elle contient ne sont pas supprimés.',
      );
      dom.fireEvent.click(
        dom.within(confirm).getByRole('button', { name: 'Annuler' }),
      );
      expect(deletions).to.deep.equal([]);

      dom.fireEvent.click(
        view.getByRole('button', { name: 'Supprimer la liste' }),
      );
      const again = await view.findByRole('alertdialog');
      dom.fireEvent.click(
        dom.within(again).getByRole('button', { name: 'Supprimer' }),
      );

      expect(
        await view.findByRole('heading', { level: 1, name: 'Liste supprimée' }),
      ).to.exist;
      expect(view.getByText('La liste « Presse régionale » a été supprimée.'))
        .to.exist;
      expect(deletions).to.deep.equal(['/api/lists/4']);
      expect(view.queryByRole('list', { name: 'Membres' })).to.equal(null);
    });

    it('says a deleted list was deleted when its page is opened', async () => {
      const { view } = renderLists({
        'GET /api/lists/4': () =>
          fail(
            410,
            'GONE',
            'La liste « Presse régionale » a été supprimée le 04/12/2026.',
          ),
      });

      expect(
        await view.findByRole('heading', { level: 1, name: 'Liste supprimée' }),
      ).to.exist;
      expect(
        view.getByText(
          'La liste « Presse régionale » a été supprimée le 04/12/2026.',
        ),
      ).to.exist;
      expect(view.queryByRole('button', { name: 'Réessayer' })).to.equal(null);
    });

    it('offers a colleague neither renaming nor deleting', async () => {
      const { view } = renderLists(
        { 'GET /api/lists/4': () => ok(buildList({ canManage: false })) },
        { name: 'list', id: 4 },
        colleague,
      );

      expect(await view.findByRole('heading', { name: 'Presse régionale' })).to
        .exist;
      expect(
        view.queryByRole('button', { name: 'Supprimer la liste' }),
      ).to.equal(null);
      expect(view.queryByRole('textbox', { name: 'Description' })).to.equal(
        null,
      );
    });
  });

  it('offers the export of a company list, with no channel to choose', async () => {
    const { view } = renderLists({
      'GET /api/lists/4': () => ok(buildList({ entity: 'company' })),
      'GET /api/lists/4/members': () => ok({ entity: 'company', ...page([]) }),
      'GET /api/exports/settings': () =>
        ok({ settings: { adminOnly: false }, version: 0, updatedAt: null }),
    });

    dom.fireEvent.click(await view.findByRole('button', { name: 'Exporter' }));
    const dialog = await view.findByRole('dialog', {
      name: 'Exporter la liste « Presse régionale »',
    });
    const within = dom.within(dialog);
    expect(within.getByText(/Les sociétés s’exportent avec leurs coordonnées/))
      .to.exist;
    expect(within.queryByLabelText(/Écarter les désinscrits/)).to.equal(null);
    expect(within.getByRole('button', { name: 'Télécharger' })).to.exist;
  });
});

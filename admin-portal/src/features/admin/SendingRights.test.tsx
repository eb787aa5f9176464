/// <reference types="mocha" />
import { expect } from 'chai';
import type {
  DepartmentDto,
  ManagedUserDto,
  SenderAddressDto,
  UserDto,
} from 'core-api/client';
import type { ReactNode } from 'react';
import { setupDom } from '../../test/dom.ts';
import { fail, fakeApi, ok, type FakeRoute } from '../../test/fakeApi.ts';
import { buildUser } from '../../test/fixtures.ts';

type Modules = {
  SenderAddressesScreen: typeof import('./SenderAddressesScreen.tsx').SenderAddressesScreen;
  DepartmentsScreen: typeof import('./DepartmentsScreen.tsx').DepartmentsScreen;
  UsersScreen: typeof import('./UsersScreen.tsx').UsersScreen;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const admin = buildUser();

const presse: DepartmentDto = {
  id: 2,
  name: 'Service de presse',
  code: 'PRESSE',
  userCount: 1,
  senderCount: 1,
  version: 1,
  createdAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:00:00Z',
};

const editor: ManagedUserDto = {
  ...buildUser({ id: 5, role: 'editor', displayName: 'Eddie Rédac' }),
  email: 'eddie@relais.test',
  departmentId: null,
  identitySource: 'local',
  entraIdentity: null,
  rolePinned: false,
};

const address: SenderAddressDto = {
  id: 8,
  address: 'presse@relais.test',
  displayName: 'Service de presse',
  replyTo: 'redaction@relais.test',
  active: true,
  departments: [
    { id: 2, name: 'Service de presse', code: 'PRESSE', isDefault: true },
  ],
  users: [{ id: 5, displayName: 'Eddie Rédac', email: 'eddie@relais.test' }],
  version: 3,
  createdAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:00:00Z',
};

describe('sending rights administration', () => {
  const dom = setupDom();
  let m: Modules;

  // jsdom has no ResizeObserver; Fluent's popups (the pickers' lists) ask
  // for one to follow their anchor, which a test never resizes.
  before(() => {
    const scope = window as unknown as { ResizeObserver?: unknown };
    scope.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  });

  before(async () => {
    const [senders, departments, users, providers, api] = await Promise.all([
      import('./SenderAddressesScreen.tsx'),
      import('./DepartmentsScreen.tsx'),
      import('./UsersScreen.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      SenderAddressesScreen: senders.SenderAddressesScreen,
      DepartmentsScreen: departments.DepartmentsScreen,
      UsersScreen: users.UsersScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderScreen(
    screen: ReactNode,
    routes: Record<string, FakeRoute> = {},
    user: UserDto = admin,
  ) {
    const api = fakeApi({
      'GET /api/sender-addresses': () => ok({ items: [address] }),
      'GET /api/departments': () => ok({ items: [presse] }),
      'GET /api/users': () => ok({ items: [editor] }),
      ...routes,
    });
    const session = { user, signOut: () => undefined, expire: () => undefined };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
      >
        {screen}
      </m.TestProviders>,
    );

    return { view, api };
  }

  it('lists the addresses with who may use them and the defaults', async () => {
    const { view } = renderScreen(<m.SenderAddressesScreen />);

    const list = await view.findByRole('list', { name: 'Adresses déclarées' });
    const item = dom.within(list).getByRole('listitem');
    expect(item.textContent).to.contain(
      'Service de presse <presse@relais.test>',
    );
    expect(item.textContent).to.contain('Réponses à redaction@relais.test');
    expect(item.textContent).to.contain(
      'Services : Service de presse (par défaut) · Personnes : Eddie Rédac',
    );
  });

  it('declares an address granted to a department, as its default', async () => {
    const posted: unknown[] = [];
    const { view } = renderScreen(<m.SenderAddressesScreen />, {
      'POST /api/sender-addresses': (call) => {
        posted.push(call.body);
        if (posted.length === 1)
          return fail(409, 'CONFLICT', 'L’adresse est déjà déclarée.', [
            { path: 'address', message: 'déjà déclarée / already declared' },
          ]);
        return { status: 201, body: { ...address, id: 9 } };
      },
    });

    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Nouvelle adresse' }),
    );
    dom.fireEvent.change(view.getByLabelText(/^Adresse\s*\*?$/), {
      target: { value: 'evenements@relais.test' },
    });
    dom.fireEvent.change(view.getByLabelText(/^Nom affiché/), {
      target: { value: 'Événements' },
    });
    const departments = view.getAllByRole('combobox')[0]!;
    dom.fireEvent.click(departments);
    dom.fireEvent.click(
      await view.findByRole('option', { name: 'Service de presse (PRESSE)' }),
    );
    dom.fireEvent.click(
      await view.findByRole('checkbox', { name: 'Service de presse' }),
    );
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));

    expect(await view.findByText('déjà déclarée')).to.exist;
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));
    expect(await view.findByText('Adresse enregistrée.')).to.exist;
    expect(posted[1]).to.deep.equal({
      address: 'evenements@relais.test',
      displayName: 'Événements',
      replyTo: null,
      active: true,
      departmentIds: [2],
      userIds: [],
      defaultForDepartmentIds: [2],
    });
  });

  it('changes an address with the version read, and deletes one once confirmed', async () => {
    const sent: { method: string; body: unknown }[] = [];
    const { view } = renderScreen(<m.SenderAddressesScreen />, {
      'PUT /api/sender-addresses/8': (call) => {
        sent.push({ method: 'PUT', body: call.body });
        return ok(address);
      },
      'DELETE /api/sender-addresses/8': () => {
        sent.push({ method: 'DELETE', body: null });
        return { status: 204 };
      },
    });

    dom.fireEvent.click(
      await view.findByRole('button', {
        name: 'Modifier : presse@relais.test',
      }),
    );
    dom.fireEvent.click(view.getByRole('switch', { name: 'Active' }));
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));
    await dom.waitFor(() => expect(sent).to.have.length(1));
    expect(sent[0]!.body).to.deep.include({
      active: false,
      departmentIds: [2],
      userIds: [5],
      defaultForDepartmentIds: [2],
      version: 3,
    });

    dom.fireEvent.click(
      await view.findByRole('button', {
        name: 'Supprimer : presse@relais.test',
      }),
    );
    const dialog = await view.findByRole('alertdialog');
    dom.fireEvent.click(
      dom.within(dialog).getByRole('button', { name: 'Supprimer' }),
    );
    expect(await view.findByText('Adresse supprimée.')).to.exist;
    expect(sent[1]!.method).to.equal('DELETE');
  });

  it('refuses an editor', async () => {
    const { view } = renderScreen(
      <m.SenderAddressesScreen />,
      {},
      buildUser({ role: 'editor' }),
    );

    expect(
      await view.findByText(
        'L’administration est réservée aux administrateurs.',
      ),
    ).to.exist;
  });

  it('creates a department, its code in capitals, and shows why one cannot go', async () => {
    const refusal =
      'Le service « Service de presse » compte 1 utilisateur : ' +
      'changez d’abord son service.';
    const created: unknown[] = [];
    const { view } = renderScreen(<m.DepartmentsScreen />, {
      'POST /api/departments': (call) => {
        created.push(call.body);
        return { status: 201, body: { ...presse, id: 3 } };
      },
      'DELETE /api/departments/2': () => fail(409, 'CONFLICT', refusal),
    });

    const list = await view.findByRole('list', { name: 'Services' });
    expect(list.textContent).to.contain('1 utilisateur · 1 adresse accordée');
    dom.fireEvent.change(view.getByLabelText(/^Nom/), {
      target: { value: 'Communication interne' },
    });
    dom.fireEvent.change(view.getByLabelText(/^Code/), {
      target: { value: 'com-int' },
    });
    dom.fireEvent.click(view.getByRole('button', { name: 'Créer le service' }));
    expect(await view.findByText('Service créé.')).to.exist;
    expect(created[0]).to.deep.equal({
      name: 'Communication interne',
      code: 'COM-INT',
    });

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Supprimer : Service de presse' }),
    );
    const dialog = await view.findByRole('alertdialog');
    dom.fireEvent.click(
      dom.within(dialog).getByRole('button', { name: 'Supprimer' }),
    );
    expect(await dom.within(dialog).findByText(refusal)).to.exist;
  });

  it('puts a user in a department', async () => {
    const changes: unknown[] = [];
    const { view } = renderScreen(<m.UsersScreen />, {
      'PUT /api/users/5/department': (call) => {
        changes.push(call.body);
        return ok({ ...editor, departmentId: 2 });
      },
    });

    const select = (await view.findByLabelText(
      'Service d’Eddie Rédac',
    )) as HTMLSelectElement;
    expect(select.value).to.equal('');
    dom.fireEvent.change(select, { target: { value: '2' } });
    expect(await view.findByText('Service d’Eddie Rédac enregistré.')).to.exist;
    expect(changes).to.deep.equal([{ departmentId: 2 }]);
    expect(select.value).to.equal('2');
  });

  describe('Entra ID identity of an account', () => {
    const tenantId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
    const objectId = '6f9619ff-8b86-d011-b42d-00c04fc964ff';
    const linked: ManagedUserDto = {
      ...editor,
      entraIdentity: { tenantId, objectId },
      rolePinned: true,
    };
    const typeIds = (
      view: ReturnType<typeof renderScreen>['view'],
      ids: { tenant: string; object: string },
    ) => {
      dom.fireEvent.change(view.getByLabelText(/^ID du locataire/), {
        target: { value: ids.tenant },
      });
      dom.fireEvent.change(view.getByLabelText(/^ID d’objet/), {
        target: { value: ids.object },
      });
      dom.fireEvent.click(view.getByRole('button', { name: 'Lier' }));
    };

    it('links an account, checking both ids before sending them', async () => {
      const sent: unknown[] = [];
      const { view } = renderScreen(<m.UsersScreen />, {
        'PUT /api/users/5/entra-identity': (call) => {
          sent.push(call.body);
          return ok(linked);
        },
      });
      const group = await view.findByRole('group', {
        name: 'Identité Entra ID d’Eddie Rédac',
      });
      expect(group.textContent).to.contain('Aucune');

      dom.fireEvent.click(
        view.getByRole('button', { name: 'Lier à Entra ID : Eddie Rédac' }),
      );
      typeIds(view, { tenant: 'contoso.onmicrosoft.com', object: '' });
      const bad = view.getAllByText(/^Format attendu : 8-4-4-4-12/);
      expect(bad).to.have.length(2);
      expect(sent).to.deep.equal([]);

      typeIds(view, { tenant: tenantId.toUpperCase(), object: objectId });
      expect(
        await view.findByText('Identité Entra ID d’Eddie Rédac enregistrée.'),
      ).to.exist;
      expect(sent).to.deep.equal([
        { tenantId: tenantId.toUpperCase(), objectId },
      ]);
      expect(group.textContent).to.contain(
        `Locataire ${tenantId} · objet ${objectId}`,
      );
      expect(group.textContent).to.contain('rôle fixé par un administrateur');
    });

    it('shows why the API refuses an identity, on its field', async () => {
      const { view } = renderScreen(<m.UsersScreen />, {
        'PUT /api/users/5/entra-identity': () =>
          fail(
            409,
            'CONFLICT',
            'Cette identité Entra ID est déjà liée au compte de Camille Dupont.',
            [
              {
                path: 'objectId',
                message:
                  'déjà liée à un autre compte / already linked to another account',
              },
            ],
          ),
      });

      dom.fireEvent.click(
        await view.findByRole('button', {
          name: 'Lier à Entra ID : Eddie Rédac',
        }),
      );
      typeIds(view, { tenant: tenantId, object: objectId });
      expect(await view.findByText('déjà liée à un autre compte')).to.exist;
      expect(view.getByText(/déjà liée au compte de Camille Dupont/)).to.exist;
    });

    it('unlinks after asking, saying the password stays', async () => {
      const removed: string[] = [];
      const { view } = renderScreen(<m.UsersScreen />, {
        'GET /api/users': () => ok({ items: [linked] }),
        'DELETE /api/users/5/entra-identity': (call) => {
          removed.push(call.path);
          return ok({ ...editor, rolePinned: false });
        },
      });

      dom.fireEvent.click(
        await view.findByRole('button', {
          name: 'Délier : Eddie Rédac',
        }),
      );
      const dialog = await view.findByRole('alertdialog');
      expect(dialog.textContent).to.contain(
        'mot de passe Relais reste valable',
      );
      dom.fireEvent.click(
        dom.within(dialog).getByRole('button', { name: 'Délier' }),
      );
      expect(await view.findByText('Eddie Rédac n’est plus lié à Entra ID.')).to
        .exist;
      expect(removed).to.have.length(1);
      expect(
        view.getByRole('group', { name: 'Identité Entra ID d’Eddie Rédac' })
          .textContent,
      ).to.contain('Aucune');
    });
  });
});

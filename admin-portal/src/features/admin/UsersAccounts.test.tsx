/// <reference types="mocha" />
import { expect } from 'chai';
import type { DepartmentDto, ManagedUserDto } from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import { fail, ok, type FakeRoute } from '../../test/fakeApi.ts';
import { screenUnderTest, settle } from '../../test/screenKit.tsx';
import { buildUser } from '../../test/fixtures.ts';

/** An account as `GET /api/users` lists it. */
function managed(overrides: Partial<ManagedUserDto>): ManagedUserDto {
  return {
    ...buildUser(),
    departmentId: null,
    identitySource: 'local',
    entraIdentity: null,
    rolePinned: true,
    ...overrides,
  };
}

const me = managed({});
const eddie = managed({
  id: 5,
  role: 'editor',
  displayName: 'Eddie Rédac',
  email: 'eddie@relais.test',
  lastSignInAt: null,
});
const gone = managed({
  id: 6,
  role: 'editor',
  displayName: 'Gaston Parti',
  email: 'gaston@relais.test',
  active: false,
  lastSignInAt: '2026-11-02T16:45:00Z',
});

const presse: DepartmentDto = {
  id: 2,
  name: 'Service de presse',
  code: 'PRESSE',
  userCount: 0,
  senderCount: 0,
  version: 1,
  createdAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:00:00Z',
};

describe('accounts administration', () => {
  const dom = setupDom();
  const renderScreen = screenUnderTest(
    dom,
    async () => (await import('./UsersScreen.tsx')).UsersScreen,
    {
      'GET /api/users': () => ok({ items: [me, eddie, gone] }),
      'GET /api/departments': () => ok({ items: [presse] }),
    },
  );

  const rowOf = async (
    view: ReturnType<typeof renderScreen>['view'],
    name: string,
  ) => {
    const list = await view.findByRole('list', { name: 'Comptes' });

    return dom
      .within(list)
      .getAllByRole('listitem')
      .find((item) => item.textContent?.includes(name))!;
  };

  it('lists each account with status and last sign-in, the own one left alone', async () => {
    const { view } = renderScreen();

    const mine = await rowOf(view, 'Claire Admin');
    expect(mine.textContent).to.contain(
      'Dernière connexion : 01/12/2026 09:00',
    );
    expect(mine.textContent).to.contain('Votre propre compte');
    expect(
      dom.within(mine).queryByRole('button', { name: /rôle|Désactiver/ }),
    ).to.equal(null);
    const never = await rowOf(view, 'Eddie Rédac');
    expect(never.textContent).to.contain('Jamais connecté');
    const inactive = await rowOf(view, 'Gaston Parti');
    expect(inactive.textContent).to.contain('Compte désactivé');
    expect(
      dom.within(inactive).getByRole('button', {
        name: 'Réactiver le compte de Gaston Parti',
      }),
    ).to.exist;
  });

  it('creates a local account, shows its one-time password, names a refused field', async () => {
    const posted: unknown[] = [];
    const { view, api } = renderScreen({
      'POST /api/users': (call) => {
        posted.push(call.body);
        if (posted.length === 1)
          return fail(409, 'CONFLICT', 'Un compte existe déjà.', [
            { path: 'email', message: 'déjà utilisée / already used' },
          ]);
        return {
          status: 201,
          body: {
            user: managed({ id: 9, displayName: 'Nina Neuve', role: 'editor' }),
            oneTimePassword: 'Kx7-pQ2m-Vw9z',
          },
        };
      },
    });

    // Empty, the form names what is missing in words, without asking the API.
    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Créer le compte' }),
    );
    expect(await view.findAllByText('Champ obligatoire.')).to.have.length(2);
    expect(posted).to.deep.equal([]);

    dom.fireEvent.change(
      await view.findByLabelText(/^Adresse e-mail professionnelle/),
      { target: { value: ' nina@relais.test ' } },
    );
    dom.fireEvent.change(view.getByLabelText(/^Nom affiché/), {
      target: { value: 'Nina Neuve' },
    });
    dom.fireEvent.change(view.getByLabelText('Service'), {
      target: { value: '2' },
    });
    dom.fireEvent.click(view.getByRole('button', { name: 'Créer le compte' }));
    expect(await view.findByText('déjà utilisée')).to.exist;

    dom.fireEvent.click(view.getByRole('button', { name: 'Créer le compte' }));
    const password = (await view.findByLabelText(
      'Mot de passe à usage unique de Nina Neuve',
    )) as HTMLInputElement;
    expect(password.value).to.equal('Kx7-pQ2m-Vw9z');
    expect(posted[1]).to.deep.equal({
      email: 'nina@relais.test',
      displayName: 'Nina Neuve',
      role: 'editor',
      departmentId: 2,
    });
    await dom.waitFor(() =>
      expect(
        api.calls.filter((call) => call.path === '/api/users'),
      ).to.have.length(4),
    );
    await settle(dom);
  });

  it('changes a role after a confirmation, and shows the API’s refusal in it', async () => {
    const roles: unknown[] = [];
    const { view } = renderScreen({
      'PUT /api/users/5/role': (call) => {
        roles.push(call.body);
        if (roles.length === 1)
          return fail(
            409,
            'CONFLICT',
            'C’est le dernier administrateur actif : nommez-en un autre avant.',
          );
        return ok({
          user: { ...eddie, role: 'admin' },
          identitySource: 'local',
          rolePinned: true,
        });
      },
    });

    const row = await rowOf(view, 'Eddie Rédac');
    dom.fireEvent.click(
      dom.within(row).getByRole('button', {
        name: 'Changer le rôle d’Eddie Rédac',
      }),
    );
    const dialog = await view.findByRole('alertdialog');
    const save = dom
      .within(dialog)
      .getByRole('button', { name: 'Enregistrer le rôle' });
    expect(save.getAttribute('aria-disabled')).to.equal('true');
    dom.fireEvent.click(
      dom.within(dialog).getByRole('radio', { name: 'Administrateur' }),
    );
    expect(dialog.textContent).to.contain('second facteur');
    dom.fireEvent.click(save);
    expect(
      await dom
        .within(dialog)
        .findByText(
          'C’est le dernier administrateur actif : nommez-en un autre avant.',
        ),
    ).to.exist;
    dom.fireEvent.click(save);
    expect(await view.findByText('Eddie Rédac est maintenant Administrateur.'))
      .to.exist;
    expect(roles).to.deep.equal([{ role: 'admin' }, { role: 'admin' }]);
    await settle(dom);
  });

  it('deactivates an account once confirmed, and reactivates one', async () => {
    const changes: { id: string; body: unknown }[] = [];
    const status: FakeRoute = (call) => {
      changes.push({ id: call.path.split('/')[3]!, body: call.body });
      return ok(eddie);
    };
    const { view } = renderScreen({
      'PUT /api/users/5/active': status,
      'PUT /api/users/6/active': status,
    });

    const row = await rowOf(view, 'Eddie Rédac');
    dom.fireEvent.click(
      dom.within(row).getByRole('button', {
        name: 'Désactiver le compte d’Eddie Rédac',
      }),
    );
    const dialog = await view.findByRole('alertdialog');
    expect(dialog.textContent).to.contain(
      'Ses listes et son historique restent',
    );
    dom.fireEvent.click(
      dom.within(dialog).getByRole('button', { name: 'Désactiver' }),
    );
    expect(await view.findByText('Compte d’Eddie Rédac désactivé.')).to.exist;

    const inactive = await rowOf(view, 'Gaston Parti');
    dom.fireEvent.click(
      dom.within(inactive).getByRole('button', {
        name: 'Réactiver le compte de Gaston Parti',
      }),
    );
    expect(await view.findByText('Compte de Gaston Parti réactivé.')).to.exist;
    expect(changes).to.deep.equal([
      { id: '5', body: { active: false } },
      { id: '6', body: { active: true } },
    ]);
    await settle(dom);
  });

  it('refuses an editor', async () => {
    const { view } = renderScreen({}, buildUser({ role: 'editor' }));

    expect(
      await view.findByText(
        'L’administration est réservée aux administrateurs.',
      ),
    ).to.exist;
    expect(view.queryByRole('button', { name: 'Créer le compte' })).to.equal(
      null,
    );
  });
});

/// <reference types="mocha" />
import { expect } from 'chai';
import type { MergeRulesDto, UserDto } from 'core-api/client';
import { buildRules } from '../../test/adminFixtures.ts';
import { setupDom } from '../../test/dom.ts';
import {
  fail,
  fakeApi,
  ok,
  type FakeCall,
  type FakeRoute,
} from '../../test/fakeApi.ts';
import { buildUser } from '../../test/fixtures.ts';

type Modules = {
  MergeRulesScreen: typeof import('./MergeRulesScreen.tsx').MergeRulesScreen;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const admin = buildUser();

describe('MergeRulesScreen', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [screen, providers, api] = await Promise.all([
      import('./MergeRulesScreen.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      MergeRulesScreen: screen.MergeRulesScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderRules(
    routes: Record<string, FakeRoute>,
    {
      user = admin,
      locale = 'fr',
    }: { user?: UserDto; locale?: 'fr' | 'en' } = {},
  ) {
    const api = fakeApi({
      'GET /api/merge-rules': () => ok(buildRules()),
      'PUT /api/merge-rules': (call) => {
        const { rules, version } = call.body as MergeRulesDto;
        return ok({
          rules,
          version: version + 1,
          updatedAt: '2026-12-04T09:00:00Z',
        });
      },
      ...routes,
    });
    const session = { user, signOut: () => undefined, expire: () => undefined };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
        locale={locale}
      >
        <m.MergeRulesScreen />
      </m.TestProviders>,
    );
    const items = (name: string) =>
      dom
        .within(view.getByRole('list', { name }))
        .getAllByRole('listitem')
        .map((item) => item.textContent);
    const save = () =>
      dom.fireEvent.click(
        view.getByRole('button', { name: 'Enregistrer les règles' }),
      );
    const sent = () =>
      api.calls.filter((call: FakeCall) => call.method === 'PUT');

    return { view, api, items, save, sent };
  }

  it('shows the rules in force with their last change', async () => {
    const { view, items } = renderRules({});

    const auto = await view.findByRole('switch', {
      name: 'Fusionner sans examen les doublons sûrs d’un import',
    });
    expect((auto as HTMLInputElement).checked).to.equal(true);
    expect(
      (
        view.getByRole('textbox', {
          name: 'Seuil de fusion',
        }) as HTMLInputElement
      ).value,
    ).to.equal('18');
    expect(
      (
        view.getByRole('textbox', {
          name: 'Seuil « à revoir »',
        }) as HTMLInputElement
      ).value,
    ).to.equal('9,5');
    expect(items('Critères, dans l’ordre')).to.deep.equal([
      '1.La fiche la plus complèteMonterDescendreRetirer',
      '2.La fiche modifiée le plus récemmentMonterDescendreRetirer',
      '3.La fiche la plus ancienneMonterDescendreRetirer',
    ]);
    expect(items('Origines classées')[0]).to.contain('Saisie manuelle');
    const firstName = view.getByRole('combobox', { name: 'Prénom' });
    expect((firstName as HTMLSelectElement).value).to.equal('longest');
    const lastName = view.getByRole('combobox', { name: 'Nom' });
    expect((lastName as HTMLSelectElement).value).to.equal('survivor');
    expect(view.getByText('Dernière modification le 01/12/2026 11:15.')).to
      .exist;
  });

  it('moves a criterion by its buttons, the focus with it, and says where', async () => {
    const { view, items } = renderRules({});
    const down = await view.findByRole('button', {
      name: 'Descendre : La fiche la plus complète',
    });

    down.focus();
    dom.fireEvent.click(down);

    expect(items('Critères, dans l’ordre')[1]).to.contain(
      'La fiche la plus complète',
    );
    expect(document.activeElement?.getAttribute('aria-label')).to.equal(
      'Descendre : La fiche la plus complète',
    );
    expect(view.getByText('La fiche la plus complète : position 2 sur 3.')).to
      .exist;

    dom.fireEvent.click(
      view.getByRole('button', {
        name: 'Descendre : La fiche la plus complète',
      }),
    );
    const last = view.getByRole('button', {
      name: 'Descendre : La fiche la plus complète',
    });
    expect(last.getAttribute('aria-disabled')).to.equal('true');
    expect(document.activeElement).to.equal(last);
  });

  it('saves every change with the version read', async () => {
    const { view, save, sent } = renderRules({});
    await view.findByRole('list', { name: 'Critères, dans l’ordre' });

    dom.fireEvent.click(
      view.getByRole('switch', {
        name: 'Fusionner sans examen les doublons sûrs d’un import',
      }),
    );
    dom.fireEvent.change(
      view.getByRole('textbox', { name: 'Seuil de fusion' }),
      {
        target: { value: '20,5' },
      },
    );
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Monter : La fiche la plus ancienne' }),
    );
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Ajouter le critère' }),
    );
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Retirer : Saisie manuelle' }),
    );
    const origin = view.getByRole('textbox', { name: 'Origine à ajouter' });
    dom.fireEvent.change(origin, { target: { value: ' Outlook ' } });
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Ajouter l’origine' }),
    );
    dom.fireEvent.change(view.getByRole('combobox', { name: 'Prénom' }), {
      target: { value: 'survivor' },
    });
    dom.fireEvent.change(view.getByRole('combobox', { name: 'Origine' }), {
      target: { value: 'origin' },
    });
    save();

    expect(await view.findByText('Règles enregistrées.')).to.exist;
    expect(sent()).to.have.length(1);
    expect(sent()[0]?.body).to.deep.equal({
      rules: {
        autoMergeOnImport: false,
        sameThreshold: 20.5,
        maybeThreshold: 9.5,
        survivor: ['completeness', 'oldest', 'recency', 'origin'],
        originPriority: ['Import Excel presse 2026', 'Outlook'],
        fields: { title: 'recent', origin: 'origin' },
      },
      version: 3,
    });

    save();
    await dom.waitFor(() => expect(sent()).to.have.length(2));
    expect((sent()[1]?.body as { version: number }).version).to.equal(4);
  });

  it('adds the targeting result as a criterion, moves it first and saves it', async () => {
    const { view, items, save, sent } = renderRules({});
    const toAdd = await view.findByRole('combobox', {
      name: 'Critère à ajouter',
    });
    const engagement =
      'La fiche qui nous a répondu, sinon celle qu’ont reçue nos envois ou invitations';
    expect(
      [...(toAdd as HTMLSelectElement).options].map((option) => option.text),
    ).to.deep.equal(['La fiche de l’origine la plus fiable', engagement]);

    dom.fireEvent.change(toAdd, { target: { value: 'engagement' } });
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Ajouter le critère' }),
    );
    for (let step = 0; step < 3; step++) {
      dom.fireEvent.click(
        view.getByRole('button', { name: `Monter : ${engagement}` }),
      );
    }
    expect(items('Critères, dans l’ordre')[0]).to.equal(
      `1.${engagement}MonterDescendreRetirer`,
    );
    save();

    expect(await view.findByText('Règles enregistrées.')).to.exist;
    expect((sent()[0]?.body as MergeRulesDto).rules.survivor).to.deep.equal([
      'engagement',
      'completeness',
      'recency',
      'oldest',
    ]);
  });

  it('shows the targeting result in English', async () => {
    const { view, items } = renderRules(
      {
        'GET /api/merge-rules': () =>
          ok(buildRules({ survivor: ['engagement', 'oldest'] })),
      },
      { locale: 'en' },
    );
    await view.findByRole('list', { name: 'Criteria, in order' });

    expect(items('Criteria, in order')[0]).to.contain(
      'The record that answered us, else the one our sends or invitations reached',
    );
  });

  it('refuses an origin already ranked, whatever its accents or case', async () => {
    const { view } = renderRules({});
    const origin = await view.findByRole('textbox', {
      name: 'Origine à ajouter',
    });

    dom.fireEvent.change(origin, { target: { value: 'saisie MANUELLE' } });
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Ajouter l’origine' }),
    );

    expect(view.getByText('Cette origine est déjà dans la liste.')).to.exist;
  });

  it('shows the API’s objection by its threshold, in the reader’s language', async () => {
    const refusal = () =>
      fail(400, 'VALIDATION_FAILED', 'Some fields are invalid.', [
        {
          path: 'rules.maybeThreshold',
          message:
            'le seuil « à revoir » doit être sous le seuil de fusion / ' +
            'the review threshold must be below the merge threshold',
        },
      ]);
    const { view } = renderRules(
      { 'PUT /api/merge-rules': refusal },
      { locale: 'en' },
    );
    const maybe = await view.findByRole('textbox', {
      name: 'Review threshold',
    });
    dom.fireEvent.change(maybe, { target: { value: '25' } });

    dom.fireEvent.click(view.getByRole('button', { name: 'Save the rules' }));

    expect(
      await view.findByText(
        'the review threshold must be below the merge threshold',
      ),
    ).to.exist;
    expect(maybe.getAttribute('aria-invalid')).to.equal('true');
    const alerts = view.getAllByRole('alert').map((node) => node.textContent);
    expect(alerts).to.include('Some fields are invalid.');
  });

  it('asks for a number before sending a threshold it cannot read', async () => {
    const { view, save, sent } = renderRules({});
    const same = await view.findByRole('textbox', { name: 'Seuil de fusion' });

    dom.fireEvent.change(same, { target: { value: 'dix-huit' } });
    save();

    expect(view.getByText('Saisissez un nombre, par exemple 12,5.')).to.exist;
    expect(sent()).to.deep.equal([]);
  });

  it('says when a colleague saved first and reloads the rules on request', async () => {
    let reads = 0;
    const { view, save, api } = renderRules({
      'GET /api/merge-rules': () => {
        reads += 1;
        return ok(
          reads === 1
            ? buildRules()
            : buildRules({ sameThreshold: 22, survivor: ['oldest'] }, 4),
        );
      },
      'PUT /api/merge-rules': () =>
        fail(409, 'VERSION_CONFLICT', 'Version périmée.', [
          { path: 'version', message: 'version actuelle / current version: 4' },
        ]),
    });
    await view.findByRole('list', { name: 'Critères, dans l’ordre' });

    save();
    const alert = await view.findByText(/Quelqu’un a modifié les règles/);
    expect(alert).to.exist;
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Recharger les règles' }),
    );

    await dom.waitFor(() =>
      expect(
        (
          view.getByRole('textbox', {
            name: 'Seuil de fusion',
          }) as HTMLInputElement
        ).value,
      ).to.equal('22'),
    );
    expect(api.calls.filter((call) => call.method === 'GET').length).to.equal(
      2,
    );
    expect(view.queryByText(/Quelqu’un a modifié les règles/)).to.equal(null);
  });

  it('tells an editor that the rules are for administrators', () => {
    const { view, api } = renderRules(
      {},
      { user: buildUser({ role: 'editor' }) },
    );

    expect(view.getByText('L’administration est réservée aux administrateurs.'))
      .to.exist;
    expect(api.calls).to.deep.equal([]);
  });
});

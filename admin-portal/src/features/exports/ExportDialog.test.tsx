/// <reference types="mocha" />
import { expect } from 'chai';
import type { TargetQuery, UserDto } from 'core-api/client';
import type { ReactElement } from 'react';
import { setupDom } from '../../test/dom.ts';
import { fail, fakeApi, ok, type FakeRoute } from '../../test/fakeApi.ts';
import { buildUser } from '../../test/fixtures.ts';

type Modules = {
  ExportDialog: typeof import('./ExportDialog.tsx').ExportDialog;
  ExportSettingsScreen: typeof import('./ExportSettingsScreen.tsx').ExportSettingsScreen;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const editor = buildUser({ id: 8, role: 'editor' });
const admin = buildUser();

const listQuery: TargetQuery = {
  entity: 'contact',
  where: {
    op: 'and',
    items: [{ field: 'list', operator: 'in', value: [4] }],
  },
};

describe('ExportDialog and export settings', () => {
  const dom = setupDom();
  let m: Modules;
  const saved: string[] = [];
  let createObjectURL: typeof URL.createObjectURL;
  let revokeObjectURL: typeof URL.revokeObjectURL;
  let click: typeof HTMLAnchorElement.prototype.click;

  before(async () => {
    const [dialog, settings, providers, api] = await Promise.all([
      import('./ExportDialog.tsx'),
      import('./ExportSettingsScreen.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      ExportDialog: dialog.ExportDialog,
      ExportSettingsScreen: settings.ExportSettingsScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  beforeEach(() => {
    saved.length = 0;
    createObjectURL = URL.createObjectURL;
    revokeObjectURL = URL.revokeObjectURL;
    // jsdom downloads nothing: the test records what would be saved.
    URL.createObjectURL = () => 'blob:relais-test';
    URL.revokeObjectURL = () => undefined;
    click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function click(
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    };
  });

  afterEach(() => {
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    HTMLAnchorElement.prototype.click = click;
  });

  function renderWith(
    routes: Record<string, FakeRoute>,
    children: (modules: Modules) => ReactElement,
    user: UserDto = editor,
  ) {
    const api = fakeApi(routes);
    const session = { user, signOut: () => undefined, expire: () => undefined };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
      >
        {children(m)}
      </m.TestProviders>,
    );

    return { view, api };
  }

  const renderDialog = (routes: Record<string, FakeRoute>) =>
    renderWith(routes, (modules) => (
      <modules.ExportDialog
        target={{ kind: 'list', listId: 4 }}
        countQuery={listQuery}
        targetLabel="la liste « Presse »"
      />
    ));

  it('exports letters for post, saying first how many are left out', async () => {
    const exports: unknown[] = [];
    const counts: unknown[] = [];
    const { view } = renderDialog({
      'POST /api/targeting/count': (call) => {
        counts.push(call.body);
        return ok({ matched: 40, excluded: 3, included: 37, tookMs: 2 });
      },
      'POST /api/exports': (call) => {
        exports.push(call.body);
        return ok({});
      },
    });

    dom.fireEvent.click(view.getByRole('button', { name: 'Exporter' }));
    const dialog = await view.findByRole('dialog', {
      name: 'Exporter la liste « Presse »',
    });
    const within = dom.within(dialog);
    expect(
      (within.getByRole('radio', { name: /^Excel/ }) as HTMLInputElement)
        .checked,
    ).to.equal(true);
    expect(
      (within.getByLabelText(/Écarter les désinscrits/) as HTMLSelectElement)
        .value,
    ).to.equal('none');

    dom.fireEvent.click(within.getByRole('radio', { name: /^Courriers DOCX/ }));
    expect(
      (within.getByLabelText(/Écarter les désinscrits/) as HTMLSelectElement)
        .value,
    ).to.equal('post');
    expect(
      await within.findByText(
        '3 contacts écartés sur 40 pour le canal Courrier.',
      ),
    ).to.exist;
    expect(counts[0]).to.deep.equal({ query: listQuery, channel: 'post' });
    expect(within.getByText('Modèle intégré')).to.exist;
    dom.fireEvent.click(within.getByRole('radio', { name: 'Anglais' }));
    dom.fireEvent.click(within.getByRole('button', { name: 'Télécharger' }));

    expect(await within.findByText(/téléchargé/)).to.exist;
    expect(exports[0]).to.deep.equal({
      target: { kind: 'list', listId: 4 },
      format: 'docx-letters',
      lang: 'en',
      channel: 'post',
    });
    expect(saved).to.deep.equal(['contacts.docx-letters']);
  });

  it('refuses a template that is not a .docx, naming the file', async () => {
    const { view } = renderDialog({
      'POST /api/targeting/count': () =>
        ok({ matched: 1, excluded: 0, included: 1, tookMs: 1 }),
    });

    dom.fireEvent.click(view.getByRole('button', { name: 'Exporter' }));
    const dialog = await view.findByRole('dialog');
    dom.fireEvent.click(
      dom.within(dialog).getByRole('radio', { name: /^Étiquettes DOCX/ }),
    );
    const input = dom
      .within(dialog)
      .getByLabelText('Choisir un modèle Word (.docx)');
    const file = new File(['x'], 'lettre.odt', { type: 'text/plain' });
    dom.fireEvent.change(input, { target: { files: [file] } });

    expect(
      await dom
        .within(dialog)
        .findByText(/« lettre\.odt » n’est pas un document Word \.docx/),
    ).to.exist;
  });

  it('says so when exports are restricted to administrators', async () => {
    const { view } = renderDialog({
      'POST /api/exports': () =>
        fail(
          403,
          'FORBIDDEN',
          'Les exports sont réservés aux administrateurs.',
        ),
    });

    dom.fireEvent.click(view.getByRole('button', { name: 'Exporter' }));
    const dialog = await view.findByRole('dialog');
    dom.fireEvent.click(
      dom.within(dialog).getByRole('button', { name: 'Télécharger' }),
    );

    const alert = await dom.within(dialog).findByRole('alert');
    expect(alert.textContent).to.contain(
      'Les exports sont réservés aux administrateurs. Demandez l’export à un administrateur.',
    );
    expect(saved).to.deep.equal([]);
  });

  const restrictedSettings = () =>
    ok({
      settings: { adminOnly: true },
      version: 2,
      updatedAt: '2026-12-04T10:00:00Z',
    });

  it('tells an editor at once that exports are restricted, with nothing to download', async () => {
    const { view, api } = renderDialog({
      'GET /api/exports/settings': restrictedSettings,
    });

    dom.fireEvent.click(view.getByRole('button', { name: 'Exporter' }));
    const dialog = await view.findByRole('dialog');
    const within = dom.within(dialog);
    expect(
      await within.findByText(
        'Les exports sont réservés aux administrateurs : demandez cet export ' +
          'à un administrateur.',
      ),
    ).to.exist;
    expect(within.queryByRole('button', { name: 'Télécharger' })).to.equal(
      null,
    );
    expect(within.queryByRole('radio', { name: /^Excel/ })).to.equal(null);
    expect(within.getByRole('button', { name: 'Fermer' })).to.exist;
    expect(api.calls.map((call) => call.path)).to.not.include('/api/exports');
  });

  it('notes the restriction to an administrator, who still exports', async () => {
    const { view } = renderWith(
      {
        'GET /api/exports/settings': restrictedSettings,
        'POST /api/exports': () => ok({}),
      },
      (modules) => (
        <modules.ExportDialog
          target={{ kind: 'list', listId: 4 }}
          countQuery={listQuery}
          targetLabel="la liste « Presse »"
        />
      ),
      admin,
    );

    dom.fireEvent.click(view.getByRole('button', { name: 'Exporter' }));
    const dialog = await view.findByRole('dialog');
    const within = dom.within(dialog);
    expect(
      await within.findByText(
        'Les exports sont réservés aux administrateurs : les rédacteurs ne ' +
          'peuvent pas exporter.',
      ),
    ).to.exist;
    dom.fireEvent.click(within.getByRole('button', { name: 'Télécharger' }));
    expect(await within.findByText(/téléchargé/)).to.exist;
    expect(saved).to.deep.equal(['contacts.xlsx']);
  });

  it('exports companies with their own words and no channel', async () => {
    const exports: unknown[] = [];
    const { view, api } = renderWith(
      {
        'POST /api/exports': (call) => {
          exports.push(call.body);
          return ok({});
        },
      },
      (modules) => (
        <modules.ExportDialog
          target={{ kind: 'list', listId: 6 }}
          countQuery={{ ...listQuery, entity: 'company' }}
          targetLabel="la liste « Médias »"
        />
      ),
    );

    dom.fireEvent.click(view.getByRole('button', { name: 'Exporter' }));
    const dialog = await view.findByRole('dialog');
    const within = dom.within(dialog);
    expect(within.queryByLabelText(/Écarter les désinscrits/)).to.equal(null);
    dom.fireEvent.click(within.getByRole('radio', { name: /^Courriers DOCX/ }));
    dom.fireEvent.click(within.getByRole('button', { name: 'Télécharger' }));

    expect(await within.findByText(/téléchargé : 0 sociétés\./)).to.exist;
    expect(exports[0]).to.deep.equal({
      target: { kind: 'list', listId: 6 },
      format: 'docx-letters',
      lang: 'fr',
      channel: 'none',
    });
    // Companies opt out of nothing: nothing to count for a channel.
    expect(
      api.calls.filter((call) => call.path === '/api/targeting/count'),
    ).to.deep.equal([]);
  });

  it('lets an administrator restrict exports, with the version read', async () => {
    const puts: unknown[] = [];
    let stored = {
      settings: { adminOnly: false },
      version: 0,
      updatedAt: null as string | null,
    };
    const { view } = renderWith(
      {
        'GET /api/exports/settings': () => ok(stored),
        'PUT /api/exports/settings': (call) => {
          puts.push(call.body);
          stored = {
            settings: { adminOnly: true },
            version: 1,
            updatedAt: '2026-12-04T10:00:00Z',
          };
          return ok(stored);
        },
      },
      (modules) => <modules.ExportSettingsScreen />,
      admin,
    );

    const toggle = await view.findByRole('switch', {
      name: 'Réserver les exports aux administrateurs',
    });
    expect(view.getByText('Réglage par défaut : il n’a jamais été modifié.')).to
      .exist;
    dom.fireEvent.click(toggle);
    dom.fireEvent.click(view.getByRole('button', { name: 'Enregistrer' }));

    expect(await view.findByText('Réglage enregistré.')).to.exist;
    expect(puts[0]).to.deep.equal({
      settings: { adminOnly: true },
      version: 0,
    });
    expect(await view.findByText('Dernière modification le 04/12/2026 11:00.'))
      .to.exist;
  });

  it('refuses the settings to an editor', async () => {
    const { view } = renderWith({}, (modules) => (
      <modules.ExportSettingsScreen />
    ));

    expect(
      await view.findByText(
        'L’administration est réservée aux administrateurs.',
      ),
    ).to.exist;
  });
});

/// <reference types="mocha" />
import { expect } from 'chai';
import type { AuditEventDto, ManagedUserDto } from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import { fail, fakeApi, ok } from '../../test/fakeApi.ts';
import { expectEditorRefused, screenUnderTest } from '../../test/screenKit.tsx';
import { buildUser } from '../../test/fixtures.ts';

const eddie: ManagedUserDto = {
  ...buildUser({ id: 5, role: 'editor', displayName: 'Eddie Rédac' }),
  departmentId: null,
  identitySource: 'local',
  entraIdentity: null,
  rolePinned: false,
};

function event(overrides: Partial<AuditEventDto>): AuditEventDto {
  return {
    id: 1,
    occurredAt: '2026-12-04T08:30:00Z',
    actorId: 5,
    actorLabel: 'Eddie Rédac',
    action: 'update',
    entityType: 'term',
    entityId: '7',
    parentId: null,
    summary: null,
    before: null,
    after: null,
    requestId: 'req-1',
    ...overrides,
  };
}

const renamed = event({
  id: 3,
  before: { label: 'Culture', labelEn: null, position: 0 },
  after: { label: 'Culture et arts', labelEn: 'Arts', position: 0 },
});
const deactivated = event({
  id: 2,
  occurredAt: '2026-12-03T17:05:00Z',
  actorLabel: 'Claire Admin',
  action: 'deactivate',
  entityType: 'user',
  entityId: '5',
  before: { active: true },
  after: { active: false },
});
const reordered = event({
  id: 4,
  action: 'reorder',
  entityId: '1',
  summary: 'domain',
  before: { order: ['Musique', 'Théâtre'] },
  after: { order: ['Théâtre', 'Musique'] },
});
const exported = event({
  id: 5,
  action: 'export',
  entityType: 'audit',
  entityId: null,
  summary: '3 événements exportés / 3 events exported',
});
const imported = event({
  id: 1,
  action: 'import',
  entityType: 'contact',
  entityId: '41',
  summary: 'Import presse.csv',
});

describe('audit log viewer', () => {
  const dom = setupDom();
  const renderScreen = screenUnderTest(
    dom,
    async () => (await import('./AuditLogScreen.tsx')).AuditLogScreen,
    {
      'GET /api/users': () => ok({ items: [eddie] }),
      'GET /api/audit/facets': () =>
        ok({
          actions: ['deactivate', 'import', 'update', 'unheard.of'],
          entityTypes: ['contact', 'term', 'user'],
        }),
      'GET /api/audit': (call) =>
        ok({
          items: [renamed, deactivated, imported, reordered, exported],
          total: 120,
          page: Number(call.query.get('page')),
          pageSize: 50,
        }),
    },
  );

  const audits = (api: ReturnType<typeof fakeApi>) =>
    api.calls.filter((call) => call.path === '/api/audit');

  it('reads each event: Paris time, who, what, the record as a link, old → new', async () => {
    const { view } = renderScreen();

    const list = await view.findByRole('list', { name: 'Événements' });
    const items = [...list.children] as HTMLElement[];
    expect(items[0]!.textContent).to.contain(
      '04/12/2026 09:30 · Eddie Rédac · modification',
    );
    expect(items[0]!.textContent).to.contain(
      'Libellé : Culture → Culture et arts',
    );
    const termLink = dom
      .within(items[0]!)
      .getByRole('link', { name: 'Terme de la taxonomie n° 7' });
    expect(termLink.getAttribute('href')).to.equal('#/admin/taxonomy');
    expect(items[1]!.textContent).to.contain(
      '03/12/2026 18:05 · Claire Admin · désactivation',
    );
    expect(items[1]!.textContent).to.contain('Compte actif : Oui → Non');
    expect(
      dom
        .within(items[2]!)
        .getByRole('link', { name: 'Contact n° 41' })
        .getAttribute('href'),
    ).to.equal('#/contacts/41');
    expect(items[2]!.textContent).to.contain('Import presse.csv');
    expect(items[3]!.textContent).to.contain(
      'nouvel ordreTerme de la taxonomie n° 1Ordre : Musique, Théâtre → Théâtre, Musique',
    );
    // A summary in both languages shows the reader's; no link to a log.
    expect(items[4]!.textContent).to.equal(
      '04/12/2026 09:30 · Eddie Rédac · export' +
        'Journal d’audit3 événements exportés',
    );
    expect(dom.within(items[4]!).queryByRole('link')).to.equal(null);
    expect(view.getByText('120 événements')).to.exist;
  });

  it('lets its pickers shrink to a phone’s width whatever the names in them', async () => {
    const { view } = renderScreen({
      'GET /api/users': () =>
        ok({
          items: [
            {
              ...eddie,
              displayName: 'Marie-Bérénice de La Tour d’Auvergne-Lauraguais',
            },
          ],
        }),
    });

    await view.findByRole('list', { name: 'Événements' });
    // jsdom lays nothing out: the rules that let a select narrower than its
    // longest option are what can be checked, on the select, its wrapper
    // and the field around it (each one a grid or flex item).
    for (const label of ['Auteur', 'Action', 'Type de fiche']) {
      const select = view.getByLabelText(label);
      for (const box of [
        select,
        select.parentElement!,
        select.closest('div')!,
      ]) {
        const style = getComputedStyle(box);
        expect([label, style.minWidth, style.maxWidth]).to.deep.equal([
          label,
          '0px',
          '100%',
        ]);
      }
    }
  });

  it('filters by who, action, kind, record and days typed dd/mm/yyyy, on page one', async () => {
    const { view, api } = renderScreen();

    await view.findByRole('list', { name: 'Événements' });
    dom.fireEvent.click(view.getByRole('button', { name: 'Page suivante' }));
    await dom.waitFor(() =>
      expect(audits(api).at(-1)!.query.get('page')).to.equal('2'),
    );
    const actions = view.getByLabelText('Action') as HTMLSelectElement;
    expect(
      [...actions.options].map((option) => option.textContent),
    ).to.deep.equal([
      'Toutes les actions',
      'désactivation',
      'import',
      'modification',
      'unheard.of',
    ]);
    dom.fireEvent.change(view.getByLabelText('Auteur'), {
      target: { value: '5' },
    });
    dom.fireEvent.change(actions, { target: { value: 'update' } });
    dom.fireEvent.change(view.getByLabelText('Type de fiche'), {
      target: { value: 'term' },
    });
    dom.fireEvent.change(view.getByLabelText(/^Numéro de la fiche/), {
      target: { value: '7' },
    });
    dom.fireEvent.change(view.getByLabelText('Du'), {
      target: { value: '01/12/2026' },
    });
    dom.fireEvent.change(view.getByLabelText('Au'), {
      target: { value: '4/12/2026' },
    });
    dom.fireEvent.click(view.getByRole('button', { name: 'Filtrer' }));

    await dom.waitFor(() =>
      expect(audits(api).at(-1)!.query.get('actorId')).to.equal('5'),
    );
    expect(Object.fromEntries(audits(api).at(-1)!.query)).to.deep.equal({
      actorId: '5',
      action: 'update',
      entityType: 'term',
      entityId: '7',
      from: '2026-12-01',
      to: '2026-12-04',
      page: '1',
      pageSize: '50',
    });

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Effacer les filtres' }),
    );
    await dom.waitFor(() =>
      expect(audits(api).at(-1)!.query.has('actorId')).to.equal(false),
    );
    expect((view.getByLabelText('Du') as HTMLInputElement).value).to.equal('');
  });

  it('shows the API’s refusal of a date beside the date', async () => {
    const { view } = renderScreen({
      'GET /api/audit': (call) =>
        call.query.has('to')
          ? fail(400, 'VALIDATION_FAILED', 'Certains champs sont invalides.', [
              {
                path: 'to',
                message:
                  'doit suivre la date de début / must not precede the start date',
              },
            ])
          : ok({ items: [], total: 0, page: 1, pageSize: 50 }),
    });

    expect(await view.findByText('Aucun événement')).to.exist;
    dom.fireEvent.change(view.getByLabelText('Du'), {
      target: { value: '05/12/2026' },
    });
    dom.fireEvent.change(view.getByLabelText('Au'), {
      target: { value: '01/12/2026' },
    });
    dom.fireEvent.click(view.getByRole('button', { name: 'Filtrer' }));

    expect(await view.findByText('doit suivre la date de début')).to.exist;
    expect(view.queryByRole('button', { name: 'Réessayer' })).to.equal(null);
  });

  it('exports the filtered log as CSV, and says why when it cannot', async () => {
    const exports: URLSearchParams[] = [];
    const saved: string[] = [];
    const { view } = renderScreen({
      'GET /api/audit/export': (call) => {
        exports.push(call.query);
        return exports.length === 1
          ? fail(503, 'INTERNAL', 'Erreur interne.')
          : ok('"Date (Paris)";"Auteur"');
      },
    });
    const { createObjectURL } = URL;
    const { click } = HTMLAnchorElement.prototype;
    // jsdom downloads nothing: the test records what would be saved.
    URL.createObjectURL = () => 'blob:relais-test';
    HTMLAnchorElement.prototype.click = function record(
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    };
    try {
      await view.findByRole('list', { name: 'Événements' });
      dom.fireEvent.change(view.getByLabelText('Type de fiche'), {
        target: { value: 'user' },
      });
      dom.fireEvent.click(view.getByRole('button', { name: 'Filtrer' }));
      const button = view.getByRole('button', { name: 'Exporter en CSV' });
      dom.fireEvent.click(button);
      expect(await view.findByText('Erreur interne.')).to.exist;
      dom.fireEvent.click(button);
      expect(await view.findByText('Fichier journal-audit.csv téléchargé.')).to
        .exist;
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(saved).to.deep.equal(['journal-audit.csv']);
    expect(Object.fromEntries(exports[1]!)).to.deep.equal({
      lang: 'fr',
      entityType: 'user',
    });
  });

  it('refuses an editor without asking the API', () =>
    expectEditorRefused(renderScreen));
});

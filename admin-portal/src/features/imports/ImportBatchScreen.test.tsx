/// <reference types="mocha" />
import { expect } from 'chai';
import type {
  CommitReport,
  ImportBatchDto,
  ImportRowPage,
} from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import {
  deferred,
  fakeApi,
  ok,
  type FakeCall,
  type FakeRoute,
} from '../../test/fakeApi.ts';
import {
  buildBatch,
  buildPreview,
  buildRow,
  buildUser,
} from '../../test/fixtures.ts';

type Modules = {
  ImportsScreen: typeof import('./ImportsScreen.tsx').ImportsScreen;
  ImportBatchScreen: typeof import('./ImportBatchScreen.tsx').ImportBatchScreen;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const admin = buildUser();
const session = {
  user: admin,
  signOut: () => undefined,
  expire: () => undefined,
};
const noProfiles = () => ok({ items: [] });

function rowPage(items: ImportRowPage['items']): ImportRowPage {
  return { items, total: items.length, page: 1, pageSize: 50 };
}

/** Answers `GET /api/imports/5` with each batch in turn, the last one after. */
function inTurn(...batches: ImportBatchDto[]): FakeRoute {
  let asked = 0;

  return () => ok(batches[Math.min(asked++, batches.length - 1)]);
}

const rejected = buildRow({
  line: 12,
  outcome: 'reject',
  label: 'Anne Martin · Radio Horizon',
  issues: [
    {
      line: 12,
      field: 'email',
      reason: 'adresse e-mail invalide (« anne.martin@ »)',
      reasonEn: 'invalid email address ("anne.martin@")',
      severity: 'error',
    },
  ],
});

describe('ImportBatchScreen', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [screen, batch, providers, api] = await Promise.all([
      import('./ImportsScreen.tsx'),
      import('./ImportBatchScreen.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      ImportsScreen: screen.ImportsScreen,
      ImportBatchScreen: batch.ImportBatchScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function renderBatch(
    routes: Record<string, FakeRoute>,
    locale: 'fr' | 'en' = 'fr',
  ) {
    const api = fakeApi({
      'GET /api/mapping-profiles': noProfiles,
      'GET /api/imports/5/rows': () => ok(rowPage([rejected])),
      ...routes,
    });
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
        locale={locale}
      >
        <m.ImportBatchScreen id={5} pollMs={5} />
      </m.TestProviders>,
    );
    const sent = (method: string, path: string): FakeCall[] =>
      api.calls.filter((call) => call.method === method && call.path === path);
    const bar = () => view.getByRole('progressbar');
    /** Lets the last poll land before the test ends. */
    const settle = () =>
      dom.act(() => new Promise((done) => setTimeout(done, 30)));

    return { view, api, sent, bar, settle };
  }

  it('follows the reading with a progress bar, then shows the preview', async () => {
    const reading = buildBatch({
      status: 'staging',
      phase: 'reading',
      progress: { done: 40, total: 200 },
      preview: null,
    });
    const matching = buildBatch({
      status: 'staging',
      phase: 'matching',
      progress: { done: 150, total: 200 },
      preview: null,
    });
    const gate = deferred<void>();
    let asked = 0;
    const { view, bar } = renderBatch({
      'GET /api/imports/5': async () => {
        asked += 1;
        if (asked === 2) await gate.promise;

        return ok([reading, matching, buildBatch()][Math.min(asked - 1, 2)]);
      },
    });

    expect(await view.findByText('Lecture du fichier')).to.exist;
    expect(bar().getAttribute('aria-valuenow')).to.equal('40');
    expect(bar().getAttribute('aria-valuemax')).to.equal('200');
    expect(view.getByText('40 lignes sur 200')).to.exist;
    gate.resolve();

    expect(await view.findByText('Recherche des doublons')).to.exist;
    expect(bar().getAttribute('aria-valuenow')).to.equal('150');
    const filters = await view.findByRole('group', {
      name: 'Lignes par issue',
    });
    expect(
      dom
        .within(filters)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).to.deep.equal([
      'Créés : 12',
      'Mis à jour : 2',
      'Fusionnés : 3',
      'À revoir : 2',
      'Rejetés : 1',
    ]);
    expect(view.queryByText('Recherche des doublons')).to.equal(null);
  });

  it('shows a rejected row with its French reason first', async () => {
    const { view, sent } = renderBatch({
      'GET /api/imports/5': () => ok(buildBatch()),
    });

    const rows = await view.findByRole('list', { name: 'Lignes : Rejetés' });
    expect(rows.textContent).to.contain('Ligne 12');
    expect(rows.textContent).to.contain('Anne Martin · Radio Horizon');
    const issues = dom
      .within(rows)
      .getByRole('list', { name: 'Problèmes de la ligne 12' });
    expect(issues.textContent).to.equal(
      'ErreurE-mail : adresse e-mail invalide (« anne.martin@ »)',
    );
    expect(
      sent('GET', '/api/imports/5/rows')[0]?.query.get('outcome'),
    ).to.equal('reject');
  });

  it('names a column left out because an earlier one fills its field', async () => {
    const preview = buildPreview();
    const [mapping] = preview.mappings;
    const batch = buildBatch({
      preview: {
        ...preview,
        mappings: [
          {
            ...(mapping as NonNullable<typeof mapping>),
            columns: [
              ...(mapping?.columns ?? []),
              { index: 4, header: 'Nom', suggested: 'lastName', key: null },
            ],
            duplicates: [
              {
                index: 4,
                header: 'Nom',
                firstIndex: 0,
                firstHeader: 'Nom',
                key: 'lastName',
              },
            ],
          },
        ],
      },
    });
    const { view } = renderBatch({ 'GET /api/imports/5': () => ok(batch) });

    expect(
      await view.findByText(
        'Feuille « Presse » : les colonnes « Nom » (n° 1) et « Nom » (n° 5) ' +
          'remplissent toutes deux le champ « Nom », qui n’a qu’une valeur : ' +
          'la colonne n° 5 est ignorée.',
      ),
    ).to.exist;
  });

  it('shows the reason in English to an English reader', async () => {
    window.localStorage.setItem('relais.locale', 'en');
    const { view } = renderBatch(
      { 'GET /api/imports/5': () => ok(buildBatch()) },
      'en',
    );

    const issues = await view.findByRole('list', {
      name: 'Problems of row 12',
    });
    expect(issues.textContent).to.equal(
      'ErrorEmail: invalid email address ("anne.martin@")',
    );
  });

  it('shows the phones and terms a row will store, unverified numbers named', async () => {
    const { view } = renderBatch({
      'GET /api/imports/5': () => ok(buildBatch()),
      'GET /api/imports/5/rows': () =>
        ok(
          rowPage([
            buildRow({
              line: 4,
              outcome: 'reject',
              phones: [
                {
                  number: '0612345678',
                  display: '06 12 34 56 78',
                  e164: '+33612345678',
                  kind: 'mobile',
                },
                {
                  number: '12 34',
                  display: '12 34',
                  e164: null,
                  kind: 'office',
                },
              ],
              terms: ['Culture › Musique', 'VIP'],
            }),
          ]),
        ),
    });

    const rows = await view.findByRole('list', { name: 'Lignes : Rejetés' });
    expect(rows.textContent).to.contain(
      'Téléphones enregistrés : 06 12 34 56 78 · 12 34 (non vérifié)',
    );
    expect(rows.textContent).to.contain('Classement : Culture › Musique · VIP');
  });

  it('says an import expired and that the base did not change', async () => {
    const { view } = renderBatch({
      'GET /api/imports/5': () =>
        ok(buildBatch({ status: 'expired', preview: null })),
    });

    expect(await view.findByText('Expiré')).to.exist;
    expect(view.getByText(/son aperçu a été effacé et la base n’a pas changé/))
      .to.exist;
    expect(view.queryByRole('button', { name: 'Valider l’import' })).to.equal(
      null,
    );
  });

  it('lists the rows of the outcome chosen', async () => {
    const { view, sent } = renderBatch({
      'GET /api/imports/5': () => ok(buildBatch()),
      'GET /api/imports/5/rows': (call) =>
        ok(
          rowPage(
            call.query.get('outcome') === 'merge'
              ? [buildRow({ line: 3, outcome: 'merge', contactId: 42 })]
              : [rejected],
          ),
        ),
    });
    await view.findByRole('list', { name: 'Lignes : Rejetés' });

    const merged = view.getByRole('button', { name: 'Fusionnés : 3' });
    dom.fireEvent.click(merged);

    const rows = await view.findByRole('list', { name: 'Lignes : Fusionnés' });
    expect(merged.getAttribute('aria-pressed')).to.equal('true');
    expect(
      dom
        .within(rows)
        .getByRole('link', { name: 'Fusionnée dans la fiche n° 42' })
        .getAttribute('href'),
    ).to.equal('#/contacts/42');
    expect(
      sent('GET', '/api/imports/5/rows').map((call) =>
        call.query.get('outcome'),
      ),
    ).to.deep.equal(['reject', 'merge']);
  });

  it('reads the file again with the columns chosen', async () => {
    const staged = buildBatch({ options: { columns: { Nom: 'lastName' } } });
    const { view, sent, settle } = renderBatch({
      'GET /api/imports/5': inTurn(
        staged,
        buildBatch({ status: 'staging', phase: 'reading', preview: null }),
        staged,
      ),
      'PUT /api/imports/5/mapping': () =>
        ok(buildBatch({ status: 'staging', preview: null })),
    });

    const portable = await view.findByRole('combobox', {
      name: 'Champ Relais pour la colonne « Portable »',
    });
    expect((portable as HTMLSelectElement).value).to.equal('');
    dom.fireEvent.change(portable, { target: { value: 'phone.mobile' } });
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Relire avec ces colonnes' }),
    );

    await dom.waitFor(() =>
      expect(sent('PUT', '/api/imports/5/mapping')).to.have.length(1),
    );
    expect(sent('PUT', '/api/imports/5/mapping')[0]?.body).to.deep.equal({
      columns: { Nom: 'lastName', Portable: 'phone.mobile' },
    });
    expect(await view.findByText('Lecture du fichier')).to.exist;
    expect(await view.findByRole('group', { name: 'Lignes par issue' })).to
      .exist;
    await settle();
  });

  it('saves the columns as a named profile and applies a saved one', async () => {
    const profile = {
      id: 2,
      name: 'Export Outlook',
      description: null,
      columns: { Portable: 'phone.mobile' },
      version: 1,
      updatedAt: '2026-12-01T10:00:00Z',
    };
    let profiles: unknown[] = [];
    const { view, sent, settle } = renderBatch({
      'GET /api/imports/5': () => ok(buildBatch()),
      'GET /api/mapping-profiles': () => ok({ items: profiles }),
      'POST /api/mapping-profiles': () => {
        profiles = [profile];

        return { status: 201, body: profile };
      },
      'PUT /api/imports/5/mapping': () =>
        ok(buildBatch({ status: 'staging', preview: null })),
    });

    const company = await view.findByRole('combobox', {
      name: 'Champ Relais pour la colonne « Société »',
    });
    dom.fireEvent.change(company, { target: { value: 'department' } });
    dom.fireEvent.change(view.getByLabelText('Nom du nouveau profil'), {
      target: { value: 'Export Outlook' },
    });
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Enregistrer comme profil' }),
    );

    expect(await view.findByText('Profil « Export Outlook » enregistré.')).to
      .exist;
    expect(sent('POST', '/api/mapping-profiles')[0]?.body).to.deep.equal({
      name: 'Export Outlook',
      columns: {
        Nom: 'lastName',
        Prénom: 'firstName',
        Société: 'department',
        Portable: null,
      },
    });
    dom.fireEvent.change(
      await view.findByRole('combobox', { name: 'Profil enregistré' }),
      { target: { value: '2' } },
    );
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Appliquer le profil' }),
    );
    await dom.waitFor(() =>
      expect(sent('PUT', '/api/imports/5/mapping')[0]?.body).to.deep.equal({
        profileId: 2,
        columns: {},
      }),
    );
    await settle();
  });

  it('shows the commit’s progress, its result, then undoes the import', async () => {
    const commit = deferred<CommitReport>();
    const report: CommitReport = {
      batchId: 5,
      created: 12,
      updated: 2,
      merged: 3,
      queuedForReview: 2,
      rejected: 1,
      deactivated: 0,
      companiesCreated: 4,
      tookMs: 300,
    };
    let committing = false;
    let committed = false;
    let undone = false;
    const { view, sent, bar } = renderBatch({
      'GET /api/imports/5': () => {
        if (undone)
          return ok(
            buildBatch({ status: 'undone', preview: null, result: report }),
          );
        if (committed)
          return ok(
            buildBatch({ status: 'committed', preview: null, result: report }),
          );

        return ok(
          !committing
            ? buildBatch()
            : buildBatch({
                status: 'committing',
                phase: 'committing',
                progress: { done: 7, total: 20 },
              }),
        );
      },
      'POST /api/imports/5/commit': async () => {
        committing = true;
        const answer = await commit.promise;
        committed = true;

        return ok(answer);
      },
      'POST /api/imports/5/undo': () => {
        undone = true;

        return ok({
          batchId: 5,
          contactsRemoved: 12,
          contactsRestored: 5,
          contactsReactivated: 0,
          companiesRemoved: 4,
          editedSinceImport: 0,
          termsRemoved: 2,
          termsKept: [{ id: 8, label: 'Musique' }],
        });
      },
    });

    dom.fireEvent.click(
      await view.findByRole('button', { name: 'Valider l’import' }),
    );
    await view.findByText('Écriture dans la base');
    await dom.waitFor(() =>
      expect(bar().getAttribute('aria-valuenow')).to.equal('7'),
    );
    expect(bar().getAttribute('aria-valuemax')).to.equal('20');
    commit.resolve(report);

    expect(await view.findByText('Import validé.')).to.exist;
    await dom.waitFor(() =>
      expect(document.activeElement?.textContent).to.equal('Import validé.'),
    );
    const result = view.getByRole('region', { name: 'Résultat' });
    expect(result.textContent).to.contain('Contacts créés12');
    expect(result.textContent).to.contain('Doublons à examiner2');
    dom.fireEvent.click(view.getByRole('button', { name: 'Annuler l’import' }));
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Oui, annuler l’import' }),
    );

    expect(
      await view.findByText(
        'Import annulé : 12 contacts retirés, 5 rétablis comme avant. ' +
          '2 termes créés par l’import retirés. 1 terme créé par ' +
          'l’import gardé, car utilisé ailleurs : Musique.',
      ),
    ).to.exist;
    expect(sent('POST', '/api/imports/5/undo')[0]?.query.get('force')).to.equal(
      null,
    );
    await view.findByText('Annulé');
  });

  it('says why a file could not be read, and discards it', async () => {
    const failed = buildBatch({
      status: 'failed',
      preview: null,
      error: {
        fr: 'notes.pdf : format inconnu',
        en: 'notes.pdf: unknown format',
      },
    });
    const { view, sent } = renderBatch({
      'GET /api/imports/5': inTurn(
        failed,
        buildBatch({ status: 'discarded', preview: null }),
      ),
      'DELETE /api/imports/5': () => ({ status: 204 }),
    });

    expect((await view.findByRole('alert')).textContent).to.equal(
      'Le fichier n’a pas pu être lu : notes.pdf : format inconnu',
    );
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Abandonner cet import' }),
    );

    expect(await view.findByText('Import abandonné : la base n’a pas changé.'))
      .to.exist;
    expect(sent('DELETE', '/api/imports/5')).to.have.length(1);
  });
});

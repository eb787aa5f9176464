/// <reference types="mocha" />
import { expect } from 'chai';
import type {
  ContactDto,
  MergeReport,
  PairPage,
  UserDto,
} from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import { fail, fakeApi, ok, type FakeRoute } from '../../test/fakeApi.ts';
import { buildFullContact, buildPair, buildUser } from '../../test/fixtures.ts';

type Modules = {
  DuplicatesScreen: typeof import('./DuplicatesScreen.tsx').DuplicatesScreen;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const admin = buildUser();
const editor = buildUser({ role: 'editor' });
const pair = buildPair();
const queue: PairPage = { items: [pair], total: 1, page: 1, pageSize: 20 };

/** The fuller record: title, two emails, phones, address, companies. */
const camille: ContactDto = buildFullContact({
  displayName: 'Camille Durand-Lefèvre',
  deletedAt: null,
});
/** The same person typed again from a form: fewer fields, two typos. */
const camile: ContactDto = buildFullContact({
  id: 57,
  displayName: 'Camile Durand-Lefevre',
  title: null,
  firstName: 'Camile',
  lastName: 'Durand-Lefevre',
  birthDate: '1975-04-07',
  emails: [camille.emails[0]!],
  phones: [],
  addresses: [],
  affiliations: [],
  terms: [],
  intermediary: null,
  deletedAt: null,
});
const merged: MergeReport = {
  mergeId: 3,
  survivorId: 42,
  mergedId: 57,
  contact: camille,
};

describe('PairReview', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [screen, providers, api] = await Promise.all([
      import('./DuplicatesScreen.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      DuplicatesScreen: screen.DuplicatesScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  async function renderReview(
    routes: Record<string, FakeRoute> = {},
    user: UserDto = admin,
  ) {
    const api = fakeApi({
      'GET /api/duplicates': () => ok(queue),
      'GET /api/duplicates/7': () => ok(pair),
      'GET /api/contacts/42': () => ok(camille),
      'GET /api/contacts/57': () => ok(camile),
      ...routes,
    });
    const session = { user, signOut: () => undefined, expire: () => undefined };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
      >
        <m.DuplicatesScreen pairId={7} />
      </m.TestProviders>,
    );
    const table = await view.findByRole('table', {
      name: 'Champs des deux fiches',
    });
    const row = (label: string) =>
      dom
        .within(table)
        .getByRole('rowheader', { name: new RegExp(`^${label}`) })
        .parentElement as HTMLElement;
    const sent = (method: string, path: string) =>
      api.calls.filter((call) => call.method === method && call.path === path);
    /** Lets the queue's reload after a decision land before the test ends. */
    const settle = () =>
      dom.act(() => new Promise((done) => setTimeout(done, 20)));

    return { view, api, table, row, sent, settle };
  }

  it('opens a pair merged earlier on its undo, from its own address', async () => {
    const api = fakeApi({
      'GET /api/duplicates': () => ok({ ...queue, items: [] }),
      'GET /api/duplicates/7': () =>
        ok({
          ...pair,
          status: 'merged',
          merge: { mergeId: 3, survivorId: 42, mergedId: 57 },
        }),
      'GET /api/contacts/42': () => ok(camille),
      'GET /api/contacts/57': () => ok(camile),
    });
    const session = {
      user: admin,
      signOut: () => undefined,
      expire: () => undefined,
    };
    const view = dom.render(
      <m.TestProviders
        client={m.createApiClient({ fetch: api.fetch })}
        session={session}
      >
        <m.DuplicatesScreen pairId={7} />
      </m.TestProviders>,
    );
    const undo = await view.findByRole('button', { name: 'Annuler la fusion' });
    expect(undo).to.exist;
    expect(view.queryByRole('table', { name: 'Champs des deux fiches' })).to.be
      .null;
  });

  it('fetches both records and marks the fields that differ', async () => {
    const { view, row, sent } = await renderReview();

    expect(view.getByRole('heading', { level: 1 }).textContent).to.equal(
      'Comparer : Camille Durand-Lefèvre et Camile Durand-Lefevre',
    );
    expect(sent('GET', '/api/contacts/42')).to.have.length(1);
    expect(sent('GET', '/api/contacts/57')).to.have.length(1);
    for (const label of ['Titre', 'Prénom', 'Nom', 'Date de naissance'])
      expect(row(label).textContent, label).to.contain('diffère');
    for (const label of ['Civilité', 'Type de contact', 'Origine'])
      expect(row(label).textContent, label).not.to.contain('diffère');
    expect(row('Téléphones').textContent).to.contain('diffère');
    expect(row('Date de naissance').textContent).to.contain('14/07/1975');
    expect(row('Date de naissance').textContent).to.contain('07/04/1975');
    expect(row('Titre').textContent).to.contain('(vide)');
  });

  it('proposes the fuller record as survivor and its values by default', async () => {
    const { view } = await renderReview();

    const survivor = view.getByRole('radio', {
      name: 'Fiche A : Camille Durand-Lefèvre (n° 42)',
    }) as HTMLInputElement;
    expect(survivor.checked).to.equal(true);
    const keepA = view.getByRole('radio', {
      name: 'Prénom : garder « Camille » (Fiche A)',
    }) as HTMLInputElement;
    expect(keepA.checked).to.equal(true);
  });

  it('proposes the record the administrators’ rules keep, over the fuller one', async () => {
    // The rules put the targeting result first: B answered a send.
    const { view } = await renderReview({
      'GET /api/duplicates/7': () => ok({ ...pair, proposedSurvivor: 'b' }),
    });

    const survivor = view.getByRole('radio', {
      name: 'Fiche B : Camile Durand-Lefevre (n° 57)',
    }) as HTMLInputElement;
    expect(survivor.checked).to.equal(true);
    const keepB = view.getByRole('radio', {
      name: 'Prénom : garder « Camile » (Fiche B)',
    }) as HTMLInputElement;
    expect(keepB.checked).to.equal(true);
  });

  it('sends the chosen survivor and the side of every differing field', async () => {
    const { view, sent, settle } = await renderReview({
      'POST /api/duplicates/7/merge': () => ok(merged),
    });

    dom.fireEvent.click(
      view.getByRole('radio', { name: 'Prénom : garder « Camile » (Fiche B)' }),
    );
    dom.fireEvent.click(view.getByRole('button', { name: 'Fusionner' }));

    expect(await view.findByText(/Fusion faite/)).to.exist;
    // The button pressed is gone: the focus moves to what happened.
    await dom.waitFor(() =>
      expect(document.activeElement?.textContent).to.contain('Fusion faite'),
    );
    expect(sent('POST', '/api/duplicates/7/merge')[0]?.body).to.deep.equal({
      survivor: 'a',
      fields: {
        title: 'a',
        firstName: 'b',
        lastName: 'a',
        birthDate: 'a',
      },
    });
    await settle();
  });

  it('takes the new survivor’s values, keeping a value it lacks from the other', async () => {
    const { view, sent, settle } = await renderReview({
      'POST /api/duplicates/7/merge': () => ok({ ...merged, survivorId: 57 }),
    });

    dom.fireEvent.click(
      view.getByRole('radio', {
        name: 'Fiche B : Camile Durand-Lefevre (n° 57)',
      }),
    );
    dom.fireEvent.click(view.getByRole('button', { name: 'Fusionner' }));

    await view.findByText(/Fusion faite/);
    expect(sent('POST', '/api/duplicates/7/merge')[0]?.body).to.deep.equal({
      survivor: 'b',
      fields: {
        title: 'a',
        firstName: 'b',
        lastName: 'b',
        birthDate: 'b',
      },
    });
    await settle();
  });

  it('undoes a merge, and asks before losing edits made since', async () => {
    let undos = 0;
    const { view, sent, settle } = await renderReview({
      'POST /api/duplicates/7/merge': () => ok(merged),
      'POST /api/merges/3/undo': (call) => {
        undos += 1;
        if (call.query.get('force') !== 'true') {
          return fail(
            409,
            'CONFLICT',
            'Le contact a été modifié depuis la fusion : confirmez pour ' +
              'perdre ces modifications.',
          );
        }

        return ok({
          mergeId: 3,
          survivorId: 42,
          restoredId: 57,
          editedSinceMerge: true,
        });
      },
    });
    dom.fireEvent.click(view.getByRole('button', { name: 'Fusionner' }));
    expect(
      (
        await view.findByRole('link', { name: 'Ouvrir la fiche fusionnée' })
      ).getAttribute('href'),
    ).to.equal('#/contacts/42');

    dom.fireEvent.click(
      view.getByRole('button', { name: 'Annuler la fusion' }),
    );

    expect((await view.findByRole('alert')).textContent).to.contain(
      'Le contact a été modifié depuis la fusion',
    );
    dom.fireEvent.click(
      view.getByRole('button', { name: 'Annuler quand même' }),
    );
    expect(await view.findByText(/Fusion annulée/)).to.exist;
    expect(undos).to.equal(2);
    expect(
      sent('POST', '/api/merges/3/undo').map((call) => call.query.get('force')),
    ).to.deep.equal([null, 'true']);
    // Both records are read again and offered for review.
    expect(await view.findByRole('button', { name: 'Fusionner' })).to.exist;
    expect(sent('GET', '/api/contacts/57')).to.have.length(2);
    await settle();
  });

  it('dismisses a pair as not a duplicate', async () => {
    const { view, sent, settle } = await renderReview({
      'POST /api/duplicates/7/dismiss': () => ({ status: 204 }),
    });

    dom.fireEvent.click(view.getByRole('button', { name: 'Pas un doublon' }));

    expect(await view.findByText(/Paire écartée/)).to.exist;
    expect(sent('POST', '/api/duplicates/7/dismiss')).to.have.length(1);
    expect(view.queryByRole('button', { name: 'Fusionner' })).to.equal(null);
    await settle();
  });

  it('names the fields a refused merge got wrong, in French', async () => {
    const { view } = await renderReview({
      'POST /api/duplicates/7/merge': () =>
        fail(400, 'VALIDATION_FAILED', 'Certains champs sont invalides.', [
          { path: 'lastName', message: 'nom requis / surname required' },
        ]),
    });

    dom.fireEvent.click(view.getByRole('button', { name: 'Fusionner' }));

    const alert = await view.findByRole('alert');
    expect(alert.textContent).to.contain('Certains champs sont invalides.');
    expect(alert.textContent).to.contain('Nom : nom requis');
    expect(alert.textContent).not.to.contain('surname required');
  });

  it('lets an editor compare without choosing or deciding', async () => {
    const { view, row } = await renderReview({}, editor);

    expect(row('Prénom').textContent).to.contain('diffère');
    expect(view.queryAllByRole('radio')).to.deep.equal([]);
    expect(view.queryByRole('button', { name: 'Fusionner' })).to.equal(null);
    expect(view.queryByRole('button', { name: 'Pas un doublon' })).to.equal(
      null,
    );
  });
});

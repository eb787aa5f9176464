/// <reference types="mocha" />
import { expect } from 'chai';
import type { InteractionDto, InteractionPage } from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import { fakeApi, ok, type FakeCall } from '../../test/fakeApi.ts';

type Modules = {
  parisInstant: typeof import('./HistoryForm.tsx').parisInstant;
  HistorySection: typeof import('./HistorySection.tsx').HistorySection;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const line = (over: Partial<InteractionDto>): InteractionDto => ({
  id: 1,
  contactId: 42,
  companyId: null,
  kind: 'note',
  occurredAt: '2026-12-02T16:05:00.000Z',
  author: { id: 7, displayName: 'Eddie Editor' },
  subject: null,
  summary: null,
  link: null,
  source: 'portal',
  externalId: null,
  createdAt: '2026-12-02T16:05:00.000Z',
  deletable: false,
  ...over,
});

describe('HistorySection', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [form, section, providers, api] = await Promise.all([
      import('./HistoryForm.tsx'),
      import('./HistorySection.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      parisInstant: form.parisInstant,
      HistorySection: section.HistorySection,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  function render(items: InteractionDto[], locale: 'fr' | 'en' = 'fr') {
    let shown = items;
    const { fetch, calls } = fakeApi({
      'GET /api/contacts/42/interactions': (call: FakeCall) => {
        const kind = call.query.get('kind');
        const page: InteractionPage = {
          items: shown.filter((item) => !kind || item.kind === kind),
          total: shown.filter((item) => !kind || item.kind === kind).length,
          page: 1,
          pageSize: 10,
        };

        return ok(page);
      },
      'POST /api/contacts/42/interactions': (call: FakeCall) => {
        const added = line({
          id: 3,
          ...(call.body as Partial<InteractionDto>),
          deletable: true,
        });
        shown = [added, ...shown];

        return { status: 201, body: added };
      },
      'DELETE /api/interactions/2': () => {
        shown = shown.filter((item) => item.id !== 2);

        return { status: 204 };
      },
    });
    const view = dom.render(
      <m.TestProviders client={m.createApiClient({ fetch })} locale={locale}>
        <m.HistorySection contactId={42} />
      </m.TestProviders>,
    );

    return { view, calls };
  }

  const emailIn = line({
    id: 1,
    kind: 'email_in',
    subject: 'Re: Festival d’automne',
    summary: 'Merci pour le dossier.',
    source: 'outlook',
    link: '<CAF1234@mail.ladepeche.fr>',
  });
  const call = line({
    id: 2,
    kind: 'call',
    occurredAt: '2026-07-14T22:30:00.000Z',
    link: 'https://relais.example.org/envois/12',
    deletable: true,
  });

  it('shows each line in French with its Paris date, author and source', async () => {
    const { view } = render([emailIn, call]);
    const list = await view.findByRole('list', { name: 'Historique' });
    const items = dom.within(list).getAllByRole('listitem');
    expect(items[0]?.textContent).to.contain('E-mail reçu');
    expect(items[0]?.textContent).to.contain('02/12/2026 17:05');
    expect(items[0]?.textContent).to.contain('Re: Festival d’automne');
    expect(items[0]?.textContent).to.contain(
      'par Eddie Editor · depuis Outlook',
    );
    expect(items[0]?.textContent).to.contain(
      'Message <CAF1234@mail.ladepeche.fr>',
    );
    // Summer time: 22:30 UTC is already the next day in Paris.
    expect(items[1]?.textContent).to.contain('15/07/2026 00:30');
    expect(
      dom.within(items[1] as HTMLElement).getByRole('link', { name: 'Ouvrir' }),
    ).to.have.property('href', 'https://relais.example.org/envois/12');
    expect(dom.within(items[0] as HTMLElement).queryByRole('button')).to.equal(
      null,
    );
  });

  it('speaks English when asked', async () => {
    const { view } = render([emailIn], 'en');
    const list = await view.findByRole('list', { name: 'History' });
    expect(list.textContent).to.contain('Email received');
    expect(list.textContent).to.contain('from Outlook');
  });

  it('filters by type through the API', async () => {
    const { view, calls } = render([emailIn, call]);
    await view.findByRole('list', { name: 'Historique' });
    dom.fireEvent.change(view.getByLabelText('Type d’interaction'), {
      target: { value: 'call' },
    });
    await dom.waitFor(() =>
      expect(calls.at(-1)?.query.get('kind')).to.equal('call'),
    );
    await dom.waitFor(() =>
      expect(view.getAllByRole('listitem')).to.have.length(1),
    );
  });

  it('deletes a line its reader may delete, then shows the rest', async () => {
    const { view, calls } = render([emailIn, call]);
    await view.findByRole('list', { name: 'Historique' });
    dom.fireEvent.click(
      view.getByRole('button', {
        name: 'Supprimer : Appel du 15/07/2026 00:30',
      }),
    );
    await dom.waitFor(() =>
      expect(view.getAllByRole('listitem')).to.have.length(1),
    );
    expect(calls.some((c) => c.method === 'DELETE')).to.equal(true);
    expect(view.getByRole('status').textContent).to.equal(
      'Interaction supprimée.',
    );
  });

  it('adds a meeting typed in Paris time, then lists it first', async () => {
    const { view, calls } = render([emailIn]);
    await view.findByRole('list', { name: 'Historique' });
    const form = view.getByRole('form', { name: 'Ajouter une interaction' });
    const inForm = dom.within(form);
    dom.fireEvent.change(inForm.getByLabelText('Type'), {
      target: { value: 'meeting' },
    });
    dom.fireEvent.change(inForm.getByLabelText(/Date et heure/), {
      target: { value: '2026-12-01T10:00' },
    });
    dom.fireEvent.change(inForm.getByLabelText('Objet'), {
      target: { value: 'Déjeuner de presse' },
    });
    dom.fireEvent.submit(form);
    await dom.waitFor(() =>
      expect(view.getAllByRole('listitem')).to.have.length(2),
    );
    const sent = calls.find((c) => c.method === 'POST');
    expect(sent?.body).to.deep.equal({
      kind: 'meeting',
      occurredAt: '2026-12-01T09:00:00.000Z',
      subject: 'Déjeuner de presse',
      summary: '',
    });
    expect(view.getByRole('status').textContent).to.equal(
      'Interaction ajoutée.',
    );
  });

  it('reads a typed date as Paris time in winter and in summer', () => {
    expect(m.parisInstant('2026-01-15T09:30')).to.equal(
      '2026-01-15T08:30:00.000Z',
    );
    expect(m.parisInstant('2026-07-14T00:30')).to.equal(
      '2026-07-13T22:30:00.000Z',
    );
  });

  it('says when there is nothing yet', async () => {
    const { view } = render([]);
    expect(await view.findByText('Aucune interaction enregistrée.')).to.exist;
  });
});

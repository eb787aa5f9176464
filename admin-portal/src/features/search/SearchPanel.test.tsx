/// <reference types="mocha" />
import { expect } from 'chai';
import type { SearchHit, SearchResult } from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import {
  deferred,
  fail,
  fakeApi,
  ok,
  type FakeAnswer,
  type FakeRoute,
} from '../../test/fakeApi.ts';
import { buildHit } from '../../test/fixtures.ts';

type Modules = {
  SearchPanel: typeof import('./SearchPanel.tsx').SearchPanel;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

const LABEL = 'Rechercher un contact ou une société';

const hits: SearchHit[] = [
  buildHit({
    id: 1,
    displayName: 'Camille Dupond',
    subtitle: 'Le Quotidien du Midi',
    match: 'exact',
  }),
  buildHit({
    id: 2,
    displayName: 'Claire Dupont',
    subtitle: null,
    match: 'prefix',
  }),
  buildHit({
    type: 'company',
    id: 7,
    displayName: 'Dupuis Médias',
    subtitle: 'Toulouse',
    match: 'phonetic',
  }),
];

function result(items: SearchHit[]): FakeAnswer {
  const body: SearchResult = { items, tookMs: 3 };

  return ok(body);
}

describe('SearchPanel', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [panel, providers, api] = await Promise.all([
      import('./SearchPanel.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      SearchPanel: panel.SearchPanel,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  /** Renders the panel on a fake `GET /api/search`; `opened` collects the hits opened. */
  function renderPanel(search: FakeRoute, debounceMs = 0) {
    const api = fakeApi({ 'GET /api/search': search });
    const opened: SearchHit[] = [];
    const view = dom.render(
      <m.TestProviders client={m.createApiClient({ fetch: api.fetch })}>
        <m.SearchPanel
          onOpen={(hit) => opened.push(hit)}
          debounceMs={debounceMs}
        />
      </m.TestProviders>,
    );
    const box = view.getByRole('searchbox', {
      name: LABEL,
    }) as HTMLInputElement;
    const type = (value: string) =>
      dom.fireEvent.change(box, { target: { value } });
    const key = (name: string) => dom.fireEvent.keyDown(box, { key: name });
    const status = () => view.getByRole('status').textContent;

    return { view, api, opened, box, type, key, status };
  }

  it('says what to type while the box is empty', () => {
    const { status, view } = renderPanel(() => result(hits));

    expect(status()).to.contain(
      'Tapez un nom, un prénom, une société ou une adresse e-mail',
    );
    expect(view.queryByRole('listbox')).to.equal(null);
  });

  it('waits for a pause in typing, then searches once, 20 hits at most', async () => {
    const { api, type, view } = renderPanel(() => result(hits), 150);

    type('d');
    type('du');
    type('dup');
    await view.findByRole('listbox');
    await new Promise((done) => setTimeout(done, 200));

    expect(api.calls).to.have.length(1);
    expect(api.calls[0]?.query.get('q')).to.equal('dup');
    expect(api.calls[0]?.query.get('limit')).to.equal('20');
  });

  it('shows each hit’s name, subtitle, kind of record and kind of match', async () => {
    const { type, view, status } = renderPanel(() => result(hits));

    type('dup');
    const options = dom
      .within(await view.findByRole('listbox'))
      .getAllByRole('option');

    expect(options.map((option) => option.textContent)).to.deep.equal([
      'Camille DupondLe Quotidien du MidiContactexact',
      'Claire DupontContactdébut de mot',
      'Dupuis MédiasToulouseSociétéphonétique',
    ]);
    expect(status()).to.contain('3 résultats');
  });

  it('moves through hits with the arrow keys and opens the active one on Enter', async () => {
    const { type, key, box, view, opened } = renderPanel(() => result(hits));
    type('dup');
    const listbox = await view.findByRole('listbox');
    // The list can appear before its hits (a pending search): keys wait for all.
    await dom.waitFor(() =>
      expect(dom.within(listbox).getAllByRole('option')).to.have.length(3),
    );
    const active = () => {
      const id = box.getAttribute('aria-activedescendant');
      const option = id ? document.getElementById(id) : null;
      expect(option?.getAttribute('aria-selected')).to.equal('true');

      return option?.textContent;
    };
    expect(box.getAttribute('aria-controls')).to.equal(listbox.id);
    expect(box.hasAttribute('aria-activedescendant')).to.equal(false);

    key('ArrowDown');
    expect(active()).to.contain('Camille Dupond');
    key('ArrowDown');
    key('ArrowDown');
    expect(active()).to.contain('Dupuis Médias');
    key('ArrowDown');
    expect(active()).to.contain('Camille Dupond');
    key('ArrowUp');
    expect(active()).to.contain('Dupuis Médias');
    expect(
      dom.within(listbox).getAllByRole('option', { selected: true }),
    ).to.have.length(1);

    key('Enter');
    expect(opened).to.deep.equal([hits[2]]);
    expect(box.value).to.equal('');
  });

  it('opens a hit on click', async () => {
    const { type, view, opened } = renderPanel(() => result(hits));
    type('dup');
    const listbox = await view.findByRole('listbox');

    dom.fireEvent.click(dom.within(listbox).getByText('Claire Dupont'));

    expect(opened).to.deep.equal([hits[1]]);
  });

  it('clears the box and the hits on Escape', async () => {
    const { type, key, box, view, status } = renderPanel(() => result(hits));
    type('dup');
    await view.findByRole('listbox');

    key('Escape');

    expect(box.value).to.equal('');
    expect(view.queryByRole('listbox')).to.equal(null);
    expect(status()).to.contain('Tapez un nom');
  });

  it('keeps the newest answer when an older one arrives late', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<FakeAnswer>>>();
    const { api, type, view } = renderPanel((call) => {
      const answer = deferred<FakeAnswer>();
      answers.set(call.query.get('q') ?? '', answer);

      return answer.promise;
    });

    type('du');
    await dom.waitFor(() => expect(api.calls).to.have.length(1));
    type('dupuis');
    await dom.waitFor(() => expect(api.calls).to.have.length(2));
    // Each answer is released inside act(), which waits for what it updates.
    const release = (query: string, answer: FakeAnswer) =>
      dom.act(async () => {
        answers.get(query)?.resolve(answer);
        await new Promise((done) => setTimeout(done, 20));
      });
    await release('dupuis', result([hits[2]!]));
    expect(view.getByText('Dupuis Médias')).to.exist;
    await release('du', result(hits));

    const options = dom
      .within(view.getByRole('listbox'))
      .getAllByRole('option');
    expect(options.map((option) => option.textContent)).to.deep.equal([
      'Dupuis MédiasToulouseSociétéphonétique',
    ]);
  });

  it('says so when nothing matches', async () => {
    const { type, view } = renderPanel(() => result([]));

    type('zzz');

    expect(await view.findByText('Aucun résultat pour « zzz ».')).to.exist;
    expect(view.queryByRole('listbox')).to.equal(null);
  });

  it('shows the server’s message when the search fails', async () => {
    const { type, view } = renderPanel(() =>
      fail(400, 'VALIDATION_FAILED', 'Certains champs sont invalides.'),
    );

    type('dup');

    const alert = await view.findByRole('alert');
    expect(alert.textContent).to.contain(
      'La recherche a échoué : Certains champs sont invalides.',
    );
  });

  it('focuses the box on « / » and Ctrl+K, but not on « / » typed in a field', () => {
    const { box, view } = renderPanel(() => result(hits));
    const other = document.createElement('input');
    view.container.append(other);

    dom.fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).to.equal(box);

    other.focus();
    dom.fireEvent.keyDown(other, { key: '/' });
    expect(document.activeElement).to.equal(other);

    dom.fireEvent.keyDown(other, { key: 'k', ctrlKey: true });
    expect(document.activeElement).to.equal(box);
  });
});

/// <reference types="mocha" />
import { expect } from 'chai';
import type { ListDto } from 'core-api/client';
import {
  buildList,
  buildUser,
  emptyPage,
  fakeApi,
  fakeHost,
  member,
  ok,
  owner,
} from './test/fakes.ts';
import { useDom } from './test/dom.ts';

type Modules = {
  TabApp: typeof import('./TabApp.tsx').TabApp;
};

const session = (user = owner) => ({
  user: buildUser(user),
  stage: 'ready',
  expiresAt: '2026-12-04T20:00:00Z',
});
const listPage = (items: ListDto[]) => ({
  ...emptyPage,
  items,
  total: items.length,
});

describe('Teams tab', () => {
  const dom = useDom();
  let m: Modules;
  let restore = () => {};

  before(async () => {
    m = { TabApp: (await import('./TabApp.tsx')).TabApp };
  });
  afterEach(() => restore());

  it('signs in with the Teams token, in the header only, and lists my lists', async () => {
    const api = fakeApi({
      'GET /api/auth/session': ok(session()),
      'GET /api/lists': ok(listPage([buildList({ pendingCount: 2 })])),
    });
    restore = api.restore;
    const { host } = fakeHost();
    const view = dom.render(<m.TabApp host={host} page="tab" />);

    await view.findByRole('button', {
      name: 'Ouvrir la liste Presse régionale',
    });
    expect(view.getByText('2 en attente')).to.exist;
    expect(api.calls[1]?.query).to.contain('owner=me');
    expect(api.calls.every((call) => !call.query.includes('token'))).to.equal(
      true,
    );
  });

  it('shows only other people’s lists under their tab', async () => {
    const api = fakeApi({
      'GET /api/auth/session': ok(session()),
      'GET /api/lists': (call) => ({
        status: 200,
        body: listPage(
          call.query.includes('owner=me')
            ? [buildList()]
            : [
                buildList(),
                buildList({ id: 5, name: 'Radios', owner: member }),
              ],
        ),
      }),
    });
    restore = api.restore;
    const view = dom.render(<m.TabApp host={fakeHost().host} page="tab" />);
    await view.findByRole('button', { name: /Presse régionale/ });

    dom.fireEvent.click(view.getByRole('tab', { name: /^Listes des autres/ }));
    await view.findByRole('button', { name: 'Ouvrir la liste Radios' });
    expect(view.queryByRole('button', { name: /Presse régionale/ })).to.equal(
      null,
    );
    expect(api.calls.at(-1)?.query).to.contain('owner=all');
  });

  it('asks for consent when Teams needs it, then signs in', async () => {
    const api = fakeApi({
      'GET /api/auth/session': ok(session()),
      'GET /api/lists': ok(listPage([])),
    });
    restore = api.restore;
    const teams = fakeHost();
    teams.failTokens('resourceRequiresConsent');
    const view = dom.render(<m.TabApp host={teams.host} page="tab" />);

    const button = await view.findByRole('button', {
      name: 'Autoriser Relais',
    });
    expect(api.calls).to.deep.equal([]);
    dom.fireEvent.click(button);
    await view.findByText('Aucune liste.');
    expect(teams.recorded.consents).to.equal(1);
  });

  it('offers a Relais account when single sign-on fails for another reason', async () => {
    const api = fakeApi({});
    restore = api.restore;
    const teams = fakeHost();
    teams.failTokens('FailedToOpenWindow');
    const view = dom.render(<m.TabApp host={teams.host} page="tab" />);

    await view.findByRole('heading', { name: 'Connexion à Relais' });
    expect(view.getByText(/FailedToOpenWindow/)).to.exist;
    expect(view.getByLabelText(/Adresse e-mail/)).to.exist;
  });

  it('signs in with a Relais account outside Teams', async () => {
    const api = fakeApi({
      'POST /api/auth/signin': ok({ ...session(member), token: 'local-token' }),
      'GET /api/auth/session': ok(session(member)),
      'GET /api/lists': ok(listPage([])),
    });
    restore = api.restore;
    const view = dom.render(<m.TabApp host={null} page="tab" />);

    dom.fireEvent.change(await view.findByLabelText(/Adresse e-mail/), {
      target: { value: 'paul@relais.test' },
    });
    dom.fireEvent.change(view.getByLabelText(/Mot de passe/), {
      target: { value: 'une phrase de passe' },
    });
    dom.fireEvent.click(view.getByRole('button', { name: 'Se connecter' }));
    await view.findByText('Aucune liste.');
    expect(window.sessionStorage.getItem('relais.teams.token')).to.equal(
      'local-token',
    );
  });

  it('speaks English when Teams does, and follows its theme', async () => {
    const api = fakeApi({
      'GET /api/auth/session': ok(session()),
      'GET /api/lists': ok(listPage([])),
    });
    restore = api.restore;
    const teams = fakeHost({ locale: 'en-us', theme: 'dark' });
    const view = dom.render(<m.TabApp host={teams.host} page="tab" />);

    await view.findByRole('tab', { name: /^My lists/ });
    const themed = () =>
      view.container.querySelector('[data-theme]')?.getAttribute('data-theme');
    expect(themed()).to.equal('dark');
    dom.act(() => teams.setTheme('contrast'));
    expect(themed()).to.equal('contrast');
  });

  it('lets the channel configuration save only a chosen list', async () => {
    const api = fakeApi({
      'GET /api/auth/session': ok(session()),
      'GET /api/lists': ok(listPage([buildList()])),
    });
    restore = api.restore;
    const teams = fakeHost({ frame: 'settings' });
    const view = dom.render(<m.TabApp host={teams.host} page="configure" />);

    const picker = await view.findByRole('combobox', { name: /Liste/ });
    expect(teams.recorded.valid).to.deep.equal([false]);
    dom.fireEvent.click(picker);
    dom.fireEvent.click(await view.findByRole('option', { name: /Presse/ }));
    expect(teams.recorded.valid.at(-1)).to.equal(true);
    expect(await teams.recorded.save?.()).to.deep.equal({
      contentUrl: 'https://relais.test/teams/tab.html?listId=4',
      websiteUrl: 'https://relais.test/teams/tab.html?listId=4',
      entityId: 'liste-4',
      suggestedDisplayName: 'Presse régionale',
    });
  });
});

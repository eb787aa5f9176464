/// <reference types="mocha" />
import { expect } from 'chai';
import type { SessionDto, SignInResult } from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import { fail, fakeApi, ok, type FakeRoute } from '../../test/fakeApi.ts';
import { buildUser } from '../../test/fixtures.ts';

type Modules = {
  SignInScreen: typeof import('./SignInScreen.tsx').SignInScreen;
  TestProviders: typeof import('../../test/TestProviders.tsx').TestProviders;
  createApiClient: typeof import('../../api.ts').createApiClient;
};

function signInResult(
  stage: SignInResult['stage'],
  extra: Partial<SignInResult> = {},
): SignInResult {
  return {
    token: `token-${stage}`,
    expiresAt: '2026-12-04T20:00:00Z',
    stage,
    user: buildUser(),
    ...extra,
  };
}

const shortEnrolment = { secret: 'S', otpauthUrl: 'otpauth://x' };

function session(stage: SessionDto['stage']): SessionDto {
  return { user: buildUser(), stage, expiresAt: '2026-12-04T20:00:00Z' };
}

describe('SignInScreen', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    const [screen, providers, api] = await Promise.all([
      import('./SignInScreen.tsx'),
      import('../../test/TestProviders.tsx'),
      import('../../api.ts'),
    ]);
    m = {
      SignInScreen: screen.SignInScreen,
      TestProviders: providers.TestProviders,
      createApiClient: api.createApiClient,
    };
  });

  /** Renders the screen on a fake API; `signedIn` collects the sessions it opens. */
  function renderScreen(routes: Record<string, FakeRoute>) {
    const api = fakeApi(routes);
    const signedIn: SessionDto[] = [];
    const view = dom.render(
      <m.TestProviders client={m.createApiClient({ fetch: api.fetch })}>
        <m.SignInScreen onSignedIn={(s) => signedIn.push(s)} />
      </m.TestProviders>,
    );
    const type = (label: string, value: string) =>
      dom.fireEvent.change(view.getByLabelText(label), { target: { value } });
    const press = (name: string) =>
      dom.fireEvent.click(view.getByRole('button', { name }));

    return { view, api, signedIn, type, press };
  }

  it('opens the session when the API answers stage ready, and keeps the token', async () => {
    const { api, signedIn, type, press } = renderScreen({
      'POST /api/auth/signin': () => ok(signInResult('ready')),
    });

    type('Adresse e-mail', ' claire.admin@relais.test ');
    type('Mot de passe', 'correct horse');
    press('Se connecter');

    await dom.waitFor(() => expect(signedIn).to.have.length(1));
    expect(signedIn[0]?.stage).to.equal('ready');
    expect(api.calls[0]?.body).to.deep.equal({
      email: 'claire.admin@relais.test',
      password: 'correct horse',
    });
    expect(window.sessionStorage.getItem('relais.token')).to.equal(
      'token-ready',
    );
  });

  it('shows the server’s message next to the form on INVALID_CREDENTIALS', async () => {
    const { view, signedIn, type, press } = renderScreen({
      'POST /api/auth/signin': () =>
        fail(401, 'INVALID_CREDENTIALS', 'Adresse ou mot de passe incorrect.'),
    });

    type('Adresse e-mail', 'claire.admin@relais.test');
    type('Mot de passe', 'wrong');
    press('Se connecter');

    const alert = await view.findByRole('alert');
    expect(alert.textContent).to.contain('Adresse ou mot de passe incorrect.');
    expect(view.getByRole('button', { name: 'Se connecter' })).to.exist;
    expect(signedIn).to.deep.equal([]);
    expect(window.sessionStorage.getItem('relais.token')).to.equal(null);
  });

  it('asks for the 6-digit code on MFA_REQUIRED, then signs in again with it', async () => {
    const { view, api, signedIn, type, press } = renderScreen({
      'POST /api/auth/signin': (call) => {
        const { totp } = call.body as { totp?: string };

        return totp === '123456'
          ? ok(signInResult('ready'))
          : fail(401, 'MFA_REQUIRED', 'Code de vérification requis.');
      },
    });

    type('Adresse e-mail', 'claire.admin@relais.test');
    type('Mot de passe', 'correct horse');
    press('Se connecter');
    const codeInput = await view.findByLabelText('Code de vérification');
    expect(document.activeElement).to.equal(codeInput);

    dom.fireEvent.change(codeInput, { target: { value: '12 34 56' } });
    expect((codeInput as HTMLInputElement).value).to.equal('123456');
    press('Se connecter');

    await dom.waitFor(() => expect(signedIn).to.have.length(1));
    expect(api.calls.map((call) => call.body)).to.deep.equal([
      { email: 'claire.admin@relais.test', password: 'correct horse' },
      {
        email: 'claire.admin@relais.test',
        password: 'correct horse',
        totp: '123456',
      },
    ]);
  });

  it('refuses a code that is not six digits without calling the API', async () => {
    const { view, api, type, press } = renderScreen({
      'POST /api/auth/signin': () =>
        fail(401, 'MFA_REQUIRED', 'Code de vérification requis.'),
    });

    type('Adresse e-mail', 'claire.admin@relais.test');
    type('Mot de passe', 'correct horse');
    press('Se connecter');
    await view.findByLabelText('Code de vérification');
    type('Code de vérification', '123');
    press('Se connecter');

    expect(await view.findByText('Le code compte exactement 6 chiffres.')).to
      .exist;
    expect(api.calls).to.have.length(1);
  });

  it('shows the secret and otpauth address on mfa_enrolment, then confirms the code', async () => {
    const enrolment = {
      secret: 'JBSWY3DPEHPK3PXP',
      otpauthUrl:
        'otpauth://totp/Relais:claire.admin%40relais.test?secret=JBSWY3DPEHPK3PXP',
    };
    const { view, api, signedIn, type, press } = renderScreen({
      'POST /api/auth/signin': () =>
        ok(signInResult('mfa_enrolment', { enrolment })),
      'POST /api/auth/mfa/confirm': () => ok(session('ready')),
    });

    type('Adresse e-mail', 'claire.admin@relais.test');
    type('Mot de passe', 'correct horse');
    press('Se connecter');

    const title = 'Activer la double authentification';
    expect(await view.findByRole('heading', { name: title })).to.exist;
    expect(view.getByLabelText('Clé secrète')).to.have.property(
      'value',
      enrolment.secret,
    );
    expect(view.getByLabelText('Adresse otpauth')).to.have.property(
      'value',
      enrolment.otpauthUrl,
    );
    type('Code de vérification', '654321');
    press('Valider le code');

    await dom.waitFor(() => expect(signedIn).to.have.length(1));
    const confirm = api.calls[1];
    expect(confirm?.path).to.equal('/api/auth/mfa/confirm');
    expect(confirm?.body).to.deep.equal({ code: '654321' });
    expect(confirm?.headers.authorization).to.equal(
      'Bearer token-mfa_enrolment',
    );
  });

  it('shows the server’s message when the enrolment code is wrong', async () => {
    const { view, signedIn, type, press } = renderScreen({
      'POST /api/auth/signin': () =>
        ok(signInResult('mfa_enrolment', { enrolment: shortEnrolment })),
      'POST /api/auth/mfa/confirm': () =>
        fail(401, 'MFA_INVALID', 'Code de vérification incorrect.'),
    });

    type('Adresse e-mail', 'claire.admin@relais.test');
    type('Mot de passe', 'correct horse');
    press('Se connecter');
    await view.findByLabelText('Clé secrète');
    type('Code de vérification', '000000');
    press('Valider le code');

    expect(await view.findByText('Code de vérification incorrect.')).to.exist;
    expect(signedIn).to.deep.equal([]);
  });

  it('asks for a new password on password_change, the one-time one as current', async () => {
    const { view, api, signedIn, type, press } = renderScreen({
      'POST /api/auth/signin': () => ok(signInResult('password_change')),
      'POST /api/auth/password': () => ok(session('ready')),
    });

    type('Adresse e-mail', 'nouveau@relais.test');
    type('Mot de passe', 'provisoire-42');
    press('Se connecter');
    expect(
      await view.findByRole('heading', {
        name: 'Choisir un nouveau mot de passe',
      }),
    ).to.exist;

    type('Nouveau mot de passe', 'une phrase de passe solide');
    type('Confirmer le mot de passe', 'une phrase de passe solide');
    press('Enregistrer le mot de passe');

    await dom.waitFor(() => expect(signedIn).to.have.length(1));
    expect(api.calls[1]?.body).to.deep.equal({
      currentPassword: 'provisoire-42',
      newPassword: 'une phrase de passe solide',
    });
    expect(api.calls[1]?.headers.authorization).to.equal(
      'Bearer token-password_change',
    );
  });

  it('shows the API’s refusal of the new password in the reader’s language only', async () => {
    const { view, type, press } = renderScreen({
      'POST /api/auth/signin': () => ok(signInResult('password_change')),
      'POST /api/auth/password': () =>
        fail(400, 'VALIDATION_FAILED', 'Certains champs sont invalides.', [
          {
            path: 'newPassword',
            message:
              'doit différer de l’actuel / must differ from the current one',
          },
        ]),
    });

    type('Adresse e-mail', 'nouveau@relais.test');
    type('Mot de passe', 'provisoire-42');
    press('Se connecter');
    await view.findByRole('heading', {
      name: 'Choisir un nouveau mot de passe',
    });
    type('Nouveau mot de passe', 'provisoire-42-bis');
    type('Confirmer le mot de passe', 'provisoire-42-bis');
    press('Enregistrer le mot de passe');

    expect(await view.findByText('doit différer de l’actuel')).to.exist;
    expect(view.queryByText(/must differ/)).to.equal(null);
  });

  it('refuses a short or unconfirmed new password without calling the API', async () => {
    const { view, api, type, press } = renderScreen({
      'POST /api/auth/signin': () => ok(signInResult('password_change')),
    });

    type('Adresse e-mail', 'nouveau@relais.test');
    type('Mot de passe', 'provisoire-42');
    press('Se connecter');
    await view.findByRole('heading', {
      name: 'Choisir un nouveau mot de passe',
    });

    type('Nouveau mot de passe', 'court');
    press('Enregistrer le mot de passe');
    expect(
      await view.findByText(
        'Le mot de passe doit compter 12 caractères au moins.',
      ),
    ).to.exist;

    type('Nouveau mot de passe', 'une phrase de passe solide');
    type('Confirmer le mot de passe', 'une autre phrase');
    press('Enregistrer le mot de passe');
    expect(await view.findByText('Les deux mots de passe diffèrent.')).to.exist;
    expect(api.calls).to.have.length(1);
  });

  it('takes a first administrator through a new password, then a fresh second factor', async () => {
    // The API's order: the one-time password goes first, and the enrolment
    // secret comes only with a sign-in, so the screen signs in again.
    const enrolment = {
      secret: 'NEWSECRET',
      otpauthUrl: 'otpauth://totp/Relais:new',
    };
    const { view, api, signedIn, type, press } = renderScreen({
      'POST /api/auth/signin': (call) => {
        // Like the API: a closed session's token is refused on every route.
        if (call.headers.authorization)
          return fail(401, 'UNAUTHENTICATED', 'Connexion requise.');

        return (call.body as { password: string }).password === 'provisoire-42'
          ? ok(signInResult('password_change', { token: 'first' }))
          : ok(signInResult('mfa_enrolment', { token: 'second', enrolment }));
      },
      'POST /api/auth/password': () => ok(session('mfa_enrolment')),
      'POST /api/auth/signout': () => ({ status: 204 }),
      'POST /api/auth/mfa/confirm': () => ok(session('ready')),
    });

    type('Adresse e-mail', 'claire.admin@relais.test');
    type('Mot de passe', 'provisoire-42');
    press('Se connecter');
    await view.findByRole('heading', {
      name: 'Choisir un nouveau mot de passe',
    });
    type('Nouveau mot de passe', 'une phrase de passe solide');
    type('Confirmer le mot de passe', 'une phrase de passe solide');
    press('Enregistrer le mot de passe');
    expect(await view.findByLabelText('Clé secrète')).to.have.property(
      'value',
      'NEWSECRET',
    );
    type('Code de vérification', '111111');
    press('Valider le code');

    await dom.waitFor(() =>
      expect(signedIn.map((s) => s.stage)).to.deep.equal(['ready']),
    );
    const trail = api.calls.map(
      (call) => `${call.path} ${call.headers.authorization ?? ''}`,
    );
    expect(trail).to.deep.equal([
      '/api/auth/signin ',
      '/api/auth/password Bearer first',
      '/api/auth/signout Bearer first',
      '/api/auth/signin ',
      '/api/auth/mfa/confirm Bearer second',
    ]);
    expect(api.calls[3]?.body).to.deep.equal({
      email: 'claire.admin@relais.test',
      password: 'une phrase de passe solide',
    });
  });

  it('sends the chosen language so the server words its errors in it', async () => {
    window.localStorage.setItem('relais.locale', 'en');
    const { view, api, type, press } = renderScreen({
      'POST /api/auth/signin': () =>
        fail(401, 'INVALID_CREDENTIALS', 'Wrong email or password.'),
    });

    type('Adresse e-mail', 'claire.admin@relais.test');
    type('Mot de passe', 'wrong');
    press('Se connecter');

    expect((await view.findByRole('alert')).textContent).to.contain(
      'Wrong email or password.',
    );
    expect(api.calls[0]?.headers['accept-language']).to.equal('en');
  });
});

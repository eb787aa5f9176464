import { expect } from 'chai';
import { authorizeUrl, readConsentAnswer } from './consent.ts';

describe('Teams consent page', () => {
  it('asks Entra ID for consent to the API scope, in the user’s tenant', () => {
    const url = new URL(
      authorizeUrl({
        authority: 'https://login.microsoftonline.com',
        tenantId: 'tenant-1',
        clientId: 'client-1',
        scope: 'api://relais.example.org/client-1/access_as_user',
        redirectUri: 'https://relais.example.org/teams/consent.html',
        state: 'etat',
        challenge: 'defi',
        loginHint: 'claire@contoso.example',
      }),
    );

    expect(url.origin + url.pathname).to.equal(
      'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/authorize',
    );
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      client_id: 'client-1',
      response_type: 'code',
      response_mode: 'query',
      redirect_uri: 'https://relais.example.org/teams/consent.html',
      scope: 'api://relais.example.org/client-1/access_as_user openid profile',
      prompt: 'consent',
      state: 'etat',
      code_challenge: 'defi',
      code_challenge_method: 'S256',
      login_hint: 'claire@contoso.example',
    });
  });

  it('uses the organisations endpoint when Teams gave no tenant', () => {
    const url = authorizeUrl({
      authority: 'https://login.microsoftonline.com',
      clientId: 'c',
      scope: 's',
      redirectUri: 'https://r/',
      state: 'e',
      challenge: 'd',
    });

    expect(url).to.match(/\/organizations\/oauth2\/v2\.0\/authorize\?/);
    expect(url).to.not.contain('login_hint');
  });

  it('reads the answer, and refuses one carrying another state', () => {
    expect(readConsentAnswer('', 'etat')).to.equal(null);
    expect(readConsentAnswer('?code=abc&state=etat', 'etat')).to.deep.equal({
      ok: true,
    });
    expect(
      readConsentAnswer('?error=access_denied&state=etat', 'etat'),
    ).to.deep.equal({ ok: false, reason: 'access_denied' });
    expect(readConsentAnswer('?code=abc&state=autre', 'etat')).to.deep.equal({
      ok: false,
      reason: 'state_mismatch',
    });
    expect(readConsentAnswer('?code=abc&state=etat', null)).to.deep.equal({
      ok: false,
      reason: 'state_mismatch',
    });
  });
});

/// <reference types="mocha" />
import { expect } from 'chai';
import { setupDom } from '../test/dom.ts';
import { fakeApi } from '../test/fakeApi.ts';

describe('the header', () => {
  const dom = setupDom();

  it('rings « Accueil Relais » when the keyboard focuses it', async () => {
    const [{ AppHeader }, { TestProviders }, { createApiClient }] =
      await Promise.all([
        import('./AppHeader.tsx'),
        import('../test/TestProviders.tsx'),
        import('../api.ts'),
      ]);
    const view = dom.render(
      <TestProviders client={createApiClient({ fetch: fakeApi({}).fetch })}>
        <AppHeader />
      </TestProviders>,
    );

    const home = view.getByRole('link', { name: 'Accueil Relais' });
    expect(getComputedStyle(home).outlineStyle).to.not.equal('solid');
    // Fluent marks a keyboard focus so (jsdom has no :focus-visible); its
    // subtle link alone answers `outline-style: none` there.
    home.setAttribute('data-fui-focus-visible', '');
    const ring = getComputedStyle(home);
    expect([ring.outlineStyle, ring.outlineColor]).to.deep.equal([
      'solid',
      'var(--colorStrokeFocus2)',
    ]);
  });
});

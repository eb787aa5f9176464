/// <reference types="mocha" />
import { expect } from 'chai';
import type { ImportBatchDto } from 'core-api/client';
import { setupDom } from '../../test/dom.ts';
import { buildBatch, buildUser } from '../../test/fixtures.ts';
import {
  loadScreenKit,
  renderWithApi,
  type ScreenKit,
} from '../../test/screenKit.tsx';

type Component = typeof import('./BatchProgress.tsx').BatchProgress;

/** A batch the server is reading, `done` rows of `total` through. */
const reading = (done: number, total: number): ImportBatchDto =>
  buildBatch({
    status: 'staging',
    phase: 'reading',
    progress: { done, total },
    preview: null,
  });

describe('BatchProgress', () => {
  const dom = setupDom();
  let kit: ScreenKit;
  let BatchProgress: Component;

  before(async () => {
    kit = await loadScreenKit();
    ({ BatchProgress } = await import('./BatchProgress.tsx'));
  });

  /**
   * Shows the bar for `batch` and returns it with the words it is described
   * by, as written (a finder would fold the narrow spaces).
   */
  const show = (batch: ImportBatchDto, locale?: 'fr' | 'en') => {
    const { view } = renderWithApi(
      dom,
      kit,
      <BatchProgress batch={batch} />,
      {},
      buildUser(),
      locale,
    );
    const bar = view.getByRole('progressbar');
    const said = (bar.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join('');
    dom.cleanup();

    return { bar, said };
  };

  it('writes large counts grouped, as a French reader does', () => {
    const { bar, said } = show(reading(12_345, 20_000));
    expect(bar.getAttribute('aria-valuenow')).to.equal('12345');
    expect(bar.getAttribute('aria-valuemax')).to.equal('20000');
    expect(said).to.equal('12\u202f345 lignes sur 20\u202f000');
  });

  it('agrees « ligne » with 0 and 1, and groups in English too', () => {
    expect(show(reading(0, 20_000)).said).to.equal('0 ligne sur 20\u202f000');
    expect(show(reading(1, 3)).said).to.equal('1 ligne sur 3');
    expect(show(reading(2, 3)).said).to.equal('2 lignes sur 3');
    expect(show(reading(1_500, 20_000), 'en').said).to.equal(
      '1,500 rows of 20,000',
    );
    // Rows counted without a total yet: the bar moves without a value.
    const counting = show(reading(19_886, 0));
    expect(counting.said).to.equal('19\u202f886 lignes');
    expect(counting.bar.hasAttribute('aria-valuenow')).to.equal(false);
  });
});

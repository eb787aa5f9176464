/// <reference types="mocha" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { RelaisClient } from 'core-api/client';
import { setupDom } from '../test/dom.ts';

type Modules = {
  BusySpinner: typeof import('./BusySpinner.tsx').BusySpinner;
  TestProviders: typeof import('../test/TestProviders.tsx').TestProviders;
  Button: typeof import('@fluentui/react-components').Button;
  axe: typeof import('axe-core');
};

/** The portal's sources, to find every spinner it draws. */
const sourceDir = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx$/.test(entry.name) && !/\.test\.tsx$/.test(entry.name)
      ? [path]
      : [];
  });
}

describe('BusySpinner', () => {
  const dom = setupDom();
  let m: Modules;

  before(async () => {
    m = {
      BusySpinner: (await import('./BusySpinner.tsx')).BusySpinner,
      TestProviders: (await import('../test/TestProviders.tsx')).TestProviders,
      Button: (await import('@fluentui/react-components')).Button,
      axe: (await import('axe-core')).default,
    };
  });

  /** A save button at work, as the screens draw it. */
  function renderButton(locale: 'fr' | 'en', silent = false) {
    return dom.render(
      <m.TestProviders client={{} as RelaisClient} locale={locale}>
        <m.Button icon={<m.BusySpinner silent={silent} />} disabledFocusable>
          {locale === 'fr' ? 'Enregistrer' : 'Save'}
        </m.Button>
      </m.TestProviders>,
    );
  }

  it('names its progress bar, and leaves the button its name', async () => {
    const view = renderButton('fr');
    view.getByRole('progressbar', { name: 'En cours…' });
    view.getByRole('button', { name: 'Enregistrer' });
    const results = await m.axe.run(view.container, {
      runOnly: ['aria-progressbar-name'],
    });
    expect(results.violations).to.deep.equal([]);
    expect(results.passes).to.have.length(1);
  });

  it('speaks English in the English portal', () => {
    const view = renderButton('en');
    view.getByRole('progressbar', { name: 'Working…' });
  });

  it('is only drawn when the button text already says it is busy', async () => {
    const view = renderButton('fr', true);
    expect(view.queryByRole('progressbar')).to.equal(null);
    view.getByRole('button', { name: 'Enregistrer' });
    const results = await m.axe.run(view.container, {
      runOnly: ['aria-progressbar-name'],
    });
    expect(results.violations).to.deep.equal([]);
  });

  it('is the only spinner drawn without a name in the portal', () => {
    const unnamed: string[] = [];
    for (const file of sources(sourceDir)) {
      const text = readFileSync(file, 'utf8');
      for (const tag of text.match(/<Spinner\b[^>]*>/g) ?? []) {
        if (/\s(label|aria-label|aria-labelledby|aria-hidden)\b/.test(tag))
          continue;
        unnamed.push(`${relative(sourceDir, file)}: ${tag}`);
      }
    }
    expect(unnamed).to.deep.equal([]);
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * The serious and critical accessibility violations axe-core finds in the
 * page's `main` region (or `selector`), one line each: rule, then the
 * elements at fault. The script is evaluated through the debugger, which
 * the portal's strict CSP (no inline script) leaves alone.
 */
export async function seriousViolations(
  page: Page,
  selector = 'main',
): Promise<string[]> {
  await page.evaluate(axeSource);

  return page.evaluate(async (within) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const context = document.querySelector(within) as HTMLElement;
    const result = await axe.run(context, { resultTypes: ['violations'] });

    return result.violations
      .filter(
        (found) => found.impact === 'serious' || found.impact === 'critical',
      )
      .map(
        (found) =>
          `${found.id}: ${found.nodes.map((node) => node.html).join(' | ')}`,
      );
  }, selector);
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** One rule axe-core found broken: its impact and the elements at fault. */
export type AxeFinding = { id: string; impact: string; nodes: string[] };

/**
 * Every accessibility violation axe-core finds in `selector` (the whole
 * page with `body`), whatever its impact. The script is evaluated through
 * the debugger, which the portal's strict CSP (no inline script) leaves
 * alone.
 */
export async function axeFindings(
  page: Page,
  selector: string,
): Promise<AxeFinding[]> {
  await page.evaluate(axeSource);

  return page.evaluate(async (within) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    // Fluent's focus manager (Tabster) puts empty focusable elements marked
    // aria-hidden around focus groups; they pass the focus on at once and are
    // never read. axe-core cannot know that, so they are left out.
    const context = { include: [within], exclude: ['[data-tabster-dummy]'] };
    const result = await axe.run(context, { resultTypes: ['violations'] });

    return result.violations.map((found) => ({
      id: found.id,
      impact: found.impact ?? 'unknown',
      nodes: found.nodes.map((node) => node.html),
    }));
  }, selector);
}

/**
 * The serious and critical accessibility violations axe-core finds in the
 * page's `main` region (or `selector`), one line each: rule, then the
 * elements at fault.
 */
export async function seriousViolations(
  page: Page,
  selector = 'main',
): Promise<string[]> {
  const findings = await axeFindings(page, selector);

  return findings
    .filter(
      (found) => found.impact === 'serious' || found.impact === 'critical',
    )
    .map((found) => `${found.id}: ${found.nodes.join(' | ')}`);
}

/**
 * Waits until nothing on the page is still fading or sliding in (a dialog
 * opening, a message appearing): what people read, and what axe-core can
 * measure colours on. Endless animations (spinners) are not waited for.
 */
export async function whenStill(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getTiming().iterations === Infinity,
      ),
  );
}

/**
 * Screenshots the whole page into `path` once it is still, then returns the
 * serious and critical violations axe-core finds in all of it: dialogs and
 * menus drawn outside `main` included.
 */
export async function shotAndAxe(page: Page, path: string): Promise<string[]> {
  await whenStill(page);
  await page.screenshot({ path, fullPage: true });

  return seriousViolations(page, 'body');
}

import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.ts';
import { sideScroll } from './browser.ts';

/**
 * Checks that a page fits its window (no sideways scrolling, on a phone
 * above all) and that axe-core finds nothing serious or critical in it.
 */
export async function expectFit(page: Page, where: string): Promise<void> {
  expect(
    await sideScroll(page),
    `horizontal scrolling on ${where}`,
  ).to.be.at.most(0);
  expect(await seriousViolations(page), `axe on ${where}`).to.deep.equal([]);
}

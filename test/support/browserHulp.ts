import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_WACHTWOORD } from './testApp';

const axeBron = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Signs a demo user in through the sign-in page of the server at `basisUrl`. */
export async function meldAan(page: Page, basisUrl: string, email: string) {
  await page.goto(`${basisUrl}/aanmelden`);
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect.poll(() => page.url()).not.toContain('/aanmelden');
}

/**
 * Every WCAG 2.1 A/AA violation axe finds in the page (any impact). axe-core is injected from node_modules (no CDN);
 * the page's context must bypass the app's CSP for this script (`bypassCSP: true`).
 */
export async function findAxeOvertredingen(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeBron });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map(
      (v: { id: string; impact: string; nodes: { target: string[] }[] }) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  });
}

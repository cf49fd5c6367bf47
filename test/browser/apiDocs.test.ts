import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { startTestServer } from '../support/testServer';
import { launchChromium } from '../support/chromium';

/**
 * The API's reference page (issue 32.1) in a real browser under the app's own CSP: it loads nothing the CSP refuses,
 * scrolls not sideways at a phone's width, and is axe-core clean (WCAG 2.1 A/AA). axe is injected in a second context
 * that bypasses the CSP for that script only.
 */
const axeBron = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('GET /api/v1/docs in chromium', () => {
  it('renders under the CSP without a refused load', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const geweigerd: string[] = [];
    page.on('console', (m) => m.type() === 'error' && geweigerd.push(m.text()));
    const r = await page.goto(`${server.url}/api/v1/docs`);
    expect(r?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 2, name: 'PATCH /api/v1/zaken/{id}' }).count()).toBe(1);
    expect(await page.locator('h2').count()).toBeGreaterThanOrEqual(11);
    expect(geweigerd).toEqual([]);
    await context.close();
  }, 60_000);

  for (const breedte of [390, 1280]) {
    it(`at ${breedte} px: no sideways scrolling, axe-clean`, async () => {
      const context = await browser.newContext({ viewport: { width: breedte, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${server.url}/api/v1/docs`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(breedte);
      await page.addScriptTag({ content: axeBron });
      const overtredingen = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const r = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          resultTypes: ['violations'],
        });
        return r.violations.map(
          (v: { id: string; nodes: { target: string[] }[] }) =>
            `${v.id}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
        );
      });
      expect(overtredingen).toEqual([]);
      if (process.env.API_DOCS_SCREENSHOT) await page.screenshot({ path: `${process.env.API_DOCS_SCREENSHOT}-${breedte}.png` });
      await context.close();
    }, 60_000);
  }
});

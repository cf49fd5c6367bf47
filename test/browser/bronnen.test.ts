import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { meldAan as meldAanOp } from '../support/browserHulp';
import { startTestServer } from '../support/testServer';
import { DEMO } from '../support/testApp';
import { readBronDocument, type BronSoort } from '../../src/bronnen/bronXml';
import { collectVondsten } from '../../src/cli/bronnenCommand';
import { proposeVondsten } from '../../src/services/bronnen/bronVoorstellen';

/** The review of proposals from the official sources (issue 33) as a person does it, in chromium. */
const axeBron = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const lees = (bestand: string, bron: BronSoort) => readBronDocument(readFileSync(join('test/fixtures/bronnen', bestand), 'utf8'), bron);

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function meldAan(email: string, breedte = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: breedte, height: 800 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await meldAanOp(page, server.url, email);
  return page;
}

async function checkToegankelijkheid(page: Page, naam: string) {
  await page.evaluate(axeBron);
  const ernstig = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; nodes: { target: string[] }[] }) => ({ id: v.id, waar: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  expect(ernstig, naam).toEqual([]);
}

describe('reviewing proposals from the official sources in chromium', () => {
  it('shows the empty state from the menu before anything was read', async () => {
    const page = await meldAan(DEMO.advocaat);
    await page.getByRole('link', { name: 'Bronnen' }).click();
    await page.waitForURL(/\/bronnen$/);
    expect(await page.locator('main').innerText()).toContain('Geen open voorstellen.');
    await checkToegankelijkheid(page, 'bronnen leeg');
    await page.context().close();
  });

  it('accepts an uitspraak, which closes the case, and dismisses a notice, which does not come back', async () => {
    const { vondsten } = collectVondsten([
      lees('rechtspraak-feed.xml', 'rechtspraak'),
      lees('rechtspraak-inhoud-1234.xml', 'rechtspraak'),
      lees('staatscourant-nza.xml', 'staatscourant'),
    ]);
    proposeVondsten(server.db, vondsten);
    const page = await meldAan(DEMO.advocaat);
    await page.getByRole('link', { name: 'Bronnen' }).click();
    const uitspraak = page.locator('tr', { hasText: 'ECLI:NL:CBB:2026:1234' });
    expect(await uitspraak.innerText()).toMatch(/Zaak sluiten als afgerond op dinsdag 17 november 2026[\s\S]*CBb 26\/0417[\s\S]*verantwoordelijke: /);
    await checkToegankelijkheid(page, 'bronnen met voorstellen');
    await page.screenshot({ path: 'docs/screenshots/werkweergaven/bronnen-1280.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'docs/screenshots/werkweergaven/bronnen-390.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.locator('tr', { hasText: 'Beleidsregel prestaties en tarieven Wlz 2027' }).getByRole('button', { name: 'Afwijzen' }).click();
    await page.waitForURL(/klaar=voorstel-afgewezen/);
    expect(await page.getByRole('status').first().innerText()).toContain('Het voorstel is afgewezen; het komt niet terug.');
    expect(await page.locator('tr', { hasText: 'Beleidsregel prestaties en tarieven Wlz 2027' }).innerText()).toContain('afgewezen door');

    await uitspraak.getByRole('button', { name: 'Aanvaarden' }).click();
    await page.waitForURL(/klaar=voorstel-aanvaard/);
    expect(await page.getByRole('status').first().innerText()).toContain('Het voorstel is aanvaard en verwerkt.');
    await page.locator('tr', { hasText: 'ECLI:NL:CBB:2026:1234' }).getByRole('link', { name: 'CBb 26/0417' }).click();
    await page.waitForURL(/\/zaken\/\d+$/);
    const zaak = await page.locator('main').innerText();
    expect(zaak).toContain('ECLI:NL:CBB:2026:1234');
    expect(zaak).toMatch(/afgerond/i);

    // Read again: nothing new is proposed, the dismissed notice stays dismissed.
    expect(proposeVondsten(server.db, vondsten)).toEqual([]);
    await page.goto(`${server.url}/bronnen`);
    expect(await page.locator('tr', { hasText: 'Beleidsregel prestaties en tarieven Wlz 2027' }).innerText()).toContain('afgewezen');
    await page.context().close();
  });

  it('a lezer sees the proposals at 390 px but is offered no button', async () => {
    const page = await meldAan(DEMO.lezer, 390);
    await page.goto(`${server.url}/bronnen`);
    expect(await page.locator('tr', { hasText: 'Regeling verdeling contracteerruimte Wlz 2027' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Aanvaarden' }).count()).toBe(0);
    await checkToegankelijkheid(page, 'bronnen 390 lezer');
    await page.context().close();
  });
});

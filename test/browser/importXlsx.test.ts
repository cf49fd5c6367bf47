import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/testServer';
import { DEMO } from '../support/testApp';
import { findAxeOvertredingen, meldAan } from '../support/browserHulp';

/**
 * Issue 34: a law firm imports its clients' tariefbeschikkingen from an Excel workbook in the browser (chromium):
 * the data is on the second of three worksheets, so the first check fails and offers the worksheets; the user picks
 * the right one, confirms the new clients, imports. axe-core checks the preview with the worksheet choice.
 */
const WERKMAP = 'test/fixtures/spreadsheets/tariefbeschikkingen-meerdere-bladen.xlsx';

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

const telGeimporteerd = () =>
  (server.db.$client.prepare(`SELECT count(*) AS n FROM tariefbeschikkingen WHERE kenmerk LIKE 'NZa/TB/2026-310_'`).get() as { n: number }).n;

describe('importing an .xlsx in the browser', () => {
  it('checks the first worksheet, lets the user pick the one with the data, and imports it after confirmation', async () => {
    // The context bypasses the app's CSP for the injected axe script only, as in the other browser tests.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await meldAan(page, server.url, DEMO.advocaat);
    await page.getByRole('link', { name: 'Importeren' }).click();
    await page.getByLabel(/Excel-werkmap \(\.xlsx\) of CSV-bestand/).setInputFiles(WERKMAP);
    await page.getByRole('button', { name: 'Controleren' }).click();
    const resultaat = page.locator('#import-resultaat');
    await expect.poll(() => resultaat.innerText(), { timeout: 15_000 }).toContain('Niets geïmporteerd');
    expect(await resultaat.innerText()).toContain('Gelezen als Excel-werkmap, werkblad "Toelichting" (1 van 3).');
    expect(await resultaat.getByRole('button', { name: 'Importeren' }).count()).toBe(0);

    const keuze = resultaat.getByLabel(/Werkblad:/);
    expect(await keuze.locator('option').allInnerTexts()).toEqual(['Toelichting', 'Tariefbeschikkingen 2027', 'Oud']);
    expect(await findAxeOvertredingen(page)).toEqual([]);

    await keuze.selectOption('Tariefbeschikkingen 2027');
    await resultaat.getByRole('button', { name: 'Dit werkblad controleren' }).click();
    await expect.poll(() => resultaat.innerText(), { timeout: 15_000 }).toContain('Gecontroleerd: 4 rijen');
    expect(await resultaat.innerText()).toContain('werkblad "Tariefbeschikkingen 2027" (2 van 3)');
    expect(await resultaat.innerText()).toContain('Zorggroep Ébène (KvK 93456781)');
    expect(telGeimporteerd()).toBe(0);

    await resultaat.getByLabel(/Ja, maak deze/).check();
    await resultaat.getByRole('button', { name: 'Importeren' }).click();
    await expect.poll(() => resultaat.innerText(), { timeout: 15_000 }).toContain('Geïmporteerd: 4 tariefbeschikkingen');
    expect(telGeimporteerd()).toBe(4);
    await context.close();
  });
});

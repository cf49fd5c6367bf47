import { findEigenTariefbeschikking } from '../support/demoGegevens';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/testServer';
import { DEMO, DEMO_WACHTWOORD } from '../support/testApp';

/** Sign in as a demo user by (a fragment of) their name: e-mail and the demo password, as a person would type them. */
const DEMO_ACCOUNTS: Record<string, string> = { Kuipers: DEMO.advocaat, Vries: DEMO.nza, Bakker: DEMO.inhouse };

const axeBron = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
});

async function meldAan(wie: RegExp) {
  await page.goto(`${server.url}/aanmelden`);
  await page.getByLabel('E-mailadres', { exact: true }).fill(DEMO_ACCOUNTS[wie.source]!);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect.poll(() => page.url()).not.toContain('/aanmelden');
}

/** axe-core in the page: no serious or critical violations. */
async function checkToegankelijkheid(naam: string) {
  await page.evaluate(axeBron);
  const uitkomst = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      waar: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const ernstig = uitkomst.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
  expect(ernstig, `${naam}: ${JSON.stringify(ernstig)}`).toEqual([]);
}

describe('the user flows in chromium', () => {
  it('registers a tariefbeschikking and sees its two terms appear, before and after saving', async () => {
    await meldAan(/Kuipers/);
    await page.getByRole('link', { name: 'Besluit registreren' }).click();
    await page.getByLabel('Kenmerk').fill('NZa/TB/2026-3001');
    await page.getByLabel('Soort', { exact: true }).selectOption('vaststelling');
    await page.getByLabel('Zorgaanbieder').selectOption({ label: 'Stichting Amstelhof Wonen en Zorg (KvK 90000003)' });
    await page.getByLabel('Zorgkantoorregio').selectOption('Amsterdam');
    await page.getByLabel('Jaar').fill('2027');
    await page.getByLabel('Besluitdatum', { exact: true }).fill('16-11-2026');
    await page.getByLabel('Bekendgemaakt op', { exact: true }).pressSequentially('18-11-2026');
    const voorbeeld = page.locator('#voorbeeld');
    await expect.poll(() => voorbeeld.innerText()).toContain('Beroep bij het CBb tegen de contracteerruimte');
    expect(await voorbeeld.innerText()).toContain('Bezwaar bij de NZa tegen de tariefbeschikking');
    expect(await voorbeeld.innerText()).toContain('woensdag 30 december 2026');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/matrix\/ZK02\/2027/);
    const item = page.locator('.tijdlijn-item', { hasText: 'NZa/TB/2026-3001' });
    expect(await item.innerText()).toMatch(/bezwaar tegen tariefbeschikking[\s\S]*30 december 2026/);
    expect(await item.innerText()).toMatch(/beroep tegen contracteerruimte[\s\S]*30 december 2026/);
    await page.getByRole('link', { name: 'Overzicht' }).click();
    expect(await page.locator('table.termijnen').innerText()).toContain('NZa/TB/2026-3001');
  });

  it('registers a sluittarief and sees the exclusion banner with its reason', async () => {
    await meldAan(/Kuipers/);
    await page.goto(`${server.url}/besluiten/nieuw`);
    await page.getByLabel('Kenmerk').fill('NZa/TB/2026-3002');
    await page.getByLabel('Soort', { exact: true }).selectOption('sluittarief');
    await page.getByLabel('Zorgaanbieder').selectOption({ label: 'Maasoever Gehandicaptenzorg B.V. (KvK 90000004)' });
    await page.getByLabel('Zorgkantoorregio').selectOption('Rotterdam');
    await page.getByLabel('Jaar').fill('2025');
    await page.getByLabel('Besluitdatum', { exact: true }).fill('2026-11-19');
    await page.getByLabel('Bekendgemaakt op', { exact: true }).fill('2026-11-20');
    await expect.poll(() => page.locator('#voorbeeld').innerText()).toContain('Geen beroep tegen de contracteerruimte Rotterdam 2025');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/matrix\/ZK20\/2025/);
    await page.getByRole('link', { name: 'Overzicht' }).click();
    // Folded to one line (issue 30.3): the summary says how many besluiten open no beroepstermijn; a click shows why.
    await page.locator('summary', { hasText: 'Geen beroepstermijn' }).click();
    const banner = page.locator('.banner', { hasText: 'NZa/TB/2026-3002' });
    expect(await banner.innerText()).toContain('Sluittarief: geen beroep tegen de contracteerruimte');
    expect(await banner.innerText()).toContain('art. 105 lid 2 Wmg');
  });

  it('shows the error beside the field and keeps what was typed', async () => {
    await meldAan(/Kuipers/);
    await page.goto(`${server.url}/besluiten/nieuw`);
    await page.getByLabel('Kenmerk').fill('NZa/TB/2026-3003');
    await page.getByLabel('Bekendgemaakt op', { exact: true }).fill('31-02-2026');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    expect(await page.getByRole('alert').first().innerText()).toContain('Niets opgeslagen');
    expect(await page.locator('.veldfout', { hasText: 'Bekendgemaakt op' }).innerText()).toContain('"31-02-2026" is geen geldige datum');
    expect(await page.getByLabel('Kenmerk').inputValue()).toBe('NZa/TB/2026-3003');
    expect(
      (await page.locator('.veldfout', { hasText: 'Zorgaanbieder' }).count()) +
        (await page.locator('.veldfout', { hasText: 'kies een zorgaanbieder' }).count()),
    ).toBeGreaterThan(0);
  });

  it('imports a CSV with one bad row: the row error and nothing saved; then the fixed file', async () => {
    await meldAan(/Vries/);
    await page.getByRole('link', { name: 'Importeren' }).click();
    const kop = 'kenmerk;soort;besluitdatum;bekendgemaakt;regio;jaar;bedrag\n';
    const goed = 'NZa/CR/2026-300;wijziging;17-11-2026;20-11-2026;Utrecht;2028;1.950.000.000,00\n';
    const fout = 'NZa/CR/2026-300;wijziging;17-11-2026;20-11-2026;Groningen;20288;800.000.000,00\n';
    await page.getByLabel(/CSV-bestand/).setInputFiles({ name: 'overzicht.csv', mimeType: 'text/csv', buffer: Buffer.from(kop + goed + fout) });
    await page.getByRole('button', { name: 'Controleren' }).click();
    const resultaat = page.locator('#import-resultaat');
    await expect.poll(() => resultaat.innerText()).toContain('Niets geïmporteerd');
    expect(await resultaat.locator('table').innerText()).toMatch(/3\s+jaar\s+"20288" is geen jaar tussen 2000 en 2100/);
    expect(await resultaat.getByRole('button', { name: 'Importeren' }).count()).toBe(0);
    expect(server.db.$client.prepare(`SELECT count(*) AS n FROM contracteerruimtebesluiten WHERE kenmerk = 'NZa/CR/2026-300'`).get()).toEqual({ n: 0 });

    await page
      .getByLabel(/CSV-bestand/)
      .setInputFiles({ name: 'overzicht.csv', mimeType: 'text/csv', buffer: Buffer.from(kop + goed + fout.replace('20288', '2028')) });
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect.poll(() => resultaat.innerText()).toContain('Gecontroleerd: 2 rijen');
    await resultaat.getByRole('button', { name: 'Importeren' }).click();
    await expect.poll(() => resultaat.innerText()).toContain('Geïmporteerd: 1 besluit');
    expect(server.db.$client.prepare(`SELECT count(*) AS n FROM contracteerruimtebesluiten WHERE kenmerk = 'NZa/CR/2026-300'`).get()).toEqual({ n: 1 });
  });

  it('opens the matrix and a cell history', async () => {
    await meldAan(/Vries/);
    await page.getByRole('link', { name: 'Regio × jaar' }).click();
    expect(await page.locator('.venster').first().innerText()).toContain('Gedeeld beroepsvenster art. 105 lid 3 Wmg');
    const cel = page
      .getByRole('row', { name: /^Amsterdam/ })
      .getByRole('link')
      .filter({ hasText: 'in beroep' });
    await cel.click();
    await page.waitForURL(/\/matrix\/ZK02\/2027/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Amsterdam 2027');
    expect(await page.locator('.status-paneel').innerText()).toContain('in beroep');
    expect(await page.locator('.tijdlijn').innerText()).toContain('NZa/CR/2025-118');
  });

  it('opens a case and registers "beroep ingesteld": the region-year moves to in beroep', async () => {
    await meldAan(/Bakker/);
    await page.goto(`${server.url}/matrix/Utrecht/2026`);
    expect(await page.locator('.status-paneel').innerText()).toMatch(/open/);
    await page.getByRole('link', { name: 'Zaken' }).click();
    await page
      .getByRole('row', { name: /NZa\/TB\/2026-1855/ })
      .getByRole('link')
      .first()
      .click();
    expect(await page.locator('.termijnkaart').first().innerText()).toContain('dinsdag 22 december 2026');
    await page.getByLabel('Datum ingediend', { exact: true }).fill('21-11-2026');
    await page.getByLabel('CBb-zaaknummer').fill('26/2100');
    await page.getByRole('button', { name: 'Registreer beroep ingesteld' }).click();
    expect(await page.locator('.tijdlijn-kort').innerText()).toContain('Beroep ingesteld (CBb 26/2100)');
    await page.getByRole('link', { name: 'Utrecht 2026' }).click();
    expect(await page.locator('.status-paneel').innerText()).toContain('in beroep');
  });
});

describe('accessibility (axe-core): no serious or critical violations', () => {
  it('on every page', async () => {
    await page.goto(`${server.url}/aanmelden`);
    await checkToegankelijkheid('aanmelden');
    await meldAan(/Kuipers/);
    const zaakId = (server.db.$client.prepare('SELECT id FROM zaken WHERE organisatie_id = 2 LIMIT 1').get() as { id: number }).id;
    const tbId = findEigenTariefbeschikking(server.db.$client, 'NZa/TB/2026-1744', 'Van Dam & Kuipers Advocaten');
    for (const pad of [
      '/',
      '/matrix',
      '/matrix/Amsterdam/2026',
      '/besluiten/nieuw',
      '/import',
      '/zaken',
      `/zaken/${zaakId}`,
      `/zaken/${zaakId}/documenten/nieuw?soort=beroepschrift`,
      `/zaken/${zaakId}/documenten/nieuw?soort=voorlopige-voorziening`,
      `/besluiten/tariefbeschikking/${tbId}/bewerken`,
      '/outbox',
      '/instellingen',
      '/bestaat-niet',
    ]) {
      await page.goto(`${server.url}${pad}`);
      await checkToegankelijkheid(pad);
    }
    // Pages in their error and result states too.
    await page.goto(`${server.url}/besluiten/nieuw`);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await checkToegankelijkheid('formulier met fouten');
    // The NZa's own pages: the contracteerruimtebesluit form (only the NZa is offered it) and its workspace with the
    // register of received beroepen.
    await meldAan(/Vries/);
    for (const pad of ['/besluiten/nieuw?type=contracteerruimte', '/werkruimte']) {
      await page.goto(`${server.url}${pad}`);
      await checkToegankelijkheid(pad);
    }
    // A beheerder's pages (Bakker is the beheerder of Heuvelrand), the SSO settings in their error state too.
    await meldAan(/Bakker/);
    for (const pad of ['/organisatie/leden', '/organisatie/sso', '/organisatie/wijzigingen']) {
      await page.goto(`${server.url}${pad}`);
      await checkToegankelijkheid(pad);
    }
    await page.goto(`${server.url}/organisatie/sso`);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('.veldfout').first().waitFor();
    await checkToegankelijkheid('single sign-on met fouten');
  }, 120_000);
});

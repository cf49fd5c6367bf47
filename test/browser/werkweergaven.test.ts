import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/testServer';
import { DEMO, DEMO_WACHTWOORD } from '../support/testApp';
import { seedDemoInloggegevens } from '../../src/services/toegang/aanmeldService';
import { createEenmansOrganisatie, EENMANS } from '../support/eenmansOrganisatie';
import { findAxeOvertredingen, meldAan as meldAanBij } from '../support/browserHulp';

/**
 * Issue 14, point 10: every page a person works from, at a phone's width (390 px) and a desktop's (1280 px): no
 * sideways scrolling (tables become cards; the matrix scrolls in its own box), axe-core clean against WCAG 2.1 A and
 * AA, and a screenshot in docs/screenshots/werkweergaven/ to look at. axe-core is injected from node_modules (no CDN).
 */
const MAP = 'docs/screenshots/werkweergaven';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  mkdirSync(MAP, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const meldAan = (page: Page, email: string) => meldAanBij(page, server.url, email);

const PAGINAS: { wie: string; naam: string; pad: string }[] = [
  { wie: DEMO.advocaat, naam: 'overzicht', pad: '/' },
  { wie: DEMO.advocaat, naam: 'mijn-week', pad: '/mijn-week' },
  { wie: DEMO.advocaat, naam: 'zaak-beroep', pad: '/zaken/1' },
  { wie: DEMO.advocaat, naam: 'zaak-bezwaar', pad: '/zaken/5' },
  { wie: DEMO.advocaat, naam: 'zaken', pad: '/zaken' },
  { wie: DEMO.advocaat, naam: 'matrix', pad: '/matrix' },
  { wie: DEMO.advocaat, naam: 'regio-jaar', pad: '/matrix/ZK02/2027' },
  { wie: DEMO.advocaat, naam: 'besluit-registreren', pad: '/besluiten/nieuw' },
  { wie: DEMO.advocaat, naam: 'importeren', pad: '/import' },
  { wie: DEMO.advocaat, naam: 'instellingen', pad: '/instellingen' },
  { wie: DEMO.inhouse, naam: 'zaak-inhouse', pad: '/zaken/4' },
  { wie: DEMO.nza, naam: 'werkruimte-nza', pad: '/werkruimte' },
  { wie: DEMO.nza, naam: 'zaken-nza', pad: '/zaken' },
  { wie: DEMO.nza, naam: 'overzicht-nza', pad: '/' },
  // The other pages of the app (issues 11–13), so that "axe on every page" holds for every signed-in page.
  { wie: DEMO.advocaat, naam: 'stuk-opstellen', pad: '/zaken/1/documenten/nieuw?soort=beroepschrift' },
  { wie: DEMO.advocaat, naam: 'herinneringen', pad: '/herinneringen' },
  { wie: DEMO.beheerder, naam: 'outbox', pad: '/outbox' },
  { wie: DEMO.advocaat, naam: 'regios', pad: '/regios' },
  { wie: DEMO.beheerder, naam: 'organisatie-leden', pad: '/organisatie/leden' },
  { wie: DEMO.beheerder, naam: 'organisatie-wijzigingen', pad: '/organisatie/wijzigingen' },
  { wie: DEMO.beheerder, naam: 'organisatie-sso', pad: '/organisatie/sso' },
  { wie: DEMO.nza, naam: 'contracteerruimtebesluit', pad: '/besluiten/contracteerruimte/1' },
  { wie: DEMO.nza, naam: 'contracteerruimtebesluit-bewerken', pad: '/besluiten/contracteerruimte/1/bewerken' },
  // Issue 30.2: the check page of a date.
  {
    wie: DEMO.beheerder,
    naam: 'controle',
    pad: '/termijnen/controle?partij=Stichting+Amstelhof+Wonen+en+Zorg&regio=ZK02&jaar=2026&einde=2026-12-01&terug=%2Fzaken%2F5',
  },
];

describe('the pages people work from, at 390 and 1280 px (issue 14)', () => {
  for (const breedte of [390, 1280]) {
    it(`at ${breedte} px: no sideways scrolling, axe-clean (WCAG 2.1 AA), a screenshot of each`, async () => {
      const fouten: string[] = [];
      const contexten = new Map<string, Page>();
      for (const { wie, naam, pad } of PAGINAS) {
        let page = contexten.get(wie);
        if (!page) {
          const context = await browser.newContext({
            viewport: { width: breedte, height: breedte === 390 ? 844 : 800 },
            locale: 'nl-NL',
            timezoneId: 'Europe/Amsterdam',
            bypassCSP: true,
          });
          page = await context.newPage();
          await meldAan(page, wie);
          contexten.set(wie, page);
        }
        const antwoord = await page.goto(`${server.url}${pad}`);
        if (antwoord?.status() !== 200) fouten.push(`${naam}: ${antwoord?.status()}`);
        // Nothing wider than the window, except inside the matrix's own scroll box.
        const breed = await page.evaluate(() => document.documentElement.scrollWidth);
        if (breed > breedte) fouten.push(`${naam}: ${breed} px wide at ${breedte} px`);
        for (const v of await findAxeOvertredingen(page)) fouten.push(`${naam} at ${breedte}: ${v}`);
        // At a phone's width the whole page, to see the tables as cards.
        await page.screenshot({ path: `${MAP}/${naam}-${breedte}.png`, fullPage: breedte === 390 });
      }
      for (const page of contexten.values()) await page.context().close();
      expect(fouten).toEqual([]);
    }, 240_000);
  }

  it('a one-person organisation invites an external checker, who confirms the date by the link alone (issue 30.2)', async () => {
    createEenmansOrganisatie(server.db);
    seedDemoInloggegevens(server.db, DEMO_WACHTWOORD, [EENMANS]);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', bypassCSP: true });
    const page = await context.newPage();
    await meldAan(page, EENMANS);
    await page.goto(`${server.url}/besluiten/nieuw`);
    await page.getByLabel('Kenmerk').fill('NZa/TB/2026-9600');
    await page.getByLabel('Soort').selectOption('wijziging');
    await page.getByLabel('Zorgaanbieder').selectOption('90000099');
    await page.getByLabel('Zorgkantoorregio').selectOption({ label: 'Utrecht' });
    await page.getByLabel('Jaar').fill('2026');
    await page.getByLabel('Besluitdatum', { exact: true }).fill('16-11-2026');
    await page.getByLabel('Bekendgemaakt op', { exact: true }).fill('18-11-2026');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/klaar=besluit/);
    const q = new URLSearchParams({ partij: 'Stichting Eenmans Zorg', regio: 'Utrecht', jaar: '2026', einde: '2026-12-30' });
    await page.goto(`${server.url}/termijnen/controle?${q}`);
    expect(await page.locator('body').innerText()).toContain('Niemand anders in uw organisatie kan deze datum controleren.');
    await page.getByLabel('Naam').fill('mr. P. Extern');
    await page.getByLabel('E-mailadres').fill('p.extern@kantoor.example');
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await page.waitForURL(/klaar=uitgenodigd/);
    expect(await page.getByRole('status').innerText()).toContain('Verstuurd: de externe controleur krijgt een link naar deze ene datum.');
    await page.screenshot({ path: `${MAP}/controle-eenmans-390.png`, fullPage: true });
    await context.close();

    const mail = server.db.$client.prepare("SELECT tekst FROM uitgaande_mail WHERE aan = 'p.extern@kantoor.example'").get() as { tekst: string };
    const pad = /http:\/\/app\.test(\/controle\/[A-Za-z0-9_-]+)/.exec(mail.tekst)![1]!;
    for (const breedte of [390, 1280]) {
      const extern = await browser.newContext({ viewport: { width: breedte, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', bypassCSP: true });
      const p = await extern.newPage();
      await p.goto(`${server.url}${pad}`);
      expect(await p.locator('body').innerText()).toContain('mr. E. Alleen vraagt u als tweede paar ogen');
      expect(await findAxeOvertredingen(p)).toEqual([]);
      await p.screenshot({ path: `${MAP}/controle-extern-${breedte}.png`, fullPage: true });
      if (breedte === 1280) {
        await p.getByLabel('Kenmerk op het besluit').fill('NZa/TB/2026-9600');
        await p.getByLabel('Bekendgemaakt op', { exact: true }).fill('18-11-2026');
        await p.getByLabel('de datum van ontvangst').check();
        await p.getByRole('button', { name: /bevestigen/ }).click();
        expect(await p.locator('h1').innerText()).toBe('Dank u: de controle is vastgelegd');
      }
      await extern.close();
    }
  }, 90_000);

  it('a second jurist confirms a fatal date from Mijn week; the success message is announced', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', bypassCSP: true });
    const page = await context.newPage();
    await meldAan(page, DEMO.beheerder);
    await page.goto(`${server.url}/mijn-week`);
    const knop = page.getByRole('button', { name: /Controleren.*1 december 2026.*Stichting Amstelhof Wonen en Zorg.*Amsterdam 2026/ }).first();
    await knop.click();
    // The check page (issue 30.2): the date with its afleiding, and what the checker reads on the besluit.
    await page.waitForURL(/\/termijnen\/controle\?/);
    expect(await page.locator('body').innerText()).toContain('Mag controleren: mr. A. van Dam (u).');
    for (const v of await findAxeOvertredingen(page)) throw new Error(`check page: ${v}`);
    await page.getByLabel('Kenmerk op het besluit').fill('NZa/TB/2026-1744');
    await page.getByLabel('Bekendgemaakt op', { exact: true }).fill('20-10-2026');
    await page.getByLabel('het poststempel op de envelop').check();
    await page.screenshot({ path: `${MAP}/controle-390.png`, fullPage: true });
    await page.getByRole('button', { name: /Laatste dag .*1 december 2026 bevestigen/ }).click();
    await page.waitForURL(/klaar=gecontroleerd/);
    const melding = page.getByRole('status').filter({ hasText: 'gecontroleerd' });
    expect(await melding.innerText()).toContain('Opgeslagen: de datum is gecontroleerd (vier ogen).');
    expect(await page.locator('body').innerText()).toMatch(/Gecontroleerd door mr\. A\. van Dam op \d{1,2} \w+ 2026 om \d\d:\d\d/);
    await page.screenshot({ path: `${MAP}/mijn-week-gecontroleerd-390.png`, fullPage: true });
    await context.close();
  }, 60_000);
});

import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/testServer';
import { DEMO, SESSIE_GEHEIM } from '../support/testApp';
import { createGebruiker, findOrganisatieByNaam } from '../../src/services/toegang/gebruikerBeheer';

// `npm run screenshots:aanmelden`: the sign-in and account pages at 1280 and 390 px wide into
// docs/screenshots/aanmelden (PNG), to look at them as a person would.
const MAP = process.env.SCREENSHOT_DIR ?? 'docs/screenshots/aanmelden';
mkdirSync(MAP, { recursive: true });
const BREEDTES = [1280, 390] as const;

async function fotos(
  browser: Browser,
  naam: string,
  url: string,
  voorbereiden?: (page: Page) => Promise<void>,
  cookies?: { name: string; value: string; url: string }[],
) {
  for (const breedte of BREEDTES) {
    const context = await browser.newContext({ viewport: { width: breedte, height: 860 }, locale: 'nl-NL', deviceScaleFactor: 1 });
    if (cookies) await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(url);
    if (voorbereiden) await voorbereiden(page);
    await page.screenshot({ path: `${MAP}/${naam}-${breedte}.png`, fullPage: true });
    await context.close();
  }
}

const demo = await startTestServer();
const productie = await startTestServer({ demo: false });
const browser = await launchChromium();
try {
  const als = (server: typeof demo, email: string) => [{ name: 'sessie', value: server.aanmelding(email).cookie.split('=')[1]!, url: server.url }];
  await fotos(browser, 'aanmelden-demo', `${demo.url}/aanmelden`);
  await fotos(browser, 'aanmelden-productie', `${productie.url}/aanmelden`);
  await fotos(browser, 'sso-onbekend', `${productie.url}/aanmelden`, async (page) => {
    await page.getByLabel('E-mailadres voor single sign-on').fill('iemand@kantoor.example');
    await page.getByRole('button', { name: 'Aanmelden met single sign-on' }).click();
    await page.getByRole('alert').waitFor();
  });

  // First sign-in: a link from the command line, the QR code, then the recovery codes.
  const org = findOrganisatieByNaam(productie.db, 'Van Dam & Kuipers Advocaten')!;
  for (const breedte of BREEDTES) {
    const { token } = createGebruiker(
      productie.db,
      SESSIE_GEHEIM,
      { email: `n.jansen.${breedte}@vandamkuipers.example`, naam: 'mr. N. Jansen', organisatieId: org.id, rol: 'jurist' },
      new Date(productie.klok.nuMs),
    );
    const context = await browser.newContext({ viewport: { width: breedte, height: 860 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(`${productie.url}/welkom/${token}`);
    await page.screenshot({ path: `${MAP}/welkom-${breedte}.png`, fullPage: true });
    await page.getByLabel('Nieuw wachtwoord (minstens 12 tekens)').fill('wachtwoord12');
    await page.getByLabel('Wachtwoord nogmaals').fill('wachtwoord12');
    await page.getByLabel('Code die de app nu toont').fill('123456');
    await page.getByRole('button', { name: 'Account inrichten' }).click();
    await page.getByRole('alert').waitFor();
    await page.screenshot({ path: `${MAP}/welkom-fout-${breedte}.png`, fullPage: true });
    const sleutel = (await page.locator('code.sleutel').innerText()).replace(/\s/g, '');
    await page.getByLabel('Nieuw wachtwoord (minstens 12 tekens)').fill('Kanaalkade-Jurist-2026');
    await page.getByLabel('Wachtwoord nogmaals').fill('Kanaalkade-Jurist-2026');
    await page
      .getByLabel('Code die de app nu toont')
      .fill(new TOTP({ secret: Secret.fromBase32(sleutel), digits: 6, period: 30 }).generate({ timestamp: productie.klok.nuMs }));
    await page.getByRole('button', { name: 'Account inrichten' }).click();
    await page.locator('ol.herstelcodes').waitFor();
    await page.screenshot({ path: `${MAP}/herstelcodes-${breedte}.png`, fullPage: true });
    await context.close();
  }

  await fotos(browser, 'leden', `${demo.url}/organisatie/leden`, undefined, als(demo, DEMO.beheerder));
  await fotos(
    browser,
    'sso-ingesteld',
    `${demo.url}/organisatie/sso`,
    async (page) => {
      if ((await page.getByLabel('Clientgeheim (client secret)').getAttribute('required')) !== null) {
        await page.getByLabel('Adres van de identiteitsprovider (issuer)').fill('https://login.vandamkuipers.example');
        await page.getByLabel('Client-ID').fill('termijnbewaking');
        await page.getByLabel('Clientgeheim (client secret)').fill('zeer-geheim-clientgeheim-7Qx2');
        await page.getByRole('button', { name: 'Opslaan' }).click();
        await page.getByRole('status').waitFor();
      }
    },
    als(demo, DEMO.beheerder),
  );
  await fotos(browser, 'geweigerd-403', `${demo.url}/besluiten/nieuw`, undefined, als(demo, DEMO.lezer));
  const zaakId = (demo.db.$client.prepare('SELECT id FROM zaken WHERE organisatie_id = 2 ORDER BY id LIMIT 1').get() as { id: number }).id;
  await fotos(browser, 'vertrouwelijk-404', `${demo.url}/zaken/${zaakId}`, undefined, als(demo, DEMO.nza));
  console.log(`screenshots written to ${MAP}`);
} finally {
  await browser.close();
  await demo.stop();
  await productie.stop();
}

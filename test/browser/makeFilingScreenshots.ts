import { findEigenTariefbeschikking } from '../support/demoGegevens';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/testServer';
import { DEMO } from '../support/testApp';

// The filing wizard (issue 13) at 1280 and 390 px into docs/screenshots/filings, to look at as a lawyer would: the
// lid-3 beroepschrift with the engine's doubt, a late filing asking for the 6:11 facts, the onherroepelijk refusal, and
// the download of "Word-document maken".
const MAP = 'docs/screenshots/filings';
mkdirSync(MAP, { recursive: true });
const server = await startTestServer();
const browser = await launchChromium();
try {
  const sql = server.db.$client;
  const beroep = (sql.prepare(`SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0417'`).get() as { id: number }).id;
  const cookies = [{ name: 'sessie', value: server.aanmelding(DEMO.advocaat).cookie.split('=')[1]!, url: server.url }];
  for (const breedte of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width: breedte, height: 900 }, locale: 'nl-NL', deviceScaleFactor: 1, acceptDownloads: true });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(`${server.url}/zaken/${beroep}/documenten/nieuw?soort=beroepschrift`);
    await page.screenshot({ path: `${MAP}/wizard-lid3-${breedte}.png`, fullPage: true });
    await page.screenshot({ path: `${MAP}/wizard-lid3-${breedte}-boven.png` });
    await page.getByText('Partij en gemachtigde').click();
    await page.getByRole('heading', { name: "Alinea's bewerken" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${MAP}/wizard-lid3-${breedte}-bewerken.png` });
    // "Word-document maken" downloads the file; the page stays.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Word-document maken' }).click()]);
    console.log(`${breedte}: downloaded ${download.suggestedFilename()}`);
    await page.goto(`${server.url}/zaken/${beroep}/documenten/nieuw?soort=beroepschrift&dagtekening=23-11-2026`);
    await page.screenshot({ path: `${MAP}/wizard-te-laat-${breedte}.png`, fullPage: false });
    await context.close();
  }
  const tb = findEigenTariefbeschikking(sql, 'NZa/TB/2026-1630', 'Van Dam & Kuipers Advocaten');
  const context = await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'nl-NL' });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(`${server.url}/zaken/${beroep}`);
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const r = await page.request.post(`${server.url}/zaken`, { form: { soort: 'beroep', tariefbeschikkingId: String(tb), _csrf: csrf }, maxRedirects: 0 });
  const zaakId = /\/zaken\/(\d+)/.exec(r.headers()['location'] ?? '')?.[1];
  if (zaakId) {
    await page.goto(`${server.url}/zaken/${zaakId}/documenten/nieuw?soort=beroepschrift`);
    await page.screenshot({ path: `${MAP}/onherroepelijk-390.png`, fullPage: true });
  } else console.log('zaak niet geopend', r.status());
} finally {
  await browser.close();
  await server.sluit();
}

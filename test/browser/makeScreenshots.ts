import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/testServer';
import { DEMO, DEMO_WACHTWOORD } from '../support/testApp';

// `npm run screenshots`: every page at 1366×768 into docs/screenshots (JPEG, to keep the README light).
const server = await startTestServer();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL' });
  const page = await context.newPage();
  const foto = async (naam: string) => {
    await page.screenshot({ path: `docs/screenshots/${naam}.jpg`, type: 'jpeg', quality: 70 });
    // SCREENSHOT_PNG_DIR: also PNG copies, for viewers that show PNG only.
    if (process.env.SCREENSHOT_PNG_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_PNG_DIR}/${naam}.png` });
  };
  await page.goto(`${server.url}/aanmelden`);
  await foto('aanmelden');
  // Signed in as the firm's jurist, as a user would: e-mail and the demo password (demo accounts need no code).
  await page.getByLabel('E-mailadres', { exact: true }).fill(DEMO.advocaat);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await page.waitForURL(`${server.url}/`);
  await foto('overzicht');
  await page.goto(`${server.url}/matrix`);
  await foto('matrix');
  await page.goto(`${server.url}/matrix/ZK23/2026`);
  await foto('historie');
  await page.goto(`${server.url}/besluiten/nieuw`);
  await page.getByLabel('Kenmerk').fill('NZa/TB/2026-2001');
  await page.getByLabel('Soort', { exact: true }).selectOption('wijziging');
  await page.getByLabel('Zorgaanbieder').selectOption({ index: 1 });
  await page.getByLabel('Zorgkantoorregio').selectOption('Amsterdam');
  await page.getByLabel('Jaar').fill('2026');
  await page.getByLabel('Besluitdatum', { exact: true }).fill('11-11-2026');
  await page.getByLabel('Bekendgemaakt op', { exact: true }).pressSequentially('13-11-2026');
  await page.locator('#voorbeeld .termijnkaart').first().waitFor();
  await foto('registreren');
  await page.goto(`${server.url}/import`);
  // The firm imports its clients' tariefbeschikkingen (only the NZa imports contracteerruimte); one row has errors.
  await page.getByLabel('Tariefbeschikkingen').check();
  await page.getByLabel(/CSV-bestand/).setInputFiles({
    name: 'tariefbeschikkingen.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'kenmerk;kvk;zorgaanbieder;regio;jaar;soort;besluitdatum;bekendgemaakt\n' +
        'NZa/TB/2026-1901;90000002;Stichting Zorggroep Heuvelrand;Utrecht;2027;vaststelling;16-11-2026;18-11-2026\n' +
        'NZa/TB/2026-1902;90000002;Stichting Zorggroep Heuvelrand;Utrech;20277;vaststelling;16-11-2026;31-11-2026\n',
    ),
  });
  await page.getByRole('button', { name: 'Controleren' }).click();
  await page.locator('#import-resultaat table').waitFor();
  await foto('import');
  await page.goto(`${server.url}/zaken`);
  await foto('zaken');
  const zaakId = (server.db.$client.prepare('SELECT id FROM zaken WHERE organisatie_id = 2 ORDER BY id LIMIT 1').get() as { id: number }).id;
  await page.goto(`${server.url}/zaken/${zaakId}`);
  await foto('zaak');
  await page.goto(`${server.url}/zaken/${zaakId}/documenten/nieuw?soort=beroepschrift`);
  await foto('stuk-opstellen');
  await page.goto(`${server.url}/instellingen`);
  await foto('instellingen');
  console.log('screenshots written to docs/screenshots');
} finally {
  await browser.close();
  await server.stop();
}

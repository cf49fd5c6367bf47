import { mkdirSync } from 'node:fs';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/testServer';
import { DEMO } from '../support/testApp';

// Screenshots of the reminder pages of issues 12.4 and 14.2 at 1280 and 390 px (docs/screenshots/herinneringen-*):
// /outbox with an onzeker reminder and its two buttons, the responsible persons on /instellingen, /herinneringen.
const s = await startTestServer();
const sql = s.db.$client;
const bakker = sql.prepare('SELECT id FROM gebruikers WHERE email = ?').pluck().get(DEMO.inhouse) as number;
const rij = sql.prepare(
  "INSERT INTO herinneringen (sleutel, soort, gebruiker_id, moment, status, termijn, einde, zaak_id, fout, pogingen, verzonden_op) VALUES (?, 'herinnering', ?, ?, ?, ?, ?, ?, ?, 1, ?)",
);
rij.run('s1', bakker, '2026-11-20', 'onzeker', 'z3', '2026-12-11', 3, 'het versturen is onderbroken; controleer of de e-mail is aangekomen', null);
rij.run('s2', bakker, '2026-11-23', 'verzonden', 'z4', '2026-12-22', 4, null, '2026-11-23T08:00:00.000Z');
rij.run(
  's3',
  bakker,
  '2026-11-23',
  'verzonden',
  't3:bezwaar:tariefbeschikking:NZa/TB/2026-1855:Utrecht:2026:Stichting Zorggroep Heuvelrand',
  '2026-12-22',
  null,
  null,
  '2026-11-23T08:00:00.000Z',
);
const browser = await launchChromium();
mkdirSync('docs/screenshots', { recursive: true });
for (const breedte of [1280, 390]) {
  const context = await browser.newContext({ viewport: { width: breedte, height: 900 } });
  await context.addCookies([{ name: 'sessie', value: s.aanmelding(DEMO.inhouse).cookie.replace(/^sessie=/, ''), url: s.url }]);
  const pagina = await context.newPage();
  for (const [naam, pad] of [
    ['outbox', '/outbox'],
    ['instellingen', '/instellingen'],
    ['lijst', '/herinneringen'],
  ] as const) {
    await pagina.goto(`${s.url}${pad}`);
    const bestand = `docs/screenshots/herinneringen-${naam}-${breedte}.png`;
    await pagina.screenshot({ path: bestand, fullPage: naam !== 'instellingen' });
    if (naam === 'instellingen') await pagina.locator('form[action="/instellingen/verantwoordelijken"]').screenshot({ path: bestand });
    console.log(bestand);
  }
  await context.close();
}
await browser.close();
await s.stop();

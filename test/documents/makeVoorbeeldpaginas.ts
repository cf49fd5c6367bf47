import { findEigenTariefbeschikking } from '../support/demoGegevens';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, DEMO, formulier } from '../support/testApp';
import { docxNaarPdfTekst } from '../support/libreoffice';

// `npm run filings:afbeeldingen`: each filing of the issue-13 scenarios, from the demo cases, through LibreOffice to PNGs
// of pages 1 and 2 in docs/filings.
const exec = promisify(execFile);
const t = createTestApp();
const post = (email: string, pad: string, velden: Record<string, string>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
const id = (sql: string) => (t.db.$client.prepare(sql).get() as { id: number }).id;
async function verwacht(r: Response, status: number, wat: string) {
  if (r.status !== status)
    throw new Error(
      `${wat}: ${r.status} ${(await r.text())
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(0, 600)}`,
    );
  return r;
}
try {
  const beroep2027 = id(`SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0417'`);
  const bezwaar = id(
    `SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1744' AND z.soort = 'bezwaar'`,
  );
  const tb1744 = findEigenTariefbeschikking(t.db.$client, 'NZa/TB/2026-1744');
  const open = await verwacht(await post(DEMO.advocaat, '/zaken', { soort: 'beroep', tariefbeschikkingId: String(tb1744) }), 303, 'zaak openen');
  const beroep2026 = Number(/\/zaken\/(\d+)/.exec(open.headers.get('location')!)![1]);
  const stukken: [string, string, number, Record<string, string>][] = [
    ['beroepschrift', DEMO.advocaat, beroep2027, { soort: 'beroepschrift' }],
    ['beroepschrift-pro-forma', DEMO.advocaat, beroep2026, { soort: 'beroepschrift-pro-forma', dagtekening: '25-11-2026' }],
  ];
  for (const [naam, email, zaakId, velden] of stukken) await maak(naam, email, zaakId, velden);
  await verwacht(await post(DEMO.advocaat, `/zaken/${beroep2026}/ingesteld`, { ingesteld: '25-11-2026', cbbZaaknummer: '26/3000' }), 303, 'ingesteld');
  await verwacht(
    await post(DEMO.advocaat, `/zaken/${beroep2026}/documenten/termijn`, { termijnSoort: 'hersteltermijn', brief: '27-11-2026', einde: '27-12-2026' }),
    303,
    'hersteltermijn',
  );
  await verwacht(
    await post(DEMO.advocaat, `/zaken/${beroep2026}/documenten/aanvulling`, {
      soort: 'aanvullende-gronden',
      aanvullendeGronden:
        'De NZa heeft bij de herverdeling de groei van het aantal Wlz-cliënten in de regio Amsterdam niet meegewogen.\n\nDe korting op de productieafspraken van appellante is niet gemotiveerd (art. 3:46 Awb).',
      gronden: 'De herverdeling is onvoldoende gemotiveerd.',
      spoedeisendBelang: 'De overeenkomsten voor 2027 moeten vóór 1 januari 2027 zijn gesloten.',
      belangenafweging:
        'Zonder schorsing verliest verzoekster zorgplekken die achteraf niet te herstellen zijn; de NZa lijdt geen nadeel van een tijdelijke voorziening.',
    }),
    303,
    'aanvulling',
  );
  await maak('aanvullende-gronden', DEMO.advocaat, beroep2026, { soort: 'aanvullende-gronden', dagtekening: '20-12-2026' });
  await maak('voorlopige-voorziening', DEMO.advocaat, beroep2026, { soort: 'voorlopige-voorziening', dagtekening: '30-11-2026' });
  await maak(
    'clientbrief',
    DEMO.inhouse,
    id(`SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1855'`),
    { soort: 'clientbrief' },
  );
  await verwacht(
    await post(DEMO.advocaat, `/zaken/${bezwaar}/documenten/aanvulling`, { soort: 'bezwaarschrift-pro-forma', rechtstreeksBeroep: 'ja' }),
    303,
    'bezwaar',
  );
  await maak('bezwaarschrift', DEMO.advocaat, bezwaar, { soort: 'bezwaarschrift-pro-forma', dagtekening: '26-11-2026' });
  await verwacht(
    await post(DEMO.advocaat, `/zaken/${beroep2027}/documenten/aanvulling`, {
      soort: 'beroepschrift',
      dagtekening: '23-11-2026',
      verschoonbaarheid: 'De tariefbeschikking is door een storing bij de postbezorging pas op 20 november 2026 bij appellante bezorgd.',
    }),
    303,
    'te laat',
  );
  await maak('beroepschrift-te-laat', DEMO.advocaat, beroep2027, { soort: 'beroepschrift', dagtekening: '23-11-2026' });
} finally {
  t.sluit();
}

async function maak(naam: string, email: string, zaakId: number, velden: Record<string, string>) {
  const r = await verwacht(await post(email, `/zaken/${zaakId}/documenten`, velden), 200, naam);
  const { pdf } = await docxNaarPdfTekst(Buffer.from(await r.arrayBuffer()), naam);
  await exec('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '2', pdf, join(dirname(pdf), naam)]);
  for (const [pagina, achtervoegsel] of [
    ['1', ''],
    ['2', '-2'],
  ] as const) {
    const bron = join(dirname(pdf), `${naam}-${pagina}.png`);
    if (existsSync(bron)) {
      copyFileSync(bron, `docs/filings/${naam}${achtervoegsel}.png`);
      console.log(`docs/filings/${naam}${achtervoegsel}.png`);
    }
  }
}

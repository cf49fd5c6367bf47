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
    ['beroepschrift-pro-forma', DEMO.advocaat, beroep2026, { soort: 'beroepschrift-pro-forma', dagtekening: '20-11-2026' }],
  ];
  for (const [naam, email, zaakId, velden] of stukken) await maak(naam, email, zaakId, velden);
  await verwacht(await post(DEMO.advocaat, `/zaken/${beroep2026}/ingesteld`, { ingesteld: '20-11-2026', cbbZaaknummer: '26/3000' }), 303, 'ingesteld');
  await verwacht(
    await post(DEMO.advocaat, `/zaken/${beroep2026}/documenten/termijn`, { termijnSoort: 'hersteltermijn', brief: '21-11-2026', einde: '27-12-2026' }),
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
  // Too late (art. 6:11 Awb): a concept case against the same besluit as 26/0417 — the filed case takes no second beroepschrift.
  const amstelhof = id(
    `SELECT id FROM zorgaanbieders WHERE kvk_nummer = '90000003' AND organisatie_id = (SELECT id FROM organisaties WHERE naam = 'Van Dam & Kuipers Advocaten')`,
  );
  const teLaat = await verwacht(
    await post(DEMO.advocaat, '/zaken', {
      soort: 'beroep',
      contracteerruimtebesluitId: String(id(`SELECT id FROM contracteerruimtebesluiten WHERE kenmerk = 'NZa/CR/2025-118'`)),
      regio: 'Amsterdam',
      jaar: '2027',
      zorgaanbiederId: String(amstelhof),
    }),
    303,
    'zaak te laat',
  );
  const beroepTeLaat = Number(/\/zaken\/(\d+)/.exec(teLaat.headers.get('location')!)![1]);
  await verwacht(
    await post(DEMO.advocaat, `/zaken/${beroepTeLaat}/documenten/aanvulling`, {
      soort: 'beroepschrift',
      dagtekening: '23-11-2026',
      gronden: 'De regionale contracteerruimte 2027 is te laag vastgesteld.',
      verschoonbaarheid: 'De tariefbeschikking is door een storing bij de postbezorging pas op 20 november 2026 bij appellante bezorgd.',
    }),
    303,
    'te laat',
  );
  await maak('beroepschrift-te-laat', DEMO.advocaat, beroepTeLaat, { soort: 'beroepschrift', dagtekening: '23-11-2026' });
  // Issue 29: the brief art. 6:19 Awb, and the client letter in each stage (filed, decided, too late, and to a client).
  await verwacht(
    await post(DEMO.advocaat, `/zaken/${beroep2027}/documenten/aanvulling`, {
      soort: 'voorlopige-voorziening',
      spoedeisendBelang: 'De overeenkomsten voor 2027 moeten vóór 1 januari 2027 zijn gesloten.',
      belangenafweging: 'Het nadeel van verzoekster is achteraf niet te herstellen.',
    }),
    303,
    'vovo 2027',
  );
  await maak('brief-6-19', DEMO.advocaat, beroep2027, { soort: 'brief-6-19', dagtekening: '22-11-2026' });
  await maak('voorlopige-voorziening-6-19', DEMO.advocaat, beroep2027, { soort: 'voorlopige-voorziening', dagtekening: '22-11-2026' });
  await maak('clientbrief-ingediend', DEMO.advocaat, beroep2027, { soort: 'clientbrief', dagtekening: '22-11-2026' });
  await maak('clientbrief-afgerond', DEMO.advocaat, id(`SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0288'`), {
    soort: 'clientbrief',
    dagtekening: '22-11-2026',
  });
  await maak('clientbrief-concept', DEMO.advocaat, bezwaar, { soort: 'clientbrief', dagtekening: '22-11-2026' });
  const tb0188 = id(
    `SELECT id FROM tariefbeschikkingen WHERE kenmerk = 'NZa/TB/2026-0188' AND organisatie_id = (SELECT id FROM organisaties WHERE naam = 'Van Dam & Kuipers Advocaten')`,
  );
  const verlopen = await verwacht(await post(DEMO.advocaat, '/zaken', { soort: 'bezwaar', tariefbeschikkingId: String(tb0188) }), 303, 'bezwaar verlopen');
  await maak('clientbrief-te-laat', DEMO.advocaat, Number(/\/zaken\/(\d+)/.exec(verlopen.headers.get('location')!)![1]), {
    soort: 'clientbrief',
    dagtekening: '22-11-2026',
  });
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

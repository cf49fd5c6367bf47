import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, DEMO, formulier } from '../support/testApp';
import { docxNaarPdfTekst } from '../support/libreoffice';

// `npm run filings:afbeeldingen`: every filing, from the demo cases, through LibreOffice to a PNG of page 1 in docs/filings.
const exec = promisify(execFile);
const t = createTestApp();
const post = (email: string, pad: string, velden: Record<string, string>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
try {
  const beroep = (t.db.$client.prepare(`SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0417'`).get() as { id: number }).id;
  const bezwaar = (
    t.db.$client.prepare(`SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1810'`).get() as {
      id: number;
    }
  ).id;
  await post(DEMO.advocaat, `/zaken/${beroep}/documenten/aanvulling`, {
    soort: 'voorlopige-voorziening',
    spoedeisendBelang:
      'De overeenkomsten voor 2027 moeten vóór 1 januari 2027 zijn gesloten; zonder voorziening contracteert het zorgkantoor binnen een ontoereikende ruimte.',
  });
  await post(DEMO.inhouse, `/zaken/${bezwaar}/documenten/aanvulling`, {
    soort: 'bezwaarschrift',
    gronden:
      'Het sluittarief 2024 houdt geen rekening met de extra personele inzet in het tweede halfjaar.\n\nDe NZa heeft de aangeleverde kostenonderbouwing niet kenbaar betrokken.',
  });
  const stukken = [
    ['beroepschrift', DEMO.advocaat, beroep],
    ['beroepschrift-pro-forma', DEMO.advocaat, beroep],
    ['aanvullende-gronden', DEMO.advocaat, beroep],
    ['voorlopige-voorziening', DEMO.advocaat, beroep],
    ['clientbrief', DEMO.advocaat, beroep],
    ['bezwaarschrift', DEMO.inhouse, bezwaar],
  ] as const;
  for (const [soort, email, zaakId] of stukken) {
    const r = await post(email, `/zaken/${zaakId}/documenten`, { soort });
    if (r.status !== 303) throw new Error(`${soort}: ${r.status}`);
    const documentId = (t.db.$client.prepare(`SELECT id FROM zaakdocumenten WHERE zaak_id = ? ORDER BY id DESC LIMIT 1`).get(zaakId) as { id: number }).id;
    const docx = Buffer.from(await (await t.als(email)(`/zaken/${zaakId}/documenten/${documentId}`)).arrayBuffer());
    const { pdf } = await docxNaarPdfTekst(docx, soort);
    await exec('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(dirname(pdf), soort)]);
    copyFileSync(join(dirname(pdf), `${soort}.png`), `docs/filings/${soort}.png`);
    console.log(`docs/filings/${soort}.png`);
  }
} finally {
  t.sluit();
}

import { createTestApp, DEMO } from '../support/testApp';
import { generateFiling } from '../../src/services/filingService';
import { createFilingRenderer } from '../../src/documents/filingRenderer';
import { loadActorByEmail } from '../../src/services/actorService';
import { loadZaak } from '../../src/services/zaakRegistratie';
import { resolve } from 'node:path';

/** One beroepschrift, then 100 in a row: data from the case, template, .docx, stored as a version (one core). */
export async function runFilingBench(): Promise<void> {
  const t = createTestApp();
  try {
    const actor = loadActorByEmail(t.db, DEMO.advocaat)!;
    const zaakId = (t.db.$client.prepare(`SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0417'`).get() as { id: number }).id;
    const zaak = loadZaak(t.db, actor, zaakId)!;
    const renderer = createFilingRenderer(resolve('templates'));
    const opties = { dagtekening: '2026-04-01', vandaag: '2026-11-22', samenhang: false };
    const start = performance.now();
    await generateFiling(t.db, t.termijnen, renderer, actor, zaak, 'beroepschrift', opties);
    const eerste = performance.now() - start;
    const reeks = performance.now();
    for (let i = 0; i < 100; i++) await generateFiling(t.db, t.termijnen, renderer, actor, zaak, 'beroepschrift', opties);
    const totaal = performance.now() - reeks;
    console.log(
      `filings: first beroepschrift ${eerste.toFixed(1)} ms (cold); 100 in a row ${totaal.toFixed(0)} ms = ${(totaal / 100).toFixed(1)} ms each (generated and stored as versions)`,
    );
  } finally {
    t.sluit();
  }
}

import { createTestApp, DEMO } from '../support/testApp';
import { generateFiling } from '../../src/services/filings/filingService';
import { createFilingRenderer } from '../../src/documents/filingRenderer';
import { loadActorByEmail } from '../../src/services/toegang/actorService';
import { loadZaak } from '../../src/services/zaken/zaakOverzicht';
import { FILING_SOORTEN, type FilingSoort } from '../../src/domain/filings/filingSoorten';
import { resolve } from 'node:path';

/**
 * Every kind of filing (issue 13: budget 50 ms a document), 50 in a row each after one cold one: data from the case,
 * the engine's offer, template, edits, .docx with its properties, stored as a version (one core).
 */
export async function runFilingBench(): Promise<void> {
  const t = createTestApp();
  try {
    const actor = loadActorByEmail(t.db, DEMO.advocaat)!;
    const sql = t.db.$client;
    const beroep = (sql.prepare(`SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0417'`).get() as { id: number }).id;
    const bezwaar = (
      sql
        .prepare(
          `SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1744' AND z.soort = 'bezwaar'`,
        )
        .get() as {
        id: number;
      }
    ).id;
    sql
      .prepare(
        `UPDATE zaken SET gronden = 'De NZa motiveert de korting niet.', spoedeisend_belang = 'De contracten moeten vóór 1 januari rond zijn.' WHERE id IN (?, ?)`,
      )
      .run(beroep, bezwaar);
    sql
      .prepare(`INSERT INTO zaak_stukgegevens (zaak_id, aanvullende_gronden, belangenafweging) VALUES (?, 'Aanvulling.', 'Het nadeel weegt zwaarder.')`)
      .run(beroep);
    const renderer = createFilingRenderer(resolve('templates'));
    const zaakVoor = (soort: FilingSoort) => loadZaak(t.db, actor, soort.startsWith('bezwaar') ? bezwaar : beroep)!;
    // Within each case's term: the beroep was filed on 1 April 2026, the bezwaar term runs to 1 December 2026.
    const optiesVoor = (soort: FilingSoort) => ({
      // The brief art. 6:19 Awb follows NZa/CR/2026-121 (made known 13 November 2026).
      dagtekening: soort.startsWith('bezwaar') ? '2026-11-30' : soort === 'brief-6-19' ? '2026-11-22' : '2026-04-01',
      vandaag: '2026-11-22',
      samenhang: true,
      griffierechtTarieven: [],
    });
    const regels: string[] = [];
    let slechtste = 0;
    for (const soort of FILING_SOORTEN) {
      const koud = performance.now();
      const eerste = await generateFiling(t.db, t.termijnen, renderer, actor, zaakVoor(soort), soort, optiesVoor(soort));
      if (!eerste.ok) throw new Error(`${soort}: ${JSON.stringify(eerste.voorbereiding).slice(0, 300)}`);
      const koudMs = performance.now() - koud;
      const start = performance.now();
      for (let i = 0; i < 50; i++) await generateFiling(t.db, t.termijnen, renderer, actor, zaakVoor(soort), soort, optiesVoor(soort));
      const elk = (performance.now() - start) / 50;
      slechtste = Math.max(slechtste, elk);
      regels.push(`${soort} ${elk.toFixed(1)} ms (cold ${koudMs.toFixed(0)} ms)`);
    }
    console.log(
      `filings, each generated and stored as a version, mean of 50 after one cold: ${regels.join('; ')}; slowest kind ${slechtste.toFixed(1)} ms (budget 50 ms)`,
    );
  } finally {
    t.sluit();
  }
}

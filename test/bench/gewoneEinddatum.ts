import { createAtwKalender } from '../../src/domain/kalender/atwKalender';

/**
 * The end-date rule of art. 6:7/6:8 Awb with art. 1 Atw as plainly as it can be written: day numbers, one table of
 * non-working days per day number, no objects, no texts. The benchmark's yardstick for the engine (issue "speed at
 * scale", point 7): same input, equal end dates asserted, the ratio reported.
 */
export function createGewoneEinddatum(vanJaar: number, totJaar: number) {
  const kalender = createAtwKalender();
  const eersteDag = Date.UTC(vanJaar, 0, 1) / 86_400_000;
  const dagen = Math.round((Date.UTC(totJaar + 1, 0, 1) - Date.UTC(vanJaar, 0, 1)) / 86_400_000);
  // 1 where art. 1 Atw moves an end off the day (weekend, feestdag, Goede Vrijdag, KB day).
  const vrij = new Uint8Array(dagen + 60);
  for (let d = 0; d < vrij.length; d++) vrij[d] = kalender.nietWerkdag(new Date((eersteDag + d) * 86_400_000).toISOString().slice(0, 10)) ? 1 : 0;
  const naarDag = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000 - eersteDag;
  const naarIso = (dag: number) => new Date((eersteDag + dag) * 86_400_000).toISOString().slice(0, 10);
  return {
    /** Six weeks from the day after the bekendmaking: the last day, moved off non-working days. */
    zesWekenNaBekendmaking(bekendgemaakt: string): string {
      let einde = naarDag(bekendgemaakt) + 42;
      while (vrij[einde] === 1) einde++;
      return naarIso(einde);
    },
    /** Six weeks from a first day (art. 105 lid 3: 1 March). */
    zesWekenVanaf(aanvang: string): string {
      let einde = naarDag(aanvang) + 41;
      while (vrij[einde] === 1) einde++;
      return naarIso(einde);
    },
  };
}

import { createAtwKalender } from '../../src/domain/kalender/atwKalender';

/**
 * The end-date rule of art. 6:7/6:8 Awb with art. 1 Atw as plainly as it can be written: day numbers, one table of
 * non-working days and one of ISO strings per day number, no objects, no texts. The benchmark's yardstick for the
 * engine (issue "speed at scale", point 7): same input, equal end dates asserted, the ratio reported. The tables are
 * built before timing starts.
 */
export function createGewoneEinddatum(vanJaar: number, totJaar: number) {
  const kalender = createAtwKalender();
  const eersteDag = Date.UTC(vanJaar, 0, 1) / 86_400_000;
  const dagen = Math.round((Date.UTC(totJaar + 1, 0, 1) - Date.UTC(vanJaar, 0, 1)) / 86_400_000) + 90;
  const iso: string[] = [];
  const dagVan = new Map<string, number>();
  // 1 where art. 1 Atw moves an end off the day (weekend, feestdag, Goede Vrijdag, KB day).
  const vrij = new Uint8Array(dagen);
  for (let d = 0; d < dagen; d++) {
    iso.push(new Date((eersteDag + d) * 86_400_000).toISOString().slice(0, 10));
    dagVan.set(iso[d]!, d);
    vrij[d] = kalender.nietWerkdag(iso[d]!) ? 1 : 0;
  }
  const zesWeken = (eersteDagVanTermijn: number): string => {
    let einde = eersteDagVanTermijn + 41;
    while (vrij[einde] === 1) einde++;
    return iso[einde]!;
  };
  return {
    /** Six weeks from the day after the bekendmaking: the last day, moved off non-working days. */
    zesWekenNaBekendmaking: (bekendgemaakt: string): string => zesWeken(dagVan.get(bekendgemaakt)! + 1),
    /** Six weeks from a first day (art. 105 lid 3: 1 March). */
    zesWekenVanaf: (aanvang: string): string => zesWeken(dagVan.get(aanvang)!),
  };
}

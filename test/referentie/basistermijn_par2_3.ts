// Termijnregels §2 and §3, and the postal week of §9: the counting of a term. Six weeks from a first day (art. 6:7
// Awb), from the day after the bekendmaking (art. 6:8 lid 1 Awb), the last day moved by the Algemene termijnenwet
// (art. 1 lid 1 Atw); the week a posted filing may still arrive in (art. 6:9 lid 2 Awb); and the range of bekendmakingen
// the reference accepts (§3). Only dates: nothing here knows a party, a version or a region.
import { addDagen, addWeken, type IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import type { AtwKalender, NietWerkdag } from '../../src/domain/kalender/atwKalender';
import type { Besluit } from '../../src/domain/besluiten/besluit';

/** Six weeks (or any statutory term) with its Atw move: the facts an afleiding is written from. */
export interface BerekendeTermijn {
  aanvang: IsoDatum;
  eindeVoorAtw: IsoDatum;
  einde: IsoDatum;
  /** The days art. 1 Atw skipped, in order. */
  overgeslagen: NietWerkdag[];
}

/** §3, art. 1 lid 1 Atw: a last day on a Saturday, Sunday or (equated) feestdag runs on through the next day that is none. */
export function atwVerschuiving_art1Atw(eindeVoorAtw: IsoDatum, kalender: AtwKalender): { einde: IsoDatum; overgeslagen: NietWerkdag[] } {
  const overgeslagen: NietWerkdag[] = [];
  let dag = eindeVoorAtw;
  while (kalender.nietWerkdag(dag) !== undefined) {
    overgeslagen.push(kalender.nietWerkdag(dag)!);
    dag = addDagen(dag, 1);
  }
  return { einde: dag, overgeslagen };
}

/** §2, art. 6:7 Awb: six weeks from the first day (the first day counts), the end moved by the Atw (only the end moves). */
export function zesWekenVanaf_art6_7Awb(aanvang: IsoDatum, kalender: AtwKalender): BerekendeTermijn {
  const eindeVoorAtw = addDagen(addWeken(aanvang, 6), -1);
  const { einde, overgeslagen } = atwVerschuiving_art1Atw(eindeVoorAtw, kalender);
  return { aanvang, eindeVoorAtw, einde, overgeslagen };
}

/** §2, art. 6:7 and 6:8 lid 1 Awb: six weeks starting on the day after the bekendmaking. */
export function basistermijn_art6_7_6_8Awb(bekendgemaakt: IsoDatum, kalender: AtwKalender): BerekendeTermijn {
  return zesWekenVanaf_art6_7Awb(addDagen(bekendgemaakt, 1), kalender);
}

/** §9, art. 6:9 lid 2 Awb: a filing posted by the last day is on time when it arrives within a week after it. */
export function perPostUiterlijk_art6_9Awb(einde: IsoDatum): IsoDatum {
  return addDagen(einde, 7);
}

/** §3: the engine accepts bekendmakingen from 1 January 1994 (the Awb) through 2200 and refuses others clearly. */
export function controleerBereik_par3(besluiten: readonly Besluit[]): void {
  for (const besluit of besluiten) {
    if (besluit.bekendgemaakt < '1994-01-01' || besluit.bekendgemaakt > '2200-12-31') {
      throw new RangeError(`Bekendmaking ${besluit.bekendgemaakt} outside 1994-01-01..2200-12-31`);
    }
  }
}

import { jaarVan, toDagnummer, type IsoDatum } from '../../kalender/kalenderdatum';
import type { CelWandeling } from '../machinerie/celWandeling';
import {
  createTwijfelLid2VoorMaart,
  describeTwijfelLid3NaTariefbeschikking,
  describeTwijfelLid3VoorMaart,
  describeTwijfelLid3ZelfdeDag,
  joinTwijfels,
  regiojaar,
} from '../teksten/twijfels';
import { noteTermijnGeopend } from './lid4Onherroepelijk';

// RULE — termijnregels §5, art. 105 lid 3 Wmg: a contracteerruimtebesluit for a future year for which no tariefbeschikking
// was issued at its bekendmaking opens beroep from 1 March of the next calendar year, six weeks (art. 6:7 Awb; it departs
// from 6:8). "No tariefbeschikking yet" is read at the bekendmaking; a tariefbeschikking between it and 1 March gives both
// the window and its lid-2 term, each with the doubt. The window is open to every party of the region.

/** Art. 105 lid 3 Wmg: whether the besluit made known on `datum` fixes a future year with no tariefbeschikking before it. */
export function isLid3(w: CelWandeling, datum: IsoDatum, alTariefbeschikking: boolean): boolean {
  return w.jaar > jaarVan(datum) && !alTariefbeschikking;
}

/**
 * The lid-3 window of the contracteerruimtebesluit being walked (made known on `datum`), if it has one: when `lid3`, or —
 * with the doubt, not counting as a term that opened (lid 4) — for a first vaststelling after tariefbeschikkingen for a
 * future year made known before it (lid 3 asks that none was issued, yet none can rest on this besluit; termijnregels §7:
 * never resolve a doubt by dropping a term).
 */
export function openLid3Venster(w: CelWandeling, datum: IsoDatum, lid3: boolean, alTariefbeschikking: boolean): void {
  const bekendmakingsjaar = jaarVan(datum);
  const { eersteTariefbeschikking, kolommen } = w;
  const twijfelachtig = w.jaar > bekendmakingsjaar && alTariefbeschikking && w.versie === 1 && w.besluiten[w.plaats]!.soort === 'vaststelling';
  if (!lid3 && !twijfelachtig) return;
  // A tariefbeschikking made known on the same day: whether one "was issued" at the moment of bekendmaking is open.
  const zelfdeDag = eersteTariefbeschikking === datum;
  const t = w.context.computeLid3Venster(bekendmakingsjaar + 1);
  const twijfel = joinTwijfels(
    zelfdeDag
      ? describeTwijfelLid3ZelfdeDag(w.regio, w.jaar)
      : twijfelachtig
        ? describeTwijfelLid3NaTariefbeschikking(regiojaar(w.regio, w.jaar), eersteTariefbeschikking!)
        : undefined,
    w.context.twijfelRegime,
  );
  w.addBeroepstermijn(t, 'art-105-lid-3', -1, twijfel);
  if (twijfelachtig) {
    kolommen.markTariefbeschikkingVooraf(kolommen.lengte - 1, eersteTariefbeschikking!);
    return;
  }
  noteTermijnGeopend(w, -1, t.einde);
  // A window with a same-day tariefbeschikking already says so (its doubt above); later ones before 1 March too.
  w.lid3Positie = kolommen.lengte - 1;
  w.lid3Aanvang = t.aanvang;
  w.lid3Gemarkeerd = zelfdeDag;
  w.lid3VoorMaartTwijfel = undefined;
  w.lid3AanvangDag = toDagnummer(t.aanvang);
}

/** Whether the tariefbeschikking being walked (made known on day `dag`) comes after a besluit that opened the current window, before its 1 March. */
export function isVoorLid3Aanvang(w: CelWandeling, dag: number): boolean {
  return w.lid3Positie >= 0 && dag < w.lid3AanvangDag;
}

/** Termijnregels §5: the window gets the doubt of the first tariefbeschikking (made known on `datum`) before its 1 March. */
export function markLid3VensterVoorMaart(w: CelWandeling, datum: IsoDatum): void {
  if (w.lid3Gemarkeerd) return;
  w.kolommen.addTwijfel(w.lid3Positie, describeTwijfelLid3VoorMaart(w.regio, w.jaar, datum, w.lid3Aanvang));
  w.lid3Gemarkeerd = true;
}

/** Termijnregels §5: the lid-2 terms written from position `eerste` on (of a tariefbeschikking before the window's 1 March) carry the doubt too. */
export function markLid2VoorMaart(w: CelWandeling, eerste: number): void {
  const { kolommen } = w;
  w.lid3VoorMaartTwijfel ??= createTwijfelLid2VoorMaart(w.regio, w.jaar, w.lid3Aanvang);
  for (let i = eerste; i < kolommen.lengte; i++) if (kolommen.rechtsmiddelVan(i) === 'beroep') kolommen.addTwijfel(i, w.lid3VoorMaartTwijfel);
}

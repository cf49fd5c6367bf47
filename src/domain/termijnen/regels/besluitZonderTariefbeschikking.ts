import { toDagnummer, jaarVan, type IsoDatum } from '../../kalender/kalenderdatum';
import { partijVan, type Besluit } from '../../besluiten/besluit';
import type { BerekendeTermijn } from '../awbTermijn';
import { BesluitCode, type BesluitVelden, type CelInvoer } from '../machinerie/celInvoer';
import type { CelWandeling } from '../machinerie/celWandeling';
import { describeTwijfelZonderTariefbeschikking, type TwijfelPerSoort } from '../teksten/twijfels';
import { compare } from '../volgorde';

// RULE — termijnregels §4, a contracteerruimtebesluit for the current or a past year with no tariefbeschikking (yet):
// lid 3 covers only future years (art. 105 lid 3 Wmg) and lid 2 runs through a tariefbeschikking, so no lid-2 term exists
// yet. Every party of the region — the zorgkantoor, each provider with an earlier tariefbeschikking in the region — gets a
// possibly fatal date: six weeks from the day after the besluit's own bekendmaking (art. 6:7, 6:8 lid 1 Awb), with the
// doubt; when no party is known (or the zorgkantoor is not named), one such date for the region.

/**
 * Termijnregels §4: whether the besluit made known on `datum` leaves the year without a tariefbeschikking (and without a
 * lid-3 window). A first tariefbeschikking of the same day does not end it: it opens lid 2 at most for its addressee, so
 * every other party keeps its §4 date, with the doubt (§7: never resolve a doubt by dropping a term).
 */
export function isZonderTariefbeschikking(lid3: boolean, alTariefbeschikking: boolean): boolean {
  return !lid3 && !alTariefbeschikking;
}

/** Termijnregels §4 with §7: the year's first tariefbeschikking was made known on the besluit's own day (the doubt says so). */
export function isTariefbeschikkingZelfdeDag(w: CelWandeling, besluit: Besluit): boolean {
  return w.eersteTariefbeschikking === besluit.bekendgemaakt;
}

/** The region's providers with a tariefbeschikking, by name, read only when a besluit of the cell may need them. */
export function listPartijenVanRegio(invoer: CelInvoer, velden: BesluitVelden): [string, IsoDatum][] {
  return readsPartijenVanRegioUitVelden(velden, invoer.jaar) ? [...invoer.eersteTariefbeschikkingInRegio.entries()].sort((a, b) => compare(a[0], b[0])) : [];
}

/**
 * Every provider with an earlier tariefbeschikking in the region becomes a party of the year (the parties asked for, the
 * zorgkantoor, already are); also one that became a party on the day or while the six weeks ran, unless through a
 * tariefbeschikking for this year, which decides the year for it.
 */
export function addPartijenVanRegio(w: CelWandeling, dag: number, datum: IsoDatum): void {
  const laatsteDag = w.context.computeZesWekenOpDag(dag).einde;
  const { kolommen, register } = w;
  for (const [partij, eerste] of w.regioPartijen) {
    if (eerste > laatsteDag || (eerste >= datum && isEersteTariefbeschikkingInCel(w, register.numberPartij(partij), eerste))) continue;
    const nummer = kolommen.numberPartij(register.numberPartij(partij));
    if (w.soortVan[nummer] === undefined) w.addPartij(nummer, 'zorgaanbieder');
  }
}

/**
 * Whether the party numbered `inRegister` (in the cell's register) became a party of the region through a tariefbeschikking
 * of this cell, made known on `eerste`: that tariefbeschikking decides what the year holds for it (its own lid-2 term, or
 * an exclusion whose reason the rules name).
 */
function isEersteTariefbeschikkingInCel(w: CelWandeling, inRegister: number, eerste: IsoDatum): boolean {
  const dag = toDagnummer(eerste);
  const { velden } = w;
  for (let p = 0; p < w.besluiten.length; p++) if (velden.partij[p] === inRegister && velden.dag[p] === dag) return true;
  return false;
}

/**
 * No party known, or the zorgkantoor (always a party, never an addressee) not named: one date `t` for the region, open to
 * every party (like a lid-3 window), so that no party of the region is left without one.
 */
export function openRegioDatumZonderTariefbeschikking(w: CelWandeling, t: BerekendeTermijn, besluit: Besluit): void {
  if (w.aantalPartijen > 0 && w.gevraagd.some((g) => g.soort === 'zorgkantoor')) return;
  const zelfdeDag = isTariefbeschikkingZelfdeDag(w, besluit);
  const twijfel = describeTwijfelZonderTariefbeschikking(besluit, w.regio, w.jaar, undefined, w.context.twijfelRegime, {
    // The addressee of a same-day tariefbeschikking is known on the day: the doubt says that instead.
    geenPartijBekend: w.aantalPartijen === 0 && !zelfdeDag,
    tariefbeschikkingZelfdeDag: zelfdeDag,
  });
  w.addBeroepstermijn(t, 'besluit-zonder-tariefbeschikking', -1, twijfel);
}

/** The possibly fatal date `t` for the party numbered `nummer`; `twijfels` per kind of party, shared by every party's date. */
export function openBesluitZonderTariefbeschikking(w: CelWandeling, nummer: number, t: BerekendeTermijn, twijfels: TwijfelPerSoort): void {
  w.addBeroepstermijnPerSoort(t, 'besluit-zonder-tariefbeschikking', nummer, twijfels);
}

/**
 * Whether the walk reads every provider of the region (termijnregels §4): the cell has a contracteerruimtebesluit for a
 * year that is not future at its bekendmaking, with no tariefbeschikking of the cell made known before it.
 */
export function readsPartijenVanRegio(invoer: Pick<CelInvoer, 'besluiten' | 'jaar'>): boolean {
  let eersteTariefbeschikking: IsoDatum | undefined;
  for (const b of invoer.besluiten) {
    if (b.type === 'tariefbeschikking') {
      if (eersteTariefbeschikking === undefined || b.bekendgemaakt < eersteTariefbeschikking) eersteTariefbeschikking = b.bekendgemaakt;
    }
  }
  for (const b of invoer.besluiten) {
    if (b.type !== 'contracteerruimte' || invoer.jaar > jaarVan(b.bekendgemaakt)) continue;
    if (eersteTariefbeschikking === undefined || eersteTariefbeschikking >= b.bekendgemaakt) return true;
  }
  return false;
}

const eersteDagPerJaar = new Map<number, number>();

/** The day number of 1 January of `jaar`, memoised (asked once per cell). */
function computeEersteDagVanJaar(jaar: number): number {
  let dag = eersteDagPerJaar.get(jaar);
  if (dag === undefined) eersteDagPerJaar.set(jaar, (dag = toDagnummer(`${jaar}-01-01`)));
  return dag;
}

/**
 * `readsPartijenVanRegio` from the fields the walk reads (no besluit object picked up): the contracteerruimtebesluiten
 * up to the first tariefbeschikking, when the cell comes in order of bekendmaking (a besluit precedes the tariefbeschikking
 * of its own day).
 */
function readsPartijenVanRegioUitVelden(velden: BesluitVelden, jaar: number): boolean {
  const { dag, code } = velden;
  if (dag.length === 0 || code[0] !== BesluitCode.Contracteerruimte) return false;
  for (let p = 1; p < dag.length; p++) if (dag[p - 1]! > dag[p]!) return readsPartijenVanRegio({ besluiten: velden.van, jaar });
  // A besluit made known on or after 1 January of its year: that year is not future.
  const eersteDagVanJaar = computeEersteDagVanJaar(jaar);
  for (let p = 0; p < dag.length; p++) {
    if (code[p] !== BesluitCode.Contracteerruimte) return false;
    if (dag[p]! >= eersteDagVanJaar) return true;
  }
  return false;
}

/**
 * Whether the cell's result can change when the first tariefbeschikking in the region of one of `partijen` moves (art.
 * 105 lid 4 Wmg, the newcomer): `computeCel` reads that date only for the addressees of the cell's tariefbeschikkingen
 * and for the parties asked for — and for every provider of the region when `readsPartijenVanRegio`.
 */
export function readsEersteTariefbeschikkingVan(invoer: CelInvoer, partijen: ReadonlySet<string>): boolean {
  if (partijen.size > 0 && readsPartijenVanRegio(invoer)) return true;
  for (const g of invoer.gevraagd) if (partijen.has(g.partij)) return true;
  for (const b of invoer.besluiten) if (b.type === 'tariefbeschikking' && partijen.has(partijVan(b))) return true;
  return false;
}

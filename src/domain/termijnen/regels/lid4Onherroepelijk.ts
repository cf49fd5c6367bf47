import type { IsoDatum } from '../../kalender/kalenderdatum';
import type { Beroep } from '../../besluiten/besluit';
import type { BerekendeTermijn } from '../awbTermijn';
import type { CelWandeling } from '../machinerie/celWandeling';
import { UitsluitingSoort } from '../machinerie/uitsluitingSoort';
import { isLopendOp } from '../regioJaarStatus';
import { LateTekst } from '../teksten/lateTekst';
import { describeTwijfelNieuwkomer, joinTwijfels, TWIJFEL_ZORGKANTOOR, TWIJFEL_ZORGKANTOOR_UITSLUITING } from '../teksten/twijfels';

// RULE — termijnregels §6, art. 105 lid 4 Wmg: onherroepelijk stays onherroepelijk unless the NZa amends, reasoned per
// party. The contracteerruimte is onherroepelijk for a party once every beroep term that opened for it against the current
// version (its own, and the lid-3 windows open to every party) has ended with no beroep of it pending; a later
// tariefbeschikking then opens no new beroep (an exclusion with its doubt). A newcomer after a lid-3 window (art. 1:2 Awb)
// and a party that never had a term keep their term, with the doubt.

/** Art. 105 lid 4 Wmg: an amendment of the contracteerruimte (a new version) opens beroep again; nothing has opened against it yet. */
export function reopenBeroep(w: CelWandeling): void {
  w.versie += 1;
  w.laatsteEindeRegio = undefined;
  w.laatsteEindeWettelijk = undefined;
  for (let k = 0; k < w.aantalPartijen; k++) w.laatsteEindeVan[w.partijen[k]!] = undefined;
  // The window of an earlier version takes no doubt of a later tariefbeschikking (termijnregels §5).
  w.lid3Positie = -1;
}

/**
 * A beroep term ending on `einde` opened against the current version for the party numbered `partij`, or (−1) for every
 * party of the region (a lid-3 window). Possibly fatal dates and precautions do not count (§4, §6): a tariefbeschikking
 * that follows still opens its term.
 */
export function noteTermijnGeopend(w: CelWandeling, partij: number, einde: IsoDatum): void {
  w.laatsteEindeWettelijk = laterVan(w.laatsteEindeWettelijk, einde);
  if (partij >= 0) w.laatsteEindeVan[partij] = laterVan(w.laatsteEindeVan[partij], einde);
  else w.laatsteEindeRegio = laterVan(w.laatsteEindeRegio, einde);
}

/** Art. 105 lid 4 Wmg for the party numbered `nummer`: since when the contracteerruimte is onherroepelijk for it on `datum`, if so. */
export function computeOnherroepelijkSinds(w: CelWandeling, nummer: number, datum: IsoDatum): IsoDatum | undefined {
  const eigen = w.laatsteEindeVan[nummer];
  const regio = w.laatsteEindeRegio;
  const laatste = eigen === undefined ? regio : regio === undefined ? eigen : laterVan(eigen, regio);
  if (laatste === undefined || laatste >= datum) return undefined;
  let sinds = w.context.computeDagNa(laatste);
  for (const b of w.beroepenVanNummer(nummer)) {
    if (isLopendOp(b, datum)) return undefined;
    if (b.afgerond !== null && b.afgerond <= datum && b.afgerond > sinds) sinds = b.afgerond;
  }
  return sinds;
}

/**
 * Termijnregels §6 (corrected 2026-12-07): the doubt for the party numbered `nummer` when it is a newcomer after a lid-3
 * window — its only earlier chance was the window, and it had no tariefbeschikking in the region before the window closed,
 * so it was no belanghebbende while the window ran (art. 1:2 Awb) — or undefined. One text per window, shared by every
 * newcomer after it (the term names its party), written when read.
 */
export function findNieuwkomerTwijfel(w: CelWandeling, nummer: number): LateTekst | undefined {
  const vensterEinde = w.laatsteEindeRegio;
  if (w.laatsteEindeVan[nummer] !== undefined || vensterEinde === undefined) return undefined;
  const eerste = w.invoer.eersteTariefbeschikkingInRegio;
  // By the party's number when the split that numbered it also gave the days (no name looked up per exclusion).
  const eersteInRegio =
    eerste.register === w.register && eerste.getVoorNummer
      ? eerste.getVoorNummer(w.kolommen.registerNummerVan(nummer))
      : eerste.get(w.kolommen.partijNaam(nummer));
  if (eersteInRegio === undefined || eersteInRegio <= vensterEinde) return undefined;
  // The window's end as it is now (the walk moves on before the text is written).
  if (w.nieuwkomerTwijfel?.vensterEinde !== vensterEinde) {
    const { regio } = w;
    const { twijfelRegime } = w.context;
    w.nieuwkomerTwijfel = { vensterEinde, tekst: new LateTekst(() => joinTwijfels(describeTwijfelNieuwkomer(regio, vensterEinde), twijfelRegime)!) };
  }
  return w.nieuwkomerTwijfel.tekst;
}

/**
 * Art. 105 lid 4 Wmg: the tariefbeschikking being walked opens no new beroep for the party numbered `nummer`, for whom the
 * contracteerruimte is onherroepelijk since `sinds`; the exclusion keeps the date the term would have had (`t`) and its
 * doubt. An exclusion has no terms to choose the earliest from: the zorgkantoor's doubt in the words for an exclusion.
 */
export function excludeOnherroepelijk(w: CelWandeling, nummer: number, sinds: IsoDatum, t: BerekendeTermijn, extraTwijfel: string | undefined): void {
  const twijfel = extraTwijfel === TWIJFEL_ZORGKANTOOR ? TWIJFEL_ZORGKANTOOR_UITSLUITING : extraTwijfel;
  w.addUitsluiting(UitsluitingSoort.Onherroepelijk, nummer, w.lid4.add(w.plaats, nummer, sinds, t.einde, twijfel));
}

/**
 * Whether the party numbered `nummer` never had a term against this version while the other parties' statutory terms all
 * ended before `datum`, no beroep pending: a pooled reading of lid 4 would call it onherroepelijk, so its term carries
 * that doubt. It has no statutory term here, so "all" are the others'.
 */
export function isNaVerlopenTermijnen(w: CelWandeling, nummer: number, datum: IsoDatum): boolean {
  return (
    w.laatsteEindeRegio === undefined &&
    w.laatsteEindeVan[nummer] === undefined &&
    w.laatsteEindeWettelijk !== undefined &&
    w.laatsteEindeWettelijk < datum &&
    findLopendBeroep(w.beroepen, datum) === undefined
  );
}

/** The first of `beroepen` pending on `datum` — against another besluit than `nietTegen` when given (art. 6:19 Awb) — if any. */
export function findLopendBeroep<B extends Beroep>(beroepen: readonly B[], datum: IsoDatum, nietTegen?: string): B | undefined {
  for (let i = 0; i < beroepen.length; i++) if (beroepen[i]!.tegen !== nietTegen && isLopendOp(beroepen[i]!, datum)) return beroepen[i];
  return undefined;
}

function laterVan(a: IsoDatum | undefined, b: IsoDatum): IsoDatum {
  return a === undefined || b > a ? b : a;
}

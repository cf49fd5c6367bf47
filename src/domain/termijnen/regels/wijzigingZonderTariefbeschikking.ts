import type { IsoDatum } from '../../kalender/kalenderdatum';
import type { Besluit } from '../../besluiten/besluit';
import type { BerekendeTermijn } from '../awbTermijn';
import type { CelWandeling } from '../machinerie/celWandeling';
import { describeTwijfelArt619, type TwijfelPerSoort } from '../teksten/twijfels';
import { isLopendOp } from '../regioJaarStatus';
import { findLopendBeroep } from './lid4Onherroepelijk';

// RULE — termijnregels §6, after an amendment (or a first vaststelling after tariefbeschikkingen, art. 105 lid 4 Wmg):
// - amended, but no gewijzigde tariefbeschikking (yet): the NZa re-assesses "zo nodig", so the ordinary term (art. 6:7, 6:8
//   lid 1 Awb) may run from the besluit's own bekendmaking: a possibly fatal date for every party, with the doubt;
// - a pending beroep follows the amendment (art. 6:19 Awb) for the same year: the party gets a precaution date instead
//   (its reach is contested: a letter with gronden to the CBb within the new term).

/** An appellant whose beroep is pending on `datum` is a party of this year even without a tariefbeschikking for it (art. 6:19 Awb). */
export function addLopendeAppellanten(w: CelWandeling, datum: IsoDatum): void {
  const { kolommen, register, gevraagd } = w;
  for (const b of w.beroepen) {
    if (!isLopendOp(b, datum)) continue;
    const nummer = kolommen.numberPartij(register.numberPartij(b.partij));
    if (w.soortVan[nummer] === undefined) w.addPartij(nummer, gevraagd.find((g) => g.partij === b.partij)?.soort ?? 'zorgaanbieder');
  }
}

/**
 * Art. 6:19 Awb: a beroep of the party numbered `nummer` pending on `datum` (against another besluit: never the besluit it
 * is against itself) extends to `besluit` for the same year; a precaution date `t`. Whether there was one.
 */
export function openVoorzorgArt619(w: CelWandeling, nummer: number, datum: IsoDatum, t: BerekendeTermijn, besluit: Besluit): boolean {
  const lopend = findLopendBeroep(w.beroepenVanNummer(nummer), datum, besluit.id);
  if (!lopend) return false;
  const twijfel = describeTwijfelArt619(w.kolommen.partijNaam(nummer), lopend.ingesteld, besluit.id);
  w.addBeroepstermijn(t, 'art-6-19-voorzorg', nummer, twijfel, lopend.ingesteld);
  return true;
}

/** Amended, no gewijzigde tariefbeschikking (yet): the possibly fatal date `t` for the party numbered `nummer`; `twijfels` per kind of party, shared. */
export function openWijzigingZonderTariefbeschikking(w: CelWandeling, nummer: number, t: BerekendeTermijn, twijfels: TwijfelPerSoort): void {
  w.addBeroepstermijnPerSoort(t, 'wijziging-zonder-tariefbeschikking', nummer, twijfels);
}

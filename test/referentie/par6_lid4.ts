// Termijnregels §6, art. 105 lid 4 Wmg, as the walk applies it: since when the contracteerruimte is onherroepelijk for a
// party, and then the exclusion of its new beroep; after an amendment, the possibly fatal date without a gewijzigde
// tariefbeschikking (and the one that did follow); and the precaution date of a pending beroep (art. 6:19 Awb). The
// state at the peildatum is in status_par6.ts.
import { addDagen, type IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import type { Contracteerruimtebesluit, Tariefbeschikking } from '../../src/domain/besluiten/besluit';
import type { Termijn } from '../../src/domain/termijnen/termijn';
import * as tekst from './teksten';
import { adressaatVan, heeftProductieafspraken_art105lid2, isLopend } from './gedeeld';
import type { BerekendeTermijn } from './basistermijn_par2_3';
import type { BeroepMetPartij, RegioJaar } from './regioJaren';
import { later, voegBeroepstermijnToe, voegUitsluitingToe, type Partij, type Stand } from './stand';

/** §6, art. 105 lid 4 Wmg: since when the contracteerruimte is onherroepelijk for `partij` on `datum`, if it is. */
export function onherroepelijkSinds_art105lid4(stand: Stand, partij: Partij, datum: IsoDatum): IsoDatum | undefined {
  // Every term that opened for the party: its own and the region's lid-3 windows (open to every party).
  const laatste = later(partij.laatsteEinde, stand.laatsteEindeVenster);
  if (laatste === undefined || laatste >= datum) return undefined;
  let sinds = addDagen(laatste, 1);
  for (const beroep of stand.regioJaar.beroepen) {
    if (beroep.partij !== partij.naam) continue;
    if (isLopend(beroep, datum)) return undefined;
    // The party's beroep has ended: onherroepelijk from the uitspraak (no hoger beroep).
    if (beroep.afgerond !== null && beroep.afgerond <= datum && beroep.afgerond > sinds) sinds = beroep.afgerond;
  }
  return sinds;
}

/**
 * §6 (corrected 2026-12-07): a newcomer after a lid-3 window — the party's only earlier chance was the window, and its
 * first tariefbeschikking in the region came after the window's last day, so it was no belanghebbende while the window
 * ran (art. 1:2 Awb). Its tariefbeschikking opens its term, with the doubt. Returns the window's last day, or undefined.
 */
export function nieuwkomerNaLid3Venster_par6(stand: Stand, partij: Partij): IsoDatum | undefined {
  const eersteInRegio = stand.regioJaar.aanbiedersInRegio.find((a) => a.partij === partij.naam)?.eerste;
  const venster = stand.laatsteEindeVenster;
  const nieuwkomer = partij.laatsteEinde === undefined && venster !== undefined && eersteInRegio !== undefined && eersteInRegio > venster;
  return nieuwkomer ? venster : undefined;
}

/**
 * §6: a party that never had a term — every other party's statutory term against this version ended before `datum` —
 * gets its term with the doubt that lid 4 might be read against it. Not while any beroep is pending (engine's choice;
 * the spec does not say): lid 4 could then only be read against the party on a pooled reading, and on that reading the
 * contracteerruimte is not onherroepelijk while a beroep against it is pending, so the doubt does not arise
 * (docs/adr/0005).
 */
export function nooitEenTermijn_par6(stand: Stand, partij: Partij, datum: IsoDatum): boolean {
  return (
    stand.laatsteEindeVenster === undefined &&
    partij.laatsteEinde === undefined &&
    stand.laatsteEindeWettelijk !== undefined &&
    stand.laatsteEindeWettelijk < datum &&
    !stand.regioJaar.beroepen.some((b) => isLopend(b, datum))
  );
}

/** §6, art. 105 lid 4 Wmg: no new beroep for a party for whom the contracteerruimte is onherroepelijk (an exclusion). */
export function lid4Onherroepelijkheid_art105lid4(
  stand: Stand,
  tb: Tariefbeschikking,
  partij: Partij,
  sinds: IsoDatum,
  berekend: BerekendeTermijn,
  zorgkantoor: boolean,
): void {
  const { regio, jaar } = stand.regioJaar;
  const twijfel = tekst.twijfelLid4(regio, jaar, partij.naam, sinds, tb.id, berekend.einde, stand.config.inwerkingtreding === undefined, zorgkantoor);
  voegUitsluitingToe(
    stand,
    tb,
    {
      rechtsmiddel: 'beroep',
      partij: partij.naam,
      reden: 'onherroepelijk',
      grondslag: ['art. 105 lid 4 Wmg'],
      toelichting: tekst.toelichtingLid4(regio, jaar, partij.naam, sinds, tb.id),
      twijfel,
      eindeAlsToch: berekend.einde,
    },
    { lid4Twijfel: twijfel },
  );
}

/** §6, art. 6:19 Awb: a pending beroep extends to the new besluit; a letter with gronden by this date, as a precaution. */
export function voorzorg_art6_19Awb(
  stand: Stand,
  besluit: Contracteerruimtebesluit,
  partij: Partij,
  lopend: BeroepMetPartij,
  zesWeken: BerekendeTermijn,
): void {
  const twijfel = tekst.twijfelVoorzorg619(partij.naam, lopend.ingesteld, besluit.id);
  voegBeroepstermijnToe(stand, besluit, zesWeken, 'art-6-19-voorzorg', partij, twijfel, true, { beroepIngesteld: lopend.ingesteld });
}

/** §6: amended after tariefbeschikkingen, no gewijzigde tariefbeschikking (yet): six weeks from the besluit, possibly fatal. */
export function wijzigingZonderTariefbeschikking_art105lid4(stand: Stand, besluit: Contracteerruimtebesluit, partij: Partij, zesWeken: BerekendeTermijn): void {
  const twijfel = tekst.voegTwijfelsSamen(tekst.twijfelNaWijziging(besluit, partij.soort === 'zorgkantoor'), stand.twijfelRegime);
  voegBeroepstermijnToe(stand, besluit, zesWeken, 'wijziging-zonder-tariefbeschikking', partij, twijfel);
}

/** §6: after an amendment, the gewijzigde tariefbeschikking to the party that did follow under the same version (its own term). */
export function gevolgdDoorTariefbeschikking(regioJaar: RegioJaar, versie: number, partij: string): Termijn['gevolgdDoorTariefbeschikking'] {
  let v = 0;
  for (const b of regioJaar.besluiten) {
    if (b.type === 'contracteerruimte') v += 1;
    else if (v === versie && heeftProductieafspraken_art105lid2(b.soort) && adressaatVan(b) === partij)
      return { besluit: b.id, bekendgemaakt: b.bekendgemaakt };
  }
  return undefined;
}

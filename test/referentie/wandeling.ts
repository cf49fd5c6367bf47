// The walk over one (regio, jaar), termijnregels §4–§8: the besluiten in order, each applying the rules of its kind. A
// tariefbeschikking: bezwaar against itself (§4, art. 6:7 Awb), then the old route (§8), no productieafspraken (§4) or
// beroep via lid 2 (§4), with the doubts of one before 1 March (§5). A contracteerruimtebesluit: a new version (§6), no
// bezwaar (§4, art. 7:1 Awb), the lid-3 window (§5), and per party the precaution (art. 6:19 Awb), the amendment
// without tariefbeschikking (§6) or the besluit without one (§4). The rules are in the par* modules, the state in stand.ts.
import { jaarVan } from '../../src/domain/kalender/kalenderdatum';
import type { Contracteerruimtebesluit, Tariefbeschikking } from '../../src/domain/besluiten/besluit';
import type { TermijnConfig } from '../../src/domain/termijnen/termijn';
import { TWIJFEL_INWERKINGTREDING } from '../../src/domain/termijnen/twijfelTeksten';
import * as tekst from './teksten';
import { adressaatVan, heeftProductieafspraken_art105lid2, isLopend } from './gedeeld';
import { basistermijn_art6_7_6_8Awb } from './basistermijn_par2_3';
import type { RegioJaar } from './regioJaren';
import {
  gevraagdeZorgkantoren,
  maakTermijn,
  vindPartij,
  voegBeroepstermijnToe,
  voegPartijToe,
  voegTwijfelToe,
  voegUitsluitingToe,
  type RegioJaarUitkomst,
  type Stand,
} from './stand';
import { besluitZonderTariefbeschikking_par4, lid2TermijnViaTariefbeschikking, sluittariefEnNacalculatie_art105lid2 } from './par4_lid2';
import { lid3Venster_art105lid3Wmg, lid3Voorjaarsvenster_art105lid3 } from './par5_lid3';
import { gevolgdDoorTariefbeschikking, voorzorg_art6_19Awb, wijzigingZonderTariefbeschikking_art105lid4 } from './par6_lid4';
import { isOudRegime_par8, overgangsrecht_par8 } from './par8_overgangsrecht';

/** A tariefbeschikking: bezwaar against itself (§4, 6:7), and beroep against the contracteerruimte via lid 2 — or why not. */
function verwerkTariefbeschikking(stand: Stand, tb: Tariefbeschikking): void {
  const { kalender } = stand.config;
  const adressaat = adressaatVan(tb);
  const berekend = basistermijn_art6_7_6_8Awb(tb.bekendgemaakt, kalender);
  // Art. 6:7 and 6:8 Awb: bezwaar against the tariefbeschikking itself, whatever the rest of the rules say.
  maakTermijn(stand, tb, berekend, 'awb-bezwaar', { naam: adressaat, soort: 'zorgaanbieder' }, undefined);
  // The MvT assumes a zorgkantoor may make bezwaar too: a term with the doubt.
  for (const zorgkantoor of gevraagdeZorgkantoren(stand, adressaat)) {
    maakTermijn(stand, tb, berekend, 'awb-bezwaar', { naam: zorgkantoor.naam, soort: 'zorgkantoor' }, tekst.ZORGKANTOOR_BEZWAAR);
  }
  voegPartijToe(stand, adressaat, 'zorgaanbieder');
  const partij = vindPartij(stand, adressaat)!;

  if (isOudRegime_par8(tb.bekendgemaakt, stand.config)) {
    // §8: six weeks that run past the entry into force may still be a term of the new regime (a sluittarief never opens one).
    const nieuw = tb.soort === 'sluittarief' ? undefined : berekend;
    overgangsrecht_par8(stand, tb, adressaat, nieuw);
    for (const zorgkantoor of gevraagdeZorgkantoren(stand, adressaat)) overgangsrecht_par8(stand, tb, zorgkantoor.naam, nieuw);
    return;
  }
  if (!heeftProductieafspraken_art105lid2(tb.soort)) {
    sluittariefEnNacalculatie_art105lid2(stand, tb, adressaat, berekend);
    for (const zorgkantoor of gevraagdeZorgkantoren(stand, adressaat)) sluittariefEnNacalculatie_art105lid2(stand, tb, zorgkantoor.naam, berekend);
    return;
  }
  // §5: made known after the besluit that opened a lid-3 window, before its 1 March: both terms carry the doubt. "Between
  // the bekendmaking and 1 March" is read as before 1 March (engine's choice, spec silent on the day itself): one made
  // known on 1 March falls inside the window; both terms are computed either way and the window ends first.
  const venster = stand.venster;
  const voorMaart = venster !== undefined && tb.bekendgemaakt < venster.termijn.berekend.aanvang;
  if (venster && voorMaart && !venster.gemarkeerd) {
    const { regio, jaar } = stand.regioJaar;
    voegTwijfelToe(venster.termijn, tekst.twijfelVensterTariefbeschikkingVoorMaart(regio, jaar, tb.bekendgemaakt, venster.termijn.berekend.aanvang));
    venster.gemarkeerd = true;
  }
  const eerste = stand.termijnen.length;
  lid2TermijnViaTariefbeschikking(stand, tb, partij, berekend, false);
  // §4: whether each tariefbeschikking in the region opens a term for the zorgkantoor is not settled: computed, with the doubt.
  for (const zorgkantoor of gevraagdeZorgkantoren(stand, adressaat)) lid2TermijnViaTariefbeschikking(stand, tb, zorgkantoor, berekend, true);
  if (venster && voorMaart) {
    const { regio, jaar } = stand.regioJaar;
    for (const ref of stand.termijnen.slice(eerste)) voegTwijfelToe(ref, tekst.twijfelLid2VoorMaart(regio, jaar, venster.termijn.berekend.aanvang));
  }
}

/** A contracteerruimtebesluit: a new version of (regio, jaar) with its terms (§4, §5, §6, §8). */
function verwerkContracteerruimtebesluit(stand: Stand, besluit: Contracteerruimtebesluit): void {
  const { regio, jaar, gevraagd } = stand.regioJaar;
  const { kalender } = stand.config;
  // §6: an amendment makes beroep possible again: what closed the previous version no longer counts.
  stand.versie += 1;
  stand.laatsteEindeVenster = undefined;
  stand.laatsteEindeWettelijk = undefined;
  for (const p of stand.partijen) p.laatsteEinde = undefined;
  stand.venster = undefined;
  const datum = besluit.bekendgemaakt;
  const bekendmakingsjaar = jaarVan(datum);
  const toekomstigJaar = jaar > bekendmakingsjaar;
  const alTariefbeschikking = stand.eersteTariefbeschikking !== undefined && stand.eersteTariefbeschikking < datum;
  const lid3 = toekomstigJaar && !alTariefbeschikking;
  if (isOudRegime_par8(datum, stand.config)) {
    overgangsrecht_par8(stand, besluit, undefined, lid3 ? lid3Venster_art105lid3Wmg(bekendmakingsjaar, kalender) : basistermijn_art6_7_6_8Awb(datum, kalender));
    return;
  }
  // §4: no bezwaar against a contracteerruimtebesluit, only direct beroep (art. 7:1 Awb, Bijlage 1).
  voegUitsluitingToe(stand, besluit, {
    rechtsmiddel: 'bezwaar',
    reden: 'geen-bezwaar-tegen-contracteerruimte',
    grondslag: ['art. 7:1 Awb', 'Bijlage 1 Awb'],
    toelichting: tekst.toelichtingGeenBezwaar(besluit.id),
  });
  // §5/§7: a future year whose first vaststelling comes after a tariefbeschikking for it: lid 3 asks that none was
  // issued, yet none can rest on this besluit: the window is computed too, with that doubt.
  const lid3Twijfelachtig = toekomstigJaar && alTariefbeschikking && stand.versie === 1 && besluit.soort === 'vaststelling';
  if (lid3 || lid3Twijfelachtig) lid3Voorjaarsvenster_art105lid3(stand, besluit, lid3Twijfelachtig);

  // §4: a year that is not future, no tariefbeschikking for it yet. One of the same day does not end that (§7: never resolve
  // a doubt by dropping a term): it opens lid 2 at most for its addressee; the others keep their date, and the doubt says so.
  const zonderTariefbeschikking = !toekomstigJaar && !alTariefbeschikking;
  const tariefbeschikkingZelfdeDag = stand.eersteTariefbeschikking === datum;
  const zesWeken = basistermijn_art6_7_6_8Awb(datum, kalender);
  if (zonderTariefbeschikking) {
    // Every provider with an earlier tariefbeschikking in the region is a party; also one that became a party on the day
    // or while the six weeks ran — unless through a tariefbeschikking for this very year, which decides the year for it.
    for (const aanbieder of stand.regioJaar.aanbiedersInRegio) {
      if (aanbieder.eerste > zesWeken.einde) continue;
      const viaDitJaar = stand.regioJaar.besluiten.some(
        (b) => b.type === 'tariefbeschikking' && adressaatVan(b) === aanbieder.partij && b.bekendgemaakt === aanbieder.eerste,
      );
      if (aanbieder.eerste >= datum && viaDitJaar) continue;
      voegPartijToe(stand, aanbieder.partij, 'zorgaanbieder');
    }
  }
  // An appellant whose beroep is pending is a party of this year, also without a tariefbeschikking.
  for (const beroep of stand.regioJaar.beroepen) {
    if (isLopend(beroep, datum)) voegPartijToe(stand, beroep.partij, gevraagd.find((g) => g.partij === beroep.partij)?.soort ?? 'zorgaanbieder');
  }
  if (zonderTariefbeschikking && (stand.partijen.length === 0 || !gevraagd.some((g) => g.soort === 'zorgkantoor'))) {
    // §4: no party known, or the zorgkantoor not named: one date for the region, open to every party (never a party without a date).
    const geenPartijBekend = stand.partijen.length === 0 && !tariefbeschikkingZelfdeDag;
    const twijfel = tekst.twijfelZonderTariefbeschikking(besluit, regio, jaar, 'regio', geenPartijBekend, tariefbeschikkingZelfdeDag);
    voegBeroepstermijnToe(stand, besluit, zesWeken, 'besluit-zonder-tariefbeschikking', undefined, tekst.voegTwijfelsSamen(twijfel, stand.twijfelRegime));
  }
  for (const partij of stand.partijen) {
    const lopend = stand.regioJaar.beroepen.find((b) => b.partij === partij.naam && b.tegen !== besluit.id && isLopend(b, datum));
    if (lopend) {
      voorzorg_art6_19Awb(stand, besluit, partij, lopend, zesWeken);
    } else if (!lid3 && alTariefbeschikking) {
      wijzigingZonderTariefbeschikking_art105lid4(stand, besluit, partij, zesWeken);
    } else if (zonderTariefbeschikking) {
      besluitZonderTariefbeschikking_par4(stand, besluit, partij, zesWeken);
    }
  }
}

export function rekenRegioJaar(regioJaar: RegioJaar, config: TermijnConfig): RegioJaarUitkomst {
  const stand: Stand = {
    regioJaar,
    config,
    twijfelRegime: config.inwerkingtreding === undefined ? TWIJFEL_INWERKINGTREDING : undefined,
    versie: 0,
    partijen: [],
    termijnen: [],
    uitsluitingen: [],
  };
  // The parties asked for come first; one asked twice keeps its first place and its last kind (engine's choice).
  for (const g of regioJaar.gevraagd) {
    const bekend = vindPartij(stand, g.partij);
    if (bekend) bekend.soort = g.soort;
    else stand.partijen.push({ naam: g.partij, soort: g.soort });
  }
  stand.eersteTariefbeschikking = regioJaar.besluiten.find((b) => b.type === 'tariefbeschikking')?.bekendgemaakt;
  for (const besluit of regioJaar.besluiten) {
    if (besluit.type === 'contracteerruimte') verwerkContracteerruimtebesluit(stand, besluit);
    else verwerkTariefbeschikking(stand, besluit);
  }
  for (const ref of stand.termijnen) {
    if (ref.termijn.regel === 'wijziging-zonder-tariefbeschikking') {
      const gevolgd = gevolgdDoorTariefbeschikking(regioJaar, ref.termijn.versie, ref.termijn.partij!);
      if (gevolgd) ref.termijn.gevolgdDoorTariefbeschikking = gevolgd;
    }
  }
  return { regioJaar, termijnen: stand.termijnen, uitsluitingen: stand.uitsluitingen };
}

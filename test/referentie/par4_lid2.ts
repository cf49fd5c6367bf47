// Termijnregels §4, art. 105 lid 2 Wmg: a tariefbeschikking with productieafspraken opens beroep against the
// contracteerruimte for its addressee and (with the doubt) each zorgkantoor asked for, unless lid 4 closed it
// (par6_lid4.ts), with the newcomer and the party that never had a term (§6); the sluittarief, nacalculatie and
// vereffening open none (lid 2, last sentence); and a year that is not future with no tariefbeschikking yet gets six
// weeks from the besluit per party.
import type { Contracteerruimtebesluit, Tariefbeschikking } from '../../src/domain/besluiten/besluit';
import * as tekst from './teksten';
import type { BerekendeTermijn } from './basistermijn_par2_3';
import { voegBeroepstermijnToe, voegUitsluitingToe, type Partij, type Stand } from './stand';
import { lid4Onherroepelijkheid_art105lid4, nieuwkomerNaLid3Venster_par6, nooitEenTermijn_par6, onherroepelijkSinds_art105lid4 } from './par6_lid4';

/** §4, art. 105 lid 2 Wmg: a tariefbeschikking with productieafspraken opens beroep for `partij` — or lid 4 closes it. */
export function lid2TermijnViaTariefbeschikking(stand: Stand, tb: Tariefbeschikking, partij: Partij, berekend: BerekendeTermijn, zorgkantoor: boolean): void {
  const sinds = onherroepelijkSinds_art105lid4(stand, partij, tb.bekendgemaakt);
  if (sinds !== undefined) {
    // §6: a newcomer after a lid-3 window was no belanghebbende while it ran (art. 1:2 Awb): its term, with the doubt.
    const venster = nieuwkomerNaLid3Venster_par6(stand, partij);
    if (venster !== undefined) {
      voegBeroepstermijnToe(
        stand,
        tb,
        berekend,
        'art-105-lid-2',
        partij,
        tekst.voegTwijfelsSamen(tekst.twijfelNieuwkomer(stand.regioJaar.regio, venster), stand.twijfelRegime),
      );
      return;
    }
    // §6: onherroepelijk stays onherroepelijk; the exclusion carries what would change it and the date it would end.
    lid4Onherroepelijkheid_art105lid4(stand, tb, partij, sinds, berekend, zorgkantoor);
    return;
  }
  const nooitEenTermijn = nooitEenTermijn_par6(stand, partij, tb.bekendgemaakt);
  const twijfel = tekst.voegTwijfelsSamen(
    zorgkantoor ? tekst.ZORGKANTOOR_TERMIJN : undefined,
    nooitEenTermijn ? tekst.NOOIT_EEN_TERMIJN : undefined,
    stand.twijfelRegime,
  );
  voegBeroepstermijnToe(stand, tb, berekend, 'art-105-lid-2', partij, twijfel);
}

/** §4: nacalculatie, sluittarief and vereffening open no beroep against the contracteerruimte (the sluittarief expressly). */
export function sluittariefEnNacalculatie_art105lid2(stand: Stand, tb: Tariefbeschikking, partij: string, berekend: BerekendeTermijn): void {
  const { regio, jaar } = stand.regioJaar;
  if (tb.soort === 'sluittarief') {
    // Lid 2, last sentence: the law names it, so no doubt.
    voegUitsluitingToe(stand, tb, {
      rechtsmiddel: 'beroep',
      partij,
      reden: 'sluittarief-nacalculatie',
      grondslag: ['art. 105 lid 2 Wmg'],
      toelichting: tekst.toelichtingSluittarief(tb.id, regio, jaar),
    });
    return;
  }
  voegUitsluitingToe(stand, tb, {
    rechtsmiddel: 'beroep',
    partij,
    reden: 'geen-productieafspraken',
    grondslag: ['art. 105 lid 2 Wmg'],
    toelichting: tekst.toelichtingGeenProductieafspraken(tb, regio, jaar),
    twijfel: tekst.twijfelGeenProductieafspraken(berekend.einde),
    eindeAlsToch: berekend.einde,
  });
}

/** §4: a year that is not future with no tariefbeschikking yet (or only one of the same day): six weeks from the besluit, possibly fatal, per party. */
export function besluitZonderTariefbeschikking_par4(stand: Stand, besluit: Contracteerruimtebesluit, partij: Partij, zesWeken: BerekendeTermijn): void {
  const { regio, jaar } = stand.regioJaar;
  const zelfdeDag = stand.eersteTariefbeschikking === besluit.bekendgemaakt;
  const twijfel = tekst.twijfelZonderTariefbeschikking(besluit, regio, jaar, partij.soort, false, zelfdeDag);
  voegBeroepstermijnToe(stand, besluit, zesWeken, 'besluit-zonder-tariefbeschikking', partij, tekst.voegTwijfelsSamen(twijfel, stand.twijfelRegime));
}

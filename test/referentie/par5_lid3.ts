// Termijnregels §5, art. 105 lid 3 Wmg: for a future year, the six-week window from 1 March of the year after the
// bekendmaking, open to every party of the region; with the doubt when a tariefbeschikking came the same day, and (§7)
// after one, kept with its doubt without counting for lid 4. The doubt a tariefbeschikking before 1 March adds is given
// where that tariefbeschikking comes (wandeling.ts).
import { jaarVan } from '../../src/domain/kalender/kalenderdatum';
import type { AtwKalender } from '../../src/domain/kalender/atwKalender';
import type { Contracteerruimtebesluit } from '../../src/domain/besluiten/besluit';
import { describeTwijfelLid3NaTariefbeschikking } from '../../src/domain/termijnen/teksten/twijfels';
import * as tekst from './teksten';
import { zesWekenVanaf_art6_7Awb, type BerekendeTermijn } from './basistermijn_par2_3';
import { voegBeroepstermijnToe, type Stand } from './stand';

/** §5, art. 105 lid 3 Wmg: the window from 1 March of the year after the bekendmaking, six weeks. */
export function lid3Venster_art105lid3Wmg(bekendmakingsjaar: number, kalender: AtwKalender): BerekendeTermijn {
  return zesWekenVanaf_art6_7Awb(`${bekendmakingsjaar + 1}-03-01`, kalender);
}

/** §5, art. 105 lid 3 Wmg: the window for a future year with no tariefbeschikking at the bekendmaking (or the doubtful one). */
export function lid3Voorjaarsvenster_art105lid3(stand: Stand, besluit: Contracteerruimtebesluit, metTwijfelNaTariefbeschikking: boolean): void {
  const { regio, jaar } = stand.regioJaar;
  const berekend = lid3Venster_art105lid3Wmg(jaarVan(besluit.bekendgemaakt), stand.config.kalender);
  const zelfdeDag = stand.eersteTariefbeschikking === besluit.bekendgemaakt;
  let twijfel: string | undefined;
  if (zelfdeDag) twijfel = tekst.twijfelLid3ZelfdeDag(regio, jaar);
  else if (metTwijfelNaTariefbeschikking) twijfel = describeTwijfelLid3NaTariefbeschikking(`${regio} ${jaar}`, stand.eersteTariefbeschikking!);
  twijfel = tekst.voegTwijfelsSamen(twijfel, stand.twijfelRegime);
  if (metTwijfelNaTariefbeschikking) {
    // §7: kept with its doubt, never dropped; it does not count as a term that opened (lid 4).
    voegBeroepstermijnToe(stand, besluit, berekend, 'art-105-lid-3', undefined, twijfel, false, { tariefbeschikkingVooraf: stand.eersteTariefbeschikking! });
    return;
  }
  const ref = voegBeroepstermijnToe(stand, besluit, berekend, 'art-105-lid-3', undefined, twijfel);
  // A same-day tariefbeschikking is said already; one before 1 March adds its doubt when it comes.
  stand.venster = { termijn: ref, gemarkeerd: zelfdeDag };
}

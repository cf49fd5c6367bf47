// Termijnregels §8, overgangsrecht: a besluit made known before the (configured) entry into force of art. 105 leden 2–4
// Wmg follows the old route (beroep under the old art. 105 Wmg, art. 8:1 Awb): an exclusion, and near the boundary, where
// the new regime's term would run past the entry into force, with the doubt and the day it would end (`eindeAlsToch`).
import { addDagen, type IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import type { Besluit } from '../../src/domain/besluiten/besluit';
import type { TermijnConfig } from '../../src/domain/termijnen/termijn';
import * as tekst from './teksten';
import type { BerekendeTermijn } from './basistermijn_par2_3';
import { voegUitsluitingToe, type Stand } from './stand';

/** §8: a decision made known before the (configured) entry into force of leden 2–4 follows the old route. */
export function isOudRegime_par8(bekendgemaakt: IsoDatum, config: TermijnConfig): boolean {
  return config.inwerkingtreding !== undefined && bekendgemaakt < config.inwerkingtreding;
}

/** §8: an oud-regime exclusion; near the boundary (the new regime's term runs past the entry into force) with its doubt. */
export function overgangsrecht_par8(stand: Stand, besluit: Besluit, partij: string | undefined, nieuw: BerekendeTermijn | undefined): void {
  const inwerkingtreding = stand.config.inwerkingtreding!;
  const { regio, jaar } = stand.regioJaar;
  // §8 names a lid-2 term that runs past the entry into force and a lid-3 window wholly after it; a window only partly
  // after it gets the doubt and the date too (engine's choice: the safe side, §7).
  const alsToch = nieuw && nieuw.einde >= inwerkingtreding ? nieuw : undefined;
  const velden: Parameters<typeof voegUitsluitingToe>[2] = {
    rechtsmiddel: 'beroep',
    reden: 'oud-regime',
    grondslag: ['art. 105 Wmg (oud)', 'art. 8:1 Awb'],
    toelichting: tekst.toelichtingOudRegime(besluit, regio, jaar, inwerkingtreding),
  };
  if (partij !== undefined) velden.partij = partij;
  if (alsToch) {
    const venster = alsToch.aanvang > addDagen(besluit.bekendgemaakt, 1);
    velden.twijfel = tekst.twijfelOudRegime(besluit, inwerkingtreding, venster, alsToch.aanvang >= inwerkingtreding, alsToch.einde);
    velden.eindeAlsToch = alsToch.einde;
  }
  voegUitsluitingToe(stand, besluit, velden, alsToch ? { alsToch } : {});
}

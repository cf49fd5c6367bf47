import type { IsoDatum } from '../../kalender/kalenderdatum';
import type { BerekendeTermijn } from '../awbTermijn';
import type { CelWandeling } from '../machinerie/celWandeling';
import type { LateTekst } from '../teksten/lateTekst';
import { TWIJFEL_ZORGKANTOOR } from '../teksten/twijfels';
import { computeOnherroepelijkSinds, excludeOnherroepelijk, findNieuwkomerTwijfel, isNaVerlopenTermijnen, noteTermijnGeopend } from './lid4Onherroepelijk';

// RULE — termijnregels §4, art. 105 lid 2 Wmg (with 6:7, 6:8 lid 1 Awb): a tariefbeschikking with goedgekeurde
// productieafspraken opens, for its addressee, six weeks of beroep against the contracteerruimte it applied, from the day
// after its bekendmaking. Terms belong to a party. Whether it opens one for the zorgkantoor of the region too is not
// settled: computed, with the doubt. Art. 105 lid 4 Wmg decides when it opens none (lid4Onherroepelijk.ts).

/** Art. 105 lid 2 Wmg: the beroep the tariefbeschikking being walked (made known on `datum`, six weeks `t`) opens for its addressee numbered `nummer` and each zorgkantoor asked for. */
export function openBeroepenViaTariefbeschikking(w: CelWandeling, datum: IsoDatum, nummer: number, t: BerekendeTermijn): void {
  openBeroepViaTariefbeschikking(w, datum, nummer, t, undefined);
  const { gevraagd, gevraagdNummers } = w;
  for (let k = 0; k < gevraagd.length; k++) {
    if (gevraagd[k]!.soort === 'zorgkantoor' && gevraagdNummers[k] !== nummer)
      openBeroepViaTariefbeschikking(w, datum, gevraagdNummers[k]!, t, TWIJFEL_ZORGKANTOOR);
  }
}

/** Art. 105 lid 2 Wmg for the party numbered `nummer`: its term, or why it does not open (lid 4). */
function openBeroepViaTariefbeschikking(w: CelWandeling, datum: IsoDatum, nummer: number, t: BerekendeTermijn, extraTwijfel: string | undefined): void {
  const sinds = computeOnherroepelijkSinds(w, nummer, datum);
  if (sinds) {
    // Termijnregels §6 (corrected 2026-12-07): a newcomer after a lid-3 window had no beroep open to it, so its
    // tariefbeschikking opens its own term, with the lid-4 doubt.
    const nieuwkomer = findNieuwkomerTwijfel(w, nummer);
    if (nieuwkomer) openLid2Termijn(w, t, nummer, nieuwkomer);
    else excludeOnherroepelijk(w, nummer, sinds, t, extraTwijfel);
    return;
  }
  // The four combinations of doubts: (zorgkantoor?) + 2 × (never had a term while the others' ended?).
  openLid2Termijn(w, t, nummer, w.context.lid2Twijfels[(extraTwijfel ? 1 : 0) + (isNaVerlopenTermijnen(w, nummer, datum) ? 2 : 0)]);
}

function openLid2Termijn(w: CelWandeling, t: BerekendeTermijn, nummer: number, twijfel: string | LateTekst | undefined): void {
  w.addBeroepstermijn(t, 'art-105-lid-2', nummer, twijfel);
  noteTermijnGeopend(w, nummer, t.einde);
}

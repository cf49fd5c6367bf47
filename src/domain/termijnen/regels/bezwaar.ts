import type { BerekendeTermijn } from '../awbTermijn';
import type { CelWandeling } from '../machinerie/celWandeling';
import { UitsluitingSoort } from '../machinerie/uitsluitingSoort';
import { TWIJFEL_ZORGKANTOOR_BEZWAAR } from '../teksten/twijfels';

// RULE — termijnregels §2 and §4: bezwaar. Art. 6:7 and 6:8 lid 1 Awb: six weeks of bezwaar against every
// tariefbeschikking, whatever the rest of the rules say; art. 7:1 Awb with Bijlage 1: none against the contracteerruimte.

/**
 * Art. 6:7 and 6:8 Awb: bezwaar against the tariefbeschikking being walked, for its addressee (numbered `nummer`) and,
 * with the doubt, for each zorgkantoor asked for (the MvT assumes a zorgkantoor may make bezwaar too).
 */
export function openBezwaarTegenTariefbeschikking(w: CelWandeling, nummer: number, t: BerekendeTermijn): void {
  w.addTermijn(t, 'awb-bezwaar', nummer, 'zorgaanbieder', undefined);
  const { gevraagd, gevraagdNummers } = w;
  for (let k = 0; k < gevraagd.length; k++) {
    if (gevraagd[k]!.soort !== 'zorgkantoor' || gevraagdNummers[k] === nummer) continue;
    w.addTermijn(t, 'awb-bezwaar', gevraagdNummers[k]!, 'zorgkantoor', TWIJFEL_ZORGKANTOOR_BEZWAAR);
  }
}

/** Art. 7:1 Awb with Bijlage 1: no bezwaar against the contracteerruimtebesluit being walked, only direct beroep at the CBb. */
export function excludeBezwaarTegenContracteerruimte(w: CelWandeling): void {
  w.addUitsluiting(UitsluitingSoort.GeenBezwaar, -1);
}

import type { CelWandeling } from '../machinerie/celWandeling';
import { UitsluitingSoort } from '../machinerie/uitsluitingSoort';

// RULE — termijnregels §4, art. 105 lid 2 Wmg: only a tariefbeschikking with goedgekeurde productieafspraken opens beroep
// against the contracteerruimte. A Wlz-sluittarief in the nacalculatie opens none (lid 2, last sentence: no doubt); other
// nacalculatie and vereffening beschikkingen open none either, with the doubt (the texts: teksten/uitsluitingen.ts).

/**
 * Art. 105 lid 2 Wmg: no beroep through the tariefbeschikking being walked (without productieafspraken) for its addressee
 * numbered `nummer` — nor for anyone: the zorgkantoor asked for is told so too (no party without a date or a reason).
 */
export function excludeBeroepZonderProductieafspraken(w: CelWandeling, nummer: number): void {
  w.addUitsluiting(UitsluitingSoort.ZonderProductieafspraken, nummer);
  if (w.gevraagd.length > 0) w.addUitsluitingVoorGevraagdZorgkantoor(UitsluitingSoort.ZonderProductieafspraken, nummer);
}

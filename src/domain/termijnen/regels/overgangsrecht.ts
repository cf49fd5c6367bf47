import type { BerekendeTermijn } from '../awbTermijn';
import { BesluitCode } from '../machinerie/celInvoer';
import type { CelWandeling } from '../machinerie/celWandeling';
import { UitsluitingSoort } from '../machinerie/uitsluitingSoort';

// RULE — termijnregels §8, transitional law: a decision made known before the entry into force of art. 105 leden 2–4
// Wmg opened no direct beroep against the contracteerruimte (art. 8:1 Awb, old route). Near the boundary the new rules may
// still reach it: then the exclusion carries the doubt and the date the new-regime term would end, never bare.

/**
 * The contracteerruimtebesluit being walked, made known on day `dag` before the entry into force: an `oud-regime`
 * exclusion, with the new regime's date when its lid-3 window (`lid3`) or six weeks run past the entry into force.
 */
export function excludeOudRegimeBesluit(w: CelWandeling, dag: number, lid3: boolean, bekendmakingsjaar: number): void {
  const { context } = w;
  const nieuw = lid3 ? context.computeLid3Venster(bekendmakingsjaar + 1) : context.computeZesWekenOpDag(dag);
  w.addUitsluiting(UitsluitingSoort.OudRegime, -1, -1, nieuw.einde >= context.config.inwerkingtreding! ? nieuw : undefined);
}

/**
 * The tariefbeschikking being walked (of kind `code`, to the party numbered `nummer`) made known before the entry into
 * force: an `oud-regime` exclusion for its addressee and each zorgkantoor asked for. Six weeks `t` that run past the
 * entry into force may still be a term of the new regime — not for a sluittarief, which never opens one.
 */
export function excludeOudRegimeTariefbeschikking(w: CelWandeling, nummer: number, t: BerekendeTermijn, code: BesluitCode): void {
  const kanNogOpen =
    t.einde >= w.context.config.inwerkingtreding! && (code === BesluitCode.MetProductieafspraken || w.velden.van[w.plaats]!.soort !== 'sluittarief');
  w.addUitsluiting(UitsluitingSoort.OudRegime, nummer, -1, kanNogOpen ? t : undefined);
  if (w.gevraagd.length > 0) w.addUitsluitingVoorGevraagdZorgkantoor(UitsluitingSoort.OudRegime, nummer, kanNogOpen ? t : undefined);
}

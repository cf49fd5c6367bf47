// The reference engine: the rules of ../shared/spec/termijnregels.md written out plainly, one function per rule, to be
// compared with the engine (src/domain/termijnen/computeTermijnen.ts) by referentieGelijk.test.ts. Arrays, loops and
// objects only: no typed arrays, caches, memoisation or laziness. What decides is written here anew from the spec; the
// calendar (src/domain/kalender) and the wording (teksten.ts, statusTeksten.ts) are only used, never asked to decide.
// The rules live in one module per part of the spec (README.md); this entry runs them in order: §3's range, the
// partition per (regio, jaar) (§4), the walk over each (§4–§8), the statuses (§6), the warnings (§3, §7, §8) and the
// afleidingen (§10).
import type { TermijnInvoer } from '../../src/domain/besluiten/besluit';
import type { AfleidingStap, PartijStatus, RegioJaarStatus, Termijn, TermijnConfig, TermijnUitkomst, Uitsluiting } from '../../src/domain/termijnen/termijn';
import { afleidingVan } from './referentieAfleiding';
import { controleerBereik_par3 } from './basistermijn_par2_3';
import { vergelijk } from './gedeeld';
import { verdeelInRegioJaren } from './regioJaren';
import type { RefTermijn } from './stand';
import { rekenRegioJaar } from './wandeling';
import { statussenVanRegioJaar } from './status_par6';
import { waarschuwingen_par3_7_8 } from './waarschuwingen_par3_7_8';

export { lid3Venster_art105lid3Wmg } from './par5_lid3';

/** The engine's answer, and per term (in the same order) its afleiding (§10). */
export interface ReferentieUitkomst extends TermijnUitkomst {
  afleidingen: AfleidingStap[][];
}

/** Within a (regio, jaar): by bekendmaking, besluit, bezwaar before beroep, party (engine's choice, spec silent). */
function volgordeInRegioJaar(a: Termijn | Uitsluiting, b: Termijn | Uitsluiting): number {
  return (
    vergelijk(a.bekendgemaakt, b.bekendgemaakt) ||
    vergelijk(a.besluit, b.besluit) ||
    (a.rechtsmiddel === b.rechtsmiddel ? 0 : a.rechtsmiddel === 'bezwaar' ? -1 : 1) ||
    vergelijk(a.partij ?? '', b.partij ?? '')
  );
}

export function computeReferentie(invoer: TermijnInvoer, config: TermijnConfig): ReferentieUitkomst {
  controleerBereik_par3(invoer.besluiten);
  const uitkomsten = verdeelInRegioJaren(invoer).map((regioJaar) => rekenRegioJaar(regioJaar, config));
  // Terms by last day, then region and year, then their order within the year (engine's choice, spec silent).
  const alleTermijnen: RefTermijn[] = [];
  for (const u of uitkomsten) alleTermijnen.push(...u.termijnen);
  const gesorteerd = alleTermijnen.sort(
    (a, b) =>
      vergelijk(a.termijn.einde, b.termijn.einde) ||
      vergelijk(a.termijn.regio, b.termijn.regio) ||
      a.termijn.jaar - b.termijn.jaar ||
      volgordeInRegioJaar(a.termijn, b.termijn),
  );
  // Exclusions by region and year, then their order within the year.
  const uitsluitingen: Uitsluiting[] = [];
  for (const u of uitkomsten) uitsluitingen.push(...u.uitsluitingen.map((r) => r.uitsluiting).sort(volgordeInRegioJaar));
  const status: RegioJaarStatus[] = [];
  const partijStatus: PartijStatus[] = [];
  for (const u of uitkomsten) {
    const s = statussenVanRegioJaar(u, invoer.peildatum, config);
    status.push(s.status);
    partijStatus.push(...s.partijStatus);
  }
  return {
    termijnen: gesorteerd.map((r) => r.termijn),
    uitsluitingen,
    status,
    partijStatus,
    waarschuwingen: waarschuwingen_par3_7_8(invoer, config, uitkomsten),
    afleidingen: gesorteerd.map((r) => afleidingVan(r.termijn, r.berekend, config)),
  };
}

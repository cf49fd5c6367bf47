import type { TermijnInvoer } from '../../src/domain/besluiten/besluit';
import type { AfleidingStap, TermijnConfig, TermijnUitkomst } from '../../src/domain/termijnen/termijn';
import { computeTermijnen } from '../../src/domain/termijnen/computeTermijnen';
import { describeAfleiding } from '../../src/domain/termijnen/afleiding';
import { computeReferentie } from './referentieEngine';
import { describeKenmerken, findEersteVerschil, type Verschil } from './verschil';

/** What both answer for one input: the engine's lists and the reference's, section by section, and each term's afleiding. */
function beantwoord(bereken: () => Record<string, unknown>): Record<string, unknown> {
  try {
    return bereken();
  } catch (fout) {
    return { fout: fout instanceof Error ? `${fout.name}: ${fout.message}` : String(fout) };
  }
}

/** The parts of an answer that are compared; the afleidingen (per term, in the order of the terms) only with everything. */
function kiesDelen(u: TermijnUitkomst, delen: Delen, afleidingen: () => AfleidingStap[][]): Record<string, unknown> {
  const opPeildatum = { status: u.status, partijStatus: u.partijStatus, waarschuwingen: u.waarschuwingen };
  if (delen === 'peildatum') return opPeildatum;
  return { termijnen: u.termijnen, uitsluitingen: u.uitsluitingen, ...opPeildatum, afleidingen: afleidingen() };
}

/** What can be compared: everything, or (for a second peildatum of the same decisions) what depends on the peildatum. */
export type Delen = 'alles' | 'peildatum';

/**
 * The first difference between the engine and the reference for one input (undefined when they agree in every field).
 * Terms, exclusions and afleidingen depend on the decisions alone; statuses and warnings also on the peildatum.
 */
export function findVerschilMetEngine(invoer: TermijnInvoer, config: TermijnConfig, delen: Delen = 'alles'): Verschil | undefined {
  const engine = beantwoord(() => {
    const u = computeTermijnen(invoer, config);
    return kiesDelen(u, delen, () => u.termijnen.map((t) => describeAfleiding(t, config)));
  });
  const referentie = beantwoord(() => {
    const u = computeReferentie(invoer, config);
    return kiesDelen(u, delen, () => u.afleidingen);
  });
  const verschil = findEersteVerschil(engine, referentie);
  // Within a list (a term, an exclusion, a status): say which record, by its identifying fields.
  const plaats = verschil && /^(\w+)\[(\d+)\]/.exec(verschil.pad);
  if (verschil && plaats && verschil.inEngine === undefined && verschil.inReferentie === undefined) {
    // An afleiding belongs to the term at the same place.
    const lijst = plaats[1] === 'afleidingen' ? 'termijnen' : plaats[1]!;
    const i = Number(plaats[2]);
    verschil.inEngine = describeKenmerken((engine[lijst] as unknown[] | undefined)?.[i]);
    verschil.inReferentie = describeKenmerken((referentie[lijst] as unknown[] | undefined)?.[i]);
  }
  return verschil;
}

import type { Beroep, Contracteerruimtebesluit, Tariefbeschikking, TermijnInvoer } from '../../../src/domain/besluiten/besluit';
import { createAtwKalender } from '../../../src/domain/kalender/atwKalender';
import { computeTermijnen, type TermijnConfig } from '../../../src/domain/termijnen/computeTermijnen';

export const CONFIG: TermijnConfig = { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() };

export function cr(
  id: string,
  bekendgemaakt: string,
  jaren: number[],
  soort: Contracteerruimtebesluit['soort'] = 'vaststelling',
  regio = 'Utrecht',
): Contracteerruimtebesluit {
  return { id, type: 'contracteerruimte', soort, regio, bekendgemaakt, jaren };
}

export function tb(
  id: string,
  bekendgemaakt: string,
  jaar: number,
  soort: Tariefbeschikking['soort'] = 'vaststelling',
  regio = 'Utrecht',
  aanbieder?: string,
): Tariefbeschikking {
  return { id, type: 'tariefbeschikking', soort, regio, jaar, bekendgemaakt, ...(aanbieder ? { aanbieder } : {}) };
}

/** A tariefbeschikking to provider `aanbieder` in Utrecht. */
export function tbVoor(aanbieder: string, id: string, bekendgemaakt: string, jaar: number, soort: Tariefbeschikking['soort'] = 'vaststelling') {
  return tb(id, bekendgemaakt, jaar, soort, 'Utrecht', aanbieder);
}

export function beroep(tegen: string, jaar: number, ingesteld: string, afgerond: string | null = null, partij?: string): Beroep {
  return { tegen, jaar, ingesteld, afgerond, ...(partij ? { partij } : {}) };
}

export function run(invoer: Partial<TermijnInvoer> & Pick<TermijnInvoer, 'besluiten'>, config: TermijnConfig = CONFIG) {
  return computeTermijnen({ peildatum: '2026-11-22', beroepen: [], ...invoer }, config);
}

import type { GEBRUIKER_ROLLEN, ORGANISATIE_SOORTEN } from '../db/schema';

/** Who acts, and for which organisation: every query is scoped by it. */
export interface Actor {
  gebruikerId: number;
  naam: string;
  email: string;
  rol: (typeof GEBRUIKER_ROLLEN)[number];
  organisatieId: number;
  organisatieNaam: string;
  organisatieSoort: (typeof ORGANISATIE_SOORTEN)[number];
}

/** NZa juridische zaken see every region and every decision. */
export function ziesAlles(actor: Actor): boolean {
  return actor.organisatieSoort === 'nza';
}

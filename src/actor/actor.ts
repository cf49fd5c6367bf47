import type { GEBRUIKER_ROLLEN, ORGANISATIE_SOORTEN, TOKEN_SCOPES } from '../db/schema';

/** Who acts, and for which organisation: every query is scoped by it. */
export interface Actor {
  gebruikerId: number;
  naam: string;
  email: string;
  /** The role within the organisation: beheerder, jurist (write) or lezer (read only). */
  rol: (typeof GEBRUIKER_ROLLEN)[number];
  organisatieId: number;
  organisatieNaam: string;
  organisatieSoort: (typeof ORGANISATIE_SOORTEN)[number];
  /** Set when the actor acts through an API token: the areas it may act in (permissies.ts), whatever the role allows. */
  scopes?: readonly (typeof TOKEN_SCOPES)[number][];
  /** The API token acted through (its idempotency keys and rate limit are its own). */
  apiTokenId?: number;
}

/** NZa juridische zaken: the regulator, the opposing party in every beroep (issue 28: it sees only its own facts). */
export function isNza(actor: Actor): boolean {
  return actor.organisatieSoort === 'nza';
}

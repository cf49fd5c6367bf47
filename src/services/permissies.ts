import type { Actor } from '../actor/actor';

/**
 * THE permission rules (issue 11), in one place: the route guard (src/web/routeRegels.ts) asks `can` with the action
 * of the route and no resource ("may this kind of user do this at all?"); the services ask again with the resource
 * ("this case, this decision") before reading or writing it. Nothing else decides who may do what.
 *
 * - NZa: the only organisation that registers and amends contracteerruimtebesluiten, may correct any decision; reads
 *   all decisions, terms and region-year statuses; never another organisation's cases, notes, drafts, filings,
 *   reminders or settings.
 * - Counsel organisations: their own cases (drafts, notes, reminders); read all decisions they can see; register
 *   tariefbeschikkingen of their clients; change no decision someone else registered and no contracteerruimtebesluit.
 * - Within an organisation: beheerder (members, settings, letterhead, the organisation's log), jurist (write), lezer
 *   (read only). An API token with scope `lezen` reads only.
 */
export const ACTIES = [
  /** Overview, matrix, histories, exports, the decisions and terms of the API. */
  'termijnen.lezen',
  /** The live preview of a decision being typed (writes nothing, but only for who may register). */
  'besluit.registreren',
  'contracteerruimte.registreren',
  'tariefbeschikking.registreren',
  /** Change the dates of a decision; resource: the decision. */
  'besluit.wijzigen',
  /** Read a case and all that hangs off it (notes, drafts, filings, reminders); resource: the case. */
  'zaak.lezen',
  'zaak.openen',
  /** Write to a case; resource: the case. */
  'zaak.wijzigen',
  /**
   * Draft an appellant's filing in a case (issue 13); resource: the case. Never the NZa: it is the opposing party and
   * its letterhead must not carry an appellant's filing.
   */
  'stuk.opstellen',
  /** Make someone responsible for a case; resource: the case's organisation and the person's. */
  'zaak.verantwoordelijke',
  /** One's own reminder settings, calendar link, API tokens and sessions. */
  'eigen.instellingen',
  /** Letterhead, members, invitations, colleagues' sessions, the organisation's log and outbox. */
  'organisatie.beheren',
  /** Read the log of decisions (the "Wijzigingen" of a decision); resource: the decision. */
  'besluit.wijzigingenLezen',
  /** Rename or merge zorgkantoorregio's from a year on (termijnregels §11): the NZa's beheerder only. */
  'regio.beheren',
  /** Confirm a fatal date as the second pair of eyes (issue 14): a writer of a counsel organisation, never the NZa. */
  'termijn.controleren',
  /** "Mijn week": the terms of the organisation's clients per responsible person — counsel organisations. */
  'werkweek.lezen',
  /** The NZa's workspace: all regions, pending beroepen, the 1 March window, onherroepelijk. */
  'werkruimte.lezen',
  /**
   * The details of the health check (migrations, the reminder job's outcomes, counts): a signed-in beheerder. Anyone
   * else hears only "ok" or "niet ok" (issue 28.7).
   */
  'gezondheid.details',
  /**
   * Mark a reminder "gezien" (which stops its escalation); resource: the reminder. Only its addressee, or a beheerder
   * of the addressee's organisation (audited as such); never a colleague or a lezer on someone else's (issue 28.5).
   */
  'herinnering.gezien',
] as const;
export type Actie = (typeof ACTIES)[number];

export type Resource =
  | { soort: 'zaak'; organisatieId: number }
  | { soort: 'besluit'; type: 'contracteerruimte' | 'tariefbeschikking'; geregistreerdDoor: number | null }
  | { soort: 'verantwoordelijke'; zaakOrganisatieId: number; gebruikerOrganisatieId: number }
  | { soort: 'herinnering'; gebruikerId: number; organisatieId: number };

const isNza = (actor: Actor) => actor.organisatieSoort === 'nza';
const magSchrijven = (actor: Actor) => (actor.rol === 'jurist' || actor.rol === 'beheerder') && actor.scope !== 'lezen';

/** Deny by default: only what is written here is allowed. */
export function can(actor: Actor | undefined, actie: Actie, resource?: Resource): boolean {
  if (!actor) return false;
  switch (actie) {
    case 'termijnen.lezen':
    case 'eigen.instellingen':
      return true;
    case 'besluit.registreren':
    case 'tariefbeschikking.registreren':
      return magSchrijven(actor);
    case 'contracteerruimte.registreren':
      return magSchrijven(actor) && isNza(actor);
    case 'regio.beheren':
      return isNza(actor) && actor.rol === 'beheerder' && actor.scope !== 'lezen';
    case 'besluit.wijzigen': {
      if (!magSchrijven(actor)) return false;
      if (isNza(actor)) return true;
      if (!resource) return true; // some tariefbeschikking of its own may exist
      if (resource.soort !== 'besluit') return false;
      // Null: loaded by the operator (seed, import before issue 11), which counts as registered by the NZa.
      return resource.type === 'tariefbeschikking' && resource.geregistreerdDoor === actor.organisatieId;
    }
    case 'besluit.wijzigingenLezen':
      return true;
    case 'zaak.lezen':
      if (!resource) return true;
      return resource.soort === 'zaak' && resource.organisatieId === actor.organisatieId;
    case 'zaak.openen':
      return magSchrijven(actor);
    case 'zaak.wijzigen':
      if (!magSchrijven(actor)) return false;
      if (!resource) return true;
      return resource.soort === 'zaak' && resource.organisatieId === actor.organisatieId;
    case 'stuk.opstellen':
      if (!magSchrijven(actor) || isNza(actor)) return false;
      if (!resource) return true;
      return resource.soort === 'zaak' && resource.organisatieId === actor.organisatieId;
    case 'zaak.verantwoordelijke':
      if (!magSchrijven(actor)) return false;
      if (!resource) return true;
      return (
        resource.soort === 'verantwoordelijke' &&
        resource.zaakOrganisatieId === actor.organisatieId &&
        resource.gebruikerOrganisatieId === resource.zaakOrganisatieId
      );
    case 'organisatie.beheren':
    case 'gezondheid.details':
      return actor.rol === 'beheerder' && actor.scope === undefined;
    case 'termijn.controleren':
      return magSchrijven(actor) && !isNza(actor);
    case 'werkweek.lezen':
      return !isNza(actor);
    case 'werkruimte.lezen':
      return isNza(actor);
    case 'herinnering.gezien':
      if (actor.scope === 'lezen') return false;
      if (!resource) return true; // one's own reminders; the service asks with the reminder
      if (resource.soort !== 'herinnering' || resource.organisatieId !== actor.organisatieId) return false;
      return resource.gebruikerId === actor.gebruikerId || actor.rol === 'beheerder';
  }
}

/** Thrown by a service when `can` refuses: the web answers 403 (or 404 where existence is confidential). */
export class Geweigerd extends Error {
  constructor(
    readonly actie: Actie,
    readonly verbergen = false,
  ) {
    super(`geweigerd: ${actie}`);
  }
}

/** For services: refuse with Geweigerd unless `can`. */
export function assertCan(actor: Actor, actie: Actie, resource?: Resource, verbergen = false): void {
  if (!can(actor, actie, resource)) throw new Geweigerd(actie, verbergen);
}

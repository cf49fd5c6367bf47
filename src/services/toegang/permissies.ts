import type { Actor } from '../../actor/actor';
import type { TOKEN_SCOPES } from '../../db/schema';

/**
 * THE permission rules (issue 11), in one place: the route guard (src/web/routeRegels.ts) asks `can` with the action
 * of the route and no resource ("may this kind of user do this at all?"); the services ask again with the resource
 * ("this case, this decision") before reading or writing it. Nothing else decides who may do what.
 *
 * - Every organisation (issue 28) reads the public facts (contracteerruimtebesluiten, regions) and its own: its client
 *   records, the tariefbeschikkingen it registered, its cases and what hangs off them. Nothing of another organisation.
 * - NZa: the only organisation that registers and amends contracteerruimtebesluiten; registers its own
 *   tariefbeschikkingen and the beroepen it received from the CBb; opens no case (it is the opposing party).
 * - Counsel organisations: their own cases (drafts, notes, reminders); register clients and their tariefbeschikkingen;
 *   change no contracteerruimtebesluit.
 * - Within an organisation: beheerder (members, settings, letterhead, the organisation's log), jurist (write), lezer
 *   (read only).
 * - An API token acts only within its scopes (SCOPE_VAN_ACTIE), and never beyond its user's role.
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
  /** Open a case as (counsel of) the appellant or objector: never the NZa, the opposing party (issue 28.4). */
  'zaak.openen',
  /** Register a client record of one's own organisation (issue 28.3). */
  'client.registreren',
  /**
   * Register a beroep the NZa received from the CBb (issue 28.1): the only source of its pending beroepen; a writer of
   * the NZa.
   */
  'beroep.ontvangstRegistreren',
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
  /**
   * Register, list and remove the organisation's webhooks and see their deliveries (issue 32.3): its beheerder, on the
   * settings page or with an API token of scope `webhooks.beheren`.
   */
  'webhooks.beheren',
  /**
   * The proposals from the official sources (issue 33) of one's own organisation, and the notices: everyone signed in
   * (each sees only its own organisation's rows).
   */
  'bron.lezen',
  /**
   * Accept or dismiss a proposal; resource: the proposal. An uitspraak or a notice: a writer of its organisation. A KB
   * day (art. 3 lid 3 Atw) changes the calendar of every organisation: the NZa's beheerder, who keeps the public facts
   * (docs/adr/0006), as for the regions.
   */
  'bron.beoordelen',
] as const;
export type Actie = (typeof ACTIES)[number];

export type Resource =
  | { soort: 'zaak'; organisatieId: number }
  /** `eigenaar`: the organisation owning a tariefbeschikking; null for a contracteerruimtebesluit (public). */
  | { soort: 'besluit'; type: 'contracteerruimte' | 'tariefbeschikking'; eigenaar: number | null }
  | { soort: 'verantwoordelijke'; zaakOrganisatieId: number; gebruikerOrganisatieId: number }
  | { soort: 'herinnering'; gebruikerId: number; organisatieId: number }
  | { soort: 'voorstel'; voorstelSoort: 'uitspraak' | 'gelijkgestelde-dag' | 'nza-publicatie'; organisatieId: number };

/**
 * The scope an API token needs for each action (issue 32.5); null: never through a token (settings, members, the
 * four-eyes check and reminders are a person's, on the pages). A new action must name its scope here.
 */
export const SCOPE_VAN_ACTIE: Record<Actie, (typeof TOKEN_SCOPES)[number] | null> = {
  'termijnen.lezen': 'lezen',
  'besluit.wijzigingenLezen': 'lezen',
  'zaak.lezen': 'lezen',
  'werkweek.lezen': 'lezen',
  'werkruimte.lezen': 'lezen',
  'besluit.registreren': 'besluiten.schrijven',
  'contracteerruimte.registreren': 'besluiten.schrijven',
  'tariefbeschikking.registreren': 'besluiten.schrijven',
  'besluit.wijzigen': 'besluiten.schrijven',
  'client.registreren': 'besluiten.schrijven',
  'beroep.ontvangstRegistreren': 'besluiten.schrijven',
  'zaak.openen': 'zaken.schrijven',
  'zaak.wijzigen': 'zaken.schrijven',
  'zaak.verantwoordelijke': 'zaken.schrijven',
  'stuk.opstellen': 'zaken.schrijven',
  'regio.beheren': null,
  'eigen.instellingen': null,
  'organisatie.beheren': null,
  'gezondheid.details': null,
  'termijn.controleren': null,
  'herinnering.gezien': null,
  // Issue 33: the proposals from the official sources are reviewed on the pages, by a person.
  'bron.lezen': null,
  'bron.beoordelen': null,
  'webhooks.beheren': 'webhooks.beheren',
};

const isNza = (actor: Actor) => actor.organisatieSoort === 'nza';
const magSchrijven = (actor: Actor) => actor.rol === 'jurist' || actor.rol === 'beheerder';
const binnenScopes = (actor: Actor, actie: Actie) => {
  if (actor.scopes === undefined) return true; // a person on the pages
  const nodig = SCOPE_VAN_ACTIE[actie];
  return nodig !== null && actor.scopes.includes(nodig);
};

/** Deny by default: only what is written here is allowed. */
export function can(actor: Actor | undefined, actie: Actie, resource?: Resource): boolean {
  if (!actor || !binnenScopes(actor, actie)) return false;
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
      return isNza(actor) && actor.rol === 'beheerder';
    case 'besluit.wijzigen': {
      if (!magSchrijven(actor)) return false;
      if (!resource) return true; // some tariefbeschikking of its own may exist
      if (resource.soort !== 'besluit') return false;
      // The public contracteerruimtebesluiten are the NZa's; a tariefbeschikking is its owner's (issue 28).
      return resource.type === 'contracteerruimte' ? isNza(actor) : resource.eigenaar === actor.organisatieId;
    }
    case 'besluit.wijzigingenLezen':
      return true;
    case 'zaak.lezen':
      if (!resource) return true;
      return resource.soort === 'zaak' && resource.organisatieId === actor.organisatieId;
    case 'zaak.openen':
      return magSchrijven(actor) && !isNza(actor);
    case 'client.registreren':
      return magSchrijven(actor);
    case 'beroep.ontvangstRegistreren':
      return magSchrijven(actor) && isNza(actor);
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
      return actor.rol === 'beheerder';
    case 'termijn.controleren':
      return magSchrijven(actor) && !isNza(actor);
    case 'werkweek.lezen':
      return !isNza(actor);
    case 'werkruimte.lezen':
      return isNza(actor);
    case 'webhooks.beheren':
      return actor.rol === 'beheerder';
    case 'herinnering.gezien':
      if (!resource) return true; // one's own reminders; the service asks with the reminder
      if (resource.soort !== 'herinnering' || resource.organisatieId !== actor.organisatieId) return false;
      return resource.gebruikerId === actor.gebruikerId || actor.rol === 'beheerder';
    case 'bron.lezen':
      return true;
    case 'bron.beoordelen':
      if (!magSchrijven(actor)) return false;
      if (!resource) return true; // some proposal of its own may exist; the service asks with the proposal
      if (resource.soort !== 'voorstel' || resource.organisatieId !== actor.organisatieId) return false;
      return resource.voorstelSoort !== 'gelijkgestelde-dag' || (isNza(actor) && actor.rol === 'beheerder');
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

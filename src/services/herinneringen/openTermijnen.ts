import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/verbinding';
import type { Actor } from '../../actor/actor';
import { gebruikers, organisaties, zaken } from '../../db/schema';
import { parseSchema, STANDAARD_SCHEMA } from '../../domain/herinneringen/herinneringsmomenten';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import { formatDatumKort } from '../../domain/kalender/kalenderdatum';
import { toWeergaveTermijn, type WeergaveTermijn } from '../termijnen/termijnWeergave';
import type { Termijn } from '../../domain/termijnen/termijn';
import type { AgendaTermijn } from '../../agenda/icalendar';
import type { BerekendOverzicht, TermijnService } from '../termijnen/termijnService';
import { loadZaak, type ZaakOverzichtRij } from '../zaken/zaakOverzicht';
import { findZaakTermijnen } from '../termijnen/zaakTermijnen';
import { formatTermijnSleutel } from '../termijnen/termijnSleutel';
import { loadActor } from '../toegang/actorService';
import { listStukTermijnenVoorHerinnering, type StukTermijnSoort } from '../filings/stukTermijnen';
import { computeGriffierechtTermijn, computeHersteltermijn, type OverigeTermijn } from '../../domain/termijnen/overigeTermijnen';
import type { AtwKalender } from '../../domain/kalender/atwKalender';
import { chooseOntvangers, type Ontvangers, type Persoon } from './ontvangers';

export interface OpenZaakTermijn {
  zaak: ZaakOverzichtRij;
  gebruiker: { id: number; naam: string; email: string };
  termijn: WeergaveTermijn;
  schema: number[];
}

/**
 * Every case not yet filed that has a responsible person and a term: what reminders and calendar feeds are about.
 * Filing it (status ingediend) or closing it ends its reminders.
 */
export function loadOpenZaakTermijnen(db: Db, termijnen: TermijnService, vandaag: IsoDatum, alleenGebruiker?: number): OpenZaakTermijn[] {
  const rijen = db
    .select({ zaakId: zaken.id, gebruikerId: gebruikers.id, zaakSchema: zaken.herinneringsschema, gebruikerSchema: gebruikers.herinneringsschema })
    .from(zaken)
    .innerJoin(gebruikers, eq(zaken.verantwoordelijkeId, gebruikers.id))
    .where(and(eq(zaken.status, 'concept'), isNotNull(zaken.verantwoordelijkeId), alleenGebruiker ? eq(gebruikers.id, alleenGebruiker) : undefined))
    .all();
  const uitkomst: OpenZaakTermijn[] = [];
  for (const rij of rijen) {
    // The case is seen through its responsible person's organisation: the same terms that person sees.
    const actor = loadActor(db, rij.gebruikerId);
    const zaak = actor && loadZaak(db, actor, rij.zaakId);
    if (!actor || !zaak) continue;
    // The date that matters now: the earliest last day not yet passed (after an amendment a case can have several).
    const gevonden = findZaakTermijnen(termijnen.computeVoorActor(actor, vandaag), zaak);
    const zaakTermijnen = [...gevonden.termijnen, ...gevonden.beschermendeDatums].sort((a, b) => (a.einde < b.einde ? -1 : a.einde > b.einde ? 1 : 0));
    const termijn = zaakTermijnen.find((t) => t.einde >= vandaag) ?? zaakTermijnen[0];
    if (!termijn) continue;
    const schema = parseSchema(rij.zaakSchema ?? '') ?? parseSchema(rij.gebruikerSchema ?? '') ?? [...STANDAARD_SCHEMA];
    uitkomst.push({ zaak, gebruiker: { id: actor.gebruikerId, naam: actor.naam, email: actor.email }, termijn, schema });
  }
  return uitkomst;
}

/** A case's term as a calendar event; the UID names the case and the remedy, never the date, so a moved date updates it. */
export function toAgendaTermijn(o: Pick<OpenZaakTermijn, 'zaak' | 'termijn'>, appUrl: string): AgendaTermijn {
  const wat = o.termijn.rechtsmiddel === 'beroep' ? 'beroep CBb' : 'bezwaar NZa';
  return {
    uid: `zaak-${o.zaak.id}-${o.termijn.rechtsmiddel}@termijnbewaking`,
    einde: o.termijn.einde,
    samenvatting: `Laatste dag ${wat}: ${o.termijn.regio} ${o.termijn.jaar} (${o.termijn.besluit})`,
    beschrijving:
      `${o.termijn.toelichting}\n\n` +
      (o.termijn.twijfel ? `Twijfel: ${o.termijn.twijfel}\n\n` : '') +
      `Hoe is deze datum berekend?\n${o.termijn.afleiding.map((s) => `- ${formatDatumKort(s.datum)}: ${s.stap} (${s.grondslag})`).join('\n')}\n\n` +
      `Grondslag: ${o.termijn.grondslag.join(', ')}\nZaak: ${appUrl}/zaken/${o.zaak.id}`,
    url: `${appUrl}/zaken/${o.zaak.id}`,
    alarmen: [7, 1, 0],
  };
}

/** One open term and who is reminded of it. */
export interface TeHerinneren {
  /** The term's identity in the ledger: `z<zaak id>` for a case, else the term within the organisation. */
  termijnSleutel: string;
  organisatieId: number;
  zaak?: ZaakOverzichtRij;
  ontvangers: Ontvangers;
  termijn: WeergaveTermijn;
  schema: number[];
  zorgaanbieder: string | null;
  /** Who is told when the reminder is not marked seen two working days before the end: the backup and the beheerders. */
  escalatie: { id: number; naam: string; email: string }[];
}

/** The term of a decision for one party, whatever the date: a moved date keeps the identity (and its reminders move). */
const termijnIdentiteit = (organisatieId: number, t: Pick<Termijn, 'besluitType' | 'besluit' | 'rechtsmiddel' | 'regio' | 'jaar' | 'partij'>) =>
  `t${organisatieId}:${t.rechtsmiddel}:${t.besluitType}:${t.besluit}:${t.regio}:${t.jaar}:${t.partij ?? '*'}`;

const vroegsteOpen = <T extends { einde: IsoDatum }>(lijst: readonly T[], vandaag: IsoDatum) =>
  [...lijst].sort((a, b) => (a.einde < b.einde ? -1 : a.einde > b.einde ? 1 : 0)).find((t) => t.einde >= vandaag);

/**
 * Every open term of every organisation's clients and who is reminded of it (issue 14, 30.1): a case not yet filed
 * reminds its responsible person; a term without a case, or a case without one, reminds the organisation's default
 * person, and without one every jurist and beheerder — never nobody. A filed or closed case ends its term's reminders.
 * The terms come from the one engine through the term service, seen as a member of the organisation sees them.
 */
export function loadTeHerinneren(db: Db, termijnen: TermijnService, vandaag: IsoDatum): TeHerinneren[] {
  const leden = loadLeden(db);
  return db
    .select()
    .from(organisaties)
    .all()
    .flatMap((org) => loadTeHerinnerenVan(db, termijnen, org, leden, vandaag));
}

type Organisatie = typeof organisaties.$inferSelect;
type LidRij = Persoon & { organisatieId: number; rol: string };

const loadLeden = (db: Db): Map<number, LidRij> =>
  new Map(
    db
      .select({ id: gebruikers.id, naam: gebruikers.naam, email: gebruikers.email, organisatieId: gebruikers.organisatieId, rol: gebruikers.rol })
      .from(gebruikers)
      .all()
      .map((g) => [g.id, g]),
  );

/** One organisation's open terms and who is reminded of each (see loadTeHerinneren). */
function loadTeHerinnerenVan(db: Db, termijnen: TermijnService, org: Organisatie, personen: Map<number, LidRij>, vandaag: IsoDatum): TeHerinneren[] {
  const persoon = (id: number | null | undefined, organisatieId: number): Persoon | undefined => {
    const g = id === null || id === undefined ? undefined : personen.get(id);
    return g && g.organisatieId === organisatieId ? { id: g.id, naam: g.naam, email: g.email } : undefined;
  };
  const uitkomst: TeHerinneren[] = [];
  if (org.soort === 'nza') return []; // the NZa has no clients: its work is the other side of these terms
  const standaard = persoon(org.standaardVerantwoordelijkeId, org.id);
  const leden = [...personen.values()].filter((g) => g.organisatieId === org.id);
  const escalatie = new Map<number, Persoon>();
  const reserve = persoon(org.reserveVerantwoordelijkeId, org.id);
  if (reserve) escalatie.set(reserve.id, reserve);
  for (const g of personen.values()) if (g.organisatieId === org.id && g.rol === 'beheerder') escalatie.set(g.id, { id: g.id, naam: g.naam, email: g.email });
  const zaakRijen = db
    .select({ id: zaken.id, status: zaken.status, verantwoordelijkeId: zaken.verantwoordelijkeId, zaakSchema: zaken.herinneringsschema })
    .from(zaken)
    .where(eq(zaken.organisatieId, org.id))
    .all();
  // The organisation's view: through its default person, else any member (what each of them sees is the same).
  const lid = standaard ?? [...personen.values()].find((g) => g.organisatieId === org.id);
  const actor = lid && loadActor(db, lid.id);
  if (!actor) return [];
  const berekend = termijnen.computeVoorActor(actor, vandaag);
  const schemas = new Map(
    db
      .select({ id: gebruikers.id, schema: gebruikers.herinneringsschema })
      .from(gebruikers)
      .where(eq(gebruikers.organisatieId, org.id))
      .all()
      .map((g) => [g.id, g.schema]),
  );
  const schemaVan = (g: Persoon, zaakSchema?: string | null) => parseSchema(zaakSchema ?? '') ?? parseSchema(schemas.get(g.id) ?? '') ?? [...STANDAARD_SCHEMA];
  const gedekt = new Set<string>();
  for (const rij of zaakRijen) {
    const zaak = loadZaak(db, actor, rij.id);
    if (!zaak) continue;
    const gevonden = findZaakTermijnen(berekend, zaak);
    for (const t of [...gevonden.termijnen, ...gevonden.beschermendeDatums]) gedekt.add(termijnIdentiteit(org.id, t));
    if (rij.status === 'ingediend') {
      // A filed beroep still has its precaution date (art. 6:19 Awb: a later besluit the beroep may not reach): until
      // that passes, it is reminded as the case's own term.
      const voorzorg = vroegsteOpen(gevonden.beschermendeDatums, vandaag);
      const ontvangers = voorzorg && chooseOntvangers(persoon(rij.verantwoordelijkeId, org.id), standaard, leden);
      if (voorzorg && ontvangers)
        uitkomst.push({
          termijnSleutel: `z${zaak.id}v`,
          organisatieId: org.id,
          zaak,
          ontvangers,
          termijn: voorzorg,
          schema: schemaVan(ontvangers.personen[0], rij.zaakSchema),
          zorgaanbieder: zaak.zorgaanbieder,
          escalatie: [...escalatie.values()],
        });
    }
    if (rij.status !== 'concept') continue;
    const ontvangers = chooseOntvangers(persoon(rij.verantwoordelijkeId, org.id), standaard, leden);
    const termijn = vroegsteOpen([...gevonden.termijnen, ...gevonden.beschermendeDatums], vandaag);
    if (!ontvangers || !termijn) continue;
    uitkomst.push({
      termijnSleutel: `z${zaak.id}`,
      organisatieId: org.id,
      zaak,
      ontvangers,
      termijn,
      schema: schemaVan(ontvangers.personen[0], rij.zaakSchema),
      zorgaanbieder: zaak.zorgaanbieder,
      escalatie: [...escalatie.values()],
    });
  }
  const ontvangers = chooseOntvangers(undefined, standaard, leden);
  if (!ontvangers) return uitkomst;
  // The clients' terms without a case.
  const isVanClient = createClientTermijnFilter(berekend);
  const perIdentiteit = new Map<string, Termijn[]>();
  for (const t of berekend.uitkomst.termijnen) {
    if (t.einde < vandaag || !isVanClient(t)) continue;
    const id = termijnIdentiteit(org.id, t);
    if (gedekt.has(id)) continue;
    perIdentiteit.set(id, [...(perIdentiteit.get(id) ?? []), t]);
  }
  for (const [id, lijst] of perIdentiteit) {
    const t = vroegsteOpen(lijst, vandaag)!;
    uitkomst.push({
      termijnSleutel: id,
      organisatieId: org.id,
      ontvangers,
      termijn: toWeergaveTermijn(t, berekend.config),
      schema: schemaVan(ontvangers.personen[0]),
      zorgaanbieder: t.partij ?? (t.besluitType === 'tariefbeschikking' ? (berekend.tariefbeschikkingen.get(t.besluit)?.zorgaanbieder ?? null) : null),
      escalatie: [...escalatie.values()],
    });
  }
  return uitkomst;
}

/**
 * Which terms are the organisation's clients' (one rule for reminders and webhooks): a term of a client (its own
 * party), or a lid-3 window of a region and year in which a client has a tariefbeschikking. Never the zorgkantoor's own.
 */
export function createClientTermijnFilter(berekend: BerekendOverzicht): (t: Termijn) => boolean {
  const clienten = new Set<string>();
  const clientCellen = new Set<string>();
  for (const tb of berekend.tariefbeschikkingen.values()) {
    clienten.add(tb.zorgaanbieder);
    clientCellen.add(`${tb.regio}|${tb.jaar}`);
  }
  return (t) => t.partijSoort !== 'zorgkantoor' && (t.partij !== undefined ? clienten.has(t.partij) : clientCellen.has(`${t.regio}|${t.jaar}`));
}

/**
 * A term a filing left behind (issue 13): the griffier's hersteltermijn (art. 6:6 Awb, the date as set) or the
 * griffierecht (art. 8:41 lid 5 Awb, four weeks, credited), reminded like a term: to the case's responsible person,
 * else the organisation's default person, escalated to the backup and the beheerders when not seen.
 */
export interface StukTeHerinneren {
  termijnSleutel: string;
  organisatieId: number;
  zaak: ZaakOverzichtRij;
  ontvangers: Ontvangers;
  soort: StukTermijnSoort;
  termijn: OverigeTermijn;
  schema: number[];
  escalatie: Persoon[];
}

/** Every open stuk term (not fulfilled, last day not passed) of every organisation's cases and who is reminded of it. */
export function loadStukTeHerinneren(db: Db, vandaag: IsoDatum, kalender: AtwKalender): StukTeHerinneren[] {
  const personen = db
    .select({
      id: gebruikers.id,
      naam: gebruikers.naam,
      email: gebruikers.email,
      organisatieId: gebruikers.organisatieId,
      rol: gebruikers.rol,
      schema: gebruikers.herinneringsschema,
    })
    .from(gebruikers)
    .all();
  const perId = new Map(personen.map((g) => [g.id, g]));
  const organisatiesPerId = new Map(
    db
      .select()
      .from(organisaties)
      .all()
      .map((o) => [o.id, o]),
  );
  const uitkomst: StukTeHerinneren[] = [];
  for (const rij of listStukTermijnenVoorHerinnering(db)) {
    if (rij.einde < vandaag) continue;
    const org = organisatiesPerId.get(rij.organisatieId);
    if (!org) continue;
    const lid = (id: number | null | undefined) => {
      const g = id === null || id === undefined ? undefined : perId.get(id);
      return g && g.organisatieId === org.id ? g : undefined;
    };
    const ontvangers = chooseOntvangers(
      lid(rij.verantwoordelijkeId),
      lid(org.standaardVerantwoordelijkeId),
      personen.filter((g) => g.organisatieId === org.id),
    );
    const wie = ontvangers?.personen[0];
    const actor = wie && loadActor(db, wie.id);
    const zaak = actor && loadZaak(db, actor, rij.zaakId);
    if (!ontvangers || !zaak) continue;
    const escalatie = new Map<number, Persoon>();
    const reserve = lid(org.reserveVerantwoordelijkeId);
    if (reserve) escalatie.set(reserve.id, { id: reserve.id, naam: reserve.naam, email: reserve.email });
    for (const g of personen) if (g.organisatieId === org.id && g.rol === 'beheerder') escalatie.set(g.id, { id: g.id, naam: g.naam, email: g.email });
    // The term again from its source, as the case page shows it: the date as stored (the griffier's, or computed).
    const termijn = rij.soort === 'hersteltermijn' ? computeHersteltermijn({ einde: rij.einde }) : computeGriffierechtTermijn(rij.brief, kalender);
    uitkomst.push({
      termijnSleutel: `s${rij.id}`,
      organisatieId: org.id,
      zaak,
      ontvangers,
      soort: rij.soort,
      termijn: { ...termijn, einde: rij.einde },
      schema: parseSchema(perId.get(ontvangers.personen[0].id)?.schema ?? '') ?? [...STANDAARD_SCHEMA],
      escalatie: [...escalatie.values()],
    });
  }
  return uitkomst;
}

/**
 * Who is reminded of each open term of the actor's organisation (issue 30.1), by the term's identity within its cell
 * (formatTermijnSleutel): exactly the reminder job's choice, for pages and the API to show. A case not yet filed
 * reminds of all its dates, a filed one of its precaution date only; a term without a case of its own. Empty for the NZa.
 */
export function buildHerinnerdIndex(db: Db, termijnen: TermijnService, actor: Actor, vandaag: IsoDatum): Map<string, Ontvangers> {
  const org = db.select().from(organisaties).where(eq(organisaties.id, actor.organisatieId)).get();
  const index = new Map<string, Ontvangers>();
  if (!org) return index;
  const teHerinneren = loadTeHerinnerenVan(db, termijnen, org, loadLeden(db), vandaag);
  const berekend = termijnen.computeVoorActor(actor, vandaag);
  for (const o of teHerinneren) {
    if (!o.zaak) {
      index.set(formatTermijnSleutel(o.termijn), o.ontvangers);
      continue;
    }
    const gevonden = findZaakTermijnen(berekend, o.zaak);
    // A filed case is reminded of its precaution date only; a case not yet filed of all its dates.
    const gedekt = o.zaak.status === 'ingediend' ? gevonden.beschermendeDatums : [...gevonden.termijnen, ...gevonden.beschermendeDatums];
    for (const t of gedekt) if (!index.has(formatTermijnSleutel(t))) index.set(formatTermijnSleutel(t), o.ontvangers);
  }
  return index;
}

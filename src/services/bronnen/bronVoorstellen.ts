import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { writeTransaction } from '../../db/transactie';
import { bronStand, bronVoorstellen, gebruikers, gelijkgesteldeDagen, ontvangenBeroepen, organisaties, zaken } from '../../db/schema';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { GelijkgesteldeDag } from '../../domain/kalender/feestdagen';
import { GELIJKSTELLINGS_KBS } from '../../domain/kalender/gelijkgesteldeDagen';
import { nieuw, recordAudit, type Schrijver } from '../gedeeld/auditService';
import { InvoerFout, writeRegistratie, type Registratie } from '../gedeeld/invoerFout';
import { assertCan, can, Geweigerd } from '../toegang/permissies';
import { loadZaak } from '../zaken/zaakOverzicht';
import { ZAAK_ACTIES } from '../zaken/zaakRegistratie';
import { markOntvangenBeroepAfgerond } from '../besluiten/ontvangenBeroepen';

/**
 * Proposals from the official sources (issue 33). The watcher and `cli -- bronnen inlezen` only PROPOSE; a person of
 * the owning organisation accepts or dismisses (audited), and only then does data change, through the same service
 * the case page or the workspace uses. Every proposal has one owner (docs/adr/0006):
 * - a CBb uitspraak whose zaaknummer is a pending case's: the case's organisation; whose zaaknummer is a beroep the
 *   NZa registered as received: the NZa. Nobody else ever hears of it;
 * - a day equated by KB (art. 3 lid 3 Atw): the NZa, whose beheerder keeps the public facts;
 * - an NZa publication in the Staatscourant: every organisation, each its own row (each reviews its own).
 * A proposal is unique per owner and source id: once dismissed it is never proposed again.
 */

export type BronVondst =
  | { soort: 'uitspraak'; ecli: string; datum: IsoDatum; zaaknummers: readonly string[]; url: string }
  | { soort: 'gelijkgestelde-dag'; datum: IsoDatum; bron: string; titel: string; url: string }
  | { soort: 'nza-publicatie'; bron: string; titel: string; datum: IsoDatum; url: string };

/** One new proposal as the CLI prints it (one JSON line each). */
export type VoorstelRegel =
  | { soort: 'uitspraak'; ecli: string; zaaknummer: string; datum: IsoDatum; zaak: number }
  | { soort: 'uitspraak'; ecli: string; zaaknummer: string; datum: IsoDatum; ontvangenBeroep: number }
  | { soort: 'gelijkgestelde-dag'; datum: IsoDatum; bron: string }
  | { soort: 'nza-publicatie'; titel: string; datum: IsoDatum; url: string };

const bronnenwacht = (organisatieId: number): Schrijver => ({ gebruikerId: null, naam: 'bronnenwacht (Rechtspraak, Staatscourant)', organisatieId });

/** A CBb zaaknummer as typed or published ("26/0417", "CBb 26/0417 "): compared without case, spaces or prefix. */
export const normalizeZaaknummer = (z: string) => z.toUpperCase().replace(/\s+/g, '').replace(/^CBB/, '');

const GEDEKT = new Set(GELIJKSTELLINGS_KBS.flatMap((kb) => kb.dagen));

/**
 * Turns what was read into proposals for their owners, in one transaction (all or nothing). Returns the NEW
 * proposals only: a source item proposed before (open, accepted or dismissed) is not proposed again.
 */
export function proposeVondsten(db: Db, vondsten: readonly BronVondst[]): VoorstelRegel[] {
  return writeTransaction(db, (tx) => {
    const nieuwe: VoorstelRegel[] = [];
    /** Whether the proposal is new (a source item proposed before to this owner is not proposed again). */
    const voegToe = (organisatieId: number, rij: Omit<typeof bronVoorstellen.$inferInsert, 'organisatieId'>): boolean => {
      const ingevoegd = tx
        .insert(bronVoorstellen)
        .values({ ...rij, organisatieId })
        .onConflictDoNothing()
        .returning({ id: bronVoorstellen.id })
        .get();
      if (!ingevoegd) return false;
      recordAudit(tx, bronnenwacht(organisatieId), {
        actie: 'voorstel uit officiële bron',
        onderwerp: 'bronvoorstel',
        onderwerpId: ingevoegd.id,
        wijzigingen: nieuw({ soort: rij.soort, bron: rij.bronId, datum: rij.datum, titel: rij.titel, url: rij.url }),
      });
      return true;
    };

    // Pending beroepen by zaaknummer: each organisation's own cases, and the NZa's received beroepen.
    const zakenPerNummer = new Map<string, { id: number; organisatieId: number; cbbZaaknummer: string }[]>();
    for (const z of tx
      .select({ id: zaken.id, organisatieId: zaken.organisatieId, cbbZaaknummer: zaken.cbbZaaknummer })
      .from(zaken)
      .where(and(eq(zaken.soort, 'beroep'), eq(zaken.status, 'ingediend'), sql`${zaken.cbbZaaknummer} IS NOT NULL`))
      .all()) {
      const sleutel = normalizeZaaknummer(z.cbbZaaknummer!);
      zakenPerNummer.set(sleutel, [...(zakenPerNummer.get(sleutel) ?? []), { ...z, cbbZaaknummer: z.cbbZaaknummer! }]);
    }
    const beroepenPerNummer = new Map<string, { id: number; organisatieId: number; cbbZaaknummer: string }[]>();
    for (const b of tx
      .select({ id: ontvangenBeroepen.id, organisatieId: ontvangenBeroepen.organisatieId, cbbZaaknummer: ontvangenBeroepen.cbbZaaknummer })
      .from(ontvangenBeroepen)
      .where(isNull(ontvangenBeroepen.afgerond))
      .all()) {
      const sleutel = normalizeZaaknummer(b.cbbZaaknummer);
      beroepenPerNummer.set(sleutel, [...(beroepenPerNummer.get(sleutel) ?? []), b]);
    }
    const nza = tx.select({ id: organisaties.id }).from(organisaties).where(eq(organisaties.soort, 'nza')).orderBy(asc(organisaties.id)).get();
    const alleOrganisaties = tx.select({ id: organisaties.id }).from(organisaties).orderBy(asc(organisaties.id)).all();
    const aanvaard = new Set(
      tx
        .select({ datum: gelijkgesteldeDagen.datum })
        .from(gelijkgesteldeDagen)
        .all()
        .map((d) => d.datum),
    );

    for (const v of vondsten) {
      if (v.soort === 'uitspraak') {
        const titel = `Uitspraak CBb ${v.ecli}`;
        for (const nummer of v.zaaknummers) {
          const sleutel = normalizeZaaknummer(nummer);
          for (const z of zakenPerNummer.get(sleutel) ?? []) {
            const rij = { soort: 'uitspraak', bronId: v.ecli, zaakId: z.id, datum: v.datum, titel, url: v.url, zaaknummer: z.cbbZaaknummer } as const;
            if (voegToe(z.organisatieId, rij)) nieuwe.push({ soort: 'uitspraak', ecli: v.ecli, zaaknummer: z.cbbZaaknummer, datum: v.datum, zaak: z.id });
          }
          for (const b of beroepenPerNummer.get(sleutel) ?? []) {
            const rij = {
              soort: 'uitspraak',
              bronId: v.ecli,
              ontvangenBeroepId: b.id,
              datum: v.datum,
              titel,
              url: v.url,
              zaaknummer: b.cbbZaaknummer,
            } as const;
            if (voegToe(b.organisatieId, rij))
              nieuwe.push({ soort: 'uitspraak', ecli: v.ecli, zaaknummer: b.cbbZaaknummer, datum: v.datum, ontvangenBeroep: b.id });
          }
        }
      } else if (v.soort === 'gelijkgestelde-dag') {
        // A day the shipped KBs or an earlier acceptance already hold adds nothing; without an NZa nobody could review it.
        if (GEDEKT.has(v.datum) || aanvaard.has(v.datum) || !nza) continue;
        if (voegToe(nza.id, { soort: 'gelijkgestelde-dag', bronId: `${v.bron}#${v.datum}`, datum: v.datum, titel: v.titel, url: v.url })) {
          nieuwe.push({ soort: 'gelijkgestelde-dag', datum: v.datum, bron: v.bron });
        }
      } else {
        // Listed for every organisation; one line per publication, however many organisations it was new for.
        let nieuwVoorIemand = false;
        for (const o of alleOrganisaties) {
          if (voegToe(o.id, { soort: 'nza-publicatie', bronId: v.bron, datum: v.datum, titel: v.titel, url: v.url })) nieuwVoorIemand = true;
        }
        if (nieuwVoorIemand) nieuwe.push({ soort: 'nza-publicatie', titel: v.titel, datum: v.datum, url: v.url });
      }
    }
    return nieuwe;
  });
}

export interface BronVoorstelWeergave {
  id: number;
  soort: 'uitspraak' | 'gelijkgestelde-dag' | 'nza-publicatie';
  bronId: string;
  datum: IsoDatum;
  titel: string;
  url: string;
  zaaknummer: string | null;
  zaakId: number | null;
  ontvangenBeroepId: number | null;
  verantwoordelijke: string | null;
  status: 'open' | 'aanvaard' | 'afgewezen';
  beoordeeldDoor: string | null;
  beoordeeldOp: string | null;
  /** Whether this actor may accept or dismiss it (permissies.ts). */
  beoordeelbaar: boolean;
}

/** The proposals of the actor's own organisation, open ones first, newest first. Never another organisation's. */
export function listBronVoorstellen(db: Db, actor: Actor): BronVoorstelWeergave[] {
  assertCan(actor, 'bron.lezen');
  const beoordelaar = sql<string | null>`(SELECT naam FROM gebruikers WHERE id = ${bronVoorstellen.beoordeeldDoor})`;
  return db
    .select({
      id: bronVoorstellen.id,
      soort: bronVoorstellen.soort,
      bronId: bronVoorstellen.bronId,
      datum: bronVoorstellen.datum,
      titel: bronVoorstellen.titel,
      url: bronVoorstellen.url,
      zaaknummer: bronVoorstellen.zaaknummer,
      zaakId: bronVoorstellen.zaakId,
      ontvangenBeroepId: bronVoorstellen.ontvangenBeroepId,
      verantwoordelijke: gebruikers.naam,
      status: bronVoorstellen.status,
      beoordeeldDoor: beoordelaar,
      beoordeeldOp: bronVoorstellen.beoordeeldOp,
      organisatieId: bronVoorstellen.organisatieId,
    })
    .from(bronVoorstellen)
    .leftJoin(zaken, eq(bronVoorstellen.zaakId, zaken.id))
    .leftJoin(gebruikers, eq(zaken.verantwoordelijkeId, gebruikers.id))
    .where(eq(bronVoorstellen.organisatieId, actor.organisatieId))
    .orderBy(sql`${bronVoorstellen.status} <> 'open'`, desc(bronVoorstellen.datum), desc(bronVoorstellen.id))
    .all()
    .map(({ organisatieId, ...v }) => ({
      ...v,
      datum: v.datum as IsoDatum,
      beoordeelbaar: v.status === 'open' && can(actor, 'bron.beoordelen', { soort: 'voorstel', voorstelSoort: v.soort, organisatieId }),
    }));
}

export type Beoordeling = 'aanvaarden' | 'afwijzen';

/**
 * Accepts or dismisses one proposal of the actor's organisation (another's is "not found": its existence is
 * confidential). Accepting an uitspraak closes the case as decided through the case page's own action (or marks the
 * received beroep decided); a KB day joins the calendar; a notice is kept as read. Audited, all in one transaction.
 */
export function reviewBronVoorstel(db: Db, actor: Actor, id: number, beoordeling: Beoordeling, vandaag: IsoDatum): Registratie {
  return writeRegistratie(db, (tx) => {
    const v = tx
      .select()
      .from(bronVoorstellen)
      .where(and(eq(bronVoorstellen.id, id), eq(bronVoorstellen.organisatieId, actor.organisatieId)))
      .get();
    if (!v) throw new Geweigerd('bron.beoordelen', true);
    assertCan(actor, 'bron.beoordelen', { soort: 'voorstel', voorstelSoort: v.soort, organisatieId: v.organisatieId });
    if (v.status !== 'open') throw new InvoerFout([{ veld: 'id', melding: 'dit voorstel is al beoordeeld' }]);
    const datum = v.datum as IsoDatum;
    if (beoordeling === 'aanvaarden') {
      if (v.soort === 'uitspraak' && v.zaakId !== null) {
        const zaak = loadZaak(tx, actor, v.zaakId);
        if (!zaak) throw new Geweigerd('zaak.wijzigen', true);
        assertCan(actor, 'zaak.wijzigen', { soort: 'zaak', organisatieId: zaak.organisatieId });
        if (zaak.status === 'afgerond')
          throw new InvoerFout([{ veld: 'id', melding: 'de zaak is al afgerond; wijs het voorstel af als de uitspraak al is vastgelegd' }]);
        ZAAK_ACTIES.uitspraak(tx, actor, zaak, { afgerond: datum, uitspraak: `${v.bronId} (${v.url})` }, vandaag);
      } else if (v.soort === 'uitspraak' && v.ontvangenBeroepId !== null) {
        markOntvangenBeroepAfgerond(tx, actor, v.ontvangenBeroepId, datum, vandaag);
      } else if (v.soort === 'gelijkgestelde-dag') {
        const bron = `${v.titel}, ${v.bronId.replace(/#.*$/, '')} (${v.url})`;
        const dag = tx
          .insert(gelijkgesteldeDagen)
          .values({ datum, naam: 'bij KB gelijkgestelde dag (art. 3 lid 3 Atw)', bron, voorstelId: v.id })
          .onConflictDoNothing()
          .returning({ id: gelijkgesteldeDagen.id })
          .get();
        if (dag) {
          recordAudit(tx, actor, {
            actie: 'gelijkgestelde dag toegevoegd',
            onderwerp: 'gelijkgestelde dag',
            onderwerpId: dag.id,
            wijzigingen: nieuw({ datum, bron }),
          });
        }
      }
    }
    const status = beoordeling === 'aanvaarden' ? 'aanvaard' : 'afgewezen';
    const op = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    tx.update(bronVoorstellen).set({ status, beoordeeldDoor: actor.gebruikerId, beoordeeldOp: op }).where(eq(bronVoorstellen.id, v.id)).run();
    recordAudit(tx, actor, {
      actie: beoordeling === 'aanvaarden' ? 'voorstel aanvaard' : 'voorstel afgewezen',
      onderwerp: 'bronvoorstel',
      onderwerpId: v.id,
      wijzigingen: { status: ['open', status] },
      kenmerken: { soort: v.soort, bron: v.bronId, datum },
    });
    return v.id;
  });
}

export interface AanvaardeDag extends GelijkgesteldeDag {
  bron: string;
}

/** The days equated by KB that a reviewer accepted: public (they are the law's), read by the engine's calendar. */
export function loadAanvaardeGelijkgesteldeDagen(db: Db): AanvaardeDag[] {
  return db
    .select({ datum: gelijkgesteldeDagen.datum, naam: gelijkgesteldeDagen.naam, bron: gelijkgesteldeDagen.bron })
    .from(gelijkgesteldeDagen)
    .orderBy(asc(gelijkgesteldeDagen.datum))
    .all()
    .map((d) => ({ ...d, datum: d.datum as IsoDatum }));
}

/** The watcher's bookmark of a source: the instant its last successful poll began, if any. */
export function readBronStand(db: Db, bron: string): string | undefined {
  return db.select({ laatstGelukt: bronStand.laatstGelukt }).from(bronStand).where(eq(bronStand.bron, bron)).get()?.laatstGelukt;
}

/** Stores the bookmark after a successful poll (bookkeeping: moves no data revision, changes no fact). */
export function saveBronStand(db: Db, bron: string, laatstGelukt: string): void {
  writeTransaction(db, (tx) => tx.insert(bronStand).values({ bron, laatstGelukt }).onConflictDoUpdate({ target: bronStand.bron, set: { laatstGelukt } }).run());
}

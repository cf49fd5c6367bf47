import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/verbinding';
import { contracteerruimtebedragen, contracteerruimtebesluiten, gebruikers, zaakdocumenten, zaakStukgegevens, zaken, zorgkantoorregios } from '../../db/schema';
import { type FilingSoort } from '../../domain/filings/filingSoorten';
import { formatDatumKort, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { ZaakOverzichtRij } from '../zaken/zaakOverzicht';

// What a filing reads of its case, the case's organisation and the public register (filingGegevens.ts builds the facts).

/** The contracteerruimte of (regio, jaar) in force on `datum`: the besluit last made known by then, with its amount. */
export function findContracteerruimteOp(db: Db, regio: string, jaar: number, datum: IsoDatum) {
  return listContracteerruimteKeten(db, regio, jaar, datum).at(-1);
}

/** The stukken filed later in the same procedure, whose producties continue the numbering of those filed before. */
export const VERVOLGSTUKKEN = new Set<FilingSoort>(['aanvullende-gronden', 'brief-6-19']);
const PROCEDURESTUKKEN = [
  'beroepschrift',
  'beroepschrift-pro-forma',
  'bezwaarschrift',
  'bezwaarschrift-pro-forma',
  'aanvullende-gronden',
  'brief-6-19',
] as const;

/**
 * The producties of the stukken filed in the case before `dagtekening`: the bezwaar- or beroepschrift dated on or before
 * the filing date, and each later stuk of an earlier dagtekening (its last version per dagtekening), read from the
 * stored versions.
 */
export function loadIngediendeProducties(db: Db, zaak: ZaakOverzichtRij, dagtekening: IsoDatum): { laatste: number; omschrijvingen: Set<string> } {
  // One row per kind and dagtekening, its last version (SQLite takes the bare columns from the max(id) row); the JSON is
  // read in the database, so a case with many versions costs no parsing here.
  const datum = sql<string | null>`json_extract(${zaakdocumenten.gegevensJson}, '$.dagtekening')`;
  const rijen = db
    .select({
      soort: zaakdocumenten.soort,
      datum,
      bijlagen: sql<string | null>`json_extract(${zaakdocumenten.gegevensJson}, '$.bijlagen')`,
      id: sql<number>`max(${zaakdocumenten.id})`,
    })
    .from(zaakdocumenten)
    .where(and(eq(zaakdocumenten.zaakId, zaak.id), inArray(zaakdocumenten.soort, [...PROCEDURESTUKKEN])))
    .groupBy(zaakdocumenten.soort, datum)
    .all();
  const later = (r: (typeof rijen)[number]) => r.soort === 'aanvullende-gronden' || r.soort === 'brief-6-19';
  // The bezwaar- or beroepschrift as filed: its last version dated on or before the filing date.
  const geschrift = rijen.filter((r) => !later(r) && r.datum !== null && zaak.ingesteld !== null && r.datum <= zaak.ingesteld).sort((a, b) => b.id - a.id)[0];
  const ingediend = [...(geschrift ? [geschrift] : []), ...rijen.filter((r) => later(r) && r.datum !== null && r.datum < dagtekening)];
  const alle = ingediend.flatMap((r) => {
    try {
      const lijst: unknown = JSON.parse(r.bijlagen ?? '[]');
      return Array.isArray(lijst) ? (lijst as { nummer: number; omschrijving: string }[]) : [];
    } catch {
      return [];
    }
  });
  return { laatste: Math.max(0, ...alle.map((b) => b.nummer)), omschrijvingen: new Set(alle.map((b) => b.omschrijving)) };
}

/** Every contracteerruimtebesluit with an amount for (regio, jaar) made known by `datum`, in the order they were made known. */
export function listContracteerruimteKeten(db: Db, regio: string, jaar: number, datum: IsoDatum) {
  return db
    .select({
      id: contracteerruimtebesluiten.id,
      kenmerk: contracteerruimtebesluiten.kenmerk,
      soort: contracteerruimtebesluiten.soort,
      besluitdatum: contracteerruimtebesluiten.besluitdatum,
      bekendgemaakt: contracteerruimtebesluiten.bekendgemaakt,
      bedragCenten: contracteerruimtebedragen.bedragCenten,
    })
    .from(contracteerruimtebedragen)
    .innerJoin(contracteerruimtebesluiten, eq(contracteerruimtebedragen.besluitId, contracteerruimtebesluiten.id))
    .innerJoin(zorgkantoorregios, eq(contracteerruimtebedragen.regioId, zorgkantoorregios.id))
    .where(and(eq(zorgkantoorregios.naam, regio), eq(contracteerruimtebedragen.jaar, jaar), lte(contracteerruimtebesluiten.bekendgemaakt, datum)))
    .orderBy(asc(contracteerruimtebesluiten.bekendgemaakt), asc(contracteerruimtebesluiten.id))
    .all();
}

/** The wizard's own data of a case (signer, representation, late-filing facts, bijlagen, edits), with defaults. */
export function loadStukgegevens(db: Db, zaakId: number) {
  const rij = db.select().from(zaakStukgegevens).where(eq(zaakStukgegevens.zaakId, zaakId)).get();
  return {
    ondertekenaarId: rij?.ondertekenaarId ?? null,
    vertegenwoordiging: rij?.vertegenwoordiging ?? null,
    volmachtInBezwaar: rij?.volmachtInBezwaar ?? false,
    verschoonbaarheid: rij?.verschoonbaarheid ?? '',
    rechtstreeksBeroep: rij?.rechtstreeksBeroep ?? false,
    aanvullendeGronden: rij?.aanvullendeGronden ?? '',
    belangenafweging: rij?.belangenafweging ?? '',
    gelijktijdigBeroep: rij?.gelijktijdigBeroep ?? false,
    kortsluiting: rij?.kortsluiting ?? false,
    bijlagen: parseLijst(rij?.bijlagenJson ?? '[]'),
    bewerkingen: parseBewerkingen(rij?.bewerkingenJson ?? '{}'),
  };
}
export type Stukgegevens = ReturnType<typeof loadStukgegevens>;

/** Per filing soort, per paragraph key: the generated text the lawyer edited, and the edit. */
export type Bewerkingen = Partial<Record<FilingSoort, Record<string, { origineel: string; tekst: string }>>>;

function parseLijst(json: string): string[] {
  try {
    const x: unknown = JSON.parse(json);
    return Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
function parseBewerkingen(json: string): Bewerkingen {
  try {
    const x: unknown = JSON.parse(json);
    return x && typeof x === 'object' ? (x as Bewerkingen) : {};
  } catch {
    return {};
  }
}

/** The lawyers of an organisation who may sign: jurist or beheerder (a lezer drafts nothing). */
export function loadOndertekenaars(db: Db, organisatieId: number) {
  return db
    .select({ id: gebruikers.id, naam: gebruikers.naam })
    .from(gebruikers)
    .where(and(eq(gebruikers.organisatieId, organisatieId), inArray(gebruikers.rol, ['jurist', 'beheerder'])))
    .orderBy(asc(gebruikers.naam))
    .all();
}

export function isProFormaIngediend(db: Db, zaak: ZaakOverzichtRij): boolean {
  const soorten = new Set(
    db
      .select({ soort: zaakdocumenten.soort })
      .from(zaakdocumenten)
      .where(eq(zaakdocumenten.zaakId, zaak.id))
      .all()
      .map((r) => r.soort),
  );
  const vol = zaak.soort === 'beroep' ? 'beroepschrift' : 'bezwaarschrift';
  return soorten.has(`${vol}-pro-forma`) && !soorten.has(vol);
}

/**
 * A beroep of the same client — the case's own client record, so of the same organisation — against the contracteerruimte
 * of the same region and year that the timeline shows as filed on or before the dagtekening and not decided (art. 7:10
 * lid 4 Awb). A concept or a decided beroep is not "pending"; another client's beroep is never this client's (issue 29).
 */
export function findLopendBeroep(db: Db, zaak: ZaakOverzichtRij, regio: string, jaar: number, dagtekening: IsoDatum) {
  if (zaak.zorgaanbiederId === null) return null;
  const rij = db
    .select({ cbbZaaknummer: zaken.cbbZaaknummer, ingesteld: zaken.ingesteld })
    .from(zaken)
    .innerJoin(zorgkantoorregios, eq(zaken.regioId, zorgkantoorregios.id))
    .where(
      and(
        eq(zaken.organisatieId, zaak.organisatieId),
        eq(zaken.zorgaanbiederId, zaak.zorgaanbiederId),
        eq(zaken.soort, 'beroep'),
        eq(zorgkantoorregios.naam, regio),
        eq(zaken.jaar, jaar),
        ne(zaken.id, zaak.id),
        eq(zaken.status, 'ingediend'),
        lte(zaken.ingesteld, dagtekening),
      ),
    )
    .orderBy(zaken.ingesteld, zaken.id)
    .get();
  return rij?.ingesteld && rij.ingesteld <= dagtekening
    ? { cbbZaaknummer: rij.cbbZaaknummer, regio, jaar, ingesteldTekst: formatDatumKort(rij.ingesteld) }
    : null;
}

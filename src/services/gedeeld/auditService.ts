import { and, desc, eq, max, sql } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { preparePerVerbinding } from '../../db/voorbereid';
import { auditLog } from '../../db/schema';
import { computeAuditHash, computeAuditOp, readAuditSleutel } from '../../db/auditKeten';

/** Who wrote, when no signed-in user did: the operator's command line. */
export interface Schrijver {
  gebruikerId: number | null;
  naam: string;
  organisatieId: number | null;
}
export const OPERATOR: Schrijver = { gebruikerId: null, naam: 'beheerder van de installatie (opdrachtregel)', organisatieId: null };

/** A changed field: [before, after] — null before for what is new, null after for what is gone (issue 28.4). */
export type Wijziging = readonly [unknown, unknown];
export type Wijzigingen = Record<string, Wijziging>;

/**
 * THE audit helper: every write of a service calls it inside its transaction, so the entry commits with the data or
 * not at all. The table is append-only and a hash chain (triggers of migrations 0004 and 0011, src/db/auditKeten.ts). Never holds passwords, codes or tokens.
 */
export function recordAudit(
  tx: Pick<Db, 'insert' | 'select'>,
  wie: Actor | Schrijver,
  invoer: {
    actie: string;
    onderwerp: string;
    onderwerpId?: number | null;
    /** Every changed field with its value before and after: an entry of a change always holds both (issue 28.4). */
    wijzigingen: Wijzigingen;
    /** What identifies the thing changed (a kenmerk, a colleague's name), written beside the changes as it is. */
    kenmerken?: Record<string, unknown>;
  },
): void {
  // The hash chain (issue 28.6): inside the writing transaction, so the newest entry cannot change in between.
  const kop = tx.select({ hash: auditLog.hash, op: auditLog.op }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  const inhoud = {
    op: computeAuditOp(kop, new Date()),
    gebruikerId: wie.gebruikerId,
    gebruikerNaam: wie.naam,
    organisatieId: wie.organisatieId,
    actie: invoer.actie,
    onderwerp: invoer.onderwerp,
    onderwerpId: invoer.onderwerpId ?? null,
    wijzigingen: JSON.stringify({ ...invoer.kenmerken, ...invoer.wijzigingen }),
  };
  const vorigeHash = kop?.hash ?? null;
  tx.insert(auditLog)
    .values({ ...inhoud, vorigeHash, hash: computeAuditHash(readAuditSleutel(tx), vorigeHash, inhoud) })
    .run();
}

/** {veld: [voor, na]} for the fields that changed. */
export function diff<T extends Record<string, unknown>>(voor: T, na: Partial<T>): Wijzigingen {
  const uit: Record<string, Wijziging> = {};
  for (const [k, v] of Object.entries(na)) if (v !== undefined && voor[k] !== v) uit[k] = [voor[k] ?? null, v];
  return uit;
}

/** {veld: [null, waarde]} for each field of something new. */
export function nieuw(waarden: Record<string, unknown>): Wijzigingen {
  return Object.fromEntries(Object.entries(waarden).map(([k, v]) => [k, [null, v ?? null] as const]));
}

/** What a case or decision page shows the log of. */
type Onderwerp = 'zaak' | 'contracteerruimtebesluit' | 'tariefbeschikking';

export interface WijzigingRegel {
  op: string;
  door: string;
  actie: string;
  onderwerp: string;
  onderwerpId: number | null;
  regels: string[];
}

const fmt = (w: unknown) => (w === null || w === undefined || w === '' ? '(leeg)' : String(w));

/** An audit row as a log shows it: when, who, what, and each changed field as one line. */
export function toWijzigingRegel(r: typeof auditLog.$inferSelect): WijzigingRegel {
  let wijzigingen: Record<string, unknown> = {};
  try {
    wijzigingen = JSON.parse(r.wijzigingen) as Record<string, unknown>;
  } catch {
    /* shown without details */
  }
  const regels = Object.entries(wijzigingen).map(([veld, w]) =>
    Array.isArray(w) && w.length === 2 ? `${veld}: ${fmt(w[0])} → ${fmt(w[1])}` : `${veld}: ${fmt(w)}`,
  );
  return { op: r.op.replace('T', ' ').slice(0, 19), door: r.gebruikerNaam, actie: r.actie, onderwerp: r.onderwerp, onderwerpId: r.onderwerpId, regels };
}

/** The log of one case (the caller loaded the case for this actor) or one decision. */
export function listWijzigingen(db: Db, onderwerp: Onderwerp, id: number): WijzigingRegel[] {
  return wijzigingenVraag(db).all({ onderwerp, id }).map(toWijzigingRegel);
}

const wijzigingenVraag = preparePerVerbinding((db) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.onderwerp, sql.placeholder('onderwerp')), eq(auditLog.onderwerpId, sql.placeholder('id'))))
    .orderBy(desc(auditLog.id))
    .limit(200)
    .prepare(),
);

/**
 * The id of the newest audit entry of one case or decision (0: none), one indexed read. The audit log is bookkeeping,
 * not counted in the data revision: a kept page that shows the log keys on this as well.
 */
export function findLaatsteWijzigingId(db: Db, onderwerp: Onderwerp, id: number): number {
  return laatsteVraag(db).get({ onderwerp, id })?.id ?? 0;
}

const laatsteVraag = preparePerVerbinding((db) =>
  db
    .select({ id: max(auditLog.id) })
    .from(auditLog)
    .where(and(eq(auditLog.onderwerp, sql.placeholder('onderwerp')), eq(auditLog.onderwerpId, sql.placeholder('id'))))
    .prepare(),
);

/**
 * Who of the organisation first wrote a record, and when (issue 29.1: a filing's facts name their source): the first
 * audit entry on it by a member of that organisation; undefined for a record from before the log, or from the migration.
 */
export function findEersteInvoer(db: Db, onderwerp: string, id: number, organisatieId: number): { door: string; op: string } | undefined {
  return db
    .select({ door: auditLog.gebruikerNaam, op: auditLog.op })
    .from(auditLog)
    .where(and(eq(auditLog.onderwerp, onderwerp), eq(auditLog.onderwerpId, id), eq(auditLog.organisatieId, organisatieId)))
    .orderBy(auditLog.id)
    .limit(1)
    .get();
}

/** Who of the organisation last did `actie` on a record, and when (e.g. who registered a case as filed). */
export function findLaatsteActie(db: Db, onderwerp: string, id: number, organisatieId: number, actie: string): { door: string; op: string } | undefined {
  return db
    .select({ door: auditLog.gebruikerNaam, op: auditLog.op })
    .from(auditLog)
    .where(and(eq(auditLog.onderwerp, onderwerp), eq(auditLog.onderwerpId, id), eq(auditLog.organisatieId, organisatieId), eq(auditLog.actie, actie)))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
}

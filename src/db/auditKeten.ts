import type Database from 'better-sqlite3';
import { createHash, createHmac } from 'node:crypto';

/**
 * The audit log as a hash chain (issue 28.6): every entry carries the hash of the entry before it (`vorige_hash`) and
 * its own `hash`, an HMAC-SHA256 of its content and that predecessor's hash, keyed with a key derived from
 * SESSION_SECRET (`deriveAuditSleutel`): whoever has the database file but not the secret cannot compute the hash of a
 * forged entry. An entry inserted out of place, altered,
 * removed or back-dated breaks the chain from that entry on. The triggers of migration 0011 refuse updates, deletes
 * and inserts on an existing id; this module computes the hashes and checks the chain.
 */
export interface AuditInhoud {
  op: string;
  gebruikerId: number | null;
  gebruikerNaam: string;
  organisatieId: number | null;
  actie: string;
  onderwerp: string;
  onderwerpId: number | null;
  wijzigingen: string;
}

/** The audit chain's own key, derived from the session secret with a purpose label (never the secret itself). */
export function deriveAuditSleutel(sessieGeheim: string): Buffer {
  return createHmac('sha256', sessieGeheim).update('auditketen:hmac-sha256:v1').digest();
}

const tekstVan = (vorigeHash: string | null, e: AuditInhoud) =>
  JSON.stringify([vorigeHash, e.op, e.gebruikerId, e.gebruikerNaam, e.organisatieId, e.actie, e.onderwerp, e.onderwerpId, e.wijzigingen]);

export function computeAuditHash(sleutel: Buffer, vorigeHash: string | null, e: AuditInhoud): string {
  return createHmac('sha256', sleutel).update(tekstVan(vorigeHash, e)).digest('hex');
}

/**
 * The unkeyed SHA-256 the chain of migrations 0011–0012 used. Read only for entries up to a boundary not yet sealed
 * (a database from before migration 0013), to take such a log over once; never written.
 */
const computeOudeHash = (vorigeHash: string | null, e: AuditInhoud) => createHash('sha256').update(tekstVan(vorigeHash, e)).digest('hex');

/** The key of each open connection (set by `openDatabase`), so every write on it hashes its audit entry with it. */
const sleutels = new WeakMap<object, Buffer>();

export function setAuditSleutel(sqlite: Database.Database, sleutel: Buffer): void {
  sleutels.set(sqlite, sleutel);
}

/** The key of the connection a database handle or one of its transactions writes through; throws when none was set. */
export function readAuditSleutel(db: object): Buffer {
  const h = db as { $client?: object; session?: { client?: object } };
  const client = h.$client ?? h.session?.client;
  const sleutel = client ? sleutels.get(client) : undefined;
  if (!sleutel) throw new Error('audit chain: no key for this connection (open it with openDatabase)');
  return sleutel;
}

/** The newest entry's hash and time: what the next entry links to and may not precede. */
export interface AuditKop {
  hash: string | null;
  op: string | null;
}

/**
 * The time of a new entry: now, or the newest entry's time when the clock stepped back, so the chain's times never
 * go down and a back-dated entry stands out.
 */
export function computeAuditOp(kop: AuditKop | undefined, nu: Date): string {
  const iso = nu.toISOString();
  return kop?.op && kop.op > iso ? kop.op : iso;
}

interface AuditRij extends AuditInhoud {
  id: number;
  vorigeHash: string | null;
  hash: string | null;
}

const KOLOMMEN = `id, op, gebruiker_id AS gebruikerId, gebruiker_naam AS gebruikerNaam, organisatie_id AS organisatieId, actie,
  onderwerp, onderwerp_id AS onderwerpId, wijzigingen, vorige_hash AS vorigeHash, hash`;

const heeftKeten = (sqlite: Database.Database) =>
  (sqlite.prepare("SELECT count(*) AS n FROM pragma_table_info('audit_log') WHERE name = 'hash'").get() as { n: number }).n > 0;

const heeftGrens = (sqlite: Database.Database) =>
  (sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'audit_keten_grens'").get() as { n: number }).n > 0;

interface Grens {
  totId: number;
  hash: string | null;
}
const readGrens = (sqlite: Database.Database): Grens | undefined =>
  heeftGrens(sqlite) ? (sqlite.prepare('SELECT tot_id AS totId, hash FROM audit_keten_grens WHERE id = 1').get() as Grens | undefined) : undefined;

/** The seal of the boundary once the entries up to it are chained. */
export const computeGrensHash = (sleutel: Buffer, totId: number) => createHmac('sha256', sleutel).update(`auditketen-grens:${totId}`).digest('hex');

/**
 * Gives the entries written before migration 0013 (up to the boundary it recorded: without hash from before 0011, or
 * with the unkeyed hash of 0011–0012, which must still hold) their place in the keyed chain, in id order, and seals the
 * boundary, in one transaction. Run by the connection set-up after the
 * migrations; runs exactly once per database: once the boundary is sealed it never chains anything again, so an entry
 * whose hash is later emptied stays a break instead of being given a fresh hash.
 */
export function chainAuditLog(sqlite: Database.Database, sleutel: Buffer): number {
  if (!heeftKeten(sqlite)) return 0;
  return sqlite.transaction(() => {
    const grens = readGrens(sqlite);
    if (!grens || grens.hash !== null) return 0;
    const rijen = sqlite.prepare(`SELECT ${KOLOMMEN} FROM audit_log WHERE id <= ? ORDER BY id`).all(grens.totId) as AuditRij[];
    // Taken over only as it was left: entries without hash (before 0011), then entries with the unkeyed hash (0011–0012).
    const oud = checkRijen(rijen, sleutel, grens.totId, grens.totId);
    if (!oud.intact) throw new Error(`audit chain: entry ${oud.id} before the boundary is broken (${oud.reden}); not chained`);
    const zet = sqlite.prepare('UPDATE audit_log SET vorige_hash = ?, hash = ? WHERE id = ?');
    let vorige: string | null = null;
    for (const r of rijen) {
      const hash = computeAuditHash(sleutel, vorige, r);
      zet.run(vorige, hash, r.id);
      vorige = hash;
    }
    sqlite.prepare('UPDATE audit_keten_grens SET hash = ? WHERE id = 1').run(computeGrensHash(sleutel, grens.totId));
    return rijen.length;
  })();
}

/** The outcome of checking the chain: intact, or the first entry that breaks it and why (Dutch). */
export type KetenUitkomst = { intact: true; aantal: number } | { intact: false; aantal: number; id: number; reden: string };

/**
 * Walks the whole audit log in id order: each entry must link to its predecessor's hash, carry the hash of its own
 * content and, after the boundary of the chain (migration 0013), not be older than its predecessor. Entries without
 * hash are accepted only up to a boundary not yet sealed (before the first start of this version: the connection
 * set-up chains them); once it is sealed every entry must have its hash, and the seal must match.
 */
export function checkAuditKeten(sqlite: Database.Database, sleutel: Buffer): KetenUitkomst {
  if (!heeftKeten(sqlite)) return { intact: true, aantal: 0 };
  const metGrens = heeftGrens(sqlite);
  const grens = readGrens(sqlite);
  if (metGrens && !grens) return { intact: false, aantal: 0, id: 1, reden: 'de grens van de keten ontbreekt (verwijderd)' };
  if (grens?.hash != null && grens.hash !== computeGrensHash(sleutel, grens.totId)) {
    return { intact: false, aantal: 0, id: Math.max(grens.totId, 1), reden: 'de grens van de keten past niet bij de hash (gewijzigd of vervalst)' };
  }
  // Up to a boundary not yet sealed (or, before migration 0013, the whole log) entries are as older versions left them.
  const oudTot = grens ? (grens.hash === null ? grens.totId : 0) : Number.MAX_SAFE_INTEGER;
  const rijen = sqlite.prepare(`SELECT ${KOLOMMEN} FROM audit_log ORDER BY id`).iterate() as IterableIterator<AuditRij>;
  const uitkomst = checkRijen(rijen, sleutel, oudTot, grens?.totId ?? Number.MAX_SAFE_INTEGER);
  if (!uitkomst.intact) return uitkomst;
  const { aantal, laatsteId } = uitkomst;
  // A chain cannot show that its newest entries were cut off; AUTOINCREMENT remembers the highest id ever given (its
  // counter commits and rolls back with the entry), so entries missing at the end show there.
  const hoogste = (sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined)?.seq ?? 0;
  if (hoogste > laatsteId) {
    return { intact: false, aantal, id: laatsteId + 1, reden: `de nieuwste regels (id ${laatsteId + 1} tot en met ${hoogste}) ontbreken: verwijderd` };
  }
  return { intact: true, aantal };
}

/**
 * The walk itself. Entries up to `oudTot` are in an older form: a leading run without hash (before migration 0011),
 * then the unkeyed hash (0011–0012); every later entry carries the keyed hash. Times must not go back after `tijdVanaf`.
 */
function checkRijen(
  rijen: Iterable<AuditRij>,
  sleutel: Buffer,
  oudTot: number,
  tijdVanaf: number,
): { intact: true; aantal: number; laatsteId: number } | Extract<KetenUitkomst, { intact: false }> {
  let vorige: AuditRij | undefined;
  let aantal = 0;
  for (const r of rijen) {
    aantal++;
    const breuk = (reden: string) => ({ intact: false as const, aantal, id: r.id, reden });
    const oud = r.id <= oudTot;
    if (r.hash === null) {
      if (!oud) return breuk('regel zonder hash (na de grens van de keten, of de keten is al gelegd)');
      if (vorige && vorige.hash !== null) return breuk('regel zonder hash na een regel met hash');
    } else {
      if (vorige && vorige.hash === null) return breuk('regel met hash na een regel zonder hash');
      if (r.vorigeHash !== (vorige?.hash ?? null)) return breuk('de hash van de vorige regel klopt niet (regel ingevoegd, verwijderd of vervangen)');
      const verwacht = oud ? computeOudeHash(r.vorigeHash, r) : computeAuditHash(sleutel, r.vorigeHash, r);
      if (verwacht !== r.hash) return breuk('de inhoud past niet bij de hash (regel gewijzigd of vervalst, of een andere SESSION_SECRET)');
    }
    if (vorige && r.id > tijdVanaf && r.op < vorige.op) return breuk(`tijdstip ${r.op} ligt vóór dat van de vorige regel (${vorige.op}): teruggedateerd`);
    vorige = r;
  }
  return { intact: true, aantal, laatsteId: vorige?.id ?? 0 };
}

import type { Db } from './verbinding';

/**
 * The one write path: every write runs in a transaction through this helper. Inside that same transaction the data
 * revision (table data_revisie) is bumped by the triggers of migration 0002 on every table pages and caches are
 * computed from, so the revision and the data commit together or not at all, whoever writes. Caches key on
 * `readDataRevisie`: a write by this process, by a second server on the same file or by an import script is seen by
 * the next request. Nothing invalidates a cache by hand.
 */
export function writeTransaction<T>(db: Db, schrijf: (tx: Db) => T): T {
  const uitkomst = db.transaction((tx) => schrijf(tx as unknown as Db));
  for (const luisteraar of luisteraars.get(db.$client) ?? []) luisteraar();
  return uitkomst;
}

const revisieLezers = new WeakMap<object, () => number>();

/** The data revision: a number that changes with every committed change to cached data, from any process. One indexed read. */
export function readDataRevisie(db: Db): number {
  let lees = revisieLezers.get(db.$client);
  if (!lees) {
    const stmt = db.$client.prepare('SELECT revisie FROM data_revisie WHERE id = 1').pluck();
    lees = () => stmt.get() as number;
    revisieLezers.set(db.$client, lees);
  }
  return lees();
}

const luisteraars = new WeakMap<object, (() => void)[]>();

/** Called after every committed write through `writeTransaction` on this connection: caches refresh off the request path. */
export function onWriteCommitted(db: Db, luisteraar: () => void): void {
  const lijst = luisteraars.get(db.$client) ?? [];
  lijst.push(luisteraar);
  luisteraars.set(db.$client, lijst);
}

/** The revision of each (regio, jaar) cell of the term engine's input, keyed "regioId|jaar" ("0|0": what every cell depends on). */
export function readCelRevisies(db: Db): Map<string, number> {
  const rijen = db.$client.prepare('SELECT regio_id AS regioId, jaar, revisie FROM termijn_cel_revisie').all() as {
    regioId: number;
    jaar: number;
    revisie: number;
  }[];
  return new Map(rijen.map((r) => [`${r.regioId}|${r.jaar}`, r.revisie]));
}

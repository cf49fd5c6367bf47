import { sql } from 'drizzle-orm';
import type { Db } from './verbinding';

/**
 * The one write path. Every write runs in a transaction that also bumps the data revision (table data_revisie), so
 * the revision and the data change together or not at all. Caches key on `readDataRevisie`: a write by this process,
 * by a second server on the same file or by an import script is seen by the next request.
 */
export function writeTransaction<T>(db: Db, schrijf: (tx: Db) => T): T {
  return db.transaction((tx) => {
    const voor = tx.get<{ n: number }>(sql`SELECT total_changes() AS n`).n;
    const uitkomst = schrijf(tx as unknown as Db);
    // A transaction that changed nothing (a reminder run with nothing to plan) leaves every cache valid.
    if (tx.get<{ n: number }>(sql`SELECT total_changes() AS n`).n !== voor) tx.run(sql`UPDATE data_revisie SET revisie = revisie + 1 WHERE id = 1`);
    return uitkomst;
  });
}

const revisieLezers = new WeakMap<object, () => number>();

/** The data revision: a number that changes with every committed write, from any process. Cheap: one indexed read. */
export function readDataRevisie(db: Db): number {
  let lees = revisieLezers.get(db.$client);
  if (!lees) {
    const stmt = db.$client.prepare('SELECT revisie FROM data_revisie WHERE id = 1').pluck();
    lees = () => stmt.get() as number;
    revisieLezers.set(db.$client, lees);
  }
  return lees();
}

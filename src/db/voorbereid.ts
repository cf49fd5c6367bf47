import type { Db } from './verbinding';

/**
 * A query built and prepared once per database connection. An unprepared drizzle query builds its SQL text and has
 * SQLite prepare the statement on every call, which costs more than running an indexed one: the case page's profile
 * showed the lookups every request makes (session, actor, case) spending most of their time there. Placeholders
 * (`sql.placeholder`) carry the values. Inside a transaction (a `tx`, which has no `$client`) the query is built on
 * the transaction as before.
 */
export function preparePerVerbinding<Q>(maak: (db: Db) => Q): (db: Db) => Q {
  const perVerbinding = new WeakMap<object, Q>();
  return (db) => {
    if (!db.$client) return maak(db);
    let vraag = perVerbinding.get(db.$client);
    if (!vraag) perVerbinding.set(db.$client, (vraag = maak(db)));
    return vraag;
  };
}

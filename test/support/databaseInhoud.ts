import Database from 'better-sqlite3';

/** Every row of every table of a database file (read-only), table by table in rowid order: to compare two files. */
export function readAlleRijen(pad: string): Record<string, unknown[]> {
  const db = new Database(pad, { readonly: true, fileMustExist: true });
  try {
    const tabellen = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    ).map((t) => t.name);
    return Object.fromEntries(tabellen.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

export function queryEen<T>(pad: string, sql: string, ...params: unknown[]): T {
  const db = new Database(pad, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

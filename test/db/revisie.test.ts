import { afterAll, describe, expect, it } from 'vitest';
import { readDataRevisie, writeTransaction } from '../../src/db/transactie';
import { gebruikers, herinneringen } from '../../src/db/schema';
import { eq } from 'drizzle-orm';
import { createTestApp, DEMO } from '../support/testApp';

/** Tables whose changes do not move the data revision: bookkeeping that no cached view reads. */
/** Issue 11: accounts, sessions, links, tokens and the audit log (and its chain's boundary) feed no term and no cached page either; termijn_cel_revisie is a revision itself. */
const NIET_GETELD = [
  'data_revisie',
  'termijn_cel_revisie',
  'herinneringen',
  'uitgaande_mail',
  'inloggegevens',
  'sessies',
  'uitnodigingen',
  'api_tokens',
  'api_idempotentie',
  'audit_log',
  'audit_keten_grens',
  'organisatie_sso',
  'verzend_lease',
  // Issue 32.3: the webhooks, their delivery ledger and what they last saw of the terms feed no term and no cached page.
  'webhooks',
  'webhook_leveringen',
  'webhook_termijn_stand',
  'webhook_revisie',
  // Issue 33: the watcher's bookmark per source.
  'bron_stand',
];

describe('the data revision', () => {
  const t = createTestApp();
  afterAll(() => t.sluit());
  const sql = t.db.$client;

  it('has insert, update and delete triggers on every table except the listed bookkeeping', () => {
    const tabellen = (
      sql.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`).all() as { name: string }[]
    ).map((r) => r.name);
    const triggers = sql.prepare(`SELECT tbl_name AS tabel, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { tabel: string; sql: string }[];
    for (const tabel of tabellen.filter((n) => !NIET_GETELD.includes(n))) {
      for (const actie of ['INSERT', 'UPDATE', 'DELETE']) {
        expect(
          triggers.some((tr) => tr.tabel === tabel && tr.sql.includes(`AFTER ${actie}`) && tr.sql.includes('data_revisie')),
          `${actie} on ${tabel}`,
        ).toBe(true);
      }
    }
  });

  it('moves with a committed write, not with a rolled-back one, and not with the reminder ledger', () => {
    const voor = readDataRevisie(t.db);
    writeTransaction(t.db, (tx) => tx.update(gebruikers).set({ weekoverzicht: true }).where(eq(gebruikers.email, DEMO.inhouse)).run());
    const na = readDataRevisie(t.db);
    expect(na).toBeGreaterThan(voor);
    expect(() =>
      writeTransaction(t.db, (tx) => {
        tx.update(gebruikers).set({ weekoverzicht: false }).where(eq(gebruikers.email, DEMO.inhouse)).run();
        throw new Error('terugdraaien');
      }),
    ).toThrow('terugdraaien');
    expect(readDataRevisie(t.db)).toBe(na);
    writeTransaction(t.db, (tx) => tx.insert(herinneringen).values({ sleutel: 'test', soort: 'weekoverzicht', gebruikerId: 1, moment: '2026-11-23' }).run());
    expect(readDataRevisie(t.db)).toBe(na);
  });
});

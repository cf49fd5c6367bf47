import { afterAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { gebruikers } from '../../src/db/schema';
import { writeTransaction } from '../../src/db/transactie';
import { preparePerVerbinding } from '../../src/db/voorbereid';
import type { Db } from '../../src/db/verbinding';
import { createTestApp, DEMO } from '../support/testApp';

describe('a query prepared once per connection', () => {
  const eerste = createTestApp();
  const tweede = createTestApp();
  afterAll(() => {
    eerste.sluit();
    tweede.sluit();
  });
  let gebouwd = 0;
  const naamVraag = preparePerVerbinding((db: Db) => {
    gebouwd += 1;
    return db
      .select({ naam: gebruikers.naam })
      .from(gebruikers)
      .where(eq(gebruikers.email, sql.placeholder('email')))
      .prepare();
  });

  it('is built once per connection and reads what is committed', () => {
    expect(naamVraag(eerste.db).get({ email: DEMO.advocaat })?.naam).toBe('mr. J. Kuipers');
    writeTransaction(eerste.db, (tx) => tx.update(gebruikers).set({ naam: 'mr. J. Kuipers-de Wit' }).where(eq(gebruikers.email, DEMO.advocaat)).run());
    expect(naamVraag(eerste.db).get({ email: DEMO.advocaat })?.naam).toBe('mr. J. Kuipers-de Wit');
    expect(gebouwd).toBe(1);
    // Another connection (another file) gets its own statement.
    expect(naamVraag(tweede.db).get({ email: DEMO.advocaat })?.naam).toBe('mr. J. Kuipers');
    expect(gebouwd).toBe(2);
  });

  it('inside a transaction is built on the transaction and sees its own writes', () => {
    writeTransaction(eerste.db, (tx) => {
      tx.update(gebruikers).set({ naam: 'in de transactie' }).where(eq(gebruikers.email, DEMO.inhouse)).run();
      expect(naamVraag(tx).get({ email: DEMO.inhouse })?.naam).toBe('in de transactie');
    });
    expect(gebouwd).toBe(3);
  });
});

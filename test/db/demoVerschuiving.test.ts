import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import demo from '../../seed/demo.json';
import { demoDataSchema } from '../../src/db/demoDataSchema';
import { DEMO_ONTWERPDAG, shiftDemoData } from '../../src/db/demoVerschuiving';
import { vandaagInNederland } from '../../src/config/klok';
import { findDemoSeeddag, seedDemoData, seedZorgkantoorregios } from '../../src/db/seedDatabase';
import { openDatabase } from '../../src/db/verbinding';
import { createAtwKalender } from '../../src/domain/kalender/atwKalender';
import { loadActorByEmail } from '../../src/services/toegang/actorService';
import { createTermijnService } from '../../src/services/termijnen/termijnService';
import { loadZaken } from '../../src/services/zaken/zaakOverzicht';

/**
 * Issue 30.6: the demo is always current. Seeded on any day, every stage exists as of that day: an open bezwaar and an
 * open beroep for the firm's clients, a lid-3 window still to come or open, a filed and a decided case, a term that
 * expired in the last fortnight; and the in-house department has two jurists.
 */
const data = demoDataSchema.parse(demo);
const plus = (dagen: number) => DateTime.fromISO(DEMO_ONTWERPDAG).plus({ days: dagen }).toISODate()!;
const SEEDDAGEN = [DEMO_ONTWERPDAG, plus(17), plus(45), plus(101), plus(150), plus(200), plus(263), plus(340), plus(400), plus(731), plus(1500)];

describe('the demo laid out relative to the day of seeding (issue 30.6)', () => {
  it('leaves the demo as written on the day it was designed for (the tests are pinned to it)', () => {
    expect(shiftDemoData(data, DEMO_ONTWERPDAG)).toBe(data);
  });

  it('keeps each kenmerk and CBb zaaknummer true to its own shifted date, every week of two years', () => {
    for (let week = 0; week <= 104; week++) {
      const dag = plus(week * 7);
      const v = shiftDemoData(data, dag);
      for (const b of [...v.contracteerruimtebesluiten, ...v.tariefbeschikkingen]) {
        expect(b.kenmerk).toContain(`/${b.bekendgemaakt.slice(0, 4)}-`);
        expect(b.bekendgemaakt <= dag).toBe(true);
      }
      for (const z of [...v.zaken, ...v.ontvangenBeroepen])
        if ('cbbZaaknummer' in z && z.cbbZaaknummer && z.ingesteld) expect(z.cbbZaaknummer.slice(0, 2)).toBe(z.ingesteld.slice(2, 4));
      const kenmerken = new Set([...v.contracteerruimtebesluiten, ...v.tariefbeschikkingen].map((b) => b.kenmerk));
      for (const z of v.zaken) for (const k of [z.tariefbeschikking, z.contracteerruimtebesluit]) if (k) expect(kenmerken.has(k)).toBe(true);
    }
  });

  it('a later start lays the demo out as of the first seeding day: nothing is added twice', () => {
    const map = mkdtempSync(join(tmpdir(), 'demo-herstart-'));
    try {
      const db = openDatabase(join(map, 'demo.sqlite'), 'test-geheim-van-minstens-16');
      seedZorgkantoorregios(db);
      expect(findDemoSeeddag(db)).toBeUndefined();
      const vandaag = vandaagInNederland();
      seedDemoData(db, shiftDemoData(data, vandaag));
      const tel = () =>
        db.$client
          .prepare('SELECT (SELECT count(*) FROM tariefbeschikkingen) + (SELECT count(*) FROM contracteerruimtebesluiten) + (SELECT count(*) FROM zaken) AS n')
          .get();
      const voor = tel();
      expect(findDemoSeeddag(db)).toBe(vandaag);
      seedDemoData(db, shiftDemoData(data, findDemoSeeddag(db)!));
      expect(tel()).toEqual(voor);
      db.$client.close();
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });

  it.each(SEEDDAGEN)('seeded on %s: every stage exists that day', (dag) => {
    const map = mkdtempSync(join(tmpdir(), 'demo-verschoven-'));
    try {
      const db = openDatabase(join(map, 'demo.sqlite'), 'test-geheim-van-minstens-16');
      seedZorgkantoorregios(db);
      seedDemoData(db, shiftDemoData(data, dag));
      const termijnen = createTermijnService(db, { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() });
      const kantoor = loadActorByEmail(db, 'j.kuipers@vandamkuipers.example')!;
      const t = termijnen.computeVoorActor(kantoor, dag).uitkomst.termijnen;
      const open = t.filter((x) => x.einde >= dag && x.aanvang <= dag);
      expect(open.some((x) => x.rechtsmiddel === 'bezwaar')).toBe(true);
      expect(open.some((x) => x.rechtsmiddel === 'beroep')).toBe(true);
      expect(t.some((x) => x.regel === 'art-105-lid-3' && x.einde >= dag)).toBe(true);
      const veertienDagenTerug = DateTime.fromISO(dag).minus({ days: 14 }).toISODate()!;
      expect(t.some((x) => x.einde < dag && x.einde >= veertienDagenTerug)).toBe(true);
      // Nothing made known after the day the demo is laid out on.
      for (const b of [...shiftDemoData(data, dag).tariefbeschikkingen, ...shiftDemoData(data, dag).contracteerruimtebesluiten])
        expect(b.bekendgemaakt <= dag).toBe(true);
      const statussen = loadZaken(db, kantoor).map((z) => z.status);
      expect(statussen).toEqual(expect.arrayContaining(['concept', 'ingediend', 'afgerond']));
      const inhouse = db.$client
        .prepare(
          "SELECT count(*) AS n FROM gebruikers g JOIN organisaties o ON o.id = g.organisatie_id WHERE o.soort = 'zorgaanbieder' AND g.organisatie_rol = 'jurist'",
        )
        .get() as { n: number };
      expect(inhouse.n).toBe(2);
      db.$client.close();
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAtwKalender } from '../../../src/domain/kalender/atwKalender';
import { computeTermijnen } from '../../../src/domain/termijnen/computeTermijnen';
import { openDatabase, type Db } from '../../../src/db/verbinding';
import { seedDemoData, seedZorgkantoorregios } from '../../../src/db/seedDatabase';
import { writeTransaction } from '../../../src/db/transactie';
import { loadActorByEmail } from '../../../src/services/toegang/actorService';
import { loadTermijnInvoer } from '../../../src/services/termijnen/termijnInvoer';
import { createTermijnService, findBesluitTermijnen, type TermijnService } from '../../../src/services/termijnen/termijnService';
import { buildOverzicht, type Overzicht, type OverzichtFilter } from '../../../src/services/termijnen/termijnOverzicht';
import { diffBerekend, diffTermijnen } from '../../../src/services/termijnen/termijnVoorbeeld';
import { addDagen } from '../../../src/domain/kalender/kalenderdatum';
import type { Termijn, Uitsluiting } from '../../../src/domain/termijnen/termijn';
import type { Actor } from '../../../src/actor/actor';
import { DEMO } from '../../support/testApp';

const CONFIG = { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() };
const PEILDATUMS = ['2026-03-01', '2026-11-22', '2027-04-15'];

/** A write as a user or an import makes it, on a handful of regions so that writes meet in the same cells. */
type Schrijfactie =
  | { soort: 'tb-erbij'; regio: number; jaar: number; aanbieder: number; dag: number; tbSoort: 'vaststelling' | 'wijziging' | 'sluittarief' }
  | { soort: 'tb-verschuif'; welke: number; dag: number }
  | { soort: 'tb-weg'; welke: number }
  | { soort: 'cr-erbij'; regio: number; jaar: number; jaren: number; dag: number; crSoort: 'vaststelling' | 'wijziging' }
  | { soort: 'cr-verschuif'; welke: number; dag: number }
  | { soort: 'cr-weg'; welke: number }
  | { soort: 'beroep-erbij'; welke: number; dag: number; organisatie: number }
  | { soort: 'beroep-afgerond'; welke: number; dag: number }
  | { soort: 'notitie'; welke: number }
  | { soort: 'aanbieder-hernoemd'; aanbieder: number };

const OVERZICHT_FILTERS: OverzichtFilter[] = [
  {},
  { rechtsmiddel: 'beroep' },
  { rechtsmiddel: 'bezwaar', jaar: 2027 },
  { regio: 'Groningen' },
  // Regions the random writes below use (the first three by id): their cells' own exclusions are read.
  { regio: 'Amsterdam' },
  { regio: 'Amstelland en De Meerlanden', jaar: 2026 },
  // One (regio, jaar) is read from its cell's own list: with a further filter, and one that has no cell.
  { regio: 'Amsterdam', jaar: 2027, rechtsmiddel: 'beroep' },
  { regio: 'Groningen', jaar: 2031 },
  { zorgaanbieder: 'cache-aanbieder 1' },
];

/** What the overview shows and counts, to compare. */
function summarizeOverzicht(o: Pick<Overzicht, 'regels' | 'aantal' | 'telling' | 'mogelijkeTermijnen' | 'banners'>) {
  return {
    aantal: o.aantal,
    telling: o.telling,
    mogelijk: o.mogelijkeTermijnen.map((m) => [m.uitsluiting.besluit, m.einde, m.zorgaanbieder ?? '']),
    banners: o.banners.map((u) => [u.besluit, u.reden, u.partij ?? '']),
    regels: o.regels.map((r) => [r.termijn.besluit, r.termijn.einde, r.termijn.partij ?? '', r.termijn.regio, r.termijn.jaar, r.gedeeldVenster ?? null]),
  };
}

/** The overview's rule written plainly over the whole computation's term objects: the columns must agree with it. */
function referenceOverzicht(
  { termijnen, uitsluitingen }: { termijnen: readonly Termijn[]; uitsluitingen: readonly Uitsluiting[] },
  tariefbeschikkingen: ReadonlyMap<string, { zorgaanbieder: string }>,
  peildatum: string,
  filter: OverzichtFilter,
  maximum: number,
) {
  const vanaf = addDagen(peildatum, -14);
  const telling = { verlopen: 0, kritiek: 0, binnenkort: 0, normaal: 0 };
  const regels: { termijn: Termijn; gedeeldVenster?: { regios: Set<string>; jaren: Set<number>; besluiten: Set<string> } }[] = [];
  const vensters = new Map<string, { regios: Set<string>; jaren: Set<number>; besluiten: Set<string> }>();
  let aantal = 0;
  for (const t of termijnen) {
    if (t.einde < vanaf) continue;
    if (
      (filter.regio && t.regio !== filter.regio) ||
      (filter.jaar && t.jaar !== filter.jaar) ||
      (filter.rechtsmiddel && t.rechtsmiddel !== filter.rechtsmiddel)
    )
      continue;
    const aanbieder = t.besluitType === 'tariefbeschikking' ? tariefbeschikkingen.get(t.besluit)?.zorgaanbieder : undefined;
    if (filter.zorgaanbieder && !aanbieder?.toLocaleLowerCase('nl').includes(filter.zorgaanbieder)) continue;
    if (t.regel === 'art-105-lid-3') {
      const venster = vensters.get(`${t.aanvang}|${t.einde}`);
      if (venster) {
        venster.regios.add(t.regio);
        venster.jaren.add(t.jaar);
        venster.besluiten.add(t.besluit);
        continue;
      }
      const nieuw = { regios: new Set([t.regio]), jaren: new Set([t.jaar]), besluiten: new Set([t.besluit]) };
      vensters.set(`${t.aanvang}|${t.einde}`, nieuw);
      if (regels.length < maximum) regels.push({ termijn: t, gedeeldVenster: nieuw });
    } else if (regels.length < maximum) regels.push({ termijn: t });
    aantal++;
    telling[t.einde < peildatum ? 'verlopen' : t.einde <= addDagen(peildatum, 7) ? 'kritiek' : t.einde <= addDagen(peildatum, 14) ? 'binnenkort' : 'normaal']++;
  }
  // Exclusions that could be wrong count with their date as a precaution.
  const mogelijk: string[][] = [];
  for (const u of uitsluitingen) {
    if (!u.twijfel || !u.eindeAlsToch || u.eindeAlsToch < vanaf) continue;
    if (
      (filter.regio && u.regio !== filter.regio) ||
      (filter.jaar && u.jaar !== filter.jaar) ||
      (filter.rechtsmiddel && u.rechtsmiddel !== filter.rechtsmiddel)
    )
      continue;
    const aanbieder = u.partij ?? tariefbeschikkingen.get(u.besluit)?.zorgaanbieder;
    if (filter.zorgaanbieder && !aanbieder?.toLocaleLowerCase('nl').includes(filter.zorgaanbieder)) continue;
    const e = u.eindeAlsToch;
    telling[e < peildatum ? 'verlopen' : e <= addDagen(peildatum, 7) ? 'kritiek' : e <= addDagen(peildatum, 14) ? 'binnenkort' : 'normaal']++;
    mogelijk.push([u.besluit, e, aanbieder ?? '']);
  }
  // Banners: sluittarief and onherroepelijk (art. 105 lid 2 and lid 4), filtered by the tariefbeschikking's addressee.
  const banners = uitsluitingen
    .filter(
      (u) =>
        (u.reden === 'sluittarief-nacalculatie' || u.reden === 'onherroepelijk') &&
        (!filter.regio || u.regio === filter.regio) &&
        (!filter.jaar || u.jaar === filter.jaar) &&
        (!filter.zorgaanbieder || Boolean(tariefbeschikkingen.get(u.besluit)?.zorgaanbieder.toLocaleLowerCase('nl').includes(filter.zorgaanbieder))),
    )
    .map((u) => [u.besluit, u.reden, u.partij ?? '']);
  return {
    aantal,
    telling,
    mogelijk: mogelijk.sort((a, b) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0)).slice(0, maximum),
    banners,
    regels: regels.map(({ termijn: t, gedeeldVenster: v }) => [
      t.besluit,
      t.einde,
      t.partij ?? '',
      t.regio,
      t.jaar,
      v ? { regios: v.regios.size, jaren: [...v.jaren].sort(), besluiten: [...v.besluiten] } : null,
    ]),
  };
}

const dag = (n: number) => new Date(Date.UTC(2025, 6, 1) + n * 86_400_000).toISOString().slice(0, 10);

const schrijfactie: fc.Arbitrary<Schrijfactie> = fc.oneof(
  fc.record({
    soort: fc.constant('tb-erbij' as const),
    regio: fc.nat(2),
    jaar: fc.integer({ min: 2026, max: 2027 }),
    aanbieder: fc.nat(3),
    dag: fc.nat(700),
    tbSoort: fc.constantFrom('vaststelling' as const, 'wijziging' as const, 'sluittarief' as const),
  }),
  fc.record({ soort: fc.constant('tb-verschuif' as const), welke: fc.nat(), dag: fc.nat(700) }),
  fc.record({ soort: fc.constant('tb-weg' as const), welke: fc.nat() }),
  fc.record({
    soort: fc.constant('cr-erbij' as const),
    regio: fc.nat(2),
    jaar: fc.integer({ min: 2026, max: 2027 }),
    jaren: fc.integer({ min: 1, max: 2 }),
    dag: fc.nat(700),
    crSoort: fc.constantFrom('vaststelling' as const, 'wijziging' as const),
  }),
  fc.record({ soort: fc.constant('cr-verschuif' as const), welke: fc.nat(), dag: fc.nat(700) }),
  fc.record({ soort: fc.constant('cr-weg' as const), welke: fc.nat() }),
  fc.record({ soort: fc.constant('beroep-erbij' as const), welke: fc.nat(), dag: fc.nat(700), organisatie: fc.nat(1) }),
  fc.record({ soort: fc.constant('beroep-afgerond' as const), welke: fc.nat(), dag: fc.nat(200) }),
  fc.record({ soort: fc.constant('notitie' as const), welke: fc.nat() }),
  fc.record({ soort: fc.constant('aanbieder-hernoemd' as const), aanbieder: fc.nat(3) }),
);

describe('the term cache: per (regio, jaar) cell, incremental on write', () => {
  let map: string;
  let db: Db;
  let regioIds: number[];
  let aanbiederIds: number[];
  let organisatieIds: number[];
  let actoren: Actor[];
  let volgnummer = 0;

  beforeAll(() => {
    map = mkdtempSync(join(tmpdir(), 'termijnbewaking-cache-'));
    db = openDatabase(join(map, 'cache.sqlite'), 'test-geheim-van-minstens-16');
    seedZorgkantoorregios(db);
    seedDemoData(db);
    const sql = db.$client;
    regioIds = (sql.prepare('SELECT id FROM zorgkantoorregios ORDER BY id LIMIT 3').pluck().all() as number[]).slice(0, 3);
    actoren = [loadActorByEmail(db, DEMO.nza)!, loadActorByEmail(db, DEMO.advocaat)!, loadActorByEmail(db, DEMO.inhouse)!];
    organisatieIds = [actoren[1]!.organisatieId, actoren[2]!.organisatieId];
    // Four client records: two of the firm, one of the in-house department, one of the NZa (issue 28: each its owner's).
    const eigenaren = [organisatieIds[0]!, organisatieIds[1]!, organisatieIds[0]!, actoren[0]!.organisatieId];
    aanbiederIds = [];
    writeTransaction(db, () => {
      for (let i = 0; i < 4; i++) {
        const id = Number(
          sql
            .prepare('INSERT INTO zorgaanbieders (naam, kvk_nummer, organisatie_id) VALUES (?, ?, ?)')
            .run(`Cache-aanbieder ${i}`, String(70000000 + i), eigenaren[i]).lastInsertRowid,
        );
        aanbiederIds.push(id);
      }
    });
  });
  afterAll(() => {
    db.$client.close();
    rmSync(map, { recursive: true, force: true });
  });

  const pick = (tabel: string, welke: number, waar = '1 = 1'): number | undefined => {
    const ids = db.$client.prepare(`SELECT id FROM ${tabel} WHERE ${waar} ORDER BY id`).pluck().all() as number[];
    return ids.length === 0 ? undefined : ids[welke % ids.length];
  };

  const apply = (actie: Schrijfactie) => {
    const sql = db.$client;
    writeTransaction(db, () => {
      switch (actie.soort) {
        case 'tb-erbij':
          sql
            .prepare(
              'INSERT INTO tariefbeschikkingen (kenmerk, zorgaanbieder_id, organisatie_id, regio_id, jaar, soort, besluitdatum, bekendgemaakt) SELECT ?, id, organisatie_id, ?, ?, ?, ?, ? FROM zorgaanbieders WHERE id = ?',
            )
            .run(`CACHE-TB-${++volgnummer}`, regioIds[actie.regio], actie.jaar, actie.tbSoort, dag(actie.dag), dag(actie.dag), aanbiederIds[actie.aanbieder]);
          break;
        case 'tb-verschuif': {
          const id = pick('tariefbeschikkingen', actie.welke, "kenmerk LIKE 'CACHE-%'");
          if (id) sql.prepare('UPDATE tariefbeschikkingen SET besluitdatum = ?, bekendgemaakt = ? WHERE id = ?').run(dag(actie.dag), dag(actie.dag), id);
          break;
        }
        case 'tb-weg': {
          const id = pick(
            'tariefbeschikkingen',
            actie.welke,
            "kenmerk LIKE 'CACHE-%' AND id NOT IN (SELECT tariefbeschikking_id FROM zaken WHERE tariefbeschikking_id IS NOT NULL) AND id NOT IN (SELECT tariefbeschikking_id FROM ontvangen_beroepen WHERE tariefbeschikking_id IS NOT NULL)",
          );
          if (id) sql.prepare('DELETE FROM tariefbeschikkingen WHERE id = ?').run(id);
          break;
        }
        case 'cr-erbij': {
          const id = sql
            .prepare('INSERT INTO contracteerruimtebesluiten (kenmerk, soort, besluitdatum, bekendgemaakt) VALUES (?, ?, ?, ?)')
            .run(`CACHE-CR-${++volgnummer}`, actie.crSoort, dag(actie.dag), dag(actie.dag)).lastInsertRowid;
          for (let j = 0; j < actie.jaren; j++) {
            sql
              .prepare('INSERT INTO contracteerruimtebedragen (besluit_id, regio_id, jaar, bedrag_centen) VALUES (?, ?, ?, ?)')
              .run(id, regioIds[actie.regio], actie.jaar + j, 1_000_000);
          }
          break;
        }
        case 'cr-verschuif': {
          const id = pick('contracteerruimtebesluiten', actie.welke, "kenmerk LIKE 'CACHE-%'");
          if (id) sql.prepare('UPDATE contracteerruimtebesluiten SET besluitdatum = ?, bekendgemaakt = ? WHERE id = ?').run(dag(actie.dag), dag(actie.dag), id);
          break;
        }
        case 'cr-weg': {
          const id = pick(
            'contracteerruimtebesluiten',
            actie.welke,
            "kenmerk LIKE 'CACHE-%' AND id NOT IN (SELECT contracteerruimtebesluit_id FROM zaken WHERE contracteerruimtebesluit_id IS NOT NULL) AND id NOT IN (SELECT contracteerruimtebesluit_id FROM ontvangen_beroepen WHERE contracteerruimtebesluit_id IS NOT NULL)",
          );
          if (id) sql.prepare('DELETE FROM contracteerruimtebesluiten WHERE id = ?').run(id);
          break;
        }
        case 'beroep-erbij': {
          // Against a tariefbeschikking (even welke) or a contracteerruimtebesluit (odd), filed on a day after it.
          const tb = actie.welke % 2 === 0 ? pick('tariefbeschikkingen', actie.welke, "kenmerk LIKE 'CACHE-%'") : undefined;
          if (tb) {
            const r = sql.prepare('SELECT regio_id, jaar, zorgaanbieder_id, organisatie_id, bekendgemaakt FROM tariefbeschikkingen WHERE id = ?').get(tb) as {
              regio_id: number;
              jaar: number;
              zorgaanbieder_id: number;
              organisatie_id: number;
              bekendgemaakt: string;
            };
            const ingesteld = r.bekendgemaakt < dag(actie.dag) ? dag(actie.dag) : r.bekendgemaakt;
            // The owner's beroep: a case of counsel, or a beroep the NZa registered as received.
            if (r.organisatie_id === actoren[0]!.organisatieId) {
              sql
                .prepare(
                  'INSERT INTO ontvangen_beroepen (organisatie_id, cbb_zaaknummer, appellant, tariefbeschikking_id, regio_id, jaar, ingesteld) SELECT ?, ?, naam, ?, ?, ?, ? FROM zorgaanbieders WHERE id = ?',
                )
                .run(r.organisatie_id, `26/${++volgnummer}`, tb, r.regio_id, r.jaar, ingesteld, r.zorgaanbieder_id);
              break;
            }
            sql
              .prepare(
                "INSERT INTO zaken (soort, organisatie_id, zorgaanbieder_id, tariefbeschikking_id, regio_id, jaar, status, ingesteld) VALUES ('beroep', ?, ?, ?, ?, ?, 'ingediend', ?)",
              )
              .run(r.organisatie_id, r.zorgaanbieder_id, tb, r.regio_id, r.jaar, ingesteld);
            break;
          }
          const cr = pick('contracteerruimtebedragen', actie.welke, "besluit_id IN (SELECT id FROM contracteerruimtebesluiten WHERE kenmerk LIKE 'CACHE-%')");
          if (cr) {
            const r = sql.prepare('SELECT besluit_id, regio_id, jaar FROM contracteerruimtebedragen WHERE id = ?').get(cr) as {
              besluit_id: number;
              regio_id: number;
              jaar: number;
            };
            sql
              .prepare(
                "INSERT INTO zaken (soort, organisatie_id, contracteerruimtebesluit_id, regio_id, jaar, status, ingesteld) VALUES ('beroep', ?, ?, ?, ?, 'ingediend', ?)",
              )
              .run(organisatieIds[actie.organisatie], r.besluit_id, r.regio_id, r.jaar, dag(actie.dag));
            sql
              .prepare(
                "INSERT INTO ontvangen_beroepen (organisatie_id, cbb_zaaknummer, appellant, contracteerruimtebesluit_id, regio_id, jaar, ingesteld) VALUES (?, ?, 'Appellant', ?, ?, ?, ?)",
              )
              .run(actoren[0]!.organisatieId, `26/${++volgnummer}`, r.besluit_id, r.regio_id, r.jaar, dag(actie.dag));
          }
          break;
        }
        case 'beroep-afgerond': {
          const id = pick('zaken', actie.welke, "soort = 'beroep' AND status = 'ingediend'");
          if (id) sql.prepare("UPDATE zaken SET status = 'afgerond', afgerond = date(ingesteld, '+' || ? || ' days') WHERE id = ?").run(actie.dag, id);
          const ontvangen = pick('ontvangen_beroepen', actie.welke, 'afgerond IS NULL');
          if (ontvangen) sql.prepare("UPDATE ontvangen_beroepen SET afgerond = date(ingesteld, '+' || ? || ' days') WHERE id = ?").run(actie.dag, ontvangen);
          break;
        }
        case 'notitie': {
          const id = pick('zaken', actie.welke);
          if (id) sql.prepare("UPDATE zaken SET notities = notities || ' x' WHERE id = ?").run(id);
          break;
        }
        case 'aanbieder-hernoemd':
          sql
            .prepare('UPDATE zorgaanbieders SET naam = ? WHERE id = ?')
            .run(`Cache-aanbieder ${actie.aanbieder} (${++volgnummer})`, aanbiederIds[actie.aanbieder]);
          break;
      }
    });
  };

  const expectSameAsWholeComputation = (service: TermijnService) => {
    for (const actor of actoren) {
      for (const peildatum of PEILDATUMS) {
        const cache = service.computeVoorActor(actor, peildatum).uitkomst;
        const geheel = computeTermijnen(loadTermijnInvoer(db, actor, peildatum).invoer, CONFIG);
        expect(cache).toEqual(geheel);
        // The pages read the term columns and the tariefbeschikking index: they tell what the whole computation tells.
        const berekend = service.computeVoorActor(actor, peildatum);
        const geladen = loadTermijnInvoer(db, actor, peildatum);
        const tariefbeschikkingen = geladen.tariefbeschikkingen;
        // One besluit's terms through the cell index, as the API answers a registration.
        for (const b of [...geladen.invoer.besluiten.slice(0, 4), ...geladen.invoer.besluiten.slice(-4)]) {
          const van = (x: { besluit: string; besluitType: string }) => x.besluit === b.id && x.besluitType === b.type;
          expect(findBesluitTermijnen(berekend, b.type, b.id)).toEqual({
            termijnen: geheel.termijnen.filter(van),
            uitsluitingen: geheel.uitsluitingen.filter(van),
          });
        }
        expect(new Map(berekend.tariefbeschikkingen)).toEqual(tariefbeschikkingen);
        for (const filter of OVERZICHT_FILTERS) {
          expect(summarizeOverzicht(buildOverzicht(berekend, peildatum, filter, 25)), JSON.stringify(filter)).toEqual(
            referenceOverzicht(geheel, tariefbeschikkingen, peildatum, filter, 25),
          );
        }
      }
    }
  };

  it('after any sequence of writes, the cached result equals the whole computation, for every scope and peildatum', () => {
    const service = createTermijnService(db, CONFIG);
    fc.assert(
      // After some writes nothing reads the whole term list (a view of one cell, or no request): the next write finds
      // no merged list to merge into, and the list is merged whole when first read.
      fc.property(fc.array(fc.tuple(schrijfactie, fc.boolean()), { minLength: 1, maxLength: 12 }), (acties) => {
        for (const [k, [actie, lezen]] of acties.entries()) {
          const voor = service.computeVoorActor(actoren[0]!, PEILDATUMS[0]!);
          apply(actie);
          if (!lezen && k < acties.length - 1) continue;
          expectSameAsWholeComputation(service);
          // What a saved change moved, from the recomputed cells only, is what the two whole results differ in.
          const na = service.computeVoorActor(actoren[0]!, PEILDATUMS[0]!);
          const opVolgorde = (d: ReturnType<typeof diffTermijnen>) => ({
            termijnen: d.termijnen.map((t) => JSON.stringify(t)).sort(),
            status: d.status.map((x) => JSON.stringify(x)).sort(),
          });
          expect(opVolgorde(diffBerekend(voor, na))).toEqual(opVolgorde(diffTermijnen(voor.uitkomst, na.uitkomst)));
        }
      }),
      { numRuns: 20 },
    );
  }, 180_000);

  it('a write that changes no term input (a note) recomputes no cell; a tariefbeschikking recomputes only its own cell', () => {
    const service = createTermijnService(db, CONFIG);
    const nza = actoren[0]!;
    service.computeVoorActor(nza, '2026-11-22');
    const { celBerekeningen: na1, volledigeLadingen } = { ...service.telling };
    apply({ soort: 'notitie', welke: 0 });
    service.computeVoorActor(nza, '2026-11-22');
    expect(service.telling.celBerekeningen).toBe(na1);
    expect(service.telling.volledigeLadingen).toBe(volledigeLadingen);
    // A second tariefbeschikking of a party already in the region, later than its first: one cell moves, no more.
    apply({ soort: 'tb-erbij', regio: 0, jaar: 2026, aanbieder: 0, dag: 0, tbSoort: 'vaststelling' });
    service.computeVoorActor(nza, '2026-11-22');
    const na2 = service.telling.celBerekeningen;
    apply({ soort: 'tb-erbij', regio: 0, jaar: 2026, aanbieder: 0, dag: 700, tbSoort: 'vaststelling' });
    service.computeVoorActor(nza, '2026-11-22');
    expect(service.telling.celBerekeningen - na2).toBe(1);
    expect(service.telling.volledigeLadingen).toBe(volledigeLadingen);
  });

  it('a tariefbeschikking of another year that makes a party no newcomer in the region recomputes that region’s cells (art. 105 lid 4)', () => {
    const service = createTermijnService(db, CONFIG);
    const nza = actoren[0]!;
    const sql = db.$client;
    const regio = sql.prepare('SELECT id FROM zorgkantoorregios ORDER BY id LIMIT 1 OFFSET 5').pluck().get() as number;
    const aanbieder = Number(
      sql.prepare("INSERT INTO zorgaanbieders (naam, kvk_nummer, organisatie_id) VALUES ('Nieuwkomer B.V.', '71000001', ?)").run(nza.organisatieId)
        .lastInsertRowid,
    );
    writeTransaction(db, () => {
      // Lid 3: the 2027 contracteerruimte made known in 2026 opens on 1 March 2027; the window ends mid-April 2027.
      const cr = sql
        .prepare(
          "INSERT INTO contracteerruimtebesluiten (kenmerk, soort, besluitdatum, bekendgemaakt) VALUES ('NK-CR', 'vaststelling', '2026-06-01', '2026-06-01')",
        )
        .run();
      sql.prepare('INSERT INTO contracteerruimtebedragen (besluit_id, regio_id, jaar, bedrag_centen) VALUES (?, ?, 2027, 1)').run(cr.lastInsertRowid, regio);
      sql
        .prepare(
          "INSERT INTO tariefbeschikkingen (kenmerk, zorgaanbieder_id, organisatie_id, regio_id, jaar, soort, besluitdatum, bekendgemaakt) VALUES ('NK-TB-2027', ?, ?, ?, 2027, 'vaststelling', '2027-06-01', '2027-06-01')",
        )
        .run(aanbieder, nza.organisatieId, regio);
    });
    const uitsluiting = () =>
      service.computeVoorActor(nza, '2027-07-01').uitkomst.uitsluitingen.find((u) => u.besluit === 'NK-TB-2027' && u.reden === 'onherroepelijk');
    const termijn = () => service.computeVoorActor(nza, '2027-07-01').uitkomst.termijnen.find((t) => t.besluit === 'NK-TB-2027' && t.rechtsmiddel === 'beroep');
    // A newcomer after the window keeps its term (termijnregels §6, corrected 2026-12-07).
    expect(uitsluiting()).toBeUndefined();
    expect(termijn()!.twijfel).toContain('art. 1:2 Awb');
    // The same party had a tariefbeschikking in this region before the window ended (for 2026): no newcomer after all.
    writeTransaction(db, () =>
      sql
        .prepare(
          "INSERT INTO tariefbeschikkingen (kenmerk, zorgaanbieder_id, organisatie_id, regio_id, jaar, soort, besluitdatum, bekendgemaakt) VALUES ('NK-TB-2026', ?, ?, ?, 2026, 'vaststelling', '2026-02-01', '2026-02-01')",
        )
        .run(aanbieder, nza.organisatieId, regio),
    );
    expect(termijn()).toBeUndefined();
    expect(uitsluiting()).toMatchObject({ reden: 'onherroepelijk' });
    expect(service.computeVoorActor(nza, '2027-07-01').uitkomst).toEqual(computeTermijnen(loadTermijnInvoer(db, nza, '2027-07-01').invoer, CONFIG));
  });

  it('a new peildatum derives statuses from the same terms: no cell is recomputed, the term arrays are shared', () => {
    const service = createTermijnService(db, CONFIG);
    const nza = actoren[0]!;
    const eerste = service.computeVoorActor(nza, '2026-01-01');
    const cellen = service.telling.celBerekeningen;
    for (let i = 0; i < 30; i++) {
      const ander = service.computeVoorActor(nza, dag(i * 20));
      expect(ander.uitkomst.termijnen).toBe(eerste.uitkomst.termijnen);
    }
    expect(service.telling.celBerekeningen).toBe(cellen);
    expect(service.telling.peildatumAfleidingen).toBe(31);
  });

  it('refreshes the touched cells right after a write, before the next request asks', async () => {
    const service = createTermijnService(db, CONFIG);
    const nza = actoren[0]!;
    service.computeVoorActor(nza, '2026-11-22');
    const voor = service.telling.celBerekeningen;
    apply({ soort: 'cr-erbij', regio: 1, jaar: 2027, jaren: 1, dag: 300, crSoort: 'wijziging' });
    await new Promise((klaar) => setImmediate(klaar));
    expect(service.telling.celBerekeningen).toBeGreaterThan(voor);
    const klaar = service.telling.celBerekeningen;
    service.computeVoorActor(nza, '2026-11-22');
    expect(service.telling.celBerekeningen).toBe(klaar);
  });
});

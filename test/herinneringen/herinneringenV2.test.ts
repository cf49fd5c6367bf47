import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, DEMO, formulier } from '../support/testApp';
import { openDatabase } from '../../src/db/verbinding';
import { createOutboxVerzender, type Mail, type Verzender } from '../../src/mail/verzender';
import { createAfzender, planHerinneringen, sendVerschuldigde, type Afzender, type HerinneringDeps } from '../../src/herinneringen/herinneringService';
import { loadTeHerinneren } from '../../src/services/herinneringen/openTermijnen';
import { addDagen } from '../../src/domain/kalender/kalenderdatum';

/**
 * Issue 12.4 (reminders that survive change) and 14.2 (every open term reaches a person), on the real ledger and the
 * engine's terms of the demo data. E-mail goes to the embedded outbox (the table uitgaande_mail).
 */

let t: ReturnType<typeof createTestApp>;
let vandaag: string;
let nuMs: number;
let afzender: Afzender;
const mail = { afzender: 'Termijnbewaking <termijnen@test.local>', appUrl: 'http://app.test' };

beforeEach(() => {
  t = createTestApp();
  t.db.$client.exec(`UPDATE gebruikers SET weekoverzicht = 0`);
  vandaag = '2026-11-23';
  nuMs = Date.parse('2026-11-23T08:00:00Z');
  afzender = createAfzender(60_000);
});
afterEach(() => t.sluit());

const outbox = () => createOutboxVerzender(t.db, mail, mkdtempSync(join(tmpdir(), 'outbox-')));
const deps = (verzender: Verzender = outbox(), db = t.db): HerinneringDeps => ({
  db,
  termijnen: t.termijnen,
  verzender,
  mail,
  klok: { vandaag: () => vandaag, nuMs: () => nuMs },
  afzender,
});
async function ronde(d = deps()) {
  planHerinneringen(d);
  return sendVerschuldigde(d);
}
const verstuurd = () =>
  t.db.$client.prepare('SELECT aan, onderwerp, tekst FROM uitgaande_mail ORDER BY id').all() as { aan: string; onderwerp: string; tekst: string }[];
const rijen = (waar = '1 = 1') =>
  t.db.$client
    .prepare(`SELECT id, sleutel, soort, status, moment, einde, termijn, gebruiker_id AS gebruikerId FROM herinneringen WHERE ${waar} ORDER BY moment, id`)
    .all() as {
    id: number;
    sleutel: string;
    soort: string;
    status: string;
    moment: string;
    einde: string;
    termijn: string;
    gebruikerId: number;
  }[];
const post = (email: string, pad: string, velden: Record<string, string>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
const gebruikerId = (email: string) => (t.db.$client.prepare('SELECT id FROM gebruikers WHERE email = ?').get(email) as { id: number }).id;
const zetBekendmaking = (kenmerk: string, datum: string) =>
  t.db.$client.prepare('UPDATE tariefbeschikkingen SET besluitdatum = ?, bekendgemaakt = ? WHERE kenmerk = ?').run(datum, datum, kenmerk);

describe('a ledger that survives change (issue 12.4)', () => {
  beforeEach(() => {
    // Only the Heuvelrand cases (zaak 3: last day 11 December, zaak 4: 22 December) of s.bakker.
    t.db.$client.exec(`UPDATE zaken SET verantwoordelijke_id = NULL WHERE organisatie_id <> 3`);
  });

  it('reminds again when a date changes and changes back (the cancelled rows are revived)', async () => {
    await ronde();
    const voor = rijen("termijn = 'z4' AND status = 'gepland'").map((r) => r.sleutel);
    expect(voor.length).toBeGreaterThan(0);
    zetBekendmaking('NZa/TB/2026-1855', '2026-11-12'); // zaak 4's last day moves to 24 December
    planHerinneringen(deps());
    expect(rijen("termijn = 'z4' AND einde = '2026-12-22'").every((r) => r.status === 'vervallen' || r.soort === 'escalatie')).toBe(true);
    zetBekendmaking('NZa/TB/2026-1855', '2026-11-10'); // and back to 22 December
    expect(planHerinneringen(deps()).hersteld).toBeGreaterThan(0);
    expect(rijen("termijn = 'z4' AND status = 'gepland' AND einde = '2026-12-22'").map((r) => r.sleutel)).toEqual(expect.arrayContaining(voor));
    vandaag = '2026-12-02'; // 14 working days before 22 December
    nuMs = Date.parse('2026-12-02T08:00:00Z');
    await ronde();
    expect(verstuurd().filter((m) => m.onderwerp.includes('laatste dag 22 december 2026') && m.tekst.includes('/zaken/4'))).toHaveLength(1);
  });

  it('never sends twice after a schedule change, however the moments shift', async () => {
    vandaag = '2026-12-02';
    nuMs = Date.parse('2026-12-02T08:00:00Z');
    await ronde(); // zaak 4's 14-working-day reminder, and zaak 3's 7
    const na = verstuurd().length;
    expect(na).toBeGreaterThan(0);
    for (const schema of ['15, 14, 7, 3, 1, 0', '16, 10, 2', '14, 7, 3, 1, 0']) {
      expect((await post(DEMO.inhouse, '/instellingen', { schema, weekoverzicht: 'nee' })).status).toBe(303);
      const u = await ronde();
      expect(u.verzonden, schema).toBe(0);
    }
    expect(verstuurd()).toHaveLength(na);
  });

  it('records "verzonden" only once SMTP accepted and the row is committed; a lock right after SMTP sends nothing again', async () => {
    const ander = openDatabase(t.db.$client.name, 'test-geheim-van-minstens-16');
    const echt = outbox();
    let vergrendeld = false;
    const vergrendelt: Verzender = {
      soort: 'smtp',
      async send(m: Mail) {
        await echt.send(m);
        if (!vergrendeld) {
          ander.$client.exec('BEGIN IMMEDIATE'); // another process takes the write lock right after SMTP accepted
          vergrendeld = true;
        }
      },
    };
    t.db.$client.pragma('busy_timeout = 50');
    const u = await ronde(deps(vergrendelt)).catch((e: unknown) => e);
    // The round may stop at the lock; what SMTP accepted is not `verzonden` yet, and not `gepland` either.
    expect(verstuurd()).toHaveLength(1);
    expect(rijen("status = 'verzonden'")).toHaveLength(0);
    expect(rijen("status = 'bezig'")).toHaveLength(1);
    expect(u).toBeDefined();
    ander.$client.exec('COMMIT');
    ander.$client.close();
    t.db.$client.pragma('busy_timeout = 5000');
    await ronde(deps(echt));
    // Recorded now by the same sender, and never sent again.
    // One mail per person and subject (issue 30.1: without a default person every jurist and beheerder gets one).
    const onderwerpen = verstuurd().map((m) => `${m.aan} | ${m.onderwerp}`);
    expect(new Set(onderwerpen).size).toBe(onderwerpen.length);
    expect(rijen("status IN ('bezig', 'onzeker')")).toHaveLength(0);
    expect(rijen("status = 'verzonden'")).toHaveLength(onderwerpen.length);
  });

  it('an interrupted send is "onzeker" at /outbox, with "opnieuw versturen" and "was verzonden"', async () => {
    const sterft: Verzender = { soort: 'smtp', send: () => new Promise(() => {}) };
    planHerinneringen(deps(sterft));
    void sendVerschuldigde(deps(sterft)); // dies mid-send
    await expect.poll(() => rijen("status = 'bezig'").length).toBe(1);
    // Another process, once the lease of the dead one has run out.
    afzender = createAfzender(60_000);
    nuMs += 61_000;
    expect((await ronde()).onzeker).toBe(1);
    const [onzeker] = rijen("status = 'onzeker'");
    // Seen by a beheerder of the addressee's organisation; the other organisation's beheerder cannot touch it.
    const vanKantoor = t.db.$client.prepare('SELECT organisatie_id FROM gebruikers WHERE id = ?').pluck().get(onzeker!.gebruikerId) === 2;
    const [beheerder, ander] = vanKantoor ? [DEMO.beheerder, DEMO.inhouse] : [DEMO.inhouse, DEMO.beheerder];
    const pagina = await (await t.als(beheerder)('/outbox')).text();
    expect(pagina).toContain(`action="/outbox/${onzeker!.id}/opnieuw"`);
    expect(pagina).toContain('opnieuw versturen');
    expect(pagina).toContain(`action="/outbox/${onzeker!.id}/verzonden"`);
    expect(pagina).toContain('was verzonden');
    expect((await post(ander, `/outbox/${onzeker!.id}/opnieuw`, {})).status).toBe(404);

    const voor = verstuurd().length;
    expect((await post(beheerder, `/outbox/${onzeker!.id}/opnieuw`, {})).status).toBe(303);
    expect(t.db.$client.prepare('SELECT status FROM herinneringen WHERE id = ?').pluck().get(onzeker!.id)).toBe('gepland');
    await ronde();
    expect(t.db.$client.prepare('SELECT status FROM herinneringen WHERE id = ?').pluck().get(onzeker!.id)).toBe('verzonden');
    expect(verstuurd().length).toBe(voor + 1);

    // "was verzonden" on another interrupted one.
    const id = Number(
      t.db.$client
        .prepare(
          "INSERT INTO herinneringen (sleutel, soort, gebruiker_id, moment, status, termijn, einde) VALUES ('test-onzeker', 'herinnering', ?, '2026-11-20', 'onzeker', 'z3', '2026-12-11')",
        )
        .run(gebruikerId(DEMO.inhouse)).lastInsertRowid,
    );
    expect((await post(DEMO.inhouse, `/outbox/${id}/verzonden`, {})).status).toBe(303);
    expect(t.db.$client.prepare('SELECT status, fout FROM herinneringen WHERE id = ?').get(id)).toEqual({
      status: 'verzonden',
      fout: 'als verzonden bevestigd door mr. S. Bakker',
    });
    expect(await (await t.als(DEMO.inhouse)('/outbox?gedaan=verzonden')).text()).toContain('De herinnering staat nu als verzonden geregistreerd.');
  });

  it('only the holder of the lease sends: a second sender on the same file sends nothing until the lease expires', async () => {
    const tweede = openDatabase(t.db.$client.name, 'test-geheim-van-minstens-16');
    const eerste = await ronde();
    expect(eerste.geenLease).toBeUndefined();
    const ander = { ...deps(outbox(), tweede), afzender: createAfzender(60_000) };
    vandaag = '2026-12-02';
    nuMs += 30_000;
    expect((await ronde(ander)).geenLease).toBe(true);
    expect(rijen("status = 'verzonden'").length).toBeGreaterThan(0);
    nuMs += 61_000; // the first sender stopped renewing: the lease passes on
    const overgenomen = await ronde(ander);
    expect(overgenomen.geenLease).toBeUndefined();
    expect(overgenomen.verzonden).toBeGreaterThan(0);
    tweede.$client.close();
  });
});

describe('every open term reaches a person (issue 14.2)', () => {
  beforeEach(async () => {
    // Van Dam & Kuipers: j.kuipers is the default person, l.meijer the backup; a.vandam is the beheerder.
    const r = await post(DEMO.beheerder, '/instellingen/verantwoordelijken', {
      standaard: String(gebruikerId(DEMO.advocaat)),
      reserve: String(gebruikerId(DEMO.lezer)),
    });
    expect(r.status).toBe(303);
    t.db.$client.exec(`UPDATE zaken SET verantwoordelijke_id = NULL WHERE organisatie_id <> 2`);
  });

  it('the settings page sets them, for the beheerder only, and only members', async () => {
    const pagina = await (await t.als(DEMO.beheerder)('/instellingen')).text();
    expect(pagina).toContain('Verantwoordelijken voor herinneringen');
    expect(pagina).toMatch(new RegExp(`<option value="${gebruikerId(DEMO.advocaat)}" selected>`));
    expect(await (await t.als(DEMO.advocaat)('/instellingen')).text()).not.toContain('Verantwoordelijken voor herinneringen');
    expect((await post(DEMO.advocaat, '/instellingen/verantwoordelijken', { standaard: '' })).status).toBe(403);
    const vreemd = await post(DEMO.beheerder, '/instellingen/verantwoordelijken', { standaard: String(gebruikerId(DEMO.inhouse)), reserve: '' });
    expect(vreemd.status).toBe(422);
    expect(await vreemd.text()).toContain('Kies een lid van uw organisatie');
  });

  it("reminds the griffier's hersteltermijn of a case (issue 13: a term a filing leaves behind), the date as set, and escalates it unseen", async () => {
    const zaak = t.db.$client
      .prepare(
        `SELECT z.id FROM zaken z JOIN gebruikers g ON g.organisatie_id = z.organisatie_id WHERE g.email = ? AND z.soort = 'beroep' ORDER BY z.id LIMIT 1`,
      )
      .pluck()
      .get(DEMO.advocaat) as number;
    t.db.$client.prepare('UPDATE zaken SET verantwoordelijke_id = (SELECT id FROM gebruikers WHERE email = ?) WHERE id = ?').run(DEMO.advocaat, zaak);
    // The griffier's letter of 20 November sets Sunday 29 November: a griffier's term is not moved by the Atw (art. 6:6 Awb).
    const r = await post(DEMO.advocaat, `/zaken/${zaak}/documenten/termijn`, { termijnSoort: 'hersteltermijn', brief: '20-11-2026', einde: '29-11-2026' });
    expect(r.status).toBe(303);
    await ronde();
    const herinnering = verstuurd().filter((m) => m.onderwerp.startsWith('Herinnering: gronden aanvullen'));
    expect(herinnering.map((m) => [m.aan, m.onderwerp])).toEqual([
      [DEMO.advocaat, expect.stringContaining('laatste dag 29 november 2026') as unknown as string],
    ]);
    expect(herinnering[0]!.tekst).toContain('Deze termijn is door de griffier gesteld; de Algemene termijnenwet verschuift hem niet.');
    expect(herinnering[0]!.tekst).toContain(`Zaak: http://app.test/zaken/${zaak}`);
    expect(herinnering[0]!.tekst).toMatch(/Markeer deze herinnering als gezien: http:\/\/app\.test\/herinneringen\/\d+/);
    // Not marked seen two working days before (Thursday 26 November): the backup and the beheerders are told, once.
    vandaag = '2026-11-26';
    nuMs = Date.parse('2026-11-26T08:00:00Z');
    await ronde();
    await ronde();
    const escalaties = verstuurd().filter((m) => m.onderwerp.startsWith('Niet gezien: gronden aanvullen'));
    expect(escalaties.length).toBeGreaterThan(0);
    expect(new Set(escalaties.map((m) => m.aan)).size).toBe(escalaties.length);
    expect(escalaties.map((m) => m.aan)).toContain(DEMO.beheerder);
    expect(escalaties[0]!.tekst).toContain('De herinnering voor deze termijn aan mr. J. Kuipers is nog niet als gezien gemarkeerd.');
  });

  it('reminds a term without a case, and escalates it to the backup and the beheerder when not marked seen', async () => {
    // Amstelhof's beroep against tariefbeschikking NZa/TB/2026-1744 (Amsterdam 2026) has no case: last day 1 December.
    const zonderZaak = loadTeHerinneren(t.db, t.termijnen, vandaag).find((o) => !o.zaak && o.termijn.besluit === 'NZa/TB/2026-1744')!;
    expect(zonderZaak.ontvangers).toEqual({ personen: [expect.objectContaining({ email: DEMO.advocaat })], via: 'standaardverantwoordelijke' });
    expect(zonderZaak.termijn.einde).toBe('2026-12-01');
    await ronde();
    const herinnering = verstuurd().find((m) => m.aan === DEMO.advocaat && m.onderwerp.includes('beroep bij het CBb') && m.tekst.includes('NZa/TB/2026-1744'))!;
    expect(herinnering.onderwerp).toMatch(/^Herinnering: .* Amsterdam 2026 — laatste dag 1 december 2026/);
    expect(herinnering.tekst).toContain('Voor deze termijn is nog geen zaak geopend');
    expect(herinnering.tekst).toMatch(/Markeer deze herinnering als gezien: http:\/\/app\.test\/herinneringen\/\d+/);
    expect(verstuurd().filter((m) => m.onderwerp.startsWith('Niet gezien'))).toEqual([]);

    vandaag = '2026-11-27'; // two working days before Tuesday 1 December: not marked seen
    nuMs = Date.parse('2026-11-27T08:00:00Z');
    await ronde();
    const escalaties = verstuurd().filter((m) => m.onderwerp.startsWith('Niet gezien: beroep bij het CBb') && m.tekst.includes('NZa/TB/2026-1744'));
    expect(
      escalaties.every((m) =>
        m.onderwerp.startsWith('Niet gezien: beroep bij het CBb tegen de contracteerruimte Amsterdam 2026 — laatste dag 1 december 2026'),
      ),
    ).toBe(true);
    expect(escalaties.map((m) => m.aan).sort()).toEqual([DEMO.beheerder, DEMO.lezer].sort());
    expect(escalaties[0]!.tekst).toContain('De herinnering voor deze termijn aan mr. J. Kuipers is nog niet als gezien gemarkeerd.');
    // Each once.
    await ronde();
    expect(verstuurd().filter((m) => m.onderwerp.startsWith('Niet gezien: beroep bij het CBb') && m.tekst.includes('NZa/TB/2026-1744'))).toHaveLength(2);
  });

  it('a reminder marked "gezien" (link in the mail, button in the app) is not escalated', async () => {
    await ronde();
    const herinnering = verstuurd().find((m) => m.aan === DEMO.advocaat && m.onderwerp.includes('beroep bij het CBb') && m.tekst.includes('NZa/TB/2026-1744'))!;
    const id = /\/herinneringen\/(\d+)/.exec(herinnering.tekst)![1]!;
    const lijst = await (await t.als(DEMO.advocaat)('/herinneringen')).text();
    expect(lijst).toContain(`action="/herinneringen/${id}/gezien"`);
    const pagina = await (await t.als(DEMO.advocaat)(`/herinneringen/${id}`)).text();
    expect(pagina).toContain('laatste dag'.replace('l', 'L'));
    expect((await t.als(DEMO.inhouse)(`/herinneringen/${id}`)).status).toBe(404); // another organisation
    const r = await post(DEMO.advocaat, `/herinneringen/${id}/gezien`, {});
    expect(r.status).toBe(303);
    expect(await (await t.als(DEMO.advocaat)('/herinneringen?gezien=1')).text()).toContain('als gezien gemarkeerd');
    vandaag = '2026-11-27';
    nuMs = Date.parse('2026-11-27T08:00:00Z');
    await ronde();
    expect(verstuurd().filter((m) => m.onderwerp.startsWith('Niet gezien: beroep bij het CBb') && m.tekst.includes('NZa/TB/2026-1744'))).toEqual([]);
    expect(rijen("soort = 'escalatie' AND termijn LIKE '%2026-1744%'").every((x) => x.status === 'overgeslagen')).toBe(true);
  });
});

describe('property: date changes, schedule changes, crashes and restarts never drop or double a reminder', () => {
  type Stap =
    | { soort: 'dagen'; n: number }
    | { soort: 'datum'; bekendgemaakt: string }
    | { soort: 'schema'; schema: string }
    | { soort: 'crash'; na: boolean }
    | { soort: 'herstart' }
    | { soort: 'ronde' };
  const stap: fc.Arbitrary<Stap> = fc.oneof(
    fc.record({ soort: fc.constant('dagen' as const), n: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ soort: fc.constant('datum' as const), bekendgemaakt: fc.constantFrom('2026-11-10', '2026-11-12', '2026-11-05', '2026-11-17') }),
    fc.record({ soort: fc.constant('schema' as const), schema: fc.constantFrom('14,7,3,1,0', '15,14,7', '10,5,2,0', '3,1', '20,12,6,1') }),
    fc.record({ soort: fc.constant('crash' as const), na: fc.boolean() }),
    fc.record({ soort: fc.constant('herstart' as const) }),
    fc.record({ soort: fc.constant('ronde' as const) }),
  );

  it('every due reminder is sent exactly once or marked onzeker; a moment is never sent at or before one already sent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stap, { minLength: 3, maxLength: 14 }), async (stappen) => {
        t.sluit();
        t = createTestApp();
        t.db.$client.exec(`UPDATE gebruikers SET weekoverzicht = 0; UPDATE zaken SET verantwoordelijke_id = NULL WHERE organisatie_id <> 3;
          UPDATE organisaties SET standaard_verantwoordelijke_id = (SELECT id FROM gebruikers WHERE email = '${DEMO.inhouse}') WHERE id = 3`);
        vandaag = '2026-11-23';
        nuMs = Date.parse('2026-11-23T08:00:00Z');
        afzender = createAfzender(60_000);
        // What SMTP accepted, by row (the Message-ID names the row).
        const geleverd: { rij: number; op: string }[] = [];
        const smtp = (hangen: 'nooit' | 'voor' | 'na'): Verzender => ({
          soort: 'smtp',
          async send(m) {
            if (hangen === 'voor') return new Promise(() => {});
            geleverd.push({ rij: Number(/herinnering-(\d+)@/.exec(m.messageId)![1]), op: vandaag });
            if (hangen === 'na') return new Promise(() => {});
          },
        });
        const herstart = () => {
          afzender = createAfzender(60_000);
          nuMs += 61_000;
        };
        const gewoneRonde = async () => {
          const u = await ronde(deps(smtp('nooit')));
          expect(u.geenLease).toBeUndefined();
          // Not silently dropped: every current term with a moment due now has a reminder sent or marked onzeker.
          for (const o of loadTeHerinneren(t.db, t.termijnen, vandaag)) {
            const due = rijen(
              `soort = 'herinnering' AND termijn = '${o.termijnSleutel}' AND einde = '${o.termijn.einde}' AND moment <= '${vandaag}' AND status <> 'vervallen'`,
            );
            if (due.length === 0) continue;
            expect(
              due.some((r) => r.status === 'verzonden' || r.status === 'onzeker'),
              `${o.termijnSleutel} ${o.termijn.einde} ${vandaag}`,
            ).toBe(true);
            expect(due.filter((r) => r.status === 'gepland')).toEqual([]);
          }
        };
        for (const s of [...stappen, { soort: 'ronde' } as Stap]) {
          if (s.soort === 'dagen') {
            vandaag = addDagen(vandaag, s.n);
            nuMs = Math.max(nuMs + 1000, Date.parse(`${vandaag}T08:00:00Z`));
          } else if (s.soort === 'datum') zetBekendmaking('NZa/TB/2026-1855', s.bekendgemaakt);
          else if (s.soort === 'schema') t.db.$client.prepare('UPDATE gebruikers SET herinneringsschema = ? WHERE email = ?').run(s.schema, DEMO.inhouse);
          else if (s.soort === 'crash') {
            const d = deps(smtp(s.na ? 'na' : 'voor'));
            planHerinneringen(d);
            void sendVerschuldigde(d); // the process dies during its first send (or finds nothing to send)
            await new Promise((r) => setTimeout(r, 20));
            herstart();
          } else if (s.soort === 'herstart') herstart();
          else await gewoneRonde();
        }
        // Exactly once: no row's e-mail accepted twice; "verzonden" only for what was accepted; accepted is never lost.
        const perRij = new Map<number, number>();
        for (const g of geleverd) perRij.set(g.rij, (perRij.get(g.rij) ?? 0) + 1);
        expect([...perRij.values()].filter((n) => n > 1)).toEqual([]);
        const status = new Map(rijen().map((r) => [r.id, r]));
        for (const r of status.values()) if (r.status === 'verzonden') expect(perRij.has(r.id), `row ${r.sleutel} verzonden but never accepted`).toBe(true);
        for (const id of perRij.keys()) expect(['verzonden', 'onzeker']).toContain(status.get(id)!.status);
        // A schedule or date change never sends a moment at or before one already sent for the same term and last day.
        const laatste = new Map<string, string>();
        for (const g of geleverd) {
          const r = status.get(g.rij)!;
          const k = `${r.soort}|${r.termijn}|${r.einde}|${r.gebruikerId}`;
          expect(r.moment > (laatste.get(k) ?? ''), `${r.sleutel} after ${laatste.get(k)}`).toBe(true);
          laatste.set(k, r.moment);
        }
        // Skipped only when covered by a later one sent (or possibly sent) for the same term.
        for (const r of status.values()) {
          if (r.status !== 'overgeslagen' || r.soort !== 'herinnering') continue;
          const dekking = [...status.values()].some(
            (x) =>
              x.soort === r.soort &&
              x.termijn === r.termijn &&
              x.einde === r.einde &&
              x.gebruikerId === r.gebruikerId &&
              x.moment >= r.moment &&
              ['verzonden', 'onzeker'].includes(x.status),
          );
          expect(dekking, `${r.sleutel} skipped without cover`).toBe(true);
        }
      }),
      { numRuns: Number(process.env.HERINNERING_RUNS ?? 12) },
    );
  }, 240_000);
});

import { findEigenTariefbeschikking } from '../support/demoGegevens';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import ical from 'node-ical';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, DEMO, formulier } from '../support/testApp';
import { startTestSmtp, type TestSmtp } from '../support/testSmtp';
import { openDatabase } from '../../src/db/verbinding';
import { createOutboxVerzender, createSmtpVerzender, type Verzender } from '../../src/mail/verzender';
import { createAfzender, planHerinneringen, sendVerschuldigde, type HerinneringDeps } from '../../src/herinneringen/herinneringService';
import type { MailConfig } from '../../src/mail/mailConfig';

// A real SMTP server on loopback that keeps what arrives, and can be told to refuse.
let smtp: TestSmtp;
let poort: number;
let ontvangen: Buffer[] = [];
let weigeren = false;
beforeAll(async () => {
  smtp = await startTestSmtp((bericht, klaar) => {
    if (weigeren) return klaar(Object.assign(new Error('Tijdelijk niet beschikbaar'), { responseCode: 451 }));
    ontvangen.push(bericht);
    klaar();
  });
  poort = smtp.poort;
});
afterAll(() => smtp.sluit());

let t: ReturnType<typeof createTestApp>;
let vandaag: string;
let nuMs: number;
beforeEach(() => {
  t = createTestApp();
  // These tests follow the terms of mr. S. Bakker's organisation (its two cases, and its terms without a case, which
  // reach her as its only member: issue 30.1). Every open term is reminded to someone, so the other counsel
  // organisation's cases and tariefbeschikkingen are taken out of this database; the demo digest stays out.
  t.db.$client.exec(`UPDATE gebruikers SET weekoverzicht = 0;
    DELETE FROM zaakgebeurtenissen WHERE zaak_id IN (SELECT id FROM zaken WHERE organisatie_id = 2);
    DELETE FROM zaken WHERE organisatie_id = 2;
    DELETE FROM tariefbeschikkingen WHERE organisatie_id = 2;`);
  ontvangen = [];
  weigeren = false;
  vandaag = '2026-11-23';
  nuMs = Date.parse('2026-11-23T08:00:00Z');
});
afterEach(() => t.sluit());

const config = (): MailConfig => ({
  smtp: { host: '127.0.0.1', port: poort, secure: false },
  afzender: 'Termijnbewaking <termijnen@test.local>',
  appUrl: 'http://app.test',
});
const deps = (verzender: Verzender = createSmtpVerzender({ ...config(), smtp: config().smtp! }), db = t.db): HerinneringDeps => ({
  db,
  termijnen: t.termijnen,
  verzender,
  mail: config(),
  klok: { vandaag: () => vandaag, nuMs: () => nuMs },
});
async function ronde(d = deps()) {
  planHerinneringen(d);
  return sendVerschuldigde(d);
}
const mails = () => Promise.all(ontvangen.map((m) => simpleParser(m)));
const status = () =>
  t.db.$client.prepare(`SELECT sleutel, status, pogingen FROM herinneringen WHERE soort = 'herinnering' ORDER BY moment`).all() as {
    sleutel: string;
    status: string;
    pogingen: number;
  }[];

describe('reminders by e-mail', () => {
  it('sends the reminder that is due, in Dutch, with text and HTML, a link to the case and an .ics attachment', async () => {
    // Zaak 3 (bezwaar against the sluittarief, last day Friday 11 December 2026): 14 working days before is Monday 23 November.
    const u = await ronde();
    expect(u.verzonden).toBe(1);
    const [mail] = (await mails()) as [ParsedMail];
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(DEMO.inhouse);
    expect(mail.subject).toBe('Herinnering: bezwaar bij de NZa tegen de tariefbeschikking Utrecht 2024 — laatste dag 11 december 2026 (nog 18 dagen)');
    expect(mail.text).toContain('Laatste dag: vrijdag 11 december 2026');
    expect(mail.text).toContain('Besluit: NZa/TB/2026-1810');
    expect(mail.text).toContain('Grondslag: art. 6:7 Awb, art. 6:8 lid 1 Awb');
    expect(mail.text).toContain('Zaak: http://app.test/zaken/3');
    expect(mail.html).toContain('<strong>vrijdag 11 december 2026</strong>');
    expect(mail.messageId).toMatch(/^<herinnering-\d+@termijnbewaking\.local>$/);
    const bijlage = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
    const agenda = Object.values(ical.sync.parseICS(bijlage.content.toString('utf8'))).filter((x) => x?.type === 'VEVENT');
    expect(agenda).toHaveLength(1);
    expect((agenda[0] as ical.VEvent).uid).toBe('zaak-3-bezwaar@termijnbewaking');
    expect((agenda[0] as ical.VEvent).start.toISOString().slice(0, 10)).toBe('2026-12-11');

    // Running again the same day sends nothing more.
    expect((await ronde()).verzonden).toBe(0);
    expect(ontvangen).toHaveLength(1);
  });

  it('sends each later moment once, and stops when the case is registered as filed', async () => {
    await ronde();
    // 7 working days before 11 December (zaak 3), 14 before 22 December: zaak 4's beroep, and the bezwaar against
    // NZa/TB/2026-1855 for which no case was opened (reminded all the same, issue 30.1): without a case or a standaard-
    // verantwoordelijke, to each of the department's beheerder and two jurists.
    vandaag = '2026-12-02';
    expect((await ronde()).verzonden).toBe(5);
    expect((await mails()).filter((m) => m.text?.includes('Voor deze termijn is nog geen zaak geopend'))).toHaveLength(3);
    await t.als(DEMO.inhouse)('/zaken/3/ingesteld', {
      method: 'POST',
      // Filed on a day the app (pinned to 22 November) already knows: a filing date after today is refused.
      body: formulier({ ingesteld: '20-11-2026' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    vandaag = '2026-12-08'; // 3 working days before 11 December: zaak 3 is filed now
    expect((await ronde()).verzonden).toBe(0);
    expect(status().filter((s) => s.sleutel.startsWith('h:z3:') && s.status === 'gepland')).toEqual([]);
    expect(ontvangen).toHaveLength(6);
  });

  it('after the job was killed between sending and recording, a restart sends no duplicate', async () => {
    const echt = createSmtpVerzender({ ...config(), smtp: config().smtp! });
    const sterft: Verzender = {
      soort: 'smtp',
      send: async (m) => {
        await echt.send(m);
        await new Promise(() => {});
      },
    };
    planHerinneringen(deps(sterft));
    void sendVerschuldigde(deps(sterft)); // the process "dies" after SMTP accepted the message
    await expect.poll(() => ontvangen.length).toBe(1);
    // Restart: a new process on a fresh connection, after the dead one's sender lease expired.
    const herstart = openDatabase(t.db.$client.name, 'test-geheim-van-minstens-16');
    nuMs += 11 * 60_000;
    const u = await ronde({ ...deps(echt, herstart), afzender: createAfzender() });
    expect(u).toMatchObject({ verzonden: 0, onzeker: 1 });
    await new Promise((r) => setTimeout(r, 200));
    expect(ontvangen).toHaveLength(1);
    const pagina = await (await t.als(DEMO.inhouse)('/outbox')).text();
    expect(pagina).toContain('onzeker');
    herstart.$client.close();
  });

  it('after downtime past several reminder moments, sends exactly one plain catch-up e-mail per term', async () => {
    await ronde();
    vandaag = '2026-12-17'; // down since 23 November: zaak 4's 14, 7 and 3 working-day moments all passed
    const u = await ronde();
    // One per term and person: zaak 4's beroep, and the bezwaar against NZa/TB/2026-1855 that has no case (both 22
    // December; the latter to the beheerder and the two jurists).
    expect(u.verzonden).toBe(4);
    const inhaal = (await mails()).find((m) => m.subject?.startsWith('Herinnering: beroep bij het CBb'));
    // Plain, not alarming: the usual subject; the body says once, calmly, that moments were taken together.
    expect(inhaal!.subject).toMatch(/^Herinnering: beroep bij het CBb tegen de contracteerruimte Utrecht 2026 — laatste dag 22 december 2026/);
    expect(inhaal!.text).toContain('Eerdere herinneringsmomenten voor deze termijn zijn in deze ene herinnering samengenomen.');
    expect(inhaal!.text).not.toMatch(/inhaal|dringend|te laat/i);
    expect(
      status()
        .filter((s) => s.sleutel.startsWith('h:z4:'))
        .map((s) => s.status),
    ).toEqual(['overgeslagen', 'overgeslagen', 'verzonden', 'gepland', 'gepland']);
  });

  it('retries SMTP failures with backoff and shows the failure in the app after the last attempt', async () => {
    weigeren = true;
    const eerste = await ronde();
    expect(eerste).toMatchObject({ verzonden: 0, opnieuw: 1 });
    expect((await ronde()).opnieuw).toBe(0); // not before the backoff has passed
    for (const wacht of [1, 5, 30, 120]) {
      nuMs += wacht * 60_000 + 1000;
      await ronde();
    }
    const rij = status().find((s) => s.sleutel.startsWith('h:z3:'))!;
    expect(rij).toMatchObject({ status: 'mislukt', pogingen: 5 });
    expect(ontvangen).toHaveLength(0);
    const pagina = await (await t.als(DEMO.inhouse)('/outbox')).text();
    expect(pagina).toContain('mislukt na 5 pogingen');
    expect(pagina).toContain('Tijdelijk niet beschikbaar');
  });

  it('two instances at once send each reminder once', async () => {
    vandaag = '2026-12-02';
    planHerinneringen(deps());
    const tweede = openDatabase(t.db.$client.name, 'test-geheim-van-minstens-16');
    const [a, b] = await Promise.all([
      sendVerschuldigde({ ...deps(), afzender: createAfzender() }),
      sendVerschuldigde({ ...deps(undefined, tweede), afzender: createAfzender() }),
    ]);
    expect([a.geenLease, b.geenLease].filter(Boolean)).toHaveLength(1); // one holds the sender lease, the other sends nothing
    // Zaak 3, zaak 4, and the case-less bezwaar to the in-house beheerder and its two jurists: five, each once.
    expect(a.verzonden + b.verzonden).toBe(5);
    expect(ontvangen).toHaveLength(5);
    expect(new Set((await mails()).map((m) => m.messageId)).size).toBe(5);
    tweede.$client.close();
  });

  it('with no SMTP configured, e-mails go to the outbox in the database and as .eml files', async () => {
    const map = mkdtempSync(join(tmpdir(), 'outbox-'));
    const outbox = createOutboxVerzender(t.db, { afzender: 'x <x@test.local>', appUrl: 'http://app.test' }, map);
    expect((await ronde(deps(outbox))).verzonden).toBe(1);
    const bestanden = readdirSync(map);
    expect(bestanden).toHaveLength(1);
    expect(existsSync(join(map, bestanden[0]!))).toBe(true);
    const pagina = await (await t.als(DEMO.inhouse)('/outbox')).text();
    expect(pagina).toContain('Herinnering: bezwaar bij de NZa');
    const id = /href="\/outbox\/(\d+)\.eml"/.exec(pagina)![1];
    const eml = await (await t.als(DEMO.inhouse)(`/outbox/${id}.eml`)).text();
    expect((await simpleParser(eml)).subject).toContain('laatste dag 11 december 2026');
    expect((await t.als(DEMO.beheerder)(`/outbox/${id}.eml`)).status).toBe(404); // another organisation’s mail
  });

  it('sends the weekly digest on Monday to users who want it', async () => {
    t.db.$client.prepare(`UPDATE gebruikers SET weekoverzicht = 1 WHERE email = ?`).run(DEMO.inhouse);
    await ronde();
    const digest = (await mails()).find((m) => m.subject?.startsWith('Weekoverzicht'))!;
    expect(digest.text).toContain('Deze termijnen lopen de komende 21 dagen af');
    expect(digest.text).toContain('11 december 2026');
    expect(digest.text).not.toContain('22 december 2026');
    // Issue 14, four-eyes check: the fatal dates in the window nobody confirmed yet are flagged in the digest.
    const controle = digest.text!.split('Nog niet gecontroleerd door een tweede jurist')[1];
    expect(controle, 'the digest flags unconfirmed fatal dates').toBeDefined();
    expect(controle).toContain('11 december 2026');
    expect(digest.html).toContain('Nog niet gecontroleerd door een tweede jurist');
  });
});

describe('calendar feed', () => {
  it("lists every open term of the organisation's clients (case or not) as an all-day event with its afleiding; a moved date keeps the UID", async () => {
    const instellingen = await (await t.als(DEMO.inhouse)('/instellingen/agenda-token', { method: 'POST' })).text();
    const pad = /http:\/\/app\.test(\/agenda\/[A-Za-z0-9_-]+\.ics)/.exec(instellingen)![1]!;
    const feed = await (await t.app.request(pad)).text();
    expect(feed).toContain('BEGIN:VALARM');
    const events = () => Object.values(ical.sync.parseICS(feed)).filter((x): x is ical.VEvent => x?.type === 'VEVENT');
    // Issue 14: zaak 3 (bezwaar, 11 December) and zaak 4 (beroep, 22 December), the bezwaar against NZa/TB/2026-1855
    // that has no case, and the lid-3 windows of the client's region: no longer only the terms with a case.
    expect(
      events()
        .map((e) => [e.start.toISOString().slice(0, 10), (e.start as { dateOnly?: boolean }).dateOnly])
        .sort(),
    ).toEqual([
      ['2026-12-11', true],
      ['2026-12-22', true],
      ['2026-12-22', true],
      ['2027-04-12', true],
      ['2027-04-12', true],
      ['2027-04-12', true],
    ]);
    expect(events().every((e) => /^termijn-[0-9a-f]{32}@termijnbewaking$/.test(e.uid))).toBe(true);
    expect(events().every((e) => String(e.description).includes('Hoe is deze datum berekend?'))).toBe(true);
    expect(feed.split('\r\n').every((r) => Buffer.byteLength(r) <= 75)).toBe(true);
    const beroep = events().find((e) => String(e.summary).startsWith('Laatste dag beroep CBb') && String(e.summary).includes('Utrecht 2026'))!;
    expect(beroep.start.toISOString().slice(0, 10)).toBe('2026-12-22');

    // Move the bekendmaking of the tariefbeschikking behind zaak 4: the event moves, its UID stays.
    const tbId = findEigenTariefbeschikking(t.db.$client, 'NZa/TB/2026-1855', 'Stichting Zorggroep Heuvelrand');
    await t.als(DEMO.inhouse)(`/besluiten/tariefbeschikking/${tbId}/bewerken`, {
      method: 'POST',
      body: formulier({ besluitdatum: '06-11-2026', bekendgemaakt: '12-11-2026' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const na = Object.values(ical.sync.parseICS(await (await t.app.request(pad)).text())).filter((x): x is ical.VEvent => x?.type === 'VEVENT');
    expect(
      na
        .find((e) => e.uid === beroep.uid)!
        .start.toISOString()
        .slice(0, 10),
    ).toBe('2026-12-24');

    // Pending reminders moved with it.
    planHerinneringen(deps());
    expect(
      status()
        .filter((s) => s.sleutel.startsWith('h:z4:') && s.status === 'gepland')
        .every((s) => s.sleutel.includes(':e2026-12-24:')),
    ).toBe(true);

    // A new link revokes the old one.
    await t.als(DEMO.inhouse)('/instellingen/agenda-token', { method: 'POST' });
    expect((await t.app.request(pad)).status).toBe(404);
  });

  it('offers one .ics per term, and refuses unknown tokens', async () => {
    const ics = await (await t.als(DEMO.inhouse)('/zaken/4/termijn.ics')).text();
    const [event] = Object.values(ical.sync.parseICS(ics)).filter((x): x is ical.VEvent => x?.type === 'VEVENT');
    expect(event!.uid).toBe('zaak-4-beroep@termijnbewaking');
    expect(event!.summary).toContain('Laatste dag beroep CBb: Utrecht 2026');
    expect((await t.app.request('/agenda/raden-lukt-niet-aaaaaaaaaa.ics')).status).toBe(404);
  });
});

import { readXlsxWaarden } from '../support/xlsx';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDagen } from '../../src/domain/kalender/kalenderdatum';
import { formatRegioJaarPad } from '../../src/opmaak/opmaak';
import { createOutboxVerzender } from '../../src/mail/verzender';
import { planHerinneringen, sendVerschuldigde, type HerinneringDeps } from '../../src/herinneringen/herinneringService';
import { createTestApp, DEMO, DEMO_AMSTELHOF, DEMO_AMSTELHOF_BESLUIT, formulier } from '../support/testApp';

/**
 * Issue 28, point 2: non-interference. Whatever another organisation writes — client records with the same KvK number,
 * tariefbeschikkingen with the same kenmerk or for the same KvK, date edits of its own tariefbeschikkingen, imports,
 * cases opened, beroepen filed, notes, filing data and generated filings, the NZa's received beroepen, four-eyes checks,
 * and attempts on organisation A's own rows — A's pages, API answers, exports, calendar feed, reminders (rows and
 * e-mails) and generated filings stay byte for byte the same. Checked for A = the law firm, the in-house department
 * and the NZa in turn, over random multi-organisation data (A writes too, before its outputs are taken).
 * Contracteerruimtebesluiten are public facts: the NZa's writes of those change everyone's view by design, so they
 * are not among the "other" writes here.
 *
 * Stripped, because they are the wall clock at the moment of the request and no data: the DTSTAMP of calendar events
 * (RFC 5545: when the feed was generated) and the created/modified stamps of a generated .docx (docProps/core.xml).
 * Nothing else: the session's CSRF token is fixed for the session and the pages carry no nonce.
 */

const VANDAAG = '2026-11-22';
/** Seed-able: NIET_INTERFERENTIE_SEED=123 npx vitest run test/server/nietInterferentie.test.ts */
const SEED = Number(process.env.NIET_INTERFERENTIE_SEED ?? 28);
const RUNS = Number(process.env.NIET_INTERFERENTIE_RUNS ?? 8);

type App = ReturnType<typeof createTestApp>;
const apps = new Set<App>();
const mappen: string[] = [];
afterEach(() => {
  for (const a of apps) a.sluit();
  apps.clear();
});
afterAll(() => {
  for (const m of mappen) rmSync(m, { recursive: true, force: true });
});

/** The three organisations of the demo, one writer each (a jurist). */
const SCHRIJVERS = [DEMO.nza, DEMO.advocaat, DEMO.inhouse] as const;
type Schrijver = (typeof SCHRIJVERS)[number];

// Pools that make collisions likely: the demo's KvK numbers and kenmerken, plus a few new ones.
const KVKS = ['90000002', '90000003', '90000004', '90000005', '90000006', '91000001', '91000002'];
const KENMERKEN = ['NZa/TB/2026-0412', 'NZa/TB/2026-0188', 'NZa/TB/2026-1744', 'NZa/TB/2026-1855', 'NZa/TB/2026-9001', 'NZa/TB/2026-9002'];
const REGIOS = ['Amsterdam', 'Utrecht', 'Rotterdam'];
const STUKKEN = ['beroepschrift', 'bezwaarschrift', 'clientbrief'] as const;

const datum = (dagenGeleden: number) => addDagen(VANDAAG, -dagenGeleden);
const nl = (iso: string) => iso.split('-').reverse().join('-');

/** Mostly one of the writer's own rows (so that most writes succeed), sometimes anyone's (A's included: refused). */
const eigenRij = fc.nat(3).map((n) => n > 0);

/** One write, by whoever does it: ids are picked at the time of writing, from the writer's own rows or from all rows. */
const schrijfActie = fc.oneof(
  fc.record({
    soort: fc.constant('client' as const),
    kvk: fc.constantFrom(...KVKS),
    adres: fc.constantFrom('Andere straat 1', 'Kade 9'),
    plaats: fc.constantFrom('Zwolle', 'Breda'),
  }),
  fc.record({
    soort: fc.constant('tariefbeschikking' as const),
    via: fc.constantFrom('api', 'formulier', 'import'),
    kenmerk: fc.constantFrom(...KENMERKEN),
    kvk: fc.constantFrom(...KVKS),
    regio: fc.constantFrom(...REGIOS),
    jaar: fc.constantFrom(2026, 2027),
    tbSoort: fc.constantFrom('vaststelling', 'wijziging'),
    dagenGeleden: fc.integer({ min: 0, max: 90 }),
  }),
  fc.record({ soort: fc.constant('datum' as const), rij: fc.nat(), eigen: eigenRij, dagenGeleden: fc.integer({ min: 0, max: 120 }) }),
  fc.record({ soort: fc.constant('zaak' as const), rij: fc.nat(), eigen: eigenRij, zaakSoort: fc.constantFrom('beroep', 'bezwaar') }),
  fc.record({
    soort: fc.constant('zaakContracteerruimte' as const),
    rij: fc.nat(),
    eigen: eigenRij,
    cr: fc.constantFrom('NZa/CR/2025-118', 'NZa/CR/2026-087', 'NZa/CR/2026-121'),
    regio: fc.constantFrom(...REGIOS),
    jaar: fc.constantFrom(2026, 2027),
  }),
  fc.record({
    soort: fc.constant('ingesteld' as const),
    rij: fc.nat(),
    eigen: eigenRij,
    dagenGeleden: fc.integer({ min: 0, max: 30 }),
    nummer: fc.integer({ min: 1000, max: 9999 }),
  }),
  fc.record({ soort: fc.constant('notities' as const), rij: fc.nat(), eigen: eigenRij, tekst: fc.constantFrom('Cliënt gebeld.', 'Stukken volgen.') }),
  fc.record({
    soort: fc.constant('aanvulling' as const),
    rij: fc.nat(),
    eigen: eigenRij,
    client: fc.nat(),
    eigenClient: eigenRij,
    adres: fc.constantFrom('Nieuwe weg 5', 'Postbus 12'),
    postcode: fc.constantFrom('1234 AB', '9999 ZZ'),
  }),
  fc.record({ soort: fc.constant('filing' as const), rij: fc.nat(), eigen: eigenRij, stuk: fc.constantFrom(...STUKKEN) }),
  fc.record({ soort: fc.constant('uitspraak' as const), rij: fc.nat(), eigen: eigenRij }),
  fc.record({
    soort: fc.constant('ontvangenBeroep' as const),
    appellant: fc.constantFrom('Stichting Amstelhof Wonen en Zorg', 'Stichting Zorggroep Heuvelrand', 'Maasoever Gehandicaptenzorg B.V.'),
    regio: fc.constantFrom(...REGIOS),
    jaar: fc.constantFrom(2026, 2027),
    tegen: fc.constantFrom('NZa/CR/2025-118', 'NZa/CR/2026-121', 'NZa/TB/2026-0188', 'NZa/TB/2026-0412'),
    dagenGeleden: fc.integer({ min: 0, max: 200 }),
    nummer: fc.integer({ min: 1000, max: 9999 }),
  }),
  fc.record({ soort: fc.constant('beroepAfgerond' as const), rij: fc.nat(), dagenGeleden: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ soort: fc.constant('controle' as const) }),
);
type SchrijfActie = typeof schrijfActie extends fc.Arbitrary<infer T> ? T : never;
const schrijfMet = (schrijvers: readonly Schrijver[]) => fc.record({ wie: fc.constantFrom(...schrijvers), actie: schrijfActie });

/** How many writes of each kind were accepted (2xx or a redirect), over all runs: the property is not vacuous. */
const aanvaard = new Map<string, number>();

async function schrijf(t: App, wie: Schrijver, a: SchrijfActie): Promise<void> {
  const sql = t.db.$client;
  const organisatieId = (sql.prepare('SELECT organisatie_id AS o FROM gebruikers WHERE email = ?').get(wie) as { o: number }).o;
  const ids = (tabel: string, eigen: boolean) =>
    (
      sql.prepare(`SELECT id FROM ${tabel} ${eigen ? 'WHERE organisatie_id = ?' : ''} ORDER BY id`).all(...(eigen ? [organisatieId] : [])) as { id: number }[]
    ).map((r) => r.id);
  const kies = (tabel: string, rij: number, eigen: boolean) => {
    const lijst = ids(tabel, eigen);
    return lijst.length ? lijst[rij % lijst.length] : undefined;
  };
  const als = t.als(wie);
  const postFormulier = (pad: string, velden: Record<string, string>) =>
    als(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
  const postJson = (pad: string, body: unknown) => als(pad, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

  let r: Response | undefined;
  switch (a.soort) {
    case 'client':
      r = await postJson('/api/v1/clienten', { naam: `Cliënt ${a.kvk}`, kvk: a.kvk, adres: a.adres, postcode: '1000 AA', plaats: a.plaats });
      break;
    case 'tariefbeschikking': {
      const bekendgemaakt = datum(a.dagenGeleden);
      const besluitdatum = addDagen(bekendgemaakt, -2);
      if (a.via === 'api')
        r = await postJson('/api/v1/besluiten', {
          type: 'tariefbeschikking',
          kenmerk: a.kenmerk,
          zorgaanbieder: a.kvk,
          regio: a.regio,
          jaar: a.jaar,
          soort: a.tbSoort,
          besluitdatum,
          bekendgemaakt,
        });
      else if (a.via === 'formulier')
        r = await postFormulier('/besluiten/tariefbeschikking', {
          kenmerk: a.kenmerk,
          zorgaanbieder: a.kvk,
          regio: a.regio,
          jaar: String(a.jaar),
          soort: a.tbSoort,
          besluitdatum: nl(besluitdatum),
          bekendgemaakt: nl(bekendgemaakt),
        });
      else {
        // The import, with a client it may create: the KvK number with a name (confirmed).
        const csv = `kenmerk;kvk;zorgaanbieder;regio;jaar;soort;besluitdatum;bekendgemaakt\n${a.kenmerk};${a.kvk};Geïmporteerde cliënt ${a.kvk};${a.regio};${a.jaar};${a.tbSoort};${nl(besluitdatum)};${nl(bekendgemaakt)}\n`;
        const fd = new FormData();
        fd.append('soort', 'tariefbeschikkingen');
        fd.append('bestand', new File([csv], 'import.csv', { type: 'text/csv' }));
        const voorbeeld = await (await als('/import/voorbeeld', { method: 'POST', body: fd })).text();
        const token = /name="token" value="([^"]+)"/.exec(voorbeeld)?.[1];
        if (token) r = await postFormulier('/import/uitvoeren', { token, nieuweZorgaanbieders: 'bevestigd' });
      }
      break;
    }
    case 'datum': {
      const id = kies('tariefbeschikkingen', a.rij, a.eigen);
      const bekendgemaakt = datum(a.dagenGeleden);
      if (id !== undefined)
        r = await postFormulier(`/besluiten/tariefbeschikking/${id}/bewerken`, {
          besluitdatum: nl(addDagen(bekendgemaakt, -3)),
          bekendgemaakt: nl(bekendgemaakt),
        });
      break;
    }
    case 'zaak': {
      const id = kies('tariefbeschikkingen', a.rij, a.eigen);
      if (id !== undefined) r = await postFormulier('/zaken', { soort: a.zaakSoort, tariefbeschikkingId: String(id) });
      break;
    }
    case 'zaakContracteerruimte': {
      const client = kies('zorgaanbieders', a.rij, a.eigen);
      const cr = sql.prepare('SELECT id FROM contracteerruimtebesluiten WHERE kenmerk = ?').get(a.cr) as { id: number };
      if (client !== undefined)
        r = await postFormulier('/zaken', {
          soort: 'beroep',
          contracteerruimtebesluitId: String(cr.id),
          regio: a.regio,
          jaar: String(a.jaar),
          zorgaanbiederId: String(client),
        });
      break;
    }
    case 'ingesteld': {
      const id = kies('zaken', a.rij, a.eigen);
      if (id !== undefined) r = await postFormulier(`/zaken/${id}/ingesteld`, { ingesteld: nl(datum(a.dagenGeleden)), cbbZaaknummer: `26/${a.nummer}` });
      break;
    }
    case 'notities': {
      const id = kies('zaken', a.rij, a.eigen);
      if (id !== undefined) r = await postFormulier(`/zaken/${id}/notities`, { notities: a.tekst, verantwoordelijkeId: '' });
      break;
    }
    case 'aanvulling': {
      // The filing wizard's data with a client record picked from the writer's own or from anyone's (issue 28: a firm
      // once changed another organisation's client address this way).
      const id = kies('zaken', a.rij, a.eigen);
      const client = kies('zorgaanbieders', a.client, a.eigenClient);
      if (id !== undefined && client !== undefined)
        r = await postFormulier(`/zaken/${id}/documenten/aanvulling`, {
          soort: 'beroepschrift',
          zorgaanbiederId: String(client),
          indienerAdres: a.adres,
          indienerPostcode: a.postcode,
          indienerPlaats: 'Ergens',
          gronden: 'De contracteerruimte is te laag vastgesteld.',
        });
      break;
    }
    case 'filing': {
      // The filing that fits the case, after filling in what art. 6:5 Awb asks for; or the letter to the client.
      const id = kies('zaken', a.rij, a.eigen);
      const zaakSoort = (sql.prepare('SELECT soort FROM zaken WHERE id = ?').get(id ?? 0) as { soort: string } | undefined)?.soort;
      const stuk = a.stuk === 'clientbrief' ? a.stuk : zaakSoort === 'bezwaar' ? 'bezwaarschrift' : 'beroepschrift';
      if (id !== undefined) {
        await (
          await postFormulier(`/zaken/${id}/documenten/aanvulling`, { soort: stuk, gronden: 'De contracteerruimte is te laag vastgesteld.' })
        ).arrayBuffer();
        r = await postFormulier(`/zaken/${id}/documenten`, { soort: stuk });
      }
      break;
    }
    case 'uitspraak': {
      const id = kies('zaken', a.rij, a.eigen);
      if (id !== undefined) r = await postFormulier(`/zaken/${id}/uitspraak`, { afgerond: nl(VANDAAG), uitspraak: 'ingetrokken' });
      break;
    }
    case 'ontvangenBeroep':
      r = await postFormulier('/werkruimte/beroepen', {
        cbbZaaknummer: `26/${a.nummer}`,
        appellant: a.appellant,
        regio: a.regio,
        jaar: String(a.jaar),
        tegen: a.tegen,
        ingesteld: datum(a.dagenGeleden),
      });
      break;
    case 'beroepAfgerond': {
      const id = kies('ontvangen_beroepen', a.rij, true);
      if (id !== undefined) r = await postFormulier(`/werkruimte/beroepen/${id}/afgerond`, { afgerond: datum(a.dagenGeleden) });
      break;
    }
    case 'controle':
      r = await postFormulier('/termijnen/controle', { ...DEMO_AMSTELHOF, ...DEMO_AMSTELHOF_BESLUIT, terug: '/mijn-week' });
      break;
  }
  if (r) {
    if (r.status >= 500) throw new Error(`${a.soort} by ${wie}: ${r.status} ${await r.text()}`);
    if (r.status < 400) aanvaard.set(a.soort, (aanvaard.get(a.soort) ?? 0) + 1);
    await r.arrayBuffer();
  }
}

/** A generated .docx as its parts, each as text, without the package's wall-clock stamps (docProps/core.xml). */
function docxDelen(bytes: Uint8Array): Record<string, string> {
  const delen = unzipSync(bytes);
  const zonderKlok = (tekst: string) => tekst.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1');
  return Object.fromEntries(
    Object.keys(delen)
      .sort()
      .map((n) => [n, zonderKlok(strFromU8(delen[n]!))]),
  );
}

/** The reminder job as it runs in the server: plan the ledger, send what is due (to the outbox). */
async function herinneringsronde(t: App, outboxMap: string) {
  const mail = { afzender: 'Termijnbewaking <termijnen@test.local>', appUrl: 'http://app.test' };
  const deps: HerinneringDeps = {
    db: t.db,
    termijnen: t.termijnen,
    verzender: createOutboxVerzender(t.db, mail, outboxMap),
    mail,
    klok: { vandaag: () => VANDAAG, nuMs: () => t.klok.nuMs },
  };
  planHerinneringen(deps);
  await sendVerschuldigde(deps);
}

/** Everything organisation A (signed in as `email`) can see, download or be sent, as one map of name → content. */
async function uitvoerVan(t: App, email: string, feedPad: string): Promise<Map<string, string>> {
  const sql = t.db.$client;
  const als = t.als(email);
  const uit = new Map<string, string>();
  const { o: organisatieId } = sql.prepare('SELECT organisatie_id AS o FROM gebruikers WHERE email = ?').get(email) as { o: number };
  const nza = email === DEMO.nza;
  const lees = async (pad: string, via: (p: string) => Response | Promise<Response> = als) => {
    const r = await via(pad);
    const soort = r.headers.get('content-type') ?? '';
    const inhoud = soort.includes('wordprocessingml')
      ? JSON.stringify(docxDelen(new Uint8Array(await r.arrayBuffer())))
      : soort.includes('spreadsheetml')
        ? JSON.stringify(await readXlsxWaarden(new Uint8Array(await r.arrayBuffer())))
        : soort.includes('text/calendar')
          ? (await r.text()).replace(/^DTSTAMP:.*$/gm, 'DTSTAMP:')
          : await r.text();
    uit.set(pad, `${r.status} ${soort} ${r.headers.get('content-disposition') ?? ''}\n${inhoud}`);
  };

  const zaakIds = (sql.prepare('SELECT id FROM zaken WHERE organisatie_id = ? ORDER BY id').all(organisatieId) as { id: number }[]).map((z) => z.id);
  const tbIds = (sql.prepare('SELECT id FROM tariefbeschikkingen WHERE organisatie_id = ? ORDER BY id').all(organisatieId) as { id: number }[]).map(
    (z) => z.id,
  );
  uit.set('zaak ids', JSON.stringify(zaakIds));
  uit.set('tariefbeschikking ids', JSON.stringify(tbIds));

  // Pages.
  const paginas = ['/', `/?peildatum=${addDagen(VANDAAG, 30)}`, '/matrix', '/zaken', '/herinneringen', '/besluiten/nieuw'];
  for (const regio of REGIOS) for (const jaar of [2024, 2026, 2027]) paginas.push(formatRegioJaarPad(regio, jaar));
  paginas.push(nza ? '/werkruimte' : '/mijn-week');
  for (const id of tbIds) paginas.push(`/besluiten/tariefbeschikking/${id}`);
  for (const id of zaakIds) {
    paginas.push(`/zaken/${id}`, `/zaken/${id}/termijn.ics`);
    if (!nza) for (const soort of STUKKEN) paginas.push(`/zaken/${id}/documenten/nieuw?soort=${soort}`);
  }
  for (const pad of paginas) await lees(pad);

  // API answers, every page of them.
  for (const start of ['/api/v1/termijnen?limit=1000', '/api/v1/besluiten', '/api/v1/zaken']) {
    for (let pad: string | null = start; pad;) {
      const r = await als(pad);
      const tekst = await r.text();
      uit.set(pad, `${r.status}\n${tekst}`);
      const volgende = r.ok ? ((JSON.parse(tekst) as { volgende?: string | null }).volgende ?? null) : null;
      pad = volgende ? new URL(volgende, 'http://app.test').pathname + new URL(volgende, 'http://app.test').search : null;
    }
  }

  // Read after the API: it names the token's last use, which A's own API calls above set.
  await lees('/instellingen');

  // Exports and the calendar feed.
  await lees('/export/termijnen.csv');
  await lees('/export/termijnen.xlsx');
  if (nza) await lees('/werkruimte/export.csv');
  if (nza) await lees('/werkruimte/export.xlsx');
  await lees(feedPad, (p) => t.app.request(p));

  // Generated filings: rendered as the wizard would now (not stored), and every stored version.
  if (!nza) for (const id of zaakIds) for (const soort of STUKKEN) await lees(`/api/v1/zaken/${id}/stukken/${soort}.docx`);
  const documenten = sql
    .prepare('SELECT d.id, d.zaak_id AS zaakId FROM zaakdocumenten d JOIN zaken z ON z.id = d.zaak_id WHERE z.organisatie_id = ? ORDER BY d.id')
    .all(organisatieId) as {
    id: number;
    zaakId: number;
  }[];
  for (const d of documenten) await lees(`/zaken/${d.zaakId}/documenten/${d.id}`);

  // Reminders: A's rows of the ledger and the e-mails sent to A's people.
  const leden = sql.prepare('SELECT id, email FROM gebruikers WHERE organisatie_id = ? ORDER BY id').all(organisatieId) as { id: number; email: string }[];
  uit.set(
    'herinneringen',
    JSON.stringify(
      sql
        .prepare(`SELECT * FROM herinneringen WHERE organisatie_id = ? OR gebruiker_id IN (${leden.map((l) => l.id).join(',')}) ORDER BY id`)
        .all(organisatieId),
    ),
  );
  uit.set(
    'e-mails',
    JSON.stringify(sql.prepare(`SELECT * FROM uitgaande_mail WHERE aan IN (${leden.map(() => '?').join(',')}) ORDER BY id`).all(...leden.map((l) => l.email))),
  );
  return uit;
}

/** The entries that differ, each with the first differing line: readable when the property fails. */
function verschillen(voor: Map<string, string>, na: Map<string, string>): string[] {
  const fouten: string[] = [];
  for (const naam of new Set([...voor.keys(), ...na.keys()])) {
    const a = voor.get(naam);
    const b = na.get(naam);
    if (a === b) continue;
    if (a === undefined || b === undefined) {
      fouten.push(`${naam}: ${a === undefined ? 'appeared' : 'disappeared'}`);
      continue;
    }
    const la = a.split('\n');
    const lb = b.split('\n');
    const i = la.findIndex((regel, n) => regel !== lb[n]);
    const r = i === -1 ? la.length : i;
    const rond = (regel: string | undefined, j: number) => {
      const k = regel ? [...regel].findIndex((ch, m) => ch !== (j ? la : lb)[r]?.[m]) : 0;
      return (regel ?? '').slice(Math.max(0, k - 120), k + 200);
    };
    fouten.push(`${naam}, line ${r + 1}:\n  before: ${rond(la[r], 0)}\n  after:  ${rond(lb[r], 1)}`);
  }
  return fouten;
}

const ORGANISATIES = [
  { naam: 'the law firm (Van Dam & Kuipers)', email: DEMO.advocaat },
  { naam: 'the in-house legal department (Heuvelrand)', email: DEMO.inhouse },
  { naam: 'the NZa', email: DEMO.nza },
] as const;

describe('non-interference: no other organisation changes what one organisation sees, downloads or is reminded of (issue 28.2)', () => {
  it('the outputs are deterministic: taken twice with nothing written in between, they are identical once the wall-clock stamps are stripped', async () => {
    const t = createTestApp(VANDAAG);
    apps.add(t);
    const outbox = mkdtempSync(join(tmpdir(), 'niet-interferentie-'));
    mappen.push(outbox);
    for (const { email } of ORGANISATIES) {
      const feed = /http:\/\/app\.test(\/agenda\/[A-Za-z0-9_-]+\.ics)/.exec(
        await (await t.als(email)('/instellingen/agenda-token', { method: 'POST' })).text(),
      )![1]!;
      await herinneringsronde(t, outbox);
      const eerst = await uitvoerVan(t, email, feed);
      await herinneringsronde(t, outbox);
      expect(verschillen(eerst, await uitvoerVan(t, email, feed))).toEqual([]);
    }
  }, 60_000);

  for (const [i, { naam, email }] of ORGANISATIES.entries()) {
    it(`${naam}: its pages, API answers, exports, calendar feed, reminders and filings stay byte for byte the same whatever the others write`, async () => {
      const anderen = SCHRIJVERS.filter((s) => s !== email);
      await fc.assert(
        fc.asyncProperty(
          fc.array(schrijfMet(SCHRIJVERS), { minLength: 3, maxLength: 10 }),
          fc.array(schrijfMet(anderen), { minLength: 4, maxLength: 14 }),
          async (vooraf, daarna) => {
            const t = createTestApp(VANDAAG);
            apps.add(t);
            const outbox = mkdtempSync(join(tmpdir(), 'niet-interferentie-'));
            mappen.push(outbox);
            try {
              // Random data of every organisation, A included.
              for (const { wie, actie } of vooraf) await schrijf(t, wie, actie);
              const feed = /http:\/\/app\.test(\/agenda\/[A-Za-z0-9_-]+\.ics)/.exec(
                await (await t.als(email)('/instellingen/agenda-token', { method: 'POST' })).text(),
              )![1]!;
              await herinneringsronde(t, outbox);
              const voor = await uitvoerVan(t, email, feed);
              // Only the others write now.
              for (const { wie, actie } of daarna) await schrijf(t, wie, actie);
              await herinneringsronde(t, outbox);
              expect(verschillen(voor, await uitvoerVan(t, email, feed))).toEqual([]);
            } finally {
              t.sluit();
              apps.delete(t);
            }
          },
        ),
        // A failure is shrunk for at most 90 s (then reported as found), within the test's timeout.
        { numRuns: RUNS, seed: SEED + i, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true },
      );
    }, 120_000);
  }

  it("a public fact is everyone's: the NZa's new contracteerruimtebesluit does change the firm's and the in-house department's outputs", async () => {
    const t = createTestApp(VANDAAG);
    apps.add(t);
    const outbox = mkdtempSync(join(tmpdir(), 'niet-interferentie-'));
    mappen.push(outbox);
    const feeds = new Map<string, string>();
    const voor = new Map<string, Map<string, string>>();
    for (const email of [DEMO.advocaat, DEMO.inhouse]) {
      feeds.set(
        email,
        /http:\/\/app\.test(\/agenda\/[A-Za-z0-9_-]+\.ics)/.exec(await (await t.als(email)('/instellingen/agenda-token', { method: 'POST' })).text())![1]!,
      );
      await herinneringsronde(t, outbox);
      voor.set(email, await uitvoerVan(t, email, feeds.get(email)!));
    }
    const fd = new FormData();
    fd.append('soort', 'contracteerruimte');
    fd.append(
      'bestand',
      new File(
        ['kenmerk;soort;besluitdatum;bekendgemaakt;regio;jaar;bedrag\nNZa/CR/2026-140;wijziging;17-11-2026;20-11-2026;Utrecht;2027;1.900.000.000,00\n'],
        'cr.csv',
        { type: 'text/csv' },
      ),
    );
    const token = /name="token" value="([^"]+)"/.exec(await (await t.als(DEMO.nza)('/import/voorbeeld', { method: 'POST', body: fd })).text())![1]!;
    const klaar = await t.als(DEMO.nza)('/import/uitvoeren', {
      method: 'POST',
      body: formulier({ token }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(await klaar.text()).toContain('Geïmporteerd:</strong> 1 besluit');
    await herinneringsronde(t, outbox);
    for (const email of [DEMO.advocaat, DEMO.inhouse]) {
      const namen = verschillen(voor.get(email)!, await uitvoerVan(t, email, feeds.get(email)!)).map((v) => v.split(',')[0]);
      expect(namen).toContain('/api/v1/besluiten');
      expect(namen).toContain(formatRegioJaarPad('Utrecht', 2027));
    }
  }, 60_000);

  it('every kind of random write was accepted at least once over the runs above (the property is not vacuous)', () => {
    const soorten = [
      'client',
      'tariefbeschikking',
      'datum',
      'zaak',
      'zaakContracteerruimte',
      'ingesteld',
      'notities',
      'aanvulling',
      'filing',
      'ontvangenBeroep',
    ];
    expect(
      soorten.filter((s) => !aanvaard.get(s)),
      JSON.stringify([...aanvaard]),
    ).toEqual([]);
  });
});

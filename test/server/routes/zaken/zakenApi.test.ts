import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, DEMO, SESSIE_GEHEIM } from '../../../support/testApp';
import { createApiToken, TOKEN_SCOPES, type Scope } from '../../../../src/services/toegang/apiTokenService';
import { findGebruikerIdByEmail } from '../../../../src/services/toegang/gebruikerBeheer';
import { createOudeDatabase } from '../../../support/oudeDatabase';
import { openDatabase } from '../../../../src/db/verbinding';
import { MIGRATIES } from '../../../../src/db/databaseControle';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { createApiBegrenzer } from '../../../../src/web/apiMiddleware';

/** Cases through the API (issue 32.2), Idempotency-Key, token scopes and rate limits (issue 32.5). */
let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const sql = () => t.db.$client;
const tel = (tabel: string, waar = '1') => (sql().prepare(`SELECT count(*) FROM ${tabel} WHERE ${waar}`).pluck().get() as number) ?? 0;
const json = (body: unknown, koppen: Record<string, string> = {}) => ({
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...koppen },
});
const api = (email: string, pad: string, init: RequestInit = {}) => t.als(email)(`/api/v1${pad}`, init);
type Termijn = { sleutel: string; besluit: string; rechtsmiddel: string; regio: string; jaar: number; einde: string; partij?: string };
const termijnen = async (email: string, query: string) =>
  ((await (await api(email, `/termijnen?limit=1000&${query}`)).json()) as { termijnen: Termijn[] }).termijnen;
const vrijeTermijn = async () =>
  (await termijnen(DEMO.advocaat, 'regio=Amsterdam&jaar=2026')).find((x) => x.besluit === 'NZa/TB/2026-1744' && x.rechtsmiddel === 'beroep')!;

/** A token of `email` with just these scopes. */
const tokenMet = (email: string, scopes: Scope[]) => createApiToken(t.db, SESSIE_GEHEIM, findGebruikerIdByEmail(t.db, email)!, { naam: 'scopes', scopes });
const metToken = (token: string, pad: string, init: RequestInit = {}) =>
  t.app.request(`/api/v1${pad}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });

describe('every term carries a stable sleutel', () => {
  it('is unique per term and stays when a correction moves the date', async () => {
    const voor = await termijnen(DEMO.advocaat, 'regio=Amsterdam');
    expect(new Set(voor.map((x) => x.sleutel)).size).toBe(voor.length);
    const doel = voor.find((x) => x.besluit === 'NZa/TB/2026-1744')!;
    // A corrected bekendmaking moves the last day, not the key.
    sql().prepare("UPDATE tariefbeschikkingen SET bekendgemaakt = date(bekendgemaakt, '+7 days') WHERE kenmerk = 'NZa/TB/2026-1744'").run();
    const na = (await termijnen(DEMO.advocaat, 'regio=Amsterdam')).find((x) => x.sleutel === doel.sleutel)!;
    expect(na.einde).not.toBe(doel.einde);
    expect([na.besluit, na.rechtsmiddel, na.regio, na.jaar]).toEqual([doel.besluit, doel.rechtsmiddel, doel.regio, doel.jaar]);
  });
});

describe('POST /api/v1/zaken', () => {
  it('opens the case of a term through the same write path as the page: case, timeline, audit entry, responsible person', async () => {
    const termijn = await vrijeTermijn();
    const voorAudit = tel('audit_log', "actie = 'zaak geopend'");
    const r = await api(DEMO.advocaat, '/zaken', { method: 'POST', ...json({ termijn: termijn.sleutel }) });
    expect(r.status).toBe(201);
    const zaak = (await r.json()) as { id: number; soort: string; status: string; tariefbeschikking: string; verantwoordelijke: string };
    expect([zaak.soort, zaak.status, zaak.tariefbeschikking, zaak.verantwoordelijke]).toEqual(['beroep', 'concept', 'NZa/TB/2026-1744', 'mr. J. Kuipers']);
    expect(tel('audit_log', "actie = 'zaak geopend'")).toBe(voorAudit + 1);
    const tijdlijn = (await (await api(DEMO.advocaat, `/zaken/${zaak.id}/gebeurtenissen`)).json()) as { gebeurtenissen: { omschrijving: string }[] };
    expect(tijdlijn.gebeurtenissen.map((g) => g.omschrijving)).toEqual(['Zaak geopend: beroep naar aanleiding van NZa/TB/2026-1744']);
    // The term now has its case: a second attempt names it.
    const weer = await api(DEMO.advocaat, '/zaken', { method: 'POST', ...json({ termijn: termijn.sleutel }) });
    expect(weer.status).toBe(409);
    expect(((await weer.json()) as { id: number }).id).toBe(zaak.id);
  });

  it('opens from the fields of the form too, with the form’s refusals (a bezwaar against a contracteerruimtebesluit)', async () => {
    const tb = sql().prepare("SELECT id FROM tariefbeschikkingen WHERE kenmerk = 'NZa/TB/2026-1744' AND organisatie_id = 2").pluck().get() as number;
    const r = await api(DEMO.advocaat, '/zaken', { method: 'POST', ...json({ soort: 'bezwaar', tariefbeschikkingId: tb }) });
    expect(r.status).toBe(201);
    const cr = sql().prepare('SELECT id FROM contracteerruimtebesluiten ORDER BY id LIMIT 1').pluck().get() as number;
    const fout = await api(DEMO.advocaat, '/zaken', {
      method: 'POST',
      ...json({ soort: 'bezwaar', contracteerruimtebesluitId: cr, regio: 'Amsterdam', jaar: 2026, zorgaanbiederId: 1 }),
    });
    expect(fout.status).toBe(422);
    const body = (await fout.json()) as { fout: string; fouten: { veld: string; melding: string }[] };
    expect(body.fout).toBe('ongeldige invoer');
    expect(body.fouten[0]!.melding).toContain('geen bezwaar open');
  });

  it('refuses the NZa (the opposing party), a lezer, and another organisation’s term', async () => {
    const termijn = await vrijeTermijn();
    const voor = tel('zaken');
    expect((await api(DEMO.nza, '/zaken', { method: 'POST', ...json({ termijn: termijn.sleutel }) })).status).toBe(403);
    expect((await api(DEMO.lezer, '/zaken', { method: 'POST', ...json({ termijn: termijn.sleutel }) })).status).toBe(403);
    // The in-house department does not see the firm's tariefbeschikking: the key names nothing it can open.
    const anders = await api(DEMO.inhouse, '/zaken', { method: 'POST', ...json({ termijn: termijn.sleutel }) });
    expect(anders.status).toBe(422);
    expect(tel('zaken')).toBe(voor);
  });
});

describe('GET and PATCH /api/v1/zaken/{id}', () => {
  const open = async () =>
    ((await (await api(DEMO.advocaat, '/zaken', { method: 'POST', ...json({ termijn: (await vrijeTermijn()).sleutel }) })).json()) as { id: number }).id;
  const patch = (email: string, id: number, body: unknown) => api(email, `/zaken/${id}`, { method: 'PATCH', ...json(body) });

  it('changes responsible person, notes, filing, uitspraak through the page’s actions, each audited, in one transaction', async () => {
    const id = await open();
    const beheerder = findGebruikerIdByEmail(t.db, DEMO.beheerder)!;
    let r = await patch(DEMO.advocaat, id, { verantwoordelijkeId: beheerder, notities: 'API', ingesteld: '2026-11-20', cbbZaaknummer: 'CBb 26/0999' });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({
      status: 'ingediend',
      ingesteld: '2026-11-20',
      cbbZaaknummer: 'CBb 26/0999',
      verantwoordelijkeId: beheerder,
      notities: 'API',
    });
    r = await patch(DEMO.advocaat, id, { afgerond: '2026-11-21', uitspraak: 'gegrond' });
    expect(await r.json()).toMatchObject({ status: 'afgerond', afgerond: '2026-11-21', uitspraak: 'gegrond' });
    const acties = (sql().prepare("SELECT actie FROM audit_log WHERE onderwerp = 'zaak' AND onderwerp_id = ? ORDER BY id").pluck().all(id) as string[]).slice(
      1,
    );
    expect(acties).toEqual(['beroep ingesteld', 'notities en verantwoordelijke opgeslagen', 'uitspraak geregistreerd']);
  });

  it('all or nothing: a refused part leaves the case as it was; the page’s rules hold (a date after today, a person of another organisation)', async () => {
    const id = await open();
    const voor = JSON.stringify(await (await api(DEMO.advocaat, `/zaken/${id}`)).json());
    const vreemde = findGebruikerIdByEmail(t.db, DEMO.inhouse)!;
    for (const body of [
      { notities: 'mag niet blijven', ingesteld: '2027-01-01' },
      { notities: 'mag niet blijven', verantwoordelijkeId: vreemde },
      { uitspraak: 'gegrond' },
      { status: 'ingediend' },
      {},
    ]) {
      const r = await patch(DEMO.advocaat, id, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(((await r.json()) as { fouten: unknown[] }).fouten.length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(await (await api(DEMO.advocaat, `/zaken/${id}`)).json())).toBe(voor);
  });

  it('"status": "concept" undoes a filing registered by mistake; the timeline keeps it', async () => {
    const id = await open();
    await patch(DEMO.advocaat, id, { ingesteld: '2026-11-20' });
    const r = await patch(DEMO.advocaat, id, { status: 'concept' });
    expect(await r.json()).toMatchObject({ status: 'concept', ingesteld: null });
    const tijdlijn = (await (await api(DEMO.advocaat, `/zaken/${id}/gebeurtenissen`)).json()) as { gebeurtenissen: { omschrijving: string }[] };
    expect(tijdlijn.gebeurtenissen.map((g) => g.omschrijving).join(' / ')).toMatch(/Beroep ingesteld.*ongedaan gemaakt/);
  });

  it('is 404 for another organisation and the NZa, 403 for a lezer writing', async () => {
    const id = await open();
    for (const email of [DEMO.inhouse, DEMO.nza]) {
      expect((await api(email, `/zaken/${id}`)).status).toBe(404);
      expect((await api(email, `/zaken/${id}/gebeurtenissen`)).status).toBe(404);
      expect((await patch(email, id, { notities: 'x' })).status).toBe(404);
    }
    expect((await api(DEMO.lezer, `/zaken/${id}`)).status).toBe(200);
    expect((await patch(DEMO.lezer, id, { notities: 'x' })).status).toBe(403);
  });
});

describe('Idempotency-Key', () => {
  it('a retried POST gets the first answer and creates nothing twice; the same key with another body is refused', async () => {
    const termijn = await vrijeTermijn();
    const verzoek = () => api(DEMO.advocaat, '/zaken', { method: 'POST', ...json({ termijn: termijn.sleutel }, { 'Idempotency-Key': 'opnieuw-1' }) });
    const eerste = await verzoek();
    const voor = [tel('zaken'), tel('audit_log'), tel('zaakgebeurtenissen')];
    const tweede = await verzoek();
    expect(eerste.status).toBe(201);
    expect(tweede.status).toBe(201);
    expect(tweede.headers.get('Idempotency-Replayed')).toBe('true');
    expect(await tweede.text()).toBe(await eerste.text());
    expect([tel('zaken'), tel('audit_log'), tel('zaakgebeurtenissen')]).toEqual(voor);
    const anders = await api(DEMO.advocaat, '/clienten', { method: 'POST', ...json({ naam: 'X', kvk: '91234598' }, { 'Idempotency-Key': 'opnieuw-1' }) });
    expect(anders.status).toBe(422);
    expect(((await anders.json()) as { fouten: { veld: string }[] }).fouten[0]!.veld).toBe('Idempotency-Key');
    expect(tel('zorgaanbieders', "kvk_nummer = '91234598'")).toBe(0);
  });

  it('keys are per token: another token’s same key is another request', async () => {
    const client = { naam: 'Stichting Sleutel', kvk: '91234597' };
    const a = await api(DEMO.advocaat, '/clienten', { method: 'POST', ...json(client, { 'Idempotency-Key': 'k' }) });
    const b = await api(DEMO.beheerder, '/clienten', { method: 'POST', ...json(client, { 'Idempotency-Key': 'k' }) });
    expect([a.status, b.status]).toEqual([201, 409]);
    expect(b.headers.get('Idempotency-Replayed')).toBeNull();
  });

  it('a request that died after its write (no answer recorded) is never run again: 409, nothing created', async () => {
    const termijn = await vrijeTermijn();
    const sleutel = 'crash-na-schrijven';
    const koppen = { 'Idempotency-Key': sleutel };
    // The first attempt claims the key; we take away its recorded answer, as a crash between the write and the record would.
    await api(DEMO.advocaat, '/zaken', { method: 'POST', ...json({ termijn: termijn.sleutel }, koppen) });
    sql().prepare('UPDATE api_idempotentie SET status = NULL, antwoord = NULL WHERE sleutel = ?').run(sleutel);
    const voor = tel('zaken');
    const r = await api(DEMO.advocaat, '/zaken', { method: 'POST', ...json({ termijn: termijn.sleutel }, koppen) });
    expect(r.status).toBe(409);
    expect(((await r.json()) as { fout: string }).fout).toContain('onderbroken');
    expect(tel('zaken')).toBe(voor);
  });

  it('is stored in the database: a second server on the same file answers the retry', async () => {
    const body = json({ naam: 'Stichting Twee Servers', kvk: '91234596' }, { 'Idempotency-Key': 'twee-servers' });
    const eerste = await api(DEMO.advocaat, '/clienten', { method: 'POST', ...body });
    const bearer = t.aanmelding(DEMO.advocaat).bearer;
    const tweede = await t.verseApp().request('/api/v1/clienten', { method: 'POST', ...body, headers: { ...body.headers, Authorization: `Bearer ${bearer}` } });
    expect([eerste.status, tweede.status]).toEqual([201, 201]);
    expect(tweede.headers.get('Idempotency-Replayed')).toBe('true');
    expect(tel('zorgaanbieders', "kvk_nummer = '91234596'")).toBe(1);
  });
});

describe('token scopes (issue 32.5)', () => {
  it('each scope opens its area only, and never more than the user’s role', async () => {
    const termijn = await vrijeTermijn();
    const client = (kvk: string) => ({ method: 'POST', ...json({ naam: `Stichting ${kvk}`, kvk }) });
    const lezen = tokenMet(DEMO.advocaat, ['lezen']);
    const zaken = tokenMet(DEMO.advocaat, ['zaken.schrijven']);
    const besluiten = tokenMet(DEMO.advocaat, ['besluiten.schrijven']);
    const alles = tokenMet(DEMO.lezer, [...TOKEN_SCOPES]);
    expect((await metToken(lezen, '/termijnen')).status).toBe(200);
    expect((await metToken(lezen, '/zaken', { method: 'POST', ...json({ termijn: termijn.sleutel }) })).status).toBe(403);
    expect((await metToken(lezen, '/clienten', client('91234501'))).status).toBe(403);
    expect((await metToken(zaken, '/termijnen')).status).toBe(403);
    expect((await metToken(zaken, '/clienten', client('91234502'))).status).toBe(403);
    expect((await metToken(zaken, '/zaken', { method: 'POST', ...json({ termijn: termijn.sleutel }) })).status).toBe(201);
    expect((await metToken(besluiten, '/clienten', client('91234503'))).status).toBe(201);
    expect((await metToken(besluiten, '/zaken')).status).toBe(403);
    // A lezer's token with every scope still only reads.
    expect((await metToken(alles, '/zaken')).status).toBe(200);
    expect((await metToken(alles, '/clienten', client('91234504'))).status).toBe(403);
  });

  it('refusals, 404s and limits all have the one error shape { fout, fouten? }', async () => {
    const lezen = tokenMet(DEMO.advocaat, ['lezen']);
    const antwoorden = [
      await t.app.request('/api/v1/termijnen'),
      await metToken('tbw_onbekend', '/termijnen'),
      await metToken(lezen, '/clienten', { method: 'POST', ...json({ naam: 'X', kvk: '91234505' }) }),
      await api(DEMO.advocaat, '/bestaat-niet'),
      await api(DEMO.advocaat, '/zaken/999999'),
      await api(DEMO.advocaat, '/zaken/abc'),
      await api(DEMO.advocaat, '/clienten', { method: 'POST', ...json({ naam: '' }) }),
      await api(DEMO.advocaat, '/clienten', { method: 'POST', body: '{"naam": ', headers: { 'Content-Type': 'application/json' } }),
      await api(DEMO.advocaat, '/clienten', { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } }),
      await api(DEMO.advocaat, '/clienten', { method: 'POST', ...json({ x: 'a'.repeat(2 * 1024 * 1024) }) }),
    ];
    expect(antwoorden.map((r) => r.status)).toEqual([401, 401, 403, 404, 404, 400, 422, 400, 415, 413]);
    for (const r of antwoorden) {
      const body = (await r.json()) as Record<string, unknown>;
      expect(typeof body.fout, JSON.stringify(body)).toBe('string');
      expect(
        Object.keys(body).every((k) => ['fout', 'fouten'].includes(k)),
        JSON.stringify(body),
      ).toBe(true);
    }
  });

  it('migration 0019 keeps what each existing token could do: lezen reads, schrijven reads and writes decisions and cases, none manages webhooks', () => {
    const map = mkdtempSync(join(tmpdir(), 'scopes-'));
    try {
      const oud = createOudeDatabase(map, 'oud.sqlite', '0019');
      oud.prepare("INSERT INTO organisaties (naam, soort) VALUES ('K', 'advocatenkantoor')").run();
      oud.prepare("INSERT INTO gebruikers (email, naam, organisatie_id, rol) VALUES ('a@k.example', 'A', 1, 'jurist')").run();
      oud.prepare("INSERT INTO api_tokens (gebruiker_id, naam, scope, token_hash) VALUES (1, 'l', 'lezen', 'h1'), (1, 's', 'schrijven', 'h2')").run();
      migrate(drizzle(oud), { migrationsFolder: MIGRATIES });
      expect(oud.prepare('SELECT naam, scopes FROM api_tokens ORDER BY id').all()).toEqual([
        { naam: 'l', scopes: 'lezen' },
        { naam: 's', scopes: 'lezen besluiten.schrijven zaken.schrijven' },
      ]);
      oud.close();
      // And the migrated database opens as this version's.
      openDatabase(join(map, 'oud.sqlite'), SESSIE_GEHEIM).$client.close();
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });
});

describe('rate limit per token (API_VERZOEKEN_PER_MINUUT)', () => {
  it('answers 429 with Retry-After once a token’s bucket is empty; another token is not affected; time refills it', () => {
    let nu = 0;
    const begrenzer = createApiBegrenzer(3, () => nu);
    expect([1, 1, 1].map(() => begrenzer.neem(1))).toEqual([0, 0, 0]);
    expect(begrenzer.neem(1)).toBe(20); // one request per 20 s
    expect(begrenzer.neem(2)).toBe(0);
    nu += 20_000;
    expect(begrenzer.neem(1)).toBe(0);
    expect(begrenzer.neem(1)).toBeGreaterThan(0);
  });

  it('through the app: the 4th request of a minute with a limit of 3 is a 429 in the error shape', async () => {
    const app = createTestApp('2026-11-22', '2025-01-01', { apiVerzoekenPerMinuut: 3 });
    try {
      const statussen: number[] = [];
      let laatste: Response | undefined;
      for (let i = 0; i < 4; i++) statussen.push((laatste = await app.als(DEMO.advocaat)('/api/v1/zaken')).status);
      expect(statussen).toEqual([200, 200, 200, 429]);
      expect(Number(laatste!.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
      expect(((await laatste!.json()) as { fout: string }).fout).toContain('te veel verzoeken');
      expect((await app.als(DEMO.inhouse)('/api/v1/zaken')).status).toBe(200);
      app.klok.nuMs += 60_000;
      expect((await app.als(DEMO.advocaat)('/api/v1/zaken')).status).toBe(200);
    } finally {
      app.sluit();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier, leesTekst, SESSIE_GEHEIM, tariefbeschikkingJson } from '../support/testApp';
import { startWebhookOntvanger } from '../support/webhookOntvanger';
import { createAfzender } from '../../src/herinneringen/herinneringService';
import { sendVerschuldigdeLeveringen, WEBHOOK_BACKOFF_MS, type WebhookDeps } from '../../src/webhooks/webhookJob';
import { signalTermijnWijzigingen, signalVerlopendeTermijnen, signalZaakWijzigingen, loadClientTermijnen } from '../../src/webhooks/webhookSignalen';
import { checkWebhookUrl } from '../../src/services/webhooks/webhookService';

/**
 * Webhooks (issue 32.3) against the real app on a real SQLite file and real receivers on loopback, each verifying
 * every Standard Webhooks signature with the secret the registration returned.
 */
const t = createTestApp();
const sql = t.db.$client;
const klok = { ms: Date.now() };
const deps = (): WebhookDeps => ({
  db: t.db,
  termijnen: t.termijnen,
  sessieGeheim: SESSIE_GEHEIM,
  beleid: { alleenHttps: false, interneAdressen: true },
  klok: { vandaag: () => '2026-11-22', nuMs: () => klok.ms },
  afzender,
  verlooptWerkdagen: 7,
});
const afzender = createAfzender(60_000);
/** One round of the job, as startWebhookJob runs it. */
const ronde = async () => {
  signalTermijnWijzigingen(deps());
  signalZaakWijzigingen(deps());
  signalVerlopendeTermijnen(deps());
  return sendVerschuldigdeLeveringen(deps());
};

const kantoor = await startWebhookOntvanger();
const inhouse = await startWebhookOntvanger();
afterAll(async () => {
  await kantoor.stop();
  await inhouse.stop();
  t.sluit();
});

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const clientenVan = (organisatieId: number, anderen = false) =>
  new Set(
    (sql.prepare(`SELECT naam FROM zorgaanbieders WHERE organisatie_id ${anderen ? '<>' : '='} ?`).all(organisatieId) as { naam: string }[]).map((r) => r.naam),
  );
const organisatieVan = (email: string) => (sql.prepare('SELECT organisatie_id AS id FROM gebruikers WHERE email = ?').get(email) as { id: number }).id;
const ALLE = ['termijn.nieuw', 'termijn.gewijzigd', 'termijn.vervallen', 'termijn.verloopt', 'zaak.gewijzigd'];

let kantoorWebhook: number;
let inhouseWebhook: number;

beforeAll(async () => {
  for (const [email, ontvanger, zet] of [
    [DEMO.beheerder, kantoor, (id: number) => (kantoorWebhook = id)],
    [DEMO.inhouse, inhouse, (id: number) => (inhouseWebhook = id)],
  ] as const) {
    const r = await t.als(email)('/api/v1/webhooks', json({ url: ontvanger.url, events: ALLE }));
    expect(r.status).toBe(201);
    const { id, secret } = (await r.json()) as { id: number; secret: string };
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    ontvanger.zetGeheim(secret);
    zet(id);
  }
  // The first round records what there is (a baseline) and tells what ends soon.
  await ronde();
});

describe('registering webhooks (POST/GET/DELETE /api/v1/webhooks)', () => {
  it('lists an organisation its own webhooks only, never the secret', async () => {
    const eigen = (await (await t.als(DEMO.beheerder)('/api/v1/webhooks')).json()) as { webhooks: { id: number; url: string; events: string[] }[] };
    expect(eigen.webhooks).toEqual([expect.objectContaining({ id: kantoorWebhook, url: kantoor.url, events: ALLE })]);
    expect(JSON.stringify(eigen)).not.toContain('whsec_');
    const ander = (await (await t.als(DEMO.inhouse)('/api/v1/webhooks')).json()) as { webhooks: { id: number }[] };
    expect(ander.webhooks.map((w) => w.id)).toEqual([inhouseWebhook]);
  });

  it('refuses invalid input with { fout, fouten } and 422, and another organisation’s webhook with 404', async () => {
    const cases: [unknown, string][] = [
      [{ url: 'ftp://example.nl/x', events: ['termijn.nieuw'] }, 'url'],
      [{ url: 'geen url', events: ['termijn.nieuw'] }, 'url'],
      [{ url: kantoor.url, events: [] }, 'events'],
      [{ url: kantoor.url, events: ['termijn.bestaatniet'] }, 'events'],
      [{ events: ['termijn.nieuw'] }, 'url'],
    ];
    for (const [body, veld] of cases) {
      const r = await t.als(DEMO.beheerder)('/api/v1/webhooks', json(body));
      expect(r.status, JSON.stringify(body)).toBe(422);
      const b = (await r.json()) as { fout: string; fouten: { veld: string; melding: string }[] };
      expect(b.fout).toBe('de webhook is niet geregistreerd');
      expect(
        b.fouten.some((f) => f.veld.startsWith(veld)),
        JSON.stringify(b.fouten),
      ).toBe(true);
    }
    expect((await t.als(DEMO.inhouse)(`/api/v1/webhooks/${kantoorWebhook}`, { method: 'DELETE' })).status).toBe(404);
    expect((await t.als(DEMO.inhouse)(`/api/v1/webhooks/${kantoorWebhook}/leveringen`)).status).toBe(404);
    // A jurist may not manage webhooks (403), a beheerder with a read-only token neither (see the permission matrix).
    expect((await t.als(DEMO.advocaat)('/api/v1/webhooks')).status).toBe(403);
  });

  it('checks the endpoint URL: http(s) only; in production https and no internal address unless configured', () => {
    const productie = { alleenHttps: true, interneAdressen: false };
    const toegestaan = { alleenHttps: true, interneAdressen: true };
    const rijen: [string, typeof productie, boolean][] = [
      ['https://systeem.example.nl/hook', productie, true],
      ['http://systeem.example.nl/hook', productie, false],
      ['https://127.0.0.1/hook', productie, false],
      ['https://localhost/hook', productie, false],
      ['https://10.1.2.3/hook', productie, false],
      ['https://172.20.0.1/hook', productie, false],
      ['https://192.168.1.10/hook', productie, false],
      ['https://169.254.169.254/latest', productie, false],
      ['https://[::1]/hook', productie, false],
      ['https://[fd00::1]/hook', productie, false],
      ['https://user:pw@systeem.example.nl/hook', productie, false],
      ['ftp://systeem.example.nl/hook', productie, false],
      ['http://127.0.0.1:8080/hook', toegestaan, true],
      ['https://10.1.2.3/hook', toegestaan, true],
      ['ftp://10.1.2.3/hook', toegestaan, false],
    ];
    for (const [url, beleid, mag] of rijen) expect(checkWebhookUrl(url, beleid) === undefined, url).toBe(mag);
  });

  it('in production refuses a loopback receiver at registration (422 on url)', async () => {
    const p = createTestApp(undefined, undefined, { demo: false });
    try {
      const r = await p.als(DEMO.beheerder)('/api/v1/webhooks', json({ url: kantoor.url, events: ['termijn.nieuw'] }));
      expect(r.status).toBe(422);
      expect(((await r.json()) as { fouten: { veld: string }[] }).fouten[0]!.veld).toBe('url');
    } finally {
      p.sluit();
    }
  });
});

describe('deliveries', () => {
  it('tells termijn.verloopt once per term and last day, with only the organisation’s own clients', async () => {
    const verloopt = kantoor.ontvangen.filter((o) => o.bericht.type === 'termijn.verloopt');
    expect(verloopt.length).toBeGreaterThan(0);
    const amstelhof = verloopt.find((o) => (o.bericht.data.termijn as { partij?: string }).partij === 'Stichting Amstelhof Wonen en Zorg');
    expect((amstelhof?.bericht.data.termijn as { einde: string }).einde).toBe('2026-12-01');
    const aantal = kantoor.ontvangen.length;
    await ronde();
    expect(kantoor.ontvangen.filter((o) => o.bericht.type === 'termijn.verloopt').length).toBe(verloopt.length);
    expect(kantoor.ontvangen.length).toBe(aantal);
  });

  it('tells termijn.nieuw after a write, then termijn.gewijzigd when the date moves, signed and to its own organisation only', async () => {
    const voorInhouse = inhouse.ontvangen.length;
    const r = await t.als(DEMO.beheerder)('/api/v1/besluiten', { ...json({}), body: tariefbeschikkingJson('NZa/TB/2026-WH01') });
    expect(r.status).toBe(201);
    const { id } = (await r.json()) as { id: number };
    await ronde();
    const nieuw = kantoor.ontvangen.filter((o) => o.bericht.type === 'termijn.nieuw');
    expect(nieuw.length).toBeGreaterThan(0);
    // The new tariefbeschikking's own terms, and the cell's lid-3 windows that are now a client's: Amsterdam 2027 only.
    expect(nieuw.some((o) => (o.bericht.data.termijn as { besluit: string }).besluit === 'NZa/TB/2026-WH01')).toBe(true);
    expect(new Set(nieuw.map((o) => `${(o.bericht.data.termijn as { regio: string }).regio} ${(o.bericht.data.termijn as { jaar: number }).jaar}`))).toEqual(
      new Set(['Amsterdam 2027']),
    );
    expect(inhouse.ontvangen.length).toBe(voorInhouse);

    const wijzig = await t.als(DEMO.beheerder)(`/besluiten/tariefbeschikking/${id}/bewerken`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: formulier({ besluitdatum: '2026-11-20', bekendgemaakt: '2026-11-21' }),
    });
    expect(wijzig.status).toBeLessThan(400);
    await ronde();
    const gewijzigd = kantoor.ontvangen.filter((o) => o.bericht.type === 'termijn.gewijzigd');
    expect(gewijzigd.length).toBeGreaterThan(0);
    // The tariefbeschikking's own terms moved a day (made known a day later); other terms of the cell changed their doubt.
    const eigen = gewijzigd.filter((o) => (o.bericht.data.termijn as { besluit: string }).besluit === 'NZa/TB/2026-WH01');
    expect(eigen.length).toBeGreaterThan(0);
    for (const o of eigen) {
      const nu = o.bericht.data.termijn as { aanvang: string };
      const vorig = o.bericht.data.vorig as { aanvang: string };
      expect([vorig.aanvang, nu.aanvang]).toEqual(['2026-11-21', '2026-11-22']);
    }
    for (const o of gewijzigd) expect(o.bericht.data.termijn, JSON.stringify(o.bericht.data)).not.toEqual(o.bericht.data.vorig);
    expect(inhouse.ontvangen.length).toBe(voorInhouse);
  });

  it('tells zaak.gewijzigd for the organisation’s own case only', async () => {
    const zaak = (
      sql.prepare("SELECT id FROM zaken WHERE organisatie_id = ? AND status = 'concept' ORDER BY id LIMIT 1").get(organisatieVan(DEMO.advocaat)) as {
        id: number;
      }
    ).id;
    const voorInhouse = inhouse.ontvangen.length;
    const r = await t.als(DEMO.advocaat)(`/zaken/${zaak}/notities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: formulier({ notities: 'Webhooktest', verantwoordelijkeId: '', herinneringsschema: '' }),
    });
    expect(r.status).toBe(303);
    await ronde();
    const zaken = kantoor.ontvangen.filter((o) => o.bericht.type === 'zaak.gewijzigd');
    expect(zaken.map((o) => o.bericht.data.zaak)).toEqual([zaak]);
    expect(zaken[0]!.bericht.data.velden).toContain('notities');
    expect(inhouse.ontvangen.length).toBe(voorInhouse);
  });

  it('keeps what it saw, compared per changed cell, equal to the organisation’s terms now', () => {
    for (const email of [DEMO.beheerder, DEMO.inhouse]) {
      const organisatieId = organisatieVan(email);
      const nu = loadClientTermijnen(t.db, t.termijnen, organisatieId, '2026-11-22')!;
      const stand = sql.prepare('SELECT sleutel, gegevens FROM webhook_termijn_stand WHERE organisatie_id = ? ORDER BY sleutel').all(organisatieId) as {
        sleutel: string;
        gegevens: string;
      }[];
      expect(stand.length).toBeGreaterThan(0);
      expect(stand).toEqual([...nu].map(([sleutel, t]) => ({ sleutel, gegevens: t.gegevens })).sort((a, b) => (a.sleutel < b.sleutel ? -1 : 1)));
    }
  });

  it('never carries another organisation’s data, and every signature verifies', () => {
    for (const [ontvanger, email] of [
      [kantoor, DEMO.beheerder],
      [inhouse, DEMO.inhouse],
    ] as const) {
      const eigen = clientenVan(organisatieVan(email));
      // Clients only other organisations have (the NZa's, the firm's for the in-house department).
      const anderen = [...clientenVan(organisatieVan(email), true)].filter((n) => !eigen.has(n));
      expect(anderen.length).toBeGreaterThan(0);
      for (const o of ontvanger.ontvangen) {
        expect(o.geverifieerd, o.body).toBe(true);
        const partij = (o.bericht.data.termijn as { partij?: string } | undefined)?.partij;
        if (partij !== undefined) expect(eigen.has(partij), partij).toBe(true);
        for (const naam of anderen) expect(o.body).not.toContain(naam);
      }
    }
    expect(inhouse.ontvangen.length + kantoor.ontvangen.length).toBeGreaterThan(0);
  });

  it('retries after a receiver error with back-off and the same webhook-id, then records the delivery', async () => {
    const voor = kantoor.ontvangen.length;
    kantoor.zetAntwoord((n) => (n === voor ? 500 : 200));
    const r = await t.als(DEMO.beheerder)('/api/v1/besluiten', { ...json({}), body: tariefbeschikkingJson('NZa/TB/2026-WH02') });
    expect(r.status).toBe(201);
    const eerste = await ronde();
    expect(eerste.opnieuw).toBe(1);
    const mislukt = kantoor.ontvangen[voor]!;
    expect(mislukt.status).toBe(500);
    const rij = sql
      .prepare('SELECT status, http_status AS http, volgende_poging AS volgende, pogingen FROM webhook_leveringen WHERE bericht_id = ?')
      .get(mislukt.id) as {
      status: string;
      http: number;
      volgende: number;
      pogingen: number;
    };
    expect(rij).toMatchObject({ status: 'wachtend', http: 500, pogingen: 1, volgende: klok.ms + WEBHOOK_BACKOFF_MS[0] });
    // Not due yet: nothing is sent again.
    const aantal = kantoor.ontvangen.length;
    await ronde();
    expect(kantoor.ontvangen.length).toBe(aantal);
    klok.ms += WEBHOOK_BACKOFF_MS[0] + 1000;
    await ronde();
    const opnieuw = kantoor.ontvangen.filter((o) => o.id === mislukt.id);
    expect(opnieuw.map((o) => o.status)).toEqual([500, 200]);
    expect(opnieuw.every((o) => o.geverifieerd && o.body === mislukt.body)).toBe(true);
    expect(sql.prepare('SELECT status, pogingen FROM webhook_leveringen WHERE bericht_id = ?').get(mislukt.id)).toEqual({ status: 'afgeleverd', pogingen: 2 });
    kantoor.zetAntwoord(() => 200);
  });

  it('lists the deliveries with their outcome (API, paged) and on the beheerder’s settings page only', async () => {
    const r = await t.als(DEMO.beheerder)(`/api/v1/webhooks/${kantoorWebhook}/leveringen?limit=2`);
    expect(r.status).toBe(200);
    const pagina = (await r.json()) as { leveringen: { status: string; berichtId: string }[]; volgende: string | null };
    expect(pagina.leveringen).toHaveLength(2);
    expect(pagina.volgende).not.toBeNull();
    expect(kantoor.ontvangen.map((o) => o.id)).toContain(pagina.leveringen[0]!.berichtId);

    const pagina2 = leesTekst(await (await t.als(DEMO.beheerder)('/instellingen')).text());
    expect(pagina2).toContain('Webhooks');
    expect(pagina2).toContain(kantoor.url);
    expect(pagina2).toContain('afgeleverd (HTTP 200)');
    // The delivery that failed once was delivered at its second attempt.
    expect(pagina2).toContain('afgeleverd (HTTP 200) 2');
    const jurist = leesTekst(await (await t.als(DEMO.advocaat)('/instellingen')).text());
    expect(jurist).not.toContain('Webhook registreren');
  });

  it('registers and removes a webhook on the settings page, the secret shown once', async () => {
    const r = await t.als(DEMO.beheerder)('/instellingen/webhooks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: formulier({ url: 'https://systeem.example.nl/hook', events: ['zaak.gewijzigd', 'termijn.nieuw'] }),
    });
    expect(r.status).toBe(200);
    const html = await r.text();
    const geheim = /id="nieuw-webhook-geheim" class="sleutel">(whsec_[^<]+)</.exec(html)?.[1];
    expect(geheim).toBeDefined();
    expect(await (await t.als(DEMO.beheerder)('/instellingen')).text()).not.toContain(geheim!);
    const id = (sql.prepare("SELECT id FROM webhooks WHERE url = 'https://systeem.example.nl/hook'").get() as { id: number }).id;
    const fout = await t.als(DEMO.beheerder)('/instellingen/webhooks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: formulier({ url: 'https://systeem.example.nl/hook2' }),
    });
    expect(fout.status).toBe(422);
    expect(leesTekst(await fout.text())).toContain('kies minstens één gebeurtenis');
    const weg = await t.als(DEMO.beheerder)(`/instellingen/webhooks/${id}/verwijderen`, { method: 'POST' });
    expect(weg.status).toBe(303);
    expect(sql.prepare('SELECT count(*) AS n FROM webhooks WHERE id = ?').get(id)).toEqual({ n: 0 });
    const audit = sql.prepare("SELECT actie FROM audit_log WHERE onderwerp = 'webhook' AND onderwerp_id = ? ORDER BY id").all(id) as { actie: string }[];
    expect(audit.map((a) => a.actie)).toEqual(['webhook geregistreerd', 'webhook verwijderd']);
  });
});

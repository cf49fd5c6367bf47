import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

describe('JSON API v1 (/api/v1)', () => {
  it('lists only the cases of the acting organisation', async () => {
    const ids = async (email: string) => ((await (await t.als(email)('/api/v1/zaken')).json()) as { zaken: { id: number }[] }).zaken.map((z) => z.id).sort();
    expect(await ids(DEMO.advocaat)).toEqual([1, 2, 5]);
    expect(await ids(DEMO.inhouse)).toEqual([3, 4]);
  });

  it('refuses a bad filter with field errors, and answers JSON for unknown paths', async () => {
    const r = await t.als(DEMO.nza)('/api/v1/termijnen?jaar=twee');
    expect(r.status).toBe(400);
    expect(((await r.json()) as { fouten: { veld: string }[] }).fouten[0]!.veld).toBe('jaar');
    const onbekend = await t.als(DEMO.nza)('/api/v2/iets');
    expect(onbekend.status).toBe(404);
    expect(await onbekend.json()).toEqual({ fout: 'onbekend: GET /api/v2/iets' });
  });

  it('gives every term its party, soort, afleiding and postal date, and the per-party status (cli-termijnen.md v2)', async () => {
    const json = (await (await t.als(DEMO.advocaat)('/api/v1/termijnen?regio=Amsterdam&jaar=2026')).json()) as {
      termijnen: { partij?: string; soort: string; afleiding: { grondslag: string }[]; perPostUiterlijkOntvangen: string }[];
      partijStatus: { partij: string }[];
      waarschuwingen: unknown[];
    };
    expect(json.termijnen.length).toBeGreaterThan(0);
    expect(json.termijnen.every((x) => x.afleiding.length >= 4 && x.perPostUiterlijkOntvangen && x.soort)).toBe(true);
    expect(json.termijnen.some((x) => x.partij === 'Stichting Amstelhof Wonen en Zorg')).toBe(true);
    expect(json.partijStatus.map((s) => s.partij)).toContain('Stichting Amstelhof Wonen en Zorg');
    expect(Array.isArray(json.waarschuwingen)).toBe(true);
  });
});

describe('who is reminded of each term (issue 30.1)', () => {
  type Json = { termijnen: { besluit: string; rechtsmiddel: string; regio: string; jaar: number; partij?: string; einde: string; herinnerd: string[] }[] };
  const termijnen = async (email: string, query = '') => ((await (await t.als(email)(`/api/v1/termijnen?limit=1000${query}`)).json()) as Json).termijnen;

  it('names the addresses the reminder job writes to: every jurist and beheerder when no one is set, the responsible person of a case', async () => {
    // The firm has no default person: a term without a case goes to its jurist and beheerder, never to the lezer.
    const zonderZaak = (await termijnen(DEMO.advocaat, '&regio=Amsterdam&jaar=2026')).find(
      (x) => x.besluit === 'NZa/TB/2026-1744' && x.rechtsmiddel === 'beroep',
    )!;
    expect(zonderZaak.herinnerd.sort()).toEqual([DEMO.advocaat, DEMO.beheerder].sort());
    // With a default person: that person alone.
    const id = t.db.$client.prepare('SELECT id FROM gebruikers WHERE email = ?').pluck().get(DEMO.beheerder) as number;
    t.db.$client.prepare("UPDATE organisaties SET standaard_verantwoordelijke_id = ? WHERE naam = 'Van Dam & Kuipers Advocaten'").run(id);
    const nu = (await termijnen(DEMO.advocaat, '&regio=Amsterdam&jaar=2026')).find((x) => x.besluit === 'NZa/TB/2026-1744' && x.rechtsmiddel === 'beroep')!;
    expect(nu.herinnerd).toEqual([DEMO.beheerder]);
    // A case not yet filed: its responsible person (the in-house department's zaak 4, beroep Utrecht 2026).
    const vanZaak = (await termijnen(DEMO.inhouse, '&regio=Utrecht&jaar=2026')).find((x) => x.besluit === 'NZa/TB/2026-1855' && x.rechtsmiddel === 'beroep')!;
    expect(vanZaak.herinnerd).toEqual([DEMO.inhouse]);
    // A term that passed, and every term of the NZa: nobody is reminded.
    expect((await termijnen(DEMO.advocaat)).filter((x) => x.einde < '2026-11-22').every((x) => x.herinnerd.length === 0)).toBe(true);
    expect((await termijnen(DEMO.nza)).every((x) => x.herinnerd.length === 0)).toBe(true);
  });

  it('shows them on "Mijn week" beside each term', async () => {
    const html = await (await t.als(DEMO.advocaat)('/mijn-week')).text();
    expect(html).toContain('<th scope="col">Herinnerd</th>');
    expect(html).toMatch(
      /mr\. J\. Kuipers, mr\. A\. van Dam <span class="klein">\(alle juristen en beheerders\)<\/span>|mr\. A\. van Dam, mr\. J\. Kuipers <span class="klein">\(alle juristen en beheerders\)<\/span>/,
    );
  });
});

describe('POST /api/v1/clienten (issue 28.3): a client of the token’s organisation', () => {
  const client = (email: string, body: unknown) =>
    t.als(email)('/api/v1/clienten', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  const tb = (email: string, kvk: string, kenmerk: string) =>
    t.als(email)('/api/v1/besluiten', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'tariefbeschikking',
        kenmerk,
        zorgaanbieder: kvk,
        regio: 'Amsterdam',
        jaar: 2027,
        soort: 'vaststelling',
        besluitdatum: '2026-11-16',
        bekendgemaakt: '18-11-2026',
      }),
    });

  it('answers 201 with its id, 409 with the existing id for a KvK number the organisation has, whatever other organisations hold', async () => {
    const r = await client(DEMO.advocaat, { naam: ' Stichting\u200b Nieuwe Haven ', kvk: '91234567', plaats: 'Amsterdam' });
    expect(r.status).toBe(201);
    const nieuw = (await r.json()) as { id: number; naam: string; kvkNummer: string; plaats: string };
    expect(nieuw).toMatchObject({ naam: 'Stichting Nieuwe Haven', kvkNummer: '91234567', plaats: 'Amsterdam', adres: null });
    const dubbel = await client(DEMO.advocaat, { naam: 'Nog eens', kvk: '91234567' });
    expect(dubbel.status).toBe(409);
    expect(await dubbel.json()).toEqual({ fout: 'uw organisatie heeft al een cliënt met KvK-nummer 91234567', id: nieuw.id });
    // Another organisation has its own record of the same KvK number, and of a demo client of the firm's.
    expect((await client(DEMO.inhouse, { naam: 'Stichting Nieuwe Haven', kvk: '91234567' })).status).toBe(201);
    expect((await client(DEMO.inhouse, { naam: 'Amstelhof', kvk: '90000003' })).status).toBe(201);
    expect((await client(DEMO.advocaat, { naam: 'Amstelhof', kvk: '90000003' })).status).toBe(409);
  });

  it('refuses bad input with 422 in Dutch and a reader (lezer) with 403; nothing written', async () => {
    const voor = t.momentopname();
    const fout = await client(DEMO.advocaat, { naam: '', kvk: '123', extra: 1 });
    expect(fout.status).toBe(422);
    expect(JSON.stringify(await fout.json())).toContain('een KvK-nummer heeft 8 cijfers');
    expect((await client(DEMO.lezer, { naam: 'Stichting Lezer', kvk: '91234568' })).status).toBe(403);
    expect(t.momentopname()).toBe(voor);
  });

  it('registers a tariefbeschikking only for the organisation’s own client', async () => {
    // Heuvelrand does not have Maasoever (90000004) as its client, though the firm does.
    const vreemd = await tb(DEMO.inhouse, '90000004', 'NZa/TB/2026-7001');
    expect(vreemd.status).toBe(422);
    expect(JSON.stringify(await vreemd.json())).toContain('uw organisatie treedt niet op voor een zorgaanbieder met KvK-nummer 90000004');
    expect((await client(DEMO.inhouse, { naam: 'Maasoever Gehandicaptenzorg B.V.', kvk: '90000004' })).status).toBe(201);
    expect((await tb(DEMO.inhouse, '90000004', 'NZa/TB/2026-7001')).status).toBe(201);
    // The same kenmerk in the firm's own records is the firm's, untouched by Heuvelrand's.
    expect((await tb(DEMO.advocaat, '90000004', 'NZa/TB/2026-7001')).status).toBe(201);
  });
});

describe('implausible input is warned, not refused (issue 30.4)', () => {
  const besluit = (email: string, velden: Record<string, unknown>) =>
    t.als(email)('/api/v1/besluiten', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'tariefbeschikking', ...velden }),
    });
  const tb = { zorgaanbieder: '90000003', regio: 'Amsterdam', besluitdatum: '1995-01-05', bekendgemaakt: '1995-01-05' };

  it('a bekendmaking more than a year before the year it concerns; a second vaststelling of a region-year', async () => {
    const oud = await besluit(DEMO.advocaat, { ...tb, kenmerk: 'NZa/TB/1995-0001', jaar: 2027, soort: 'wijziging' });
    expect(oud.status).toBe(201);
    const json = (await oud.json()) as { waarschuwingen: { code: string; melding: string }[] };
    expect(json.waarschuwingen).toEqual([
      expect.objectContaining({
        code: 'bekendmaking-ver-voor-jaar',
        melding: expect.stringContaining('De bekendmaking (5 januari 1995) ligt meer dan een jaar vóór 2027'),
      }),
    ]);
    // Amstelhof already has the vaststelling NZa/TB/2026-0188 for Amsterdam 2026.
    const tweede = await besluit(DEMO.advocaat, {
      ...tb,
      kenmerk: 'NZa/TB/2026-9300',
      jaar: 2026,
      soort: 'vaststelling',
      besluitdatum: '2026-11-02',
      bekendgemaakt: '2026-11-03',
    });
    const w = ((await tweede.json()) as { waarschuwingen: { code: string; melding: string }[] }).waarschuwingen;
    expect(w.map((x) => x.code)).toEqual(['tweede-vaststelling']);
    expect(w[0]!.melding).toContain('is al een vaststelling geregistreerd (NZa/TB/2026-0188');
    expect(w[0]!.melding).toContain('Bedoelt u een wijziging?');
    // The form's live preview says the same before saving.
    const voorbeeld = await t.als(DEMO.advocaat)('/besluiten/voorbeeld', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: formulier({
        type: 'tariefbeschikking',
        kenmerk: 'NZa/TB/2026-9301',
        zorgaanbieder: '90000003',
        regio: 'Amsterdam',
        jaar: '2026',
        soort: 'vaststelling',
        besluitdatum: '02-11-2026',
        bekendgemaakt: '03-11-2026',
      }),
    });
    expect(await voorbeeld.text()).toContain('Bedoelt u een wijziging?');
  });

  it('a wijziging of the contracteerruimte that changes no amount', async () => {
    const r = await t.als(DEMO.nza)('/api/v1/besluiten', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'contracteerruimte',
        kenmerk: 'NZa/CR/2026-950',
        soort: 'wijziging',
        besluitdatum: '2026-11-18',
        bekendgemaakt: '2026-11-20',
        // NZa/CR/2026-087 set Utrecht 2026 at this amount.
        bedragen: [{ regio: 'Utrecht', jaar: 2026, bedrag: 1260159188.7 }],
      }),
    });
    expect(r.status).toBe(201);
    const w = ((await r.json()) as { waarschuwingen: { code: string; melding: string }[] }).waarschuwingen;
    expect(w.map((x) => x.code)).toEqual(['wijziging-zonder-verschil']);
    expect(w[0]!.melding).toContain('Deze wijziging verandert geen bedrag');
  });
});

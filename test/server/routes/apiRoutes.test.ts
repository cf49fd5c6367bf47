import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string | string[]>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

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

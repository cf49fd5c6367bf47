import { findEigenTariefbeschikking } from '../../../support/demoGegevens';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { createTestApp, DEMO, formulier } from '../../../support/testApp';

/** GET /api/v1/zaken/{id}/stukken/{soort}.docx (issue 13, point 10): 200 with the document, 409 not offered, 422 missing. */
let t: ReturnType<typeof createTestApp>;
beforeAll(() => (t = createTestApp()));
afterAll(() => t.sluit());
const id = (sql: string) => (t.db.$client.prepare(sql).get() as { id: number }).id;

describe('the filings API', () => {
  it('200: the document as the wizard would make it today, as an attachment, without storing a version', async () => {
    const zaakId = id(`SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0417'`);
    const voor = t.db.$client.prepare('SELECT count(*) AS n FROM zaakdocumenten').get();
    const r = await t.als(DEMO.advocaat)(`/api/v1/zaken/${zaakId}/stukken/clientbrief.docx`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('wordprocessingml');
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="2026-11-22 Brief aan client - Amsterdam 2027 - Amstelhof Wonen en Zorg.docx"; filename*=UTF-8''${encodeURIComponent('2026-11-22 Brief aan cliënt – Amsterdam 2027 – Amstelhof Wonen en Zorg.docx')}`,
    );
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await r.arrayBuffer()) });
    expect(value).toContain('Het beroep is ingesteld op 1 april 2026 (zaaknummer 26/0417).');
    expect(t.db.$client.prepare('SELECT count(*) AS n FROM zaakdocumenten').get()).toEqual(voor);
  });

  it('409 with the reason when the filing is not offered (onherroepelijk, art. 105 lid 4 Wmg)', async () => {
    const tb = findEigenTariefbeschikking(t.db.$client, 'NZa/TB/2026-1630');
    const open = await t.als(DEMO.advocaat)('/zaken', {
      method: 'POST',
      body: formulier({ soort: 'beroep', tariefbeschikkingId: String(tb) }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const zaakId = Number(/\/zaken\/(\d+)/.exec(open.headers.get('location')!)![1]);
    const r = await t.als(DEMO.advocaat)(`/api/v1/zaken/${zaakId}/stukken/beroepschrift.docx`);
    expect(r.status).toBe(409);
    const { fout } = (await r.json()) as { fout: string };
    expect(fout).toContain('onherroepelijk sinds 3 september 2026 (art. 105 lid 4 Wmg)');
  });

  it('422 listing the missing data; 404 for an unknown kind or another organisation’s case; 403 for the NZa', async () => {
    const zaakId = id(
      `SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1744' AND z.soort = 'bezwaar'`,
    );
    const r = await t.als(DEMO.advocaat)(`/api/v1/zaken/${zaakId}/stukken/bezwaarschrift.docx`);
    expect(r.status).toBe(422);
    const json = (await r.json()) as { fout: string; fouten: { veld: string; melding: string }[] };
    expect(json.fouten.map((o) => o.veld)).toEqual(['gronden']);
    expect((await t.als(DEMO.advocaat)(`/api/v1/zaken/${zaakId}/stukken/dagvaarding.docx`)).status).toBe(404);
    expect((await t.als(DEMO.inhouse)(`/api/v1/zaken/${zaakId}/stukken/bezwaarschrift.docx`)).status).toBe(404);
    expect((await t.als(DEMO.nza)(`/api/v1/zaken/${zaakId}/stukken/bezwaarschrift.docx`)).status).toBe(403);
  });
});

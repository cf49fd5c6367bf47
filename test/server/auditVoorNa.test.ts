import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../support/testApp';

/**
 * Issue 28.4 (one sentence of it): every audit entry of a change holds the values before and after. The filing
 * wizard's "aanvullen" (which also changes the client's address, now with an entry on the client itself), the
 * letterhead and the reminder settings.
 */
const t = createTestApp();
afterAll(() => t.sluit());
const sql = t.db.$client;
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const post = (email: string, pad: string, velden: Record<string, string>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: FORM, redirect: 'manual' });
const laatste = (actie: string) =>
  JSON.parse(
    (sql.prepare('SELECT wijzigingen FROM audit_log WHERE actie = ? ORDER BY id DESC LIMIT 1').get(actie) as { wijzigingen: string }).wijzigingen,
  ) as Record<string, unknown>;

describe('audit entries of a change hold before and after', () => {
  it('the filing wizard: the case’s data and the client’s address, each [before, after]', async () => {
    const tb = sql
      .prepare(
        "SELECT id FROM tariefbeschikkingen WHERE kenmerk = 'NZa/TB/2026-0188' AND organisatie_id = (SELECT id FROM organisaties WHERE naam = 'Van Dam & Kuipers Advocaten')",
      )
      .get() as { id: number };
    const geopend = await post(DEMO.advocaat, '/zaken', { soort: 'beroep', tariefbeschikkingId: String(tb.id) });
    const zaakId = Number(/\/zaken\/(\d+)/.exec(geopend.headers.get('location')!)![1]);
    const aanvullen = (velden: Record<string, string>) => post(DEMO.advocaat, `/zaken/${zaakId}/documenten/aanvulling`, { soort: 'beroepschrift', ...velden });
    const zorgaanbiederId = (sql.prepare('SELECT zorgaanbieder_id AS id FROM zaken WHERE id = ?').get(zaakId) as { id: number }).id;
    const adresVoor = (sql.prepare('SELECT adres FROM zorgaanbieders WHERE id = ?').get(zorgaanbiederId) as { adres: string | null }).adres;

    expect((await aanvullen({ indienerAdres: 'Kanaalkade 12', gronden: 'Eerste gronden.' })).status).toBeLessThan(400);
    expect((await aanvullen({ indienerAdres: 'Kanaalkade 14', gronden: 'Tweede gronden.' })).status).toBeLessThan(400);
    const zaak = laatste('gegevens voor stukken aangevuld');
    expect(zaak.adres).toEqual(['Kanaalkade 12', 'Kanaalkade 14']);
    expect(zaak.gronden).toEqual(['Eerste gronden.', 'Tweede gronden.']);
    const client = sql.prepare("SELECT onderwerp_id AS id, wijzigingen FROM audit_log WHERE actie = 'adres van cliënt gewijzigd' ORDER BY id").all() as {
      id: number;
      wijzigingen: string;
    }[];
    expect(client.map((c) => c.id)).toEqual([zorgaanbiederId, zorgaanbiederId]);
    expect(JSON.parse(client[0]!.wijzigingen)).toEqual({ adres: [adresVoor, 'Kanaalkade 12'], zaak: zaakId });
    expect(JSON.parse(client[1]!.wijzigingen)).toEqual({ adres: ['Kanaalkade 12', 'Kanaalkade 14'], zaak: zaakId });
  });

  it('a griffierecht notice changes the case’s date: before and after', async () => {
    const zaakId = (sql.prepare("SELECT id FROM zaken WHERE organisatie_id = 2 AND soort = 'beroep' ORDER BY id LIMIT 1").get() as { id: number }).id;
    const voor = (sql.prepare('SELECT griffierecht_mededeling AS d FROM zaken WHERE id = ?').get(zaakId) as { d: string | null }).d;
    const r = await post(DEMO.advocaat, `/zaken/${zaakId}/documenten/termijn`, { termijnSoort: 'griffierecht', brief: '18-11-2026' });
    expect(r.status).toBeLessThan(400);
    expect(laatste('griffierecht-mededeling geregistreerd').griffierechtMededeling).toEqual([voor, '2026-11-18']);
  });

  it('the notes of a case', async () => {
    const zaakId = (sql.prepare('SELECT id FROM zaken WHERE organisatie_id = 2 ORDER BY id LIMIT 1').get() as { id: number }).id;
    const voor = (sql.prepare('SELECT notities FROM zaken WHERE id = ?').get(zaakId) as { notities: string | null }).notities;
    await post(DEMO.advocaat, `/zaken/${zaakId}/notities`, { notities: 'Cliënt gebeld.', verantwoordelijkeId: '' });
    expect(laatste('notities en verantwoordelijke opgeslagen').notities).toEqual([voor, 'Cliënt gebeld.']);
  });

  it('the letterhead and the reminder settings', async () => {
    await post(DEMO.beheerder, '/instellingen/briefhoofd', { adres: 'Laan 1', postcode: '3511 AB', plaats: 'Utrecht', email: '', telefoon: '' });
    await post(DEMO.beheerder, '/instellingen/briefhoofd', { adres: 'Laan 2', postcode: '3511 AB', plaats: 'Utrecht', email: '', telefoon: '' });
    expect(laatste('briefhoofd gewijzigd')).toEqual({ adres: ['Laan 1', 'Laan 2'] });
    await post(DEMO.advocaat, '/instellingen', { schema: '10, 5, 0', weekoverzicht: 'ja' });
    await post(DEMO.advocaat, '/instellingen', { schema: '7, 1', weekoverzicht: 'ja' });
    expect(laatste('herinneringen ingesteld')).toEqual({ herinneringsschema: ['10,5,0', '7,1'] });
  });
});

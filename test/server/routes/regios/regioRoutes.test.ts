import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../../../support/testApp';

let t: ReturnType<typeof createTestApp>;
const BEHEERDER = DEMO.nzaBeheerder;
// The NZa's beheerder of the demo data: the only one who may change the division (termijnregels §11).
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string | string[]>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
const regio = (code: string) =>
  t.db.$client.prepare('SELECT id, naam, geldig_tot AS geldigTot, opgevolgd_door AS opgevolgdDoor FROM zorgkantoorregios WHERE code = ?').get(code) as {
    id: number;
    naam: string;
    geldigTot: string | null;
    opgevolgdDoor: string | null;
  };
const tb = (kenmerk: string, regioNaam: string, jaar: number) =>
  post(DEMO.advocaat, '/besluiten/tariefbeschikking', {
    kenmerk,
    zorgaanbieder: '90000002',
    regio: regioNaam,
    jaar: String(jaar),
    soort: 'vaststelling',
    besluitdatum: '16-11-2026',
    bekendgemaakt: '18-11-2026',
  });

describe('region management (termijnregels §11): an NZa beheerder renames or merges from a year on', () => {
  it('everyone reads the division; only the NZa beheerder sees the forms, and every other role is refused the writes', async () => {
    const lijst = await (await t.als(DEMO.advocaat)('/regios')).text();
    expect(lijst).toContain('31 regio’s in de huidige indeling');
    expect(lijst).not.toContain('Regio’s samenvoegen');
    expect(await (await t.als(BEHEERDER)('/regios')).text()).toContain('Regio’s samenvoegen');
    const voor = t.momentopname();
    for (const wie of [DEMO.nza, DEMO.advocaat, DEMO.beheerder, DEMO.inhouse]) {
      expect((await post(wie, '/regios/ZK23/naam', { naam: 'Nieuwe naam', vanafJaar: '2028' })).status).toBe(403);
      expect((await post(wie, '/regios/samenvoegen', { bronnen: ['ZK23'], doel: 'ZK24', vanafJaar: '2028' })).status).toBe(403);
    }
    expect(t.momentopname()).toBe(voor);
  });

  it('renames from a year on: the new and the old name find the region, decisions keep it, the change is audited', async () => {
    const oud = regio('ZK23');
    const r = await post(BEHEERDER, '/regios/ZK23/naam', { naam: 'Utrecht-Stad', vanafJaar: '2028' });
    expect(r.status).toBe(303);
    expect(regio('ZK23')).toMatchObject({ id: oud.id, naam: 'Utrecht-Stad' });
    const pagina = await (await t.als(BEHEERDER)('/regios?klaar=naam')).text();
    expect(pagina).toContain('De regio is hernoemd.');
    expect(pagina).toContain(`${oud.naam} <span class="klein">(tot en met 31 december 2027)</span>`);
    // Decisions made for the region keep it (same id); new ones may name it by either name.
    expect((await tb('TB-NIEUWE-NAAM', 'Utrecht-Stad', 2028)).status).toBe(303);
    expect((await tb('TB-OUDE-NAAM', oud.naam, 2027)).status).toBe(303);
    const ids = t.db.$client.prepare("SELECT DISTINCT regio_id FROM tariefbeschikkingen WHERE kenmerk IN ('TB-NIEUWE-NAAM', 'TB-OUDE-NAAM')").pluck().all();
    expect(ids).toEqual([oud.id]);
    // The terms follow: the matrix cell is found by code and shows the new name.
    expect(await (await t.als(DEMO.advocaat)('/matrix/ZK23/2028')).text()).toContain('Utrecht-Stad 2028');
    const audit = t.db.$client.prepare("SELECT actie, wijzigingen FROM audit_log WHERE onderwerp = 'zorgkantoorregio'").all() as {
      actie: string;
      wijzigingen: string;
    }[];
    expect(audit).toEqual([{ actie: 'regio hernoemd', wijzigingen: JSON.stringify({ code: 'ZK23', vanafJaar: 2028, naam: [oud.naam, 'Utrecht-Stad'] }) }]);
    // A restart (the shipped division is seeded again) keeps the beheerder's change.
    const { seedZorgkantoorregios } = await import('../../../../src/db/seedDatabase');
    seedZorgkantoorregios(t.db);
    expect(regio('ZK23').naam).toBe('Utrecht-Stad');
  });

  it('refuses a name another region has or had, an empty name and a bad year, keeping what was typed', async () => {
    const andere = regio('ZK24').naam;
    const r = await post(BEHEERDER, '/regios/ZK23/naam', { naam: andere, vanafJaar: '2028' });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain(`is (of was) de naam van ZK24`);
    expect(html).toContain(`value="${andere}"`);
    expect((await post(BEHEERDER, '/regios/ZK23/naam', { naam: 'Goed', vanafJaar: 'volgend jaar' })).status).toBe(422);
    expect((await post(BEHEERDER, '/regios/ZK23/naam', { naam: ' ', vanafJaar: '2028' })).status).toBe(422);
  });

  it('merges regions into a new one: the old ones end, new decisions for later years must name the successor', async () => {
    const a = regio('ZK23');
    const b = regio('ZK24');
    const r = await post(BEHEERDER, '/regios/samenvoegen', {
      bronnen: ['ZK23', 'ZK24'],
      doel: 'ZK34',
      naam: 'Midden-Nederland',
      zorgkantoor: 'Zilveren Kruis',
      vanafJaar: '2028',
    });
    expect(r.status).toBe(303);
    expect(regio('ZK23')).toMatchObject({ geldigTot: '2027-12-31', opgevolgdDoor: 'ZK34' });
    expect(regio('ZK24')).toMatchObject({ geldigTot: '2027-12-31', opgevolgdDoor: 'ZK34' });
    // A decision for 2028 in an ended region is refused, naming the successor; for 2027 it is still the old region.
    const geweigerd = await tb('TB-TE-LAAT', a.naam, 2028);
    expect(geweigerd.status).toBe(422);
    expect(await geweigerd.text()).toContain(`${a.naam} bestaat in 2028 niet meer (laatste dag 31 december 2027): kies Midden-Nederland (ZK34)`);
    expect((await tb('TB-2027', b.naam, 2027)).status).toBe(303);
    expect((await tb('TB-2028', 'Midden-Nederland', 2028)).status).toBe(303);
    // The new region did not exist before 2028.
    const teVroeg = await tb('TB-TE-VROEG', 'ZK34', 2027);
    expect(await teVroeg.text()).toContain('Midden-Nederland bestaat pas vanaf 1 januari 2028');
    // Existing decisions keep their region.
    const perKenmerk = new Map(
      (
        t.db.$client.prepare("SELECT kenmerk, regio_id AS regioId FROM tariefbeschikkingen WHERE kenmerk IN ('TB-2027', 'TB-2028')").all() as {
          kenmerk: string;
          regioId: number;
        }[]
      ).map((x) => [x.kenmerk, x.regioId]),
    );
    expect(perKenmerk.get('TB-2027')).toBe(b.id);
    expect(perKenmerk.get('TB-2028')).toBe(regio('ZK34').id);
    const pagina = await (await t.als(DEMO.advocaat)('/regios')).text();
    expect(pagina).toContain('opgegaan in ZK34');
    expect(pagina).toContain('Midden-Nederland');
  });

  it('refuses merging a region into itself, an unknown code and a new region without name or zorgkantoor', async () => {
    const r = await post(BEHEERDER, '/regios/samenvoegen', { bronnen: ['ZK23'], doel: 'ZK23', vanafJaar: '2028' });
    expect(await r.text()).toContain('Een regio kan niet in zichzelf opgaan');
    const nieuw = await post(BEHEERDER, '/regios/samenvoegen', { bronnen: ['ZK23'], doel: 'ZK40', vanafJaar: '2028' });
    expect(nieuw.status).toBe(422);
    const html = await nieuw.text();
    expect(html).toContain('Geef de nieuwe regio een naam');
    expect(html).toContain('Welke Wlz-uitvoerder is zorgkantoor');
    expect(regio('ZK23').geldigTot).toBeNull();
  });
});

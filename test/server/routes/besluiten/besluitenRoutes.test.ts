import { findEigenTariefbeschikking } from '../../../support/demoGegevens';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier, leesTekst as tekst } from '../../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string | string[]>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

describe('registering and editing decisions', () => {
  it('saves a tariefbeschikking typed as dd-mm-jjjj and its two terms appear', async () => {
    const r = await post(DEMO.advocaat, '/besluiten/tariefbeschikking', {
      kenmerk: 'NZa/TB/2026-2001',
      zorgaanbieder: '90000003',
      regio: 'amsterdam',
      jaar: '2027',
      soort: 'vaststelling',
      besluitdatum: '16-11-2026',
      bekendgemaakt: '18-11-2026',
    });
    expect(r.status).toBe(303);
    const api = await (await t.als(DEMO.advocaat)('/api/v1/termijnen?regio=Amsterdam&jaar=2027')).json();
    const vanNieuw = api.termijnen.filter((x: { besluit: string }) => x.besluit === 'NZa/TB/2026-2001');
    expect(vanNieuw.map((x: { rechtsmiddel: string; einde: string }) => `${x.rechtsmiddel} ${x.einde}`).sort()).toEqual([
      'beroep 2026-12-30',
      'bezwaar 2026-12-30',
    ]);
  });

  it('keeps what was typed and says what is wrong beside the field', async () => {
    const voor = t.momentopname();
    const r = await post(DEMO.advocaat, '/besluiten/tariefbeschikking', {
      kenmerk: 'NZa/TB/2026-2002',
      zorgaanbieder: '90000003',
      regio: 'Amsterdam',
      jaar: '2027',
      soort: 'vaststelling',
      besluitdatum: '16-11-2026',
      bekendgemaakt: '31-11-2026',
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('&quot;31-11-2026&quot; is geen geldige datum (dd-mm-jjjj)');
    expect(html).toContain('value="NZa/TB/2026-2002"');
    expect(t.momentopname()).toBe(voor);
  });

  it('saves a contracteerruimtebesluit with several years and amounts at once', async () => {
    const r = await post(DEMO.nza, '/besluiten/contracteerruimte', {
      kenmerk: 'NZa/CR/2026-200',
      soort: 'wijziging',
      besluitdatum: '2026-11-18',
      bekendgemaakt: '2026-11-20',
      regio: ['Zeeland', 'Zeeland', ''],
      jaar: ['2027', '2028', ''],
      bedrag: ['€ 812.000.000,00', '830.500.000', ''],
    });
    expect(r.status).toBe(303);
    const besluiten = await (await t.als(DEMO.nza)('/api/v1/besluiten')).json();
    const nieuw = besluiten.contracteerruimtebesluiten.find((b: { kenmerk: string }) => b.kenmerk === 'NZa/CR/2026-200');
    expect(nieuw.bedragen).toEqual([
      { regio: 'Zeeland', jaar: 2027, bedragCenten: 81_200_000_000 },
      { regio: 'Zeeland', jaar: 2028, bedragCenten: 83_050_000_000 },
    ]);
  });

  it('previews the terms before saving, and the sluittarief exclusion with its reason', async () => {
    const voor = t.momentopname();
    const tb = await (
      await post(DEMO.advocaat, '/besluiten/voorbeeld', {
        type: 'tariefbeschikking',
        zorgaanbieder: '90000003',
        regio: 'Utrecht',
        jaar: '2026',
        soort: 'wijziging',
        bekendgemaakt: '13-11-2026',
      })
    ).text();
    expect(tb).toContain('maandag 28 december 2026');
    expect(tb).toContain('eerste Kerstdag');
    // The terms are reasoned for the chosen client, the addressee (termijnregels §4), never for the kenmerk.
    expect(tb).toContain('Stichting Amstelhof Wonen en Zorg');
    const zonderPartij = await (
      await post(DEMO.advocaat, '/besluiten/voorbeeld', {
        type: 'tariefbeschikking',
        regio: 'Utrecht',
        jaar: '2026',
        soort: 'wijziging',
        bekendgemaakt: '13-11-2026',
      })
    ).text();
    expect(zonderPartij).toContain('zorgaanbieder');
    expect(zonderPartij).not.toContain('december 2026');
    const sluit = await (
      await post(DEMO.advocaat, '/besluiten/voorbeeld', {
        type: 'tariefbeschikking',
        zorgaanbieder: '90000003',
        regio: 'Utrecht',
        jaar: '2025',
        soort: 'sluittarief',
        bekendgemaakt: '13-11-2026',
      })
    ).text();
    expect(sluit).toContain('Wlz-sluittarief');
    expect(sluit).toContain('art. 105 lid 2 Wmg');
    expect(t.momentopname()).toBe(voor);
  });

  it('shows a wijziging of the contracteerruimte as old → new amount, and warns when it changes nothing (issue 30.4)', async () => {
    const voorbeeld = async (bedragen: string[]) =>
      tekst(
        await (
          await post(DEMO.nza, '/besluiten/voorbeeld', {
            type: 'contracteerruimte',
            soort: 'wijziging',
            bekendgemaakt: '20-11-2026',
            regio: ['Utrecht', 'Utrecht'],
            jaar: ['2026', '2027'],
            bedrag: bedragen,
          })
        ).text(),
      );
    // In force before: NZa/CR/2026-087 for 2026 (€ 1.260.159.188,70), NZa/CR/2026-121 for 2027 (€ 1.283.262.672,63).
    const anders = await voorbeeld(['1.260.159.188,70', '1.300.000.000,00']);
    expect(anders).toContain('Bedragen: wat gold → wat dit besluit vaststelt');
    expect(anders).toMatch(/Utrecht 2026 € 1\.260\.159\.188,70 \(NZa\/CR\/2026-087\) € 1\.260\.159\.188,70 \(ongewijzigd\)/);
    expect(anders).toMatch(/Utrecht 2027 € 1\.283\.262\.672,63 \(NZa\/CR\/2026-121\) € 1\.300\.000\.000,00/);
    expect(anders).not.toContain('Deze wijziging verandert geen bedrag');
    const niets = await voorbeeld(['1.260.159.188,70', '1.283.262.672,63']);
    expect(niets).toContain('Deze wijziging verandert geen bedrag');
  });

  it('warns at input (termijnregels §7): a bekendmaking in the future, and an end in a year no KB covers', async () => {
    const html = await (
      await post(DEMO.advocaat, '/besluiten/voorbeeld', {
        type: 'tariefbeschikking',
        zorgaanbieder: '90000003',
        regio: 'Utrecht',
        jaar: '2029',
        soort: 'vaststelling',
        bekendgemaakt: '01-12-2028',
      })
    ).text();
    expect(html).toContain('Let op:');
    expect(html).toContain('na de peildatum');
    expect(html).toContain('art. 3 lid 3 Atw');
  });

  it('what-if (engine v2, point 9): another bekendmaking or a hypothetical amendment shows which terms of which parties move — nothing written', async () => {
    const id = findEigenTariefbeschikking(t.db.$client, 'NZa/TB/2026-1744', 'Van Dam & Kuipers Advocaten');
    const voor = t.momentopname();
    const verschoven = await (await post(DEMO.advocaat, `/besluiten/tariefbeschikking/${id}/watals`, { bekendgemaakt: '27-10-2026' })).text();
    expect(verschoven).toContain('Stichting Amstelhof Wonen en Zorg');
    expect(verschoven).toContain('1 december 2026'); // now
    expect(verschoven).toContain('8 december 2026'); // then
    const wijziging = await (
      await post(DEMO.advocaat, `/besluiten/tariefbeschikking/${id}/watals`, { hypothese: 'wijziging-contracteerruimte', hypotheseOp: '01-12-2026' })
    ).text();
    expect(wijziging).toContain('aangenomen besluit');
    expect(wijziging).toContain('beschermend');
    expect(wijziging).toContain('12 januari 2027');
    const zonderDatum = await post(DEMO.advocaat, `/besluiten/tariefbeschikking/${id}/watals`, { hypothese: 'wijziging-contracteerruimte' });
    expect(zonderDatum.status).toBe(422);
    expect(await zonderDatum.text()).toContain('Vul de datum van de hypothetische stap in');
    expect(t.momentopname()).toBe(voor);
    const anderKantoor = await post(DEMO.inhouse, `/besluiten/tariefbeschikking/${id}/watals`, { bekendgemaakt: '27-10-2026' });
    expect(anderKantoor.status).toBe(404);
  });

  it('editing a bekendmaking recomputes the dependent terms and shows what changed', async () => {
    const id = findEigenTariefbeschikking(t.db.$client, 'NZa/TB/2026-1855', 'Stichting Zorggroep Heuvelrand');
    const r = await post(DEMO.inhouse, `/besluiten/tariefbeschikking/${id}/bewerken`, { besluitdatum: '06-11-2026', bekendgemaakt: '12-11-2026' });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('22 december 2026'); // was
    expect(html).toContain('24 december 2026'); // wordt
  });
});

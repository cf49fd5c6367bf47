import { parse } from 'csv-parse/sync';
import { parseEuroBedrag } from '../../../../src/domain/bedragen/euro';
import { xlsxNaarCsvTekst } from '../../../support/libreoffice';
import { loadWerkblad } from '../../../support/xlsx';
import { findEigenClient, findEigenTariefbeschikking } from '../../../support/demoGegevens';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOngecontroleerdeFataleTermijnen } from '../../../../src/services/controle/fataleDatumControle';
import { createTestApp, DEMO, DEMO_AMSTELHOF_BESLUIT as BESLUIT, formulier, leesTekst as tekst } from '../../../support/testApp';
import { DEMO_AMSTELHOF } from '../../../support/testApp';

const AMSTELHOF = { ...DEMO_AMSTELHOF, ...BESLUIT };

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string | string[]>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });

describe('four-eyes check of fatal dates (issue 14)', () => {
  it('refuses the jurist responsible for the case; a colleague confirms; a moved date needs a new check', async () => {
    const orgId = (t.db.$client.prepare(`SELECT organisatie_id AS id FROM gebruikers WHERE email = ?`).get(DEMO.advocaat) as { id: number }).id;
    const open = () => listOngecontroleerdeFataleTermijnen(t.db, t.termijnen, orgId, '2026-11-22').filter((x) => x.einde === '2026-12-01');
    expect(open().length).toBeGreaterThan(0);

    const voor = t.momentopname();
    const eigen = await post(DEMO.advocaat, '/termijnen/controle', { ...AMSTELHOF, terug: '/zaken/5' });
    expect(eigen.status).toBe(422);
    expect(tekst(await eigen.text())).toContain('U kunt deze datum niet zelf controleren: u bent verantwoordelijk voor de zaak. Vraag mr. A. van Dam');
    expect(t.momentopname()).toBe(voor);

    const collega = await post(DEMO.beheerder, '/termijnen/controle', { ...AMSTELHOF, terug: '/zaken/5' });
    expect(collega.status).toBe(303);
    expect(collega.headers.get('location')).toBe('/zaken/5?klaar=gecontroleerd');
    const pagina = tekst(await (await t.als(DEMO.advocaat)('/zaken/5?klaar=gecontroleerd')).text());
    expect(pagina).toContain('Opgeslagen: de datum is gecontroleerd (vier ogen).');
    expect(pagina).toMatch(
      /Gecontroleerd door mr\. A\. van Dam op \d{1,2} \w+ 2026 om \d\d:\d\d: vergeleken met NZa\/TB\/2026-1744, bekendgemaakt dinsdag 20 oktober 2026 \(volgens het poststempel op de envelop\), laatste dag dinsdag 1 december 2026\./,
    );
    expect(open()).toEqual([]);

    // The bekendmaking is corrected: the last day moves, and the new date is unchecked again.
    const tbId = findEigenTariefbeschikking(t.db.$client, 'NZa/TB/2026-1744', 'Van Dam & Kuipers Advocaten');
    expect(
      (await post(DEMO.beheerder, `/besluiten/tariefbeschikking/${tbId}/bewerken`, { besluitdatum: '15-10-2026', bekendgemaakt: '21-10-2026' })).status,
    ).toBe(200);
    expect(
      listOngecontroleerdeFataleTermijnen(t.db, t.termijnen, orgId, '2026-11-22').some((x) => x.besluit === 'NZa/TB/2026-1744' && x.einde === '2026-12-02'),
    ).toBe(true);
    expect(tekst(await (await t.als(DEMO.advocaat)('/zaken/5')).text())).toContain('Niet gecontroleerd.');
  });

  it('refuses a date that is no term of the organisation, and a redirect off the site', async () => {
    const voor = t.momentopname();
    const geen = await post(DEMO.beheerder, '/termijnen/controle', { ...AMSTELHOF, einde: '2026-12-02' });
    expect(geen.status).toBe(404);
    expect(tekst(await geen.text())).toContain('Deze datum is niet (meer) de laatste dag van een lopende termijn van uw organisatie.');
    expect(t.momentopname()).toBe(voor);
    const r = await post(DEMO.beheerder, '/termijnen/controle', { ...AMSTELHOF, terug: '//evil.example/' });
    expect(r.headers.get('location')).toBe('/mijn-week?klaar=gecontroleerd');
  });
});

describe('Mijn week and the NZa workspace (issue 14)', () => {
  it('lists the terms of the next 10 working days per responsible person, with filters and a way to open a case', async () => {
    const html = tekst(await (await t.als(DEMO.advocaat)('/mijn-week')).text());
    expect(html).toContain('t/m vrijdag 4 december 2026: de komende 10 werkdagen');
    expect(html).toContain('mr. J. Kuipers — 1 termijn');
    expect(html).toContain('Geen zaak of geen verantwoordelijke (herinnerd: zie per termijn) — 1 termijn');
    expect(html).toContain('Zaak openen');
    const alleenNiemand = tekst(await (await t.als(DEMO.advocaat)('/mijn-week?verantwoordelijke=niemand&rechtsmiddel=beroep')).text());
    expect(alleenNiemand).not.toContain('mr. J. Kuipers — ');
    expect(alleenNiemand).toContain('1 termijn in deze periode');
  });

  it('shows the NZa every region with totals that add up, the 1 March window per week, and exports in Dutch', async () => {
    const html = await (await t.als(DEMO.nza)('/werkruimte')).text();
    const telling = [...html.matchAll(/<span class="status status-[a-z-]+">[^<]+<\/span> <strong>(\d+)<\/strong>/g)].map((m) => Number(m[1]));
    const totaal = Number(/samen <strong>(\d+)<\/strong>/.exec(html)![1]);
    expect(telling).toHaveLength(4);
    expect(telling.reduce((a, b) => a + b, 0)).toBe(totaal);
    expect(tekst(html)).toContain('Venster art. 105 lid 3 Wmg: 1 maart 2027 t/m 12 april 2027, per week');
    expect(tekst(html)).toContain('Stichting Amstelhof Wonen en Zorg, ingesteld 1 april 2026');
    const gefilterd = await (await t.als(DEMO.nza)('/werkruimte?status=in-beroep')).text();
    expect(Number(/samen <strong>(\d+)<\/strong>/.exec(gefilterd)![1])).toBe(telling[2]);
    const csv = await (await t.als(DEMO.nza)('/werkruimte/export.csv?status=in-beroep')).text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'Regio;Jaar;Contracteerruimte;Stand;Veilige uiterste datum;Onherroepelijk sinds;Opent op;Lopende beroepen;Partijen;Toelichting',
    );
    expect(csv).toContain('in beroep');
    // The NZa never sees a firm's cases: /zaken points to the workspace instead.
    const zaken = tekst(await (await t.als(DEMO.nza)('/zaken')).text());
    expect(zaken).toContain('De NZa heeft hier geen zaken.');
    expect(zaken).not.toContain('Zaak 1');
  });
});

describe('who may check a date is said before any click (issue 30.2)', () => {
  it('the responsible jurist is told why not and offered no button; a colleague is offered it; who registered the decision is told so', async () => {
    const eigen = tekst(await (await t.als(DEMO.advocaat)('/zaken/5')).text());
    expect(eigen).toContain('U kunt deze datum niet zelf controleren: u bent verantwoordelijk voor de zaak. Vraag mr. A. van Dam');
    expect(eigen).not.toMatch(/Controleren\s*: 1 december 2026/);
    const collega = tekst(await (await t.als(DEMO.beheerder)('/zaken/5')).text());
    expect(collega).toMatch(/Controleren\s*: 1 december 2026/);
    expect(collega).not.toContain('niet zelf controleren');
    // The beheerder registers a tariefbeschikking: on its cell page the beheerder may not check its date, the jurist may.
    const r = await post(DEMO.beheerder, '/besluiten/tariefbeschikking', {
      kenmerk: 'NZa/TB/2026-9500',
      zorgaanbieder: '90000004',
      regio: 'Zeeland',
      jaar: '2027',
      soort: 'vaststelling',
      besluitdatum: '16-11-2026',
      bekendgemaakt: '18-11-2026',
    });
    expect(r.status).toBe(303);
    const pad = r.headers.get('location')!.replace(/\?.*$/, '');
    expect(tekst(await (await t.als(DEMO.beheerder)(pad)).text())).toContain(
      'U kunt deze datum niet zelf controleren: u hebt het besluit geregistreerd of de data ervan gewijzigd.',
    );
    expect(tekst(await (await t.als(DEMO.advocaat)(pad)).text())).not.toContain('niet zelf controleren: u hebt het besluit geregistreerd');
  });
});

describe('the beroepen the NZa received (issue 28.1): the only source of its pending beroepen', () => {
  const beroep = {
    cbbZaaknummer: '26/0555',
    appellant: 'Maasoever Gehandicaptenzorg B.V.',
    regio: 'Zeeland',
    jaar: '2027',
    tegen: 'NZa/CR/2025-118',
    ingesteld: '02-03-2027',
  };
  const cel = (html: string, regio: string, jaar: number) => {
    const rij = new RegExp(`<tr>\\s*<td><a href="[^"]+">${regio} ${jaar}</a></td>[\\s\\S]*?</tr>`).exec(html);
    return rij ? tekst(rij[0]) : '';
  };

  it('registers one from the CBb notice: the region-year reads in beroep, the appellant and date shown; audited before/after', async () => {
    const voorHtml = await (await t.als(DEMO.nza)('/werkruimte?peildatum=2026-11-22')).text();
    expect(cel(voorHtml, 'Zeeland', 2027)).not.toContain('ingesteld');
    const r = await post(DEMO.nza, '/werkruimte/beroepen', { ...beroep, ingesteld: '20-11-2026' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/werkruimte?klaar=beroep-geregistreerd#ontvangen-kop');
    const html = await (await t.als(DEMO.nza)('/werkruimte?peildatum=2026-11-22&klaar=beroep-geregistreerd')).text();
    expect(tekst(html)).toContain('Het ontvangen beroep is geregistreerd');
    expect(cel(html, 'Zeeland', 2027)).toContain('in beroep');
    expect(cel(html, 'Zeeland', 2027)).toContain('Maasoever Gehandicaptenzorg B.V., ingesteld 20 november 2026');
    const log = t.db.$client.prepare("SELECT wijzigingen FROM audit_log WHERE actie = 'ontvangen beroep geregistreerd'").pluck().get() as string;
    expect(JSON.parse(log)).toMatchObject({ cbbZaaknummer: [null, '26/0555'], ingesteld: [null, '2026-11-20'] });
    // The CBb decided: the beroep no longer holds the region-year open.
    const id = t.db.$client.prepare("SELECT id FROM ontvangen_beroepen WHERE cbb_zaaknummer = '26/0555'").pluck().get() as number;
    expect((await post(DEMO.nza, `/werkruimte/beroepen/${id}/afgerond`, { afgerond: '2026-11-21' })).status).toBe(303);
    expect(cel(await (await t.als(DEMO.nza)('/werkruimte?peildatum=2026-11-22')).text(), 'Zeeland', 2027)).not.toContain('ingesteld 20 november');
  });

  it('refuses what cannot be (unknown besluit for the cell, a date after today, a zaaknummer twice) in Dutch, keeping what was typed', async () => {
    const voor = t.momentopname();
    const fout = await post(DEMO.nza, '/werkruimte/beroepen', { ...beroep, regio: 'Amsterdam', tegen: 'NZa/CR/BESTAAT-NIET' });
    expect(fout.status).toBe(422);
    const html = await fout.text();
    expect(tekst(html)).toContain('NZa/CR/BESTAAT-NIET is geen contracteerruimtebesluit voor Amsterdam 2027');
    expect(tekst(html)).toContain('De datum van ontvangst ligt na vandaag (22 november 2026)');
    expect(html).toContain('value="Maasoever Gehandicaptenzorg B.V."');
    const dubbel = await post(DEMO.nza, '/werkruimte/beroepen', { ...beroep, cbbZaaknummer: '26/0417', ingesteld: '20-11-2026' });
    expect(tekst(await dubbel.text())).toContain('Zaaknummer 26/0417 is al geregistreerd');
    expect(t.momentopname()).toBe(voor);
  });

  it('is the NZa’s alone: a firm’s filed beroep does not appear in the NZa’s workspace, and a firm cannot register one', async () => {
    const voor = await (await t.als(DEMO.nza)('/werkruimte?peildatum=2026-11-22')).text();
    expect((await post(DEMO.advocaat, '/zaken/5/ingesteld', { ingesteld: '20-11-2026' })).status).toBe(303);
    expect(await (await t.als(DEMO.nza)('/werkruimte?peildatum=2026-11-22')).text()).toBe(voor);
    expect((await post(DEMO.advocaat, '/werkruimte/beroepen', beroep)).status).toBe(403);
  });
});

describe('plausible input (issue 14)', () => {
  it('refuses a filing date or a bekendmaking after today in Dutch, and changes nothing', async () => {
    const voor = t.momentopname();
    const zaak = await post(DEMO.advocaat, '/zaken/5/ingesteld', { ingesteld: '23-11-2026' });
    expect(zaak.status).toBe(422);
    expect(tekst(await zaak.text())).toContain('De datum van indienen ligt na vandaag (22 november 2026)');
    const besluit = await post(DEMO.advocaat, '/besluiten/tariefbeschikking', {
      kenmerk: 'NZa/TB/2026-9901',
      zorgaanbieder: '90000003',
      regio: 'Amsterdam',
      jaar: '2027',
      soort: 'vaststelling',
      besluitdatum: '20-11-2026',
      bekendgemaakt: '25-11-2026',
    });
    expect(besluit.status).toBe(422);
    expect(tekst(await besluit.text())).toContain('de datum van bekendmaking ligt na vandaag (22 november 2026)');
    expect(t.momentopname()).toBe(voor);
  });

  it('undoes "beroep ingesteld" with a timeline entry and an audit entry', async () => {
    const zaakId = (t.db.$client.prepare(`SELECT id FROM zaken WHERE organisatie_id = 2 AND status = 'ingediend' ORDER BY id LIMIT 1`).get() as { id: number })
      .id;
    const r = await post(DEMO.advocaat, `/zaken/${zaakId}/ingesteld-ongedaan`, {});
    expect(r.headers.get('location')).toBe(`/zaken/${zaakId}?klaar=ingesteld-ongedaan`);
    const pagina = tekst(await (await t.als(DEMO.advocaat)(`/zaken/${zaakId}?klaar=ingesteld-ongedaan`)).text());
    expect(pagina).toContain('Het instellen is ongedaan gemaakt; de zaak is weer concept.');
    expect(pagina).toMatch(/Registratie "beroep ingesteld" ongedaan gemaakt \(was: ingediend op 1 april 2026, CBb 26\/0417\)/);
    expect(pagina).toContain('Registreer beroep ingesteld');
    const audit = t.db.$client.prepare(`SELECT actie FROM audit_log WHERE onderwerp = 'zaak' AND onderwerp_id = ? ORDER BY id DESC LIMIT 1`).get(zaakId) as {
      actie: string;
    };
    expect(audit.actie).toBe('beroep ingesteld ongedaan gemaakt');
  });

  it('warns on the case page when a beroep was filed before its besluit was made known (art. 6:10 Awb)', async () => {
    const zaak = (
      t.db.$client.prepare(`SELECT id FROM zaken WHERE organisatie_id = 2 AND soort = 'beroep' AND status = 'concept' ORDER BY id LIMIT 1`).get() as
        { id: number } | undefined
    )?.id;
    // Open a beroep via NZa/CR/2026-121 (made known 13 November 2026) and file it on 1 November.
    const cr = (t.db.$client.prepare(`SELECT id FROM contracteerruimtebesluiten WHERE kenmerk = 'NZa/CR/2026-121'`).get() as { id: number }).id;
    // The client is the appellant (issue 13: a case against a contracteerruimtebesluit needs one).
    const client = findEigenClient(t.db.$client, '90000003');
    const geopend = await post(DEMO.advocaat, '/zaken', {
      soort: 'beroep',
      contracteerruimtebesluitId: String(cr),
      regio: 'Amsterdam',
      jaar: '2028',
      zorgaanbiederId: String(client),
    });
    const id = /\/zaken\/(\d+)/.exec(geopend.headers.get('location') ?? '')?.[1] ?? String(zaak);
    expect((await post(DEMO.advocaat, `/zaken/${id}/ingesteld`, { ingesteld: '01-11-2026' })).status).toBe(303);
    const pagina = tekst(await (await t.als(DEMO.advocaat)(`/zaken/${id}`)).text());
    expect(pagina).toContain('Let op:');
    expect(pagina).toContain('art. 6:10');
  });
});

describe('a term whose last day passed (issue 30.3)', () => {
  it('reads "verlopen", offers no new case, and stays on Mijn week while its case is still a concept', async () => {
    // Made known 5 October 2026: the bezwaar term ended before today (22 November 2026).
    const r = await post(DEMO.advocaat, '/besluiten/tariefbeschikking', {
      kenmerk: 'NZa/TB/2026-9200',
      zorgaanbieder: '90000003',
      regio: 'Zeeland',
      jaar: '2026',
      soort: 'wijziging',
      besluitdatum: '02-10-2026',
      bekendgemaakt: '05-10-2026',
    });
    expect(r.status).toBe(303);
    const cel = await (await t.als(DEMO.advocaat)(r.headers.get('location')!)).text();
    // The history item of this tariefbeschikking: its terms and its actions, up to the next item.
    const begin = cel.indexOf('NZa/TB/2026-9200');
    const blok = cel.slice(begin, cel.indexOf('<li class="tijdlijn-item', begin + 1) > 0 ? cel.indexOf('<li class="tijdlijn-item', begin + 1) : undefined);
    expect(begin).toBeGreaterThan(0);
    expect(blok).toContain('<span class="label-verlopen">verlopen</span>');
    expect(blok).not.toContain('Bezwaarzaak openen');
    // Before a case: not on Mijn week (nothing to do for a passed term without a case).
    expect(tekst(await (await t.als(DEMO.advocaat)('/mijn-week')).text())).not.toContain('NZa/TB/2026-9200');
    const tbId = findEigenTariefbeschikking(t.db.$client, 'NZa/TB/2026-9200');
    const zaak = await post(DEMO.advocaat, '/zaken', { soort: 'bezwaar', tariefbeschikkingId: String(tbId) });
    expect(zaak.status).toBe(303);
    const week = tekst(await (await t.als(DEMO.advocaat)('/mijn-week')).text());
    expect(week).toContain('NZa/TB/2026-9200');
    expect(week).toContain('verlopen: zaak nog concept (art. 6:11 Awb)');
  });
});

describe('the NZa workspace as .xlsx (issue 34)', () => {
  it('has the contracteerruimte as euro numbers and real dates, which LibreOffice shows as amounts and Dutch dates', async () => {
    const csv = parse((await (await t.als(DEMO.nza)('/werkruimte/export.csv')).text()).replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    const r = await t.als(DEMO.nza)('/werkruimte/export.xlsx');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="werkruimte-nza-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const bytes = new Uint8Array(await r.arrayBuffer());
    const blad = await loadWerkblad(bytes);
    expect(blad.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    blad.getRow(1).eachCell((kop, k) => expect(blad.getColumn(k).width, String(kop.value)).toBeGreaterThanOrEqual(String(kop.value).length + 2));
    expect(blad.getColumn(3).numFmt).toBe('[$€-413] #,##0.00;[$€-413] -#,##0.00');
    const lo = parse(await xlsxNaarCsvTekst(bytes, 'werkruimte'), { delimiter: ';' }) as string[][];
    expect(lo[0]).toEqual(csv[0]);
    expect(lo.length).toBe(csv.length);
    let bedragen = 0;
    let datums = 0;
    for (let i = 1; i < csv.length; i++) {
      const cel = blad.getRow(i + 1).getCell(3).value;
      if (csv[i]![2] === '') {
        expect(cel).toBeNull();
        continue;
      }
      bedragen++;
      // The CSV's "1.912.345.678,90", the workbook's number of euros and LibreOffice's "€ 1.912.345.678,90": one amount.
      expect(typeof cel).toBe('number');
      expect(Math.round((cel as number) * 100)).toBe(parseEuroBedrag(csv[i]![2]!));
      // LibreOffice groups the digits as its own locale does (here the headless en-US: "€ 666,912,442.77").
      expect(lo[i]![2]).toMatch(/^€ \d{1,3}([.,]\d{3})*[.,]\d{2}$/);
      expect(Number(lo[i]![2]!.replace(/\D/g, ''))).toBe(parseEuroBedrag(csv[i]![2]!));
      // Dates: "1 december 2026" in the CSV, a date cell shown the same by LibreOffice.
      for (const k of [4, 5, 6]) {
        if (csv[i]![k] === '') continue;
        datums++;
        expect(blad.getRow(i + 1).getCell(k + 1).value).toBeInstanceOf(Date);
        expect(lo[i]![k]).toBe(csv[i]![k]);
      }
    }
    expect(bedragen).toBeGreaterThan(0);
    expect(datums).toBeGreaterThan(0);
  });
});

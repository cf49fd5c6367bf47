import { findEigenClient, findEigenTariefbeschikking } from '../support/demoGegevens';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { createTestApp, DEMO, formulier } from '../support/testApp';
import { docxNaarPdfTekst } from '../support/libreoffice';

/**
 * Issue 13: one scenario per filing situation, each generated through the wizard (POST downloads the .docx), read back
 * with mammoth and asserted sentence by sentence. The seed's "today" is 22 November 2026.
 */
let t: ReturnType<typeof createTestApp>;
beforeAll(() => (t = createTestApp()));
afterAll(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
const id = (sql: string) => (t.db.$client.prepare(sql).get() as { id: number }).id;
const tbId = (kenmerk: string) => findEigenTariefbeschikking(t.db.$client, kenmerk);

/** Generates a filing through the wizard: the answer is the .docx itself (attachment); returns it with its text. */
async function generate(email: string, zaakId: number, velden: Record<string, string>) {
  const r = await post(email, `/zaken/${zaakId}/documenten`, velden);
  expect(
    r.status,
    r.status === 200
      ? ''
      : (await r.clone().text())
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .slice(0, 1500),
  ).toBe(200);
  expect(r.headers.get('content-type')).toContain('wordprocessingml');
  const docx = Buffer.from(await r.arrayBuffer());
  const { value } = await mammoth.extractRawText({ buffer: docx });
  const documentId = id(`SELECT id FROM zaakdocumenten WHERE zaak_id = ${zaakId} ORDER BY id DESC LIMIT 1`);
  return { docx, tekst: value.replace(/\s+/g, ' '), disposition: r.headers.get('content-disposition') ?? '', documentId };
}
async function aanvullen(email: string, zaakId: number, velden: Record<string, string>) {
  const r = await post(email, `/zaken/${zaakId}/documenten/aanvulling`, velden);
  expect(
    r.status,
    (await r.clone().text())
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .slice(0, 800),
  ).toBe(303);
}
async function openZaak(email: string, velden: Record<string, string>) {
  const r = await post(email, '/zaken', velden);
  expect(r.status).toBe(303);
  return Number(/\/zaken\/(\d+)/.exec(r.headers.get('location') ?? '')![1]);
}
const beroepAmsterdam2027 = () => id(`SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0417'`);

describe('lid 3: beroep against the contracteerruimte Amsterdam 2027 (advocaat)', () => {
  it('names the contested besluit, the advocaat without volmacht, the lid-3 timeliness; bijlagen numbered as producties', async () => {
    const { tekst, disposition, docx } = await generate(DEMO.advocaat, beroepAmsterdam2027(), { soort: 'beroepschrift' });
    expect(tekst).toContain(
      'Stichting Amstelhof Wonen en Zorg, gevestigd te Amsterdam, Amsteldijk 200, 1074 HX Amsterdam, ingeschreven in het handelsregister onder nummer 90000003 (hierna: appellante), die in deze procedure woonplaats kiest ten kantore van haar gemachtigde mr. J. Kuipers, advocaat, verbonden aan Van Dam & Kuipers Advocaten te Utrecht,',
    );
    expect(tekst).toContain(
      'Het beroep richt zich tegen het contracteerruimtebesluit van de NZa met kenmerk NZa/CR/2025-118, gedagtekend 11 november 2025 en bekendgemaakt op 14 november 2025, voor zover daarbij de regionale contracteerruimte is vastgesteld voor de zorgkantoorregio Amsterdam',
    );
    expect(tekst).toContain('Het beroep is tijdig ingesteld.');
    expect(tekst).toContain(
      'op grond van art. 105 lid 3 Wmg aangevangen op 1 maart 2026, 1 maart van het kalenderjaar na de bekendmaking, en eindigt op 13 april 2026',
    );
    expect(tekst).toContain('Utrecht, 1 april 2026');
    expect(tekst).toContain(
      'Hoogachtend, ____________________________mr. J. Kuipersadvocaat, gemachtigde van Stichting Amstelhof Wonen en ZorgVan Dam & Kuipers Advocaten',
    );
    expect(tekst).toContain('Productie 1: het bestreden contracteerruimtebesluit NZa/CR/2025-118 van 11 november 2025');
    expect(tekst).not.toContain('volmacht');
    expect(tekst).not.toContain('art. 6:11 Awb');
    expect(tekst).not.toContain('namens');
    // Download name (point 9): dagtekening, title, region and year, client without legal form.
    expect(disposition).toContain('attachment;');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe(
      '2026-04-01 Beroepschrift CBb – Amsterdam 2027 – Amstelhof Wonen en Zorg.docx',
    );
    // Document hygiene (point 8): properties, language, black headings.
    const zip = await JSZip.loadAsync(docx);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>Beroepschrift (CBb)</dc:title>');
    expect(core).toContain('<dc:creator>mr. J. Kuipers</dc:creator>');
    expect(core).toContain('<dc:language>nl-NL</dc:language>');
    expect(await zip.file('docProps/app.xml')!.async('string')).toContain('<Company>Van Dam &amp; Kuipers Advocaten</Company>');
    const stijlen = await zip.file('word/styles.xml')!.async('string');
    expect(stijlen).toContain('w:lang w:val="nl-NL"');
    expect(stijlen).not.toContain('1F3A5F');
    const pdf = await docxNaarPdfTekst(docx, 'lid3');
    expect(pdf.tekst).toContain('Beroepschrift');
    expect(pdf.tekst).toContain('Pagina 1 van');
  }, 120_000);

  it('early (art. 6:10): dated before 1 March the filing explains why it is not inadmissible and never says "tijdig"', async () => {
    const { tekst } = await generate(DEMO.advocaat, beroepAmsterdam2027(), { soort: 'beroepschrift', dagtekening: '16-02-2026' });
    expect(tekst).toContain('Indiening vóór het begin van de termijn');
    expect(tekst).toContain('De termijn voor het beroep vangt op grond van art. 105 lid 3 Wmg aan op 1 maart 2026 en eindigt op 13 april 2026');
    expect(tekst).toContain('Het bestreden besluit was op de dag van indiening al tot stand gekomen; het is bekendgemaakt op 14 november 2025.');
    expect(tekst).toContain(
      'Op grond van art. 6:10 lid 1 Awb blijft niet-ontvankelijkverklaring wegens de indiening vóór het begin van de termijn daarom achterwege.',
    );
    expect(tekst).not.toContain('tijdig ingesteld');
  });

  it('late (art. 6:11): refused until the facts are given; then only the 6:11 paragraph with those facts, never "tijdig"', async () => {
    // The filed beroep 26/0417 takes no second beroepschrift dated later (issue 29.8); a concept case against the same besluit does.
    const gevuld = await post(DEMO.advocaat, `/zaken/${beroepAmsterdam2027()}/documenten`, { soort: 'beroepschrift', dagtekening: '23-11-2026' });
    expect(gevuld.status).toBe(409);
    expect(await gevuld.text()).toContain('het beroep is al ingesteld op 1 april 2026 (zaaknummer 26/0417)');
    const amstelhof = id(
      `SELECT id FROM zorgaanbieders WHERE kvk_nummer = '90000003' AND organisatie_id = (SELECT id FROM organisaties WHERE naam = 'Van Dam & Kuipers Advocaten')`,
    );
    const zaakId = await openZaak(DEMO.advocaat, {
      soort: 'beroep',
      contracteerruimtebesluitId: String(id(`SELECT id FROM contracteerruimtebesluiten WHERE kenmerk = 'NZa/CR/2025-118'`)),
      regio: 'Amsterdam',
      jaar: '2027',
      zorgaanbiederId: String(amstelhof),
    });
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'beroepschrift', gronden: 'De contracteerruimte is te laag vastgesteld.' });
    const zonder = await post(DEMO.advocaat, `/zaken/${zaakId}/documenten`, { soort: 'beroepschrift', dagtekening: '23-11-2026' });
    expect(zonder.status).toBe(422);
    expect(await zonder.text()).toContain('beschrijf waarom de termijnoverschrijding verschoonbaar is (art. 6:11 Awb)');
    await aanvullen(DEMO.advocaat, zaakId, {
      soort: 'beroepschrift',
      dagtekening: '23-11-2026',
      verschoonbaarheid: 'De tariefbeschikking is door een storing bij PostNL pas op 20 november 2026 bezorgd.',
    });
    const { tekst } = await generate(DEMO.advocaat, zaakId, { soort: 'beroepschrift', dagtekening: '23-11-2026' });
    expect(tekst).toContain('Termijnoverschrijding');
    expect(tekst).toContain(
      'De termijn voor het beroep eindigde op 13 april 2026 (art. 6:7 Awb, art. 105 lid 3 Wmg, art. 1 Atw). Appellante verzoekt uw College de termijnoverschrijding verschoonbaar te achten en van niet-ontvankelijkverklaring af te zien (art. 6:11 Awb), op grond van het volgende.',
    );
    expect(tekst).toContain('De tariefbeschikking is door een storing bij PostNL pas op 20 november 2026 bezorgd.');
    expect(tekst).not.toContain('tijdig');
  });

  it('shows the engine doubt (art. 6:19) as a sentence in the wizard before generating', async () => {
    const html = await (await t.als(DEMO.advocaat)(`/zaken/${beroepAmsterdam2027()}/documenten/nieuw?soort=beroepschrift`)).text();
    expect(html).toContain('Twijfel in de termijnberekening');
    expect(html).toContain('strekt zich van rechtswege uit tot besluit NZa/CR/2026-121 (art. 6:19 lid 1 Awb)');
    expect(html).toContain('een advocaat kan digitaal indienen via Mijn Rechtspraak');
  });
});

describe('lid 2: beroep via a tariefbeschikking, pro forma, then aanvullende gronden after the hersteltermijn', () => {
  let beroepId = 0;
  it('names the contracteerruimtebesluit the tariefbeschikking applied and the tariefbeschikking that opened the term', async () => {
    beroepId = await openZaak(DEMO.advocaat, { soort: 'beroep', tariefbeschikkingId: String(tbId('NZa/TB/2026-1744')) });
    const { tekst } = await generate(DEMO.advocaat, beroepId, { soort: 'beroepschrift-pro-forma', dagtekening: '20-11-2026' });
    expect(tekst).toContain('Beroepschrift (pro forma)');
    expect(tekst).toContain(
      // After an amendment: the vaststelling as amended, never the wijzigingsbesluit alone as "vastgesteld" (issue 29.2).
      'Het beroep richt zich tegen het contracteerruimtebesluit van de NZa met kenmerk NZa/CR/2025-118, gedagtekend 11 november 2025 en bekendgemaakt op 14 november 2025, zoals gewijzigd bij het besluit met kenmerk NZa/CR/2026-087, gedagtekend 10 september 2026 en bekendgemaakt op 15 september 2026, voor zover daarbij de regionale contracteerruimte is vastgesteld voor de zorgkantoorregio Amsterdam',
    );
    expect(tekst).toContain('voor het jaar 2026');
    expect(tekst).toContain(
      'De NZa heeft deze contracteerruimte toegepast in de tariefbeschikking (wijziging in de herschikking) met kenmerk NZa/TB/2026-1744, gedagtekend 16 oktober 2026 en aan appellante bekendgemaakt op 20 oktober 2026. Met die bekendmaking is voor appellante de termijn voor beroep tegen de regionale contracteerruimte gaan lopen (art. 105 lid 2 Wmg).',
    );
    expect(tekst).toContain(
      'De termijn van zes weken (art. 6:7 Awb) is op grond van art. 105 lid 2 Wmg aangevangen met ingang van de dag na die waarop tariefbeschikking NZa/TB/2026-1744 op 20 oktober 2026 aan appellante is bekendgemaakt, en eindigt op 1 december 2026',
    );
    expect(tekst).toContain(
      'Appellante verzoekt uw College haar op grond van art. 6:6 Awb een termijn te stellen van ten minste vier weken om de gronden van het beroep aan te vullen.',
    );
    expect(tekst).toContain('Productie 1: het contracteerruimtebesluit NZa/CR/2025-118 van 11 november 2025');
    expect(tekst).toContain('Productie 2: het wijzigingsbesluit NZa/CR/2026-087 van 10 september 2026');
    expect(tekst).toContain('Productie 3: de tariefbeschikking NZa/TB/2026-1744 van 16 oktober 2026');
  });

  it('aanvullende gronden are refused before the timeline knows the beroep was filed; then use their own text, date and the hersteltermijn', async () => {
    const voor = await post(DEMO.advocaat, `/zaken/${beroepId}/documenten`, { soort: 'aanvullende-gronden' });
    expect(voor.status).toBe(409);
    expect(await voor.text()).toContain('registreer eerst op de zaakpagina dat het beroep is ingesteld');
    expect((await post(DEMO.advocaat, `/zaken/${beroepId}/ingesteld`, { ingesteld: '20-11-2026', cbbZaaknummer: '26/3000' })).status).toBe(303);
    // The griffier's hersteltermijn ends on a Sunday: the date as set, never moved by the Atw (art. 6:6 Awb).
    expect(
      (await post(DEMO.advocaat, `/zaken/${beroepId}/documenten/termijn`, { termijnSoort: 'hersteltermijn', brief: '21-11-2026', einde: '27-12-2026' })).status,
    ).toBe(303);
    const pagina = await (await t.als(DEMO.advocaat)(`/zaken/${beroepId}`)).text();
    expect(pagina).toContain('Gronden aanvullen</strong>: uiterlijk zondag 27 december 2026');
    await aanvullen(DEMO.advocaat, beroepId, {
      soort: 'aanvullende-gronden',
      aanvullendeGronden: 'De NZa heeft de groei van de cliëntenpopulatie niet meegewogen.',
    });
    const { tekst } = await generate(DEMO.advocaat, beroepId, { soort: 'aanvullende-gronden', dagtekening: '20-12-2026' });
    expect(tekst).toContain('Utrecht, 20 december 2026');
    expect(tekst).toContain(
      'vult hierbij de gronden aan van het beroep dat zij op 20 november 2026 pro forma heeft ingesteld (zaaknummer 26/3000) tegen het contracteerruimtebesluit van de NZa met kenmerk NZa/CR/2025-118, gedagtekend 11 november 2025 en bekendgemaakt op 14 november 2025, zoals gewijzigd bij het besluit met kenmerk NZa/CR/2026-087, gedagtekend 10 september 2026 en bekendgemaakt op 15 september 2026, voor zover daarbij de regionale contracteerruimte Amsterdam 2026 is vastgesteld, binnen de termijn tot en met 27 december 2026 die de griffier daarvoor heeft gesteld (art. 6:6 Awb).',
    );
    expect(tekst).toContain('De NZa heeft de groei van de cliëntenpopulatie niet meegewogen.');
    const termijn = t.db.$client.prepare(`SELECT einde, grondslag FROM stuk_termijnen WHERE zaak_id = ? AND soort = 'hersteltermijn'`).get(beroepId);
    expect(termijn).toEqual({ einde: '2026-12-27', grondslag: 'art. 6:6 Awb' });
  });

  it('voorlopige voorziening with a pending beroep names its filing date from the timeline, with urgency and weighing', async () => {
    await aanvullen(DEMO.advocaat, beroepId, {
      soort: 'voorlopige-voorziening',
      gronden: 'De korting is onvoldoende gemotiveerd.',
      spoedeisendBelang: 'De contracten voor 2027 moeten vóór 1 januari 2027 rond zijn.',
      belangenafweging: 'Zonder schorsing verliest verzoekster zorgplekken die achteraf niet te herstellen zijn.',
    });
    const { tekst } = await generate(DEMO.advocaat, beroepId, { soort: 'voorlopige-voorziening', dagtekening: '30-11-2026' });
    expect(tekst).toContain(
      'Verzoekster heeft op 20 november 2026 tegen dit besluit beroep ingesteld bij het College (zaaknummer 26/3000). Op dat beroep is nog niet beslist.',
    );
    expect(tekst).toContain('De contracten voor 2027 moeten vóór 1 januari 2027 rond zijn.');
    expect(tekst).toContain('Belangenafweging');
    expect(tekst).toContain('Zonder schorsing verliest verzoekster zorgplekken');
    expect(tekst).toContain('Productie 1: het beroepschrift');
  });

  it('griffierecht notice: recorded with the four-week term (art. 8:41 lid 5 Awb, Atw applies)', async () => {
    expect((await post(DEMO.advocaat, `/zaken/${beroepId}/documenten/termijn`, { termijnSoort: 'griffierecht', brief: '01-12-2026' })).status).toBe(303);
    const rij = t.db.$client.prepare(`SELECT einde FROM stuk_termijnen WHERE zaak_id = ? AND soort = 'griffierecht'`).get(beroepId) as { einde: string };
    expect(rij.einde).toBe('2026-12-29');
  });
});

describe('voorlopige voorziening without a pending beroep', () => {
  it('is not generated while the timeline knows no beroep; with a simultaneous beroep it says so, and nothing more', async () => {
    const zaakId = await openZaak(DEMO.advocaat, { soort: 'beroep', tariefbeschikkingId: String(tbId('NZa/TB/2026-0188')) });
    await aanvullen(DEMO.advocaat, zaakId, {
      soort: 'voorlopige-voorziening',
      gronden: 'De verdeling is onjuist.',
      spoedeisendBelang: 'Spoed.',
      belangenafweging: 'Het nadeel weegt zwaarder.',
    });
    const zonder = await post(DEMO.advocaat, `/zaken/${zaakId}/documenten`, { soort: 'voorlopige-voorziening' });
    expect(zonder.status).toBe(422);
    expect(await zonder.text()).toContain('volgens de tijdlijn is nog geen beroep ingesteld');
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'voorlopige-voorziening', gelijktijdigBeroep: 'ja' });
    const { tekst } = await generate(DEMO.advocaat, zaakId, { soort: 'voorlopige-voorziening' });
    expect(tekst).toContain('Verzoekster stelt tegelijk met dit verzoek beroep in bij het College tegen dit besluit.');
    expect(tekst).not.toContain('heeft op');
    expect(tekst).toContain('Productie 1: het gelijktijdig ingediende beroepschrift');
  });
});

describe('onherroepelijk (art. 105 lid 4 Wmg) and sluittarief', () => {
  it('offers no beroepschrift where the contracteerruimte is onherroepelijk for the party; explains and offers the bezwaarzaak', async () => {
    const zaakId = await openZaak(DEMO.advocaat, { soort: 'beroep', tariefbeschikkingId: String(tbId('NZa/TB/2026-1630')) });
    const voor = t.momentopname();
    const r = await post(DEMO.advocaat, `/zaken/${zaakId}/documenten`, { soort: 'beroepschrift' });
    expect(r.status).toBe(409);
    const html = await r.text();
    expect(html).toContain('is voor Maasoever Gehandicaptenzorg B.V. onherroepelijk sinds 3 september 2026 (art. 105 lid 4 Wmg)');
    expect(html).toContain('Bezwaarzaak openen tegen NZa/TB/2026-1630');
    expect(html).toContain('Twijfel: Controleer of de NZa de contracteerruimte Rotterdam 2026');
    expect(t.momentopname()).toBe(voor);
  });

  it('refuses the beroepschrift from a sluittarief beschikking and offers the bezwaarschrift', async () => {
    const zaakId = id(`SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1810'`);
    const r = await post(DEMO.inhouse, `/zaken/${zaakId}/documenten`, { soort: 'beroepschrift' });
    expect(r.status).toBe(409);
    const html = await r.text();
    expect(html).toContain('opent geen beroep tegen de regionale contracteerruimte (art. 105 lid 2 Wmg)');
    expect(html).toContain(`/zaken/${zaakId}/documenten/nieuw?soort=bezwaarschrift`);
  });
});

describe('in-house counsel, bezwaar pro forma with 7:1a, client letter', () => {
  it('in-house: the client files, represented by its employee, with a volmacht as productie', async () => {
    const zaakId = id(`SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1855'`);
    await aanvullen(DEMO.inhouse, zaakId, { soort: 'beroepschrift', gronden: 'De herverdeling is onvoldoende gemotiveerd.' });
    const { tekst } = await generate(DEMO.inhouse, zaakId, { soort: 'beroepschrift', dagtekening: '30-11-2026' });
    expect(tekst).toContain('(hierna: appellante), vertegenwoordigd door mr. S. Bakker, werkzaam bij appellante,');
    expect(tekst).toContain('mr. S. Bakkergemachtigde van Stichting Zorggroep Heuvelrand Producties');
    expect(tekst).toMatch(/Productie 4: de volmacht van Stichting Zorggroep Heuvelrand/);
    expect(tekst).not.toContain('advocaat');
  });

  it('pro forma bezwaarschrift with the request for rechtstreeks beroep (art. 7:1a Awb); samenhang only with a filed beroep', async () => {
    const zaakId = id(
      `SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1744' AND z.soort = 'bezwaar'`,
    );
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'bezwaarschrift-pro-forma', rechtstreeksBeroep: 'ja', volmachtInBezwaar: 'ja' });
    const { tekst } = await generate(DEMO.advocaat, zaakId, { soort: 'bezwaarschrift-pro-forma', dagtekening: '26-11-2026' });
    expect(tekst).toContain('Bezwaarschrift (pro forma)');
    expect(tekst).toContain(
      'Bezwaarmaakster verzoekt u haar een termijn te stellen van ten minste vier weken om de gronden van het bezwaar aan te vullen (art. 6:6 Awb).',
    );
    expect(tekst).toContain(
      'Bezwaarmaakster verzoekt u in te stemmen met rechtstreeks beroep bij het College van Beroep voor het bedrijfsleven (art. 7:1a lid 1 Awb).',
    );
    expect(tekst).toContain('Het bezwaar is tijdig.');
    expect(tekst).toContain('Productie 2: de volmacht van Stichting Amstelhof Wonen en Zorg');
    // The beroep of the lid-2 scenario above was registered as filed on 25 November 2026: the samenhang names it.
    expect(tekst).toContain(
      'Bezwaarmaakster heeft op 20 november 2026 beroep ingesteld bij het College van Beroep voor het bedrijfsleven tegen de regionale contracteerruimte Amsterdam 2026 (zaaknummer 26/3000)',
    );
  });

  it('samenhang names only the same client’s pending beroep: another client of the firm in the same region and year gets none (issue 29)', async () => {
    // Maasoever, another client of the firm, gets a tariefbeschikking in Amsterdam 2026 — where Amstelhof's beroep 26/3000 is pending.
    const r = await post(DEMO.advocaat, '/besluiten/tariefbeschikking', {
      kenmerk: 'NZa/TB/2026-9100',
      zorgaanbieder: '90000004',
      regio: 'Amsterdam',
      jaar: '2026',
      soort: 'wijziging',
      besluitdatum: '16-11-2026',
      bekendgemaakt: '18-11-2026',
    });
    expect(r.status).toBe(303);
    const zaakId = await openZaak(DEMO.advocaat, { soort: 'bezwaar', tariefbeschikkingId: String(tbId('NZa/TB/2026-9100')) });
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'bezwaarschrift-pro-forma', rechtstreeksBeroep: 'ja', volmachtInBezwaar: 'ja' });
    const { tekst } = await generate(DEMO.advocaat, zaakId, { soort: 'bezwaarschrift-pro-forma', dagtekening: '26-11-2026' });
    expect(tekst).toContain('Maasoever Gehandicaptenzorg B.V.');
    expect(tekst).not.toContain('26/3000');
    expect(tekst).not.toContain('heeft op 20 november 2026 beroep ingesteld');
  });

  it('client letter in-house: a memo to the board with the status, one safe date and what the board must decide by when', async () => {
    const zaakId = id(`SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1855'`);
    const { tekst } = await generate(DEMO.inhouse, zaakId, { soort: 'clientbrief' });
    expect(tekst).toContain('Er is nog geen beroep ingesteld.');
    expect(tekst).toContain('De laatste dag om beroep in te stellen bij het College van Beroep voor het bedrijfsleven is dinsdag 22 december 2026.');
    expect(tekst).toContain('Het bestuur beslist uiterlijk dinsdag 15 december 2026 of wij beroep instellen');
    expect(tekst).toContain('Het bedrag van het griffierecht staat in de mededeling van de griffier.');
    expect(tekst).not.toContain('namens');
    expect(tekst.match(/\d{1,2} (december|november) 2026\b/g)?.filter((d) => d.startsWith('22 december')).length).toBe(1);
  });
});

describe('parties and representation', () => {
  it('a case against a contracteerruimtebesluit cannot be opened without a client; the client is the appellant', async () => {
    const crId = id(`SELECT id FROM contracteerruimtebesluiten WHERE kenmerk = 'NZa/CR/2026-121'`);
    const zonder = await post(DEMO.advocaat, '/zaken', { soort: 'beroep', contracteerruimtebesluitId: String(crId), regio: 'Amsterdam', jaar: '2027' });
    expect(zonder.status).toBe(422);
    const amstelhof = findEigenClient(t.db.$client, '90000003');
    const zaakId = await openZaak(DEMO.advocaat, {
      soort: 'beroep',
      contracteerruimtebesluitId: String(crId),
      regio: 'Amsterdam',
      jaar: '2027',
      zorgaanbiederId: String(amstelhof),
    });
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'beroepschrift-pro-forma', indienerAdres: 'Amsteldijk 202' });
    const html = await (await t.als(DEMO.advocaat)(`/zaken/${zaakId}/documenten/nieuw?soort=beroepschrift-pro-forma&dagtekening=01-03-2027`)).text();
    expect(html).toContain('Stichting Amstelhof Wonen en Zorg</strong>, gevestigd te Amsterdam, Amsteldijk 202');
    expect(html).not.toContain('<strong>Van Dam &amp; Kuipers Advocaten</strong>, gevestigd');
  });

  it('a case without client (older data) asks for one on the spot instead of failing', async () => {
    const crId = id(`SELECT id FROM contracteerruimtebesluiten WHERE kenmerk = 'NZa/CR/2026-121'`);
    const regioId = id(`SELECT id FROM zorgkantoorregios WHERE naam = 'Amsterdam'`);
    const org = id(`SELECT id FROM organisaties WHERE naam = 'Van Dam & Kuipers Advocaten'`);
    const zaakId = Number(
      t.db.$client
        .prepare(`INSERT INTO zaken (soort, organisatie_id, contracteerruimtebesluit_id, regio_id, jaar) VALUES ('beroep', ?, ?, ?, 2028)`)
        .run(org, crId, regioId).lastInsertRowid,
    );
    const leeg = await post(DEMO.advocaat, `/zaken/${zaakId}/documenten`, { soort: 'beroepschrift-pro-forma' });
    expect(leeg.status).toBe(422);
    const html = await leeg.text();
    expect(html).toContain('de cliënt ontbreekt: kies de zorgaanbieder voor wie het stuk wordt ingediend');
    // Filling in only an address on a case without client used to fail with HTTP 500 ("No values to set").
    expect(
      (await post(DEMO.advocaat, `/zaken/${zaakId}/documenten/aanvulling`, { soort: 'beroepschrift-pro-forma', indienerPlaats: 'Amsterdam' })).status,
    ).toBe(303);
    const amstelhof = findEigenClient(t.db.$client, '90000003');
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'beroepschrift-pro-forma', zorgaanbiederId: String(amstelhof) });
    expect(t.db.$client.prepare('SELECT zorgaanbieder_id AS z FROM zaken WHERE id = ?').get(zaakId)).toEqual({ z: amstelhof });
  });

  it('the signer is chosen from the organisation’s lawyers, never a reader or an outsider', async () => {
    const zaakId = beroepAmsterdam2027();
    const vanDam = id(`SELECT id FROM gebruikers WHERE email = '${DEMO.beheerder}'`);
    const lezer = id(`SELECT id FROM gebruikers WHERE email = '${DEMO.lezer}'`);
    const r = await post(DEMO.advocaat, `/zaken/${zaakId}/documenten/aanvulling`, { soort: 'beroepschrift', ondertekenaarId: String(lezer) });
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('Kies een jurist van uw organisatie');
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'beroepschrift', ondertekenaarId: String(vanDam) });
    const { tekst } = await generate(DEMO.advocaat, zaakId, { soort: 'beroepschrift' });
    expect(tekst).toContain('haar gemachtigde mr. A. van Dam, advocaat');
    await aanvullen(DEMO.advocaat, zaakId, {
      soort: 'beroepschrift',
      ondertekenaarId: String(id(`SELECT id FROM gebruikers WHERE email = '${DEMO.advocaat}'`)),
    });
  });

  it('NZa users cannot draft an appellant filing (403), not even for a case of their own organisation', async () => {
    expect((await t.als(DEMO.nza)(`/zaken/${beroepAmsterdam2027()}/documenten/nieuw?soort=beroepschrift`)).status).toBe(403);
    expect((await post(DEMO.nza, `/zaken/${beroepAmsterdam2027()}/documenten`, { soort: 'beroepschrift' })).status).toBe(403);
  });
});

describe('editing paragraphs (point 6)', () => {
  it('keeps the edit with the version and shows which paragraph differs after the case data changed', async () => {
    const zaakId = id(`SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1855'`);
    const soort = 'beroepschrift';
    const pagina = await (await t.als(DEMO.inhouse)(`/zaken/${zaakId}/documenten/nieuw?soort=${soort}&dagtekening=30-11-2026`)).text();
    const origineel = /name="alineaSleutel" value="belang"><input type="hidden" name="alineaOrigineel" value="([^"]*)"/
      .exec(pagina)![1]!
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#x3D;/g, '=');
    await aanvullen(DEMO.inhouse, zaakId, {
      soort,
      dagtekening: '30-11-2026',
      alineaSleutel: 'belang',
      alineaOrigineel: origineel,
      alineaTekst: 'Appellante is de grootste Wlz-aanbieder in Utrecht; haar belang is rechtstreeks betrokken.',
    });
    const { tekst, documentId } = await generate(DEMO.inhouse, zaakId, { soort, dagtekening: '30-11-2026' });
    expect(tekst).toContain('Appellante is de grootste Wlz-aanbieder in Utrecht; haar belang is rechtstreeks betrokken.');
    expect(tekst).not.toContain('De regionale contracteerruimte begrenst de productieafspraken');
    const json = JSON.parse((t.db.$client.prepare('SELECT gegevens_json AS j FROM zaakdocumenten WHERE id = ?').get(documentId) as { j: string }).j);
    expect(json.bewerkingen.belang.tekst).toContain('grootste Wlz-aanbieder');
    // The region of the case is renamed in the generated text through a changed origineel: simulate a data change.
    const bewerkingen = JSON.parse(
      (t.db.$client.prepare('SELECT bewerkingen_json AS j FROM zaak_stukgegevens WHERE zaak_id = ?').get(zaakId) as { j: string }).j,
    );
    bewerkingen.beroepschrift.belang.origineel = 'Appellante is Wlz-zorgaanbieder in de zorgkantoorregio Amersfoort.';
    t.db.$client.prepare('UPDATE zaak_stukgegevens SET bewerkingen_json = ? WHERE zaak_id = ?').run(JSON.stringify(bewerkingen), zaakId);
    const daarna = await (await t.als(DEMO.inhouse)(`/zaken/${zaakId}/documenten/nieuw?soort=${soort}&dagtekening=30-11-2026`)).text();
    expect(daarna).toContain('de zaakgegevens zijn gewijzigd sinds uw bewerking');
  });
});

describe('hostile text', () => {
  it('strips invisible and bidirectional controls; the .docx stays valid for mammoth and LibreOffice', async () => {
    const zaakId = beroepAmsterdam2027();
    const vijandig = `<script>alert("x")</script> & 'quotes' "dubbel" \u202Erechts-naar-links\u202C \u200F\u2066iso\u2069 🦷💶 null\u0000byte \u0001\u0008\u000B\u001F \uFFFF einde. ${'lang '.repeat(9_000)}`;
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'beroepschrift', gronden: `${vijandig}\n\nTweede grond &amp; meer.` });
    const { docx, tekst } = await generate(DEMO.advocaat, zaakId, { soort: 'beroepschrift' });
    expect(tekst).toContain('<script>alert("x")</script> & \'quotes\' "dubbel" rechts-naar-links iso');
    expect(tekst).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
    expect(tekst).toContain('🦷💶');
    expect(tekst).toContain('nullbyte');
    expect(tekst).toContain('Tweede grond &amp; meer.');
    const { tekst: pdfTekst } = await docxNaarPdfTekst(docx, 'vijandig');
    expect(pdfTekst).toContain('Beroepschrift');
  }, 120_000);
});

describe('organisation letterhead', () => {
  it('is edited in the settings and used by every filing: address in the Word header, the logo as an image', async () => {
    const { readFileSync } = await import('node:fs');
    const fd = new FormData();
    for (const [k, v] of Object.entries({
      adres: 'Nieuwegracht 12',
      postcode: '3512lr',
      plaats: 'Utrecht',
      email: 'post@vandamkuipers.example',
      telefoon: '030 765 43 21',
    }))
      fd.append(k, v);
    fd.append('logo', new File([readFileSync('seed/logo-van-dam-kuipers.png')], 'logo.png', { type: 'image/png' }));
    expect((await t.als(DEMO.beheerder)('/instellingen/briefhoofd', { method: 'POST', body: fd })).status).toBe(303);
    const { docx } = await generate(DEMO.advocaat, beroepAmsterdam2027(), { soort: 'clientbrief' });
    const zip = await JSZip.loadAsync(docx);
    const kop = await zip.file(/word\/header\d*\.xml/)[0]!.async('string');
    expect(kop).toContain('Nieuwegracht 12, 3512 LR  Utrecht');
    expect(kop).toContain('030 765 43 21');
    expect(zip.file(/word\/media\/.*\.png/)).toHaveLength(1);
  });
});

describe('versions', () => {
  it('stores every generation as a new version, downloadable byte for byte by its own organisation only', async () => {
    const zaakId = beroepAmsterdam2027();
    const eerste = await generate(DEMO.advocaat, zaakId, { soort: 'clientbrief' });
    const tweede = await generate(DEMO.advocaat, zaakId, { soort: 'clientbrief' });
    expect(tweede.documentId).not.toBe(eerste.documentId);
    const rij = t.db.$client.prepare(`SELECT versie, sjabloon_versie FROM zaakdocumenten WHERE id = ?`).get(tweede.documentId) as {
      versie: number;
      sjabloon_versie: string;
    };
    expect(rij.versie).toBeGreaterThanOrEqual(2);
    expect(rij.sjabloon_versie).toBe('2026.12-1');
    const opnieuw = await t.als(DEMO.advocaat)(`/zaken/${zaakId}/documenten/${eerste.documentId}`);
    expect(opnieuw.headers.get('content-disposition')).toContain('attachment;');
    expect(Buffer.from(await opnieuw.arrayBuffer()).equals(eerste.docx)).toBe(true);
    expect((await t.als(DEMO.inhouse)(`/zaken/${zaakId}/documenten/${eerste.documentId}`)).status).toBe(404);
  });
});

describe('griffierecht amounts from the configured dated table (GRIFFIERECHT_TARIEVEN)', () => {
  // An amount entered by the operator with its source, for a period; the project itself ships none it could not verify.
  const tarief = { geldigVanaf: '2026-01-01', geldigTot: '2026-12-31', rechtspersoonCenten: 12_345, bron: 'testbron: tabel ingevoerd door de beheerder' };
  let t2: ReturnType<typeof createTestApp>;
  beforeAll(() => (t2 = createTestApp('2026-11-22', '2025-01-01', { griffierechtTarieven: [tarief] })));
  afterAll(() => t2.sluit());

  it('the client letter names the amount of the row covering its dagtekening, with the source; outside it, the griffier’s notice', async () => {
    const zaakId = (
      t2.db.$client
        .prepare(`SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1855'`)
        .get() as { id: number }
    ).id;
    const maak = async (dagtekening: string) => {
      const r = await t2.als(DEMO.inhouse)(`/zaken/${zaakId}/documenten`, {
        method: 'POST',
        body: formulier({ soort: 'clientbrief', dagtekening }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(r.status).toBe(200);
      return (await mammoth.extractRawText({ buffer: Buffer.from(await r.arrayBuffer()) })).value.replace(/\s+/g, ' ');
    };
    expect(await maak('22-11-2026')).toContain(
      'Het griffierecht voor een rechtspersoon bedraagt op 22 november 2026 € 123,45 (testbron: tabel ingevoerd door de beheerder).',
    );
    expect(await maak('22-11-2025')).toContain('Het bedrag van het griffierecht staat in de mededeling van de griffier.');
  });
});

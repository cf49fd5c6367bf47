import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { createTestApp, DEMO, formulier } from '../support/testApp';

/**
 * Issue 29: filings that state only what is true of this case. Each false statement the litigator's review found is a
 * test here; the seed's "today" is 22 November 2026.
 */
let t: ReturnType<typeof createTestApp>;
beforeAll(() => (t = createTestApp()));
afterAll(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
const id = (sql: string) => (t.db.$client.prepare(sql).get() as { id: number }).id;
const FIRMA = `(SELECT id FROM organisaties WHERE naam = 'Van Dam & Kuipers Advocaten')`;
const tbId = (kenmerk: string, org = FIRMA) => id(`SELECT id FROM tariefbeschikkingen WHERE kenmerk = '${kenmerk}' AND organisatie_id = ${org}`);
const tekstVan = async (docx: Buffer) => (await mammoth.extractRawText({ buffer: docx })).value.replace(/\s+/g, ' ');

async function generate(email: string, zaakId: number, velden: Record<string, string>) {
  const r = await post(email, `/zaken/${zaakId}/documenten`, velden);
  const fout =
    r.status === 200
      ? ''
      : (await r.clone().text())
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .slice(0, 1500);
  expect(r.status, fout).toBe(200);
  return tekstVan(Buffer.from(await r.arrayBuffer()));
}
async function aanvullen(email: string, zaakId: number, velden: Record<string, string>) {
  const r = await post(email, `/zaken/${zaakId}/documenten/aanvulling`, velden);
  expect(r.status).toBe(303);
}
async function openZaak(email: string, velden: Record<string, string>) {
  const r = await post(email, '/zaken', velden);
  expect(r.status).toBe(303);
  return Number(/\/zaken\/(\d+)/.exec(r.headers.get('location') ?? '')![1]);
}
const wizard = async (email: string, zaakId: number, query: string) =>
  (await (await t.als(email)(`/zaken/${zaakId}/documenten/nieuw?${query}`)).text()).replace(/\s+/g, ' ');
const api = (email: string, zaakId: number, bestand: string) => t.als(email)(`/api/v1/zaken/${zaakId}/stukken/${bestand}`);
const beroep0417 = () => id(`SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0417'`);
const beroep0288 = () => id(`SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0288'`);

describe('point 5: a claim of timeliness is computed from the dagtekening and the term it names', () => {
  let beroepId = 0;
  beforeAll(async () => {
    beroepId = await openZaak(DEMO.advocaat, { soort: 'beroep', tariefbeschikkingId: String(tbId('NZa/TB/2026-1744')) });
    expect((await post(DEMO.advocaat, `/zaken/${beroepId}/ingesteld`, { ingesteld: '20-11-2026', cbbZaaknummer: '26/3000' })).status).toBe(303);
    expect(
      (await post(DEMO.advocaat, `/zaken/${beroepId}/documenten/termijn`, { termijnSoort: 'hersteltermijn', brief: '21-11-2026', einde: '04-12-2026' })).status,
    ).toBe(303);
    await aanvullen(DEMO.advocaat, beroepId, { soort: 'aanvullende-gronden', aanvullendeGronden: 'De NZa heeft de groei niet meegewogen.' });
  });

  it('aanvullende gronden dated within the hersteltermijn say so, with its last day', async () => {
    const tekst = await generate(DEMO.advocaat, beroepId, { soort: 'aanvullende-gronden', dagtekening: '03-12-2026' });
    expect(tekst).toContain('binnen de termijn tot en met 4 december 2026 die de griffier daarvoor heeft gesteld (art. 6:6 Awb)');
  });

  it('aanvullende gronden dated after the hersteltermijn never claim it (false statement 3); the wizard says what to do', async () => {
    const tekst = await generate(DEMO.advocaat, beroepId, { soort: 'aanvullende-gronden', dagtekening: '07-12-2026' });
    expect(tekst).not.toContain('binnen de termijn');
    expect(tekst).not.toContain('tijdig');
    expect(tekst).toContain('vult hierbij de gronden aan van het beroep dat zij op 20 november 2026 heeft ingesteld');
    const html = await wizard(DEMO.advocaat, beroepId, 'soort=aanvullende-gronden&dagtekening=07-12-2026');
    expect(html).toContain('De hersteltermijn eindigde op 4 december 2026');
    expect(html).toContain('art. 6:6 Awb');
    expect(html).toContain('art. 8:58 Awb');
  });

  it('the client letter of this filed case names its next real dates: the hersteltermijn, then an open griffierecht notice', async () => {
    const voor = await generate(DEMO.advocaat, beroepId, { soort: 'clientbrief', dagtekening: '22-11-2026' });
    expect(voor).toContain('De gronden van het beroep moeten uiterlijk vrijdag 4 december 2026 zijn aangevuld (art. 6:6 Awb).');
    expect(voor).not.toContain('Na indiening van een beroepschrift vraagt de griffier');
    expect((await post(DEMO.advocaat, `/zaken/${beroepId}/documenten/termijn`, { termijnSoort: 'griffierecht', brief: '21-11-2026' })).status).toBe(303);
    const na = await generate(DEMO.advocaat, beroepId, { soort: 'clientbrief', dagtekening: '22-11-2026' });
    expect(na).toContain('De griffier heeft bij brief van 21 november 2026 om griffierecht gevraagd.');
    // After both days have passed, the letter names neither.
    const later = await generate(DEMO.advocaat, beroepId, { soort: 'clientbrief', dagtekening: '28-12-2026' });
    expect(later).not.toContain('4 december 2026');
    expect(later.toLowerCase()).not.toContain('griffierecht');
  });
});

describe('point 3: the client letter fits the stage the case is in (false statement 4)', () => {
  it('an expired bezwaar term: no promise to file by a passed day, no reply date on or before the letter, "per omgaande"', async () => {
    const zaakId = await openZaak(DEMO.advocaat, { soort: 'bezwaar', tariefbeschikkingId: String(tbId('NZa/TB/2026-0188')) });
    const tekst = await generate(DEMO.advocaat, zaakId, { soort: 'clientbrief', dagtekening: '22-11-2026' });
    expect(tekst).not.toContain('uiterlijk op die dag in');
    expect(tekst).not.toContain('22 november 2026 te laten weten');
    expect(tekst).toContain('De termijn is verstreken op 3 maart 2026.');
    expect(tekst).toContain('per omgaande');
  });

  it('a bezwaar against a tariefbeschikking: the letter names the parallel beroep term against the contracteerruimte (art. 105 lid 2 Wmg)', async () => {
    const zaakId = id(
      `SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1744' AND z.soort = 'bezwaar'`,
    );
    const tekst = await generate(DEMO.advocaat, zaakId, { soort: 'clientbrief', dagtekening: '22-11-2026' });
    expect(tekst).toContain(
      'Tegelijk loopt tot en met dinsdag 1 december 2026 de termijn om bij het College van Beroep voor het bedrijfsleven beroep in te stellen tegen de regionale contracteerruimte Amsterdam 2026',
    );
  });

  it('a lid-3 window that opens after the letter: the letter names its opening (art. 105 lid 3 Wmg)', async () => {
    const maasoever = id(`SELECT id FROM zorgaanbieders WHERE kvk_nummer = '90000004' AND organisatie_id = ${FIRMA}`);
    const zaakId = await openZaak(DEMO.advocaat, {
      soort: 'beroep',
      contracteerruimtebesluitId: String(id(`SELECT id FROM contracteerruimtebesluiten WHERE kenmerk = 'NZa/CR/2026-121'`)),
      regio: 'Rotterdam',
      jaar: '2027',
      zorgaanbiederId: String(maasoever),
    });
    const tekst = await generate(DEMO.advocaat, zaakId, { soort: 'clientbrief', dagtekening: '22-11-2026' });
    expect(tekst).toContain('De termijn begint op maandag 1 maart 2027 (art. 105 lid 3 Wmg)');
  });

  it('a reply date on or before the letter’s own date becomes "per omgaande"', async () => {
    const zaakId = await openZaak(DEMO.advocaat, { soort: 'beroep', tariefbeschikkingId: String(tbId('NZa/TB/2026-1744')) });
    const tekst = await generate(DEMO.advocaat, zaakId, { soort: 'clientbrief', dagtekening: '26-11-2026' });
    expect(tekst).toContain('De laatste dag om beroep in te stellen bij het College van Beroep voor het bedrijfsleven is dinsdag 1 december 2026.');
    expect(tekst).toContain('Wij vragen u ons per omgaande te laten weten of u beroep wilt instellen');
    expect(tekst).not.toContain('24 november 2026');
  });

  it('a pending beroep filed in time: no "te laat", no "waarom eerder indienen niet mogelijk was"; the 6:19 precaution date', async () => {
    const tekst = await generate(DEMO.advocaat, beroep0417(), { soort: 'clientbrief', dagtekening: '22-11-2026' });
    expect(tekst).toContain('Het beroep is ingesteld op 1 april 2026 (zaaknummer 26/0417).');
    expect(tekst).not.toContain('waarom eerder indienen niet mogelijk was');
    expect(tekst).not.toContain('De termijn is verstreken');
    expect(tekst).toContain('NZa/CR/2026-121');
    expect(tekst).toContain('art. 6:19 Awb');
  });

  it('a decided case: no griffierecht, no date to act by', async () => {
    const tekst = await generate(DEMO.advocaat, beroep0288(), { soort: 'clientbrief', dagtekening: '22-11-2026' });
    expect(tekst).toContain('De procedure is afgerond op 3 september 2026.');
    expect(tekst.toLowerCase()).not.toContain('griffierecht');
    expect(tekst).not.toContain('Wij vragen u ons');
  });

  it('no remedy left (onherroepelijk, art. 105 lid 4 Wmg): no griffierecht announced', async () => {
    const zaakId = await openZaak(DEMO.advocaat, { soort: 'beroep', tariefbeschikkingId: String(tbId('NZa/TB/2026-1630')) });
    const tekst = await generate(DEMO.advocaat, zaakId, { soort: 'clientbrief', dagtekening: '22-11-2026' });
    expect(tekst).toContain('onherroepelijk');
    expect(tekst.toLowerCase()).not.toContain('griffierecht');
  });

  it('an in-house organisation gets an internal memo, not a letter to itself', async () => {
    const zaakId = id(
      `SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1855' AND z.soort = 'beroep'`,
    );
    const tekst = await generate(DEMO.inhouse, zaakId, { soort: 'clientbrief', dagtekening: '22-11-2026' });
    expect(tekst).toContain('Memo');
    expect(tekst).toContain('Aan: de bestuurder van Stichting Zorggroep Heuvelrand');
    expect(tekst).toContain('Van: mr. S. Bakker, juridische zaken');
    expect(tekst).not.toContain('Geachte heer, mevrouw');
    expect(tekst).not.toContain('Bosweg 12');
    expect(tekst).not.toContain('neem dan gerust contact met ons op');
  });
});

describe('point 8: the API takes the dagtekening and refuses what does not fit the stage with 409', () => {
  it('?dagtekening= dates the draft: a filed case’s beroepschrift on its filing date is 200, not 422', async () => {
    const r = await api(DEMO.advocaat, beroep0417(), 'beroepschrift.docx?dagtekening=2026-04-01');
    expect(r.status, await r.clone().text()).toBe(200);
    const tekst = await tekstVan(Buffer.from(await r.arrayBuffer()));
    expect(tekst).toContain('Utrecht, 1 april 2026');
    expect(tekst).toContain('Het beroep is tijdig ingesteld.');
  });

  it('a beroepschrift for a case already filed, dated later: 409 with the reason (not 422)', async () => {
    const r = await api(DEMO.advocaat, beroep0417(), 'beroepschrift.docx');
    expect(r.status).toBe(409);
    expect(((await r.json()) as { fout: string }).fout).toContain('het beroep is al ingesteld op 1 april 2026 (zaaknummer 26/0417)');
  });

  it('every filing to the CBb for a decided case: 409 "afgedaan", never 422 "verschoonbaarheid"', async () => {
    for (const soort of ['beroepschrift', 'beroepschrift-pro-forma', 'voorlopige-voorziening', 'aanvullende-gronden']) {
      const r = await api(DEMO.advocaat, beroep0288(), `${soort}.docx`);
      expect(r.status, soort).toBe(409);
      expect(((await r.json()) as { fout: string }).fout, soort).toContain('afgedaan op 3 september 2026');
    }
  });

  it('a dagtekening that is not a date: 400', async () => {
    expect((await api(DEMO.advocaat, beroep0417(), 'clientbrief.docx?dagtekening=2026-13-01')).status).toBe(400);
    expect((await api(DEMO.advocaat, beroep0417(), 'clientbrief.docx?dagtekening=gisteren')).status).toBe(400);
  });

  it('every heading style of every kind is black, never Word blue', async () => {
    const zaakId = beroep0417();
    for (const bestand of ['clientbrief.docx', 'beroepschrift.docx?dagtekening=2026-04-01']) {
      const r = await api(DEMO.advocaat, zaakId, bestand);
      expect(r.status).toBe(200);
      const stijlen = await (await JSZip.loadAsync(Buffer.from(await r.arrayBuffer()))).file('word/styles.xml')!.async('string');
      const koppen = [...stijlen.matchAll(/<w:style [^>]*w:styleId="(Heading\d|Title)"[^>]*>([\s\S]*?)<\/w:style>/g)];
      expect(koppen.length).toBeGreaterThan(3);
      for (const [, stijl, inhoud] of koppen) {
        for (const [, kleur] of inhoud!.matchAll(/<w:color w:val="([0-9A-Fa-f]{6}|auto)"/g)) expect(kleur, `${bestand} ${stijl}`).toBe('000000');
      }
    }
  });
});

describe('point 2: an amount is printed only with the besluit that set it (false statement 2)', () => {
  const bedragVan = (kenmerk: string, regio: string, jaar: number) =>
    (
      t.db.$client
        .prepare(
          `SELECT b.bedrag_centen AS c FROM contracteerruimtebedragen b JOIN contracteerruimtebesluiten k ON k.id = b.besluit_id JOIN zorgkantoorregios r ON r.id = b.regio_id WHERE k.kenmerk = ? AND r.naam = ? AND b.jaar = ?`,
        )
        .get(kenmerk, regio, jaar) as { c: number } | undefined
    )?.c;
  const euro = (centen: number) =>
    `€ ${Math.floor(centen / 100)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${String(centen % 100).padStart(2, '0')}`;

  it('after an amendment the beroepschrift contests "NZa/CR/… zoals gewijzigd bij NZa/CR/…", both as producties, the amount with the amending besluit', async () => {
    const zaakId = await openZaak(DEMO.advocaat, { soort: 'beroep', tariefbeschikkingId: String(tbId('NZa/TB/2026-1744')) });
    const tekst = await generate(DEMO.advocaat, zaakId, { soort: 'beroepschrift-pro-forma', dagtekening: '20-11-2026' });
    expect(tekst).toContain(
      'Het beroep richt zich tegen het contracteerruimtebesluit van de NZa met kenmerk NZa/CR/2025-118, gedagtekend 11 november 2025 en bekendgemaakt op 14 november 2025, zoals gewijzigd bij het besluit met kenmerk NZa/CR/2026-087, gedagtekend 10 september 2026 en bekendgemaakt op 15 september 2026,',
    );
    expect(tekst).toContain(`bij NZa/CR/2026-087 bepaald op ${euro(bedragVan('NZa/CR/2026-087', 'Amsterdam', 2026)!)}`);
    expect(tekst).toMatch(/Productie 1: het contracteerruimtebesluit NZa\/CR\/2025-118 van 11 november 2025/);
    expect(tekst).toMatch(/Productie 2: het wijzigingsbesluit NZa\/CR\/2026-087 van 10 september 2026/);
  });

  it('a vovo aims at the besluit in force for that year, with its own amount; never another besluit’s amount', async () => {
    const zaakId = beroep0417();
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'voorlopige-voorziening', spoedeisendBelang: 'Spoed.', belangenafweging: 'Weging.' });
    const tekst = await generate(DEMO.advocaat, zaakId, { soort: 'voorlopige-voorziening', dagtekening: '22-11-2026' });
    const nieuw = bedragVan('NZa/CR/2026-121', 'Amsterdam', 2027)!;
    expect(tekst).toContain(`NZa/CR/2026-121`);
    expect(tekst).toContain(`bij NZa/CR/2026-121 bepaald op ${euro(nieuw)}`);
    expect(tekst).not.toMatch(/NZa\/CR\/2025-118[^.;]*€/);
    expect(tekst).toContain('art. 6:19 lid 1 Awb');
    expect(tekst).toContain('besluit NZa/CR/2026-121 te schorsen');
    expect(tekst).toMatch(/Productie \d: het contracteerruimtebesluit NZa\/CR\/2026-121 van 10 november 2026/);
  });

  it('the client letter names the amount with the besluit that set it', async () => {
    const tekst = await generate(DEMO.advocaat, beroep0417(), { soort: 'clientbrief', dagtekening: '22-11-2026' });
    expect(tekst).toContain(`bij NZa/CR/2026-121 bepaald op ${euro(bedragVan('NZa/CR/2026-121', 'Amsterdam', 2027)!)}`);
    expect(tekst).not.toMatch(/NZa\/CR\/2025-118[^.;]*€/);
    const toen = await generate(DEMO.advocaat, beroep0417(), { soort: 'clientbrief', dagtekening: '01-04-2026' });
    expect(toen).not.toContain('NZa/CR/2026-121');
  });
});

describe('point 7: the beroepschrift grounds the CBb’s competence; a zorgkantoor only when verified', () => {
  it('the rechtstreeks-beroep paragraph names art. 8:6 Awb jo. Bijlage 2; an unverified zorgkantoor is a placeholder the wizard points at', async () => {
    const tekst = await tekstVan(Buffer.from(await (await api(DEMO.advocaat, beroep0417(), 'beroepschrift.docx?dagtekening=2026-04-01')).arrayBuffer()));
    expect(tekst).toContain('art. 8:6 lid 1 Awb in verbinding met Bijlage 2 bij de Awb');
    // Amsterdam's zorgkantoor is not verified in the region data: never printed as fact.
    expect(tekst).not.toContain('Zilveren Kruis');
    expect(tekst).toContain('(zorgkantoor: [zorgkantoor invullen])');
    const html = await wizard(DEMO.advocaat, beroep0417(), 'soort=beroepschrift&dagtekening=01-04-2026');
    expect(html).toContain('Het zorgkantoor van de regio Amsterdam is niet geverifieerd');
    expect(html).toContain('[zorgkantoor invullen]');
  });

  it('a verified zorgkantoor (Rotterdam) is printed', async () => {
    const maasoever = id(`SELECT id FROM zorgaanbieders WHERE kvk_nummer = '90000004' AND organisatie_id = ${FIRMA}`);
    const zaakId = await openZaak(DEMO.advocaat, {
      soort: 'beroep',
      contracteerruimtebesluitId: String(id(`SELECT id FROM contracteerruimtebesluiten WHERE kenmerk = 'NZa/CR/2026-121'`)),
      regio: 'Rotterdam',
      jaar: '2027',
      zorgaanbiederId: String(maasoever),
    });
    const tekst = await generate(DEMO.advocaat, zaakId, { soort: 'beroepschrift-pro-forma', dagtekening: '22-11-2026' });
    expect(tekst).toContain('voor de zorgkantoorregio Rotterdam (zorgkantoor: Zilveren Kruis Zorgkantoor N.V.)');
  });
});

describe('point 6: producties continue from the last one filed in the case; what was filed is not listed again', () => {
  it('aanvullende gronden number on from the pro-forma beroepschrift and list only the new producties', async () => {
    const zaakId = await openZaak(DEMO.advocaat, { soort: 'beroep', tariefbeschikkingId: String(tbId('NZa/TB/2026-1744')) });
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'beroepschrift-pro-forma', bijlagen: 'Jaarverslag 2025' });
    const proForma = await generate(DEMO.advocaat, zaakId, { soort: 'beroepschrift-pro-forma', dagtekening: '20-11-2026' });
    expect(proForma).toContain('Productie 4: Jaarverslag 2025');
    expect((await post(DEMO.advocaat, `/zaken/${zaakId}/ingesteld`, { ingesteld: '20-11-2026', cbbZaaknummer: '26/3100' })).status).toBe(303);
    await aanvullen(DEMO.advocaat, zaakId, {
      soort: 'aanvullende-gronden',
      aanvullendeGronden: 'De groei is niet meegewogen.',
      bijlagen: 'Jaarverslag 2025\nProductiecijfers 2026',
    });
    const tekst = await generate(DEMO.advocaat, zaakId, { soort: 'aanvullende-gronden', dagtekening: '30-11-2026' });
    expect(tekst).toContain('Productie 5: Productiecijfers 2026');
    expect(tekst).not.toContain('Jaarverslag 2025');
    expect(tekst).not.toContain('Productie 1:');
    // A second set of aanvullende gronden continues after the first.
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'aanvullende-gronden', bijlagen: 'Jaarverslag 2025\nProductiecijfers 2026\nBrief zorgkantoor' });
    const tweede = await generate(DEMO.advocaat, zaakId, { soort: 'aanvullende-gronden', dagtekening: '10-12-2026' });
    expect(tweede).toContain('Productie 6: Brief zorgkantoor');
    expect(tweede).not.toContain('Productiecijfers 2026');
  });
});

describe('point 4: the brief art. 6:19 Awb', () => {
  it('names the new besluit, extends the beroep and the petitum to it, adds it as productie; offered with the precaution date', async () => {
    const zaakId = beroep0417();
    const html = await wizard(DEMO.advocaat, zaakId, 'soort=brief-6-19&dagtekening=22-11-2026');
    expect(html).toContain('uiterlijk maandag 28 december 2026');
    // Without a dagtekening the wizard dates it today, not on the beroep's filing date (before the new besluit).
    const standaard = await wizard(DEMO.advocaat, zaakId, 'soort=brief-6-19');
    expect(standaard).not.toContain('Dit stuk wordt niet aangeboden');
    expect(standaard).toContain('uiterlijk maandag 28 december 2026');
    const r = await api(DEMO.advocaat, zaakId, 'brief-6-19.docx?dagtekening=2026-11-22');
    expect(r.status, await r.clone().text()).toBe(200);
    const tekst = await tekstVan(Buffer.from(await r.arrayBuffer()));
    expect(tekst).toContain('zaaknummer 26/0417');
    expect(tekst).toContain('NZa/CR/2026-121, gedagtekend 10 november 2026 en bekendgemaakt op 13 november 2026');
    expect(tekst).toContain('art. 6:19 lid 1 Awb');
    expect(tekst).toContain('stelt appellante hierbij uit voorzorg ook beroep in tegen besluit NZa/CR/2026-121');
    expect(tekst).toContain('het bestreden besluit NZa/CR/2025-118 en besluit NZa/CR/2026-121 te vernietigen');
    expect(tekst).toMatch(/Productie \d+: het contracteerruimtebesluit NZa\/CR\/2026-121 van 10 november 2026/);
    // Through the wizard it is stored as a version of its own kind (migration 0015 widens the CHECK).
    expect(await generate(DEMO.advocaat, zaakId, { soort: 'brief-6-19', dagtekening: '22-11-2026' })).toContain('Brief op grond van art. 6:19 Awb');
    expect(t.db.$client.prepare(`SELECT count(*) AS n FROM zaakdocumenten WHERE zaak_id = ? AND soort = 'brief-6-19'`).get(zaakId)).toEqual({ n: 1 });
  });

  it('is refused (409) where no later besluit replaced the contested one, and in a case not filed', async () => {
    const zaakId = await openZaak(DEMO.advocaat, { soort: 'beroep', tariefbeschikkingId: String(tbId('NZa/TB/2026-1744')) });
    const r = await api(DEMO.advocaat, zaakId, 'brief-6-19.docx');
    expect(r.status).toBe(409);
    expect(((await r.json()) as { fout: string }).fout).toContain('art. 6:19');
  });

  it('aanvullende gronden in that case take the same facts: the new besluit and the extended petitum', async () => {
    const zaakId = beroep0417();
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'aanvullende-gronden', aanvullendeGronden: 'De groei is niet meegewogen.' });
    const tekst = await generate(DEMO.advocaat, zaakId, { soort: 'aanvullende-gronden', dagtekening: '22-11-2026' });
    expect(tekst).toContain('Het beroep strekt zich van rechtswege ook uit tot besluit NZa/CR/2026-121');
    expect(tekst).toContain('het bestreden besluit NZa/CR/2025-118 en besluit NZa/CR/2026-121 te vernietigen');
  });
});

describe('point 1: the wizard shows each fact with its source beside the paragraph that uses it', () => {
  it('the bestreden paragraph lists the besluit and amount with their sources; the party paragraph the client record', async () => {
    const html = await wizard(DEMO.advocaat, beroep0417(), 'soort=beroepschrift&dagtekening=01-04-2026');
    const alinea = (sleutel: string) => html.slice(html.indexOf(`id="alinea-${sleutel}"`), html.indexOf('</details>', html.indexOf(`id="alinea-${sleutel}"`)));
    expect(alinea('bestreden')).toContain(
      '<strong>NZa/CR/2025-118</strong> (contracteerruimtebesluit (vaststelling), bekendgemaakt 14 november 2025) — bron: contracteerruimtebesluit van de NZa (openbaar register)',
    );
    expect(alinea('bestreden')).toMatch(
      /<strong>€ [\d.]+,\d{2}<\/strong> \(regionale contracteerruimte Amsterdam 2027\) — bron: bedrag uit besluit NZa\/CR\/2025-118/,
    );
    expect(alinea('partij')).toContain(
      '<strong>Stichting Amstelhof Wonen en Zorg</strong> (de cliënt) — bron: cliëntrecord van Van Dam &amp; Kuipers Advocaten',
    );
    expect(alinea('tijdigheid')).toContain('laatste dag van de termijn) — bron: termijnberekening');
  });

  it('names who of the case’s own organisation entered a record and when — never another organisation', async () => {
    const r = await post(DEMO.advocaat, '/besluiten/tariefbeschikking', {
      kenmerk: 'NZa/TB/2026-9400',
      zorgaanbieder: '90000004',
      regio: 'Amsterdam',
      jaar: '2027',
      soort: 'vaststelling',
      besluitdatum: '16-11-2026',
      bekendgemaakt: '18-11-2026',
    });
    expect(r.status).toBe(303);
    const zaakId = await openZaak(DEMO.advocaat, { soort: 'beroep', tariefbeschikkingId: String(tbId('NZa/TB/2026-9400')) });
    const ingesteld = await post(DEMO.beheerder, `/zaken/${zaakId}/ingesteld`, { ingesteld: '20-11-2026', cbbZaaknummer: '26/9400' });
    expect(ingesteld.status).toBe(303);
    const html = await wizard(DEMO.advocaat, zaakId, 'soort=beroepschrift&dagtekening=20-11-2026');
    expect(html).toMatch(
      /NZa\/TB\/2026-9400<\/strong> \(tariefbeschikking, bekendgemaakt 18 november 2026\) — bron: tariefbeschikking van Van Dam &amp; Kuipers Advocaten \(ingevoerd door mr\. J\. Kuipers, \d{1,2} \w+ 2026\)/,
    );
    const gronden = await wizard(DEMO.advocaat, zaakId, 'soort=aanvullende-gronden&dagtekening=22-11-2026');
    expect(gronden).toMatch(/beroep ingesteld, geregistreerd door mr\. A\. van Dam, \d{1,2} \w+ 2026\)/);
    expect(gronden).not.toContain('Heuvelrand');
    // The in-house department acts for Heuvelrand too: nothing of it reaches the firm's wizard.
    expect(html).not.toContain('Heuvelrand');
  });
});

describe('point 7: a vovo asks for an order-type measure (placeholder the wizard points at) and optionally for art. 8:86', () => {
  it('the verzoek holds an order placeholder; art. 8:86 lid 1 Awb only when chosen', async () => {
    const zaakId = beroep0417();
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'voorlopige-voorziening', spoedeisendBelang: 'Spoed.', belangenafweging: 'Weging.' });
    const zonder = await generate(DEMO.advocaat, zaakId, { soort: 'voorlopige-voorziening', dagtekening: '22-11-2026' });
    expect(zonder).toContain('de NZa op te dragen [omschrijf de voorziening');
    expect(zonder).not.toContain('art. 8:86');
    const html = await wizard(DEMO.advocaat, zaakId, 'soort=voorlopige-voorziening&dagtekening=22-11-2026');
    expect(html).toContain('Het verzoek bevat een plaatshouder voor de ordemaatregel');
    await aanvullen(DEMO.advocaat, zaakId, { soort: 'voorlopige-voorziening', kortsluiting: 'ja' });
    const met = await generate(DEMO.advocaat, zaakId, { soort: 'voorlopige-voorziening', dagtekening: '22-11-2026' });
    expect(met).toContain('met toepassing van art. 8:86 lid 1 Awb onmiddellijk uitspraak te doen in de hoofdzaak');
  });
});

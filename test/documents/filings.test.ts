import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { createTestApp, DEMO, formulier } from '../support/testApp';
import { docxNaarPdfTekst } from '../support/libreoffice';

let t: ReturnType<typeof createTestApp>;
beforeAll(() => (t = createTestApp()));
afterAll(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
const id = (sql: string) => (t.db.$client.prepare(sql).get() as { id: number }).id;

/** Generates a filing through the app and returns the newest stored .docx with its text. */
async function generate(email: string, zaakId: number, velden: Record<string, string>) {
  const r = await post(email, `/zaken/${zaakId}/documenten`, velden);
  expect(
    r.status,
    await r
      .clone()
      .text()
      .then((x) => x.slice(0, 300)),
  ).toBe(303);
  const documentId = id(`SELECT id FROM zaakdocumenten WHERE zaak_id = ${zaakId} ORDER BY id DESC LIMIT 1`);
  const download = await t.als(email)(`/zaken/${zaakId}/documenten/${documentId}`);
  expect(download.headers.get('content-type')).toContain('wordprocessingml');
  const docx = Buffer.from(await download.arrayBuffer());
  const { value: tekst } = await mammoth.extractRawText({ buffer: docx });
  return { docx, tekst: tekst.replace(/\s+/g, ' '), documentId };
}

const beroepAmsterdam2027 = () => id(`SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0417'`);

describe('filings generated from a seeded case (beroep against Amsterdam 2027, art. 105 lid 3 Wmg)', () => {
  it('beroepschrift: parties, decision, Dutch dates, amount, grounds and the lid-3 timeliness with its grondslag', async () => {
    const { tekst } = await generate(DEMO.advocaat, beroepAmsterdam2027(), { soort: 'beroepschrift' });
    expect(tekst).toContain('College van Beroep voor het bedrijfsleven');
    expect(tekst).toContain('mr. J. Kuipers, verbonden aan Van Dam & Kuipers Advocaten, handelend als gemachtigde van Stichting Amstelhof Wonen en Zorg');
    expect(tekst).toContain('Amsteldijk 200, 1074 HX Amsterdam');
    expect(tekst).toContain('ingeschreven in het handelsregister onder nummer 90000003');
    expect(tekst).toContain('kenmerk NZa/CR/2025-118, gedagtekend 11 november 2025 en bekendgemaakt op 14 november 2025');
    expect(tekst).toContain('Utrecht, 1 april 2026');
    expect(tekst).toMatch(/thans bepaald op € \d{1,3}(\.\d{3})+,\d{2}/);
    expect(tekst).toContain('op grond van art. 105 lid 3 Wmg aangevangen op 1 maart 2026');
    expect(tekst).toContain('eindigt op 13 april 2026 (art. 6:7 Awb, art. 6:8 lid 1 Awb, art. 105 lid 3 Wmg, art. 1 Atw)');
    expect(tekst).toContain('art. 7:1 Awb in verbinding met Bijlage 1 bij de Awb');
    expect(tekst).toContain('groei van het aantal Wlz-cliënten');
    expect(tekst).not.toContain('art. 6:11 Awb');
    expect(tekst).toContain('Van Dam & Kuipers Advocaten, gemachtigde');
  });

  it('pro-forma beroepschrift asks for a term to supplement the grounds (art. 6:6 Awb)', async () => {
    const { tekst } = await generate(DEMO.advocaat, beroepAmsterdam2027(), { soort: 'beroepschrift-pro-forma' });
    expect(tekst).toContain('Beroepschrift (pro forma)');
    expect(tekst).toContain('op grond van art. 6:6 Awb een termijn te stellen');
    expect(tekst).not.toContain('groei van het aantal Wlz-cliënten');
  });

  it('aanvullende gronden name the CBb zaaknummer', async () => {
    const { tekst } = await generate(DEMO.advocaat, beroepAmsterdam2027(), { soort: 'aanvullende-gronden' });
    expect(tekst).toContain('Aanvullende gronden van beroep');
    expect(tekst).toContain('zaaknummer 26/0417');
  });

  it('voorlopige voorziening: urgency is required (art. 8:81 Awb), listed, filled in on the spot, then generated', async () => {
    const zaakId = beroepAmsterdam2027();
    const zonder = await post(DEMO.advocaat, `/zaken/${zaakId}/documenten`, { soort: 'voorlopige-voorziening' });
    expect(zonder.status).toBe(422);
    expect(await zonder.text()).toContain('het spoedeisend belang ontbreekt (art. 8:81 lid 1 Awb)');
    expect(
      (
        await post(DEMO.advocaat, `/zaken/${zaakId}/documenten/aanvulling`, {
          soort: 'voorlopige-voorziening',
          spoedeisendBelang: 'De contracten voor 2027 moeten vóór 1 januari 2027 rond zijn.',
        })
      ).status,
    ).toBe(303);
    const { tekst } = await generate(DEMO.advocaat, zaakId, { soort: 'voorlopige-voorziening' });
    expect(tekst).toContain('Verzoek om voorlopige voorziening');
    expect(tekst).toContain('voorzieningenrechter');
    expect(tekst).toContain('vóór 1 januari 2027 rond zijn');
  });

  it('the letter to the client summarises the decision, the term, the safe date and the next steps', async () => {
    const { tekst } = await generate(DEMO.advocaat, beroepAmsterdam2027(), { soort: 'clientbrief' });
    expect(tekst).toContain('maandag 13 april 2026');
    expect(tekst).toContain('veilige uiterste datum');
    expect(tekst).toContain('Vervolgstappen');
  });

  it('a filing dated after the last day adds the verschoonbaarheid paragraph (art. 6:11 Awb)', async () => {
    const { tekst } = await generate(DEMO.advocaat, beroepAmsterdam2027(), { soort: 'beroepschrift', dagtekening: '22-11-2026' });
    expect(tekst).toContain('Utrecht, 22 november 2026');
    expect(tekst).toContain('termijnoverschrijding verschoonbaar');
    expect(tekst).toContain('art. 6:11 Awb');
    const pagina = await (await t.als(DEMO.advocaat)(`/zaken/${beroepAmsterdam2027()}/documenten/nieuw?soort=beroepschrift&dagtekening=22-11-2026`)).text();
    expect(pagina).toContain('de dagtekening ligt na de laatste dag van de termijn');
  });
});

describe('bezwaarschrift and beroepschrift via a tariefbeschikking (art. 105 lid 2 Wmg)', () => {
  it('lists what art. 6:5 Awb misses, lets the user fill it in, then generates with the lid-2 wording and the samenhang paragraph', async () => {
    const tbId = id(`SELECT id FROM tariefbeschikkingen WHERE kenmerk = 'NZa/TB/2026-1744'`);
    expect((await post(DEMO.advocaat, '/zaken', { soort: 'beroep', tariefbeschikkingId: String(tbId) })).status).toBe(303);
    const beroepId = id(`SELECT max(id) AS id FROM zaken`);
    await post(DEMO.advocaat, `/zaken/${beroepId}/ingesteld`, { ingesteld: '20-11-2026', cbbZaaknummer: '26/3000' });
    expect((await post(DEMO.advocaat, '/zaken', { soort: 'bezwaar', tariefbeschikkingId: String(tbId) })).status).toBe(303);
    const bezwaarId = id(`SELECT max(id) AS id FROM zaken`);
    t.db.$client.prepare(`UPDATE zorgaanbieders SET adres = NULL WHERE kvk_nummer = '90000003'`).run();

    const leeg = await post(DEMO.advocaat, `/zaken/${bezwaarId}/documenten`, { soort: 'bezwaarschrift' });
    expect(leeg.status).toBe(422);
    const html = await leeg.text();
    expect(html).toContain('het adres van Stichting Amstelhof Wonen en Zorg (straat, postcode en plaats) ontbreekt (art. 6:5 lid 1 onder a Awb)');
    expect(html).toContain('de gronden ontbreken (art. 6:5 lid 1 onder d Awb)');
    expect(t.db.$client.prepare(`SELECT count(*) AS n FROM zaakdocumenten WHERE zaak_id = ${bezwaarId}`).get()).toEqual({ n: 0 });

    const aanvulling = await post(DEMO.advocaat, `/zaken/${bezwaarId}/documenten/aanvulling`, {
      soort: 'bezwaarschrift',
      indienerAdres: 'Amsteldijk 200',
      indienerPostcode: '1074hx',
      indienerPlaats: 'Amsterdam',
      gronden: 'De herschikking miskent de afspraken met het zorgkantoor.\n\nDe NZa motiveert de korting niet.',
    });
    expect(aanvulling.status).toBe(303);
    const { tekst } = await generate(DEMO.advocaat, bezwaarId, { soort: 'bezwaarschrift', dagtekening: '26-11-2026' });
    for (const regel of ['Nederlandse Zorgautoriteit', 't.a.v. Juridische Zaken', 'Postbus 3017', '3502 GA Utrecht']) expect(tekst).toContain(regel);
    expect(tekst).toContain(
      'bezwaar tegen de tariefbeschikking (wijziging in de herschikking) van de NZa met kenmerk NZa/TB/2026-1744, gedagtekend 16 oktober 2026 en bekendgemaakt op 20 oktober 2026',
    );
    expect(tekst).toContain('1074 HX Amsterdam');
    expect(tekst).toContain('eindigt op 1 december 2026 (art. 6:7 Awb, art. 6:8 lid 1 Awb)');
    expect(tekst).toContain('De NZa motiveert de korting niet.');
    expect(tekst).toContain('zaaknummer 26/3000');
    expect(tekst).toContain('te verdagen tot het College uitspraak heeft gedaan (art. 7:10 lid 4 Awb)');

    const beroep = await generate(DEMO.advocaat, beroepId, { soort: 'beroepschrift-pro-forma', dagtekening: '25-11-2026' });
    expect(beroep.tekst).toContain(
      'op grond van art. 105 lid 2 Wmg aangevangen met ingang van de dag na die waarop de (gewijzigde) tariefbeschikking NZa/TB/2026-1744 op 20 oktober 2026 is bekendgemaakt',
    );
    expect(beroep.tekst).toContain('eindigt op 1 december 2026 (art. 6:7 Awb, art. 6:8 lid 1 Awb, art. 105 lid 2 Wmg)');
  });

  it('refuses a beroepschrift against the contracteerruimte from a sluittarief beschikking, with the reason, and offers the bezwaarschrift', async () => {
    const zaakId = id(`SELECT z.id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id WHERE t.kenmerk = 'NZa/TB/2026-1810'`);
    const voor = t.momentopname();
    const r = await post(DEMO.inhouse, `/zaken/${zaakId}/documenten`, { soort: 'beroepschrift' });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('Wlz-sluittarief');
    expect(html).toContain('opent geen beroep tegen de regionale contracteerruimte (art. 105 lid 2 Wmg)');
    expect(html).toContain(`/zaken/${zaakId}/documenten/nieuw?soort=bezwaarschrift`);
    expect(t.momentopname()).toBe(voor);
    const pagina = await (await t.als(DEMO.inhouse)(`/zaken/${zaakId}`)).text();
    expect(pagina).toContain('Beroepschrift (CBb) opstellen');
  });
});

describe('versions', () => {
  it('stores every generation as a new version, with who, when, template version and data, downloadable byte for byte', async () => {
    const zaakId = beroepAmsterdam2027();
    const eerste = await generate(DEMO.advocaat, zaakId, { soort: 'aanvullende-gronden' });
    const tweede = await generate(DEMO.advocaat, zaakId, { soort: 'aanvullende-gronden' });
    expect(tweede.documentId).not.toBe(eerste.documentId);
    const rij = t.db.$client.prepare(`SELECT versie, sjabloon_versie, gemaakt_door, gegevens_json FROM zaakdocumenten WHERE id = ?`).get(tweede.documentId) as {
      versie: number;
      sjabloon_versie: string;
      gemaakt_door: number;
      gegevens_json: string;
    };
    expect(rij.versie).toBeGreaterThanOrEqual(2);
    expect(rij.sjabloon_versie).toBe('2026.11-1');
    expect(JSON.parse(rij.gegevens_json).besluit.kenmerk).toBe('NZa/CR/2025-118');
    const opnieuw = Buffer.from(await (await t.als(DEMO.advocaat)(`/zaken/${zaakId}/documenten/${eerste.documentId}`)).arrayBuffer());
    expect(opnieuw.equals(eerste.docx)).toBe(true);
    expect((await t.als(DEMO.inhouse)(`/zaken/${zaakId}/documenten/${eerste.documentId}`)).status).toBe(404); // another organisation
  });
});

describe('hostile text', () => {
  it('produces a valid .docx that mammoth reads and LibreOffice opens', async () => {
    const zaakId = beroepAmsterdam2027();
    const vijandig = `<script>alert("x")</script> & 'quotes' "dubbel" \u202Erechts-naar-links\u202C \u200F 🦷💶 null\u0000byte \u0001\u0008\u000B\u001F \uFFFF einde. ${'lang '.repeat(9_000)}`;
    const bewaard = await post(DEMO.advocaat, `/zaken/${zaakId}/documenten/aanvulling`, {
      soort: 'beroepschrift',
      gronden: `${vijandig}\n\nTweede grond &amp; meer.`,
    });
    expect(bewaard.status).toBe(303);
    const { docx, tekst } = await generate(DEMO.advocaat, zaakId, { soort: 'beroepschrift' });
    expect(tekst).toContain('<script>alert("x")</script> & \'quotes\' "dubbel"');
    expect(tekst).toContain('🦷💶');
    expect(tekst).toContain('nullbyte');
    expect(tekst).toContain('Tweede grond &amp; meer.');
    const { tekst: pdfTekst } = await docxNaarPdfTekst(docx, 'vijandig');
    expect(pdfTekst).toContain('Beroepschrift');
    expect(pdfTekst).toContain('<script>alert("x")</script>');
  }, 120_000);
});

describe('organisation letterhead', () => {
  it('is edited in the settings and used by every filing: address in the Word header, the logo as an image', async () => {
    const { readFileSync } = await import('node:fs');
    const JSZip = (await import('jszip')).default;
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

    const fout = new FormData();
    fout.append('postcode', '12');
    fout.append('logo', new File(['GIF89a'], 'logo.gif', { type: 'image/gif' }));
    const r = await t.als(DEMO.beheerder)('/instellingen/briefhoofd', { method: 'POST', body: fout });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('het logo moet een PNG-afbeelding zijn');
    expect(html).toContain('vul een postcode in als 1234 AB');
  });
});

import { findEigenTariefbeschikking } from '../../../support/demoGegevens';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { createTestApp, DEMO, DEMO_AMSTELHOF, DEMO_AMSTELHOF_BESLUIT, formulier, leesTekst as tekst, SESSIE_GEHEIM } from '../../../support/testApp';
import { readDataRevisie, writeTransaction } from '../../../../src/db/transactie';
import { OPERATOR, recordAudit } from '../../../../src/services/gedeeld/auditService';
import { createSessie } from '../../../../src/services/toegang/sessieService';
import { findGebruikerIdByEmail } from '../../../../src/services/toegang/gebruikerBeheer';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string | string[]>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

describe('case files', () => {
  it('registering beroep ingesteld moves the region-year to in beroep, the uitspraak moves it on', async () => {
    const status = async () => (await (await t.als(DEMO.inhouse)('/api/v1/termijnen?regio=Utrecht&jaar=2026')).json()).status[0];
    expect((await status()).status).toBe('open');
    const zaakId = (t.db.$client.prepare(`SELECT id FROM zaken WHERE soort = 'beroep' AND organisatie_id = 3`).get() as { id: number }).id;
    expect((await post(DEMO.inhouse, `/zaken/${zaakId}/ingesteld`, { ingesteld: '20-11-2026', cbbZaaknummer: '26/1200' })).status).toBe(303);
    expect((await status()).status).toBe('in-beroep');
    const pagina = await (await t.als(DEMO.inhouse)(`/zaken/${zaakId}`)).text();
    expect(pagina).toContain('Beroep ingesteld (CBb 26/1200)');
    expect((await post(DEMO.inhouse, `/zaken/${zaakId}/uitspraak`, { afgerond: '21-11-2026', uitspraak: 'ingetrokken' })).status).toBe(303);
    expect((await status()).status).toBe('open'); // the lid-2 term of the gewijzigde tariefbeschikking still runs
  });

  it('refuses a bezwaar against a contracteerruimtebesluit and explains the right route', async () => {
    const voor = t.momentopname();
    const r = await post(DEMO.advocaat, '/zaken', {
      soort: 'bezwaar',
      contracteerruimtebesluitId: '2',
      regio: 'Amsterdam',
      jaar: '2027',
      zorgaanbiederId: '2',
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('geen bezwaar open (art. 7:1 Awb met Bijlage 1 Awb)');
    expect(html).toContain('rechtstreeks beroep in bij het CBb');
    expect(t.momentopname()).toBe(voor);
  });

  it('refuses a beroep against the contracteerruimte via a sluittarief beschikking, with the reason', async () => {
    const id = findEigenTariefbeschikking(t.db.$client, 'NZa/TB/2026-1810', 'Stichting Zorggroep Heuvelrand');
    const html = await (await post(DEMO.inhouse, '/zaken', { soort: 'beroep', tariefbeschikkingId: String(id) })).text();
    expect(html).toContain('Wlz-sluittarief in de nacalculatie opent geen beroep');
  });
});

describe('the kept case page (issue 15: kept per data revision, session and case)', () => {
  const sessieVan = (email: string) => t.aanmelding(email);
  /** The case page as a freshly started server renders it for this session: nothing computed or kept before. */
  const vers = async (email: string, pad: string) => (await t.verseApp().request(pad, { headers: { Cookie: sessieVan(email).cookie } })).text();
  /** The page asked twice, the second time gzipped as a browser asks: both the same page, the second one kept. */
  const gehouden = async (email: string, pad: string) => {
    const eerste = await (await t.als(email)(pad)).text();
    const tweede = await t.als(email)(pad, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(tweede.headers.get('Content-Encoding')).toBe('gzip');
    const html = gunzipSync(Buffer.from(await tweede.arrayBuffer())).toString('utf8');
    expect(html).toBe(eerste);
    return html;
  };

  it('equals the page of a freshly started server, before and after each kind of write to the case', async () => {
    const pad = '/zaken/5';
    const ziet = async (verwacht?: string) => {
      const html = await gehouden(DEMO.advocaat, pad);
      expect(html).toBe(await vers(DEMO.advocaat, pad));
      if (verwacht) expect(html).toContain(verwacht);
      return html;
    };
    await ziet('Niet gecontroleerd.');

    // A note (the case row).
    expect((await post(DEMO.advocaat, `${pad}/notities`, { notities: 'Cliënt belt maandag terug', verantwoordelijkeId: '2' })).status).toBe(303);
    await ziet('Cliënt belt maandag terug');

    // An entry in the case's audit log alone: bookkeeping the data revision does not count, yet the page shows it.
    const revisie = readDataRevisie(t.db);
    writeTransaction(t.db, (tx) => recordAudit(tx, OPERATOR, { actie: 'alleen in het log', onderwerp: 'zaak', onderwerpId: 5, wijzigingen: {} }));
    expect(readDataRevisie(t.db)).toBe(revisie);
    await ziet('alleen in het log');

    // A colleague confirms the fatal date (four eyes): another table, another user.
    const controle = await post(DEMO.beheerder, '/termijnen/controle', { ...DEMO_AMSTELHOF, ...DEMO_AMSTELHOF_BESLUIT, terug: pad });
    expect(controle.status).toBe(303);
    expect(tekst(await ziet())).toMatch(/Gecontroleerd door mr\. A\. van Dam op/);

    // Filed: the status, the forms and the timeline change.
    expect((await post(DEMO.advocaat, `${pad}/ingesteld`, { ingesteld: '20-11-2026' })).status).toBe(303);
    expect(tekst(await ziet())).toContain('Ingediend op 20 november 2026');

    // A refused form is shown with its errors, and never kept.
    const fout = await post(DEMO.advocaat, `${pad}/uitspraak`, { afgerond: 'morgen', uitspraak: '' });
    expect(fout.status).toBe(422);
    expect(await fout.text()).toContain('Niet opgeslagen.');
    expect(await ziet()).not.toContain('Niet opgeslagen.');
  });

  it('never serves one session, user or organisation the page kept for another', async () => {
    const pad = '/zaken/1';
    const advocaat = await gehouden(DEMO.advocaat, pad);
    expect(advocaat).toContain(sessieVan(DEMO.advocaat).csrf);
    // A colleague of the same firm: the same case, with the colleague's own name, token and rights.
    for (const collega of [DEMO.beheerder, DEMO.lezer]) {
      const html = await gehouden(collega, pad);
      expect(html).toBe(await vers(collega, pad));
      expect(html).not.toContain(sessieVan(DEMO.advocaat).csrf);
      expect(html).not.toBe(advocaat);
    }
    // A second browser of the same user: its own CSRF token.
    const gebruiker = findGebruikerIdByEmail(t.db, DEMO.advocaat)!;
    const tweede = createSessie(t.db, SESSIE_GEHEIM, gebruiker, Date.now());
    const html = await (await t.app.request(pad, { headers: { Cookie: `sessie=${tweede.token}` } })).text();
    expect(html).toContain(tweede.sessie.csrfToken);
    expect(html).not.toContain(sessieVan(DEMO.advocaat).csrf);
    // Another organisation (the NZa, the opposing party, included) does not find the case at all.
    for (const ander of [DEMO.inhouse, DEMO.nza]) {
      const r = await t.als(ander)(pad);
      expect(r.status).toBe(404);
      expect(await r.text()).not.toContain('Stichting Amstelhof');
    }
  });

  it('keeps the success message apart, and shows none for a key it does not know', async () => {
    const gewoon = await gehouden(DEMO.advocaat, '/zaken/1');
    const klaar = await gehouden(DEMO.advocaat, '/zaken/1?klaar=notities');
    expect(klaar).toContain('Opgeslagen: notities en verantwoordelijke.');
    expect(gewoon).not.toContain('Opgeslagen: notities en verantwoordelijke.');
    for (const onbekend of ['constructor', 'onzin']) {
      expect(await gehouden(DEMO.advocaat, `/zaken/1?klaar=${onbekend}`)).toBe(gewoon);
    }
  });
});

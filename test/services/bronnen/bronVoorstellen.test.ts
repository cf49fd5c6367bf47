import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, DEMO, formulier, leesTekst } from '../../support/testApp';
import { readBronDocument, type BronSoort } from '../../../src/bronnen/bronXml';
import { collectVondsten } from '../../../src/cli/bronnenCommand';
import { proposeVondsten, listBronVoorstellen, type BronVondst } from '../../../src/services/bronnen/bronVoorstellen';
import { loadActorByEmail } from '../../../src/services/toegang/actorService';
import { writeTransaction } from '../../../src/db/transactie';
import { toWeergaveTermijn } from '../../../src/services/termijnen/termijnWeergave';

/**
 * Proposals from the official sources (issue 33) on the demo data: who is proposed what (ownership, docs/adr/0006),
 * the review through the page (accept closes the case with the case page's own action, dismiss never comes back), and
 * an accepted KB day reaching the engine's calendar.
 */
const FIXTURES = 'test/fixtures/bronnen';
const lees = (bestand: string, bron: BronSoort) => readBronDocument(readFileSync(join(FIXTURES, bestand), 'utf8'), bron);

const t = createTestApp();
afterAll(() => t.sluit());
const sql = t.db.$client;
const actor = (email: string) => loadActorByEmail(t.db, email)!;
const voorstellenVan = (email: string) => listBronVoorstellen(t.db, actor(email));
const pagina = async (email: string) => leesTekst(await (await t.als(email)('/bronnen')).text());
const post = (email: string, pad: string) =>
  t.als(email)(pad, { method: 'POST', body: formulier({}), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });

const firmaZaak = (sql.prepare("SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0417'").get() as { id: number }).id;
// Firm B (the in-house department of Heuvelrand) has a pending beroep of its own, CBb 26/0500, that the NZa never registered.
let heuvelrandZaak = 0;
beforeAll(() => {
  heuvelrandZaak = (
    sql
      .prepare("SELECT id FROM zaken WHERE soort = 'beroep' AND organisatie_id = (SELECT organisatie_id FROM gebruikers WHERE email = ?)")
      .get(DEMO.inhouse) as { id: number }
  ).id;
  writeTransaction(t.db, () =>
    sql.prepare("UPDATE zaken SET status = 'ingediend', ingesteld = '2026-05-01', cbb_zaaknummer = '26/0500' WHERE id = ?").run(heuvelrandZaak),
  );
});

describe('reading the recorded answers into proposals', () => {
  it('proposes an uitspraak to the case’s organisation and to the NZa for its own received beroep, to nobody else; a deleted entry and an unknown zaaknummer propose nothing', async () => {
    const { vondsten, notities } = collectVondsten([
      lees('rechtspraak-feed.xml', 'rechtspraak'),
      lees('rechtspraak-inhoud-1234.xml', 'rechtspraak'),
      lees('rechtspraak-inhoud-1250.xml', 'rechtspraak'),
      lees('rechtspraak-inhoud-1300.xml', 'rechtspraak'),
    ]);
    expect(notities).toEqual([]);
    // 1300 was withdrawn in the feed: its content is not read into a proposal.
    expect(vondsten.map((v) => (v.soort === 'uitspraak' ? v.ecli : v.soort))).toEqual(['ECLI:NL:CBB:2026:1234', 'ECLI:NL:CBB:2026:1250']);
    const regels = proposeVondsten(t.db, vondsten);
    const nzaBeroep = (sql.prepare("SELECT id FROM ontvangen_beroepen WHERE cbb_zaaknummer = '26/0417'").get() as { id: number }).id;
    expect(regels).toEqual([
      { soort: 'uitspraak', ecli: 'ECLI:NL:CBB:2026:1234', zaaknummer: '26/0417', datum: '2026-11-17', zaak: firmaZaak },
      { soort: 'uitspraak', ecli: 'ECLI:NL:CBB:2026:1234', zaaknummer: '26/0417', datum: '2026-11-17', ontvangenBeroep: nzaBeroep },
    ]);
    expect(voorstellenVan(DEMO.advocaat).map((v) => [v.soort, v.zaakId])).toEqual([['uitspraak', firmaZaak]]);
    // The NZa's proposal names its own received beroep, never the firm's case.
    expect(voorstellenVan(DEMO.nza).map((v) => [v.zaakId, v.ontvangenBeroepId])).toEqual([[null, nzaBeroep]]);
    expect(voorstellenVan(DEMO.inhouse)).toEqual([]);
    const nzaPagina = await (await t.als(DEMO.nza)('/bronnen')).text();
    expect(nzaPagina).toContain('ontvangen beroep CBb 26/0417');
    expect(nzaPagina).not.toContain('/zaken/');
    // Read again: nothing new.
    expect(proposeVondsten(t.db, vondsten)).toEqual([]);
  });

  it('never proposes firm B’s uitspraak to firm A or to the NZa, and shows it on no page but firm B’s', async () => {
    const vondst: BronVondst = {
      soort: 'uitspraak',
      ecli: 'ECLI:NL:CBB:2026:1400',
      datum: '2026-11-10',
      zaaknummers: ['26/0500'],
      url: 'https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:CBB:2026:1400',
    };
    expect(proposeVondsten(t.db, [vondst])).toEqual([
      { soort: 'uitspraak', ecli: 'ECLI:NL:CBB:2026:1400', zaaknummer: '26/0500', datum: '2026-11-10', zaak: heuvelrandZaak },
    ]);
    for (const email of [DEMO.advocaat, DEMO.beheerder, DEMO.lezer, DEMO.nza, DEMO.nzaBeheerder]) {
      expect(voorstellenVan(email).some((v) => v.bronId === 'ECLI:NL:CBB:2026:1400')).toBe(false);
      expect(await pagina(email)).not.toContain('1400');
      expect(await pagina(email)).not.toContain('26/0500');
    }
    expect(await pagina(DEMO.inhouse)).toContain('ECLI:NL:CBB:2026:1400');
    // Another organisation's proposal cannot be reviewed: its existence is confidential.
    const id = voorstellenVan(DEMO.inhouse)[0]!.id;
    expect((await post(DEMO.advocaat, `/bronnen/${id}/aanvaarden`)).status).toBe(404);
    expect((await post(DEMO.nza, `/bronnen/${id}/afwijzen`)).status).toBe(404);
  });

  it('lists an NZa publication for every organisation, one line per publication', () => {
    const { vondsten } = collectVondsten([lees('staatscourant-nza.xml', 'staatscourant'), lees('staatscourant-leeg.xml', 'staatscourant')]);
    const regels = proposeVondsten(t.db, vondsten);
    expect(regels.map((r) => r.soort === 'nza-publicatie' && r.url)).toEqual([
      'https://zoek.officielebekendmakingen.nl/stcrt-2026-30123.html',
      'https://zoek.officielebekendmakingen.nl/stcrt-2026-30200.html',
    ]);
    const organisaties = (sql.prepare('SELECT count(*) AS n FROM organisaties').get() as { n: number }).n;
    expect((sql.prepare("SELECT count(*) AS n FROM bron_voorstellen WHERE soort = 'nza-publicatie'").get() as { n: number }).n).toBe(2 * organisaties);
    for (const email of [DEMO.nza, DEMO.advocaat, DEMO.inhouse]) expect(voorstellenVan(email).filter((v) => v.soort === 'nza-publicatie')).toHaveLength(2);
  });
});

describe('the database holds the line too (migration 0019)', () => {
  it('refuses a proposal for another organisation’s case or received beroep, and a proposal that changes owner', () => {
    const nza = (sql.prepare("SELECT id FROM organisaties WHERE soort = 'nza'").get() as { id: number }).id;
    const beroep = (sql.prepare("SELECT id FROM ontvangen_beroepen WHERE cbb_zaaknummer = '26/0417'").get() as { id: number }).id;
    const voegIn = (organisatieId: number, zaakId: number | null, ontvangenBeroepId: number | null) => () =>
      writeTransaction(t.db, () =>
        sql
          .prepare(
            "INSERT INTO bron_voorstellen (organisatie_id, soort, bron_id, zaak_id, ontvangen_beroep_id, datum, titel, url) VALUES (?, 'uitspraak', 'ECLI:NL:CBB:2026:9', ?, ?, '2026-11-17', 't', 'u')",
          )
          .run(organisatieId, zaakId, ontvangenBeroepId),
      );
    expect(voegIn(nza, firmaZaak, null)).toThrow('een voorstel hoort bij de organisatie van de zaak');
    expect(voegIn(2, null, beroep)).toThrow('een voorstel hoort bij de organisatie van het ontvangen beroep');
    expect(() => writeTransaction(t.db, () => sql.prepare('UPDATE bron_voorstellen SET organisatie_id = ? WHERE zaak_id = ?').run(nza, firmaZaak))).toThrow(
      'een voorstel verandert niet van eigenaar of bron',
    );
  });
});

describe('reviewing', () => {
  it('accepting an uitspraak closes the case as decided on its date with the ECLI and link, through the case’s own action, audited', async () => {
    const voorstel = voorstellenVan(DEMO.advocaat).find((v) => v.soort === 'uitspraak')!;
    // A lezer reads, but may not review.
    expect(voorstellenVan(DEMO.lezer).find((v) => v.id === voorstel.id)?.beoordeelbaar).toBe(false);
    expect((await post(DEMO.lezer, `/bronnen/${voorstel.id}/aanvaarden`)).status).toBe(403);
    const r = await post(DEMO.advocaat, `/bronnen/${voorstel.id}/aanvaarden`);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/bronnen?klaar=voorstel-aanvaard');
    const zaak = sql.prepare('SELECT status, afgerond, uitspraak FROM zaken WHERE id = ?').get(firmaZaak) as Record<string, string>;
    expect(zaak).toEqual({
      status: 'afgerond',
      afgerond: '2026-11-17',
      uitspraak: 'ECLI:NL:CBB:2026:1234 (https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:CBB:2026:1234)',
    });
    const acties = (sql.prepare('SELECT actie FROM audit_log WHERE organisatie_id = 2 ORDER BY id DESC LIMIT 2').all() as { actie: string }[]).map(
      (a) => a.actie,
    );
    expect(acties).toEqual(['voorstel aanvaard', 'uitspraak geregistreerd']);
    expect(leesTekst(await (await t.als(DEMO.advocaat)(`/zaken/${firmaZaak}`)).text())).toContain('ECLI:NL:CBB:2026:1234');
    // Reviewed once only.
    const nogEens = await post(DEMO.advocaat, `/bronnen/${voorstel.id}/afwijzen`);
    expect(nogEens.status).toBe(422);
    expect(leesTekst(await nogEens.text())).toContain('Dit voorstel is al beoordeeld.');
  });

  it('accepting the NZa’s proposal marks its received beroep decided', async () => {
    const voorstel = voorstellenVan(DEMO.nza).find((v) => v.soort === 'uitspraak')!;
    expect((await post(DEMO.nza, `/bronnen/${voorstel.id}/aanvaarden`)).status).toBe(303);
    expect(sql.prepare('SELECT afgerond FROM ontvangen_beroepen WHERE id = ?').get(voorstel.ontvangenBeroepId)).toEqual({ afgerond: '2026-11-17' });
  });

  it('refuses to close a case that was closed by hand meanwhile, in one sentence', async () => {
    const zaakId = (sql.prepare("SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0288'").get() as { id: number }).id;
    writeTransaction(t.db, () => sql.prepare("UPDATE zaken SET status = 'ingediend', afgerond = NULL WHERE id = ?").run(zaakId));
    proposeVondsten(t.db, [
      {
        soort: 'uitspraak',
        ecli: 'ECLI:NL:CBB:2026:1500',
        datum: '2026-11-12',
        zaaknummers: ['26/0288'],
        url: 'https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:CBB:2026:1500',
      },
    ]);
    writeTransaction(t.db, () => sql.prepare("UPDATE zaken SET status = 'afgerond', afgerond = '2026-11-10' WHERE id = ?").run(zaakId));
    const voorstel = voorstellenVan(DEMO.advocaat).find((v) => v.bronId === 'ECLI:NL:CBB:2026:1500')!;
    const r = await post(DEMO.advocaat, `/bronnen/${voorstel.id}/aanvaarden`);
    expect(r.status).toBe(422);
    expect(leesTekst(await r.text())).toContain('De zaak is al afgerond; wijs het voorstel af als de uitspraak al is vastgelegd.');
    expect(sql.prepare('SELECT afgerond FROM zaken WHERE id = ?').get(zaakId)).toEqual({ afgerond: '2026-11-10' });
    expect(voorstellenVan(DEMO.advocaat).find((v) => v.id === voorstel.id)?.status).toBe('open');
  });

  it('a dismissed proposal does not come back', async () => {
    const voorstel = voorstellenVan(DEMO.inhouse).find((v) => v.soort === 'uitspraak')!;
    expect((await post(DEMO.inhouse, `/bronnen/${voorstel.id}/afwijzen`)).status).toBe(303);
    expect(sql.prepare('SELECT status FROM zaken WHERE id = ?').get(heuvelrandZaak)).toEqual({ status: 'ingediend' });
    const vondst: BronVondst = { soort: 'uitspraak', ecli: 'ECLI:NL:CBB:2026:1400', datum: '2026-11-10', zaaknummers: ['26/0500'], url: voorstel.url };
    expect(proposeVondsten(t.db, [vondst])).toEqual([]);
    expect(
      voorstellenVan(DEMO.inhouse)
        .filter((v) => v.bronId === vondst.ecli)
        .map((v) => v.status),
    ).toEqual(['afgewezen']);
    expect(await pagina(DEMO.inhouse)).toContain('afgewezen');
  });
});

describe('a day equated by KB', () => {
  it('reads the days written out in the title, proposes them to the NZa, and only its beheerder accepts', async () => {
    const { vondsten } = collectVondsten([lees('staatscourant-kb.xml', 'staatscourant')]);
    expect(proposeVondsten(t.db, vondsten)).toEqual([
      { soort: 'gelijkgestelde-dag', datum: '2029-05-11', bron: 'stcrt-2028-12345' },
      { soort: 'gelijkgestelde-dag', datum: '2029-12-28', bron: 'stcrt-2028-12345' },
    ]);
    expect(voorstellenVan(DEMO.advocaat).some((v) => v.soort === 'gelijkgestelde-dag')).toBe(false);
    const voorstel = voorstellenVan(DEMO.nza).find((v) => v.soort === 'gelijkgestelde-dag')!;
    expect(voorstel.beoordeelbaar).toBe(false);
    expect((await post(DEMO.nza, `/bronnen/${voorstel.id}/aanvaarden`)).status).toBe(403);
    expect(voorstellenVan(DEMO.nzaBeheerder).find((v) => v.id === voorstel.id)?.beoordeelbaar).toBe(true);
  });

  it('an accepted day reaches the engine’s calendar with its source, and moves a last day on it', async () => {
    const advocaat = actor(DEMO.advocaat);
    const op = (einde: string) => t.termijnen.computeVoorActor(advocaat, '2026-11-22').uitkomst.termijnen.filter((x) => x.einde === einde);
    // A made-up KB day on a Tuesday that is a demo term's last day (test data: no KB names it).
    const eindigtOpDag = op('2026-12-01');
    expect(eindigtOpDag.length).toBeGreaterThan(0);
    const dag: BronVondst = {
      soort: 'gelijkgestelde-dag',
      datum: '2026-12-01',
      bron: 'stcrt-test-1',
      titel: 'Besluit (Algemene termijnenwet), test',
      url: 'https://zoek.officielebekendmakingen.nl/stcrt-test-1.html',
    };
    proposeVondsten(t.db, [dag]);
    const voorstel = voorstellenVan(DEMO.nzaBeheerder).find((v) => v.datum === '2026-12-01')!;
    // Not yet accepted: nothing moved.
    expect(op('2026-12-01')).toHaveLength(eindigtOpDag.length);
    expect((await post(DEMO.nzaBeheerder, `/bronnen/${voorstel.id}/aanvaarden`)).status).toBe(303);
    expect(t.termijnen.config.kalender.nietWerkdag('2026-12-01')).toMatchObject({
      grondslag: 'art. 3 lid 3 Atw',
      bron: expect.stringContaining('stcrt-test-1'),
    });
    expect(op('2026-12-01')).toEqual([]);
    expect(op('2026-12-02').length).toBeGreaterThanOrEqual(eindigtOpDag.length);
    // "Hoe is deze datum berekend?" names the day with its source.
    const uitleg = JSON.stringify(toWeergaveTermijn(op('2026-12-02')[0]!, t.termijnen.config).afleiding);
    expect(uitleg).toContain(
      'dinsdag 1 december 2026 is bij KB gelijkgestelde dag (art. 3 lid 3 Atw; dinsdag; Besluit, Algemene termijnenwet, test, stcrt-test-1, https://zoek.officielebekendmakingen.nl/stcrt-test-1.html)',
    );
    // A freshly started server (nothing cached) reads it too.
    expect(await pagina(DEMO.advocaat)).toContain('stcrt-test-1');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessie } from '../../../../src/services/toegang/sessieService';
import { findGebruikerIdByEmail } from '../../../../src/services/toegang/gebruikerBeheer';
import { createEenmansOrganisatie, EENMANS, EENMANS_BESLUIT, EENMANS_DATUM } from '../../../support/eenmansOrganisatie';
import { listOngecontroleerdeFataleTermijnen } from '../../../../src/services/controle/fataleDatumControle';
import { findEigenTariefbeschikking } from '../../../support/demoGegevens';
import { createTestApp, SESSIE_GEHEIM, DEMO, DEMO_AMSTELHOF, DEMO_AMSTELHOF_BESLUIT, formulier, leesTekst as tekst } from '../../../support/testApp';

/**
 * Issue 30.2: the four-eyes check for every organisation. A one-person organisation (an in-house department with one
 * beheerder, made here) invites an external checker for one date, or records a second reading after a night; every check
 * records what was compared; a case shows one check block per date.
 */
let t: ReturnType<typeof createTestApp>;
beforeEach(() => {
  t = createTestApp();
  createEenmansOrganisatie(t.db);
});
afterEach(() => t.sluit());

const post = (email: string | undefined, pad: string, velden: Record<string, string>, kop: Record<string, string> = {}) =>
  (email === EENMANS ? alsNu(email) : email ? t.als(email) : t.app.request.bind(t.app))(pad, {
    method: 'POST',
    body: formulier(velden),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...kop },
    redirect: 'manual',
  });

/** The in-house beheerder registers a tariefbeschikking of its own: its date has only this first pair of eyes. */
async function registreerEigenBesluit() {
  const r = await post(EENMANS, '/besluiten/tariefbeschikking', EENMANS_BESLUIT);
  expect(r.status).toBe(303);
  const datum = EENMANS_DATUM;
  return { datum, pad: `/termijnen/controle?${new URLSearchParams({ ...datum, terug: '/mijn-week' })}` };
}

/** A request as the user in a session begun now (after the test moved the clock past the first session's life). */
function alsNu(email: string) {
  const { token, sessie } = createSessie(t.db, SESSIE_GEHEIM, findGebruikerIdByEmail(t.db, email)!, t.klok.nuMs);
  return (pad: string, init: RequestInit = {}) =>
    t.app.request(pad, { ...init, headers: { Cookie: `sessie=${token}`, 'X-CSRF-Token': sessie.csrfToken, ...(init.headers as Record<string, string>) } });
}

const GELEZEN = { kenmerk: 'NZa/TB/2026-9600', bekendmaking: '18-11-2026', wijze: 'verzenddatum' };

describe('a one-person organisation (issue 30.2)', () => {
  it('is told nobody else can check, offered an external checker and a second reading only after a night', async () => {
    const { datum, pad } = await registreerEigenBesluit();
    const pagina = tekst(await (await alsNu(EENMANS)(pad)).text());
    expect(pagina).toContain('Niemand anders in uw organisatie kan deze datum controleren.');
    expect(pagina).toContain('U kunt deze datum niet zelf controleren: u hebt het besluit geregistreerd of de data ervan gewijzigd.');
    expect(pagina).toContain('Externe controleur uitnodigen');
    expect(pagina).toMatch(/Een tweede lezing kan vanaf \w+ \d{1,2} \w+ 20\d\d om \d\d:\d\d/);

    // The same day: refused, nothing recorded.
    const voor = t.momentopname();
    const vandaag = await post(EENMANS, '/termijnen/controle', { ...datum, ...GELEZEN, soort: 'tweede-lezing' });
    expect(vandaag.status).toBe(422);
    expect(tekst(await vandaag.text())).toMatch(/Een tweede lezing kan vanaf \w+ \d{1,2} \w+ 20\d\d om/);
    expect(t.momentopname()).toBe(voor);

    // After a night: a wrong bekendmaking is refused and said; the right one is recorded, marked as a second reading.
    t.klok.nuMs += 24 * 3600_000;
    const morgen = alsNu(EENMANS);
    const postMorgen = (velden: Record<string, string>) =>
      morgen('/termijnen/controle', {
        method: 'POST',
        body: formulier(velden),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        redirect: 'manual',
      });
    const mis = await postMorgen({ ...datum, ...GELEZEN, bekendmaking: '17-11-2026', soort: 'tweede-lezing' });
    expect(mis.status).toBe(422);
    expect(tekst(await mis.text())).toContain(
      'De bekendmaking die u las (dinsdag 17 november 2026) is niet die waarvan deze datum is berekend (woensdag 18 november 2026). Niets vastgelegd',
    );
    expect(t.momentopname()).toBe(voor);
    const goed = await postMorgen({ ...datum, ...GELEZEN, soort: 'tweede-lezing', terug: '/mijn-week' });
    expect(goed.status).toBe(303);
    const rij = t.db.$client
      .prepare("SELECT soort, kenmerk, bekendmaking, bekendmaking_wijze AS wijze FROM fatale_datum_controles WHERE einde = '2026-12-30'")
      .get();
    expect(rij).toEqual({ soort: 'tweede-lezing', kenmerk: 'NZa/TB/2026-9600', bekendmaking: '2026-11-18', wijze: 'verzenddatum' });
    expect(tekst(await (await morgen(pad)).text())).toMatch(
      /Tweede lezing door mr\. E\. Alleen \(dezelfde persoon, na een nacht\) op .*: vergeleken met NZa\/TB\/2026-9600, bekendgemaakt woensdag 18 november 2026 \(volgens de verzenddatum op het besluit\)/,
    );
    const log = t.db.$client.prepare("SELECT actie, wijzigingen FROM audit_log WHERE onderwerp = 'fatale datum' ORDER BY id DESC LIMIT 1").get() as {
      actie: string;
      wijzigingen: string;
    };
    expect(log.actie).toBe('fatale datum gecontroleerd (tweede lezing)');
    expect(JSON.parse(log.wijzigingen)).toMatchObject({ besluit: 'NZa/TB/2026-9600', bekendmaking: '2026-11-18', gecontroleerd: [null, '2026-12-30'] });
  });

  it('invites an external checker who sees that one date, compares it and confirms once; the link then and after expiry works no more', async () => {
    const { datum, pad } = await registreerEigenBesluit();
    const uitnodiging = await post(EENMANS, '/termijnen/controle/uitnodigen', {
      ...datum,
      naam: 'mr. P. Extern',
      email: 'p.extern@kantoor.example',
      terug: '/',
    });
    expect(uitnodiging.status).toBe(303);
    const na = tekst(await (await alsNu(EENMANS)(uitnodiging.headers.get('location')!)).text());
    expect(na).toContain('Verstuurd: de externe controleur krijgt een link naar deze ene datum.');
    expect(na).toContain('Uitgenodigd: mr. P. Extern (p.extern@kantoor.example)');
    const mail = t.db.$client.prepare("SELECT aan, tekst, message_id AS id FROM uitgaande_mail WHERE aan = 'p.extern@kantoor.example'").get() as {
      tekst: string;
      id: string;
    };
    expect(mail.id).toMatch(/^<controle-/);
    const link = /http:\/\/app\.test(\/controle\/[A-Za-z0-9_-]+)/.exec(mail.tekst)![1]!;
    // The organisation's outbox never lists a mail that carries such a link.
    expect(await (await alsNu(EENMANS)('/outbox')).text()).not.toContain('p.extern@kantoor.example');

    // Without an account: the date, its besluit and afleiding — nothing else of the organisation.
    const open = await t.app.request(link);
    expect(open.status).toBe(200);
    const html = await open.text();
    expect(tekst(html)).toContain('mr. E. Alleen vraagt u als tweede paar ogen deze laatste dag te controleren');
    expect(tekst(html)).toContain('Laatste dag: woensdag 30 december 2026');
    expect(tekst(html)).toContain('Hoe is deze datum berekend?');
    expect(html).not.toContain('22 december');
    expect(html).not.toMatch(/href="\/(zaken|matrix|mijn-week)/);
    const cookie = open.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

    const voor = t.momentopname();
    expect((await post(undefined, link, { _csrf: 'fout', ...GELEZEN }, { Cookie: cookie })).status).toBe(422);
    const verkeerd = await post(undefined, link, { _csrf: csrf, ...GELEZEN, kenmerk: 'NZa/TB/2026-9601' }, { Cookie: cookie });
    expect(verkeerd.status).toBe(422);
    expect(tekst(await verkeerd.text())).toContain(
      'Het kenmerk dat u las (NZa/TB/2026-9601) is niet dat van het besluit waarvan deze datum is berekend (NZa/TB/2026-9600).',
    );
    expect(t.momentopname()).toBe(voor);

    const bevestigd = await post(undefined, link, { _csrf: csrf, ...GELEZEN, wijze: 'ontvangst' }, { Cookie: cookie });
    expect(bevestigd.status).toBe(200);
    expect(tekst(await bevestigd.text())).toContain('Dank u: de controle is vastgelegd');
    expect(tekst(await (await alsNu(EENMANS)(pad)).text())).toMatch(
      /Gecontroleerd door mr\. P\. Extern \(extern, uitgenodigd door mr\. E\. Alleen\) op .*: vergeleken met NZa\/TB\/2026-9600, bekendgemaakt woensdag 18 november 2026 \(volgens de datum van ontvangst\)/,
    );
    // Art. 3:41 Awb: the day of receipt does not prove the day of sending; the check says so.
    expect(tekst(await (await alsNu(EENMANS)(pad)).text())).toContain('de datum van ontvangst bewijst de dag van verzending niet (art. 3:41 Awb)');
    expect((await t.app.request(link)).status).toBe(410);
    const acties = t.db.$client.prepare("SELECT actie, gebruiker_naam AS door FROM audit_log WHERE onderwerp = 'fatale datum' ORDER BY id").all() as {
      actie: string;
      door: string;
    }[];
    expect(acties).toEqual([
      { actie: 'externe controleur uitgenodigd', door: 'mr. E. Alleen' },
      { actie: 'fatale datum gecontroleerd (extern)', door: 'mr. P. Extern (externe controleur, uitgenodigd door mr. E. Alleen)' },
    ]);

    // A second invitation for another organisation's date is impossible: the form names only the inviter's own terms.
    const ander = await post(DEMO.advocaat, '/termijnen/controle/uitnodigen', { ...datum, naam: 'X', email: 'x@example.org' });
    expect(ander.status).toBe(404);
  });

  it('one open invitation per date, never to an address with an account; a link stops once the date is checked', async () => {
    const { datum } = await registreerEigenBesluit();
    const uitnodigen = (email: string) => post(EENMANS, '/termijnen/controle/uitnodigen', { ...datum, naam: 'X', email });
    expect((await uitnodigen(DEMO.nza)).status).toBe(422);
    expect(tekst(await (await uitnodigen(DEMO.nza)).text())).toContain('Dit e-mailadres kan niet worden uitgenodigd als externe controleur');
    expect((await uitnodigen('p.extern@kantoor.example')).status).toBe(303);
    const tweede = await uitnodigen('q.extern@kantoor.example');
    expect(tweede.status).toBe(422);
    expect(tekst(await tweede.text())).toContain('Voor deze datum loopt al een uitnodiging.');
    const mail = t.db.$client.prepare("SELECT tekst FROM uitgaande_mail WHERE aan = 'p.extern@kantoor.example'").get() as { tekst: string };
    const link = /http:\/\/app\.test(\/controle\/[A-Za-z0-9_-]+)/.exec(mail.tekst)![1]!;
    // Checked meanwhile by a second reading after a night: the link shows nothing any more.
    t.klok.nuMs += 24 * 3600_000;
    expect((await post(EENMANS, '/termijnen/controle', { ...datum, ...GELEZEN, soort: 'tweede-lezing' })).status).toBe(303);
    expect((await t.app.request(link)).status).toBe(410);
  });

  it('an invitation withdrawn by hand: its link stops at once, and the date can be offered again', async () => {
    const { datum, pad } = await registreerEigenBesluit();
    await post(EENMANS, '/termijnen/controle/uitnodigen', { ...datum, naam: 'mr. P. Extern', email: 'p.extern@kantoor.example' });
    const mail = t.db.$client.prepare("SELECT tekst FROM uitgaande_mail WHERE aan = 'p.extern@kantoor.example'").get() as { tekst: string };
    const link = /http:\/\/app\.test(\/controle\/[A-Za-z0-9_-]+)/.exec(mail.tekst)![1]!;
    const id = (t.db.$client.prepare('SELECT max(id) AS id FROM controle_uitnodigingen').get() as { id: number }).id;
    expect(tekst(await (await alsNu(EENMANS)(pad)).text())).toContain('Uitnodiging intrekken');
    // Another organisation cannot withdraw it.
    expect((await post(DEMO.advocaat, `/termijnen/controle/uitnodiging/${id}/intrekken`, { ...datum })).status).toBeGreaterThanOrEqual(400);
    expect((await t.app.request(link)).status).toBe(200);
    const weg = await post(EENMANS, `/termijnen/controle/uitnodiging/${id}/intrekken`, { ...datum, terug: '/' });
    expect(weg.status).toBe(303);
    const na = tekst(await (await alsNu(EENMANS)(weg.headers.get('location')!)).text());
    expect(na).toContain('Ingetrokken: de link van de externe controleur werkt niet meer.');
    expect(na).toContain('Uitnodiging versturen');
    expect((await t.app.request(link)).status).toBe(410);
    expect((await post(EENMANS, `/termijnen/controle/uitnodiging/${id}/intrekken`, { ...datum })).status).toBe(422);
  });

  it('an invitation expires after seven days', async () => {
    const { datum } = await registreerEigenBesluit();
    await post(EENMANS, '/termijnen/controle/uitnodigen', { ...datum, naam: 'mr. P. Extern', email: 'p.extern@kantoor.example' });
    const mail = t.db.$client.prepare("SELECT tekst FROM uitgaande_mail WHERE aan = 'p.extern@kantoor.example'").get() as { tekst: string };
    const link = /http:\/\/app\.test(\/controle\/[A-Za-z0-9_-]+)/.exec(mail.tekst)![1]!;
    expect((await t.app.request(link)).status).toBe(200);
    t.klok.nuMs += 7 * 24 * 3600_000 + 60_000;
    expect((await t.app.request(link)).status).toBe(410);
  });
});

describe('a check holds for what it compared (issue 30.2, review)', () => {
  it('a new wijziging giving the same last day from another besluit is unchecked again', async () => {
    const orgId = (t.db.$client.prepare('SELECT organisatie_id AS id FROM gebruikers WHERE email = ?').get(DEMO.advocaat) as { id: number }).id;
    expect((await post(DEMO.beheerder, '/termijnen/controle', { ...DEMO_AMSTELHOF, ...DEMO_AMSTELHOF_BESLUIT })).status).toBe(303);
    const open = () =>
      listOngecontroleerdeFataleTermijnen(t.db, t.termijnen, orgId, '2026-11-22').filter((x) => x.einde === '2026-12-01' && x.regio === 'Amsterdam');
    expect(open()).toEqual([]);
    // The same last day, now computed from another tariefbeschikking: a date-correction made known on the same day.
    const tbId = findEigenTariefbeschikking(t.db.$client, 'NZa/TB/2026-1744', 'Van Dam & Kuipers Advocaten');
    t.db.$client.prepare("UPDATE tariefbeschikkingen SET kenmerk = 'NZa/TB/2026-1745' WHERE id = ?").run(tbId);
    const nu = open();
    expect(nu.length).toBeGreaterThan(0);
    expect(new Set(nu.map((x) => x.besluit))).toEqual(new Set(['NZa/TB/2026-1745']));
    expect(tekst(await (await t.als(DEMO.advocaat)('/zaken/5')).text())).toContain('Niet gecontroleerd.');
    // Checking it again replaces the check that no longer holds.
    expect((await post(DEMO.beheerder, '/termijnen/controle', { ...DEMO_AMSTELHOF, ...DEMO_AMSTELHOF_BESLUIT, kenmerk: 'NZa/TB/2026-1745' })).status).toBe(303);
    expect(open()).toEqual([]);
  });
});

describe('an organisation with a colleague who can check (issue 30.2)', () => {
  it('names who may check, refuses an external checker, and shows one check block per date on the case', async () => {
    const zaak = tekst(await (await t.als(DEMO.advocaat)('/zaken/5')).text());
    expect(zaak).toContain('Mag controleren: mr. A. van Dam.');
    expect(zaak.match(/Niet gecontroleerd\./g)).toHaveLength(1);
    const r = await post(DEMO.advocaat, '/termijnen/controle/uitnodigen', { ...DEMO_AMSTELHOF, naam: 'mr. P. Extern', email: 'p.extern@kantoor.example' });
    expect(r.status).toBe(422);
    expect(tekst(await r.text())).toContain(
      'Een externe controleur is voor een organisatie waarin niemand anders de datum kan controleren. Vraag mr. A. van Dam.',
    );
    // A colleague's check needs the comparison: without it nothing is recorded.
    const zonder = await post(DEMO.beheerder, '/termijnen/controle', { ...DEMO_AMSTELHOF });
    expect(zonder.status).toBe(422);
    expect(tekst(await zonder.text())).toContain('Kies hoe de datum van bekendmaking bekend is.');
    expect((await post(DEMO.beheerder, '/termijnen/controle', { ...DEMO_AMSTELHOF, ...DEMO_AMSTELHOF_BESLUIT })).status).toBe(303);
  });
});

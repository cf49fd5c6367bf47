import { afterAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { ROUTE_REGELS } from '../../src/web/routeRegels';
import { createGebruiker } from '../../src/services/toegang/gebruikerBeheer';
import { createEenmansOrganisatie, EENMANS, EENMANS_BESLUIT, EENMANS_DATUM } from '../support/eenmansOrganisatie';
import { openTotpGeheim } from '../../src/services/toegang/aanmeldService';
import { proposeVondsten } from '../../src/services/bronnen/bronVoorstellen';
import { createTestApp, DEMO, DEMO_AMSTELHOF, DEMO_AMSTELHOF_BESLUIT, formulier, SESSIE_GEHEIM, tariefbeschikkingJson } from '../support/testApp';

/**
 * Issue 11: every write leaves an audit entry that names the change. Generated from the route table: every POST
 * route has a row below — a successful call and the entry it must leave (action and subject), or the reason it writes
 * nothing (then the log must not grow). A new POST route without a row fails the first test.
 */
const t = createTestApp();
afterAll(() => t.sluit());
const sql = t.db.$client;
const een = <T>(q: string, ...p: unknown[]) => sql.prepare(q).get(...p) as T;

const tb = een<{ id: number; besluitdatum: string }>(
  "SELECT id, besluitdatum FROM tariefbeschikkingen WHERE kenmerk = 'NZa/TB/2026-0188' AND organisatie_id = (SELECT id FROM organisaties WHERE naam = 'Van Dam & Kuipers Advocaten')",
);
const lezerId = een<{ id: number }>('SELECT id FROM gebruikers WHERE email = ?', DEMO.lezer).id;

// A one-person organisation whose only member registered a tariefbeschikking: nobody else can check its date, so an
// external checker may be invited (issue 30.2).
createEenmansOrganisatie(t.db);
await t.als(EENMANS)('/besluiten/tariefbeschikking', {
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: formulier(EENMANS_BESLUIT),
});
const CSV = 'kenmerk;soort;besluitdatum;bekendgemaakt;regio;jaar;bedrag\nNZa/CR/2026-940;wijziging;17-11-2026;20-11-2026;Utrecht;2027;1.900.000.000,00\n';

type Aanroep = { wie: string; pad: () => string; body?: () => BodyInit | Promise<BodyInit>; json?: boolean };
type Verwacht = Aanroep & { actie: string | RegExp; onderwerp: string };
type SchrijftNiet = Aanroep & { schrijftNiet: string };
type Rij = Verwacht | SchrijftNiet | { publiekeAanmelding: string };

/** Filled in by rows that depend on earlier ones (the invitee, the token just made, the check's import token). */
const later: { genodigde?: number; tokenId?: number; importToken?: string; zaakId?: number } = {};
const datum = (d: string) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;

let volgnummer = 0;
/** A ledger row of the firm's jurist in a given state, for the outbox and "gezien" routes. */
const herinnering = (status: string) =>
  Number(
    sql
      .prepare(
        `INSERT INTO herinneringen (sleutel, soort, gebruiker_id, moment, status, termijn, einde) VALUES (?, 'herinnering', (SELECT id FROM gebruikers WHERE email = ?), '2026-11-20', ?, 'z1', '2026-12-01')`,
      )
      .run(`audit-${status}-${++volgnummer}`, DEMO.advocaat, status).lastInsertRowid,
  );

const RIJEN: Record<string, Rij> = {
  'POST /aanmelden': { publiekeAanmelding: 'signing in writes sessions only (bookkeeping, not data)' },
  'POST /afmelden': { publiekeAanmelding: 'signing out removes one session only' },
  'POST /aanmelden/sso': { publiekeAanmelding: 'starting single sign-on writes nothing (a cookie)' },
  'POST /besluiten/contracteerruimte': {
    wie: DEMO.nza,
    pad: () => '/besluiten/contracteerruimte',
    body: () =>
      formulier({
        kenmerk: 'NZa/CR/2026-901',
        soort: 'wijziging',
        besluitdatum: '2026-11-18',
        bekendgemaakt: '2026-11-20',
        regio: ['Zeeland'],
        jaar: ['2027'],
        bedrag: ['812.000.000'],
      }),
    actie: 'contracteerruimtebesluit geregistreerd',
    onderwerp: 'contracteerruimtebesluit',
  },
  'POST /besluiten/tariefbeschikking': {
    wie: DEMO.advocaat,
    pad: () => '/besluiten/tariefbeschikking',
    body: () =>
      formulier({
        kenmerk: 'NZa/TB/2026-2901',
        zorgaanbieder: '90000003',
        regio: 'Amsterdam',
        jaar: '2027',
        soort: 'vaststelling',
        besluitdatum: '16-11-2026',
        bekendgemaakt: '18-11-2026',
      }),
    actie: 'tariefbeschikking geregistreerd',
    onderwerp: 'tariefbeschikking',
  },
  'POST /regios/:code/naam': {
    wie: DEMO.nzaBeheerder,
    pad: () => '/regios/ZK30/naam',
    body: () => formulier({ naam: 'Zuidoost-Brabant en De Kempen', vanafJaar: '2028' }),
    actie: 'regio hernoemd',
    onderwerp: 'zorgkantoorregio',
  },
  'POST /regios/samenvoegen': {
    wie: DEMO.nzaBeheerder,
    pad: () => '/regios/samenvoegen',
    body: () => formulier({ bronnen: 'ZK31', doel: 'ZK40', naam: 'Limburg-Zuid', zorgkantoor: 'CZ Zorgkantoor B.V.', vanafJaar: '2029' }),
    actie: 'regio’s samengevoegd',
    onderwerp: 'zorgkantoorregio',
  },
  'POST /besluiten/voorbeeld': {
    wie: DEMO.advocaat,
    pad: () => '/besluiten/voorbeeld',
    body: () => formulier({ type: 'tariefbeschikking', soort: 'vaststelling', regio: 'Amsterdam', jaar: '2027', bekendgemaakt: '18-11-2026' }),
    schrijftNiet: 'a live preview',
  },
  'POST /besluiten/:type/:id/bewerken': {
    wie: DEMO.advocaat,
    pad: () => `/besluiten/tariefbeschikking/${tb.id}/bewerken`,
    // One day before the stored besluitdatum, made known the day after: a real change of both dates.
    body: () => {
      const d = new Date(`${tb.besluitdatum}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() - 1);
      return formulier({ besluitdatum: datum(d.toISOString()), bekendgemaakt: datum(tb.besluitdatum) });
    },
    actie: 'datums gewijzigd',
    onderwerp: 'tariefbeschikking',
  },
  'POST /besluiten/:type/:id/watals': {
    wie: DEMO.advocaat,
    pad: () => `/besluiten/tariefbeschikking/${tb.id}/watals`,
    body: () => formulier({ bekendgemaakt: '20-11-2026' }),
    schrijftNiet: 'a what-if calculation',
  },
  'POST /import/voorbeeld': {
    wie: DEMO.nza,
    pad: () => '/import/voorbeeld',
    body: () => {
      const fd = new FormData();
      fd.append('soort', 'contracteerruimte');
      fd.append('bestand', new File([CSV], 'overzicht.csv', { type: 'text/csv' }));
      return fd;
    },
    schrijftNiet: 'the check before an import',
  },
  'POST /import/uitvoeren': {
    wie: DEMO.nza,
    pad: () => '/import/uitvoeren',
    body: () => formulier({ token: later.importToken! }),
    actie: 'contracteerruimtebesluit geregistreerd',
    onderwerp: 'contracteerruimtebesluit',
  },
  'POST /zaken': {
    wie: DEMO.advocaat,
    pad: () => '/zaken',
    // A beroep against the firm's own tariefbeschikking: the case the rows below write to.
    body: () => formulier({ soort: 'beroep', tariefbeschikkingId: String(tb.id) }),
    actie: 'zaak geopend',
    onderwerp: 'zaak',
  },
  'POST /zaken/:id/notities': {
    wie: DEMO.advocaat,
    pad: () => `/zaken/${later.zaakId}/notities`,
    body: () => formulier({ notities: 'Cliënt gebeld; stukken volgen.', verantwoordelijkeId: '' }),
    actie: 'notities en verantwoordelijke opgeslagen',
    onderwerp: 'zaak',
  },
  'POST /zaken/:id/griffierecht': {
    wie: DEMO.advocaat,
    pad: () => `/zaken/${later.zaakId}/griffierecht`,
    body: () => formulier({ griffierechtMededeling: '19-11-2026' }),
    actie: 'griffierecht-mededeling geregistreerd',
    onderwerp: 'zaak',
  },
  'POST /zaken/:id/documenten/termijn': {
    wie: DEMO.advocaat,
    pad: () => `/zaken/${later.zaakId}/documenten/termijn`,
    body: () => formulier({ termijnSoort: 'hersteltermijn', brief: '20-11-2026', einde: '18-12-2026' }),
    actie: 'hersteltermijn geregistreerd',
    onderwerp: 'zaak',
  },
  'POST /zaken/:id/documenten/aanvulling': {
    wie: DEMO.advocaat,
    pad: () => `/zaken/${later.zaakId}/documenten/aanvulling`,
    body: () =>
      formulier({
        soort: 'beroepschrift',
        indienerAdres: 'Kanaalkade 12',
        indienerPostcode: '3511 AB',
        indienerPlaats: 'Utrecht',
        gronden: 'De tariefbeschikking berust op een contracteerruimte die in strijd met art. 3:2 Awb is vastgesteld.',
        // The term of this beschikking has ended by the test's today: a late filing needs its facts (art. 6:11 Awb).
        verschoonbaarheid: 'De beschikking is pas na afloop van de termijn ontvangen.',
      }),
    actie: 'gegevens voor stukken aangevuld',
    onderwerp: 'zaak',
  },
  'POST /zaken/:id/documenten': {
    wie: DEMO.advocaat,
    pad: () => `/zaken/${later.zaakId}/documenten`,
    body: () => formulier({ soort: 'beroepschrift' }),
    actie: / opgesteld$/,
    onderwerp: 'zaak',
  },
  'POST /zaken/:id/ingesteld': {
    wie: DEMO.advocaat,
    pad: () => `/zaken/${later.zaakId}/ingesteld`,
    body: () => formulier({ ingesteld: '20-11-2026', cbbZaaknummer: '26/1200' }),
    actie: / ingesteld$/,
    onderwerp: 'zaak',
  },
  'POST /zaken/:id/ingesteld-ongedaan': {
    wie: DEMO.advocaat,
    // The firm's seeded case that is already filed: undone, it is a concept again.
    pad: () =>
      `/zaken/${een<{ id: number }>("SELECT id FROM zaken WHERE organisatie_id = 2 AND status = 'ingediend' ORDER BY id LIMIT 1").id}/ingesteld-ongedaan`,
    body: () => formulier({}),
    actie: / ingesteld ongedaan gemaakt$/,
    onderwerp: 'zaak',
  },
  'POST /termijnen/controle': {
    // The beheerder as second pair of eyes: the jurist is responsible for the case of this date.
    wie: DEMO.beheerder,
    pad: () => '/termijnen/controle',
    body: () => formulier({ ...DEMO_AMSTELHOF, ...DEMO_AMSTELHOF_BESLUIT, terug: '/mijn-week' }),
    actie: 'fatale datum gecontroleerd',
    onderwerp: 'fatale datum',
  },
  'POST /termijnen/controle/uitnodigen': {
    wie: EENMANS,
    pad: () => '/termijnen/controle/uitnodigen',
    body: () => formulier({ ...EENMANS_DATUM, naam: 'mr. P. Extern', email: 'p.extern@kantoor.example' }),
    actie: 'externe controleur uitgenodigd',
    onderwerp: 'fatale datum',
  },
  'POST /termijnen/controle/uitnodiging/:id/intrekken': {
    // The invitation of the row above, withdrawn by hand.
    wie: EENMANS,
    pad: () => `/termijnen/controle/uitnodiging/${een<{ id: number }>('SELECT max(id) AS id FROM controle_uitnodigingen').id}/intrekken`,
    body: () => formulier({ ...EENMANS_DATUM }),
    actie: 'uitnodiging externe controleur ingetrokken',
    onderwerp: 'fatale datum',
  },
  'POST /controle/:token': {
    publiekeAanmelding:
      "the external checker's one-time link (no account, no session): its audit entry, 'fatale datum gecontroleerd (extern)', is checked in test/server/routes/controle/vierOgenVoorIedereen.test.ts",
  },
  'POST /zaken/:id/uitspraak': {
    wie: DEMO.advocaat,
    pad: () => `/zaken/${later.zaakId}/uitspraak`,
    body: () => formulier({ afgerond: '21-11-2026', uitspraak: 'ingetrokken' }),
    actie: 'uitspraak geregistreerd',
    onderwerp: 'zaak',
  },
  'POST /instellingen': {
    wie: DEMO.advocaat,
    pad: () => '/instellingen',
    body: () => formulier({ schema: '10, 5, 0', weekoverzicht: 'ja' }),
    actie: 'herinneringen ingesteld',
    onderwerp: 'gebruiker',
  },
  'POST /instellingen/briefhoofd': {
    wie: DEMO.beheerder,
    pad: () => '/instellingen/briefhoofd',
    body: () => formulier({ adres: 'Kanaalkade 12', postcode: '3511ab', plaats: 'Utrecht', email: '', telefoon: '' }),
    actie: 'briefhoofd gewijzigd',
    onderwerp: 'organisatie',
  },
  'POST /instellingen/verantwoordelijken': {
    wie: DEMO.beheerder,
    pad: () => '/instellingen/verantwoordelijken',
    body: () => formulier({ standaard: String(een<{ id: number }>('SELECT id FROM gebruikers WHERE email = ?', DEMO.advocaat).id), reserve: '' }),
    actie: 'verantwoordelijken voor herinneringen gewijzigd',
    onderwerp: 'organisatie',
  },
  'POST /outbox/:id/opnieuw': {
    wie: DEMO.beheerder,
    pad: () => `/outbox/${herinnering('onzeker')}/opnieuw`,
    body: () => formulier({}),
    actie: 'herinnering opnieuw verstuurd',
    onderwerp: 'herinnering',
  },
  'POST /outbox/:id/verzonden': {
    wie: DEMO.beheerder,
    pad: () => `/outbox/${herinnering('onzeker')}/verzonden`,
    body: () => formulier({}),
    actie: 'herinnering als verzonden bevestigd',
    onderwerp: 'herinnering',
  },
  'POST /herinneringen/:id/gezien': {
    wie: DEMO.advocaat,
    pad: () => `/herinneringen/${herinnering('verzonden')}/gezien`,
    body: () => formulier({}),
    actie: 'herinnering gezien',
    onderwerp: 'herinnering',
  },
  'POST /instellingen/agenda-token': {
    wie: DEMO.advocaat,
    pad: () => '/instellingen/agenda-token',
    body: () => formulier({}),
    actie: 'agendalink vernieuwd',
    onderwerp: 'gebruiker',
  },
  'POST /instellingen/tokens': {
    wie: DEMO.advocaat,
    pad: () => '/instellingen/tokens',
    body: () => formulier({ naam: 'script van de griffie', scope: 'lezen' }),
    actie: 'API-token gemaakt',
    onderwerp: 'api-token',
  },
  'POST /instellingen/tokens/:tokenId/intrekken': {
    wie: DEMO.advocaat,
    pad: () => `/instellingen/tokens/${later.tokenId}/intrekken`,
    body: () => formulier({}),
    actie: 'API-token ingetrokken',
    onderwerp: 'api-token',
  },
  'POST /organisatie/leden': {
    wie: DEMO.beheerder,
    pad: () => '/organisatie/leden',
    body: () => formulier({ naam: 'mr. R. de Wit', email: 'r.dewit@vandamkuipers.example', rol: 'lezer' }),
    actie: 'gebruiker uitgenodigd',
    onderwerp: 'gebruiker',
  },
  'POST /organisatie/leden/:gebruikerId/rol': {
    wie: DEMO.beheerder,
    pad: () => `/organisatie/leden/${later.genodigde}/rol`,
    body: () => formulier({ rol: 'jurist' }),
    actie: 'rol gewijzigd',
    onderwerp: 'gebruiker',
  },
  'POST /organisatie/leden/:gebruikerId/nieuwe-link': {
    wie: DEMO.beheerder,
    pad: () => `/organisatie/leden/${later.genodigde}/nieuwe-link`,
    body: () => formulier({}),
    actie: 'nieuwe aanmeldlink verstuurd',
    onderwerp: 'gebruiker',
  },
  'POST /organisatie/leden/:gebruikerId/herstel': {
    wie: DEMO.beheerder,
    pad: () => `/organisatie/leden/${lezerId}/herstel`,
    body: () => formulier({}),
    actie: 'herstel van account aangevraagd',
    onderwerp: 'gebruiker',
  },
  'POST /organisatie/sso': {
    wie: DEMO.beheerder,
    pad: () => '/organisatie/sso',
    body: () => formulier({ issuer: 'https://login.vandamkuipers.example', clientId: 'termijnbewaking', clientSecret: 'geheim-van-de-client-123' }),
    actie: 'single sign-on ingesteld',
    onderwerp: 'organisatie',
  },
  'POST /organisatie/sso/uitzetten': {
    wie: DEMO.beheerder,
    pad: () => '/organisatie/sso/uitzetten',
    body: () => formulier({}),
    actie: 'single sign-on uitgezet',
    onderwerp: 'organisatie',
  },
  'POST /api/v1/besluiten': {
    wie: DEMO.advocaat,
    pad: () => '/api/v1/besluiten',
    json: true,
    body: () => tariefbeschikkingJson('NZa/TB/2026-2902'),
    actie: 'tariefbeschikking geregistreerd',
    onderwerp: 'tariefbeschikking',
  },
  'POST /instellingen/webhooks': {
    wie: DEMO.beheerder,
    pad: () => '/instellingen/webhooks',
    body: () => formulier({ url: 'https://systeem.example.nl/webhooks', events: ['zaak.gewijzigd'] }),
    actie: 'webhook geregistreerd',
    onderwerp: 'webhook',
  },
  'POST /instellingen/webhooks/:webhookId/verwijderen': {
    wie: DEMO.beheerder,
    pad: () => `/instellingen/webhooks/${een<{ id: number }>('SELECT max(id) AS id FROM webhooks').id}/verwijderen`,
    actie: 'webhook verwijderd',
    onderwerp: 'webhook',
  },
  'POST /api/v1/webhooks': {
    wie: DEMO.beheerder,
    pad: () => '/api/v1/webhooks',
    json: true,
    body: () => JSON.stringify({ url: 'https://systeem.example.nl/webhooks', events: ['termijn.nieuw', 'termijn.verloopt'] }),
    actie: 'webhook geregistreerd',
    onderwerp: 'webhook',
  },
  'POST /api/v1/clienten': {
    wie: DEMO.advocaat,
    pad: () => '/api/v1/clienten',
    json: true,
    body: () => JSON.stringify({ naam: 'Stichting Nieuwe Haven', kvk: '91234567', plaats: 'Amsterdam' }),
    actie: 'cliënt geregistreerd',
    onderwerp: 'zorgaanbieder',
  },
  // Issue 32.2: the API opens and changes cases through the page's services, with the same entries.
  'POST /api/v1/zaken': {
    wie: DEMO.advocaat,
    pad: () => '/api/v1/zaken',
    json: true,
    body: () => JSON.stringify({ soort: 'bezwaar', tariefbeschikkingId: tb.id }),
    actie: 'zaak geopend',
    onderwerp: 'zaak',
  },
  'PATCH /api/v1/zaken/:id': {
    wie: DEMO.advocaat,
    pad: () => `/api/v1/zaken/${later.zaakId}`,
    json: true,
    body: () => JSON.stringify({ notities: 'bijgewerkt via de API' }),
    actie: 'notities en verantwoordelijke opgeslagen',
    onderwerp: 'zaak',
  },
  'POST /werkruimte/beroepen': {
    wie: DEMO.nza,
    pad: () => '/werkruimte/beroepen',
    body: () =>
      formulier({
        cbbZaaknummer: '26/0999',
        appellant: 'Stichting Amstelhof Wonen en Zorg',
        regio: 'Amsterdam',
        jaar: '2027',
        tegen: 'NZa/CR/2025-118',
        ingesteld: '2026-04-02',
      }),
    actie: 'ontvangen beroep geregistreerd',
    onderwerp: 'ontvangen beroep',
  },
  'POST /werkruimte/beroepen/:id/afgerond': {
    wie: DEMO.nza,
    pad: () => `/werkruimte/beroepen/${een<{ id: number }>("SELECT id FROM ontvangen_beroepen WHERE cbb_zaaknummer = '26/0417'").id}/afgerond`,
    body: () => formulier({ afgerond: '2026-11-02' }),
    actie: 'ontvangen beroep afgerond',
    onderwerp: 'ontvangen beroep',
  },
  // Issue 33: two notices proposed from the Staatscourant (below), one accepted and one dismissed by the firm's jurist.
  'POST /bronnen/:id/aanvaarden': {
    wie: DEMO.advocaat,
    pad: () => `/bronnen/${voorstelVanKantoor('stcrt-audit-1')}/aanvaarden`,
    body: () => formulier({}),
    actie: 'voorstel aanvaard',
    onderwerp: 'bronvoorstel',
  },
  'POST /bronnen/:id/afwijzen': {
    wie: DEMO.advocaat,
    pad: () => `/bronnen/${voorstelVanKantoor('stcrt-audit-2')}/afwijzen`,
    body: () => formulier({}),
    actie: 'voorstel afgewezen',
    onderwerp: 'bronvoorstel',
  },
  'POST /welkom/:token': { wie: '', pad: () => '', actie: 'account ingericht (wachtwoord en tweestapsverificatie)', onderwerp: 'gebruiker' },
  // Last: these end sessions (the lezer's, then the jurist's own).
  'POST /organisatie/leden/:gebruikerId/afmelden': {
    wie: DEMO.beheerder,
    pad: () => `/organisatie/leden/${lezerId}/afmelden`,
    body: () => formulier({}),
    actie: 'sessies van collega beëindigd',
    onderwerp: 'gebruiker',
  },
  'POST /instellingen/overal-afmelden': {
    wie: DEMO.advocaat,
    pad: () => '/instellingen/overal-afmelden',
    body: () => formulier({}),
    actie: 'overal afgemeld',
    onderwerp: 'gebruiker',
  },
};

proposeVondsten(
  t.db,
  ['stcrt-audit-1', 'stcrt-audit-2'].map(
    (bron) =>
      ({
        soort: 'nza-publicatie',
        bron,
        titel: `Beleidsregel ${bron}`,
        datum: '2026-11-16',
        url: `https://zoek.officielebekendmakingen.nl/${bron}.html`,
      }) as const,
  ),
);
const voorstelVanKantoor = (bron: string) => een<{ id: number }>('SELECT id FROM bron_voorstellen WHERE organisatie_id = 2 AND bron_id = ?', bron).id;

const laatsteId = () => een<{ id: number | null }>('SELECT max(id) AS id FROM audit_log').id ?? 0;

/** First sign-in through a link: the page's CSRF cookie and field, a password and the code of the offered TOTP key. */
async function welkom(): Promise<Response> {
  const { token } = createGebruiker(
    t.db,
    SESSIE_GEHEIM,
    { email: 'k.visser@vandamkuipers.example', naam: 'mr. K. Visser', organisatieId: 2, rol: 'jurist' },
    new Date(t.klok.nuMs),
  );
  const pagina = await t.app.request(`/welkom/${token}`);
  const cookie = pagina.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await pagina.text())![1]!;
  const geheim = openTotpGeheim(SESSIE_GEHEIM, een<{ g: string }>('SELECT totp_geheim AS g FROM uitnodigingen ORDER BY id DESC LIMIT 1').g)!;
  const code = new TOTP({ secret: Secret.fromBase32(geheim), digits: 6, period: 30 }).generate({ timestamp: t.klok.nuMs });
  return t.app.request(`/welkom/${token}`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formulier({ _csrf: csrf, wachtwoord: 'Kanaalkade-Molen-2026', herhaling: 'Kanaalkade-Molen-2026', code }),
  });
}

describe('every write route leaves an audit entry naming its change', () => {
  const postRoutes = Object.keys(ROUTE_REGELS).filter((r) => r.startsWith('POST ') || r.startsWith('PATCH '));

  it('has a row for every POST and PATCH route of the route table (a new write route without one fails here)', () => {
    expect(postRoutes.filter((r) => !(r in RIJEN))).toEqual([]);
    expect(Object.keys(RIJEN).filter((r) => !postRoutes.includes(r))).toEqual([]);
    // Sign-in routes are the only ones exempt, and only public ones may be.
    for (const [route, rij] of Object.entries(RIJEN)) if ('publiekeAanmelding' in rij) expect(ROUTE_REGELS[route]).toBe('publiek');
  });

  it('a successful call of each leaves exactly the entry of its kind of change; a non-writing one leaves none', async () => {
    const fouten: string[] = [];
    for (const [route, rij] of Object.entries(RIJEN)) {
      if ('publiekeAanmelding' in rij) continue;
      const voor = laatsteId();
      let r: Response;
      if (route === 'POST /welkom/:token') r = await welkom();
      else {
        const body = rij.body ? await rij.body() : undefined;
        const headers: Record<string, string> = rij.json ? { 'Content-Type': 'application/json' } : {};
        if (body instanceof URLSearchParams) headers['Content-Type'] = 'application/x-www-form-urlencoded';
        r = await t.als(rij.wie)(rij.pad(), { method: route.split(' ')[0]!, body, headers, redirect: 'manual' });
      }
      const tekst = await r.text();
      if (r.status >= 400) {
        fouten.push(
          `${route}: the call itself failed with ${r.status}: ${[...tekst.matchAll(/class="(?:veldfout|melding fout)"[^>]*>([\s\S]*?)<\/(?:p|div)>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).join(' | ') || tekst.slice(0, 200)}`,
        );
        continue;
      }
      const nieuw = sql
        .prepare('SELECT actie, onderwerp, onderwerp_id AS onderwerpId, gebruiker_id AS gebruikerId, wijzigingen FROM audit_log WHERE id > ?')
        .all(voor) as {
        actie: string;
        onderwerp: string;
        wijzigingen: string;
      }[];
      // Issue 28.4: every entry of a change holds the values before and after ([voor, na]; null for new or gone).
      for (const n of nieuw) {
        const paren = Object.values(JSON.parse(n.wijzigingen) as Record<string, unknown>).filter((w) => Array.isArray(w) && w.length === 2);
        if (paren.length === 0) fouten.push(`${route}: entry "${n.actie}" holds no [before, after]: ${n.wijzigingen}`);
      }
      if ('schrijftNiet' in rij) {
        if (nieuw.length) fouten.push(`${route} (${rij.schrijftNiet}) wrote to the audit log: ${JSON.stringify(nieuw)}`);
      } else if (!nieuw.some((n) => (typeof rij.actie === 'string' ? n.actie === rij.actie : rij.actie.test(n.actie)) && n.onderwerp === rij.onderwerp)) {
        fouten.push(`${route}: expected an entry "${String(rij.actie)}" on ${rij.onderwerp}, got ${JSON.stringify(nieuw)}`);
      }
      // What later rows need.
      if (route === 'POST /zaken') later.zaakId = Number(/\/zaken\/(\d+)/.exec(r.headers.get('location') ?? tekst)?.[1]);
      if (route === 'POST /import/voorbeeld') later.importToken = /name="token" value="([^"]+)"/.exec(tekst)?.[1];
      if (route === 'POST /organisatie/leden')
        later.genodigde = een<{ id: number }>("SELECT id FROM gebruikers WHERE email = 'r.dewit@vandamkuipers.example'").id;
      if (route === 'POST /instellingen/tokens') later.tokenId = een<{ id: number }>('SELECT max(id) AS id FROM api_tokens').id;
    }
    expect(fouten).toEqual([]);
  }, 120_000);
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../../../support/testApp';
import { Secret, TOTP } from 'otpauth';
import { buildVCalendar } from '../../../../src/agenda/icalendar';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

describe('members (/organisatie/leden)', () => {
  it("strips control, bidi and zero-width characters from a new member's name, and says so (issue 28.7)", async () => {
    const getypt = 'mr. A.\u202E nabeL\u202C\u200B Bak\u3164ker\u{E0041}\r\nX\u0007';
    const r = await post(DEMO.beheerder, '/organisatie/leden', { naam: getypt, email: 'a.bakker@vandamkuipers.example', rol: 'jurist' });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('De naam bevatte onzichtbare tekens, stuurtekens of regeleinden; die zijn verwijderd.');
    const opgeslagen = (t.db.$client.prepare('SELECT naam FROM gebruikers WHERE email = ?').get('a.bakker@vandamkuipers.example') as { naam: string }).naam;
    expect(opgeslagen).toBe('mr. A. nabeL Bakker X');
    // The invitation e-mail carries the cleaned name.
    const mail = t.db.$client.prepare('SELECT tekst FROM uitgaande_mail ORDER BY id DESC LIMIT 1').get() as { tekst: string };
    expect(mail.tekst).toContain('Beste mr. A. nabeL Bakker X,');
    // A name without such characters gets no note.
    const gewoon = await post(DEMO.beheerder, '/organisatie/leden', { naam: '  mr. B. de Vries ', email: 'b.devries@vandamkuipers.example', rol: 'lezer' });
    expect(await gewoon.text()).not.toContain('De naam bevatte');
  });

  it('escapes a lone CR in the calendar name (issue 28.7)', () => {
    const ics = buildVCalendar('Termijnen A\rB', [], new Date('2026-11-22T10:00:00Z'));
    expect(ics).toContain('X-WR-CALNAME:Termijnen A\\nB');
  });
});

/** The last e-mail to an address, as the addressee's own mailbox has it. */
const mailAan = (aan: string) =>
  t.db.$client.prepare('SELECT id, onderwerp, tekst FROM uitgaande_mail WHERE aan = ? ORDER BY id DESC LIMIT 1').get(aan) as {
    id: number;
    onderwerp: string;
    tekst: string;
  };
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const idVan = (email: string) => (t.db.$client.prepare('SELECT id FROM gebruikers WHERE email = ?').get(email) as { id: number }).id;
const uitnodigingen = (email: string) =>
  (t.db.$client.prepare('SELECT count(*) AS n FROM uitnodigingen WHERE gebruiker_id = ?').get(idVan(email)) as { n: number }).n;

describe('inside an organisation (issue 28.5)', () => {
  it('a beheerder cannot re-link a member who has enrolled', async () => {
    const voor = uitnodigingen(DEMO.advocaat);
    const r = await post(DEMO.beheerder, `/organisatie/leden/${idVan(DEMO.advocaat)}/nieuwe-link`, {});
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('heeft het account al ingericht; een nieuwe aanmeldlink kan niet meer');
    expect(uitnodigingen(DEMO.advocaat)).toBe(voor);
  });

  it('sign-in links never appear in the beheerder’s outbox (invitation and reset alike)', async () => {
    await post(DEMO.beheerder, '/organisatie/leden', { naam: 'mr. C. Smits', email: 'c.smits@vandamkuipers.example', rol: 'jurist' });
    await post(DEMO.beheerder, `/organisatie/leden/${idVan(DEMO.advocaat)}/herstel`, {});
    const uitnodiging = mailAan('c.smits@vandamkuipers.example');
    const herstel = mailAan(DEMO.advocaat);
    expect(uitnodiging.tekst).toMatch(/\/welkom\/[A-Za-z0-9_-]+/);
    expect(herstel.tekst).toMatch(/\/welkom\/[A-Za-z0-9_-]+/);
    const outbox = await (await t.als(DEMO.beheerder)('/outbox')).text();
    expect(outbox).not.toContain('c.smits@vandamkuipers.example');
    expect(outbox).not.toContain(uitnodiging.onderwerp);
    expect(outbox).not.toContain(herstel.onderwerp);
    for (const m of [uitnodiging, herstel]) expect((await t.als(DEMO.beheerder)(`/outbox/${m.id}.eml`)).status).toBe(404);
  });

  it('a reset the member confirms by e-mail ends all their sessions, API tokens and calendar feed URL, and is audited', async () => {
    const oudeSessie = t.aanmelding(DEMO.advocaat).cookie;
    expect((await t.app.request('/zaken', { headers: { Cookie: oudeSessie } })).status).toBe(200);
    // The member's API token and calendar feed work before.
    const bearer = { Authorization: `Bearer ${t.aanmelding(DEMO.advocaat).bearer}` };
    expect((await t.app.request('/api/v1/zaken', { headers: bearer })).status).toBe(200);
    const feed = /\/agenda\/[A-Za-z0-9_-]+\.ics/.exec(await (await post(DEMO.advocaat, '/instellingen/agenda-token', {})).text())![0];
    expect((await t.app.request(feed)).status).toBe(200);
    const r = await post(DEMO.beheerder, `/organisatie/leden/${idVan(DEMO.advocaat)}/herstel`, {});
    expect(await r.text()).toContain('Herstelverzoek verstuurd aan mr. J. Kuipers');
    // Nothing changes until the member confirms: the session still works.
    expect((await t.app.request('/zaken', { headers: { Cookie: oudeSessie } })).status).toBe(200);

    const link = /\/welkom\/([A-Za-z0-9_-]+)/.exec(mailAan(DEMO.advocaat).tekst)!;
    const pagina = await t.app.request(link[0]);
    const html = await pagina.text();
    expect(html).toContain('Account herstellen, mr. J. Kuipers');
    const geheim = /<code class="sleutel">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replace(/ /g, '');
    const cookie = pagina.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const code = new TOTP({ secret: Secret.fromBase32(geheim), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: t.klok.nuMs });
    const bevestigd = await t.app.request(link[0], {
      method: 'POST',
      headers: { ...FORM, cookie },
      body: formulier({ _csrf: csrf, wachtwoord: 'herfst-lantaarn-brug-31', herhaling: 'herfst-lantaarn-brug-31', code }),
    });
    expect(bevestigd.status).toBe(200);
    // Every session that ran before is gone.
    const daarna = await t.app.request('/zaken', { headers: { Cookie: oudeSessie }, redirect: 'manual' });
    expect(daarna.status).toBe(302);
    expect(daarna.headers.get('location')).toMatch(/^\/aanmelden/);
    // So is every way in without the password: the API token and the feed URL.
    expect((await t.app.request('/api/v1/zaken', { headers: bearer })).status).toBe(401);
    expect((await t.app.request(feed)).status).toBe(404);
    const log = t.db.$client
      .prepare(
        "SELECT actie, gebruiker_id AS door, wijzigingen FROM audit_log WHERE onderwerp = 'gebruiker' AND onderwerp_id = ? AND actie <> 'agendalink vernieuwd' ORDER BY id",
      )
      .all(idVan(DEMO.advocaat)) as {
      actie: string;
      door: number;
      wijzigingen: string;
    }[];
    expect(log.map((l) => l.actie)).toEqual([
      'herstel van account aangevraagd',
      'account hersteld (nieuw wachtwoord en tweestapsverificatie, alle sessies beëindigd)',
    ]);
    expect(log[0]!.door).toBe(idVan(DEMO.beheerder));
    expect(log[1]!.door).toBe(idVan(DEMO.advocaat));
    // Before and after (issue 28.4): what was ended, down to none.
    expect(JSON.parse(log[1]!.wijzigingen).sessies[0]).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(log[1]!.wijzigingen)).toMatchObject({ apiTokens: [1, 0], agendaLinks: [1, 0] });
  });
});

describe('no answer tells whether an address has an account elsewhere (issue 28.7)', () => {
  /** The answer to an invitation as the beheerder gets it: status and the message, the list of members left out. */
  const uitnodigen = async (email: string) => {
    const r = await post(DEMO.beheerder, '/organisatie/leden', { naam: 'mr. D. Proef', email, rol: 'jurist' });
    const html = await r.text();
    return { status: r.status, melding: /<p class="melding[^"]*"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] };
  };

  it('an invitation to an address with an account at another organisation answers as one to a new address', async () => {
    const nieuw = await uitnodigen('d.proef@vandamkuipers.example');
    const elders = await uitnodigen(DEMO.inhouse);
    expect(nieuw).toEqual({ status: 200, melding: 'Uitnodiging verstuurd aan mr. D. Proef.' });
    expect(elders).toEqual(nieuw);
    // Nothing was created for the other organisation's member; its holder is told by e-mail, without a link.
    expect((t.db.$client.prepare('SELECT naam, organisatie_id AS org FROM gebruikers WHERE email = ?').get(DEMO.inhouse) as { naam: string }).naam).toBe(
      'mr. S. Bakker',
    );
    const mail = mailAan(DEMO.inhouse);
    expect(mail.tekst).toContain('Het hoort al bij een account bij een andere organisatie');
    expect(mail.tekst).not.toMatch(/welkom/);
    // The attempt is audited, but not in the organisation's log the beheerder reads.
    expect(await (await t.als(DEMO.beheerder)('/organisatie/wijzigingen')).text()).not.toContain('andere organisatie');
    expect(t.db.$client.prepare("SELECT organisatie_id AS org FROM audit_log WHERE actie LIKE 'uitnodiging voor een adres%'").all()).toEqual([{ org: null }]);
  });

  /** Gives an organisation (by one member's address) single sign-on at an unreachable provider: its answer is a 502 naming it. */
  const zetSso = (lidEmail: string) =>
    t.db.$client
      .prepare(
        "INSERT INTO organisatie_sso (organisatie_id, issuer, client_id, client_secret_versleuteld, client_secret_einde, bijgewerkt_op) VALUES ((SELECT organisatie_id FROM gebruikers WHERE email = ?), 'http://127.0.0.1:9', 'termijnbewaking', 'x', 'xxxx', '2026-11-22T00:00:00Z')",
      )
      .run(lidEmail);
  const sso = async (email: string) => {
    const pagina = await t.app.request('/aanmelden');
    const cookie = pagina.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await pagina.text())![1]!;
    const r = await t.app.request('/aanmelden/sso', { method: 'POST', headers: { ...FORM, cookie }, body: formulier({ _csrf: csrf, email, terug: '/' }) });
    const html = await r.text();
    return { status: r.status, melding: /role="alert"[^>]*>([^<]*)</.exec(html)?.[1]?.replace(email, '…') };
  };

  it("the single sign-on button follows the address's own enrolled account, never another organisation's invitation at its domain", async () => {
    // Van Dam Kuipers has single sign-on (its provider is not reachable here: the answer is a 502 naming it).
    zetSso(DEMO.advocaat);
    // Its beheerder invites a made-up address at Heuvelrand's domain (never accepted).
    expect((await uitnodigen('nep@heuvelrand.example')).status).toBe(200);
    // Heuvelrand's member is not sent to Van Dam Kuipers' provider …
    const bakker = await sso(DEMO.inhouse);
    expect(bakker.melding).not.toContain('Van Dam &amp; Kuipers');
    expect(bakker.melding).toContain('Voor dit e-mailadres is geen single sign-on ingesteld');
    // … nor is the invited address itself (not accepted), nor any other address at that domain.
    expect(await sso('nep@heuvelrand.example')).toEqual(bakker);
    expect(await sso('iemand.anders@heuvelrand.example')).toEqual(bakker);
    // When Heuvelrand has single sign-on too, its member still gets Heuvelrand's provider (not none).
    zetSso(DEMO.inhouse);
    const eigen = await sso(DEMO.inhouse);
    expect(eigen.status).toBe(502);
    expect(eigen.melding).toContain('De aanmeldpagina van');
    expect(eigen.melding).not.toContain('Van Dam &amp; Kuipers');
    // Van Dam Kuipers' own enrolled member goes to its provider.
    expect((await sso(DEMO.advocaat)).melding).toContain('De aanmeldpagina van Van Dam &amp; Kuipers');
  });

  it('the single sign-on button answers an address without an account as one with an account without single sign-on', async () => {
    zetSso(DEMO.advocaat);
    const onbekend = await sso('niemand.hier@vandamkuipers.example');
    expect(onbekend.status).toBe(422);
    expect(onbekend.melding).toContain('Voor dit e-mailadres is geen single sign-on ingesteld');
    // An address at Van Dam Kuipers' domain without an account, one with an account elsewhere, one unknown everywhere.
    expect(await sso(DEMO.inhouse)).toEqual(onbekend);
    expect(await sso('niemand@heuvelrand.example')).toEqual(onbekend);
    expect(await sso('geen-adres')).toEqual(onbekend);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { createTestApp, DEMO, DEMO_WACHTWOORD, formulier, SESSIE_GEHEIM, SESSIE_TIJDEN } from '../../../support/testApp';
import { createGebruiker } from '../../../../src/services/toegang/gebruikerBeheer';
import { openTotpGeheim, sealBestaandeTotpGeheimen } from '../../../../src/services/toegang/aanmeldService';
import { safeTerug } from '../../../../src/web/routes/toegang/aanmeldenRoutes';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

/** The sign-in page's CSRF cookie and field, as a browser gets them. */
async function aanmeldFormulier() {
  const r = await t.app.request('/aanmelden');
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await r.text())![1]!;
  return { cookie, csrf };
}

async function meldAan(velden: Record<string, string>, f?: { cookie: string; csrf: string }) {
  const { cookie, csrf } = f ?? (await aanmeldFormulier());
  return t.app.request('/aanmelden', { method: 'POST', body: formulier({ _csrf: csrf, ...velden }), headers: { ...FORM, cookie } });
}

const sessieCookie = (r: Response) => /sessie=[^;]+/.exec(r.headers.get('set-cookie') ?? '')?.[0];
const audit = (actie: string) => (t.db.$client.prepare('SELECT count(*) AS n FROM audit_log WHERE actie = ?').get(actie) as { n: number }).n;

describe('signing in', () => {
  it('redirects a visitor who is not signed in, and answers 401 {fout} on the API', async () => {
    expect((await t.app.request('/')).status).toBe(302);
    const api = await t.app.request('/api/v1/termijnen');
    expect(api.status).toBe(401);
    expect((await api.json()).fout).toContain('Bearer');
  });

  it('demo mode: the sign-in page shows the demo password; email + password signs in, sets an HttpOnly cookie and rotates it', async () => {
    const pagina = await (await t.app.request('/aanmelden')).text();
    expect(pagina).toContain(`Demo-wachtwoord: <code id="demo-wachtwoord">${DEMO_WACHTWOORD}</code>`);
    expect(pagina).toContain('Demo-omgeving');
    expect(pagina).not.toContain('gebruikerId');
    const r = await meldAan({ email: DEMO.advocaat, wachtwoord: DEMO_WACHTWOORD, terug: '/matrix' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/matrix');
    expect(r.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(r.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    const cookie = sessieCookie(r)!;
    expect(await (await t.app.request('/', { headers: { cookie } })).text()).toContain('Van Dam &amp; Kuipers Advocaten');
    // Signing in again from the same browser ends the old session: a new id.
    const f = await aanmeldFormulier();
    const opnieuw = await meldAan({ email: DEMO.advocaat, wachtwoord: DEMO_WACHTWOORD }, { ...f, cookie: `${f.cookie}; ${cookie}` });
    expect(sessieCookie(opnieuw)).not.toBe(cookie);
    expect((await t.app.request('/', { headers: { cookie } })).status).toBe(302);
  });

  it('refuses a wrong password, an unknown address and a missing CSRF value, in Dutch, without saying which', async () => {
    const fout = await meldAan({ email: DEMO.advocaat, wachtwoord: 'fout-wachtwoord-123' });
    expect(fout.status).toBe(401);
    expect(await fout.text()).toContain('Deze combinatie van e-mailadres, wachtwoord en code klopt niet.');
    const onbekend = await meldAan({ email: 'niemand@example.nl', wachtwoord: DEMO_WACHTWOORD });
    expect(await onbekend.text()).toContain('Deze combinatie van e-mailadres, wachtwoord en code klopt niet.');
    const zonderCsrf = await t.app.request('/aanmelden', {
      method: 'POST',
      body: formulier({ email: DEMO.advocaat, wachtwoord: DEMO_WACHTWOORD }),
      headers: FORM,
    });
    expect(zonderCsrf.status).toBe(403);
    expect(sessieCookie(zonderCsrf)).toBeUndefined();
  });

  it('locks an account out with a growing back-off after repeated failures', async () => {
    const f = await aanmeldFormulier();
    for (let i = 0; i < 6; i++) await meldAan({ email: DEMO.nza, wachtwoord: `fout-${i}-xxxxxxxx` }, f);
    const geblokkeerd = await meldAan({ email: DEMO.nza, wachtwoord: DEMO_WACHTWOORD }, f);
    expect(geblokkeerd.status).toBe(429);
    expect(await geblokkeerd.text()).toMatch(/Te veel mislukte pogingen\. Probeer het over \d+ seconden opnieuw\./);
    t.klok.nuMs += 3_000;
    expect((await meldAan({ email: DEMO.nza, wachtwoord: DEMO_WACHTWOORD }, f)).status).toBe(303);
  });

  it('only ever redirects to a relative path of this app', async () => {
    for (const kwaad of ['//evil.example/x', '/\\evil.example', 'https://evil.example', '/%2F%2Fevil.example', ' /x', 'javascript:alert(1)']) {
      const r = await meldAan({ email: DEMO.advocaat, wachtwoord: DEMO_WACHTWOORD, terug: kwaad });
      const naar = r.headers.get('location')!;
      expect(naar.startsWith('/') && !naar.startsWith('//'), `${kwaad} → ${naar}`).toBe(true);
      expect(new URL(naar, 'http://localhost').host).toBe('localhost');
    }
    expect(safeTerug('/zaken/3?tab=stukken')).toBe('/zaken/3?tab=stukken');
  });

  it('a real account: first sign-in link sets password (≥ 12, not common) and TOTP, gives 10 recovery codes; sign-in then needs the code', async () => {
    const { token } = createGebruiker(
      t.db,
      SESSIE_GEHEIM,
      { email: 'n.nieuw@vandamkuipers.example', naam: 'mr. N. Nieuw', organisatieId: 2, rol: 'jurist' },
      new Date(),
    );
    const welkom = await t.app.request(`/welkom/${token}`);
    expect(welkom.status).toBe(200);
    const html = await welkom.text();
    expect(html).toContain('<svg');
    const geheim = /<code class="sleutel">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replace(/ /g, '');
    const cookie = welkom.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const totp = new TOTP({ secret: Secret.fromBase32(geheim), digits: 6, period: 30, algorithm: 'SHA1' });
    const stuur = (velden: Record<string, string>) =>
      t.app.request(`/welkom/${token}`, { method: 'POST', body: formulier({ _csrf: csrf, ...velden }), headers: { ...FORM, cookie } });

    const kort = await stuur({ wachtwoord: 'kort', herhaling: 'kort', code: totp.generate({ timestamp: t.klok.nuMs }) });
    expect(kort.status).toBe(422);
    expect(await kort.text()).toContain('minstens 12 tekens');
    const bekend = await stuur({ wachtwoord: 'Wachtwoord2026!', herhaling: 'Wachtwoord2026!', code: totp.generate({ timestamp: t.klok.nuMs }) });
    expect(await bekend.text()).toContain('meest gebruikte wachtwoorden');
    // Issue 28.7: not the e-mail address, not the name.
    const adres = await stuur({
      wachtwoord: 'n.nieuw@vandamkuipers.example',
      herhaling: 'n.nieuw@vandamkuipers.example',
      code: totp.generate({ timestamp: t.klok.nuMs }),
    });
    expect(adres.status).toBe(422);
    expect(await adres.text()).toContain('Het wachtwoord mag uw e-mailadres niet bevatten');
    const naam = await stuur({ wachtwoord: 'Nieuw-Nieuw-2026!', herhaling: 'Nieuw-Nieuw-2026!', code: totp.generate({ timestamp: t.klok.nuMs }) });
    expect(await naam.text()).toContain('Het wachtwoord mag uw naam niet bevatten');
    const foutCode = await stuur({ wachtwoord: 'paars-kasteel-regen-42', herhaling: 'paars-kasteel-regen-42', code: '000000' });
    expect(await foutCode.text()).toContain('Deze code klopt niet');

    const goed = await stuur({ wachtwoord: 'paars-kasteel-regen-42', herhaling: 'paars-kasteel-regen-42', code: totp.generate({ timestamp: t.klok.nuMs }) });
    expect(goed.status).toBe(200);
    const codes = [...(await goed.text()).matchAll(/<li><code>([a-z0-9-]{14})<\/code><\/li>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    expect(audit('account ingericht (wachtwoord en tweestapsverificatie)')).toBe(1);
    // The link works once.
    expect((await t.app.request(`/welkom/${token}`)).status).toBe(410);

    // Password alone is not enough; with the (next) code it is; a used code is not accepted twice.
    const zonderCode = await meldAan({ email: 'n.nieuw@vandamkuipers.example', wachtwoord: 'paars-kasteel-regen-42' });
    expect(zonderCode.status).toBe(401);
    expect(await zonderCode.text()).toContain('Vul ook de code uit uw authenticator-app in');
    t.klok.nuMs += 30_000;
    const code = totp.generate({ timestamp: t.klok.nuMs });
    expect((await meldAan({ email: 'n.nieuw@vandamkuipers.example', wachtwoord: 'paars-kasteel-regen-42', code })).status).toBe(303);
    expect((await meldAan({ email: 'n.nieuw@vandamkuipers.example', wachtwoord: 'paars-kasteel-regen-42', code })).status).toBe(401);
    // A recovery code works once.
    expect((await meldAan({ email: 'n.nieuw@vandamkuipers.example', wachtwoord: 'paars-kasteel-regen-42', code: codes[0]! })).status).toBe(303);
    expect((await meldAan({ email: 'n.nieuw@vandamkuipers.example', wachtwoord: 'paars-kasteel-regen-42', code: codes[0]! })).status).toBe(401);
  });

  it('stores the TOTP secret encrypted, in the link and in the account; an older plain secret is sealed at start and still works (issue 28.6)', async () => {
    const email = 'v.versleuteld@vandamkuipers.example';
    const { token, gebruikerId } = createGebruiker(t.db, SESSIE_GEHEIM, { email, naam: 'mr. V. Versleuteld', organisatieId: 2, rol: 'jurist' }, new Date());
    const welkom = await t.app.request(`/welkom/${token}`);
    const html = await welkom.text();
    const geheim = /<code class="sleutel">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replace(/ /g, '');
    const inLink = (t.db.$client.prepare('SELECT totp_geheim AS g FROM uitnodigingen WHERE gebruiker_id = ?').get(gebruikerId) as { g: string }).g;
    expect(inLink).not.toContain(geheim);
    expect(inLink).toMatch(/^v1\./);
    const cookie = welkom.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const totp = new TOTP({ secret: Secret.fromBase32(geheim), digits: 6, period: 30, algorithm: 'SHA1' });
    const wachtwoord = 'groene-molen-wind-77';
    const ingericht = await t.app.request(`/welkom/${token}`, {
      method: 'POST',
      body: formulier({ _csrf: csrf, wachtwoord, herhaling: wachtwoord, code: totp.generate({ timestamp: t.klok.nuMs }) }),
      headers: { ...FORM, cookie },
    });
    expect(ingericht.status).toBe(200);
    const opgeslagen = () => (t.db.$client.prepare('SELECT totp_geheim AS g FROM inloggegevens WHERE gebruiker_id = ?').get(gebruikerId) as { g: string }).g;
    expect(opgeslagen()).not.toContain(geheim);
    expect(opgeslagen()).toMatch(/^v1\./);
    expect(openTotpGeheim(SESSIE_GEHEIM, opgeslagen())).toBe(geheim);
    // Another session secret opens nothing.
    expect(openTotpGeheim('een-ander-geheim-van-16+', opgeslagen())).toBeUndefined();

    // As an older version left it: the plain secret. The start-up step seals it; signing in with the app's code works.
    t.db.$client.prepare('UPDATE inloggegevens SET totp_geheim = ? WHERE gebruiker_id = ?').run(geheim, gebruikerId);
    expect(sealBestaandeTotpGeheimen(t.db, SESSIE_GEHEIM)).toBe(1);
    expect(opgeslagen()).toMatch(/^v1\./);
    expect(sealBestaandeTotpGeheimen(t.db, SESSIE_GEHEIM)).toBe(0);
    t.klok.nuMs += 30_000;
    expect((await meldAan({ email, wachtwoord, code: totp.generate({ timestamp: t.klok.nuMs }) })).status).toBe(303);
  });

  it('outside demo mode a demo account cannot sign in, and the page shows no demo password', async () => {
    const p = createTestApp('2026-11-22', '2025-01-01', { demo: false });
    try {
      const pagina = await (await p.app.request('/aanmelden')).text();
      expect(pagina).not.toContain('Demo-wachtwoord');
      expect(pagina).not.toContain('Demo-omgeving');
      // Credentials left over from a demo run are refused in production.
      const { seedDemoInloggegevens } = await import('../../../../src/services/toegang/aanmeldService');
      seedDemoInloggegevens(p.db, DEMO_WACHTWOORD, [DEMO.advocaat]);
      const r1 = await p.app.request('/aanmelden');
      const cookie = r1.headers.get('set-cookie')!.split(';')[0]!;
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await r1.text())![1]!;
      const r = await p.app.request('/aanmelden', {
        method: 'POST',
        body: formulier({ _csrf: csrf, email: DEMO.advocaat, wachtwoord: DEMO_WACHTWOORD }),
        headers: { ...FORM, cookie },
      });
      expect(r.status).toBe(401);
    } finally {
      p.sluit();
    }
  });
});

describe('sessions', () => {
  it('end after the idle timeout and after the absolute lifetime', async () => {
    const cookie = sessieCookie(await meldAan({ email: DEMO.advocaat, wachtwoord: DEMO_WACHTWOORD }))!;
    t.klok.nuMs += SESSIE_TIJDEN.inactiefMs - 60_000;
    expect((await t.app.request('/', { headers: { cookie } })).status).toBe(200);
    t.klok.nuMs += SESSIE_TIJDEN.inactiefMs + 1;
    expect((await t.app.request('/', { headers: { cookie } })).status).toBe(302);
    const tweede = sessieCookie(await meldAan({ email: DEMO.advocaat, wachtwoord: DEMO_WACHTWOORD }))!;
    for (let u = 0; u < 36; u++) {
      t.klok.nuMs += 20 * 60_000; // active every 20 minutes …
      await t.app.request('/instellingen', { headers: { cookie: tweede } });
    }
    t.klok.nuMs += 20 * 60_000;
    expect((await t.app.request('/', { headers: { cookie: tweede } })).status).toBe(302); // … but not past 12 hours
  });

  it('"overal afmelden" ends every session of the user; a beheerder ends a colleague\'s; both audited', async () => {
    const a = sessieCookie(await meldAan({ email: DEMO.advocaat, wachtwoord: DEMO_WACHTWOORD }))!;
    const b = sessieCookie(await meldAan({ email: DEMO.advocaat, wachtwoord: DEMO_WACHTWOORD }))!;
    const kuipers = t.aanmelding(DEMO.advocaat);
    expect((await t.als(DEMO.advocaat)('/instellingen/overal-afmelden', { method: 'POST' })).status).toBe(303);
    for (const cookie of [a, b, kuipers.cookie]) expect((await t.app.request('/', { headers: { cookie } })).status).toBe(302);
    expect(audit('overal afgemeld')).toBe(1);

    const c = sessieCookie(await meldAan({ email: DEMO.lezer, wachtwoord: DEMO_WACHTWOORD }))!;
    const lezerId = (t.db.$client.prepare('SELECT id FROM gebruikers WHERE email = ?').get(DEMO.lezer) as { id: number }).id;
    expect((await t.als(DEMO.inhouse)(`/organisatie/leden/${lezerId}/afmelden`, { method: 'POST' })).status).toBe(404); // another organisation's beheerder
    expect((await t.app.request('/', { headers: { cookie: c } })).status).toBe(200);
    expect((await t.als(DEMO.beheerder)(`/organisatie/leden/${lezerId}/afmelden`, { method: 'POST' })).status).toBe(303);
    expect((await t.app.request('/', { headers: { cookie: c } })).status).toBe(302);
    expect(audit('sessies van collega beëindigd')).toBe(1);
  });
});

describe('browser safety', () => {
  it('refuses an unsafe request without the session CSRF token, or from another site, and a foreign Host', async () => {
    const { cookie } = t.aanmelding(DEMO.advocaat);
    const voor = t.momentopname();
    const body = () => formulier({ schema: '5', weekoverzicht: 'ja' });
    expect((await t.app.request('/instellingen', { method: 'POST', body: body(), headers: { ...FORM, cookie } })).status).toBe(403);
    expect(
      (
        await t.app.request('/instellingen', {
          method: 'POST',
          body: formulier({ schema: '5', weekoverzicht: 'ja', _csrf: 'geraden' }),
          headers: { ...FORM, cookie },
        })
      ).status,
    ).toBe(403);
    expect((await t.als(DEMO.advocaat)('/instellingen', { method: 'POST', body: body(), headers: { ...FORM, Origin: 'https://evil.example' } })).status).toBe(
      403,
    );
    expect((await t.als(DEMO.advocaat)('/instellingen', { method: 'POST', body: body(), headers: { ...FORM, 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(
      403,
    );
    expect((await t.app.request('http://evil.example/aanmelden')).status).toBe(421);
    expect(t.momentopname()).toBe(voor);
    expect((await t.als(DEMO.advocaat)('/instellingen', { method: 'POST', body: body(), headers: FORM })).status).toBe(303);
  });

  it('cookies do not authorise the API; a lezen token cannot write; a revoked token stops working', async () => {
    const { cookie } = t.aanmelding(DEMO.advocaat);
    expect((await t.app.request('/api/v1/zaken', { headers: { cookie } })).status).toBe(401);
    const { createApiToken } = await import('../../../../src/services/toegang/apiTokenService');
    const lezen = createApiToken(t.db, SESSIE_GEHEIM, 2, { naam: 'lezen', scopes: ['lezen'] });
    expect((await t.app.request('/api/v1/zaken', { headers: { Authorization: `Bearer ${lezen}` } })).status).toBe(200);
    const schrijf = await t.app.request('/api/v1/besluiten', {
      method: 'POST',
      body: '{}',
      headers: { Authorization: `Bearer ${lezen}`, 'Content-Type': 'application/json' },
    });
    expect(schrijf.status).toBe(403);
    expect(await schrijf.json()).toEqual({ fout: 'u hebt hiervoor geen toestemming' });
    const id = (t.db.$client.prepare("SELECT id FROM api_tokens WHERE naam = 'lezen'").get() as { id: number }).id;
    expect(t.db.$client.prepare('SELECT laatst_gebruikt_op AS d FROM api_tokens WHERE id = ?').get(id)).toEqual({ d: '2026-11-22' });
    expect(t.db.$client.prepare('SELECT token_hash AS h FROM api_tokens WHERE id = ?').get(id)).not.toEqual({ h: lezen });
    expect((await t.als(DEMO.advocaat)(`/instellingen/tokens/${id}/intrekken`, { method: 'POST' })).status).toBe(303);
    expect((await t.app.request('/api/v1/zaken', { headers: { Authorization: `Bearer ${lezen}` } })).status).toBe(401);
  });

  it('sends security headers: CSP without inline script, frame-ancestors none, nosniff, Referrer-Policy', async () => {
    const r = await t.app.request('/aanmelden');
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('sends the security headers on every answer, the plain-text 421 and 403 refusals included (issue 28.7)', async () => {
    const antwoorden = {
      '421 unknown host': await t.app.request('/aanmelden', { headers: { Host: 'elders.example' } }),
      '403 cross-site POST': await t.app.request('/aanmelden', { method: 'POST', headers: { Origin: 'https://elders.example', ...FORM }, body: 'a=b' }),
      '404': await t.als(DEMO.advocaat)('/bestaat-niet'),
      '400 peildatum': await t.als(DEMO.advocaat)('/export/termijnen.csv?peildatum=0000-01-01'),
      '200 gezond': await t.app.request('/gezond'),
    };
    expect(antwoorden['421 unknown host'].status).toBe(421);
    expect(antwoorden['403 cross-site POST'].status).toBe(403);
    for (const [naam, r] of Object.entries(antwoorden)) {
      const koppen = {
        csp: r.headers.get('content-security-policy')?.includes("frame-ancestors 'none'"),
        nosniff: r.headers.get('x-content-type-options'),
        referrer: r.headers.get('referrer-policy'),
        frame: r.headers.get('x-frame-options'),
        cache: r.headers.get('cache-control'),
      };
      expect([naam, koppen]).toEqual([naam, { csp: true, nosniff: 'nosniff', referrer: 'same-origin', frame: 'DENY', cache: 'no-store' }]);
    }
  });
});

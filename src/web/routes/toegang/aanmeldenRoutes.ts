import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../appContext';
import {
  clearSessieCookie,
  clearSsoCookie,
  readAanmeldCsrf,
  readSessieCookie,
  readSsoCookie,
  setAanmeldCsrf,
  setSessieCookie,
  setSsoCookie,
} from '../../sessie';
import { acceptUitnodiging, checkAanmelding, findUitnodiging, renderTotpQr } from '../../../services/toegang/aanmeldService';
import { createSessie, endSessie, findSessie } from '../../../services/toegang/sessieService';
import { accountSleutel, adresSleutel, type AanmeldBeperking } from '../../../services/toegang/aanmeldBeperking';
import { createGeheim, gelijk } from '../../../services/gedeeld/geheimen';
import { readClientAdres } from '../../clientAdres';
import { foutenPerVeld } from '../../formulier';
import { findSsoOrganisatie, finishSso, openTransactie, sealTransactie, SSO_TRANSACTIE_MS, startSso } from '../../../services/toegang/ssoService';

/**
 * Only relative paths of this app: "/zaken/3?x=1" yes; "//elders.example", "/\\elders", "https://…" no. Used for
 * every redirect that takes its target from the request.
 */
export function safeTerug(waarde: unknown): string {
  if (typeof waarde !== 'string' || waarde.length > 500) return '/';
  if (!/^\/(?![/\\])[^\s\\]*$/.test(waarde)) return '/';
  try {
    const url = new URL(waarde, 'http://app.invalid');
    return url.origin === 'http://app.invalid' ? url.pathname + url.search : '/';
  } catch {
    return '/';
  }
}

const tekst = (w: unknown) => (typeof w === 'string' ? w : '');

export function aanmeldenRoutes(deps: AppDeps, beperking: AanmeldBeperking) {
  const app = new Hono<AppEnv>();
  const secure = deps.beveiliging.secureCookie;
  const nu = deps.nuMs ?? Date.now;

  function renderAanmelden(
    c: Context<AppEnv>,
    data: { email?: string; fout?: string; terug?: string; codeVragen?: boolean; ssoEmail?: string; ssoFout?: string },
    status: 200 | 401 | 403 | 422 | 429 | 502 = 200,
  ) {
    // The form's CSRF value: a random cookie (SameSite=Strict) that the POST must echo. A GET sets a cookie, writes no row.
    const csrf = readAanmeldCsrf(c, secure) ?? createGeheim(24);
    setAanmeldCsrf(c, secure, csrf);
    return c.html(
      deps.weergave.render('aanmelden', {
        titel: 'Aanmelden',
        csrf,
        terug: data.terug ?? '/',
        email: data.email ?? '',
        fout: data.fout,
        codeVragen: data.codeVragen ?? false,
        ssoEmail: data.ssoEmail ?? '',
        ssoFout: data.ssoFout,
        demoWachtwoord: deps.beveiliging.demoWachtwoord,
      }),
      status,
    );
  }

  app.get('/aanmelden', (c) => renderAanmelden(c, { terug: safeTerug(c.req.query('terug')) }));

  app.post('/aanmelden', async (c) => {
    const form = await c.req.parseBody();
    const email = tekst(form.email).trim().slice(0, 254);
    const terug = safeTerug(form.terug);
    const cookie = readAanmeldCsrf(c, secure);
    if (!cookie || !gelijk(tekst(form._csrf), cookie)) {
      c.get('log').warn('Sign-in refused: missing or wrong CSRF value');
      return renderAanmelden(c, { email, terug, fout: 'Het formulier was verlopen. Probeer het nog eens.' }, 403);
    }
    const sleutels = [accountSleutel(email), adresSleutel(readClientAdres(c))];
    const wacht = beperking.wachttijd(sleutels, nu());
    if (wacht > 0) {
      c.get('log').warn({ wachtS: Math.ceil(wacht / 1000) }, 'Sign-in locked out');
      return renderAanmelden(c, { email, terug, fout: `Te veel mislukte pogingen. Probeer het over ${Math.ceil(wacht / 1000)} seconden opnieuw.` }, 429);
    }
    const uitkomst = await checkAanmelding(
      deps.db,
      { email, wachtwoord: tekst(form.wachtwoord), code: tekst(form.code) },
      { demoModus: deps.beveiliging.demoWachtwoord !== undefined, nuMs: nu(), sessieGeheim: deps.sessieGeheim },
    );
    if (!uitkomst.ok) {
      if (uitkomst.reden === 'code-nodig') {
        return renderAanmelden(c, { email, terug, codeVragen: true, fout: 'Vul ook de code uit uw authenticator-app in (of een herstelcode).' }, 401);
      }
      const extra = beperking.recordMislukt(sleutels, nu());
      // The user's id when the account exists; never the address that was typed.
      c.get('log').warn(
        {
          reden: uitkomst.reden,
          ...(uitkomst.gebruikerId !== undefined ? { user: uitkomst.gebruikerId } : {}),
          ...(extra ? { wachtS: Math.ceil(extra / 1000) } : {}),
        },
        'Sign-in failed',
      );
      const melding =
        uitkomst.reden === 'geen-tweede-factor'
          ? 'Uw account is nog niet ingericht. Gebruik de aanmeldlink uit uw uitnodiging, of vraag de beheerder om een nieuwe.'
          : 'Deze combinatie van e-mailadres, wachtwoord en code klopt niet.';
      return renderAanmelden(c, { email, terug, codeVragen: uitkomst.reden === 'code', fout: melding }, 401);
    }
    beperking.recordGelukt(sleutels[0]!);
    meldAan(c, uitkomst.gebruikerId);
    return c.redirect(terug, 303);
  });

  /** Rotation: whatever session this browser had ends; the new one gets a fresh id. The same for every way in. */
  function meldAan(c: Context<AppEnv>, gebruikerId: number) {
    const oud = readSessieCookie(c, secure);
    const oudeSessie = oud ? findSessie(deps.db, deps.sessieGeheim, oud, nu(), deps.beveiliging.sessie) : undefined;
    if (oudeSessie) endSessie(deps.db, oudeSessie.id);
    const { token } = createSessie(deps.db, deps.sessieGeheim, gebruikerId, nu());
    setSessieCookie(c, secure, token);
  }

  // --- Single sign-on (OpenID Connect) per organisation ---
  const ssoOpties = { demoModus: deps.beveiliging.demoWachtwoord !== undefined };
  /** Where the provider sends the browser back: this app's own address (BASIS_URL; in demo mode localhost as asked). */
  const terugAdres = (c: Context) => `${deps.beveiliging.basisUrl ?? new URL(c.req.url).origin}/aanmelden/sso/terug`;
  const SSO_ONBEKEND = 'Voor dit e-mailadres is geen single sign-on ingesteld. Meld u aan met uw wachtwoord en code, of vraag de beheerder van uw organisatie.';

  app.post('/aanmelden/sso', async (c) => {
    const form = await c.req.parseBody();
    const email = tekst(form.email).trim().slice(0, 254);
    const terug = safeTerug(form.terug);
    const cookie = readAanmeldCsrf(c, secure);
    if (!cookie || !gelijk(tekst(form._csrf), cookie)) {
      c.get('log').warn('SSO sign-in refused: missing or wrong CSRF value');
      return renderAanmelden(c, { ssoEmail: email, terug, ssoFout: 'Het formulier was verlopen. Probeer het nog eens.' }, 403);
    }
    // Limited per address like password sign-in: asking for many addresses would tell which have single sign-on.
    const adres = adresSleutel(readClientAdres(c));
    const wacht = beperking.wachttijd([adres], nu());
    if (wacht > 0) {
      return renderAanmelden(c, { ssoEmail: email, terug, ssoFout: `Te veel pogingen. Probeer het over ${Math.ceil(wacht / 1000)} seconden opnieuw.` }, 429);
    }
    const organisatie = email ? findSsoOrganisatie(deps.db, email) : undefined;
    if (!organisatie) {
      beperking.recordMislukt([adres], nu());
      return renderAanmelden(c, { ssoEmail: email, terug, ssoFout: SSO_ONBEKEND }, 422);
    }
    let start;
    try {
      start = await startSso(deps.db, deps.sessieGeheim, organisatie.organisatieId, terugAdres(c), terug, nu(), ssoOpties);
    } catch (e) {
      c.get('log').error({ organisation: organisatie.organisatieId, fout: (e as Error).message.slice(0, 200) }, 'SSO start failed');
      return renderAanmelden(
        c,
        {
          ssoEmail: email,
          terug,
          ssoFout: `De aanmeldpagina van ${organisatie.organisatieNaam} is nu niet bereikbaar. Probeer het later opnieuw, of meld u aan met uw wachtwoord en code.`,
        },
        502,
      );
    }
    setSsoCookie(c, secure, sealTransactie(deps.sessieGeheim, start.transactie), SSO_TRANSACTIE_MS / 1000);
    // A page that moves on by itself (meta refresh), not a redirect: the CSP's form-action 'self' rightly stops a form
    // post from being redirected to another site.
    return c.html(
      deps.weergave.render('ssoDoorsturen', {
        titel: 'Doorsturen naar uw organisatie',
        doorsturen: start.url.href,
        organisatieNaam: organisatie.organisatieNaam,
        providerHost: start.url.host,
      }),
    );
  });

  app.get('/aanmelden/sso/terug', async (c) => {
    const transactie = openTransactie(deps.sessieGeheim, readSsoCookie(c, secure), nu());
    clearSsoCookie(c, secure);
    const fout = (melding: string, status: 401 | 403 | 502 = 401) => renderAanmelden(c, { terug: transactie?.terug ?? '/', ssoFout: melding }, status);
    if (!transactie) {
      c.get('log').warn('SSO return refused: no or expired transaction cookie');
      return fout('Het aanmelden via uw organisatie duurde te lang of is in een ander venster begonnen. Probeer het nog eens.', 403);
    }
    const url = new URL(c.req.url);
    if (url.searchParams.has('error')) {
      c.get('log').warn({ organisation: transactie.organisatieId, error: url.searchParams.get('error')!.slice(0, 60) }, 'SSO refused by the provider');
      return fout('Uw organisatie heeft het aanmelden niet toegestaan of het is afgebroken. Probeer het nog eens.');
    }
    const terugUrl = new URL(terugAdres(c));
    terugUrl.search = url.search;
    let uitkomst;
    try {
      uitkomst = await finishSso(deps.db, deps.sessieGeheim, transactie, terugUrl, ssoOpties);
    } catch (e) {
      const err = e as Error & { code?: string; cause?: unknown };
      const oorzaak = err.cause instanceof Error ? ` (${err.cause.message.slice(0, 200)})` : '';
      c.get('log').warn(
        { organisation: transactie.organisatieId, fout: `${err.code ?? err.name}: ${err.message.slice(0, 200)}${oorzaak}` },
        'SSO exchange failed',
      );
      return fout('Het aanmelden via uw organisatie is mislukt (de controle van het antwoord klopte niet). Probeer het nog eens.', 502);
    }
    if (!uitkomst.ok) {
      c.get('log').warn({ organisation: transactie.organisatieId, reden: uitkomst.reden }, 'SSO sign-in refused');
      return fout(
        uitkomst.reden === 'onbekend'
          ? 'Er is bij ons geen account voor het e-mailadres waarmee u bij uw organisatie bent aangemeld. Vraag de beheerder van uw organisatie om een uitnodiging.'
          : uitkomst.reden === 'onbevestigd'
            ? 'Uw organisatie heeft uw e-mailadres niet als bevestigd doorgegeven, daarom kunt u zich zo niet aanmelden. Vraag uw IT-afdeling het e-mailadres te bevestigen.'
            : 'Uw organisatie gaf geen e-mailadres door, daarom kunnen wij u niet herkennen. Vraag uw IT-afdeling om het e-mailadres mee te sturen (scope "email").',
      );
    }
    c.get('log').info({ user: uitkomst.gebruikerId, organisation: transactie.organisatieId }, 'SSO sign-in');
    meldAan(c, uitkomst.gebruikerId);
    return c.redirect(safeTerug(transactie.terug), 303);
  });

  app.post('/afmelden', async (c) => {
    const token = readSessieCookie(c, secure);
    const sessie = token ? findSessie(deps.db, deps.sessieGeheim, token, nu(), deps.beveiliging.sessie) : undefined;
    if (sessie) {
      const form = await c.req.parseBody();
      // Signing out is a state change too: only with this session's CSRF token.
      if (!gelijk(tekst(form._csrf) || (c.req.header('X-CSRF-Token') ?? ''), sessie.csrfToken)) return c.text('Dit formulier is verlopen.', 403);
      endSessie(deps.db, sessie.id);
    }
    clearSessieCookie(c, secure);
    return c.redirect('/aanmelden', 303);
  });

  // First sign-in (invitation or operator's link): set a password, enrol TOTP, get the recovery codes.
  async function renderWelkom(c: Context<AppEnv>, token: string, fouten: { veld: string; melding: string }[] = [], status: 200 | 410 | 422 = 200) {
    const u = findUitnodiging(deps.db, deps.sessieGeheim, token, new Date(nu()));
    if (!u) {
      return c.html(
        deps.weergave.render('fout', {
          titel: 'Deze link werkt niet meer',
          melding: 'De aanmeldlink is al gebruikt of verlopen (een link is 7 dagen geldig). Vraag de beheerder van uw organisatie om een nieuwe uitnodiging.',
        }),
        410,
      );
    }
    const csrf = readAanmeldCsrf(c, secure) ?? createGeheim(24);
    setAanmeldCsrf(c, secure, csrf);
    const qr = await renderTotpQr(u.totpGeheim, u.email);
    return c.html(
      deps.weergave.render('welkom', {
        titel: 'Account inrichten',
        csrf,
        token,
        gebruiker: u,
        qrSvg: qr.svg,
        geheim: u.totpGeheim.replace(/(.{4})/g, '$1 ').trim(),
        fouten: foutenPerVeld(fouten),
        foutLijst: fouten,
      }),
      status,
    );
  }

  app.get('/welkom/:token', (c) => renderWelkom(c, c.req.param('token')));

  app.post('/welkom/:token', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    const cookie = readAanmeldCsrf(c, secure);
    if (!cookie || !gelijk(tekst(form._csrf), cookie))
      return renderWelkom(c, token, [{ veld: 'formulier', melding: 'het formulier was verlopen; probeer het nog eens' }], 422);
    const uitkomst = await acceptUitnodiging(
      deps.db,
      deps.sessieGeheim,
      token,
      { wachtwoord: tekst(form.wachtwoord), herhaling: tekst(form.herhaling), code: tekst(form.code) },
      new Date(nu()),
    );
    if (!uitkomst.ok) return renderWelkom(c, token, uitkomst.fouten, 422);
    meldAan(c, uitkomst.gebruikerId);
    return c.html(deps.weergave.render('herstelcodes', { titel: 'Uw herstelcodes', herstelcodes: uitkomst.herstelcodes }));
  });

  return app;
}

import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../appContext';
import { clearSessieCookie, readAanmeldCsrf, readSessieCookie, setAanmeldCsrf, setSessieCookie } from '../sessie';
import { acceptUitnodiging, checkAanmelding, findUitnodiging, renderTotpQr } from '../../services/aanmeldService';
import { createSessie, endSessie, findSessie } from '../../services/sessieService';
import { accountSleutel, adresSleutel, type AanmeldBeperking } from '../../services/aanmeldBeperking';
import { createGeheim, gelijk } from '../../services/geheimen';
import { readClientAdres } from '../clientAdres';
import { foutenPerVeld } from '../formulier';

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
    data: { email?: string; fout?: string; terug?: string; codeVragen?: boolean },
    status: 200 | 401 | 403 | 429 = 200,
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
      console.warn('Sign-in refused: missing or wrong CSRF value');
      return renderAanmelden(c, { email, terug, fout: 'Het formulier was verlopen. Probeer het nog eens.' }, 403);
    }
    const sleutels = [accountSleutel(email), adresSleutel(readClientAdres(c))];
    const wacht = beperking.wachttijd(sleutels, nu());
    if (wacht > 0) {
      console.warn(`Sign-in locked out: ${sleutels.join(' ')} for ${Math.ceil(wacht / 1000)} s`);
      return renderAanmelden(c, { email, terug, fout: `Te veel mislukte pogingen. Probeer het over ${Math.ceil(wacht / 1000)} seconden opnieuw.` }, 429);
    }
    const uitkomst = await checkAanmelding(
      deps.db,
      { email, wachtwoord: tekst(form.wachtwoord), code: tekst(form.code) },
      { demoModus: deps.beveiliging.demoWachtwoord !== undefined, nuMs: nu() },
    );
    if (!uitkomst.ok) {
      if (uitkomst.reden === 'code-nodig') {
        return renderAanmelden(c, { email, terug, codeVragen: true, fout: 'Vul ook de code uit uw authenticator-app in (of een herstelcode).' }, 401);
      }
      const extra = beperking.recordMislukt(sleutels, nu());
      console.warn(
        `Sign-in failed (${uitkomst.reden}): ${uitkomst.gebruikerId !== undefined ? `user ${uitkomst.gebruikerId}` : sleutels[0]}${extra ? `, locked ${Math.ceil(extra / 1000)} s` : ''}`,
      );
      const melding =
        uitkomst.reden === 'geen-tweede-factor'
          ? 'Uw account is nog niet ingericht. Gebruik de aanmeldlink uit uw uitnodiging, of vraag de beheerder om een nieuwe.'
          : 'Deze combinatie van e-mailadres, wachtwoord en code klopt niet.';
      return renderAanmelden(c, { email, terug, codeVragen: uitkomst.reden === 'code', fout: melding }, 401);
    }
    beperking.recordGelukt(sleutels[0]!);
    // Rotation: whatever session this browser had ends; the new one gets a fresh id.
    const oud = readSessieCookie(c, secure);
    const oudeSessie = oud ? findSessie(deps.db, deps.sessieGeheim, oud, nu(), deps.beveiliging.sessie) : undefined;
    if (oudeSessie) endSessie(deps.db, oudeSessie.id);
    const { token } = createSessie(deps.db, deps.sessieGeheim, uitkomst.gebruikerId, nu());
    setSessieCookie(c, secure, token);
    return c.redirect(terug, 303);
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
    const { token: sessieToken } = createSessie(deps.db, deps.sessieGeheim, uitkomst.gebruikerId, nu());
    setSessieCookie(c, secure, sessieToken);
    return c.html(deps.weergave.render('herstelcodes', { titel: 'Uw herstelcodes', herstelcodes: uitkomst.herstelcodes }));
  });

  return app;
}

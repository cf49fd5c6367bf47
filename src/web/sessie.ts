import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * The session cookie holds only a random value; the session itself lives in the database (sessieService). HttpOnly,
 * SameSite=Lax, and Secure (with the __Host- prefix) when BASIS_URL is https.
 */
const naam = (secure: boolean) => (secure ? '__Host-sessie' : 'sessie');
/** Before sign-in: the CSRF value of the sign-in and first-sign-in forms (double submit). */
const AANMELD_CSRF = (secure: boolean) => (secure ? '__Host-aanmelden' : 'aanmelden');

export function readSessieCookie(c: Context, secure: boolean): string | undefined {
  return getCookie(c, naam(secure));
}

export function setSessieCookie(c: Context, secure: boolean, token: string): void {
  setCookie(c, naam(secure), token, { httpOnly: true, sameSite: 'Lax', path: '/', secure });
}

export function clearSessieCookie(c: Context, secure: boolean): void {
  deleteCookie(c, naam(secure), { path: '/', secure });
}

export function readAanmeldCsrf(c: Context, secure: boolean): string | undefined {
  return getCookie(c, AANMELD_CSRF(secure));
}

export function setAanmeldCsrf(c: Context, secure: boolean, waarde: string): void {
  setCookie(c, AANMELD_CSRF(secure), waarde, { httpOnly: true, sameSite: 'Strict', path: '/', secure, maxAge: 3600 });
}

/**
 * Between leaving for the organisation's identity provider and coming back: the encrypted SSO transaction (state,
 * nonce, PKCE verifier). SameSite=Lax, because the way back is a top-level navigation from the provider's site.
 */
const SSO = (secure: boolean) => (secure ? '__Host-sso' : 'sso');

export function readSsoCookie(c: Context, secure: boolean): string | undefined {
  return getCookie(c, SSO(secure));
}

export function setSsoCookie(c: Context, secure: boolean, waarde: string, maxAgeS: number): void {
  setCookie(c, SSO(secure), waarde, { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge: maxAgeS });
}

export function clearSsoCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SSO(secure), { path: '/', secure });
}

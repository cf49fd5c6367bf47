import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a cookie, link or API token: 32 bytes, base64url. */
export const createGeheim = (bytes = 32) => randomBytes(bytes).toString('base64url');

/**
 * What the database stores of a session id, link or token: an HMAC keyed with the session secret. A copy of the
 * database alone does not give a working cookie, link or token.
 */
export function hashGeheim(sleutel: string, geheim: string): string {
  return createHmac('sha256', sleutel).update(geheim).digest('hex');
}

export function gelijk(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** AES-256-GCM with a key derived from the session secret, for a secret the app must use again (an SSO client secret). */
const sleutelVoor = (sleutel: string, doel: string) => createHmac('sha256', sleutel).update(`versleuteling:${doel}`).digest();

export function versleutel(sleutel: string, doel: string, tekst: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', sleutelVoor(sleutel, doel), iv);
  const inhoud = Buffer.concat([c.update(tekst, 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), inhoud]).toString('base64url');
}

/** Undefined when the value was made with another session secret (or altered). */
export function ontsleutel(sleutel: string, doel: string, waarde: string): string | undefined {
  try {
    const b = Buffer.from(waarde, 'base64url');
    const d = createDecipheriv('aes-256-gcm', sleutelVoor(sleutel, doel), b.subarray(0, 12));
    d.setAuthTag(b.subarray(12, 28));
    return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

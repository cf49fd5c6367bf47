import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

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

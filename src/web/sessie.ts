import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';

const COOKIE = 'termijnbewaking_gebruiker';

export async function readSessieGebruiker(c: Context, geheim: string): Promise<number | undefined> {
  const waarde = await getSignedCookie(c, geheim, COOKIE);
  const id = typeof waarde === 'string' ? Number(waarde) : NaN;
  return Number.isSafeInteger(id) ? id : undefined;
}

export async function startSessie(c: Context, geheim: string, gebruikerId: number): Promise<void> {
  await setSignedCookie(c, COOKIE, String(gebruikerId), geheim, { httpOnly: true, sameSite: 'Lax', path: '/' });
}

export function endSessie(c: Context): void {
  deleteCookie(c, COOKIE, { path: '/' });
}

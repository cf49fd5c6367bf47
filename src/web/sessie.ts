import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { Actor } from '../actor/actor';
import type { Db } from '../db/verbinding';
import { gebruikers, organisaties } from '../db/schema';

const COOKIE = 'termijnbewaking_gebruiker';

export function loadActor(db: Db, gebruikerId: number): Actor | undefined {
  const rij = db
    .select({
      gebruikerId: gebruikers.id,
      naam: gebruikers.naam,
      email: gebruikers.email,
      rol: gebruikers.rol,
      organisatieId: organisaties.id,
      organisatieNaam: organisaties.naam,
      organisatieSoort: organisaties.soort,
    })
    .from(gebruikers)
    .innerJoin(organisaties, eq(gebruikers.organisatieId, organisaties.id))
    .where(eq(gebruikers.id, gebruikerId))
    .get();
  return rij;
}

export function loadActorByEmail(db: Db, email: string): Actor | undefined {
  const gebruiker = db.select({ id: gebruikers.id }).from(gebruikers).where(eq(gebruikers.email, email)).get();
  return gebruiker ? loadActor(db, gebruiker.id) : undefined;
}

export async function readSessieGebruiker(c: Context, geheim: string): Promise<number | undefined> {
  const waarde = await getSignedCookie(c, geheim, COOKIE);
  const id = typeof waarde === 'string' ? Number(waarde) : NaN;
  return Number.isSafeInteger(id) ? id : undefined;
}

export async function startSessie(c: Context, geheim: string, gebruikerId: number): Promise<void> {
  await setSignedCookie(c, COOKIE, String(gebruikerId), geheim, { httpOnly: true, sameSite: 'Lax', path: '/' });
}

export function beeindigSessie(c: Context): void {
  deleteCookie(c, COOKIE, { path: '/' });
}

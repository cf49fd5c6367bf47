import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { apiTokens, TOKEN_SCOPES } from '../../db/schema';
import { writeTransaction } from '../../db/transactie';
import { createGeheim, hashGeheim } from '../gedeeld/geheimen';
import { nieuw, recordAudit, OPERATOR } from '../gedeeld/auditService';
import { loadActor } from './actorService';
import { InvoerFout } from '../gedeeld/invoerFout';

export { TOKEN_SCOPES };
export type Scope = (typeof TOKEN_SCOPES)[number];
const PREFIX = 'tbw_';

/** `schrijven`: what a writing token could do before scopes per area (issue 32.5); still accepted as a shorthand. */
const SCHRIJVEN: readonly Scope[] = ['lezen', 'besluiten.schrijven', 'zaken.schrijven'];

/**
 * Scopes as typed (form checkboxes, `--scope lezen,zaken.schrijven`): known ones only, at least one, in TOKEN_SCOPES'
 * order; `schrijven` stands for lezen, besluiten.schrijven and zaken.schrijven. Undefined when one is unknown or none given.
 */
export function parseScopes(invoer: string | readonly string[] | undefined): Scope[] | undefined {
  const delen = (typeof invoer === 'string' ? [invoer] : (invoer ?? [])).flatMap((d) => d.split(/[\s,]+/)).filter(Boolean);
  const gekozen = new Set<string>();
  for (const d of delen) {
    if (d === 'schrijven') SCHRIJVEN.forEach((s) => gekozen.add(s));
    else if ((TOKEN_SCOPES as readonly string[]).includes(d)) gekozen.add(d);
    else return undefined;
  }
  return gekozen.size ? TOKEN_SCOPES.filter((s) => gekozen.has(s)) : undefined;
}

export const SCOPES_UITLEG = `kies een of meer van ${TOKEN_SCOPES.join(', ')} (schrijven = lezen, besluiten.schrijven en zaken.schrijven)`;

/** A personal API token: returned once, stored as a keyed hash. `wie` absent: made by the operator on the command line. */
export function createApiToken(db: Db, geheim: string, gebruikerId: number, invoer: { naam: string; scopes: readonly Scope[] }, wie?: Actor): string {
  if (!invoer.scopes.length || invoer.scopes.some((s) => !TOKEN_SCOPES.includes(s))) throw new InvoerFout([{ veld: 'scope', melding: SCOPES_UITLEG }]);
  const naam = invoer.naam.trim().slice(0, 100) || 'API-token';
  const token = PREFIX + createGeheim();
  const scopes = invoer.scopes.join(' ');
  writeTransaction(db, (tx) => {
    const id = tx
      .insert(apiTokens)
      .values({ gebruikerId, naam, scopes, tokenHash: hashGeheim(geheim, token) })
      .returning({ id: apiTokens.id })
      .get().id;
    const eigenaar = loadActor(tx, gebruikerId)!;
    recordAudit(tx, wie ?? { ...OPERATOR, organisatieId: eigenaar.organisatieId }, {
      actie: 'API-token gemaakt',
      onderwerp: 'api-token',
      onderwerpId: id,
      wijzigingen: nieuw({ naam, scopes, gebruiker: eigenaar.naam }),
    });
  });
  return token;
}

/** Who acts through this bearer token (with its scope), if it exists and is not revoked; records the day of last use. */
export function findActorByApiToken(db: Db, geheim: string, token: string, vandaag: string): Actor | undefined {
  if (!token.startsWith(PREFIX)) return undefined;
  const rij = db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashGeheim(geheim, token)), isNull(apiTokens.ingetrokkenOp)))
    .get();
  if (!rij) return undefined;
  const actor = loadActor(db, rij.gebruikerId);
  if (!actor) return undefined;
  if (rij.laatstGebruiktOp !== vandaag)
    writeTransaction(db, (tx) => tx.update(apiTokens).set({ laatstGebruiktOp: vandaag }).where(eq(apiTokens.id, rij.id)).run());
  return { ...actor, scopes: rij.scopes.split(' ') as Scope[], apiTokenId: rij.id };
}

export function listApiTokens(db: Db, actor: Actor) {
  return db
    .select({
      id: apiTokens.id,
      naam: apiTokens.naam,
      scopes: apiTokens.scopes,
      aangemaaktOp: apiTokens.aangemaaktOp,
      laatstGebruiktOp: apiTokens.laatstGebruiktOp,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.gebruikerId, actor.gebruikerId), isNull(apiTokens.ingetrokkenOp)))
    .orderBy(desc(apiTokens.id))
    .all();
}

/** Revokes one of the actor's own tokens; false when there is no such token. */
export function revokeApiToken(db: Db, actor: Actor, id: number): boolean {
  return writeTransaction(db, (tx) => {
    const r = tx
      .update(apiTokens)
      .set({ ingetrokkenOp: new Date().toISOString() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.gebruikerId, actor.gebruikerId), isNull(apiTokens.ingetrokkenOp)))
      .run();
    if (r.changes === 1)
      recordAudit(tx, actor, { actie: 'API-token ingetrokken', onderwerp: 'api-token', onderwerpId: id, wijzigingen: { status: ['geldig', 'ingetrokken'] } });
    return r.changes === 1;
  });
}

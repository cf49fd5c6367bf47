import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../actor/actor';
import type { Db } from '../db/verbinding';
import { apiTokens, TOKEN_SCOPES } from '../db/schema';
import { writeTransaction } from '../db/transactie';
import { createGeheim, hashGeheim } from './geheimen';
import { nieuw, recordAudit, OPERATOR } from './auditService';
import { loadActor } from './actorService';
import { InvoerFout } from './besluitRegistratie';

export type Scope = (typeof TOKEN_SCOPES)[number];
const PREFIX = 'tbw_';

/** A personal API token: returned once, stored as a keyed hash. `wie` absent: made by the operator on the command line. */
export function createApiToken(db: Db, geheim: string, gebruikerId: number, invoer: { naam: string; scope: Scope }, wie?: Actor): string {
  if (!TOKEN_SCOPES.includes(invoer.scope)) throw new InvoerFout([{ veld: 'scope', melding: `onbekende scope; kies ${TOKEN_SCOPES.join(' of ')}` }]);
  const naam = invoer.naam.trim().slice(0, 100) || 'API-token';
  const token = PREFIX + createGeheim();
  writeTransaction(db, (tx) => {
    const id = tx
      .insert(apiTokens)
      .values({ gebruikerId, naam, scope: invoer.scope, tokenHash: hashGeheim(geheim, token) })
      .returning({ id: apiTokens.id })
      .get().id;
    const eigenaar = loadActor(tx, gebruikerId)!;
    recordAudit(tx, wie ?? { ...OPERATOR, organisatieId: eigenaar.organisatieId }, {
      actie: 'API-token gemaakt',
      onderwerp: 'api-token',
      onderwerpId: id,
      wijzigingen: nieuw({ naam, scope: invoer.scope, gebruiker: eigenaar.naam }),
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
  return { ...actor, scope: rij.scope };
}

export function listApiTokens(db: Db, actor: Actor) {
  return db
    .select({
      id: apiTokens.id,
      naam: apiTokens.naam,
      scope: apiTokens.scope,
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

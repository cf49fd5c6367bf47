import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ZodError } from 'zod';
import type { AppDeps, AppEnv } from './appContext';
import { parseJsonBegrensd } from './verzoekGrenzen';
import { toVeldFouten, type VeldFout } from '../validation/velden';
import { claimIdempotentie, recordIdempotentieAntwoord, releaseIdempotentie } from '../services/gedeeld/idempotentie';

/** The one error answer of /api/v1 (issue 32.5): `{ fout, fouten? }`. */
export const weigerApi = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429, fout: string, fouten?: VeldFout[]) =>
  c.json(fouten ? { fout, fouten } : { fout }, status);

/**
 * The validation hook of every declared route: a query, path or header the schema refuses is a 400, a body a 422,
 * both with the field errors in the one error shape.
 */
export function weigerOngeldigeInvoer(result: { target: string; success: boolean; error?: ZodError }, c: Context) {
  if (result.success || !result.error) return;
  return weigerVeldFouten(c, toVeldFouten(result.error), result.target === 'json' ? 422 : 400);
}

/** Field errors in the one error shape: a body that does not fit is 422 "ongeldige invoer", a query or path 400 naming them. */
export const weigerVeldFouten = <S extends 400 | 422>(c: Context, fouten: VeldFout[], status: S) =>
  c.json({ fout: status === 422 ? 'ongeldige invoer' : fouten.map((f) => `${f.veld}: ${f.melding}`).join('; '), fouten }, status);

/** A case the token's organisation does not have: 404, whether it exists or not. */
export const weigerOnbekendeZaak = (c: Context) => c.json({ fout: 'deze zaak bestaat niet of is niet van uw organisatie' }, 404);

const SCHRIJVEND = new Set(['POST', 'PUT', 'PATCH']);

/** A body is JSON within MAX_JSON_DIEPTE and MAX_JSON_WAARDEN before a validator parses it (400 otherwise). */
export function begrensJsonBody(deps: Pick<AppDeps, 'grenzen'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!SCHRIJVEND.has(c.req.method)) return next();
    const gelezen = parseJsonBegrensd(await c.req.text(), deps.grenzen);
    if (!gelezen.ok) return weigerApi(c, 400, gelezen.melding, [{ veld: 'invoer', melding: gelezen.melding }]);
    if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(c.req.header('Content-Type') ?? ''))
      return weigerApi(c, 415, 'stuur de body als JSON, met de kop Content-Type: application/json');
    return next();
  };
}

/**
 * `Idempotency-Key` on every POST (issue 32.2): the first answer is stored per token; the same request again gets it
 * back (header `Idempotency-Replayed: true`) and creates nothing twice; another request with the key is a 422; a
 * retry while the first is under way (or after a crash between its write and this record) a 409 — never a second run.
 */
export function idempotentie(deps: Pick<AppDeps, 'db' | 'nuMs'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sleutel = c.req.header('Idempotency-Key');
    const tokenId = c.get('actor').apiTokenId;
    if (c.req.method !== 'POST' || sleutel === undefined || tokenId === undefined) return next();
    if (sleutel.length < 1 || sleutel.length > 200)
      return weigerApi(c, 400, 'Idempotency-Key: 1 tot 200 tekens', [{ veld: 'Idempotency-Key', melding: '1 tot 200 tekens' }]);
    const hash = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n`)
      .update(await c.req.text())
      .digest('hex');
    const claim = claimIdempotentie(deps.db, tokenId, sleutel, hash, (deps.nuMs ?? Date.now)());
    switch (claim.soort) {
      case 'anders':
        return weigerApi(c, 422, 'deze Idempotency-Key is al gebruikt voor een ander verzoek', [
          { veld: 'Idempotency-Key', melding: 'al gebruikt voor een ander verzoek; kies een nieuwe sleutel' },
        ]);
      case 'bezig':
        return weigerApi(
          c,
          409,
          'een verzoek met deze Idempotency-Key is nog bezig, of werd onderbroken: kijk eerst of het is gelukt (bijvoorbeeld GET /api/v1/zaken) voor u het met een nieuwe sleutel herhaalt',
        );
      case 'herhaling':
        return new Response(claim.antwoord, {
          status: claim.status,
          headers: { 'Content-Type': claim.contentType ?? 'application/json', 'Idempotency-Replayed': 'true' },
        });
      case 'nieuw': {
        try {
          await next();
        } finally {
          const status = c.res.status;
          if (status >= 500 || status === 429) releaseIdempotentie(deps.db, claim.id);
          else recordIdempotentieAntwoord(deps.db, claim.id, { status, tekst: await c.res.clone().text(), contentType: c.res.headers.get('Content-Type') });
        }
        return;
      }
    }
  };
}

/**
 * Requests per token per minute (issue 32.5, API_VERZOEKEN_PER_MINUUT): a token bucket per token in this process,
 * full at the start; an empty bucket answers 429 with `Retry-After` (seconds until one request is allowed again).
 */
export function createApiBegrenzer(perMinuut: number, nuMs: () => number = Date.now) {
  const perMs = perMinuut / 60_000;
  const emmers = new Map<number, { tegoed: number; op: number }>();
  return {
    /** Takes one request from the token's bucket: 0 when allowed, else the seconds to wait. */
    neem(tokenId: number): number {
      const nu = nuMs();
      const emmer = emmers.get(tokenId) ?? { tegoed: perMinuut, op: nu };
      emmer.tegoed = Math.min(perMinuut, emmer.tegoed + (nu - emmer.op) * perMs);
      emmer.op = nu;
      emmers.set(tokenId, emmer);
      if (emmer.tegoed >= 1) {
        emmer.tegoed -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - emmer.tegoed) / perMs / 1000));
    },
  };
}

import type { Context, Env } from 'hono';
import { validator } from 'hono/validator';
import type { AppEnv } from './appContext';
import type { z } from 'zod';
import { toVeldFouten, type VeldFout } from '../validation/velden';

const MAX_VELDLENGTE = 100_000;

/**
 * Reads a urlencoded or multipart form into plain strings (repeated names into arrays). Files and oversized values
 * are not accepted here: they come back as field errors instead of reaching a handler.
 */
export async function readFormulier(c: Context): Promise<{ waarden: Record<string, string | string[]>; fouten: VeldFout[] }> {
  const ruw = await c.req.parseBody({ all: true });
  const waarden: Record<string, string | string[]> = {};
  const fouten: VeldFout[] = [];
  for (const [naam, waarde] of Object.entries(ruw)) {
    if (naam === '_csrf') continue; // checked by the session middleware (src/web/app.ts), no field of any form
    const lijst = Array.isArray(waarde) ? waarde : [waarde];
    if (lijst.some((w) => typeof w !== 'string')) {
      fouten.push({ veld: naam, melding: 'hier hoort geen bestand' });
      continue;
    }
    if (lijst.some((w) => (w as string).length > MAX_VELDLENGTE)) {
      fouten.push({ veld: naam, melding: 'is te lang' });
      continue;
    }
    waarden[naam] = Array.isArray(waarde) ? (lijst as string[]) : (waarde as string);
  }
  return { waarden, fouten };
}

export function enkel(waarde: string | string[] | undefined): string | undefined {
  return Array.isArray(waarde) ? waarde[0] : waarde;
}

export type Validatie<T> = { ok: true; data: T } | { ok: false; fouten: VeldFout[] };

export function validateInvoer<S extends z.ZodType>(schema: S, invoer: unknown): Validatie<z.output<S>> {
  const r = schema.safeParse(invoer);
  return r.success ? { ok: true, data: r.data } : { ok: false, fouten: toVeldFouten(r.error) };
}

/** Field errors keyed by field path, for the templates: `fouten.besluitdatum`, `fouten.["bedragen[0].regio"]`. */
export function foutenPerVeld(fouten: readonly VeldFout[]): Record<string, string> {
  const perVeld: Record<string, string> = {};
  for (const f of fouten) perVeld[f.veld] ??= f.melding;
  return perVeld;
}

/**
 * The form validator of this app, as middleware: reads the form (the same checks as readFormulier), validates it
 * against a zod schema with Dutch messages, and hands the typed result to the handler as `c.req.valid('form')`. On a
 * field error the handler never runs; `bijFout` answers instead (usually the page again, errors beside the fields).
 */
export function formulierValidator<S extends z.ZodType, E extends Env = AppEnv>(
  schema: S,
  bijFout: (c: Context<E>, fouten: VeldFout[], waarden: Record<string, string | string[]>) => Response | Promise<Response>,
  /** Shapes the form's strings into what the schema expects (e.g. repeated inputs into rows). */
  vorm: (waarden: Record<string, string | string[]>) => unknown = (w) => w,
) {
  return validator('form', async (_ruw, c: Context<E>) => {
    const { waarden, fouten } = await readFormulier(c);
    const invoer = fouten.length ? ({ ok: false, fouten } as const) : validateInvoer(schema, vorm(waarden));
    if (!invoer.ok) return bijFout(c, invoer.fouten, waarden);
    return { invoer: invoer.data as z.output<S>, waarden };
  });
}

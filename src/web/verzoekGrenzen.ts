import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Weergave } from './weergave';

/** The request limits of src/config/config.ts (MAX_FORMULIER_MB, MAX_UPLOAD_MB, MAX_JSON_DIEPTE, MAX_JSON_WAARDEN). */
export interface VerzoekGrenzen {
  formulierBytes: number;
  uploadBytes: number;
  jsonDiepte: number;
  jsonWaarden: number;
}

export const STANDAARD_GRENZEN: VerzoekGrenzen = { formulierBytes: 1024 * 1024, uploadBytes: 10 * 1024 * 1024, jsonDiepte: 32, jsonWaarden: 100_000 };

/** The routes that take a file: the import (CSV or .xlsx) and the letterhead logo. Every other body is a form or JSON. */
const UPLOAD_ROUTES = new Set(['/import/voorbeeld', '/instellingen/briefhoofd']);

const isApi = (pad: string) => pad === '/api' || pad.startsWith('/api/');
export { formatMb as inMb } from '../opmaak/opmaak';
import { formatMb as inMb } from '../opmaak/opmaak';

export function maxBodyBytes(grenzen: VerzoekGrenzen, pad: string): number {
  return UPLOAD_ROUTES.has(pad) ? grenzen.uploadBytes : grenzen.formulierBytes;
}

/**
 * Before anything reads a body (the CSRF check parses forms): at most the form limit, or the upload limit on the
 * upload routes. Checked on Content-Length and while streaming (chunked bodies), so a huge POST is refused unread.
 */
export function begrensBody(deps: { weergave: Weergave; grenzen?: VerzoekGrenzen | undefined }): MiddlewareHandler {
  const grenzen = deps.grenzen ?? STANDAARD_GRENZEN;
  const perMax = new Map<number, MiddlewareHandler>();
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const max = maxBodyBytes(grenzen, c.req.path);
    let limiet = perMax.get(max);
    if (!limiet) {
      limiet = bodyLimit({ maxSize: max, onError: (c) => teGroot(deps, c, max) });
      perMax.set(max, limiet);
    }
    return limiet(c, next);
  };
}

function teGroot(deps: { weergave: Weergave }, c: Context, max: number) {
  const melding = `het verzoek is groter dan ${inMb(max)}; er is niets opgeslagen`;
  c.header('Connection', 'close');
  if (isApi(c.req.path)) return c.json({ fout: melding, fouten: [{ veld: 'invoer', melding }] }, 413);
  const uitleg = `Wat u verstuurde is groter dan ${inMb(max)}; er is niets opgeslagen. Verklein het bestand of splits het op, en probeer het opnieuw.`;
  // A form sent by htmx (the import) shows the refusal where its result would go, not a second page inside the page
  // (issue 30.8); the text holds numbers of the configuration only.
  if (c.req.header('HX-Request') === 'true') return c.html(`<div class="melding fout" role="alert"><p><strong>Te groot.</strong> ${uitleg}</p></div>`, 413);
  return c.html(
    deps.weergave.render('fout', {
      titel: 'Te groot',
      melding: uitleg,
    }),
    413,
  );
}

export type JsonLezing = { ok: true; waarde: unknown } | { ok: false; melding: string };

/**
 * Parses a JSON body within limits: nesting depth and number of values are counted on the text before JSON.parse, so
 * a deeply nested or enormous document is refused (400) instead of exhausting the stack or the memory.
 */
export function parseJsonBegrensd(tekst: string, grenzen: Pick<VerzoekGrenzen, 'jsonDiepte' | 'jsonWaarden'> = STANDAARD_GRENZEN): JsonLezing {
  let diepte = 0;
  let waarden = 0;
  let inString = false;
  for (let i = 0; i < tekst.length; i++) {
    const t = tekst.charCodeAt(i);
    if (inString) {
      if (t === 92)
        i++; // backslash: skip the escaped character
      else if (t === 34) inString = false;
      continue;
    }
    if (t === 34) {
      inString = true;
      waarden++;
    } else if (t === 123 || t === 91) {
      if (++diepte > grenzen.jsonDiepte) return { ok: false, melding: `de JSON is dieper genest dan ${grenzen.jsonDiepte} niveaus` };
      waarden++;
    } else if (t === 125 || t === 93) diepte--;
    else if (t === 44) waarden++;
    if (waarden > grenzen.jsonWaarden) return { ok: false, melding: `de JSON bevat meer dan ${grenzen.jsonWaarden.toLocaleString('nl-NL')} waarden` };
  }
  try {
    return { ok: true, waarde: JSON.parse(tekst) as unknown };
  } catch {
    return { ok: false, melding: 'geen geldige JSON' };
  }
}

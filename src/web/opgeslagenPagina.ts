import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/** A rendered page kept as bytes, plain and gzipped: a repeated request encodes and compresses nothing. */
export interface OpgeslagenPagina {
  bytes: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();

export function storePagina(html: string): OpgeslagenPagina {
  const bytes = encoder.encode(html) as Uint8Array<ArrayBuffer>;
  return { bytes, gzip: new Uint8Array(gzipSync(bytes, { level: 6 })) };
}

/**
 * Sends a kept page: gzipped when the client accepts it (an overview at national scale is some 300 KB of HTML, 10× less
 * gzipped), else the plain bytes — in both cases without encoding the string again.
 */
export function sendPagina(c: Context, pagina: OpgeslagenPagina): Response {
  const gzip = /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '');
  return c.body(gzip ? pagina.gzip : pagina.bytes, 200, {
    'Content-Type': 'text/html; charset=UTF-8',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
}

/**
 * Kept pages of one kind, per computed result they were rendered from (a `BerekendOverzicht`: one scope, data revision
 * and peildatum), so that they are dropped with it at the next write; at most `max` per result, the least recently
 * used out first. Apart from the result's own derived views, so that many small pages (cases) never push out the large
 * ones (the overview).
 */
export function createPaginaOpslag(max: number) {
  const perResultaat = new WeakMap<object, Map<string, OpgeslagenPagina>>();
  return (resultaat: object, sleutel: string, maak: () => OpgeslagenPagina): OpgeslagenPagina => {
    let paginas = perResultaat.get(resultaat);
    if (!paginas) perResultaat.set(resultaat, (paginas = new Map()));
    let pagina = paginas.get(sleutel);
    if (pagina) {
      paginas.delete(sleutel);
    } else {
      pagina = maak();
      if (paginas.size >= max) paginas.delete(paginas.keys().next().value!);
    }
    paginas.set(sleutel, pagina);
    return pagina;
  };
}

import { gunzipSync, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/**
 * A rendered page kept gzipped, a tenth of its size (an overview at national scale is some 300 KB of HTML): a repeated
 * request encodes and compresses nothing; the rare client that does not accept gzip gets it unpacked.
 */
export interface OpgeslagenPagina {
  readonly gzip: Uint8Array<ArrayBuffer>;
  /** The plain bytes, unpacked when asked. */
  readonly bytes: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();

export function storePagina(html: string): OpgeslagenPagina {
  const gzip = new Uint8Array(gzipSync(encoder.encode(html), { level: 6 }));
  return {
    gzip,
    get bytes() {
      return new Uint8Array(gunzipSync(gzip));
    },
  };
}

/**
 * Sends a kept page: gzipped when the client accepts it, else the plain bytes — in both cases without encoding the
 * string again.
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

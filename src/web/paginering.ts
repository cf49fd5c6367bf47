import type { Context } from 'hono';

/** Paging of every list of the API (/api/v1): `limit` (default 100, at most 1000) and an opaque `cursor`. */
export const STANDAARD_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** A list in its stable order: each item with a unique key; the keys ascend (plain string order). */
export interface GeordendeLijst<T> {
  sleutels: readonly string[];
  items: readonly T[];
}

/**
 * Orders items by a key and makes every key unique (an ordinal is appended to repeats), so a cursor names exactly one
 * place in the list and a walk by cursor meets every item once, also when items are added or removed between pages.
 */
export function orderBySleutel<T>(items: readonly T[], sleutelVan: (item: T) => string): GeordendeLijst<T> {
  const gezien = new Map<string, number>();
  const rijen = items.map((item) => {
    const basis = sleutelVan(item);
    const n = gezien.get(basis) ?? 0;
    gezien.set(basis, n + 1);
    return { sleutel: `${basis}\u0001${String(n).padStart(6, '0')}`, item };
  });
  rijen.sort((a, b) => (a.sleutel < b.sleutel ? -1 : a.sleutel > b.sleutel ? 1 : 0));
  return { sleutels: rijen.map((r) => r.sleutel), items: rijen.map((r) => r.item) };
}

export type PagineringVerzoek = { ok: true; limit: number; na?: string } | { ok: false; veld: 'limit' | 'cursor'; melding: string };

/** The cursor is base64url JSON: the key of the last item given and what the list was filtered by (`lijst`). */
export function encodeCursor(na: string, lijst: string): string {
  return Buffer.from(JSON.stringify({ v: 1, na, lijst })).toString('base64url');
}

/** Reads `limit` and `cursor`; a cursor of another list or filter, or one that is not ours, is refused in Dutch. */
export function parsePaginering(query: Record<string, string | undefined>, lijst: string): PagineringVerzoek {
  let limit = STANDAARD_LIMIT;
  if (query.limit !== undefined && query.limit !== '') {
    if (!/^\d{1,7}$/.test(query.limit) || Number(query.limit) < 1 || Number(query.limit) > MAX_LIMIT) {
      return { ok: false, veld: 'limit', melding: `limit moet een geheel getal van 1 tot en met ${MAX_LIMIT} zijn` };
    }
    limit = Number(query.limit);
  }
  if (query.cursor === undefined || query.cursor === '') return { ok: true, limit };
  const ongeldig = {
    ok: false,
    veld: 'cursor',
    melding: 'ongeldige cursor: gebruik de cursor uit de Link-kop van de vorige pagina, met dezelfde filters, of begin opnieuw zonder cursor',
  } as const;
  try {
    if (query.cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(query.cursor)) return ongeldig;
    const c = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as unknown;
    if (!c || typeof c !== 'object') return ongeldig;
    const { v, na, lijst: vanLijst } = c as Record<string, unknown>;
    if (v !== 1 || typeof na !== 'string' || vanLijst !== lijst) return ongeldig;
    return { ok: true, limit, na };
  } catch {
    return ongeldig;
  }
}

/** The page after key `na` (or the first): by binary search, so a page costs the same deep into the list. */
export function takePagina<T>(lijst: GeordendeLijst<T>, limit: number, na?: string): { items: T[]; laatste?: string } {
  let laag = 0;
  if (na !== undefined) {
    let hoog = lijst.sleutels.length;
    while (laag < hoog) {
      const midden = (laag + hoog) >>> 1;
      if (lijst.sleutels[midden]! <= na) laag = midden + 1;
      else hoog = midden;
    }
  }
  const tot = Math.min(laag + limit, lijst.items.length);
  const items = lijst.items.slice(laag, tot);
  return tot < lijst.items.length ? { items, laatste: lijst.sleutels[tot - 1]! } : { items };
}

/** Sets `Link: <…>; rel="next"` (RFC 8288) when there is a next page; returns its cursor for the body too. */
export function linkNaarVolgende(c: Context, laatste: string | undefined, lijst: string, vast: Record<string, string> = {}): string | null {
  if (laatste === undefined) return null;
  const cursor = encodeCursor(laatste, lijst);
  const url = new URL(c.req.url);
  // What the list was made with (e.g. today's peildatum) travels along, so the next page is of the same list.
  for (const [k, v] of Object.entries(vast)) url.searchParams.set(k, v);
  url.searchParams.set('cursor', cursor);
  c.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
  return cursor;
}

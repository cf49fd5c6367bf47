/**
 * An example client of the Termijnbewaking API (issue 32.6): lists this week's terms — those ending today or in the six
 * days after — and opens a case for the first one that has none. Typed with ./api.d.ts, generated from the API's
 * OpenAPI document by openapi-typescript (`npm run api:types`).
 *
 *   TERMIJNBEWAKING_URL=http://localhost:3000 TERMIJNBEWAKING_TOKEN=tbw_… npx tsx docs/api-client/voorbeeldClient.ts
 *
 * The token needs the scopes `lezen` and `zaken.schrijven`. VANDAAG=JJJJ-MM-DD takes another day than today.
 * Prints one line per term and, last, the case it opened (or found).
 */
import type { components, paths } from './api';

type Termijn = components['schemas']['Termijn'];
type Zaak = components['schemas']['Zaak'];
type Fout = components['schemas']['Fout'];
type TermijnenQuery = NonNullable<paths['/termijnen']['get']['parameters']['query']>;
type ZaakOpenen = paths['/zaken']['post']['requestBody']['content']['application/json'];

export interface Verbinding {
  /** The app's address, e.g. https://termijnen.example.nl */
  url: string;
  token: string;
}

async function vraag<T>(v: Verbinding, pad: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const r = await fetch(`${v.url}/api/v1${pad}`, {
    ...init,
    headers: { Authorization: `Bearer ${v.token}`, Accept: 'application/json', ...(init.headers as Record<string, string>) },
  });
  return { status: r.status, body: (await r.json()) as T };
}

const plusDagen = (datum: string, n: number) => new Date(Date.parse(`${datum}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Every term ending from `vandaag` up to and including six days later, following the pages (`volgende`). */
export async function listTermijnenVanDezeWeek(v: Verbinding, vandaag: string): Promise<Termijn[]> {
  const tot = plusDagen(vandaag, 6);
  const gevonden: Termijn[] = [];
  let cursor: string | null = null;
  do {
    const query: TermijnenQuery = { peildatum: vandaag, limit: '500', ...(cursor ? { cursor } : {}) };
    const { status, body } = await vraag<paths['/termijnen']['get']['responses'][200]['content']['application/json'] | Fout>(
      v,
      `/termijnen?${new URLSearchParams(query as Record<string, string>)}`,
    );
    if (status !== 200 || !('termijnen' in body)) throw new Error(`termijnen: ${status} ${(body as Fout).fout}`);
    gevonden.push(...body.termijnen.filter((t) => t.einde >= vandaag && t.einde <= tot));
    cursor = body.volgende;
  } while (cursor);
  return gevonden.sort((a, b) => a.einde.localeCompare(b.einde));
}

/**
 * Opens the case of a term; a term that has one already answers 409 with its id, which is then read. The
 * Idempotency-Key makes a retry after a lost answer safe: the case is opened once.
 */
export async function openZaakVoorTermijn(v: Verbinding, termijn: Termijn): Promise<{ zaak: Zaak; nieuw: boolean }> {
  const invoer: ZaakOpenen = { termijn: termijn.sleutel };
  const { status, body } = await vraag<Zaak | Fout>(v, '/zaken', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `zaak-voor-${termijn.sleutel}` },
    body: JSON.stringify(invoer),
  });
  if (status === 201) return { zaak: body as Zaak, nieuw: true };
  const fout = body as Fout;
  if (status === 409 && fout.id !== undefined) {
    const bestaand = await vraag<Zaak>(v, `/zaken/${fout.id}`);
    return { zaak: bestaand.body, nieuw: false };
  }
  throw new Error(`zaak openen: ${status} ${fout.fout}${fout.fouten ? ` (${fout.fouten.map((f) => `${f.veld}: ${f.melding}`).join('; ')})` : ''}`);
}

async function main() {
  const url = process.env.TERMIJNBEWAKING_URL;
  const token = process.env.TERMIJNBEWAKING_TOKEN;
  if (!url || !token) throw new Error('zet TERMIJNBEWAKING_URL en TERMIJNBEWAKING_TOKEN');
  const vandaag = process.env.VANDAAG ?? new Date().toISOString().slice(0, 10);
  const v = { url, token };
  const termijnen = await listTermijnenVanDezeWeek(v, vandaag);
  for (const t of termijnen) console.log(`${t.einde}  ${t.rechtsmiddel.padEnd(7)} ${t.besluit}  ${t.regio} ${t.jaar}${t.partij ? `  ${t.partij}` : ''}`);
  if (termijnen.length === 0) {
    console.log('geen termijnen deze week');
    return;
  }
  // The first term this week whose case can be opened (the NZa, or a term nobody may open a case for, is skipped).
  for (const t of termijnen) {
    try {
      const { zaak, nieuw } = await openZaakVoorTermijn(v, t);
      console.log(`${nieuw ? 'zaak geopend' : 'zaak bestond al'}: ${zaak.id} (${zaak.soort}, ${zaak.status}) voor ${t.besluit}`);
      return;
    } catch (e) {
      console.error(String(e));
    }
  }
  console.log('voor geen van deze termijnen kon een zaak worden geopend');
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) await main();

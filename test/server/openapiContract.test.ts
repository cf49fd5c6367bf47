import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import { startTestServer } from '../support/testServer';
import { DEMO } from '../support/testApp';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { buildOpenApiDocument, declareApiRoute } from '../../src/web/openapi';
import { jsonAntwoord, jsonBody, STANDAARD_FOUTEN } from '../../src/web/apiSchemas';

/**
 * The contract of /api/v1 (issue 32.1): the OpenAPI document served by the app passes a standard validator, names
 * every route of the app's route table under /api/v1, and every answer a real server gives on the demo data — successes
 * and refusals — has a status the document declares for its operation and a body its schema allows. Every declared
 * operation is called at least once with a success, so a route added to the document is also checked against it.
 */
type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
};

let s: Awaited<ReturnType<typeof startTestServer>>;
let ruw: Doc;
let doc: Doc;
const ajv = new (Ajv2020 as unknown as { default: typeof Ajv2020 }).default({ strict: false, allErrors: true, validateFormats: false });
const gezien = new Map<string, Set<number>>();
const afwijkingen: string[] = [];

beforeAll(async () => {
  s = await startTestServer();
  ruw = (await (await fetch(`${s.url}/api/v1/openapi.json`)).json()) as Doc;
  doc = (await SwaggerParser.dereference(structuredClone(ruw) as never)) as unknown as Doc;
}, 60_000);
afterAll(() => s.stop());

/** Calls the real server as `email` and checks the answer against the operation `METHOD /template` of the document. */
async function roep(email: string | undefined, methode: string, sjabloon: string, pad: string, body?: unknown, koppen: Record<string, string> = {}) {
  const r = await fetch(`${s.url}/api/v1${pad}`, {
    method: methode,
    headers: {
      ...(email ? { Authorization: `Bearer ${s.aanmelding(email).bearer}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...koppen,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const operatie = doc.paths[sjabloon]?.[methode.toLowerCase()];
  const sleutel = `${methode} ${sjabloon}`;
  const tekst = await r.text();
  if (!operatie) {
    afwijkingen.push(`${sleutel}: not in the document`);
    return { status: r.status, json: undefined as never };
  }
  (gezien.get(sleutel) ?? gezien.set(sleutel, new Set()).get(sleutel)!).add(r.status);
  const antwoord = operatie.responses[String(r.status)];
  const type = r.headers.get('Content-Type') ?? '';
  if (!antwoord) afwijkingen.push(`${sleutel} answered ${r.status}, which the document does not declare`);
  else if (type.startsWith('application/json')) {
    const schema = antwoord.content?.['application/json']?.schema;
    const json = JSON.parse(tekst) as unknown;
    if (!schema) afwijkingen.push(`${sleutel} ${r.status}: JSON the document does not describe`);
    else if (!ajv.validate(schema, json)) afwijkingen.push(`${sleutel} ${r.status}: ${ajv.errorsText(ajv.errors)}`);
    return { status: r.status, json: json as never, koppen: r.headers };
  } else if (tekst === '') {
    // No body (a 204): the document must not promise one.
    if (antwoord.content) afwijkingen.push(`${sleutel} ${r.status}: no body, but the document declares ${Object.keys(antwoord.content).join(', ')}`);
  } else if (!antwoord.content?.[type.split(';')[0]!]) afwijkingen.push(`${sleutel} ${r.status}: ${type} not declared`);
  return { status: r.status, json: undefined as never, koppen: r.headers };
}

describe('the OpenAPI document of /api/v1', () => {
  it('passes the standard validator (swagger-parser, OpenAPI 3.1)', async () => {
    await expect(SwaggerParser.validate(structuredClone(ruw) as never)).resolves.toBeTruthy();
    expect((ruw as unknown as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('declares every route of the app under /api/v1 (walking the route table), and nothing the app does not serve', () => {
    const documentatie = ['GET /api/v1/openapi.json', 'GET /api/v1/docs'];
    const routes = [
      ...new Set(
        s.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/')).map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
      ),
    ].filter((r) => !documentatie.includes(r));
    const gedeclareerd = Object.entries(ruw.paths).flatMap(([pad, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} /api/v1${pad}`));
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes.filter((r) => !gedeclareerd.includes(r))).toEqual([]);
    expect(gedeclareerd.filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('takes a route served elsewhere in a few lines: declareApiRoute with its zod schemas (how the webhook routes join)', () => {
    const api = new OpenAPIHono();
    const Invoer = z.object({ url: z.string().url(), events: z.array(z.string()) }).openapi('VoorbeeldInvoer');
    declareApiRoute(
      api as never,
      createRoute({
        method: 'post',
        path: '/voorbeeld',
        request: jsonBody(Invoer),
        responses: { 201: jsonAntwoord(z.object({ id: z.number() }), 'gemaakt'), ...STANDAARD_FOUTEN },
      }),
    );
    const document = buildOpenApiDocument(api as never) as unknown as Doc & { components: { schemas: Record<string, unknown> } };
    expect(Object.keys(document.paths['/voorbeeld']!)).toEqual(['post']);
    expect(Object.keys(document.paths['/voorbeeld']!.post!.responses).sort()).toEqual(['201', '401', '403', '429']);
    expect(document.components.schemas.VoorbeeldInvoer).toBeDefined();
  });

  it('serves a readable reference page within the CSP: no script, nothing from elsewhere, every operation named', async () => {
    const r = await fetch(`${s.url}/api/v1/docs`);
    expect(r.status).toBe(200);
    expect(r.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    const html = await r.text();
    // Only the app's own scripts (the layout's), no inline script.
    expect(html).not.toMatch(/<script(?![^>]*src="\/static\/)/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const [pad, ops] of Object.entries(ruw.paths)) for (const m of Object.keys(ops)) expect(html).toContain(`${m.toUpperCase()} /api/v1${pad}`);
  });
});

describe('every answer of a real server has a shape its schema allows', () => {
  it('terms, decisions, clients, cases, their events, filings and webhooks: successes and refusals', async () => {
    // Terms: for a firm, the in-house department and the NZa, filtered, paged (following `volgende`), refused.
    for (const email of [DEMO.advocaat, DEMO.inhouse, DEMO.nza]) await roep(email, 'GET', '/termijnen', '/termijnen');
    let pagina = await roep(DEMO.advocaat, 'GET', '/termijnen', '/termijnen?limit=3&regio=Amsterdam');
    for (let i = 0; i < 3 && (pagina.json as { volgende: string | null }).volgende; i++) {
      const cursor = encodeURIComponent((pagina.json as { volgende: string }).volgende);
      pagina = await roep(DEMO.advocaat, 'GET', '/termijnen', `/termijnen?limit=3&regio=Amsterdam&cursor=${cursor}`);
    }
    await roep(DEMO.advocaat, 'GET', '/termijnen', '/termijnen?jaar=twee');
    await roep(DEMO.advocaat, 'GET', '/termijnen', '/termijnen?cursor=onzin');
    await roep(undefined, 'GET', '/termijnen', '/termijnen');

    // Decisions.
    for (const email of [DEMO.advocaat, DEMO.nza]) await roep(email, 'GET', '/besluiten', '/besluiten?limit=5');
    const tb = {
      type: 'tariefbeschikking',
      kenmerk: 'NZa/TB/2026-9101',
      zorgaanbieder: '90000003',
      regio: 'Amsterdam',
      jaar: 2027,
      soort: 'vaststelling',
      besluitdatum: '2026-11-16',
      bekendgemaakt: '18-11-2026',
    };
    expect((await roep(DEMO.advocaat, 'POST', '/besluiten', '/besluiten', tb)).status).toBe(201);
    expect((await roep(DEMO.advocaat, 'POST', '/besluiten', '/besluiten', { ...tb, kenmerk: '' })).status).toBe(422);
    expect((await roep(DEMO.lezer, 'POST', '/besluiten', '/besluiten', tb)).status).toBe(403);

    // Clients.
    const client = { naam: 'Stichting Contracttest', kvk: '91234599', plaats: 'Utrecht' };
    expect((await roep(DEMO.advocaat, 'POST', '/clienten', '/clienten', client)).status).toBe(201);
    expect((await roep(DEMO.advocaat, 'POST', '/clienten', '/clienten', client)).status).toBe(409);
    expect((await roep(DEMO.advocaat, 'POST', '/clienten', '/clienten', { naam: 'x', kvk: '12' })).status).toBe(422);

    // Cases: list, open from a term's sleutel, read, change, events, filings.
    await roep(DEMO.advocaat, 'GET', '/zaken', '/zaken');
    const termijnen = (await roep(DEMO.advocaat, 'GET', '/termijnen', '/termijnen?limit=1000&regio=Amsterdam&jaar=2026')).json as {
      termijnen: { sleutel: string; besluit: string; rechtsmiddel: string }[];
    };
    const termijn = termijnen.termijnen.find((x) => x.besluit === 'NZa/TB/2026-1744' && x.rechtsmiddel === 'beroep')!;
    const geopend = await roep(DEMO.advocaat, 'POST', '/zaken', '/zaken', { termijn: termijn.sleutel });
    expect(geopend.status).toBe(201);
    const id = (geopend.json as { id: number }).id;
    expect((await roep(DEMO.advocaat, 'POST', '/zaken', '/zaken', { termijn: termijn.sleutel })).status).toBe(409);
    expect((await roep(DEMO.advocaat, 'POST', '/zaken', '/zaken', { termijn: 'onbekend' })).status).toBe(422);
    expect((await roep(DEMO.nza, 'POST', '/zaken', '/zaken', { termijn: termijn.sleutel })).status).toBe(403);
    expect((await roep(DEMO.advocaat, 'GET', '/zaken/{id}', `/zaken/${id}`)).status).toBe(200);
    expect((await roep(DEMO.inhouse, 'GET', '/zaken/{id}', `/zaken/${id}`)).status).toBe(404);
    expect((await roep(DEMO.advocaat, 'GET', '/zaken/{id}', '/zaken/abc')).status).toBe(400);
    expect((await roep(DEMO.advocaat, 'PATCH', '/zaken/{id}', `/zaken/${id}`, { notities: 'via de API', ingesteld: '2026-11-20' })).status).toBe(200);
    expect((await roep(DEMO.advocaat, 'PATCH', '/zaken/{id}', `/zaken/${id}`, { ingesteld: '2030-01-01' })).status).toBe(422);
    expect((await roep(DEMO.advocaat, 'PATCH', '/zaken/{id}', `/zaken/${id}`, { onbekend: 1 })).status).toBe(422);
    expect((await roep(DEMO.advocaat, 'GET', '/zaken/{id}/gebeurtenissen', `/zaken/${id}/gebeurtenissen`)).status).toBe(200);
    expect((await roep(DEMO.advocaat, 'GET', '/zaken/{id}/stukken/{bestand}', `/zaken/${id}/stukken/clientbrief.docx`)).status).toBe(200);
    expect((await roep(DEMO.advocaat, 'GET', '/zaken/{id}/stukken/{bestand}', `/zaken/${id}/stukken/dagvaarding.docx`)).status).toBe(404);
    expect((await roep(DEMO.advocaat, 'GET', '/zaken/{id}/stukken/{bestand}', `/zaken/${id}/stukken/clientbrief.docx?dagtekening=gisteren`)).status).toBe(400);

    // Webhooks (issue 32.3, served by their own sub-app and declared with declareApiRoute): register, list, deliveries,
    // remove; refused for a jurist, for invalid input and for another organisation's webhook.
    const webhook = { url: 'http://127.0.0.1:9/contracttest', events: ['termijn.nieuw', 'zaak.gewijzigd'] };
    const geregistreerd = await roep(DEMO.beheerder, 'POST', '/webhooks', '/webhooks', webhook, { 'Idempotency-Key': 'contracttest-webhook' });
    expect(geregistreerd.status).toBe(201);
    const webhookId = (geregistreerd.json as { id: number }).id;
    expect((await roep(DEMO.beheerder, 'POST', '/webhooks', '/webhooks', webhook, { 'Idempotency-Key': 'contracttest-webhook' })).json).toEqual(
      geregistreerd.json,
    );
    expect((await roep(DEMO.beheerder, 'POST', '/webhooks', '/webhooks', { ...webhook, events: [] })).status).toBe(422);
    expect((await roep(DEMO.advocaat, 'POST', '/webhooks', '/webhooks', webhook)).status).toBe(403);
    expect((await roep(DEMO.beheerder, 'GET', '/webhooks', '/webhooks')).status).toBe(200);
    expect((await roep(DEMO.beheerder, 'GET', '/webhooks/{id}/leveringen', `/webhooks/${webhookId}/leveringen?limit=10`)).status).toBe(200);
    expect((await roep(DEMO.beheerder, 'GET', '/webhooks/{id}/leveringen', `/webhooks/${webhookId}/leveringen?cursor=onzin`)).status).toBe(400);
    expect((await roep(DEMO.inhouse, 'GET', '/webhooks/{id}/leveringen', `/webhooks/${webhookId}/leveringen`)).status).toBe(404);
    expect((await roep(DEMO.inhouse, 'DELETE', '/webhooks/{id}', `/webhooks/${webhookId}`)).status).toBe(404);
    expect((await roep(DEMO.beheerder, 'DELETE', '/webhooks/{id}', `/webhooks/${webhookId}`)).status).toBe(204);

    expect(afwijkingen).toEqual([]);
    // Every declared operation was answered at least once with a success.
    const operaties = Object.entries(ruw.paths).flatMap(([pad, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${pad}`));
    expect(operaties.filter((o) => ![...(gezien.get(o) ?? [])].some((st) => st >= 200 && st < 300))).toEqual([]);
  }, 120_000);
});

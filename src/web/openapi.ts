import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './appContext';

/**
 * The OpenAPI 3.1 document of /api/v1, drawn from the declared routes (issue 32.1): every `app.openapi(createRoute(…))`
 * of src/web/apiRoutes.ts. A route served by another sub-app is declared with `declareApiRoute` (same
 * createRoute config, no handler), so test/server/openapiContract.test.ts finds it in the document.
 */
export type ApiApp = OpenAPIHono<AppEnv>;

/** Declares a route that another (plain Hono) sub-app serves under /api/v1: `declareApiRoute(api, createRoute({…}))`. */
export function declareApiRoute(api: ApiApp, route: Parameters<ApiApp['openAPIRegistry']['registerPath']>[0]): void {
  api.openAPIRegistry.registerPath(route);
}

export type OpenApiDocument = ReturnType<ApiApp['getOpenAPI31Document']>;

export function buildOpenApiDocument(api: ApiApp): OpenApiDocument {
  api.openAPIRegistry.registerComponent('securitySchemes', 'token', {
    type: 'http',
    scheme: 'bearer',
    description: 'Een persoonlijk API-token (Instellingen → API-tokens, of `token maak` op de opdrachtregel), met scopes per gebied.',
  });
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Termijnbewaking Wmg 105',
      version: '1',
      description:
        'Termijnen, besluiten, cliënten en zaken van de eigen organisatie. Fouten hebben altijd de vorm `{ "fout": "…", "fouten"?: [{ "veld", "melding" }] }`. ' +
        'Elke POST aanvaardt een `Idempotency-Key`; elk token heeft een limiet per minuut (429 met `Retry-After`).',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ token: [] }],
  });
}

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  nullable?: boolean;
};

/** A schema in a few words: `Zaak`, `string (date)`, `lijst van Termijn`, `"a" | "b"`. */
export function describeSchema(s: Schema | undefined): string {
  if (!s) return '';
  if (s.$ref) return s.$ref.replace('#/components/schemas/', '');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join(' | ');
  const varianten = s.anyOf ?? s.oneOf;
  if (varianten) return varianten.map(describeSchema).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (type === 'array') return `lijst van ${describeSchema(s.items)}`;
  return `${type ?? 'waarde'}${s.format ? ` (${s.format})` : ''}`;
}

/** A description's `code` spans as parts, for the page to set in <code> (the text itself stays escaped). */
export function splitCode(tekst: string): { tekst: string; code: boolean }[] {
  return tekst
    .split('`')
    .map((deel, i) => ({ tekst: deel, code: i % 2 === 1 }))
    .filter((d) => d.tekst !== '');
}

function describeVelden(s: Schema | undefined) {
  if (!s?.properties) return [];
  return Object.entries(s.properties).map(([naam, v]) => ({
    naam,
    type: describeSchema(v),
    verplicht: s.required?.includes(naam) ?? false,
    uitleg: splitCode(v.description ?? ''),
  }));
}

/** What the reference page (GET /api/v1/docs) shows: each operation and each schema, in words, from the document. */
export function buildApiReferentie(doc: OpenApiDocument) {
  const json = doc as unknown as {
    info: { title: string; description?: string };
    paths: Record<
      string,
      Record<
        string,
        {
          summary?: string;
          description?: string;
          parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
          requestBody?: { content: Record<string, { schema: Schema }> };
          responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
        }
      >
    >;
    components?: { schemas?: Record<string, Schema> };
  };
  const operaties = Object.entries(json.paths).flatMap(([pad, methodes]) =>
    Object.entries(methodes).map(([methode, op]) => {
      const body = op.requestBody ? Object.values(op.requestBody.content)[0]?.schema : undefined;
      return {
        anker: `${methode}-${pad}`.replace(/[^a-z0-9]+/gi, '-'),
        methode: methode.toUpperCase(),
        pad: `/api/v1${pad}`,
        samenvatting: op.summary ?? '',
        beschrijving: splitCode(op.description ?? ''),
        parameters: (op.parameters ?? []).map((p) => ({
          naam: p.name,
          in: p.in,
          type: describeSchema(p.schema),
          verplicht: p.required ?? false,
          uitleg: splitCode(p.description ?? p.schema?.description ?? ''),
        })),
        body: body ? { type: describeSchema(body), velden: body.$ref ? [] : describeVelden(body) } : undefined,
        antwoorden: Object.entries(op.responses).map(([status, a]) => ({
          status,
          uitleg: splitCode(a.description),
          type: a.content
            ? Object.entries(a.content)
                .map(([mime, c]) => `${describeSchema(c.schema)}${mime === 'application/json' ? '' : ` (${mime})`}`)
                .join(', ')
            : '',
        })),
      };
    }),
  );
  const schemas = Object.entries(json.components?.schemas ?? {}).map(([naam, s]) => ({
    naam,
    type: s.properties ? '' : describeSchema(s),
    velden: describeVelden(s),
    varianten: (s.oneOf ?? []).map((v) => ({ type: describeSchema(v.properties?.type), velden: describeVelden(v) })),
  }));
  return { titel: `${json.info.title}: API-referentie`, inleiding: splitCode(json.info.description ?? ''), operaties, schemas };
}

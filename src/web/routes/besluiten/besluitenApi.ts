import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../appContext';
import { createContracteerruimtebesluit, createTariefbeschikking } from '../../../services/besluiten/besluitRegistratie';
import { afgeleid, findBesluitTermijnen } from '../../../services/termijnen/termijnService';
import { checkPlausibiliteit, compareBedragen } from '../../../services/termijnen/termijnVoorbeeld';
import { loadRegioRegister } from '../../../services/regios/regioBeheer';
import { toTermijnUitkomstJson } from '../../../domain/termijnen/termijnUitkomstJson';
import { contracteerruimtebesluitInvoer, tariefbeschikkingInvoer } from '../../../validation/besluitInvoer';
import { weigerVeldFouten } from '../../apiMiddleware';
import { BesluitenAntwoord, BesluitGeregistreerd, BODY_FOUTEN, IdempotentieKop, jsonAntwoord, jsonBody, LIJST_FOUTEN, PagineringQuery } from '../../apiSchemas';
import { validateInvoer } from '../../formulier';
import { linkNaarVolgende, orderBySleutel, parsePaginering, takePagina } from '../../paginering';

/**
 * A request body schema in the document that zod-to-openapi cannot draw from a refined or transformed input schema:
 * zod's own JSON Schema of the input side, with the discriminating `type` added.
 */
function documentInvoer(type: string, schema: z.ZodType) {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & {
    properties?: object;
    required?: string[];
  };
  return { ...json, properties: { type: { const: type }, ...json.properties }, required: ['type', ...(json.required ?? [])] };
}

const besluitBody = z
  .object({ type: z.enum(['contracteerruimte', 'tariefbeschikking'], { error: 'verwacht "contracteerruimte" of "tariefbeschikking"' }) })
  .loose()
  .openapi('BesluitInvoer', {
    oneOf: [documentInvoer('contracteerruimte', contracteerruimtebesluitInvoer), documentInvoer('tariefbeschikking', tariefbeschikkingInvoer)],
  } as object);

/** GET and POST /api/v1/besluiten (declared in the OpenAPI document). */
export function declareBesluitenApi(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  // Decisions: the contracteerruimtebesluiten, then the tariefbeschikkingen, each by id.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/besluiten',
      summary: 'Besluiten',
      description: 'De openbare contracteerruimtebesluiten en de eigen tariefbeschikkingen van de organisatie. Gepagineerd.',
      request: { query: PagineringQuery },
      responses: { 200: jsonAntwoord(BesluitenAntwoord, 'een pagina besluiten'), ...LIJST_FOUTEN },
    }),
    (c) => {
      const paginering = parsePaginering(c.req.query(), 'besluiten');
      if (!paginering.ok) return weigerVeldFouten(c, [{ veld: paginering.veld, melding: paginering.melding }], 400);
      const berekend = deps.termijnen.computeVoorActor(c.get('actor'), deps.vandaag());
      const lijst = afgeleid(berekend, 'api:besluiten', () => {
        const cr = new Map<
          number,
          { kenmerk: string; soort: string; besluitdatum: string; bekendgemaakt: string; bedragen: { regio: string; jaar: number; bedragCenten: number }[] }
        >();
        for (const r of berekend.contracteerruimte) {
          const besluit = cr.get(r.id) ?? { kenmerk: r.kenmerk, soort: r.soort, besluitdatum: r.besluitdatum, bekendgemaakt: r.bekendgemaakt, bedragen: [] };
          besluit.bedragen.push({ regio: r.regio, jaar: r.jaar, bedragCenten: r.bedragCenten });
          cr.set(r.id, besluit);
        }
        const items = [
          ...[...cr.entries()].map(([id, b]) => ({ id, type: 'contracteerruimte' as const, ...b })),
          ...[...berekend.tariefbeschikkingen.values()].map((t) => ({
            id: t.id,
            type: 'tariefbeschikking' as const,
            kenmerk: t.kenmerk,
            zorgaanbieder: t.zorgaanbieder,
            regio: t.regio,
            jaar: t.jaar,
            soort: t.soort,
            besluitdatum: t.besluitdatum,
            bekendgemaakt: t.bekendgemaakt,
          })),
        ];
        return orderBySleutel(items, (b) => `${b.type === 'contracteerruimte' ? 0 : 1}|${String(b.id).padStart(12, '0')}`);
      });
      const pagina = takePagina(lijst, paginering.limit, paginering.na);
      const volgende = linkNaarVolgende(c, pagina.laatste, 'besluiten');
      return c.json(
        {
          contracteerruimtebesluiten: pagina.items.filter((b) => b.type === 'contracteerruimte'),
          tariefbeschikkingen: pagina.items.filter((b) => b.type === 'tariefbeschikking'),
          volgende,
        },
        200,
      );
    },
  );

  // The body limit (MAX_FORMULIER_MB) is src/web/verzoekGrenzen.ts's, before this handler; depth and size above.
  app.openapi(
    createRoute({
      method: 'post',
      path: '/besluiten',
      summary: 'Een besluit registreren',
      description:
        'Een tariefbeschikking van een eigen cliënt, of (alleen de NZa) een contracteerruimtebesluit; datums als JJJJ-MM-DD of dd-mm-jjjj. Het antwoord noemt de termijnen die het besluit opende en wat onwaarschijnlijk lijkt.',
      request: { headers: IdempotentieKop, ...jsonBody(besluitBody) },
      responses: { 201: jsonAntwoord(BesluitGeregistreerd, 'geregistreerd'), ...BODY_FOUTEN },
    }),
    (c) => {
      const { type, ...rest } = c.req.valid('json');
      const actor = c.get('actor');
      const resultaat =
        type === 'contracteerruimte'
          ? (() => {
              const v = validateInvoer(contracteerruimtebesluitInvoer, rest);
              return v.ok ? createContracteerruimtebesluit(deps.db, actor, v.data, deps.vandaag()) : v;
            })()
          : (() => {
              const v = validateInvoer(tariefbeschikkingInvoer, rest);
              return v.ok ? createTariefbeschikking(deps.db, actor, v.data, deps.vandaag()) : v;
            })();
      if (!resultaat.ok) return weigerVeldFouten(c, resultaat.fouten, 422);
      const kenmerk = (rest as { kenmerk: string }).kenmerk.trim();
      const berekend = deps.termijnen.computeVoorActor(actor, deps.vandaag());
      const { termijnen, uitsluitingen } = findBesluitTermijnen(berekend, type, kenmerk);
      const json = toTermijnUitkomstJson({ termijnen, uitsluitingen, status: [] }, deps.termijnen.config);
      // Saved, and what looks implausible said in words (issue 30.4): the same warnings as the form's live preview.
      const waarschuwingen = berekend.invoer.besluiten
        .filter((b) => b.id === kenmerk && b.type === type)
        .flatMap((b) => checkPlausibiliteit(berekend.invoer, b))
        .map(({ code, melding }) => ({ code, melding }));
      // A wijziging that changes no amount (issue 30.4), as the form's preview says it.
      const cr = type === 'contracteerruimte' ? validateInvoer(contracteerruimtebesluitInvoer, rest) : undefined;
      if (cr?.ok) {
        const register = loadRegioRegister(deps.db);
        const bedragen = cr.data.bedragen.map((b) => ({ regio: register.find(b.regio)?.naam ?? b.regio, jaar: b.jaar, bedragCenten: b.bedrag }));
        const { soort, bekendgemaakt } = cr.data;
        for (const { code, melding } of compareBedragen(berekend.contracteerruimte, { kenmerk, soort, bekendgemaakt, bedragen }).waarschuwingen)
          waarschuwingen.push({ code, melding });
      }
      return c.json({ id: resultaat.id, type, kenmerk, termijnen: json.termijnen, uitsluitingen: json.uitsluitingen, waarschuwingen }, 201);
    },
  );
}

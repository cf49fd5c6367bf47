import type { Context } from 'hono';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { ApiTermijnLijsten, AppDeps, AppEnv } from './appContext';
import type { Actor } from '../actor/actor';
import type { BerekendOverzicht } from '../services/termijnen/termijnService';
import { toTermijnUitkomstJson } from '../domain/termijnen/termijnUitkomstJson';
import { createContracteerruimtebesluit, createTariefbeschikking } from '../services/besluiten/besluitRegistratie';
import {
  createZaak,
  loadTijdlijn,
  loadZaak,
  loadZaken,
  writeZaakWijzigingen,
  type ZaakOverzichtRij,
  type ZaakWijziging,
} from '../services/zaken/zaakRegistratie';
import { createZaakVoorTermijn } from '../services/werkweergaven/zaakVanTermijn';
import { renderFiling } from '../services/filings/filingService';
import { FILING_SOORTEN, type FilingSoort } from '../domain/filings/filingSoorten';
import { isGeldigeIsoDatum } from '../domain/kalender/kalenderdatum';
import { contentDisposition, DOCX } from './bestandKoppen';
import { clientInvoer, contracteerruimtebesluitInvoer, tariefbeschikkingInvoer } from '../validation/besluitInvoer';
import { createClient, findClient } from '../services/zaken/clientService';
import type { VeldFout } from '../validation/velden';
import { griffierechtInvoer, ingesteldInvoer, notitiesInvoer, uitspraakInvoer, zaakOpenenInvoer } from '../validation/zaakInvoer';
import { begrensJsonBody, idempotentie, weigerOngeldigeInvoer } from './apiMiddleware';
import {
  BesluitenAntwoord,
  BesluitGeregistreerd,
  BODY_FOUTEN,
  ClientSchema,
  FoutSchema,
  GebeurtenissenAntwoord,
  IdempotentieKop,
  jsonAntwoord,
  jsonBody,
  LIJST_FOUTEN,
  NIET_GEVONDEN,
  PagineringQuery,
  TermijnenAntwoord,
  ZaakIdParam,
  ZaakSchema,
  ZakenAntwoord,
} from './apiSchemas';
import { validateInvoer } from './formulier';
import { overzichtFilterSchema, parseOverzichtFilter } from './routes/termijnen/overzichtRoutes';
import { matchZorgaanbieder } from '../services/termijnen/termijnOverzicht';
import { findBesluitTermijnen } from '../services/termijnen/termijnService';
import { loadRegioRegister } from '../services/regios/regioBeheer';
import { checkPlausibiliteit, compareBedragen } from '../services/termijnen/termijnVoorbeeld';
import { buildHerinnerdIndex } from '../herinneringen/openTermijnen';
import { formatTermijnApiSleutel, formatTermijnSleutel } from '../services/werkweergaven/termijnWerk';
import { afgeleid } from '../services/termijnen/termijnService';
import { linkNaarVolgende, orderBySleutel, parsePaginering, takePagina } from './paginering';
import { buildApiLijst, createApiTermijnLijsten, type ApiItem } from './apiTermijnLijst';
import { declareWebhookRoutes, webhookRoutes } from './routes/webhooks/webhookRoutes';

/** What a walk of /api/v1/termijnen is of: its peildatum and filters (the cursor carries it). */
const formatApiLijstNaam = (peildatum: string, f: { regio?: string; jaar?: number; rechtsmiddel?: string; zorgaanbieder?: string }) =>
  JSON.stringify(['termijnen', peildatum, f.regio ?? '', f.jaar ?? '', f.rechtsmiddel ?? '', f.zorgaanbieder ?? '']);

/** The whole list (no filter) of the actor's organisation at the peildatum, kept with the result. */
const loadHeleApiLijst = (deps: AppDeps, apiLijsten: ApiTermijnLijsten, actor: Actor, berekend: BerekendOverzicht, peildatum: string) =>
  afgeleid(berekend, `api:${formatApiLijstNaam(peildatum, {})}`, () => apiLijsten.vanScope(`org-${actor.organisatieId}`, berekend));

/** Who is reminded of each term (issue 30.1): the reminder job's own choice, per data revision; none for the NZa. */
const loadHerinnerd = (deps: AppDeps, actor: Actor, berekend: BerekendOverzicht, peildatum: string) =>
  afgeleid(berekend, `api:herinnerd:${peildatum}`, () => buildHerinnerdIndex(deps.db, deps.termijnen, actor, peildatum));

/**
 * Issue 32.4: makes the first page of GET /api/v1/termijnen of every organisation ready before the server says it is
 * (`/gereed`): the engine's result at today's peildatum, the whole list and who is reminded of what. Synchronous: a
 * request that arrives meanwhile waits for it, then finds it ready.
 */
export function warmApiTermijnen(deps: AppDeps, actoren: readonly Actor[]): void {
  const apiLijsten = deps.apiTermijnLijsten;
  if (!apiLijsten) return;
  const peildatum = deps.vandaag();
  for (const actor of actoren) {
    const berekend = deps.termijnen.computeVoorActor(actor, peildatum);
    loadHeleApiLijst(deps, apiLijsten, actor, berekend, peildatum);
    loadHerinnerd(deps, actor, berekend, peildatum);
  }
}

const fouten = <S extends 400 | 422>(c: Context, lijst: VeldFout[], status: S) =>
  c.json({ fout: status === 422 ? 'ongeldige invoer' : lijst.map((f) => `${f.veld}: ${f.melding}`).join('; '), fouten: lijst }, status);

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

/** POST /zaken: from a term's `sleutel` (and, for a beroep against the contracteerruimte without a known client, its client), or from the fields of the case form. */
const zaakOpenenApiInvoer = z.union([
  z
    .object({
      termijn: z.string({ error: 'ontbreekt' }).min(1).max(500).openapi({ description: 'de `sleutel` van een termijn uit GET /termijnen' }),
      zorgaanbiederId: z.coerce
        .number()
        .int()
        .positive()
        .max(2 ** 31)
        .optional(),
    })
    .strict(),
  ...zaakOpenenInvoer.options,
]);

/** PATCH /zaken/{id}: any of these; each is one of the page's actions, all in one transaction, in this order. */
const zaakWijzigenInvoer = z
  .object({
    verantwoordelijkeId: notitiesInvoer.shape.verantwoordelijkeId.optional(),
    notities: notitiesInvoer.shape.notities.optional(),
    herinneringsschema: z
      .string()
      .max(100)
      .optional()
      .openapi({ description: 'werkdagen vóór het einde, bijvoorbeeld "10, 5, 1, 0"; leeg: dat van de verantwoordelijke' }),
    status: z.enum(['concept', 'ingediend', 'afgerond']).optional().openapi({
      description: '"concept" maakt "ingesteld" ongedaan; "ingediend" vraagt `ingesteld`, "afgerond" vraagt `afgerond` en `uitspraak`',
    }),
    ingesteld: ingesteldInvoer.shape.ingesteld.optional(),
    cbbZaaknummer: ingesteldInvoer.shape.cbbZaaknummer,
    afgerond: uitspraakInvoer.shape.afgerond.optional(),
    uitspraak: uitspraakInvoer.shape.uitspraak.optional(),
    griffierechtMededeling: griffierechtInvoer.shape.griffierechtMededeling.optional(),
  })
  .strict();

/** From a PATCH body to the page's actions on the case, in a fixed order; field errors for what does not fit together. */
function buildZaakWijzigingen(
  zaak: ZaakOverzichtRij,
  v: z.output<typeof zaakWijzigenInvoer>,
): { ok: true; wijzigingen: ZaakWijziging[] } | { ok: false; fouten: VeldFout[] } {
  const wijzigingen: ZaakWijziging[] = [];
  const foutLijst: VeldFout[] = [];
  if (v.status === 'concept') wijzigingen.push({ naam: 'ingesteld-ongedaan', invoer: {} });
  if (v.ingesteld !== undefined) wijzigingen.push({ naam: 'ingesteld', invoer: { ingesteld: v.ingesteld, cbbZaaknummer: v.cbbZaaknummer } });
  else if (v.cbbZaaknummer !== undefined) foutLijst.push({ veld: 'cbbZaaknummer', melding: 'hoort bij `ingesteld`' });
  else if (v.status === 'ingediend' && zaak.status !== 'ingediend') foutLijst.push({ veld: 'ingesteld', melding: 'vul de datum van indienen in' });
  if (v.afgerond !== undefined || v.uitspraak !== undefined) {
    if (v.afgerond === undefined) foutLijst.push({ veld: 'afgerond', melding: 'vul de datum van de uitspraak in' });
    else if (v.uitspraak === undefined) foutLijst.push({ veld: 'uitspraak', melding: 'vul de uitspraak in' });
    else wijzigingen.push({ naam: 'uitspraak', invoer: { afgerond: v.afgerond, uitspraak: v.uitspraak } });
  } else if (v.status === 'afgerond' && zaak.status !== 'afgerond')
    foutLijst.push({ veld: 'uitspraak', melding: 'vul de uitspraak en de datum (afgerond) in' });
  if (v.griffierechtMededeling !== undefined) wijzigingen.push({ naam: 'griffierecht', invoer: { griffierechtMededeling: v.griffierechtMededeling } });
  if (v.notities !== undefined || v.verantwoordelijkeId !== undefined || v.herinneringsschema !== undefined) {
    const schema = v.herinneringsschema === undefined ? undefined : notitiesInvoer.shape.herinneringsschema.safeParse(v.herinneringsschema);
    if (schema && !schema.success) foutLijst.push({ veld: 'herinneringsschema', melding: schema.error.issues[0]!.message });
    else
      wijzigingen.push({
        naam: 'notities',
        invoer: {
          notities: v.notities ?? zaak.notities,
          verantwoordelijkeId: v.verantwoordelijkeId === undefined ? zaak.verantwoordelijkeId : v.verantwoordelijkeId,
          ...(schema ? { herinneringsschema: schema.data } : {}),
        },
      });
  }
  if (foutLijst.length) return { ok: false, fouten: foutLijst };
  if (!wijzigingen.length) return { ok: false, fouten: [{ veld: 'invoer', melding: 'niets te wijzigen' }] };
  return { ok: true, wijzigingen };
}

const niet = (c: Context) => c.json({ fout: 'deze zaak bestaat niet of is niet van uw organisatie' }, 404);

/**
 * JSON API v1: the same data, validation and services as the pages and the CLI. Every route is declared with its zod
 * schemas (`app.openapi(createRoute(…), handler)`): the schemas validate the request and describe the route in the
 * OpenAPI document (GET /api/v1/openapi.json); test/server/openapiContract.test.ts fails on a route left undeclared.
 */
export function apiRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: weigerOngeldigeInvoer });
  const apiLijsten = deps.apiTermijnLijsten ?? createApiTermijnLijsten();

  // Bodies are read within the JSON limits (depth, number of values) before any validator parses them.
  app.use('*', begrensJsonBody(deps));
  // A retried POST with the same Idempotency-Key gets the first answer (issue 32.2).
  app.use('*', idempotentie(deps));

  // Every list of a result in one walk: terms, exclusions, region-year statuses, party statuses and warnings, each in
  // its own array of the page, in one stable order (kind, then last day, region, year, …), with one cursor.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/termijnen',
      summary: 'Termijnen, uitsluitingen en status',
      description:
        'Alle termijnen die de organisatie ziet, met afleiding en toelichting; elke termijn heeft een stabiele `sleutel` (voor POST /zaken). Gepagineerd: volg `volgende`.',
      request: { query: overzichtFilterSchema.extend(PagineringQuery.shape) },
      responses: { 200: jsonAntwoord(TermijnenAntwoord, 'een pagina termijnen'), ...LIJST_FOUTEN },
    }),
    (c) => {
      const parsed = parseOverzichtFilter(deps, c.req.query());
      if (!parsed.success)
        return fouten(
          c,
          parsed.error.issues.map((i) => ({ veld: i.path.join('.'), melding: i.message })),
          400,
        );
      const { peildatum: gekozen, regio, jaar, rechtsmiddel, zorgaanbieder } = parsed.data;
      const peildatum = gekozen ?? deps.vandaag();
      const lijstNaam = formatApiLijstNaam(peildatum, { regio, jaar, rechtsmiddel, zorgaanbieder });
      const paginering = parsePaginering(c.req.query(), lijstNaam);
      if (!paginering.ok) return fouten(c, [{ veld: paginering.veld, melding: paginering.melding }], 400);
      const actor = c.get('actor');
      const berekend = deps.termijnen.computeVoorActor(actor, peildatum);
      // The whole list is made per cell and kept across writes (issue 32.4); a filtered one is ordered whole (it is small).
      const lijst =
        !regio && !jaar && !rechtsmiddel && !zorgaanbieder
          ? loadHeleApiLijst(deps, apiLijsten, actor, berekend, peildatum)
          : afgeleid(berekend, `api:${lijstNaam}`, () =>
              buildApiLijst(berekend, {
                regio,
                jaar,
                rechtsmiddel,
                zorgaanbieder: zorgaanbieder ? (naam) => matchZorgaanbieder(naam, zorgaanbieder) : undefined,
              }),
            );
      const pagina = takePagina(lijst, paginering.limit, paginering.na);
      const per = <S extends ApiItem['soort']>(soort: S) =>
        pagina.items.filter((i): i is Extract<ApiItem, { soort: S }> => i.soort === soort).map((i) => i.x as Extract<ApiItem, { soort: S }>['x']);
      const json = toTermijnUitkomstJson(
        {
          termijnen: per('termijn'),
          uitsluitingen: per('uitsluiting'),
          status: per('status'),
          partijStatus: per('partijStatus'),
          waarschuwingen: per('waarschuwing'),
        },
        deps.termijnen.config,
      );
      // Who is reminded of each term (issue 30.1): the reminder job's own choice, per data revision; none for the NZa.
      const herinnerd = loadHerinnerd(deps, actor, berekend, peildatum);
      const termijnen = json.termijnen.map((t, i) => ({
        sleutel: formatTermijnApiSleutel(per('termijn')[i]!),
        ...t,
        herinnerd: herinnerd.get(formatTermijnSleutel(per('termijn')[i]!))?.personen.map((p) => p.email) ?? [],
      }));
      const volgende = linkNaarVolgende(c, pagina.laatste, lijstNaam, { peildatum });
      return c.json({ peildatum, ...json, termijnen, volgende }, 200);
    },
  );

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
      if (!paginering.ok) return fouten(c, [{ veld: paginering.veld, melding: paginering.melding }], 400);
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
      if (!resultaat.ok) return fouten(c, resultaat.fouten, 422);
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

  // A client record of the token's organisation (issue 28.3): 201 with its id, 409 when the organisation has the KvK number.
  app.openapi(
    createRoute({
      method: 'post',
      path: '/clienten',
      summary: 'Een cliënt registreren',
      request: { headers: IdempotentieKop, ...jsonBody(clientInvoer) },
      responses: {
        201: jsonAntwoord(ClientSchema, 'geregistreerd'),
        409: jsonAntwoord(FoutSchema, 'de organisatie heeft al een cliënt met dit KvK-nummer (`id`)'),
        ...BODY_FOUTEN,
      },
    }),
    (c) => {
      const invoer = c.req.valid('json');
      const actor = c.get('actor');
      const resultaat = createClient(deps.db, actor, invoer);
      if (resultaat.ok) return c.json(findClient(deps.db, actor, resultaat.id)!, 201);
      if ('bestaat' in resultaat) return c.json({ fout: `uw organisatie heeft al een cliënt met KvK-nummer ${invoer.kvk}`, id: resultaat.bestaat }, 409);
      return fouten(c, resultaat.fouten, 422);
    },
  );

  // The organisation's cases, newest first.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/zaken',
      summary: 'Zaken',
      description: 'De zaken van de organisatie, nieuwste eerst. Gepagineerd.',
      request: { query: PagineringQuery },
      responses: { 200: jsonAntwoord(ZakenAntwoord, 'een pagina zaken'), ...LIJST_FOUTEN },
    }),
    (c) => {
      const paginering = parsePaginering(c.req.query(), 'zaken');
      if (!paginering.ok) return fouten(c, [{ veld: paginering.veld, melding: paginering.melding }], 400);
      // Newest first: the key counts down from the largest id.
      const lijst = orderBySleutel(loadZaken(deps.db, c.get('actor')), (z) => String(Number.MAX_SAFE_INTEGER - z.id).padStart(16, '0'));
      const pagina = takePagina(lijst, paginering.limit, paginering.na);
      return c.json({ zaken: pagina.items, volgende: linkNaarVolgende(c, pagina.laatste, 'zaken') }, 200);
    },
  );

  // Open a case (issue 32.2): through the same createZaak as the page's button, from a term's key or from the fields.
  app.openapi(
    createRoute({
      method: 'post',
      path: '/zaken',
      summary: 'Een zaak openen',
      description:
        'Uit een termijn: `{ "termijn": "<sleutel>" }` (een beroep tegen de contracteerruimte zonder bekende cliënt ook met `zorgaanbiederId`); of met de velden van het formulier: `{ soort, tariefbeschikkingId }` of `{ soort: "beroep", contracteerruimtebesluitId, regio, jaar, zorgaanbiederId }`.',
      request: { headers: IdempotentieKop, ...jsonBody(zaakOpenenApiInvoer) },
      responses: {
        201: jsonAntwoord(ZaakSchema, 'de geopende zaak'),
        409: jsonAntwoord(FoutSchema, 'deze termijn heeft al een zaak (`id`)'),
        ...BODY_FOUTEN,
      },
    }),
    (c) => {
      const invoer = c.req.valid('json');
      const actor = c.get('actor');
      const vandaag = deps.vandaag();
      const resultaat =
        'termijn' in invoer
          ? createZaakVoorTermijn(deps.db, actor, deps.termijnen.computeVoorActor(actor, vandaag), invoer, vandaag)
          : createZaak(deps.db, actor, invoer, vandaag);
      if (resultaat.ok) return c.json(loadZaak(deps.db, actor, resultaat.id)!, 201);
      if ('bestaat' in resultaat) return c.json({ fout: 'deze termijn heeft al een zaak', id: resultaat.bestaat }, 409);
      return fouten(c, resultaat.fouten, 422);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/zaken/{id}',
      summary: 'Een zaak',
      request: { params: ZaakIdParam },
      responses: { 200: jsonAntwoord(ZaakSchema, 'de zaak'), ...NIET_GEVONDEN, ...LIJST_FOUTEN },
    }),
    (c) => {
      const zaak = loadZaak(deps.db, c.get('actor'), c.req.valid('param').id);
      return zaak ? c.json(zaak, 200) : niet(c);
    },
  );

  // Change a case (issue 32.2): each field is one of the case page's actions, through the same services, in one transaction.
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/zaken/{id}',
      summary: 'Een zaak wijzigen',
      description:
        'Verantwoordelijke, notities en herinneringsschema; ingesteld (met CBb-zaaknummer), of `status: "concept"` om dat ongedaan te maken; uitspraak (met datum `afgerond`); griffierecht-mededeling. Dezelfde controles als op de zaakpagina; alles of niets.',
      request: { params: ZaakIdParam, ...jsonBody(zaakWijzigenInvoer) },
      responses: { 200: jsonAntwoord(ZaakSchema, 'de gewijzigde zaak'), ...NIET_GEVONDEN, ...BODY_FOUTEN },
    }),
    (c) => {
      const actor = c.get('actor');
      const zaak = loadZaak(deps.db, actor, c.req.valid('param').id);
      if (!zaak) return niet(c);
      const plan = buildZaakWijzigingen(zaak, c.req.valid('json'));
      if (!plan.ok) return fouten(c, plan.fouten, 422);
      const resultaat = writeZaakWijzigingen(deps.db, actor, zaak, plan.wijzigingen, deps.vandaag());
      return resultaat.ok ? c.json(loadZaak(deps.db, actor, zaak.id)!, 200) : fouten(c, resultaat.fouten, 422);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/zaken/{id}/gebeurtenissen',
      summary: 'De tijdlijn van een zaak',
      description: 'Wat er met de zaak gebeurde (geopend, ingesteld, uitspraak, …), oudste eerst: de tijdlijn van de zaakpagina.',
      request: { params: ZaakIdParam },
      responses: { 200: jsonAntwoord(GebeurtenissenAntwoord, 'de gebeurtenissen'), ...NIET_GEVONDEN, ...LIJST_FOUTEN },
    }),
    (c) => {
      const zaak = loadZaak(deps.db, c.get('actor'), c.req.valid('param').id);
      return zaak ? c.json({ gebeurtenissen: loadTijdlijn(deps.db, zaak.id) }, 200) : niet(c);
    },
  );

  // The filing as the wizard would make it from the case's current data (issue 13, point 10): nothing is stored.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/zaken/{id}/stukken/{bestand}',
      summary: 'Een stuk als Word-bestand',
      description: 'Het stuk zoals de wizard het uit de huidige gegevens van de zaak maakt; er wordt niets opgeslagen.',
      request: {
        params: ZaakIdParam.extend({
          bestand: z
            .string()
            .openapi({ param: { name: 'bestand', in: 'path' }, description: FILING_SOORTEN.map((s) => `${s}.docx`).join(', '), example: 'clientbrief.docx' }),
        }),
        query: z.object({ dagtekening: z.string().optional().openapi({ format: 'date', description: 'de dagtekening (JJJJ-MM-DD); standaard vandaag' }) }),
      },
      responses: {
        200: { content: { [DOCX]: { schema: z.string().openapi({ format: 'binary' }) } }, description: 'het Word-bestand' },
        409: jsonAntwoord(FoutSchema, 'dit stuk past niet bij de zaak (de reden)'),
        422: jsonAntwoord(FoutSchema, 'gegevens ontbreken (`fouten`)'),
        ...NIET_GEVONDEN,
        ...LIJST_FOUTEN,
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const zaak = loadZaak(deps.db, actor, c.req.valid('param').id);
      if (!zaak) return niet(c);
      const soort = /^(.+)\.docx$/.exec(c.req.valid('param').bestand)?.[1];
      if (!soort || !(FILING_SOORTEN as readonly string[]).includes(soort)) {
        return c.json({ fout: `onbekend stuk; kies uit ${FILING_SOORTEN.map((s) => `${s}.docx`).join(', ')}` }, 404);
      }
      const vandaag = deps.vandaag();
      // The draft's date (issue 29.8): `?dagtekening=YYYY-MM-DD`, today when absent.
      const gevraagd = c.req.valid('query').dagtekening;
      if (gevraagd !== undefined && !isGeldigeIsoDatum(gevraagd)) return fouten(c, [{ veld: 'dagtekening', melding: 'geen geldige datum (JJJJ-MM-DD)' }], 400);
      const gemaakt = await renderFiling(deps.db, deps.termijnen, deps.filings, actor, zaak, soort as FilingSoort, {
        dagtekening: gevraagd ?? vandaag,
        vandaag,
        samenhang: zaak.soort === 'bezwaar',
        griffierechtTarieven: deps.griffierechtTarieven ?? [],
      });
      if (gemaakt.ok)
        return c.body(new Uint8Array(gemaakt.docx), 200, { 'Content-Type': DOCX, 'Content-Disposition': contentDisposition(gemaakt.bestandsnaam) });
      const v = gemaakt.voorbereiding;
      if (v.soort === 'geweigerd') return c.json({ fout: v.reden }, 409);
      return c.json({ fout: 'gegevens ontbreken', fouten: v.ontbrekend.map((o) => ({ veld: o.veld, melding: o.melding })) }, 422);
    },
  );

  // Webhooks (issue 32.3): plain Hono handlers behind the same middlewares, declared in the document beside them.
  app.route('/webhooks', webhookRoutes(deps));
  declareWebhookRoutes(app);

  return app;
}

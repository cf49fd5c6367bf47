import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../appContext';
import { createZaak, writeZaakWijzigingen, type ZaakWijziging } from '../../../services/zaken/zaakRegistratie';
import { loadTijdlijn, loadZaak, loadZaken, type ZaakOverzichtRij } from '../../../services/zaken/zaakOverzicht';
import { createClient, findClient } from '../../../services/zaken/clientService';
import { createZaakVoorTermijn } from '../../../services/werkweergaven/zaakVanTermijn';
import { clientInvoer } from '../../../validation/besluitInvoer';
import type { VeldFout } from '../../../validation/velden';
import { griffierechtInvoer, ingesteldInvoer, notitiesInvoer, uitspraakInvoer, zaakOpenenInvoer } from '../../../validation/zaakInvoer';
import { weigerOnbekendeZaak, weigerVeldFouten } from '../../apiMiddleware';
import {
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
  ZaakIdParam,
  ZaakSchema,
  ZakenAntwoord,
} from '../../apiSchemas';
import { linkNaarVolgende, orderBySleutel, parsePaginering, takePagina } from '../../paginering';

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

/** POST /api/v1/clienten and the cases under /api/v1/zaken (declared in the OpenAPI document). */
export function declareZakenApi(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
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
      return weigerVeldFouten(c, resultaat.fouten, 422);
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
      if (!paginering.ok) return weigerVeldFouten(c, [{ veld: paginering.veld, melding: paginering.melding }], 400);
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
      return weigerVeldFouten(c, resultaat.fouten, 422);
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
      return zaak ? c.json(zaak, 200) : weigerOnbekendeZaak(c);
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
      if (!zaak) return weigerOnbekendeZaak(c);
      const plan = buildZaakWijzigingen(zaak, c.req.valid('json'));
      if (!plan.ok) return weigerVeldFouten(c, plan.fouten, 422);
      const resultaat = writeZaakWijzigingen(deps.db, actor, zaak, plan.wijzigingen, deps.vandaag());
      return resultaat.ok ? c.json(loadZaak(deps.db, actor, zaak.id)!, 200) : weigerVeldFouten(c, resultaat.fouten, 422);
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
      return zaak ? c.json({ gebeurtenissen: loadTijdlijn(deps.db, zaak.id) }, 200) : weigerOnbekendeZaak(c);
    },
  );
}

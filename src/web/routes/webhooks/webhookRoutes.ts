import { Hono, type Context } from 'hono';
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../appContext';
import { createWebhook, deleteWebhook, hasWebhook, listLeveringen, listWebhooks } from '../../../services/webhooks/webhookService';
import { validateInvoer } from '../../formulier';
import { weigerApi } from '../../apiMiddleware';
import { BODY_FOUTEN, IdempotentieKop, jsonAntwoord, jsonBody, LIJST_FOUTEN, NIET_GEVONDEN, PagineringQuery, STANDAARD_FOUTEN } from '../../apiSchemas';
import { declareApiRoute, type ApiApp } from '../../openapi';
import { linkNaarVolgende, orderBySleutel, parsePaginering, takePagina } from '../../paginering';
import { leveringLijstSchema, webhookAangemaaktSchema, webhookIdParam, webhookInvoerSchema, webhookLijstSchema } from '../../webhookSchemas';

const idUitPad = (c: Context) => {
  const id = Number(c.req.param('id'));
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

const ONBEKEND = 'deze webhook bestaat niet of is niet van uw organisatie';

/**
 * Mounted at /api/v1/webhooks inside apiRoutes (issue 32.3), behind its JSON limits and Idempotency-Key: an
 * organisation's beheerder registers, lists and removes its endpoints and reads their deliveries. Shapes in
 * webhookSchemas.ts, declared in the OpenAPI document by `declareWebhookRoutes`; errors `{ "fout", "fouten"? }`.
 */
export function webhookRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    // The body has passed begrensJsonBody (readable JSON within the limits, Content-Type JSON).
    const v = validateInvoer(webhookInvoerSchema, await c.req.json());
    if (!v.ok) return weigerApi(c, 422, 'de webhook is niet geregistreerd', v.fouten);
    const uitkomst = createWebhook(deps.db, deps.sessieGeheim, c.get('actor'), v.data, deps.webhookBeleid);
    if (!uitkomst.ok) return weigerApi(c, 422, 'de webhook is niet geregistreerd', uitkomst.fouten);
    return c.json({ id: uitkomst.id, secret: uitkomst.secret }, 201);
  });

  app.get('/', (c) => c.json({ webhooks: listWebhooks(deps.db, c.get('actor')) }));

  app.delete('/:id', (c) => {
    const id = idUitPad(c);
    if (id === undefined || !deleteWebhook(deps.db, c.get('actor'), id)) return weigerApi(c, 404, ONBEKEND);
    return c.body(null, 204);
  });

  // Newest first, paged like every list of the API.
  app.get('/:id/leveringen', (c) => {
    const id = idUitPad(c);
    const actor = c.get('actor');
    if (id === undefined || !hasWebhook(deps.db, actor, id)) return weigerApi(c, 404, ONBEKEND);
    const lijstNaam = `webhook-leveringen:${id}`;
    const paginering = parsePaginering(c.req.query(), lijstNaam);
    if (!paginering.ok) return weigerApi(c, 400, paginering.melding, [{ veld: paginering.veld, melding: paginering.melding }]);
    const lijst = orderBySleutel(listLeveringen(deps.db, actor, { webhookId: id }), (l) => String(Number.MAX_SAFE_INTEGER - l.id).padStart(16, '0'));
    const pagina = takePagina(lijst, paginering.limit, paginering.na);
    return c.json({ leveringen: pagina.items, volgende: linkNaarVolgende(c, pagina.laatste, lijstNaam) });
  });

  return app;
}

/** The routes above in the OpenAPI document of /api/v1 (test/server/openapiContract.test.ts holds them to it). */
export function declareWebhookRoutes(api: ApiApp): void {
  declareApiRoute(
    api,
    createRoute({
      method: 'post',
      path: '/webhooks',
      summary: 'Webhook registreren',
      description:
        'Een eindpunt dat bij de gekozen gebeurtenissen een ondertekend bericht krijgt (Standard Webhooks). Alleen de beheerder, met scope `webhooks.beheren`. Het geheim staat alleen in dit antwoord.',
      request: { headers: IdempotentieKop, ...jsonBody(webhookInvoerSchema) },
      responses: { 201: jsonAntwoord(webhookAangemaaktSchema, 'geregistreerd, met het geheim'), ...BODY_FOUTEN },
    }),
  );
  declareApiRoute(
    api,
    createRoute({
      method: 'get',
      path: '/webhooks',
      summary: 'Webhooks',
      description: 'De webhooks van de organisatie.',
      responses: { 200: jsonAntwoord(webhookLijstSchema, 'de webhooks'), ...STANDAARD_FOUTEN },
    }),
  );
  declareApiRoute(
    api,
    createRoute({
      method: 'delete',
      path: '/webhooks/{id}',
      summary: 'Webhook verwijderen',
      description: 'Verwijdert de webhook met zijn leveringen; er wordt niets meer naartoe gestuurd.',
      request: { params: webhookIdParam },
      responses: { 204: { description: 'verwijderd' }, ...STANDAARD_FOUTEN, ...NIET_GEVONDEN },
    }),
  );
  declareApiRoute(
    api,
    createRoute({
      method: 'get',
      path: '/webhooks/{id}/leveringen',
      summary: 'Leveringen van een webhook',
      description:
        'Elke levering met haar uitkomst, de nieuwste eerst; `berichtId` is de kop `webhook-id` (bij elke poging dezelfde). Gepagineerd: volg `volgende`.',
      request: { params: webhookIdParam, query: PagineringQuery },
      responses: { 200: jsonAntwoord(leveringLijstSchema, 'een pagina leveringen'), ...LIJST_FOUTEN, ...NIET_GEVONDEN },
    }),
  );
}

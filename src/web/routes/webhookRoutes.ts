import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { AppDeps, AppEnv } from '../appContext';
import { createWebhook, deleteWebhook, hasWebhook, listLeveringen, listWebhooks } from '../../services/webhookService';
import { validateInvoer } from '../formulier';
import { parseJsonBegrensd } from '../verzoekGrenzen';
import { linkNaarVolgende, orderBySleutel, parsePaginering, takePagina } from '../paginering';
import type { VeldFout } from '../../validation/velden';
import { webhookInvoerSchema, type foutSchema } from './webhookSchemas';

type Fout = z.infer<typeof foutSchema>;

const weiger = (c: Context, status: 400 | 404 | 422, fout: string, fouten?: VeldFout[]) =>
  c.json({ fout, ...(fouten ? { fouten } : {}) } satisfies Fout, status);

const idUitPad = (c: Context) => {
  const id = Number(c.req.param('id'));
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

/**
 * Mounted at /api/v1/webhooks (issue 32.3): an organisation's beheerder registers, lists and removes its endpoints and
 * reads their deliveries. Shapes in webhookSchemas.ts; errors `{ "fout", "fouten"? }`.
 */
export function webhookRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    const gelezen = parseJsonBegrensd(await c.req.text(), deps.grenzen);
    if (!gelezen.ok) return weiger(c, 400, gelezen.melding);
    const v = validateInvoer(webhookInvoerSchema, gelezen.waarde);
    if (!v.ok) return weiger(c, 422, 'de webhook is niet geregistreerd', v.fouten);
    const uitkomst = createWebhook(deps.db, deps.sessieGeheim, c.get('actor'), v.data, deps.webhookBeleid);
    if (!uitkomst.ok) return weiger(c, 422, 'de webhook is niet geregistreerd', uitkomst.fouten);
    return c.json({ id: uitkomst.id, secret: uitkomst.secret }, 201);
  });

  app.get('/', (c) => c.json({ webhooks: listWebhooks(deps.db, c.get('actor')) }));

  app.delete('/:id', (c) => {
    const id = idUitPad(c);
    if (id === undefined || !deleteWebhook(deps.db, c.get('actor'), id)) return weiger(c, 404, 'deze webhook bestaat niet of is niet van uw organisatie');
    return c.body(null, 204);
  });

  // Newest first, paged like every list of the API.
  app.get('/:id/leveringen', (c) => {
    const id = idUitPad(c);
    const actor = c.get('actor');
    if (id === undefined || !hasWebhook(deps.db, actor, id)) return weiger(c, 404, 'deze webhook bestaat niet of is niet van uw organisatie');
    const lijstNaam = `webhook-leveringen:${id}`;
    const paginering = parsePaginering(c.req.query(), lijstNaam);
    if (!paginering.ok) return weiger(c, 400, paginering.melding, [{ veld: paginering.veld, melding: paginering.melding }]);
    const lijst = orderBySleutel(listLeveringen(deps.db, actor, { webhookId: id }), (l) => String(Number.MAX_SAFE_INTEGER - l.id).padStart(16, '0'));
    const pagina = takePagina(lijst, paginering.limit, paginering.na);
    return c.json({ leveringen: pagina.items, volgende: linkNaarVolgende(c, pagina.laatste, lijstNaam) });
  });

  return app;
}

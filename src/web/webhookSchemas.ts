import { z } from '@hono/zod-openapi';
import { WEBHOOK_GEBEURTENISSEN } from '../services/webhooks/webhookService';

/**
 * The shapes of /api/v1/webhooks (issue 32.3), one source for validation and for the OpenAPI document (declared in
 * webhookRoutes.ts): the request bodies are validated with these, and the answers are built to them. Errors have the
 * one shape of the API (FoutSchema in ../apiSchemas.ts).
 */

const gebeurtenis = z.enum(WEBHOOK_GEBEURTENISSEN, { error: `onbekende gebeurtenis; kies uit ${WEBHOOK_GEBEURTENISSEN.join(', ')}` });

/** POST /api/v1/webhooks. */
export const webhookInvoerSchema = z
  .object({
    url: z
      .string({ error: 'vul de URL van het eindpunt in' })
      .trim()
      .min(1, { error: 'vul de URL van het eindpunt in' })
      .max(2000, { error: 'is te lang (meer dan 2000 tekens)' }),
    events: z
      .array(gebeurtenis, { error: `een lijst gebeurtenissen, bijvoorbeeld ["termijn.nieuw", "termijn.gewijzigd"]` })
      .min(1, { error: `kies minstens één gebeurtenis: ${WEBHOOK_GEBEURTENISSEN.join(', ')}` })
      .max(WEBHOOK_GEBEURTENISSEN.length * 2),
  })
  .openapi('WebhookInvoer');

/** 201: the id and the signing secret (Standard Webhooks `whsec_…`), shown this once. */
export const webhookAangemaaktSchema = z
  .object({
    id: z.number().int().positive(),
    secret: z.string().startsWith('whsec_').openapi({ description: 'het geheim om elke levering mee te controleren (Standard Webhooks); alleen nu getoond' }),
  })
  .openapi('WebhookGeregistreerd');

export const webhookSchema = z
  .object({
    id: z.number().int().positive(),
    url: z.string(),
    events: z.array(gebeurtenis),
    aangemaaktOp: z.string(),
  })
  .openapi('Webhook');
export const webhookLijstSchema = z.object({ webhooks: z.array(webhookSchema) }).openapi('Webhooks');

/** A delivery and its outcome: `webhookId` the endpoint, `berichtId` the `webhook-id` header (the same on every attempt). */
export const leveringSchema = z
  .object({
    id: z.number().int().positive(),
    webhookId: z.number().int().positive(),
    event: gebeurtenis,
    berichtId: z.string(),
    status: z.enum(['wachtend', 'bezig', 'afgeleverd', 'onzeker', 'mislukt']),
    mogelijkDubbel: z.boolean(),
    pogingen: z.number().int().nonnegative(),
    httpStatus: z.number().int().nullable(),
    fout: z.string().nullable(),
    aangemaaktOp: z.string(),
    afgeleverdOp: z.string().nullable(),
    volgendePoging: z.string().nullable(),
  })
  .openapi('WebhookLevering');
export const leveringLijstSchema = z
  .object({
    leveringen: z.array(leveringSchema),
    volgende: z.string().nullable().openapi({ description: 'de `cursor` van de volgende pagina (ook in de kop `Link`), of null: dit was de laatste' }),
  })
  .openapi('WebhookLeveringen');

/** The id of a webhook in the path (not a positive whole number: 404, like an unknown one). */
export const webhookIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, type: 'integer', example: 1 }),
});

/** The body of every delivery (signed as sent): the event, when it was recorded, and what it is about. */
export const webhookBerichtSchema = z.object({
  type: gebeurtenis,
  timestamp: z.string(),
  data: z.record(z.string(), z.unknown()),
});

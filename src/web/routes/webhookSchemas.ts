import { z } from 'zod';
import { WEBHOOK_GEBEURTENISSEN } from '../../services/webhookService';

/**
 * The shapes of /api/v1/webhooks (issue 32.3), one source for validation and for the OpenAPI document: the request
 * bodies are validated with these, and the answers are built to them.
 */

const gebeurtenis = z.enum(WEBHOOK_GEBEURTENISSEN, { error: `onbekende gebeurtenis; kies uit ${WEBHOOK_GEBEURTENISSEN.join(', ')}` });

/** POST /api/v1/webhooks. */
export const webhookInvoerSchema = z.object({
  url: z
    .string({ error: 'vul de URL van het eindpunt in' })
    .trim()
    .min(1, { error: 'vul de URL van het eindpunt in' })
    .max(2000, { error: 'is te lang (meer dan 2000 tekens)' }),
  events: z
    .array(gebeurtenis, { error: `een lijst gebeurtenissen, bijvoorbeeld ["termijn.nieuw", "termijn.gewijzigd"]` })
    .min(1, { error: `kies minstens één gebeurtenis: ${WEBHOOK_GEBEURTENISSEN.join(', ')}` })
    .max(WEBHOOK_GEBEURTENISSEN.length * 2),
});

/** 201: the id and the signing secret (Standard Webhooks `whsec_…`), shown this once. */
export const webhookAangemaaktSchema = z.object({ id: z.number().int().positive(), secret: z.string().startsWith('whsec_') });

export const webhookSchema = z.object({
  id: z.number().int().positive(),
  url: z.string(),
  events: z.array(gebeurtenis),
  aangemaaktOp: z.string(),
});
export const webhookLijstSchema = z.object({ webhooks: z.array(webhookSchema) });

/** A delivery and its outcome: `webhookId` the endpoint, `berichtId` the `webhook-id` header (the same on every attempt). */
export const leveringSchema = z.object({
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
});
export const leveringLijstSchema = z.object({ leveringen: z.array(leveringSchema), volgende: z.string().nullable() });

/** Every refusal and error of these routes. */
export const foutSchema = z.object({
  fout: z.string(),
  fouten: z.array(z.object({ veld: z.string(), melding: z.string() })).optional(),
});

/** The body of every delivery (signed as sent): the event, when it was recorded, and what it is about. */
export const webhookBerichtSchema = z.object({
  type: gebeurtenis,
  timestamp: z.string(),
  data: z.record(z.string(), z.unknown()),
});

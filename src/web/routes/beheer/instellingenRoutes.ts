import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../appContext';
import { z } from 'zod';
import { foutenPerVeld, readFormulier, validateInvoer } from '../../formulier';
import { loadVerantwoordelijken, updateVerantwoordelijken, type Verantwoordelijken } from '../../../services/herinneringen/herinneringBeheer';
import { InvoerFout } from '../../../services/gedeeld/invoerFout';

const PNG_HANDTEKENING = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const optioneleTekst = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `is te lang (meer dan ${max} tekens)` })
    .transform((v) => (v === '' ? null : v));
const briefhoofdInvoer = z.object({
  adres: optioneleTekst(200),
  postcode: z
    .string()
    .trim()
    .refine((p) => p === '' || /^\d{4}\s?[A-Za-z]{2}$/.test(p), { error: 'vul een postcode in als 1234 AB' })
    .transform((p) => (p === '' ? null : `${p.slice(0, 4)} ${p.slice(-2).toUpperCase()}`)),
  plaats: optioneleTekst(100),
  email: z
    .string()
    .trim()
    .refine((e) => e === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e), { error: 'geen geldig e-mailadres' })
    .transform((e) => (e === '' ? null : e)),
  telefoon: optioneleTekst(40),
});
const voorkeurenInvoer = z.object({
  schema: z.string().transform((tekst, ctx) => {
    const schema = parseSchema(tekst);
    if (schema) return schema;
    ctx.addIssue({ code: 'custom', message: `"${tekst.slice(0, 40)}" is geen lijst werkdagen (bijvoorbeeld 14, 7, 3, 1, 0; hoogstens 60)` });
    return z.NEVER;
  }),
  weekoverzicht: z.string().transform((w) => w === 'ja'),
});
import { parseSchema, STANDAARD_SCHEMA } from '../../../domain/herinneringen/herinneringsmomenten';
import {
  loadInstellingen,
  loadOrganisatieLogo,
  renewAgendaToken,
  updateBriefhoofd,
  updateHerinneringVoorkeuren,
} from '../../../services/beheer/instellingenService';
import { createApiToken, listApiTokens, parseScopes, revokeApiToken, TOKEN_SCOPES } from '../../../services/toegang/apiTokenService';

import { countSessies, endEigenSessies } from '../../../services/toegang/sessieService';
import { can } from '../../../services/toegang/permissies';
import { clearSessieCookie } from '../../sessie';
import { enkel, formulierValidator } from '../../formulier';
import { paginaContext } from '../../paginaContext';
import {
  createWebhook,
  deleteWebhook,
  describeLeveringUitkomst,
  listLeveringen,
  listWebhooks,
  WEBHOOK_GEBEURTENIS_UITLEG,
  WEBHOOK_GEBEURTENISSEN,
} from '../../../services/webhooks/webhookService';
import { webhookInvoerSchema } from '../../webhookSchemas';

/** What the webhook form shows again after a refusal, or the secret right after registering. */
interface WebhookFormulier {
  nieuwGeheim?: string;
  fouten?: Record<string, string>;
  url?: string;
  events?: readonly string[];
}

/** Mounted at /instellingen: the user's reminders and calendar link, the organisation's letterhead. */
export function instellingenRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // Reads only: a GET never writes (a user without a calendar link gets a button to make one).
  function renderInstellingen(
    c: Context<AppEnv>,
    fout?: string,
    status: 200 | 413 | 422 = 200,
    briefhoofdFouten: Record<string, string> = {},
    nieuwToken?: string,
    verantwoordelijkenFouten: Record<string, string> = {},
    nieuweAgendaUrl?: string,
    webhookFormulier: WebhookFormulier = {},
  ) {
    const actor = c.get('actor');
    const g = loadInstellingen(deps.db, actor);
    return c.html(
      deps.weergave.render('instellingen', {
        ...paginaContext(c, 'instellingen'),
        titel: 'Instellingen',
        schema: g.herinneringsschema ?? STANDAARD_SCHEMA.join(', '),
        weekoverzicht: g.weekoverzicht,
        heeftAgendaLink: g.heeftAgendaLink,
        nieuweAgendaUrl,
        organisatie: g.organisatie,
        briefhoofdFouten,
        fout,
        opgeslagen: c.req.query('opgeslagen') === '1',
        magBriefhoofd: can(actor, 'organisatie.beheren'),
        verantwoordelijken: can(actor, 'organisatie.beheren')
          ? verantwoordelijkenKeuze(loadVerantwoordelijken(deps.db, actor), verantwoordelijkenFouten)
          : undefined,
        sessies: countSessies(deps.db, actor.gebruikerId),
        tokens: listApiTokens(deps.db, actor).map((t) => ({ ...t, scopes: t.scopes.split(' ').join(', ') })),
        tokenScopes: TOKEN_SCOPES,
        nieuwToken,
        webhooks: can(actor, 'webhooks.beheren')
          ? webhookContext(listWebhooks(deps.db, actor), listLeveringen(deps.db, actor, { limit: 20 }), webhookFormulier)
          : undefined,
      }),
      status,
    );
  }

  app.get('/', (c) => renderInstellingen(c));

  app.post(
    '/',
    formulierValidator(
      voorkeurenInvoer,
      (c, fouten) => renderInstellingen(c, fouten.map((f) => f.melding).join('; '), 422),
      (w) => ({ schema: enkel(w.schema) ?? '', weekoverzicht: enkel(w.weekoverzicht) ?? 'nee' }),
    ),
    (c) => {
      updateHerinneringVoorkeuren(deps.db, c.get('actor'), c.req.valid('form').invoer);
      return c.redirect('/instellingen?opgeslagen=1', 303);
    },
  );

  // The organisation's letterhead, used by every filing: address lines and a PNG logo.
  app.post('/briefhoofd', async (c) => {
    const form = await c.req.parseBody();
    const tekst = Object.fromEntries(['adres', 'postcode', 'plaats', 'email', 'telefoon'].map((k) => [k, typeof form[k] === 'string' ? form[k] : undefined]));
    const invoer = validateInvoer(briefhoofdInvoer, tekst);
    const logo = form.logo;
    const fouten: Record<string, string> = invoer.ok ? {} : foutenPerVeld(invoer.fouten);
    let logoPng: Buffer | undefined;
    if (logo instanceof File && logo.size > 0) {
      const bytes = Buffer.from(await logo.arrayBuffer());
      // Its size is bounded by MAX_UPLOAD_MB (src/web/verzoekGrenzen.ts, 413) before this runs.
      if (!bytes.subarray(0, 8).equals(PNG_HANDTEKENING)) fouten.logo = 'het logo moet een PNG-afbeelding zijn';
      else logoPng = bytes;
    }
    if (!invoer.ok || Object.keys(fouten).length) return renderInstellingen(c, 'Het briefhoofd is niet opgeslagen.', 422, fouten);
    updateBriefhoofd(deps.db, c.get('actor'), invoer.data, logoPng);
    return c.redirect('/instellingen?opgeslagen=1', 303);
  });

  // Who is reminded of the clients' terms without a case, and who hears when a reminder goes unseen (issue 14).
  app.post('/verantwoordelijken', async (c) => {
    const { waarden, fouten } = await readFormulier(c);
    const id = (veld: string) => {
      const w = enkel(waarden[veld]);
      return w === undefined || w === '' ? null : /^\d{1,9}$/.test(w) ? Number(w) : -1;
    };
    try {
      if (fouten.length) throw new InvoerFout(fouten);
      updateVerantwoordelijken(deps.db, c.get('actor'), { standaardId: id('standaard'), reserveId: id('reserve') });
    } catch (e) {
      if (!(e instanceof InvoerFout)) throw e;
      return renderInstellingen(c, 'De verantwoordelijken zijn niet opgeslagen.', 422, {}, undefined, foutenPerVeld(e.fouten));
    }
    return c.redirect('/instellingen?opgeslagen=1', 303);
  });

  // A new token revokes the old feed URL at once.
  // Only the token's hash is stored: its URL is shown once, on this answer.
  app.post('/agenda-token', (c) => {
    const token = renewAgendaToken(deps.db, c.get('actor'));
    return renderInstellingen(c, undefined, 200, {}, undefined, {}, `${deps.mail.appUrl}/agenda/${token}.ics`);
  });

  // "Overal afmelden": every session of this user ends, this browser's too.
  app.post('/overal-afmelden', (c) => {
    endEigenSessies(deps.db, c.get('actor'));
    clearSessieCookie(c, deps.beveiliging.secureCookie);
    return c.redirect('/aanmelden', 303);
  });

  // Personal API tokens: shown once, here, right after making one.
  app.post('/tokens', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const scopes = parseScopes([form.scope].flat().filter((s): s is string => typeof s === 'string'));
    if (!scopes) return renderInstellingen(c, 'Kies waarvoor het token dient: ten minste één scope.', 422);
    const actor = c.get('actor');
    const token = createApiToken(deps.db, deps.sessieGeheim, actor.gebruikerId, { naam: typeof form.naam === 'string' ? form.naam : '', scopes }, actor);
    return renderInstellingen(c, undefined, 200, {}, token);
  });

  // Webhooks (issue 32.3): the same service and checks as POST /api/v1/webhooks; the secret is shown once, here.
  app.post('/webhooks', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const url = typeof form.url === 'string' ? form.url : '';
    const events = (Array.isArray(form.events) ? form.events : [form.events]).filter((e): e is string => typeof e === 'string');
    const opnieuw = (fouten: Record<string, string>) =>
      renderInstellingen(c, 'De webhook is niet geregistreerd.', 422, {}, undefined, {}, undefined, { fouten, url, events });
    const v = validateInvoer(webhookInvoerSchema, { url, events });
    if (!v.ok) return opnieuw(foutenPerVeld(v.fouten));
    const uitkomst = createWebhook(deps.db, deps.sessieGeheim, c.get('actor'), v.data, deps.webhookBeleid);
    if (!uitkomst.ok) return opnieuw(foutenPerVeld(uitkomst.fouten));
    return renderInstellingen(c, undefined, 200, {}, undefined, {}, undefined, { nieuwGeheim: uitkomst.secret });
  });

  app.post('/webhooks/:webhookId/verwijderen', (c) => {
    const id = Number(c.req.param('webhookId'));
    if (!Number.isSafeInteger(id) || !deleteWebhook(deps.db, c.get('actor'), id)) return c.notFound();
    return c.redirect('/instellingen?opgeslagen=1#webhooks', 303);
  });

  app.post('/tokens/:tokenId/intrekken', (c) => {
    const id = Number(c.req.param('tokenId'));
    if (!Number.isSafeInteger(id) || !revokeApiToken(deps.db, c.get('actor'), id)) return c.notFound();
    return c.redirect('/instellingen?opgeslagen=1', 303);
  });

  return app;
}

/** Mounted at /organisatie: the acting organisation's letterhead logo, for the preview. */
export function organisatieRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/logo.png', (c) => {
    const logo = loadOrganisatieLogo(deps.db, c.get('actor'));
    return logo ? c.body(new Uint8Array(logo), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'private, max-age=3600' }) : c.notFound();
  });
  return app;
}

/** The webhook section of the settings page: the endpoints, the form and the latest deliveries with their outcome. */
function webhookContext(lijst: ReturnType<typeof listWebhooks>, leveringen: ReturnType<typeof listLeveringen>, formulier: WebhookFormulier) {
  const urlVan = new Map(lijst.map((w) => [w.id, w.url]));
  const gekozen = new Set(formulier.events ?? []);
  return {
    lijst,
    nieuwGeheim: formulier.nieuwGeheim,
    fouten: formulier.fouten ?? {},
    url: formulier.url ?? '',
    gebeurtenissen: WEBHOOK_GEBEURTENISSEN.map((waarde) => ({ waarde, uitleg: WEBHOOK_GEBEURTENIS_UITLEG[waarde], gekozen: gekozen.has(waarde) })),
    leveringen: leveringen.map((l) => ({ ...l, url: urlVan.get(l.webhookId) ?? '', uitkomst: describeLeveringUitkomst(l) })),
  };
}

/** The two choices of the settings page, each member marked as chosen or not. */
function verantwoordelijkenKeuze(v: Verantwoordelijken, fouten: Record<string, string>) {
  const opties = (gekozen: number | null) => v.leden.map((l) => ({ ...l, gekozen: l.id === gekozen }));
  return { standaard: opties(v.standaardId), reserve: opties(v.reserveId), geenStandaard: v.standaardId === null, fouten };
}

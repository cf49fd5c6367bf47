import { and, desc, eq, max } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { writeTransaction } from '../../db/transactie';
import { auditLog, WEBHOOK_GEBEURTENISSEN, webhookLeveringen, webhookRevisie, webhooks, webhookTermijnStand } from '../../db/schema';
import { nieuw, recordAudit } from '../gedeeld/auditService';
import { assertCan } from '../toegang/permissies';
import { ontsleutel, versleutel } from '../gedeeld/geheimen';
import type { VeldFout } from '../../validation/velden';

export type WebhookGebeurtenis = (typeof WEBHOOK_GEBEURTENISSEN)[number];
export { WEBHOOK_GEBEURTENISSEN };

/** What each event tells, in the words of the settings page. */
export const WEBHOOK_GEBEURTENIS_UITLEG: Record<WebhookGebeurtenis, string> = {
  'termijn.nieuw': 'een termijn van een cliënt is verschenen',
  'termijn.gewijzigd': 'een termijn van een cliënt is verschoven of anders geworden',
  'termijn.vervallen': 'een termijn van een cliënt is er niet meer',
  'termijn.verloopt': 'een termijn van een cliënt loopt binnen enkele werkdagen af',
  'zaak.gewijzigd': 'een zaak van uw organisatie is gewijzigd',
};

/** A delivery's outcome in one Dutch sentence (the settings page). */
export function describeLeveringUitkomst(
  l: Pick<LeveringRij, 'status' | 'mogelijkDubbel' | 'httpStatus' | 'fout' | 'volgendePoging' | 'afgeleverdOp'>,
): string {
  const dubbel = l.mogelijkDubbel ? ' (mogelijk twee keer ontvangen, met dezelfde webhook-id)' : '';
  switch (l.status) {
    case 'afgeleverd':
      return `afgeleverd${l.httpStatus ? ` (HTTP ${l.httpStatus})` : ''}${dubbel}`;
    case 'wachtend':
      return l.fout ? `mislukt: ${l.fout}; volgende poging ${l.volgendePoging ?? 'zo snel mogelijk'}${dubbel}` : 'wacht op verzending';
    case 'bezig':
      return 'wordt verstuurd';
    case 'onzeker':
      return `onzeker: ${l.fout ?? 'mogelijk ontvangen'}`;
    case 'mislukt':
      return `mislukt na alle pogingen: ${l.fout ?? 'onbekende fout'}${dubbel}`;
  }
}

/** The events told by comparing an organisation's terms before and after a write (issue 32.3). */
export const TERMIJN_WIJZIGING_GEBEURTENISSEN: readonly WebhookGebeurtenis[] = ['termijn.nieuw', 'termijn.gewijzigd', 'termijn.vervallen'];

/** Where a webhook may point (config WEBHOOK_INTERNE_ADRESSEN, NODE_ENV): checked at registration and at every delivery. */
export interface WebhookBeleid {
  /** Production: https only (unless `interneAdressen`). */
  alleenHttps: boolean;
  /** Loopback, private, link-local and unique-local addresses (and `localhost`) allowed. */
  interneAdressen: boolean;
}

const DOEL = 'webhook-geheim';

/** An IPv4 or IPv6 address that is not a public internet address: loopback, private, link-local, CGNAT, unique-local, unspecified. */
export function isInternAdres(adres: string): boolean {
  const a = adres.replace(/^\[|\]$/g, '').toLowerCase();
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
  if (v4) {
    const [x, y] = [Number(v4[1]), Number(v4[2])];
    return (
      x === 0 ||
      x === 10 ||
      x === 127 ||
      (x === 100 && y >= 64 && y <= 127) ||
      (x === 169 && y === 254) ||
      (x === 172 && y >= 16 && y <= 31) ||
      (x === 192 && y === 168) ||
      (x === 198 && (y === 18 || y === 19)) ||
      x >= 224
    );
  }
  if (isIP(a) === 6) return a === '::' || a === '::1' || /^f[cd]/.test(a) || /^fe[89ab]/.test(a) || a.startsWith('::ffff:');
  return false;
}

/** Why this URL may not be a webhook endpoint under the policy, in Dutch; undefined when it may. */
export function checkWebhookUrl(tekst: string, beleid: WebhookBeleid): string | undefined {
  let url: URL;
  try {
    url = new URL(tekst);
  } catch {
    return 'geen geldige URL; bijvoorbeeld https://systeem.example.nl/webhooks/termijnen';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'alleen een http(s)-URL';
  if (url.username || url.password) return 'geen gebruikersnaam of wachtwoord in de URL; het bericht is ondertekend';
  if (url.hash) return 'geen #-deel in de URL';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const intern = host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && isInternAdres(host));
  if (intern && !beleid.interneAdressen) return 'geen adres op het eigen of een intern netwerk (localhost, 10.x, 192.168.x, …) op deze installatie';
  if (url.protocol === 'http:' && beleid.alleenHttps && !beleid.interneAdressen) return 'alleen https op deze installatie';
  return undefined;
}

export interface WebhookRij {
  id: number;
  url: string;
  events: WebhookGebeurtenis[];
  aangemaaktOp: string;
}

export interface LeveringRij {
  id: number;
  webhookId: number;
  event: WebhookGebeurtenis;
  /** The `webhook-id` header: the same on every attempt. */
  berichtId: string;
  status: (typeof webhookLeveringen.$inferSelect)['status'];
  mogelijkDubbel: boolean;
  pogingen: number;
  httpStatus: number | null;
  fout: string | null;
  aangemaaktOp: string;
  afgeleverdOp: string | null;
  volgendePoging: string | null;
}

const parseEvents = (tekst: string) => JSON.parse(tekst) as WebhookGebeurtenis[];

/** A new Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
const createWebhookGeheim = () => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * Registers an endpoint of the actor's organisation (its beheerder) for the events: 201 with the id and the signing
 * secret, which is shown this once. Audited.
 */
export function createWebhook(
  db: Db,
  sessieGeheim: string,
  actor: Actor,
  invoer: { url: string; events: readonly WebhookGebeurtenis[] },
  beleid: WebhookBeleid,
): { ok: true; id: number; secret: string } | { ok: false; fouten: VeldFout[] } {
  assertCan(actor, 'webhooks.beheren');
  const melding = checkWebhookUrl(invoer.url, beleid);
  if (melding) return { ok: false, fouten: [{ veld: 'url', melding }] };
  const events = WEBHOOK_GEBEURTENISSEN.filter((g) => invoer.events.includes(g));
  if (events.length === 0) return { ok: false, fouten: [{ veld: 'events', melding: `kies minstens één gebeurtenis: ${WEBHOOK_GEBEURTENISSEN.join(', ')}` }] };
  const secret = createWebhookGeheim();
  const id = writeTransaction(db, (tx) => {
    // zaak.gewijzigd tells the changes from now on, not the organisation's history.
    const tot =
      tx
        .select({ id: max(auditLog.id) })
        .from(auditLog)
        .get()?.id ?? 0;
    const id = tx
      .insert(webhooks)
      .values({
        organisatieId: actor.organisatieId,
        url: invoer.url,
        gebeurtenissen: JSON.stringify(events),
        geheimVersleuteld: versleutel(sessieGeheim, DOEL, secret),
        aangemaaktDoor: actor.gebruikerId,
        zaakAuditTot: tot,
      })
      .returning({ id: webhooks.id })
      .get().id;
    recordAudit(tx, actor, {
      actie: 'webhook geregistreerd',
      onderwerp: 'webhook',
      onderwerpId: id,
      wijzigingen: nieuw({ url: invoer.url, events: events.join(', ') }),
    });
    return id;
  });
  return { ok: true, id, secret };
}

/** The organisation's webhooks, oldest first. */
export function listWebhooks(db: Db, actor: Actor): WebhookRij[] {
  assertCan(actor, 'webhooks.beheren');
  return db
    .select({ id: webhooks.id, url: webhooks.url, gebeurtenissen: webhooks.gebeurtenissen, aangemaaktOp: webhooks.aangemaaktOp })
    .from(webhooks)
    .where(eq(webhooks.organisatieId, actor.organisatieId))
    .orderBy(webhooks.id)
    .all()
    .map(({ gebeurtenissen, ...w }) => ({ ...w, events: parseEvents(gebeurtenissen) }));
}

/**
 * Removes one of the organisation's webhooks with its deliveries; false when it has none by that id (another
 * organisation's is not found either). Audited. Without a webhook left for term changes the kept terms go too, so a
 * later one starts from a fresh baseline.
 */
export function deleteWebhook(db: Db, actor: Actor, id: number): boolean {
  assertCan(actor, 'webhooks.beheren');
  return writeTransaction(db, (tx) => {
    const rij = tx
      .select()
      .from(webhooks)
      .where(and(eq(webhooks.id, id), eq(webhooks.organisatieId, actor.organisatieId)))
      .get();
    if (!rij) return false;
    tx.delete(webhooks).where(eq(webhooks.id, id)).run();
    const overig = tx
      .select({ gebeurtenissen: webhooks.gebeurtenissen })
      .from(webhooks)
      .where(eq(webhooks.organisatieId, actor.organisatieId))
      .all()
      .some((w) => parseEvents(w.gebeurtenissen).some((g) => TERMIJN_WIJZIGING_GEBEURTENISSEN.includes(g)));
    if (!overig) {
      tx.delete(webhookTermijnStand).where(eq(webhookTermijnStand.organisatieId, actor.organisatieId)).run();
      tx.delete(webhookRevisie).where(eq(webhookRevisie.organisatieId, actor.organisatieId)).run();
    }
    recordAudit(tx, actor, {
      actie: 'webhook verwijderd',
      onderwerp: 'webhook',
      onderwerpId: id,
      wijzigingen: { url: [rij.url, null], events: [parseEvents(rij.gebeurtenissen).join(', '), null] },
    });
    return true;
  });
}

/** The organisation's deliveries (of one webhook, or all; the latest `limit`), newest first, with their outcome. */
export function listLeveringen(db: Db, actor: Actor, opties: { webhookId?: number; limit?: number } = {}): LeveringRij[] {
  assertCan(actor, 'webhooks.beheren');
  return db
    .select()
    .from(webhookLeveringen)
    .where(
      and(
        eq(webhookLeveringen.organisatieId, actor.organisatieId),
        opties.webhookId === undefined ? undefined : eq(webhookLeveringen.webhookId, opties.webhookId),
      ),
    )
    .orderBy(desc(webhookLeveringen.id))
    .limit(opties.limit ?? -1)
    .all()
    .map((l) => ({
      id: l.id,
      webhookId: l.webhookId,
      event: l.gebeurtenis,
      berichtId: l.berichtId,
      status: l.status,
      mogelijkDubbel: l.mogelijkDubbel,
      pogingen: l.pogingen,
      httpStatus: l.httpStatus,
      fout: l.fout,
      aangemaaktOp: l.aangemaaktOp,
      afgeleverdOp: l.afgeleverdOp,
      volgendePoging: l.status === 'wachtend' || l.status === 'onzeker' ? new Date(l.volgendePoging).toISOString() : null,
    }));
}

/** Whether the organisation has this webhook (for a 404 that does not tell another organisation's from none). */
export function hasWebhook(db: Db, actor: Actor, id: number): boolean {
  assertCan(actor, 'webhooks.beheren');
  return (
    db
      .select({ id: webhooks.id })
      .from(webhooks)
      .where(and(eq(webhooks.id, id), eq(webhooks.organisatieId, actor.organisatieId)))
      .get() !== undefined
  );
}

/** The signing secret of a webhook, for the sender; undefined when it was made under another SESSION_SECRET. */
export function readWebhookGeheim(sessieGeheim: string, versleuteld: string): string | undefined {
  return ontsleutel(sessieGeheim, DOEL, versleuteld);
}

import { and, asc, eq, inArray, lte, ne, or, sql } from 'drizzle-orm';
import { lookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../db/verbinding';
import { onWriteCommitted, readDataRevisie, writeTransaction } from '../db/transactie';
import { webhookLeveringen, webhooks } from '../db/schema';
import { checkWebhookUrl, isInternAdres, readWebhookGeheim, type WebhookBeleid } from '../services/webhooks/webhookService';
import { acquireLease, releaseLease, type Afzender } from '../herinneringen/herinneringService';
import { PER_RONDE, signalTermijnWijzigingen, signalVerlopendeTermijnen, signalZaakWijzigingen, type SignaalDeps } from './webhookSignalen';

/**
 * Webhooks (issue 32.3): what happened is turned into deliveries in the ledger (`webhook_leveringen`) in the same
 * transaction that records having seen it, and the holder of the `webhooks` lease sends them — claim → send → record,
 * as the reminder job does. A delivery is `afgeleverd` only once the receiver's 2xx is committed; a sender that died
 * between sending and recording leaves it `bezig`, which the next lease holder marks `onzeker` and sends again with the
 * same webhook-id, so a receiver that keeps the ids it saw drops the second copy.
 */
export interface WebhookDeps extends SignaalDeps {
  sessieGeheim: string;
  beleid: WebhookBeleid;
  /** This process as sender (the lease identity). */
  afzender: Afzender;
  /** How long a receiver may take to answer. */
  timeoutMs?: number;
}

const LEASE = 'webhooks';
/** Retries after a failed attempt: 30 s, 2 min, 10 min, 1 h, 6 h; after the sixth attempt the delivery is `mislukt`. */
export const WEBHOOK_BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000] as const;
export const WEBHOOK_MAX_POGINGEN = WEBHOOK_BACKOFF_MS.length + 1;
const STANDAARD_TIMEOUT_MS = 10_000;
export interface LeverUitkomst {
  afgeleverd: number;
  opnieuw: number;
  mislukt: number;
  onzeker: number;
  geenLease?: boolean;
}

/**
 * Sends what is due, holding the `webhooks` lease: each delivery signed per Standard Webhooks (webhook-id,
 * webhook-timestamp, webhook-signature), POSTed with a time-out; a 2xx makes it `afgeleverd`, anything else is retried
 * after WEBHOOK_BACKOFF_MS and after the last attempt `mislukt`.
 */
export async function sendVerschuldigdeLeveringen(deps: WebhookDeps): Promise<LeverUitkomst> {
  const { db, afzender, klok } = deps;
  const uitkomst: LeverUitkomst = { afgeleverd: 0, opnieuw: 0, mislukt: 0, onzeker: 0 };
  if (!acquireLease(db, afzender, klok.nuMs(), LEASE)) return { ...uitkomst, geenLease: true };
  for (const [id, v] of afzender.nietVastgelegd) {
    if (recordAfgeleverd(db, afzender, id, v.messageId, v.op)) afzender.nietVastgelegd.delete(id);
  }
  // Claimed by a sender that no longer holds the lease (it died mid-send): whether it arrived is unknown.
  uitkomst.onzeker = writeTransaction(
    db,
    (tx) =>
      tx
        .update(webhookLeveringen)
        .set({
          status: 'onzeker',
          mogelijkDubbel: true,
          fout: 'het versturen is onderbroken; mogelijk ontvangen, wordt opnieuw verstuurd met dezelfde webhook-id',
        })
        .where(
          and(eq(webhookLeveringen.status, 'bezig'), or(sql`${webhookLeveringen.geclaimdDoor} IS NULL`, ne(webhookLeveringen.geclaimdDoor, afzender.eigenaar))),
        )
        .run().changes,
  );
  const verschuldigd = db
    .select({ id: webhookLeveringen.id })
    .from(webhookLeveringen)
    .where(and(inArray(webhookLeveringen.status, ['wachtend', 'onzeker']), lte(webhookLeveringen.volgendePoging, klok.nuMs())))
    .orderBy(asc(webhookLeveringen.id))
    .limit(PER_RONDE)
    .all();
  for (const { id } of verschuldigd) {
    if (!acquireLease(db, afzender, klok.nuMs(), LEASE)) return { ...uitkomst, geenLease: true };
    const nu = klok.nuMs();
    const geclaimd = writeTransaction(db, (tx) => {
      const rij = tx.select().from(webhookLeveringen).where(eq(webhookLeveringen.id, id)).get();
      if (!rij || (rij.status !== 'wachtend' && rij.status !== 'onzeker')) return undefined;
      tx.update(webhookLeveringen)
        .set({ status: 'bezig', geclaimdDoor: afzender.eigenaar, geclaimdOp: nu, pogingen: rij.pogingen + 1 })
        .where(eq(webhookLeveringen.id, id))
        .run();
      const webhook = tx.select().from(webhooks).where(eq(webhooks.id, rij.webhookId)).get();
      return webhook && { rij: { ...rij, pogingen: rij.pogingen + 1 }, webhook };
    });
    if (!geclaimd) continue;
    const { rij, webhook } = geclaimd;
    const geheim = readWebhookGeheim(deps.sessieGeheim, webhook.geheimVersleuteld);
    const bezwaar = checkWebhookUrl(webhook.url, deps.beleid);
    const antwoord = !geheim
      ? { fout: 'het geheim van deze webhook is niet te lezen (is SESSION_SECRET veranderd?); verwijder de webhook en registreer hem opnieuw' }
      : bezwaar
        ? { fout: `adres geweigerd: ${bezwaar}` }
        : await postSigned(webhook.url, rij.berichtId, rij.payload, geheim, deps);
    if (antwoord.status !== undefined && antwoord.status >= 200 && antwoord.status < 300) {
      const op = new Date(klok.nuMs()).toISOString();
      if (!recordAfgeleverd(db, afzender, id, String(antwoord.status), op)) afzender.nietVastgelegd.set(id, { messageId: String(antwoord.status), op });
      uitkomst.afgeleverd++;
      continue;
    }
    const fout = antwoord.fout ?? `de ontvanger antwoordde HTTP ${antwoord.status}`;
    const mislukt = rij.pogingen >= WEBHOOK_MAX_POGINGEN;
    writeTransaction(db, (tx) =>
      tx
        .update(webhookLeveringen)
        .set({
          status: mislukt ? 'mislukt' : 'wachtend',
          fout,
          httpStatus: antwoord.status ?? null,
          volgendePoging: mislukt ? 0 : klok.nuMs() + WEBHOOK_BACKOFF_MS[rij.pogingen - 1]!,
        })
        .where(and(eq(webhookLeveringen.id, id), eq(webhookLeveringen.geclaimdDoor, afzender.eigenaar)))
        .run(),
    );
    if (mislukt) uitkomst.mislukt++;
    else uitkomst.opnieuw++;
  }
  return uitkomst;
}

/** `afgeleverd`, committed; false when the database would not take it (kept in memory, recorded next round). */
function recordAfgeleverd(db: Db, afzender: Afzender, id: number, httpStatus: string, op: string): boolean {
  try {
    writeTransaction(db, (tx) =>
      tx
        .update(webhookLeveringen)
        .set({ status: 'afgeleverd', afgeleverdOp: op, httpStatus: Number(httpStatus), fout: null })
        .where(and(eq(webhookLeveringen.id, id), eq(webhookLeveringen.status, 'bezig'), eq(webhookLeveringen.geclaimdDoor, afzender.eigenaar)))
        .run(),
    );
    return true;
  } catch (e) {
    console.error(`Webhook delivery ${id} was accepted but could not be recorded yet: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

/**
 * POSTs the payload with the Standard Webhooks headers; no redirects followed. Under a policy without internal
 * addresses a host name that resolves to one is refused at connect time (no DNS rebinding past the URL check).
 */
function postSigned(url: string, berichtId: string, payload: string, geheim: string, deps: WebhookDeps): Promise<{ status?: number; fout?: string }> {
  const tijdstip = new Date(deps.klok.nuMs());
  const handtekening = new Webhook(geheim).sign(berichtId, tijdstip, payload);
  const doel = new URL(url);
  const opties: RequestOptions = {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(payload),
      'User-Agent': 'Termijnbewaking-Webhooks/1',
      'webhook-id': berichtId,
      'webhook-timestamp': String(Math.floor(tijdstip.getTime() / 1000)),
      'webhook-signature': handtekening,
    },
    timeout: deps.timeoutMs ?? STANDAARD_TIMEOUT_MS,
    ...(deps.beleid.interneAdressen ? {} : { lookup: lookupExtern }),
  };
  return new Promise((resolve) => {
    const verzoek = (doel.protocol === 'https:' ? httpsRequest : httpRequest)(doel, opties, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0 }));
    });
    verzoek.on('timeout', () => verzoek.destroy(new Error('geen antwoord binnen de tijd')));
    verzoek.on('error', (e) => resolve({ fout: `niet bereikbaar: ${e.message}` }));
    verzoek.end(payload);
  });
}

/** dns.lookup that refuses internal addresses (see WebhookBeleid). */
const lookupExtern: NonNullable<RequestOptions['lookup']> = (hostname, options, terug) => {
  lookup(hostname, { ...options, all: true }, (err, adressen: LookupAddress[]) => {
    if (err) return terug(err, '', 4);
    if (adressen.length === 0 || adressen.some((a) => isInternAdres(a.address))) return terug(new Error(`${hostname} wijst naar een intern adres`), '', 4);
    if ((options as { all?: boolean }).all) return (terug as unknown as (e: null, a: LookupAddress[]) => void)(null, adressen);
    return terug(null, adressen[0]!.address, adressen[0]!.family);
  });
};

/**
 * The background job: a round tells what changed and sends what is due, at start (after `eersteRondeNaMs`), every
 * `intervalMs`, and soon after a write by this process that moved the data revision or the audit log (a write of the
 * ledger itself moves neither, so a round never triggers the next).
 */
export function startWebhookJob(deps: WebhookDeps, intervalMs: number, opties: { eersteRondeNaMs?: number } = {}) {
  let bezig: Promise<void> | undefined;
  let nogmaals = false;
  const stand: { laatsteRonde: string | null; uitkomst: 'afgeleverd' | 'niets-te-versturen' | 'geen-lease' | 'fout' | null } = {
    laatsteRonde: null,
    uitkomst: null,
  };
  const ronde = (): Promise<void> => {
    if (bezig) {
      nogmaals = true;
      return bezig;
    }
    bezig = (async () => {
      try {
        // Only the lease holder tells and sends: one server does the work.
        if (!acquireLease(deps.db, deps.afzender, deps.klok.nuMs(), LEASE)) {
          stand.uitkomst = 'geen-lease';
          return;
        }
        signalTermijnWijzigingen(deps);
        signalZaakWijzigingen(deps);
        signalVerlopendeTermijnen(deps);
        const u = await sendVerschuldigdeLeveringen(deps);
        stand.uitkomst = u.geenLease ? 'geen-lease' : u.afgeleverd ? 'afgeleverd' : 'niets-te-versturen';
        if (u.afgeleverd || u.mislukt || u.onzeker || u.opnieuw) console.log(`webhooks: ${JSON.stringify(u)}`);
      } catch (e) {
        stand.uitkomst = 'fout';
        console.error('Webhook job failed:', e);
      } finally {
        stand.laatsteRonde = new Date(deps.klok.nuMs()).toISOString();
        bezig = undefined;
        if (nogmaals) {
          nogmaals = false;
          void ronde();
        }
      }
    })();
    return bezig;
  };
  let gezien = { revisie: -1, audit: -1 };
  const leesStand = () => ({
    revisie: readDataRevisie(deps.db),
    audit: (deps.db.$client.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null) ?? 0,
  });
  let gestopt = false;
  let gepland: NodeJS.Timeout | undefined;
  onWriteCommitted(deps.db, () => {
    if (gestopt || gepland || !deps.db.$client.open) return;
    const nu = leesStand();
    if (nu.revisie === gezien.revisie && nu.audit === gezien.audit) return;
    gezien = nu;
    gepland = setTimeout(() => {
      gepland = undefined;
      void ronde();
    }, 0);
    gepland.unref();
  });
  const timer = setInterval(() => void ronde(), intervalMs);
  timer.unref();
  const eerste = setTimeout(() => void ronde(), opties.eersteRondeNaMs ?? 0);
  eerste.unref();
  return {
    ronde,
    stand: () => ({ ...stand }),
    async stop() {
      gestopt = true;
      clearTimeout(eerste);
      clearTimeout(gepland);
      clearInterval(timer);
      await bezig;
      releaseLease(deps.db, deps.afzender, LEASE);
    },
  };
}

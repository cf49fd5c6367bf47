import { and, asc, eq, gt, inArray, lte, max, ne, or, sql } from 'drizzle-orm';
import { lookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../db/verbinding';
import { onWriteCommitted, readDataRevisie, writeTransaction } from '../db/transactie';
import { auditLog, gebruikers, webhookLeveringen, webhookRevisie, webhooks, webhookTermijnStand, zaken } from '../db/schema';
import type { Termijn } from '../domain/termijnen/termijn';
import { toTermijnKernJson } from '../domain/termijnen/termijnUitkomstJson';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import { werkdagenNa } from '../domain/herinneringen/herinneringsmomenten';
import type { TermijnService } from '../services/termijnen/termijnService';
import { formatTermijnSleutel } from '../services/werkweergaven/termijnWerk';
import { loadActor } from '../services/toegang/actorService';
import {
  checkWebhookUrl,
  isInternAdres,
  readWebhookGeheim,
  TERMIJN_WIJZIGING_GEBEURTENISSEN,
  type WebhookBeleid,
  type WebhookGebeurtenis,
} from '../services/webhooks/webhookService';
import { acquireLease, releaseLease, type Afzender, type Klok } from '../herinneringen/herinneringService';
import { createClientTermijnFilter } from '../herinneringen/openTermijnen';

/**
 * Webhooks (issue 32.3): what happened is turned into deliveries in the ledger (`webhook_leveringen`) in the same
 * transaction that records having seen it, and the holder of the `webhooks` lease sends them — claim → send → record,
 * as the reminder job does. A delivery is `afgeleverd` only once the receiver's 2xx is committed; a sender that died
 * between sending and recording leaves it `bezig`, which the next lease holder marks `onzeker` and sends again with the
 * same webhook-id, so a receiver that keeps the ids it saw drops the second copy.
 */
export interface WebhookDeps {
  db: Db;
  termijnen: TermijnService;
  sessieGeheim: string;
  beleid: WebhookBeleid;
  klok: Klok;
  /** This process as sender (the lease identity). */
  afzender: Afzender;
  /** termijn.verloopt: a term that ends within this many working days. */
  verlooptWerkdagen: number;
  /** How long a receiver may take to answer. */
  timeoutMs?: number;
}

const LEASE = 'webhooks';
/** Retries after a failed attempt: 30 s, 2 min, 10 min, 1 h, 6 h; after the sixth attempt the delivery is `mislukt`. */
export const WEBHOOK_BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000] as const;
export const WEBHOOK_MAX_POGINGEN = WEBHOOK_BACKOFF_MS.length + 1;
const STANDAARD_TIMEOUT_MS = 10_000;
const PER_RONDE = 200;

type WebhookRij = typeof webhooks.$inferSelect;
type Tx = Parameters<Parameters<typeof writeTransaction>[1]>[0];

const eventsVan = (w: WebhookRij) => JSON.parse(w.gebeurtenissen) as WebhookGebeurtenis[];

/** The organisation's webhooks, by organisation, that subscribe to one of `gebeurtenissen`. */
function loadAbonnementen(db: Db, gebeurtenissen: readonly WebhookGebeurtenis[]): Map<number, WebhookRij[]> {
  const perOrganisatie = new Map<number, WebhookRij[]>();
  for (const w of db.select().from(webhooks).orderBy(asc(webhooks.id)).all()) {
    if (!eventsVan(w).some((g) => gebeurtenissen.includes(g))) continue;
    perOrganisatie.set(w.organisatieId, [...(perOrganisatie.get(w.organisatieId) ?? []), w]);
  }
  return perOrganisatie;
}

/** A ledger row for every webhook of `abonnees` that subscribes to the event; the same `sleutel` twice is ignored. */
function insertLeveringen(tx: Tx, abonnees: readonly WebhookRij[], gebeurtenis: WebhookGebeurtenis, sleutel: string, data: unknown, nu: number): number {
  let aantal = 0;
  for (const w of abonnees) {
    if (!eventsVan(w).includes(gebeurtenis)) continue;
    const payload = JSON.stringify({ type: gebeurtenis, timestamp: new Date(nu).toISOString(), data });
    aantal += tx
      .insert(webhookLeveringen)
      .values({
        webhookId: w.id,
        organisatieId: w.organisatieId,
        gebeurtenis,
        sleutel,
        berichtId: `msg_${randomBytes(16).toString('base64url')}`,
        payload,
        volgendePoging: nu,
      })
      .onConflictDoNothing()
      .run().changes;
  }
  return aantal;
}

/** A term as a webhook tells it: the API's identity and dates, and the doubt (GET /api/v1/termijnen has the whole explanation). */
const toWebhookTermijn = (t: Termijn) => ({ ...toTermijnKernJson(t), besluitType: t.besluitType, ...(t.twijfel ? { twijfel: t.twijfel } : {}) });

type StandTermijn = { termijn: Termijn; einde: IsoDatum; gegevens: string };

/** The organisation's clients' terms of one cell (createClientTermijnFilter, the reminders' rule), each under a stable key. */
function collectCelTermijnen(termijnen: readonly Termijn[], isVanClient: (t: Termijn) => boolean, uit: Map<string, StandTermijn>): void {
  for (const t of termijnen) {
    if (!isVanClient(t)) continue;
    const basis = `${formatTermijnSleutel(t)}|${t.soort}|${t.regel}`;
    let sleutel = basis;
    for (let n = 2; uit.has(sleutel); n++) sleutel = `${basis}#${n}`;
    uit.set(sleutel, { termijn: t, einde: t.einde, gegevens: JSON.stringify({ sleutel, ...toWebhookTermijn(t) }) });
  }
}

/** The organisation's result as its members see it (any member: they all see the same); never another organisation's. */
function computeVoorOrganisatie(db: Db, termijnen: TermijnService, organisatieId: number, vandaag: IsoDatum) {
  const lid = db.select({ id: gebruikers.id }).from(gebruikers).where(eq(gebruikers.organisatieId, organisatieId)).orderBy(asc(gebruikers.id)).get();
  const actor = lid && loadActor(db, lid.id);
  if (!actor || actor.organisatieId !== organisatieId) return undefined;
  return termijnen.computeVoorActor(actor, vandaag);
}

/** Every client term of the organisation (all cells): what a full comparison reads. */
export function loadClientTermijnen(db: Db, termijnen: TermijnService, organisatieId: number, vandaag: IsoDatum) {
  const berekend = computeVoorOrganisatie(db, termijnen, organisatieId, vandaag);
  if (!berekend) return undefined;
  const isVanClient = createClientTermijnFilter(berekend);
  const uit = new Map<string, StandTermijn>();
  for (const { regio, jaar } of berekend.cellen) collectCelTermijnen(berekend.cel(regio, jaar)!.termijnen, isVanClient, uit);
  return uit;
}

/**
 * What this process last compared per organisation: each cell's result object (the term service keeps it while the
 * cell's input is unchanged) at a data revision. A pass compares only the cells whose result changed since, unless the
 * stored revision is not the one this process wrote (another process compared in between) or the clients changed.
 */
interface Vergeleken {
  dataRevisie: number;
  clienten: number;
  cellen: Map<string, object>;
}
const vergeleken = new WeakMap<TermijnService, Map<number, Vergeleken>>();

/**
 * termijn.nieuw, .gewijzigd and .vervallen: per organisation with such a webhook, its clients' terms now against what
 * its webhooks last saw (`webhook_termijn_stand`), in one transaction with the deliveries — only the cells a write
 * changed, after the first pass of a process. The first pass for an organisation only records what there is. A pass at
 * a data revision already seen does nothing, so two servers never tell one change twice.
 */
export function signalTermijnWijzigingen(deps: WebhookDeps): number {
  const { db } = deps;
  let geheugen = vergeleken.get(deps.termijnen);
  if (!geheugen) vergeleken.set(deps.termijnen, (geheugen = new Map()));
  let aantal = 0;
  for (const [organisatieId, abonnees] of loadAbonnementen(db, TERMIJN_WIJZIGING_GEBEURTENISSEN)) {
    const revisie = readDataRevisie(db);
    const gezien = db.select().from(webhookRevisie).where(eq(webhookRevisie.organisatieId, organisatieId)).get();
    if (gezien && gezien.dataRevisie >= revisie) continue;
    const berekend = computeVoorOrganisatie(db, deps.termijnen, organisatieId, deps.klok.vandaag());
    if (!berekend) continue;
    const isVanClient = createClientTermijnFilter(berekend);
    const clienten = new Set([...berekend.tariefbeschikkingen.values()].map((t) => t.zorgaanbieder)).size;
    const cellen = new Map(berekend.cellen.map(({ regio, jaar }) => [`${regio}\u0000${jaar}`, berekend.cel(regio, jaar)!]));
    const vorig = geheugen.get(organisatieId);
    // Which cells to compare: all, or those whose result is another object than last time (or that came or went).
    const alles = !gezien || !vorig || vorig.dataRevisie !== gezien.dataRevisie || vorig.clienten !== clienten;
    const teVergelijken = alles
      ? undefined
      : [...new Set([...cellen.keys(), ...vorig.cellen.keys()])].filter((k) => cellen.get(k)?.bron !== vorig.cellen.get(k));
    const nu = new Map<string, StandTermijn>();
    const vergelijkSet = teVergelijken && new Set(teVergelijken);
    for (const [k, cel] of cellen) if (!vergelijkSet || vergelijkSet.has(k)) collectCelTermijnen(cel.termijnen, isVanClient, nu);
    const tijd = deps.klok.nuMs();
    aantal += writeTransaction(db, (tx) => {
      const vorige = tx.select().from(webhookRevisie).where(eq(webhookRevisie.organisatieId, organisatieId)).get();
      if (vorige && vorige.dataRevisie >= revisie) return 0;
      if (vorige?.dataRevisie !== gezien?.dataRevisie) return 0; // another process compared meanwhile: the next pass
      const standVan = (regio?: string, jaar?: number) =>
        tx
          .select()
          .from(webhookTermijnStand)
          .where(
            and(
              eq(webhookTermijnStand.organisatieId, organisatieId),
              regio === undefined ? undefined : eq(webhookTermijnStand.regio, regio),
              jaar === undefined ? undefined : eq(webhookTermijnStand.jaar, jaar),
            ),
          )
          .all();
      const oudeRijen = teVergelijken
        ? teVergelijken.flatMap((k) => {
            const [regio, jaar] = k.split('\u0000') as [string, string];
            return standVan(regio, Number(jaar));
          })
        : standVan();
      const oud = new Map(oudeRijen.map((r) => [r.sleutel, r]));
      let gemaakt = 0;
      const zet = (sleutel: string, t: StandTermijn) =>
        tx
          .insert(webhookTermijnStand)
          .values({ organisatieId, sleutel, regio: t.termijn.regio, jaar: t.termijn.jaar, einde: t.einde, gegevens: t.gegevens })
          .onConflictDoUpdate({
            target: [webhookTermijnStand.organisatieId, webhookTermijnStand.sleutel],
            set: { regio: t.termijn.regio, jaar: t.termijn.jaar, einde: t.einde, gegevens: t.gegevens },
          })
          .run();
      for (const [sleutel, n] of nu) {
        const o = oud.get(sleutel);
        if (o?.gegevens === n.gegevens) continue;
        zet(sleutel, n);
        if (!vorige) continue; // the baseline: nothing is told
        const termijn = JSON.parse(n.gegevens) as unknown;
        gemaakt += o
          ? insertLeveringen(tx, abonnees, 'termijn.gewijzigd', `termijn.gewijzigd:${revisie}:${sleutel}`, { termijn, vorig: JSON.parse(o.gegevens) }, tijd)
          : insertLeveringen(tx, abonnees, 'termijn.nieuw', `termijn.nieuw:${revisie}:${sleutel}`, { termijn }, tijd);
      }
      for (const [sleutel, o] of oud) {
        if (nu.has(sleutel)) continue;
        tx.delete(webhookTermijnStand)
          .where(and(eq(webhookTermijnStand.organisatieId, organisatieId), eq(webhookTermijnStand.sleutel, sleutel)))
          .run();
        if (vorige)
          gemaakt += insertLeveringen(tx, abonnees, 'termijn.vervallen', `termijn.vervallen:${revisie}:${sleutel}`, { termijn: JSON.parse(o.gegevens) }, tijd);
      }
      tx.insert(webhookRevisie)
        .values({ organisatieId, dataRevisie: revisie })
        .onConflictDoUpdate({ target: webhookRevisie.organisatieId, set: { dataRevisie: revisie } })
        .run();
      geheugen.set(organisatieId, { dataRevisie: revisie, clienten, cellen: new Map([...cellen].map(([k, c]) => [k, c.bron])) });
      return gemaakt;
    });
  }
  return aantal;
}

const verlooptGedaan = new WeakMap<TermijnService, Map<number, string>>();

/** termijn.verloopt: once per term and last day, when that day is today or within `verlooptWerkdagen` working days. */
export function signalVerlopendeTermijnen(deps: WebhookDeps): number {
  const { db } = deps;
  const vandaag = deps.klok.vandaag();
  const grens = werkdagenNa(vandaag, deps.verlooptWerkdagen, deps.termijnen.config.kalender);
  let aantal = 0;
  // Nothing to tell again on the same day at the same data revision with the same webhooks: only the clock is checked.
  let gedaan = verlooptGedaan.get(deps.termijnen);
  if (!gedaan) verlooptGedaan.set(deps.termijnen, (gedaan = new Map()));
  const revisie = readDataRevisie(db);
  for (const [organisatieId, abonnees] of loadAbonnementen(db, ['termijn.verloopt'])) {
    const stand = `${vandaag}|${revisie}|${abonnees.map((w) => w.id).join(',')}`;
    if (gedaan.get(organisatieId) === stand) continue;
    const termijnen = loadClientTermijnen(db, deps.termijnen, organisatieId, vandaag);
    if (!termijnen) continue;

    const binnenkort = [...termijnen].filter(([, t]) => t.einde >= vandaag && t.einde <= grens);
    if (binnenkort.length === 0) {
      gedaan.set(organisatieId, stand);
      continue;
    }
    const tijd = deps.klok.nuMs();
    aantal += writeTransaction(db, (tx) => {
      let gemaakt = 0;
      for (const [sleutel, t] of binnenkort) {
        gemaakt += insertLeveringen(
          tx,
          abonnees,
          'termijn.verloopt',
          `termijn.verloopt:${t.einde}:${sleutel}`,
          { termijn: JSON.parse(t.gegevens), werkdagen: deps.verlooptWerkdagen },
          tijd,
        );
      }
      return gemaakt;
    });
    gedaan.set(organisatieId, stand);
  }
  return aantal;
}

/**
 * zaak.gewijzigd: every audit entry about one of the organisation's own cases after the webhook's mark, with the
 * action and the fields it changed (not their values: the API's /zaken has them).
 */
export function signalZaakWijzigingen(deps: WebhookDeps): number {
  const { db } = deps;
  let aantal = 0;
  for (const abonnees of loadAbonnementen(db, ['zaak.gewijzigd']).values()) {
    for (const w of abonnees) {
      const tijd = deps.klok.nuMs();
      aantal += writeTransaction(db, (tx) => {
        const huidig = tx.select({ tot: webhooks.zaakAuditTot }).from(webhooks).where(eq(webhooks.id, w.id)).get();
        if (!huidig) return 0;
        const laatste =
          tx
            .select({ id: max(auditLog.id) })
            .from(auditLog)
            .get()?.id ?? 0;
        if (laatste <= huidig.tot) return 0;
        const rijen = tx
          .select({ id: auditLog.id, op: auditLog.op, actie: auditLog.actie, zaakId: auditLog.onderwerpId, wijzigingen: auditLog.wijzigingen })
          .from(auditLog)
          .innerJoin(zaken, eq(zaken.id, auditLog.onderwerpId))
          .where(and(gt(auditLog.id, huidig.tot), lte(auditLog.id, laatste), eq(auditLog.onderwerp, 'zaak'), eq(zaken.organisatieId, w.organisatieId)))
          .orderBy(asc(auditLog.id))
          .limit(PER_RONDE)
          .all();
        let gemaakt = 0;
        for (const r of rijen) {
          const velden = Object.keys(JSON.parse(r.wijzigingen) as Record<string, unknown>);
          gemaakt += insertLeveringen(tx, [w], 'zaak.gewijzigd', `zaak.gewijzigd:${r.id}`, { zaak: r.zaakId, actie: r.actie, velden, op: r.op }, tijd);
        }
        const tot = rijen.length === PER_RONDE ? rijen[rijen.length - 1]!.id : laatste;
        tx.update(webhooks).set({ zaakAuditTot: tot }).where(eq(webhooks.id, w.id)).run();
        return gemaakt;
      });
    }
  }
  return aantal;
}

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

import { and, asc, eq, gt, lte, max } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/verbinding';
import { readDataRevisie, writeTransaction } from '../db/transactie';
import { auditLog, gebruikers, webhookLeveringen, webhookRevisie, webhooks, webhookTermijnStand, zaken } from '../db/schema';
import type { Termijn } from '../domain/termijnen/termijn';
import { toTermijnKernJson } from '../domain/termijnen/termijnUitkomstJson';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import { werkdagenNa } from '../domain/herinneringen/herinneringsmomenten';
import type { TermijnService } from '../services/termijnen/termijnService';
import { formatTermijnSleutel } from '../services/termijnen/termijnSleutel';
import { loadActor } from '../services/toegang/actorService';
import { TERMIJN_WIJZIGING_GEBEURTENISSEN, type WebhookGebeurtenis } from '../services/webhooks/webhookService';
import type { Klok } from '../herinneringen/herinneringService';
import { createClientTermijnFilter } from '../services/herinneringen/openTermijnen';

// What happened, told as webhook deliveries (issue 32.3): term changes, terms about to end and case changes become rows
// of the ledger (`webhook_leveringen`) in the transaction that records having seen them. webhookJob.ts sends them.

/** What telling what happened needs: the data, the term service, the clock and the horizon of termijn.verloopt. */
export interface SignaalDeps {
  db: Db;
  termijnen: TermijnService;
  klok: Klok;
  /** termijn.verloopt: a term that ends within this many working days. */
  verlooptWerkdagen: number;
}

export const PER_RONDE = 200;

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
export function signalTermijnWijzigingen(deps: SignaalDeps): number {
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
export function signalVerlopendeTermijnen(deps: SignaalDeps): number {
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
export function signalZaakWijzigingen(deps: SignaalDeps): number {
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

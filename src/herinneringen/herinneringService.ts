import { and, eq, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/verbinding';
import { writeTransaction } from '../db/transactie';
import { gebruikers, herinneringen, verzendLease } from '../db/schema';
import { computeHerinneringsmomenten, selectTeVersturen, werkdagenVoor } from '../domain/herinneringen/herinneringsmomenten';
import { addDagen, weekdagVan, type IsoDatum } from '../domain/kalender/kalenderdatum';
import type { MailConfig } from '../mail/mailConfig';
import type { Verzender } from '../mail/verzender';
import type { TermijnService } from '../services/termijnen/termijnService';
import { loadStukTeHerinneren, loadTeHerinneren, type StukTeHerinneren, type TeHerinneren } from '../services/herinneringen/openTermijnen';

import { composeMail } from './herinneringBericht';
export interface Klok {
  vandaag(): IsoDatum;
  nuMs(): number;
}

export interface HerinneringDeps {
  db: Db;
  termijnen: TermijnService;
  verzender: Verzender;
  mail: MailConfig;
  klok: Klok;
  /** This process as sender: who holds the lease. One per process (or per test "instance"). */
  afzender?: Afzender;
}

/** A sender: its lease identity and what it sent but could not yet record (a database lock right after SMTP). */
export interface Afzender {
  eigenaar: string;
  leaseMs: number;
  nietVastgelegd: Map<number, { messageId: string; op: string }>;
}

export function createAfzender(leaseMs = STANDAARD_LEASE_MS): Afzender {
  return { eigenaar: `${hostname()}:${process.pid}:${randomBytes(6).toString('hex')}`, leaseMs, nietVastgelegd: new Map() };
}

export const STANDAARD_LEASE_MS = 120_000;
const LEASE = 'herinneringen';
// Working days before the last day on which an unseen reminder escalates to the backup and the beheerders (issue 14).
export const ESCALATIE_WERKDAGEN = 2;
// An escalation held back because the first reminder went out only today is looked at again after this.
const ESCALATIE_WACHT_MS = 3 * 3600_000;

// SMTP failures are retried after 1 min, 5 min, 30 min and 2 h; after the last attempt the failure shows in the app.
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000] as const;
export const MAX_POGINGEN = BACKOFF_MS.length + 1;

const processAfzender = createAfzender();
const afzenderVan = (deps: HerinneringDeps) => deps.afzender ?? processAfzender;

/**
 * The lease: one row, held by one sender until it expires. Taken when free or expired, renewed by its holder; a single
 * conditional upsert, so two processes on one file can never both hold it. Returns whether `afzender` holds it now.
 * `naam`: one row per job (the reminders; the webhook sender and the watcher of the official sources hold their own).
 */
export function acquireLease(db: Db, afzender: Afzender, nu: number, naam: string = LEASE): boolean {
  return writeTransaction(
    db,
    (tx) =>
      tx
        .insert(verzendLease)
        .values({ naam, eigenaar: afzender.eigenaar, verlooptOp: nu + afzender.leaseMs })
        .onConflictDoUpdate({
          target: verzendLease.naam,
          set: { eigenaar: afzender.eigenaar, verlooptOp: nu + afzender.leaseMs },
          setWhere: or(eq(verzendLease.eigenaar, afzender.eigenaar), lte(verzendLease.verlooptOp, nu)),
        })
        .run().changes === 1,
  );
}

/** Gives the lease up (a clean stop), so another server can send at once. */
export function releaseLease(db: Db, afzender: Afzender, naam: string = LEASE): void {
  writeTransaction(db, (tx) =>
    tx
      .delete(verzendLease)
      .where(and(eq(verzendLease.naam, naam), eq(verzendLease.eigenaar, afzender.eigenaar)))
      .run(),
  );
}

type Rij = typeof herinneringen.$inferInsert;

/**
 * Brings the ledger in line with the open terms: a row per reminder moment of every open term for its responsible
 * person, and an escalation row for the backup and the beheerders. A moved date or changed schedule makes the old
 * pending rows `vervallen`; a date that moves back revives them (they are `gepland` again, so they are sent).
 */
export function planHerinneringen(deps: HerinneringDeps): { gepland: number; hersteld: number; vervallen: number } {
  const { db, termijnen, klok } = deps;
  const vandaag = klok.vandaag();
  const gewenst = new Map<string, Rij>();
  // Every open term (case or not) and every term a filing left behind (issue 13): the same moments, the same escalation.
  const teHerinneren: (TeHerinneren | StukTeHerinneren)[] = [
    ...loadTeHerinneren(db, termijnen, vandaag),
    ...loadStukTeHerinneren(db, vandaag, termijnen.config.kalender),
  ];
  for (const o of teHerinneren) {
    const basis = { termijn: o.termijnSleutel, organisatieId: o.organisatieId, zaakId: o.zaak?.id ?? null, einde: o.termijn.einde };
    for (const m of computeHerinneringsmomenten(o.termijn.einde, o.schema, termijnen.config.kalender)) {
      for (const p of o.ontvangers.personen) {
        const sleutel = `h:${o.termijnSleutel}:u${p.id}:e${o.termijn.einde}:w${m.werkdagenVooraf}`;
        gewenst.set(sleutel, { sleutel, soort: 'herinnering', gebruikerId: p.id, werkdagenVooraf: m.werkdagenVooraf, moment: m.datum, ...basis });
      }
    }
    const moment = werkdagenVoor(o.termijn.einde, ESCALATIE_WERKDAGEN, termijnen.config.kalender);
    for (const p of o.escalatie) {
      const sleutel = `x:${o.termijnSleutel}:u${p.id}:e${o.termijn.einde}`;
      gewenst.set(sleutel, { sleutel, soort: 'escalatie', gebruikerId: p.id, werkdagenVooraf: ESCALATIE_WERKDAGEN, moment, ...basis });
    }
  }
  const maandag = addDagen(vandaag, 1 - weekdagVan(vandaag));
  for (const g of db.select({ id: gebruikers.id }).from(gebruikers).where(eq(gebruikers.weekoverzicht, true)).all()) {
    const sleutel = `w:u${g.id}:${maandag}`;
    gewenst.set(sleutel, { sleutel, soort: 'weekoverzicht', gebruikerId: g.id, moment: maandag });
  }
  return writeTransaction(db, (tx) => {
    let gepland = 0;
    let hersteld = 0;
    for (const rij of gewenst.values()) {
      const nieuw = tx.insert(herinneringen).values(rij).onConflictDoNothing().run().changes;
      gepland += nieuw;
      // The date moved back (or the schedule came back): the cancelled row is wanted again.
      if (!nieuw)
        hersteld += tx
          .update(herinneringen)
          .set({ status: 'gepland', volgendePoging: 0 })
          .where(and(eq(herinneringen.sleutel, rij.sleutel), eq(herinneringen.status, 'vervallen')))
          .run().changes;
    }
    const overbodig = tx
      .select({ id: herinneringen.id, sleutel: herinneringen.sleutel })
      .from(herinneringen)
      .where(eq(herinneringen.status, 'gepland'))
      .all()
      .filter((r) => !gewenst.has(r.sleutel))
      .map((r) => r.id);
    // By primary key, one prepared statement: an `id IN (…) AND status = …` would make SQLite scan by status instead.
    const vervalt = db.$client.prepare(`UPDATE herinneringen SET status = 'vervallen' WHERE id = ? AND status = 'gepland'`);
    for (const id of overbodig) vervalt.run(id);
    return { gepland, hersteld, vervallen: overbodig.length };
  });
}

export interface ScanUitkomst {
  verzonden: number;
  overgeslagen: number;
  opnieuw: number;
  mislukt: number;
  onzeker: number;
  /** Another process holds the sender lease: this one sent nothing. */
  geenLease?: boolean;
}

const overslaan = (db: Db, ids: number[], fout: string | null = null) =>
  ids.length === 0
    ? 0
    : writeTransaction(
        db,
        (tx) =>
          tx
            .update(herinneringen)
            .set({ status: 'overgeslagen', fout })
            .where(and(inArray(herinneringen.id, ids), eq(herinneringen.status, 'gepland')))
            .run().changes,
      );

/**
 * Sends what is due, holding the lease: per term and recipient only the latest due reminder (one plain catch-up after
 * downtime), never a moment at or before one already sent (a schedule change sends nothing twice); escalations of
 * terms nobody marked seen. Claim → send → record: `verzonden` only once SMTP accepted and that row is committed.
 */
export async function sendVerschuldigde(deps: HerinneringDeps): Promise<ScanUitkomst> {
  const { db, klok } = deps;
  const afzender = afzenderVan(deps);
  const nu = klok.nuMs();
  const vandaag = klok.vandaag();
  const uitkomst: ScanUitkomst = { verzonden: 0, overgeslagen: 0, opnieuw: 0, mislukt: 0, onzeker: 0 };
  if (!acquireLease(db, afzender, nu)) return { ...uitkomst, geenLease: true };

  // Sent by this process, not yet recorded (the database was locked): record it now.
  for (const [id, v] of afzender.nietVastgelegd) {
    if (recordVerzonden(db, afzender, id, v.messageId, v.op)) afzender.nietVastgelegd.delete(id);
  }
  // Claimed by a sender that no longer holds the lease (it died, or lost the lease mid-send): whether the e-mail
  // left is unknown. `onzeker`, shown at /outbox; never resent by itself.
  uitkomst.onzeker = writeTransaction(
    db,
    (tx) =>
      tx
        .update(herinneringen)
        .set({ status: 'onzeker', fout: 'het versturen is onderbroken; controleer of de e-mail is aangekomen' })
        .where(and(eq(herinneringen.status, 'bezig'), or(sql`${herinneringen.geclaimdDoor} IS NULL`, ne(herinneringen.geclaimdDoor, afzender.eigenaar))))
        .run().changes,
  );

  const verschuldigd = db
    .select()
    .from(herinneringen)
    .where(and(eq(herinneringen.status, 'gepland'), lte(herinneringen.moment, vandaag), lte(herinneringen.volgendePoging, nu)))
    .all();
  if (verschuldigd.length === 0) return uitkomst;

  const open = new Map<string, TeHerinneren | StukTeHerinneren>(loadTeHerinneren(db, deps.termijnen, vandaag).map((o) => [o.termijnSleutel, o]));
  for (const o of loadStukTeHerinneren(db, vandaag, deps.termijnen.config.kalender)) open.set(o.termijnSleutel, o);
  // Per term, last day and recipient: the latest moment already sent (or possibly sent).
  const reedsVerzonden = new Map<string, string>();
  const termijnen = [...new Set(verschuldigd.filter((r) => r.termijn).map((r) => r.termijn!))];
  const gezien = new Set<string>();
  const kansGehad = new Set<string>();
  for (let i = 0; i < termijnen.length; i += 500) {
    for (const r of db
      .select({
        termijn: herinneringen.termijn,
        einde: herinneringen.einde,
        gebruikerId: herinneringen.gebruikerId,
        soort: herinneringen.soort,
        moment: herinneringen.moment,
        status: herinneringen.status,
        gezienOp: herinneringen.gezienOp,
        verzondenOp: herinneringen.verzondenOp,
      })
      .from(herinneringen)
      .where(
        and(
          inArray(herinneringen.termijn, termijnen.slice(i, i + 500)),
          or(inArray(herinneringen.status, ['verzonden', 'onzeker', 'bezig', 'mislukt']), isNotNull(herinneringen.gezienOp)),
        ),
      )
      .all()) {
      if (r.gezienOp) gezien.add(`${r.termijn}|${r.einde}`);
      // The responsible person had their chance: a reminder went out on an earlier day, or could not be delivered.
      if (
        r.soort === 'herinnering' &&
        ((r.status === 'verzonden' && (r.verzondenOp ?? '').slice(0, 10) < vandaag) || r.status === 'mislukt' || r.status === 'onzeker')
      )
        kansGehad.add(`${r.termijn}|${r.einde}`);
      if (r.status === 'verzonden' || r.status === 'onzeker' || r.status === 'bezig') {
        const k = `${r.soort}|${r.termijn}|${r.einde}|${r.gebruikerId}`;
        if ((reedsVerzonden.get(k) ?? '') < r.moment) reedsVerzonden.set(k, r.moment);
      }
    }
  }

  const groepen = new Map<string, typeof verschuldigd>();
  for (const rij of verschuldigd) {
    const k = rij.soort === 'weekoverzicht' ? rij.sleutel : `${rij.soort}|${rij.termijn}|${rij.einde}|${rij.gebruikerId}`;
    groepen.set(k, [...(groepen.get(k) ?? []), rij]);
  }
  // Reminders before escalations: the person responsible hears first.
  const volgorde = [...groepen.entries()].sort(([a], [b]) => (a.startsWith('escalatie') ? 1 : 0) - (b.startsWith('escalatie') ? 1 : 0));

  for (const [k, rijen] of volgorde) {
    const eerder = reedsVerzonden.get(k);
    // A moment at or before one already sent for this term is covered by it: a changed schedule sends nothing twice.
    const gedekt = rijen.filter((r) => eerder !== undefined && r.moment <= eerder && !r.opnieuwGevraagd);
    uitkomst.overgeslagen += overslaan(
      db,
      gedekt.map((r) => r.id),
    );
    const rest = rijen.filter((r) => !gedekt.includes(r));
    const keuze = selectTeVersturen(rest.map((r) => ({ ...r, werkdagenVooraf: r.werkdagenVooraf ?? 0, datum: r.moment })));
    if (!keuze) continue;
    uitkomst.overgeslagen += overslaan(
      db,
      keuze.overslaan.map((r) => r.id),
    );
    const rij = keuze.versturen;
    if (rij.soort === 'escalatie' && gezien.has(`${rij.termijn}|${rij.einde}`)) {
      uitkomst.overgeslagen += overslaan(db, [rij.id], 'gezien: niet geëscaleerd');
      continue;
    }
    // Never escalate a reminder sent only today (a term found late, a fresh start): it waits until the next day.
    // (Looked at again in a few hours, so it does not count as overdue in /gezond meanwhile.)
    if (rij.soort === 'escalatie' && !kansGehad.has(`${rij.termijn}|${rij.einde}`)) {
      writeTransaction(db, (tx) =>
        tx
          .update(herinneringen)
          .set({ volgendePoging: nu + ESCALATIE_WACHT_MS })
          .where(and(eq(herinneringen.id, rij.id), eq(herinneringen.status, 'gepland')))
          .run(),
      );
      continue;
    }
    // Still the sender? Renew before every e-mail; a sender that lost the lease stops at once.
    if (!acquireLease(db, afzender, klok.nuMs())) return { ...uitkomst, geenLease: true };
    const inhaal = keuze.inhaal || rij.moment < vandaag;
    const geclaimd = writeTransaction(
      db,
      (tx) =>
        tx
          .update(herinneringen)
          .set({ status: 'bezig', geclaimdOp: nu, geclaimdDoor: afzender.eigenaar, inhaal, pogingen: sql`${herinneringen.pogingen} + 1` })
          .where(and(eq(herinneringen.id, rij.id), eq(herinneringen.status, 'gepland')))
          .run().changes,
    );
    if (geclaimd !== 1) continue;

    const mail = composeMail(deps, rij, open, inhaal, vandaag);
    if (!mail) {
      writeTransaction(db, (tx) => tx.update(herinneringen).set({ status: 'vervallen' }).where(eq(herinneringen.id, rij.id)).run());
      continue;
    }
    try {
      await deps.verzender.send(mail);
    } catch (e) {
      const pogingen = rij.pogingen + 1;
      const fout = e instanceof Error ? e.message : String(e);
      console.error(`Reminder ${rij.id} failed (attempt ${pogingen}): ${fout}`);
      const mislukt = pogingen >= MAX_POGINGEN;
      writeTransaction(db, (tx) =>
        tx
          .update(herinneringen)
          .set(mislukt ? { status: 'mislukt', fout } : { status: 'gepland', fout, volgendePoging: nu + BACKOFF_MS[pogingen - 1]! })
          .where(and(eq(herinneringen.id, rij.id), eq(herinneringen.geclaimdDoor, afzender.eigenaar)))
          .run(),
      );
      if (mislukt) uitkomst.mislukt++;
      else uitkomst.opnieuw++;
      continue;
    }
    // SMTP accepted it: from here on it is never sent again by this path. Recorded, or kept to record next round.
    const op = new Date(nu).toISOString();
    if (!recordVerzonden(db, afzender, rij.id, mail.messageId, op)) afzender.nietVastgelegd.set(rij.id, { messageId: mail.messageId, op });
    uitkomst.verzonden++;
  }
  return uitkomst;
}

/** `verzonden`, committed; false when the database would not take it (it stays `bezig` until the next try). */
function recordVerzonden(db: Db, afzender: Afzender, id: number, messageId: string, op: string): boolean {
  try {
    writeTransaction(db, (tx) =>
      tx
        .update(herinneringen)
        .set({ status: 'verzonden', verzondenOp: op, messageId, fout: null })
        .where(and(eq(herinneringen.id, id), inArray(herinneringen.status, ['bezig', 'onzeker']), eq(herinneringen.geclaimdDoor, afzender.eigenaar)))
        .run(),
    );
    return true;
  } catch (e) {
    console.error(`Reminder ${id} was accepted by SMTP but could not be recorded yet: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

/**
 * The background job: runs at start (catching up on what fell due while down) — at once, or after `eersteRondeNaMs`
 * so that a server's first requests are not queued behind it — and every `intervalMs`.
 */
export function startHerinneringJob(deps: HerinneringDeps, intervalMs: number, opties: { eersteRondeNaMs?: number } = {}) {
  let bezig: Promise<void> | undefined;
  let zonderLease = false;
  // For /gezond: when the last run ended and how.
  const stand: { laatsteRonde: string | null; uitkomst: 'verzonden' | 'niets-te-verzenden' | 'geen-lease' | 'fout' | null } = {
    laatsteRonde: null,
    uitkomst: null,
  };
  const ronde = () => {
    bezig ??= (async () => {
      try {
        planHerinneringen(deps);
        const u = await sendVerschuldigde(deps);
        stand.uitkomst = u.geenLease ? 'geen-lease' : u.verzonden ? 'verzonden' : 'niets-te-verzenden';
        if (u.geenLease && !zonderLease) console.log('reminders: another server holds the sender lease; this one sends none while it does');
        zonderLease = Boolean(u.geenLease);
        if (u.verzonden || u.mislukt || u.onzeker) console.log(`reminders: ${JSON.stringify(u)}`);
      } catch (e) {
        stand.uitkomst = 'fout';
        console.error('Reminder job failed:', e);
      } finally {
        stand.laatsteRonde = new Date(deps.klok.nuMs()).toISOString();
        bezig = undefined;
      }
    })();
    return bezig;
  };
  const timer = setInterval(ronde, intervalMs);
  timer.unref();
  const eerste = opties.eersteRondeNaMs === undefined ? undefined : setTimeout(ronde, opties.eersteRondeNaMs);
  eerste?.unref();
  if (!eerste) void ronde();
  return {
    ronde,
    stand: () => ({ ...stand }),
    async stop() {
      clearTimeout(eerste);
      clearInterval(timer);
      await bezig;
      releaseLease(deps.db, afzenderVan(deps));
    },
  };
}

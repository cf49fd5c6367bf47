import { and, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/verbinding';
import { writeTransaction } from '../db/transactie';
import { gebruikers, herinneringen } from '../db/schema';
import { computeHerinneringsmomenten, selectTeVersturen } from '../domain/herinneringen/herinneringsmomenten';
import { addDagen, weekdagVan, type IsoDatum } from '../domain/kalender/kalenderdatum';
import { formatRegioJaarPad } from '../opmaak/opmaak';
import { composeHerinnering, composeWeekoverzicht } from '../mail/herinneringMail';
import type { MailConfig } from '../mail/mailConfig';
import type { Verzender } from '../mail/verzender';
import type { TermijnService } from '../services/termijnService';
import { loadActor } from '../services/actorService';
import { loadOpenZaakTermijnen, toAgendaTermijn, type OpenZaakTermijn } from './openTermijnen';

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
}

// SMTP failures are retried after 1 min, 5 min, 30 min and 2 h; after the last attempt the failure shows in the app.
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000] as const;
export const MAX_POGINGEN = BACKOFF_MS.length + 1;
// A claim older than this belongs to a process that died mid-send: the row becomes `onzeker`, never resent by itself.
export const CLAIM_DUUR_MS = 10 * 60_000;

const herinneringSleutel = (o: OpenZaakTermijn, werkdagen: number) => `h:z${o.zaak.id}:u${o.gebruiker.id}:e${o.termijn.einde}:w${werkdagen}`;

/**
 * Brings the ledger in line with the cases: a row per reminder moment of every open case's term. A moved date or a
 * changed schedule makes the old pending rows `vervallen` and plans new ones; filed or closed cases stop.
 */
export function planHerinneringen(deps: HerinneringDeps): { gepland: number; vervallen: number } {
  const { db, termijnen, klok } = deps;
  const vandaag = klok.vandaag();
  const gewenst = new Map<string, typeof herinneringen.$inferInsert>();
  for (const o of loadOpenZaakTermijnen(db, termijnen, vandaag)) {
    if (o.termijn.einde < vandaag) continue;
    for (const m of computeHerinneringsmomenten(o.termijn.einde, o.schema, termijnen.config.kalender)) {
      const sleutel = herinneringSleutel(o, m.werkdagenVooraf);
      gewenst.set(sleutel, {
        sleutel,
        soort: 'herinnering',
        zaakId: o.zaak.id,
        gebruikerId: o.gebruiker.id,
        einde: o.termijn.einde,
        werkdagenVooraf: m.werkdagenVooraf,
        moment: m.datum,
      });
    }
  }
  const maandag = addDagen(vandaag, 1 - weekdagVan(vandaag));
  for (const g of db.select({ id: gebruikers.id }).from(gebruikers).where(eq(gebruikers.weekoverzicht, true)).all()) {
    const sleutel = `w:u${g.id}:${maandag}`;
    gewenst.set(sleutel, { sleutel, soort: 'weekoverzicht', gebruikerId: g.id, moment: maandag });
  }
  return writeTransaction(db, (tx) => {
    let gepland = 0;
    for (const rij of gewenst.values()) gepland += tx.insert(herinneringen).values(rij).onConflictDoNothing().run().changes;
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
    return { gepland, vervallen: overbodig.length };
  });
}

export interface ScanUitkomst {
  verzonden: number;
  overgeslagen: number;
  opnieuw: number;
  mislukt: number;
  onzeker: number;
}

/** Sends what is due: per term only the latest due reminder; claim → send → record, so nothing goes out twice. */
export async function sendVerschuldigde(deps: HerinneringDeps): Promise<ScanUitkomst> {
  const { db, klok } = deps;
  const nu = klok.nuMs();
  const vandaag = klok.vandaag();
  const uitkomst: ScanUitkomst = { verzonden: 0, overgeslagen: 0, opnieuw: 0, mislukt: 0, onzeker: 0 };
  uitkomst.onzeker = writeTransaction(
    db,
    (tx) =>
      tx
        .update(herinneringen)
        .set({ status: 'onzeker', fout: 'het versturen is onderbroken; controleer of de e-mail is aangekomen' })
        .where(and(eq(herinneringen.status, 'bezig'), lt(herinneringen.geclaimdOp, nu - CLAIM_DUUR_MS)))
        .run().changes,
  );

  const verschuldigd = db
    .select()
    .from(herinneringen)
    .where(and(eq(herinneringen.status, 'gepland'), lte(herinneringen.moment, vandaag), lte(herinneringen.volgendePoging, nu)))
    .all();
  if (verschuldigd.length === 0) return uitkomst;

  const open = new Map(loadOpenZaakTermijnen(db, deps.termijnen, vandaag).map((o) => [`${o.zaak.id}|${o.gebruiker.id}`, o]));
  const perTermijn = new Map<string, typeof verschuldigd>();
  for (const rij of verschuldigd) {
    const sleutel = rij.soort === 'weekoverzicht' ? rij.sleutel : `${rij.zaakId}|${rij.gebruikerId}|${rij.einde}`;
    perTermijn.set(sleutel, [...(perTermijn.get(sleutel) ?? []), rij]);
  }

  for (const rijen of perTermijn.values()) {
    const keuze = selectTeVersturen(rijen.map((r) => ({ ...r, werkdagenVooraf: r.werkdagenVooraf ?? 0, datum: r.moment })))!;
    if (keuze.overslaan.length) {
      uitkomst.overgeslagen += writeTransaction(
        db,
        (tx) =>
          tx
            .update(herinneringen)
            .set({ status: 'overgeslagen' })
            .where(
              and(
                inArray(
                  herinneringen.id,
                  keuze.overslaan.map((r) => r.id),
                ),
                eq(herinneringen.status, 'gepland'),
              ),
            )
            .run().changes,
      );
    }
    const rij = keuze.versturen;
    // The claim: only one process turns this row from gepland into bezig.
    const geclaimd = writeTransaction(
      db,
      (tx) =>
        tx
          .update(herinneringen)
          .set({ status: 'bezig', geclaimdOp: nu, inhaal: keuze.inhaal, pogingen: sql`${herinneringen.pogingen} + 1` })
          .where(and(eq(herinneringen.id, rij.id), eq(herinneringen.status, 'gepland')))
          .run().changes,
    );
    if (geclaimd !== 1) continue;

    const mail = composeMail(deps, rij, open, keuze.inhaal, vandaag);
    if (!mail) {
      writeTransaction(db, (tx) => tx.update(herinneringen).set({ status: 'vervallen' }).where(eq(herinneringen.id, rij.id)).run());
      continue;
    }
    try {
      await deps.verzender.send(mail);
      writeTransaction(db, (tx) =>
        tx
          .update(herinneringen)
          .set({ status: 'verzonden', verzondenOp: new Date(nu).toISOString(), messageId: mail.messageId, fout: null })
          .where(eq(herinneringen.id, rij.id))
          .run(),
      );
      uitkomst.verzonden++;
    } catch (e) {
      const pogingen = rij.pogingen + 1;
      const fout = e instanceof Error ? e.message : String(e);
      console.error(`Reminder ${rij.id} failed (attempt ${pogingen}): ${fout}`);
      if (pogingen >= MAX_POGINGEN) {
        writeTransaction(db, (tx) => tx.update(herinneringen).set({ status: 'mislukt', fout }).where(eq(herinneringen.id, rij.id)).run());
        uitkomst.mislukt++;
      } else {
        writeTransaction(db, (tx) =>
          tx
            .update(herinneringen)
            .set({ status: 'gepland', fout, volgendePoging: nu + BACKOFF_MS[pogingen - 1]! })
            .where(eq(herinneringen.id, rij.id))
            .run(),
        );
        uitkomst.opnieuw++;
      }
    }
  }
  return uitkomst;
}

function composeMail(deps: HerinneringDeps, rij: typeof herinneringen.$inferSelect, open: Map<string, OpenZaakTermijn>, inhaal: boolean, vandaag: IsoDatum) {
  const messageId = `<herinnering-${rij.id}@termijnbewaking.local>`;
  const appUrl = deps.mail.appUrl;
  if (rij.soort === 'weekoverzicht') {
    const actor = loadActor(deps.db, rij.gebruikerId);
    if (!actor) return undefined;
    const berekend = deps.termijnen.computeVoorActor(actor, vandaag);
    const tot = addDagen(vandaag, 21);
    const lijst = berekend.uitkomst.termijnen
      .filter((t) => t.einde >= vandaag && t.einde <= tot)
      .map((t) => ({
        termijn: t,
        url: `${appUrl}${formatRegioJaarPad(t.regio, t.jaar)}`,
        zorgaanbieder: t.besluitType === 'tariefbeschikking' ? (berekend.tariefbeschikkingen.get(t.besluit)?.zorgaanbieder ?? null) : null,
      }));
    return composeWeekoverzicht({ aan: actor.email, naam: actor.naam, vandaag, messageId, termijnen: lijst });
  }
  const o = open.get(`${rij.zaakId}|${rij.gebruikerId}`);
  // The case was filed, closed or its date moved since planning: this reminder no longer applies.
  if (!o || o.termijn.einde !== rij.einde) return undefined;
  return composeHerinnering({
    aan: o.gebruiker.email,
    naam: o.gebruiker.naam,
    termijn: o.termijn,
    zaakUrl: `${appUrl}/zaken/${o.zaak.id}`,
    zorgaanbieder: o.zaak.zorgaanbieder,
    vandaag,
    inhaal,
    messageId,
    agenda: toAgendaTermijn(o, appUrl),
  });
}

/** The background job: runs at start (catching up on what fell due while down) and every `intervalMs`. */
export function startHerinneringJob(deps: HerinneringDeps, intervalMs: number) {
  let bezig: Promise<void> | undefined;
  const ronde = () => {
    bezig ??= (async () => {
      try {
        planHerinneringen(deps);
        const u = await sendVerschuldigde(deps);
        if (u.verzonden || u.mislukt || u.onzeker) console.log(`reminders: ${JSON.stringify(u)}`);
      } catch (e) {
        console.error('Reminder job failed:', e);
      } finally {
        bezig = undefined;
      }
    })();
    return bezig;
  };
  const timer = setInterval(ronde, intervalMs);
  timer.unref();
  void ronde();
  return {
    ronde,
    async stop() {
      clearInterval(timer);
      await bezig;
    },
  };
}

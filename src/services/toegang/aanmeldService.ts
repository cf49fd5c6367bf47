import { hash, hashSync, verify, verifySync, Algorithm } from '@node-rs/argon2';
import { createHash, randomInt } from 'node:crypto';
import { and, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Db } from '../../db/verbinding';
import { apiTokens, gebruikers, inloggegevens, organisaties, sessies, uitnodigingen } from '../../db/schema';
import { writeTransaction } from '../../db/transactie';
import { checkWachtwoord } from '../../validation/wachtwoord';
import { hashGeheim, ontsleutel, versleutel } from '../gedeeld/geheimen';
import { OPERATOR, recordAudit } from '../gedeeld/auditService';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const hashWachtwoord = (wachtwoord: string) => hash(wachtwoord, ARGON2);

/** A hash to verify against when the account does not exist, so timing does not tell which addresses have one. */
let dummyHash: Promise<string> | undefined;

const ISSUER = 'Termijnbewaking Wmg 105';
const totpVoor = (geheim: string, label = 'gebruiker') =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(geheim) });
export const createTotpGeheim = () => new Secret({ size: 20 }).base32;

/**
 * TOTP secrets are stored encrypted (issue 28.6): AES-256-GCM with a key derived from SESSION_SECRET, marked "v1.".
 * A copy of the database alone gives no second factor.
 */
const TOTP_VERSIE = 'v1.';
export const sealTotpGeheim = (sleutel: string, geheim: string) => TOTP_VERSIE + versleutel(sleutel, 'totp', geheim);
/** The base32 secret, or undefined when the value is not one we sealed with this session secret. */
export const openTotpGeheim = (sleutel: string, opgeslagen: string): string | undefined =>
  opgeslagen.startsWith(TOTP_VERSIE) ? ontsleutel(sleutel, 'totp', opgeslagen.slice(TOTP_VERSIE.length)) : undefined;

/**
 * Start-up step (the server, before it serves): TOTP secrets older versions stored as typed are sealed, in enrolled
 * accounts and in open enrolment links. Needs the session secret, so it is not a migration. Does nothing once done.
 */
export function sealBestaandeTotpGeheimen(db: Db, sleutel: string): number {
  const open = (t: { totpGeheim: string }) => !t.totpGeheim.startsWith(TOTP_VERSIE);
  const accounts = db
    .select({ id: inloggegevens.gebruikerId, totpGeheim: inloggegevens.totpGeheim })
    .from(inloggegevens)
    .where(isNotNull(inloggegevens.totpGeheim))
    .all()
    .filter((r): r is { id: number; totpGeheim: string } => r.totpGeheim !== null && open({ totpGeheim: r.totpGeheim }));
  const links = db.select({ id: uitnodigingen.id, totpGeheim: uitnodigingen.totpGeheim }).from(uitnodigingen).all().filter(open);
  if (!accounts.length && !links.length) return 0;
  writeTransaction(db, (tx) => {
    for (const a of accounts)
      tx.update(inloggegevens)
        .set({ totpGeheim: sealTotpGeheim(sleutel, a.totpGeheim) })
        .where(eq(inloggegevens.gebruikerId, a.id))
        .run();
    for (const l of links)
      tx.update(uitnodigingen)
        .set({ totpGeheim: sealTotpGeheim(sleutel, l.totpGeheim) })
        .where(eq(uitnodigingen.id, l.id))
        .run();
    recordAudit(tx, OPERATOR, {
      actie: 'tweestapsgeheimen versleuteld opgeslagen',
      onderwerp: 'installatie',
      wijzigingen: { tweestapsgeheimen: ['onversleuteld', 'versleuteld'] },
      kenmerken: { accounts: accounts.length, aanmeldlinks: links.length },
    });
  });
  return accounts.length + links.length;
}

/** The time step of a valid code (±1 step of 30 s), or undefined. */
function checkTotp(geheim: string, code: string, nuMs: number): number | undefined {
  const delta = totpVoor(geheim).validate({ token: code, timestamp: nuMs, window: 1 });
  return delta === null ? undefined : Math.floor(nuMs / 30_000) + delta;
}

/** The QR code for an authenticator app, as SVG markup (rendered here: nothing leaves the server). */
export async function renderTotpQr(geheim: string, email: string): Promise<{ svg: string; uri: string }> {
  const uri = totpVoor(geheim, email).toString();
  return { uri, svg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
}

const hashHerstelcode = (code: string) =>
  createHash('sha256')
    .update(code.replace(/[^a-z0-9]/gi, '').toLowerCase())
    .digest('hex');
const HERSTEL_TEKENS = 'abcdefghjkmnpqrstuvwxyz23456789';
/** 10 one-time recovery codes like "k7m2-p9qx-4h3t". */
export function createHerstelcodes(): string[] {
  return Array.from({ length: 10 }, () =>
    Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => HERSTEL_TEKENS[randomInt(HERSTEL_TEKENS.length)]).join('')).join('-'),
  );
}

export type AanmeldUitkomst =
  | { ok: true; gebruikerId: number; herstelcodeGebruikt: boolean }
  /** `code-nodig`: password right, the TOTP code is missing; every other failure says the same to the user. */
  | { ok: false; reden: 'onbekend' | 'wachtwoord' | 'code-nodig' | 'code' | 'geen-tweede-factor' | 'demo-uit'; gebruikerId?: number };

/**
 * Checks email + password + (unless a demo account in demo mode) the TOTP code or a recovery code. A TOTP code is
 * accepted once; a recovery code is used up.
 */
export async function checkAanmelding(
  db: Db,
  invoer: { email: string; wachtwoord: string; code: string },
  opties: { demoModus: boolean; nuMs: number; sessieGeheim: string },
): Promise<AanmeldUitkomst> {
  const rij = db
    .select({ id: gebruikers.id, naam: gebruikers.naam, organisatieId: gebruikers.organisatieId, g: inloggegevens })
    .from(gebruikers)
    .innerJoin(inloggegevens, eq(inloggegevens.gebruikerId, gebruikers.id))
    .where(eq(gebruikers.email, invoer.email.trim().toLowerCase()))
    .get();
  if (!rij?.g.wachtwoordHash) {
    dummyHash ??= hashWachtwoord('geen-account-maar-wel-evenveel-werk');
    await verify(await dummyHash, invoer.wachtwoord).catch(() => false);
    return { ok: false, reden: 'onbekend' };
  }
  const wachtwoordGoed = await verify(rij.g.wachtwoordHash, invoer.wachtwoord).catch(() => false);
  if (!wachtwoordGoed) return { ok: false, reden: 'wachtwoord', gebruikerId: rij.id };
  if (rij.g.demo) {
    return opties.demoModus ? { ok: true, gebruikerId: rij.id, herstelcodeGebruikt: false } : { ok: false, reden: 'demo-uit', gebruikerId: rij.id };
  }
  if (!rij.g.totpGeheim) return { ok: false, reden: 'geen-tweede-factor', gebruikerId: rij.id };
  const code = invoer.code.replace(/\s/g, '');
  if (!code) return { ok: false, reden: 'code-nodig', gebruikerId: rij.id };
  const wie = { gebruikerId: rij.id, naam: rij.naam, organisatieId: rij.organisatieId };
  if (/^\d{6}$/.test(code)) {
    const totpGeheim = openTotpGeheim(opties.sessieGeheim, rij.g.totpGeheim);
    const stap = totpGeheim === undefined ? undefined : checkTotp(totpGeheim, code, opties.nuMs);
    if (stap === undefined || (rij.g.totpLaatsteStap !== null && stap <= rij.g.totpLaatsteStap)) return { ok: false, reden: 'code', gebruikerId: rij.id };
    // Conditional: of two requests with the same code, only one wins.
    const gewonnen = writeTransaction(db, (tx) =>
      tx
        .update(inloggegevens)
        .set({ totpLaatsteStap: stap })
        .where(and(eq(inloggegevens.gebruikerId, rij.id), or(isNull(inloggegevens.totpLaatsteStap), lt(inloggegevens.totpLaatsteStap, stap))))
        .run(),
    );
    return gewonnen.changes === 1 ? { ok: true, gebruikerId: rij.id, herstelcodeGebruikt: false } : { ok: false, reden: 'code', gebruikerId: rij.id };
  }
  const codes = JSON.parse(rij.g.herstelcodes) as string[];
  const h = hashHerstelcode(code);
  if (!codes.includes(h)) return { ok: false, reden: 'code', gebruikerId: rij.id };
  writeTransaction(db, (tx) => {
    tx.update(inloggegevens)
      .set({ herstelcodes: JSON.stringify(codes.filter((c) => c !== h)) })
      .where(eq(inloggegevens.gebruikerId, rij.id))
      .run();
    recordAudit(tx, wie, {
      actie: 'herstelcode gebruikt',
      onderwerp: 'gebruiker',
      onderwerpId: rij.id,
      wijzigingen: { herstelcodes: [codes.length, codes.length - 1] },
    });
  });
  return { ok: true, gebruikerId: rij.id, herstelcodeGebruikt: true };
}

export interface Uitnodiging {
  id: number;
  gebruikerId: number;
  naam: string;
  email: string;
  organisatieNaam: string;
  totpGeheim: string;
  /** The member has enrolled before: this link is a reset they asked for through a beheerder (issue 28.5). */
  herstel: boolean;
}

/** The open (unused, unexpired) invitation or first sign-in link for this token. */
export function findUitnodiging(db: Db, geheim: string, token: string, nu: Date): Uitnodiging | undefined {
  const u = db
    .select({
      id: uitnodigingen.id,
      gebruikerId: gebruikers.id,
      naam: gebruikers.naam,
      email: gebruikers.email,
      organisatieNaam: organisaties.naam,
      totpGeheim: uitnodigingen.totpGeheim,
      herstel: sql<number>`coalesce(${inloggegevens.wachtwoordHash}, ${inloggegevens.totpGeheim}) IS NOT NULL`,
    })
    .from(uitnodigingen)
    .innerJoin(gebruikers, eq(uitnodigingen.gebruikerId, gebruikers.id))
    .innerJoin(organisaties, eq(gebruikers.organisatieId, organisaties.id))
    .leftJoin(inloggegevens, eq(inloggegevens.gebruikerId, gebruikers.id))
    .where(and(eq(uitnodigingen.tokenHash, hashGeheim(geheim, token)), isNull(uitnodigingen.gebruiktOp), gt(uitnodigingen.verlooptOp, nu.toISOString())))
    .get();
  const totpGeheim = u && openTotpGeheim(geheim, u.totpGeheim);
  return u && totpGeheim ? { ...u, totpGeheim, herstel: u.herstel === 1 } : undefined;
}

export type Inrichting = { ok: true; gebruikerId: number; herstelcodes: string[] } | { ok: false; fouten: { veld: string; melding: string }[] };

/**
 * First sign-in through a link: sets the password and confirms the TOTP secret with a code from the app. The link is
 * used up in the same transaction (a second use finds nothing). Returns the 10 recovery codes, shown once.
 */
export async function acceptUitnodiging(
  db: Db,
  geheim: string,
  token: string,
  invoer: { wachtwoord: string; herhaling: string; code: string },
  nu: Date,
): Promise<Inrichting> {
  const u = findUitnodiging(db, geheim, token, nu);
  if (!u) return { ok: false, fouten: [{ veld: 'link', melding: 'deze link is al gebruikt of verlopen; vraag de beheerder om een nieuwe uitnodiging' }] };
  const fouten: { veld: string; melding: string }[] = [];
  const wachtwoordFout = checkWachtwoord(invoer.wachtwoord, { email: u.email, naam: u.naam });
  if (wachtwoordFout) fouten.push({ veld: 'wachtwoord', melding: wachtwoordFout });
  else if (invoer.wachtwoord !== invoer.herhaling) fouten.push({ veld: 'herhaling', melding: 'de twee wachtwoorden verschillen' });
  const stap = /^\d{6}$/.test(invoer.code.replace(/\s/g, '')) ? checkTotp(u.totpGeheim, invoer.code.replace(/\s/g, ''), nu.getTime()) : undefined;
  if (stap === undefined) fouten.push({ veld: 'code', melding: 'deze code klopt niet; scan de QR-code en vul de zes cijfers in die de app nu toont' });
  if (fouten.length) return { ok: false, fouten };
  const wachtwoordHash = await hashWachtwoord(invoer.wachtwoord);
  const herstelcodes = createHerstelcodes();
  const gelukt = writeTransaction(db, (tx) => {
    const gebruikt = tx
      .update(uitnodigingen)
      .set({ gebruiktOp: nu.toISOString() })
      .where(and(eq(uitnodigingen.id, u.id), isNull(uitnodigingen.gebruiktOp)))
      .run();
    if (gebruikt.changes !== 1) return false;
    const waarden = {
      wachtwoordHash,
      totpGeheim: sealTotpGeheim(geheim, u.totpGeheim),
      totpLaatsteStap: stap!,
      herstelcodes: JSON.stringify(herstelcodes.map(hashHerstelcode)),
      demo: false,
    };
    tx.insert(inloggegevens)
      .values({ gebruikerId: u.gebruikerId, ...waarden })
      .onConflictDoUpdate({ target: inloggegevens.gebruikerId, set: waarden })
      .run();
    const wie = tx.select({ organisatieId: gebruikers.organisatieId }).from(gebruikers).where(eq(gebruikers.id, u.gebruikerId)).get()!;
    const schrijver = { gebruikerId: u.gebruikerId, naam: u.naam, organisatieId: wie.organisatieId };
    if (u.herstel) {
      // A reset the member confirmed by following the link: every running session of the member ends (issue 28.5),
      // and so does every other way in that does not ask for the password: API tokens and the calendar feed's URL.
      const sessiesBeeindigd = tx.delete(sessies).where(eq(sessies.gebruikerId, u.gebruikerId)).run().changes;
      const apiTokensIngetrokken = tx
        .update(apiTokens)
        .set({ ingetrokkenOp: nu.toISOString() })
        .where(and(eq(apiTokens.gebruikerId, u.gebruikerId), isNull(apiTokens.ingetrokkenOp)))
        .run().changes;
      const agendaLinksIngetrokken = tx
        .update(gebruikers)
        .set({ agendaTokenHash: null, agendaToken: null })
        .where(and(eq(gebruikers.id, u.gebruikerId), or(isNotNull(gebruikers.agendaTokenHash), isNotNull(gebruikers.agendaToken))))
        .run().changes;
      recordAudit(tx, schrijver, {
        actie: 'account hersteld (nieuw wachtwoord en tweestapsverificatie, alle sessies beëindigd)',
        onderwerp: 'gebruiker',
        onderwerpId: u.gebruikerId,
        // Secrets are never logged: only that they were replaced, and what was ended.
        wijzigingen: {
          wachtwoord: ['(vorig)', '(nieuw)'],
          tweestapsverificatie: ['(vorige)', '(nieuwe)'],
          sessies: [sessiesBeeindigd, 0],
          apiTokens: [apiTokensIngetrokken, 0],
          agendaLinks: [agendaLinksIngetrokken, 0],
        },
      });
    } else {
      recordAudit(tx, schrijver, {
        actie: 'account ingericht (wachtwoord en tweestapsverificatie)',
        onderwerp: 'gebruiker',
        onderwerpId: u.gebruikerId,
        wijzigingen: { wachtwoord: [null, '(ingesteld)'], tweestapsverificatie: [null, '(gekoppeld)'] },
      });
    }
    return true;
  });
  if (!gelukt) return { ok: false, fouten: [{ veld: 'link', melding: 'deze link is intussen al gebruikt' }] };
  return { ok: true, gebruikerId: u.gebruikerId, herstelcodes };
}

/**
 * Demo mode: the demo users (by e-mail, from seed/demo.json) get the demo password, no TOTP; never called in
 * production. Users without credentials get them; demo accounts with another password get the current one.
 */
export function seedDemoInloggegevens(db: Db, wachtwoord: string, emails: readonly string[]): void {
  if (emails.length === 0) return;
  const zonder = db
    .select({ id: gebruikers.id, demo: inloggegevens.demo })
    .from(gebruikers)
    .leftJoin(inloggegevens, eq(inloggegevens.gebruikerId, gebruikers.id))
    .where(inArray(gebruikers.email, [...emails]))
    .all()
    .filter((g) => g.demo === null);
  // Hashed only when an account needs it: a restart with the same password hashes nothing (argon2 costs tens of ms).
  let wachtwoordHash: string | undefined;
  const hashDemoWachtwoord = () => (wachtwoordHash ??= hashSync(wachtwoord, ARGON2));
  const bestaand = db
    .select({ id: inloggegevens.gebruikerId, hash: inloggegevens.wachtwoordHash })
    .from(inloggegevens)
    .where(eq(inloggegevens.demo, true))
    .all();
  if (zonder.length > 0) {
    writeTransaction(db, (tx) => {
      for (const g of zonder) tx.insert(inloggegevens).values({ gebruikerId: g.id, wachtwoordHash: hashDemoWachtwoord(), demo: true }).run();
    });
  }
  // A new demo password (another data folder's, or a changed file) replaces the old one on the demo accounts. The
  // accounts share one hash: each distinct stored hash is verified once.
  const klopt = new Map<string, boolean>();
  for (const b of bestaand) {
    if (!b.hash) continue;
    let goed = klopt.get(b.hash);
    if (goed === undefined) klopt.set(b.hash, (goed = verifySync(b.hash, wachtwoord)));
    if (!goed) {
      const nieuw = hashDemoWachtwoord();
      writeTransaction(db, (tx) => tx.update(inloggegevens).set({ wachtwoordHash: nieuw }).where(eq(inloggegevens.gebruikerId, b.id)).run());
    }
  }
}

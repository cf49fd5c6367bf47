import * as oidc from 'openid-client';
import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { gebruikers, inloggegevens, organisatieSso, organisaties } from '../../db/schema';
import { writeTransaction } from '../../db/transactie';
import { hashGeheim, ontsleutel, versleutel } from '../gedeeld/geheimen';
import { OPERATOR, recordAudit } from '../gedeeld/auditService';
import { assertCan } from './permissies';
import { InvoerFout } from '../gedeeld/invoerFout';
import { isEmail, normaliseerEmail } from './gebruikerBeheer';

/**
 * Single sign-on per organisation through OpenID Connect (issue 11): authorisation code + PKCE, state and nonce, with
 * the issuer, client id and client secret the organisation's beheerder set. An SSO sign-in only finds an account that
 * already exists (invited) in THAT organisation, by an e-mail address the provider says it verified.
 */

const DOEL = 'oidc-client-secret';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/** A sign-in at the provider must be finished within this time. */
export const SSO_TRANSACTIE_MS = 10 * 60_000;

export interface SsoInstellingWeergave {
  issuer: string;
  clientId: string;
  /** "••••abcd": the secret is never shown back. */
  secretGemaskeerd: string;
  bijgewerktOp: string;
}

export interface SsoOpties {
  /** Demo mode: an http issuer on this machine (localhost) is allowed, for trying it out and for the tests. */
  demoModus: boolean;
}

/** https, or in demo mode http on the loopback address; no query or fragment. */
function checkIssuer(waarde: string, opties: SsoOpties): { url?: URL; fout?: string } {
  let url: URL;
  try {
    url = new URL(waarde.trim());
  } catch {
    return { fout: 'geef het volledige adres van de identiteitsprovider, bijvoorbeeld https://login.uwkantoor.nl' };
  }
  if (url.search || url.hash || url.username || url.password) return { fout: 'het adres van de identiteitsprovider heeft geen ?-, #- of inloggedeelte' };
  if (url.protocol === 'https:') return { url };
  if (url.protocol === 'http:' && opties.demoModus && LOOPBACK.has(url.hostname)) return { url };
  return { fout: 'het adres van de identiteitsprovider moet met https:// beginnen' };
}

export function readSsoInstelling(db: Db, actor: Actor): SsoInstellingWeergave | undefined {
  assertCan(actor, 'organisatie.beheren');
  const rij = db.select().from(organisatieSso).where(eq(organisatieSso.organisatieId, actor.organisatieId)).get();
  return rij ? { issuer: rij.issuer, clientId: rij.clientId, secretGemaskeerd: `••••••••${rij.clientSecretEinde}`, bijgewerktOp: rij.bijgewerktOp } : undefined;
}

/**
 * Sets or changes the organisation's SSO. An empty secret keeps the stored one (so the form need not show it). By a
 * beheerder of the organisation, or by the operator (command line: `actor` absent, `organisatieId` given).
 */
export function saveSsoInstelling(
  db: Db,
  geheim: string,
  wie: { actor: Actor } | { organisatieId: number },
  invoer: { issuer: string; clientId: string; clientSecret: string },
  opties: SsoOpties,
): 'ingesteld' | 'gewijzigd' {
  if ('actor' in wie) assertCan(wie.actor, 'organisatie.beheren');
  const organisatieId = 'actor' in wie ? wie.actor.organisatieId : wie.organisatieId;
  const fouten: { veld: string; melding: string }[] = [];
  const issuer = checkIssuer(invoer.issuer, opties);
  if (issuer.fout) fouten.push({ veld: 'issuer', melding: issuer.fout });
  const clientId = invoer.clientId.trim();
  if (!clientId || clientId.length > 200) fouten.push({ veld: 'clientId', melding: 'geef de client-ID die de identiteitsprovider voor deze toepassing gaf' });
  const secret = invoer.clientSecret.trim();
  if (secret.length > 500) fouten.push({ veld: 'clientSecret', melding: 'dit geheim is te lang (ten hoogste 500 tekens)' });
  return writeTransaction(db, (tx) => {
    const oud = tx.select().from(organisatieSso).where(eq(organisatieSso.organisatieId, organisatieId)).get();
    if (!oud && !secret) fouten.push({ veld: 'clientSecret', melding: 'geef het clientgeheim (client secret) dat bij de client-ID hoort' });
    if (secret && secret.length < 8) fouten.push({ veld: 'clientSecret', melding: 'een clientgeheim is minstens 8 tekens' });
    if (fouten.length) throw new InvoerFout(fouten);
    // Without a trailing slash, as issuers are usually written; discovery appends /.well-known/openid-configuration.
    const issuerTekst = issuer.url!.href.replace(/\/$/, '');
    const waarden = {
      issuer: issuerTekst,
      clientId,
      ...(secret ? { clientSecretVersleuteld: versleutel(geheim, DOEL, secret), clientSecretEinde: secret.slice(-4) } : {}),
      bijgewerktOp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    };
    if (oud) tx.update(organisatieSso).set(waarden).where(eq(organisatieSso.organisatieId, organisatieId)).run();
    else
      tx.insert(organisatieSso)
        .values({ organisatieId, ...waarden, clientSecretVersleuteld: waarden.clientSecretVersleuteld!, clientSecretEinde: waarden.clientSecretEinde! })
        .run();
    const wijzigingen: Record<string, readonly [unknown, unknown]> = {};
    if (oud?.issuer !== issuerTekst) wijzigingen.issuer = [oud?.issuer ?? null, issuerTekst];
    if (oud?.clientId !== clientId) wijzigingen.clientId = [oud?.clientId ?? null, clientId];
    // The secret itself is never logged: only whether there was one.
    if (secret) wijzigingen.clientSecret = [oud ? '(vorig)' : null, oud ? '(vervangen)' : '(ingesteld)'];
    recordAudit(tx, 'actor' in wie ? wie.actor : OPERATOR, {
      actie: oud ? 'single sign-on gewijzigd' : 'single sign-on ingesteld',
      onderwerp: 'organisatie',
      onderwerpId: organisatieId,
      wijzigingen,
    });
    return oud ? 'gewijzigd' : 'ingesteld';
  });
}

/** Switches SSO off for the actor's organisation (members sign in with password and code again). */
export function deleteSsoInstelling(db: Db, actor: Actor): boolean {
  assertCan(actor, 'organisatie.beheren');
  return writeTransaction(db, (tx) => {
    const oud = tx.select().from(organisatieSso).where(eq(organisatieSso.organisatieId, actor.organisatieId)).get();
    if (!oud) return false;
    tx.delete(organisatieSso).where(eq(organisatieSso.organisatieId, actor.organisatieId)).run();
    recordAudit(tx, actor, {
      actie: 'single sign-on uitgezet',
      onderwerp: 'organisatie',
      onderwerpId: actor.organisatieId,
      wijzigingen: { issuer: [oud.issuer, null], clientId: [oud.clientId, null] },
    });
    return true;
  });
}

/**
 * The organisation with single sign-on of this address's own account, when that account has been taken into use
 * (its invitation accepted: a password set, or a demo account). Never chosen by the address's domain (issue 28 review):
 * an invitation, accepted or not, by one organisation to an address at another's domain must not send that domain's
 * people to the inviting organisation's provider, nor take their own organisation's button away. Every address that
 * gives no organisation — unknown, invited only, or with an account whose organisation has no single sign-on — gets the
 * same answer from the route, so the answer does not tell these apart.
 */
export function findSsoOrganisatie(db: Db, email: string): { organisatieId: number; organisatieNaam: string } | undefined {
  const adres = normaliseerEmail(email);
  if (!isEmail(adres)) return undefined;
  return db
    .select({ organisatieId: organisaties.id, organisatieNaam: organisaties.naam })
    .from(gebruikers)
    .innerJoin(inloggegevens, eq(inloggegevens.gebruikerId, gebruikers.id))
    .innerJoin(organisatieSso, eq(organisatieSso.organisatieId, gebruikers.organisatieId))
    .innerJoin(organisaties, eq(organisaties.id, gebruikers.organisatieId))
    .where(and(eq(gebruikers.email, adres), or(isNotNull(inloggegevens.wachtwoordHash), eq(inloggegevens.demo, true))))
    .get();
}

/** What the browser keeps (encrypted, in a cookie) between leaving for the provider and coming back. */
export interface SsoTransactie {
  organisatieId: number;
  state: string;
  nonce: string;
  codeVerifier: string;
  terug: string;
  verlooptMs: number;
}

const TRANSACTIE_DOEL = 'oidc-transactie';
export const sealTransactie = (geheim: string, t: SsoTransactie) => versleutel(geheim, TRANSACTIE_DOEL, JSON.stringify(t));
export function openTransactie(geheim: string, waarde: string | undefined, nuMs: number): SsoTransactie | undefined {
  if (!waarde) return undefined;
  const tekst = ontsleutel(geheim, TRANSACTIE_DOEL, waarde);
  if (!tekst) return undefined;
  const t = JSON.parse(tekst) as SsoTransactie;
  return t.verlooptMs > nuMs ? t : undefined;
}

/** Discovery results per organisation's settings, for 10 minutes (a provider's metadata rarely changes). */
const configCache = new Map<string, { config: oidc.Configuration; totMs: number }>();

async function configVoor(db: Db, geheim: string, organisatieId: number, opties: SsoOpties): Promise<oidc.Configuration | undefined> {
  const rij = db.select().from(organisatieSso).where(eq(organisatieSso.organisatieId, organisatieId)).get();
  if (!rij) return undefined;
  const secret = ontsleutel(geheim, DOEL, rij.clientSecretVersleuteld);
  if (secret === undefined) throw new SsoFout('geheim-onleesbaar');
  const issuer = checkIssuer(rij.issuer, opties);
  if (!issuer.url) throw new SsoFout('issuer-ongeldig');
  const sleutel = hashGeheim(geheim, `${organisatieId}|${rij.issuer}|${rij.clientId}|${rij.clientSecretVersleuteld}`);
  const bewaard = configCache.get(sleutel);
  if (bewaard && bewaard.totMs > Date.now()) return bewaard.config;
  const config = await oidc.discovery(issuer.url, rij.clientId, secret, undefined, {
    timeout: 10,
    ...(issuer.url.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
  configCache.set(sleutel, { config, totMs: Date.now() + 10 * 60_000 });
  return config;
}

export class SsoFout extends Error {
  constructor(readonly reden: 'geheim-onleesbaar' | 'issuer-ongeldig' | 'niet-ingesteld') {
    super(`sso: ${reden}`);
  }
}

/** The provider's authorisation URL (code flow, PKCE S256, state, nonce) and what to keep until the browser returns. */
export async function startSso(
  db: Db,
  geheim: string,
  organisatieId: number,
  redirectUri: string,
  terug: string,
  nuMs: number,
  opties: SsoOpties,
): Promise<{ url: URL; transactie: SsoTransactie }> {
  const config = await configVoor(db, geheim, organisatieId, opties);
  if (!config) throw new SsoFout('niet-ingesteld');
  const transactie: SsoTransactie = {
    organisatieId,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
    terug,
    verlooptMs: nuMs + SSO_TRANSACTIE_MS,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(transactie.codeVerifier),
    code_challenge_method: 'S256',
    state: transactie.state,
    nonce: transactie.nonce,
  });
  return { url, transactie };
}

export type SsoUitkomst = { ok: true; gebruikerId: number } | { ok: false; reden: 'onbevestigd' | 'onbekend' | 'geen-email' };

/**
 * Back from the provider: exchanges the code (checking state, nonce, PKCE and the ID token), then finds the account
 * of this organisation with the verified e-mail address. Throws when the exchange fails.
 */
export async function finishSso(db: Db, geheim: string, transactie: SsoTransactie, terugUrl: URL, opties: SsoOpties): Promise<SsoUitkomst> {
  const config = await configVoor(db, geheim, transactie.organisatieId, opties);
  if (!config) throw new SsoFout('niet-ingesteld');
  const tokens = await oidc.authorizationCodeGrant(config, terugUrl, {
    pkceCodeVerifier: transactie.codeVerifier,
    expectedState: transactie.state,
    expectedNonce: transactie.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims()!;
  let email: unknown = claims.email;
  let bevestigd: unknown = claims.email_verified;
  if (typeof email !== 'string' || bevestigd === undefined) {
    // Many providers put e-mail in the userinfo answer only.
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    email = info.email;
    bevestigd = info.email_verified;
  }
  if (typeof email !== 'string' || !email) return { ok: false, reden: 'geen-email' };
  if (bevestigd !== true) return { ok: false, reden: 'onbevestigd' };
  const rij = db
    .select({ id: gebruikers.id, demo: inloggegevens.demo })
    .from(gebruikers)
    .leftJoin(inloggegevens, eq(inloggegevens.gebruikerId, gebruikers.id))
    .where(and(eq(gebruikers.email, normaliseerEmail(email)), eq(gebruikers.organisatieId, transactie.organisatieId)))
    .get();
  // A demo account never signs in outside demo mode, by whatever route.
  if (!rij || (rij.demo && !opties.demoModus)) return { ok: false, reden: 'onbekend' };
  return { ok: true, gebruikerId: rij.id };
}

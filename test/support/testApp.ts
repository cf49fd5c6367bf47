import type { GriffierechtTarief } from '../../src/domain/filings/griffierecht';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAtwKalender } from '../../src/domain/kalender/atwKalender';
import { openDatabase, type Db } from '../../src/db/verbinding';
import { DEMO_EMAILS, seedDemoData, seedZorgkantoorregios } from '../../src/db/seedDatabase';
import { createTermijnService } from '../../src/services/termijnen/termijnService';
import { createApp } from '../../src/web/app';
import { createWeergave } from '../../src/web/weergave';
import { createFilingRenderer } from '../../src/documents/filingRenderer';
import { createOutboxVerzender } from '../../src/mail/verzender';
import { seedDemoInloggegevens } from '../../src/services/toegang/aanmeldService';
import { createSessie } from '../../src/services/toegang/sessieService';
import { createApiToken, TOKEN_SCOPES } from '../../src/services/toegang/apiTokenService';
import { findGebruikerIdByEmail } from '../../src/services/toegang/gebruikerBeheer';
import type { Logger } from '../../src/log/logger';

export const DEMO = {
  nza: 'e.devries@nza.example',
  /** The NZa's beheerder: the only one who may change the division of regions. */
  nzaBeheerder: 'm.jansen@nza.example',
  advocaat: 'j.kuipers@vandamkuipers.example',
  inhouse: 's.bakker@heuvelrand.example',
  beheerder: 'a.vandam@vandamkuipers.example',
  lezer: 'l.meijer@vandamkuipers.example',
} as const;

export const DEMO_WACHTWOORD = 'demo-wachtwoord-voor-tests';
export const SESSIE_GEHEIM = 'test-geheim-van-minstens-16';
export const SESSIE_TIJDEN = { inactiefMs: 30 * 60_000, maxMs: 12 * 3600_000 };

/**
 * The real app on a real SQLite file with the demo data (demo mode: demo accounts with DEMO_WACHTWOORD), "today"
 * pinned to 22 November 2026. `klok.nuMs` can be moved to test session timeouts.
 */
export function createTestApp(
  vandaag = '2026-11-22',
  inwerkingtreding: string | null = '2025-01-01',
  opties: { demo?: boolean; log?: Logger; griffierechtTarieven?: GriffierechtTarief[]; apiVerzoekenPerMinuut?: number } = {},
) {
  const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-app-'));
  const db: Db = openDatabase(join(map, 'app.sqlite'), SESSIE_GEHEIM);
  seedZorgkantoorregios(db);
  seedDemoData(db);
  const demo = opties.demo ?? true;
  if (demo) seedDemoInloggegevens(db, DEMO_WACHTWOORD, DEMO_EMAILS);
  const termijnen = createTermijnService(db, { inwerkingtreding: inwerkingtreding ?? undefined, kalender: createAtwKalender() });
  const mail = { afzender: 'Termijnbewaking <termijnen@test.local>', appUrl: 'http://app.test' };
  const klok = { nuMs: Date.now() };
  const createAppMet = (termijnen: ReturnType<typeof createTermijnService>) =>
    createApp({
      db,
      termijnen,
      weergave: createWeergave(resolve('templates'), { demo }),
      filings: createFilingRenderer(resolve('templates')),
      sessieGeheim: SESSIE_GEHEIM,
      beveiliging: { secureCookie: false, sessie: SESSIE_TIJDEN, ...(demo ? { demoWachtwoord: DEMO_WACHTWOORD } : {}) },
      verzender: createOutboxVerzender(db, mail, join(map, 'outbox')),
      vandaag: () => vandaag,
      nuMs: () => klok.nuMs,
      mail,
      // Demo: a receiver on loopback over http is allowed (as WEBHOOK_INTERNE_ADRESSEN defaults to outside production).
      webhookBeleid: { alleenHttps: !demo, interneAdressen: demo },
      // The clock stands still in tests: no rate limit unless a test sets one (test/server/routes/zaken/zakenApi.test.ts).
      apiVerzoekenPerMinuut: opties.apiVerzoekenPerMinuut ?? 100_000,
      ...(opties.log ? { log: opties.log } : {}),
      ...(opties.griffierechtTarieven ? { griffierechtTarieven: opties.griffierechtTarieven } : {}),
    });
  const app = createAppMet(termijnen);

  /** A signed-in browser session (cookie + CSRF token) and a `schrijven` API token per user, made once. */
  const aanmeldingen = new Map<string, { cookie: string; csrf: string; bearer: string }>();
  function aanmelding(email: string) {
    let a = aanmeldingen.get(email);
    if (!a) {
      const id = findGebruikerIdByEmail(db, email);
      if (id === undefined) throw new Error(`no user ${email}`);
      const { token, sessie } = createSessie(db, SESSIE_GEHEIM, id, klok.nuMs);
      a = { cookie: `sessie=${token}`, csrf: sessie.csrfToken, bearer: createApiToken(db, SESSIE_GEHEIM, id, { naam: 'test', scopes: TOKEN_SCOPES }) };
      aanmeldingen.set(email, a);
    }
    return a;
  }

  // Made up front, so that no test's snapshot sees the sign-in bookkeeping (and the token's audit entry) appear.
  for (const email of demo ? Object.values(DEMO) : []) aanmelding(email);

  /**
   * Requests as a signed-in user: pages with the session cookie and the CSRF header (as htmx sends it), /api with the
   * user's bearer token (cookies do not authorise the API).
   */
  const als =
    (email: string) =>
    (pad: string, init: RequestInit = {}) => {
      const a = aanmelding(email);
      const kop: Record<string, string> = pad.startsWith('/api/') ? { Authorization: `Bearer ${a.bearer}` } : { Cookie: a.cookie, 'X-CSRF-Token': a.csrf };
      return app.request(pad, { ...init, headers: { ...kop, ...(init.headers as Record<string, string> | undefined) } });
    };
  return {
    app,
    db,
    termijnen,
    /** A second app on the same database with nothing computed or kept yet: what a freshly started server renders. */
    verseApp: () => createAppMet(createTermijnService(db, { inwerkingtreding: inwerkingtreding ?? undefined, kalender: createAtwKalender() })),
    als,
    aanmelding,
    klok,
    /** Every row of every table except session bookkeeping (last seen, token last used), to prove a failed request changed nothing. */
    momentopname(): string {
      const tabellen = (
        db.$client
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('sessies', 'api_tokens') ORDER BY name`)
          .all() as { name: string }[]
      ).map((t) => t.name);
      return JSON.stringify(tabellen.map((t) => [t, db.$client.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
    },
    sluit() {
      db.$client.close();
      rmSync(map, { recursive: true, force: true });
    },
  };
}

/** A page's text as a reader sees it: tags gone, the common entities read, whitespace collapsed. */
export function leesTekst(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** A demo client's open term (demo data): Amstelhof's bezwaar in Amsterdam 2026. */
export const DEMO_AMSTELHOF = { partij: 'Stichting Amstelhof Wonen en Zorg', regio: 'ZK02', jaar: '2026', einde: '2026-12-01' };
/** What a checker reads on the besluit of DEMO_AMSTELHOF's date (issue 30.2): its kenmerk and bekendmaking. */
export const DEMO_AMSTELHOF_BESLUIT = { kenmerk: 'NZa/TB/2026-1744', bekendmaking: '20-10-2026', wijze: 'stempel' };

export function formulier(velden: Record<string, string | string[]>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(velden)) for (const w of Array.isArray(v) ? v : [v]) p.append(k, w);
  return p;
}

/** The JSON body of `POST /api/v1/besluiten` for a tariefbeschikking of the firm's client Amstelhof (Amsterdam 2027). */
export function tariefbeschikkingJson(kenmerk: string): string {
  return JSON.stringify({
    type: 'tariefbeschikking',
    kenmerk,
    zorgaanbieder: '90000003',
    regio: 'Amsterdam',
    jaar: 2027,
    soort: 'vaststelling',
    besluitdatum: '2026-11-20',
    bekendgemaakt: '2026-11-20',
  });
}

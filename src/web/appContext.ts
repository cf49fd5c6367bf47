import type { Actor } from '../actor/actor';
import type { Db } from '../db/verbinding';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import type { TermijnService } from '../services/termijnen/termijnService';
import type { Weergave } from './weergave';
import type { FilingRenderer } from '../documents/filingRenderer';
import type { MailConfig } from '../mail/mailConfig';
import type { Verzender } from '../mail/verzender';
import type { ZaakOverzichtRij } from '../services/zaken/zaakOverzicht';
import type { BesluitDatums } from '../services/besluiten/besluitRegistratie';
import type { SessieTijden, Sessie } from '../services/toegang/sessieService';
import type { VerzoekGrenzen } from './verzoekGrenzen';
import type { Logger } from '../log/logger';
import type { GriffierechtTarief } from '../domain/filings/griffierecht';
import type { WebhookBeleid } from '../services/webhooks/webhookService';
import type { createApiTermijnLijsten } from './apiTermijnLijst';

export type ApiTermijnLijsten = ReturnType<typeof createApiTermijnLijsten>;

export interface Beveiliging {
  /** BASIS_URL's origin (e.g. https://termijnen.example.nl): requests for another Host are refused. Absent: localhost only. */
  basisUrl?: string;
  /** Secure cookies (BASIS_URL is https). */
  secureCookie: boolean;
  sessie: SessieTijden;
  /** Demo mode: the demo accounts' password, shown on the sign-in page. Absent in production. */
  demoWachtwoord?: string;
}

/** The last run of the reminder job in this process, for /gezond. */
export interface HerinneringRondeStand {
  /** ISO time the last run ended; null before the first. */
  laatsteRonde: string | null;
  uitkomst: 'verzonden' | 'niets-te-verzenden' | 'geen-lease' | 'fout' | null;
}

export interface AppDeps {
  db: Db;
  termijnen: TermijnService;
  weergave: Weergave;
  filings: FilingRenderer;
  mail: MailConfig;
  /** Outgoing e-mail (invitations); the embedded outbox without SMTP. */
  verzender: Verzender;
  /** Keys the hashes of session ids, links and API tokens. */
  sessieGeheim: string;
  beveiliging: Beveiliging;
  /** Today in the Netherlands; injected so tests can pin the date. */
  vandaag: () => IsoDatum;
  /** The clock for sessions and codes (milliseconds); injected so tests can move it. */
  nuMs?: () => number;
  /** Body and JSON limits (config MAX_FORMULIER_MB, MAX_UPLOAD_MB, MAX_JSON_*); absent: the defaults. */
  grenzen?: VerzoekGrenzen;
  /** Requests per API token per minute (config API_VERZOEKEN_PER_MINUUT); absent: 600. */
  apiVerzoekenPerMinuut?: number;
  /** JSON lines (pino); absent: silent. */
  log?: Logger;
  /** False once the server is shutting down: /gereed answers 503 so a load balancer stops sending. */
  gereed?: () => boolean;
  /** Griffierecht amounts with their sources (config GRIFFIERECHT_TARIEVEN); absent: none configured. */
  griffierechtTarieven?: readonly GriffierechtTarief[];
  /** This process's reminder job: when its last run ended and how (absent: the job is off). */
  herinneringRonde?: () => HerinneringRondeStand | undefined;
  /** Where a webhook endpoint may point (config WEBHOOK_INTERNE_ADRESSEN, NODE_ENV). */
  webhookBeleid: WebhookBeleid;
  /** The whole `/api/v1/termijnen` list per scope, kept across writes (issue 32.4); absent: the API makes its own. */
  apiTermijnLijsten?: ApiTermijnLijsten;
}

export type AppEnv = {
  Variables: {
    actor: Actor;
    /** The cookie session (absent for API token requests). */
    sessie: Sessie;
    /** Termijnregels §8: no entry-into-force date configured; every page that shows terms says so. */
    inwerkingtredingOnbekend: boolean;
    /** Set by loadZaakUitPad on /zaken/:id/…: the case, already checked to be within the actor's scope. */
    zaak: ZaakOverzichtRij;
    /** Set by loadBesluitUitPad on /besluiten/:type/:id/…. */
    besluit: BesluitDatums;
    /** The request's logger: every line carries the request id. */
    log: Logger;
  };
};

import type { Actor } from '../actor/actor';
import type { Db } from '../db/verbinding';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import type { TermijnService } from '../services/termijnService';
import type { Weergave } from './weergave';
import type { FilingRenderer } from '../documents/filingRenderer';
import type { MailConfig } from '../mail/mailConfig';
import type { ZaakOverzichtRij } from '../services/zaakRegistratie';
import type { BesluitDatums } from '../services/besluitRegistratie';

export interface AppDeps {
  db: Db;
  termijnen: TermijnService;
  weergave: Weergave;
  filings: FilingRenderer;
  mail: MailConfig;
  sessieGeheim: string;
  /** Today in the Netherlands; injected so tests can pin the date. */
  vandaag: () => IsoDatum;
}

export type AppEnv = {
  Variables: {
    actor: Actor;
    /** Termijnregels §8: no entry-into-force date configured; every page that shows terms says so. */
    inwerkingtredingOnbekend: boolean;
    /** Set by loadZaakUitPad on /zaken/:id/…: the case, already checked to be within the actor's scope. */
    zaak: ZaakOverzichtRij;
    /** Set by loadBesluitUitPad on /besluiten/:type/:id/…. */
    besluit: BesluitDatums;
  };
};

import type { BerekendOverzicht } from './termijnService';
import { toWeergaveTermijn } from './termijnWeergave';
import type { ZaakOverzichtRij } from './zaakRegistratie';

/** The terms, exclusions and regio-jaar state that belong to one case. */
export function findZaakTermijnen(berekend: BerekendOverzicht, zaak: ZaakOverzichtRij) {
  const kenmerk = zaak.contracteerruimtebesluit ?? zaak.tariefbeschikking;
  const regio = zaak.regio ?? zaak.tariefbeschikkingRegio;
  const jaar = zaak.jaar ?? zaak.tariefbeschikkingJaar;
  const past = (x: { besluit: string; rechtsmiddel: string; regio: string; jaar: number }) =>
    x.besluit === kenmerk && x.rechtsmiddel === zaak.soort && x.regio === regio && x.jaar === jaar;
  const partij = zaak.zorgaanbieder ?? undefined;
  // A beroep also follows the dates its party got later in the same (regio, jaar): after an amendment (termijnregels §6).
  const ookVanPartij = (t: { besluit: string; rechtsmiddel: string; regio: string; jaar: number; partij?: string | undefined; soort?: string }) =>
    zaak.soort === 'beroep' && t.rechtsmiddel === 'beroep' && t.regio === regio && t.jaar === jaar && t.partij === partij && t.soort === 'beschermend';
  // Everything of a case lies in its own (regio, jaar): looked up through the index, never by scanning every term.
  const cel = regio !== null && regio !== undefined && jaar !== null && jaar !== undefined ? berekend.cel(regio, jaar) : undefined;
  const termijnen = cel?.termijnen ?? [];
  return {
    kenmerk,
    regio,
    jaar,
    termijnen: termijnen.filter(past).map((t) => toWeergaveTermijn(t, berekend.config)),
    /** The party's other dates for this (regio, jaar): possibly fatal after an amendment, or a 6:19 precaution. */
    beschermendeDatums: termijnen.filter((t) => !past(t) && ookVanPartij(t)).map((t) => toWeergaveTermijn(t, berekend.config)),
    uitsluitingen: (cel?.uitsluitingen ?? []).filter(past),
    regioJaarStatus: zaak.soort === 'beroep' ? cel?.status : undefined,
    partijStatus: zaak.soort === 'beroep' && partij ? cel?.partijStatus.find((s) => s.partij === partij) : undefined,
  };
}

import type { BerekendOverzicht } from './termijnService';
import { toWeergaveTermijn } from './termijnWeergave';
import type { ZaakOverzichtRij } from '../zaken/zaakOverzicht';

/** The terms, exclusions and regio-jaar state that belong to one case. */
export function findZaakTermijnen(berekend: BerekendOverzicht, zaak: ZaakOverzichtRij) {
  const kenmerk = zaak.contracteerruimtebesluit ?? zaak.tariefbeschikking;
  const regio = zaak.regio ?? zaak.tariefbeschikkingRegio;
  const jaar = zaak.jaar ?? zaak.tariefbeschikkingJaar;
  const past = (x: { besluit: string; rechtsmiddel: string; regio: string; jaar: number }) =>
    x.besluit === kenmerk && x.rechtsmiddel === zaak.soort && x.regio === regio && x.jaar === jaar;
  const partij = zaak.zorgaanbieder ?? undefined;
  // A beroep also follows every other date of its party in the same (regio, jaar) — after an amendment, an art. 6:19
  // precaution (termijnregels §6) — and the art. 105 lid 3 window open to every party of the region: the dates the
  // party's status (and so the matrix, the overview and the API) reckons with, so the case page names the same.
  const ookVanPartij = (t: { besluit: string; rechtsmiddel: string; regio: string; jaar: number; partij?: string | undefined }) =>
    zaak.soort === 'beroep' && t.rechtsmiddel === 'beroep' && t.regio === regio && t.jaar === jaar && (t.partij === undefined || t.partij === partij);
  // Everything of a case lies in its own (regio, jaar): looked up through the index, never by scanning every term.
  const cel = regio !== null && regio !== undefined && jaar !== null && jaar !== undefined ? berekend.cel(regio, jaar) : undefined;
  const termijnen = cel?.termijnen ?? [];
  const partijDatums = termijnen.filter((t) => !past(t) && ookVanPartij(t)).map((t) => toWeergaveTermijn(t, berekend.config));
  const partijStatus = zaak.soort === 'beroep' && partij ? cel?.partijStatus.find((s) => s.partij === partij) : undefined;
  return {
    kenmerk,
    regio,
    jaar,
    termijnen: termijnen.filter(past).map((t) => toWeergaveTermijn(t, berekend.config)),
    /** The party's other dates for this (regio, jaar): possibly fatal after an amendment, a 6:19 precaution, a lid-3 window. */
    partijDatums,
    /** The same list under the name the reminder job reads (src/services/herinneringen/openTermijnen.ts). */
    beschermendeDatums: partijDatums,
    uitsluitingen: (cel?.uitsluitingen ?? []).filter(past),
    regioJaarStatus: zaak.soort === 'beroep' ? cel?.status : undefined,
    partijStatus,
    /** The date to file by, as the matrix and the overview give it for this party (its status' safe last day). */
    veiligeUitersteDatum: partijStatus?.veiligeUitersteDatum,
  };
}

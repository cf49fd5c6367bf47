import type { BerekendOverzicht } from './termijnService';
import type { ZaakOverzichtRij } from './zaakRegistratie';

/** The terms, exclusions and regio-jaar state that belong to one case. */
export function findZaakTermijnen(berekend: BerekendOverzicht, zaak: ZaakOverzichtRij) {
  const kenmerk = zaak.contracteerruimtebesluit ?? zaak.tariefbeschikking;
  const regio = zaak.regio ?? zaak.tariefbeschikkingRegio;
  const jaar = zaak.jaar ?? zaak.tariefbeschikkingJaar;
  const past = (x: { besluit: string; rechtsmiddel: string; regio: string; jaar: number }) =>
    x.besluit === kenmerk && x.rechtsmiddel === zaak.soort && x.regio === regio && x.jaar === jaar;
  return {
    kenmerk,
    regio,
    jaar,
    termijnen: berekend.uitkomst.termijnen.filter(past),
    uitsluitingen: berekend.uitkomst.uitsluitingen.filter(past),
    regioJaarStatus: zaak.soort === 'beroep' ? berekend.uitkomst.status.find((s) => s.regio === regio && s.jaar === jaar) : undefined,
  };
}

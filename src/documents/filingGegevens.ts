import type { Art65Gegevens, FilingSoort } from '../domain/filings/filingSoorten';

/** Everything a filing template may use, filled in from the case. All dates are already Dutch text. */
/** An organisation's letterhead data: the filings print it, the settings page edits it. */
export interface Contactgegevens {
  naam: string;
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
  email: string | null;
  telefoon: string | null;
  kvkNummer: string | null;
}

export interface FilingGegevens extends Art65Gegevens {
  soort: FilingSoort;
  titel: string;
  proForma: boolean;
  dagtekeningTekst: string;
  plaatsDagtekening: string;
  briefhoofd: Contactgegevens & { heeftLogo: boolean };
  indiener: Art65Gegevens['indiener'] & { kvkNummer: string | null; id: number | null };
  /** Set when a law firm acts for the zorgaanbieder. */
  gemachtigde: { naam: string; kantoor: string } | null;
  ondertekenaar: string;
  besluit: Art65Gegevens['besluit'] & { omschrijving: string; bekendgemaaktTekst: string; besluitdatumTekst: string };
  contracteerruimte: { regio: string; jaar: number; zorgkantoor: string; bedragTekst: string | null; besluitKenmerk: string | null };
  termijn: { aanvangTekst: string; eindeTekst: string; eindeLang: string; grondslag: string; toelichting: string } | null;
  tijdigheid: { lid2: boolean; lid3: boolean; awb: boolean };
  teLaat: boolean;
  cbbZaaknummer: string | null;
  samenhang: { cbbZaaknummer: string | null; regio: string; jaar: number } | null;
  statusToelichting: string | null;
}

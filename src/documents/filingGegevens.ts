import type { Art65Gegevens, FilingSoort } from '../domain/filings/filingSoorten';
import type { Tijdigheid } from '../domain/filings/filingAanbod';

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

/** Everything a filing template may use, filled in from the case. All dates are already Dutch text. */
export interface FilingGegevens extends Art65Gegevens {
  soort: FilingSoort;
  titel: string;
  proForma: boolean;
  /** Bezwaar (NZa) or beroep (CBb): who the filing goes to. */
  zaakSoort: 'beroep' | 'bezwaar';
  dagtekeningTekst: string;
  plaatsDagtekening: string;
  briefhoofd: Contactgegevens & { heeftLogo: boolean };
  /** The client: the appellant or bezwaarmaker, never the firm. */
  indiener: (NonNullable<Art65Gegevens['indiener']> & { kvkNummer: string | null; id: number | null }) | null;
  /** Who represents the client and signs. */
  vertegenwoordiging: {
    soort: 'advocaat' | 'anders';
    naam: string;
    kantoor: string;
    plaats: string | null;
    /** The firm acts for the client; false: an in-house lawyer of the client itself. */
    extern: boolean;
  };
  volmachtBijgevoegd: boolean;
  ondertekenaar: string | null;
  /** The contested besluit: for beroep the contracteerruimtebesluit, for bezwaar the tariefbeschikking. */
  besluit: Art65Gegevens['besluit'] & { omschrijving: string; bekendgemaaktTekst: string; besluitdatumTekst: string };
  /** The tariefbeschikking that opened the term (lid 2) or is contested (bezwaar). */
  tariefbeschikking: { kenmerk: string; soortLabel: string; besluitdatumTekst: string; bekendgemaaktTekst: string } | null;
  contracteerruimte: {
    regio: string;
    jaar: number;
    zorgkantoor: string;
    /** The amount in force on the dagtekening, always with the besluit that set it (issue 29.2). */
    bedrag: { kenmerk: string; tekst: string } | null;
    /** Beroep: the amount the contested besluit set, with it. */
    bestredenBedrag: { kenmerk: string; tekst: string } | null;
  };
  /** Beroep: the contested besluit in words, "NZa/CR/… zoals gewijzigd bij NZa/CR/…" after an amendment. */
  bestreden: { tekst: string; kenmerken: string[] } | null;
  /** Vovo, brief 6:19, aanvullende gronden: the besluit in force for the year when a later one replaced the contested besluit (art. 6:19 Awb). */
  nieuwBesluit: {
    kenmerk: string;
    besluitdatumTekst: string;
    bekendgemaaktTekst: string;
    omschrijving: string;
    bedrag: { kenmerk: string; tekst: string };
    /** The contested besluit (as amended) it replaced for the region and year. */
    vervangt: string;
  } | null;
  termijn: { aanvangTekst: string; eindeTekst: string; eindeLang: string; grondslag: string; toelichting: string; postUiterlijkTekst: string } | null;
  /** The rule that opened the term, for the timeliness wording. */
  regel: { lid2: boolean; lid3: boolean; awb: boolean };
  tijdigheid: Tijdigheid;
  /** Facts from the case timeline only; where the timeline does not know, nothing is claimed. */
  procedure: {
    ingesteldTekst: string | null;
    cbbZaaknummer: string | null;
    hangend: boolean;
    gelijktijdig: boolean;
    afgerondTekst: string | null;
    proForma: boolean;
  };
  samenhang: { cbbZaaknummer: string | null; regio: string; jaar: number; ingesteldTekst: string } | null;
  /** Aanvullende gronden: the last day of the hersteltermijn (art. 6:6 Awb), as recorded, and whether the dagtekening lies within it. */
  hersteltermijn: { eindeTekst: string; binnen: boolean } | null;
  /** What the lawyer must do before filing, computed from the case (never in the filing itself): shown in the wizard. */
  adviezen: string[];
  /** Vovo: ask for art. 8:86 lid 1 Awb (decision in the main case at once). */
  kortsluiting: boolean;
  /** Vovo: the placeholder of the order-type measure the lawyer must describe. */
  ordemaatregel: string;
  /** Every fact the filing states as its text appears there, what it is, and its source (record, who entered it, when). */
  feiten: { waarde: string; omschrijving: string; bron: string }[];
  rechtstreeksBeroep: boolean;
  bijlagen: { nummer: number; omschrijving: string }[];
  griffierecht: { tekst: string } | null;
  /**
   * The client letter (issue 29.3): the case's stage, the status in words, the one safe date and the reply date (null:
   * "per omgaande"), and the next real dates of the stage — each a whole sentence, or null when it does not apply.
   */
  brief: {
    fase: 'concept' | 'te-laat' | 'ingediend' | 'afgerond' | 'onherroepelijk';
    /** An in-house department: an internal memo to its own board, not a letter to itself. */
    memo: boolean;
    /** How the letter names the client: "u", or in a memo the organisation's own name. */
    u: string;
    statusZin: string;
    veiligeDatumLang: string | null;
    actieDatumLang: string | null;
    opentLang: string | null;
    herstelZin: string | null;
    griffieZin: string | null;
    voorzorgZin: string | null;
    parallelZin: string | null;
    griffierecht: boolean;
    vraagt: boolean;
    onherroepelijk: boolean;
  } | null;
  /** The engine's doubts, as sentences the lawyer sees before generating (never in the filing itself). */
  twijfels: string[];
  /** The filing channel (art. 6:9 Awb, art. 8:36b Awb): shown in the wizard. */
  kanaal: string;
}

import type { Db } from '../../db/verbinding';
import type { FilingGegevens } from '../../documents/filingGegevens';
import { addDagen, formatDatumKort, formatDatumLang, vroegsteDatum, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { BerekendOverzicht } from '../termijnen/termijnService';
import type { findZaakTermijnen } from '../termijnen/zaakTermijnen';
import type { ZaakOverzichtRij } from '../zaken/zaakOverzicht';
import { findStukTermijn } from './stukTermijnen';

/** What the client letter is written from: the case and its terms at the letter's date, and who writes to whom. */
export interface ClientbriefFeiten {
  dagtekening: IsoDatum;
  zaak: ZaakOverzichtRij;
  zaakTermijnen: ReturnType<typeof findZaakTermijnen>;
  /** The writing organisation's soort, and whether the client is another organisation than the writer. */
  organisatieSoort: string;
  extern: boolean;
  clientNaam: string | undefined;
  /** Whether the case's beroep or bezwaar was filed on or before the letter's date and not yet decided. */
  hangend: boolean;
  procedure: { ingesteldTekst: string | null; afgerondTekst: string | null };
  naarCbb: boolean;
  tariefbeschikkingKenmerk: string | undefined;
}

/**
 * The client letter (issue 29.3): the stage of the case decides its paragraphs, every date is one still to come on the
 * letter's own date, and an in-house department writes an internal memo to its own board instead of a letter.
 */
export function buildClientbrief(db: Db, berekend: BerekendOverzicht, f: ClientbriefFeiten): NonNullable<FilingGegevens['brief']> {
  const d = f.dagtekening;
  const { zaak, hangend, procedure, naarCbb } = f;
  const { regio, jaar, partijStatus, beschermendeDatums } = f.zaakTermijnen;
  const termijn = f.zaakTermijnen.termijnen[0] ?? null;
  const memo = f.organisatieSoort === 'zorgaanbieder' && !f.extern;
  const u = memo ? (f.clientNaam ?? 'de cliënt') : 'u';
  const onherroepelijk = partijStatus?.status === 'onherroepelijk';
  // The one safe date: the engine's for the party, else the earliest of the case's own term and the party's other dates
  // — only one still running on the letter's date.
  const nogLopend = [termijn?.einde, ...beschermendeDatums.map((b) => b.einde)].filter((x): x is IsoDatum => x !== undefined && x >= d);
  const veilig = partijStatus?.veiligeUitersteDatum ?? (nogLopend.length > 0 ? vroegsteDatum(nogLopend) : null);
  const veiligeDatum = veilig !== null && veilig >= d ? veilig : null;
  const fase: NonNullable<FilingGegevens['brief']>['fase'] =
    zaak.status === 'afgerond' ? 'afgerond' : hangend ? 'ingediend' : onherroepelijk ? 'onherroepelijk' : veiligeDatum ? 'concept' : 'te-laat';
  // A reply date a week before the safe date; on or before the letter's own date there is none: "per omgaande".
  const antwoord = (uiterste: IsoDatum) => (addDagen(uiterste, -7) > d ? formatDatumLang(addDagen(uiterste, -7)) : null);
  const middel = zaak.soort === 'beroep' ? 'beroep' : 'bezwaar';
  const statusZin =
    fase === 'afgerond'
      ? `De procedure is afgerond${procedure.afgerondTekst ? ` op ${procedure.afgerondTekst}` : ''}.`
      : fase === 'ingediend'
        ? `Het ${middel} is ingesteld op ${procedure.ingesteldTekst}${zaak.cbbZaaknummer ? ` (zaaknummer ${zaak.cbbZaaknummer})` : ''}.`
        : fase === 'onherroepelijk'
          ? `De regionale contracteerruimte ${regio} ${jaar} is voor ${u} onherroepelijk${partijStatus?.sinds ? ` sinds ${formatDatumKort(partijStatus.sinds)}` : ''} (art. 105 lid 4 Wmg); beroep daartegen is niet meer mogelijk.`
          : `Er is nog geen ${zaak.soort === 'beroep' ? 'beroep ingesteld' : 'bezwaar gemaakt'}.`;

  // The next real dates of a filed case: the hersteltermijn, the griffierecht notice, an art. 6:19 precaution.
  const herstel = fase === 'ingediend' ? findStukTermijn(db, zaak.id, 'hersteltermijn', d) : undefined;
  const herstelZin =
    herstel && !herstel.vervuld && herstel.einde >= d
      ? `De gronden van het ${middel} moeten uiterlijk ${formatDatumLang(herstel.einde)} zijn aangevuld (art. 6:6 Awb). ${memo ? 'De stukken en cijfers daarvoor hebben wij' : 'Wij hebben uw stukken en cijfers daarvoor'} ${antwoord(herstel.einde) ? `uiterlijk ${antwoord(herstel.einde)}` : 'per omgaande'} nodig.`
      : null;
  const griffie = fase === 'ingediend' && naarCbb ? findStukTermijn(db, zaak.id, 'griffierecht', d) : undefined;
  const griffieZin =
    griffie && !griffie.vervuld && griffie.einde >= d
      ? `De griffier heeft bij brief van ${formatDatumKort(griffie.brief)} om griffierecht gevraagd. Het moet uiterlijk ${formatDatumLang(griffie.einde)} zijn bijgeschreven op de rekening van het gerecht (art. 8:41 lid 5 Awb); anders verklaart het College het beroep niet-ontvankelijk.`
      : null;
  const voorzorg = fase === 'ingediend' ? beschermendeDatums.find((b) => b.regel === 'art-6-19-voorzorg' && b.bekendgemaakt <= d && b.einde >= d) : undefined;
  const voorzorgZin = voorzorg
    ? `Na het instellen van het beroep heeft de NZa besluit ${voorzorg.besluit} bekendgemaakt op ${formatDatumKort(voorzorg.bekendgemaakt)}. Het beroep strekt zich van rechtswege ook uit tot dat besluit (art. 6:19 lid 1 Awb). Uit voorzorg richten wij het beroep uiterlijk ${formatDatumLang(voorzorg.einde)} bij brief uitdrukkelijk ook tegen dat besluit, met de gronden daartegen.`
    : null;
  // A bezwaar against a tariefbeschikking: the beroep against the contracteerruimte it applied runs at the same time.
  const parallel =
    fase === 'concept' && zaak.soort === 'bezwaar' && f.tariefbeschikkingKenmerk && regio && jaar
      ? berekend
          .cel(regio, jaar)
          ?.termijnen.find(
            (x) =>
              x.rechtsmiddel === 'beroep' &&
              x.tegen === 'contracteerruimte' &&
              x.besluit === f.tariefbeschikkingKenmerk &&
              x.partij === zaak.zorgaanbieder &&
              x.einde >= d,
          )
      : undefined;
  const parallelZin = parallel
    ? `Tegelijk loopt tot en met ${formatDatumLang(parallel.einde)} de termijn om bij het College van Beroep voor het bedrijfsleven beroep in te stellen tegen de regionale contracteerruimte ${regio} ${jaar} die in deze tariefbeschikking is toegepast (art. 105 lid 2 Wmg). Dat is een afzonderlijke procedure; ${memo ? 'het bestuur beslist ook daarover' : 'laat ons weten of u ook dat beroep wilt instellen'}.`
    : null;
  // Lid 3: the window may open after the letter; filing before it opens is not inadmissible for that (art. 6:10 Awb).
  const opent = fase === 'concept' && termijn && termijn.aanvang > d ? formatDatumLang(termijn.aanvang) : null;
  return {
    fase,
    memo,
    u,
    statusZin,
    veiligeDatumLang: fase === 'concept' && veiligeDatum ? formatDatumLang(veiligeDatum) : null,
    actieDatumLang: fase === 'concept' && veiligeDatum ? antwoord(veiligeDatum) : null,
    opentLang: opent,
    herstelZin,
    griffieZin,
    voorzorgZin,
    parallelZin,
    // The general griffierecht paragraph only where a beroep is still to be filed; in a filed case only an open notice
    // is named (griffieZin): the app cannot know whether an unregistered notice came and was paid long ago.
    griffierecht: naarCbb && (fase === 'concept' || fase === 'te-laat'),
    // Whether the letter asks the client for something: the Betreft says so only then.
    vraagt: fase === 'concept' || fase === 'te-laat' || herstelZin !== null || parallelZin !== null,
    onherroepelijk,
  };
}

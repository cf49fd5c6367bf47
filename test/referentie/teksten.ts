// The Dutch wording of the reference's doubts, exclusions and statuses. The spec (termijnregels.md) prescribes what a
// doubt must say, not its exact words: the words are the engine's choice, spec silent. Where the engine keeps a text as
// a function that only puts the facts it is given into a sentence (src/domain/termijnen/teksten/twijfels.ts), the
// reference uses that function — which facts go in (which rule, which date, which party) is decided in the reference's
// rule modules alone (referentieEngine.ts and what it imports, README.md). The texts below are those the engine writes
// inside a deciding function or lazily; they are written out again here so the differential test can demand equal texts.
import { formatDatumKort, formatDatumLang, type IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import { TARIEFBESCHIKKING_SOORT_LABEL, type Besluit, type Tariefbeschikking } from '../../src/domain/besluiten/besluit';
import { nameContracteerruimtebesluit } from '../../src/domain/termijnen/twijfelTeksten';
import { TWIJFEL_ZORGKANTOOR_UITSLUITING } from '../../src/domain/termijnen/teksten/twijfels';

// Pure wording of the engine, used as it is (see above).
export {
  TWIJFEL_ZORGKANTOOR as ZORGKANTOOR_TERMIJN,
  TWIJFEL_ZORGKANTOOR_BEZWAAR as ZORGKANTOOR_BEZWAAR,
  TWIJFEL_NOOIT_EEN_TERMIJN as NOOIT_EEN_TERMIJN,
  describeTwijfelNieuwkomer as twijfelNieuwkomer,
  describeTwijfelLid3ZelfdeDag as twijfelLid3ZelfdeDag,
  describeTwijfelLid3VoorMaart as twijfelVensterTariefbeschikkingVoorMaart,
  describeTwijfelLid2VoorMaart as twijfelLid2VoorMaart,
  describeTwijfelArt619 as twijfelVoorzorg619,
} from '../../src/domain/termijnen/teksten/twijfels';

/** Several doubts of one date: one paragraph each (engine's choice, spec silent). */
export const ALINEA = '\n\n';

export function voegTwijfelsSamen(...delen: (string | undefined)[]): string | undefined {
  const gezet = delen.filter((d): d is string => d !== undefined && d !== '');
  return gezet.length === 0 ? undefined : gezet.join(ALINEA);
}

export function naamVanBesluit(besluit: Besluit): string {
  return `${nameContracteerruimtebesluit(besluit.soort)} ${besluit.id}`;
}

// §6: an amendment (or a late first vaststelling) after tariefbeschikkingen, no gewijzigde tariefbeschikking yet.
export function twijfelNaWijziging(besluit: Besluit, zorgkantoor: boolean): string {
  const naam = naamVanBesluit(besluit);
  const na = besluit.soort === 'wijziging' ? 'een wijziging van de contracteerruimte' : 'een contracteerruimtebesluit dat na tariefbeschikkingen komt';
  const veilig =
    'Beroep uiterlijk op deze datum is veilig: een beroep vóór een latere gewijzigde tariefbeschikking is niet te vroeg, want ' +
    `${naam} bestaat al (art. 6:10 lid 1 sub a Awb).`;
  if (zorgkantoor) {
    return (
      'Mogelijk fatale datum. Het zorgkantoor ontvangt zelf geen (gewijzigde) tariefbeschikking: voor het zorgkantoor kan de gewone ' +
      `termijn (art. 6:7 en 6:8 Awb) vanaf de bekendmaking van ${naam} de enige zijn. ${veilig} Een gewijzigde tariefbeschikking ` +
      'aan een zorgaanbieder in de regio kan ook voor het zorgkantoor een termijn openen; dat is niet beslist, de vroegste datum is de veilige.'
    );
  }
  return (
    `Mogelijk fatale datum. De NZa geeft na ${na} alleen "zo nodig" een gewijzigde tariefbeschikking af; krijgt deze ` +
    `zorgaanbieder er geen, dan loopt de gewone termijn (art. 6:7 en 6:8 Awb) vanaf de bekendmaking van ${naam}. ${veilig} ` +
    'Een gewijzigde tariefbeschikking opent daarnaast een eigen termijn.'
  );
}

// §4: a besluit for a year that is not future, no tariefbeschikking yet (or only one of its own day, §7). `wie`: the
// party's kind, or the region.
export function twijfelZonderTariefbeschikking(
  besluit: Besluit,
  regio: string,
  jaar: number,
  wie: 'zorgaanbieder' | 'zorgkantoor' | 'regio',
  geenPartijBekend: boolean,
  tariefbeschikkingZelfdeDag: boolean,
): string {
  const naam = naamVanBesluit(besluit);
  let overWie = '';
  if (wie === 'zorgkantoor') overWie = ' Het zorgkantoor ontvangt nooit een tariefbeschikking: voor het zorgkantoor kan deze datum de enige zijn.';
  if (wie === 'regio') {
    overWie =
      (geenPartijBekend ? ' Bij de bekendmaking was nog geen partij in de regio bekend.' : '') +
      ' Deze datum geldt voor elke partij in de regio, ook voor het zorgkantoor, dat nooit een tariefbeschikking ontvangt.';
  }
  const waaromGeenLid2 = tariefbeschikkingZelfdeDag
    ? `op dezelfde dag is de eerste tariefbeschikking voor ${regio} ${jaar} bekendgemaakt. Of die er al was toen het besluit werd bekendgemaakt, ` +
      'is niet zeker; een termijn via art. 105 lid 2 Wmg opent zij hoogstens voor haar adressaat. Of voor de andere partijen de gewone ' +
      'termijn (art. 6:7 en 6:8 lid 1 Awb) vanaf de bekendmaking van het besluit zelf loopt, laat de wet open.'
    : `op de dag van bekendmaking was voor ${regio} ${jaar} nog geen tariefbeschikking bekendgemaakt, dus liep er geen termijn via art. 105 lid 2 Wmg. ` +
      'Of dan de gewone termijn (art. 6:7 en 6:8 lid 1 Awb) vanaf de bekendmaking van het besluit zelf loopt, laat de wet open.';
  return (
    `Mogelijk fatale datum. ${naam.charAt(0).toUpperCase()}${naam.slice(1)} betreft ${jaar}, geen toekomstig jaar, dus art. 105 lid 3 Wmg geldt niet; ` +
    `${waaromGeenLid2}${overWie} ` +
    'Beroep uiterlijk op deze datum is veilig: het besluit bestaat al (art. 6:10 lid 1 sub a Awb). Een tariefbeschikking die ' +
    'daarna volgt, opent daarnaast een eigen termijn; de vroegste datum is de veilige.'
  );
}

// §6: a lid-4 exclusion says what would change it.
export function twijfelLid4(
  regio: string,
  jaar: number,
  partij: string,
  sinds: IsoDatum,
  besluitId: string,
  eindeAlsToch: IsoDatum,
  inwerkingtredingOnbekend: boolean,
  zorgkantoor: boolean,
): string {
  return voegTwijfelsSamen(
    `Controleer of de NZa de contracteerruimte ${regio} ${jaar} sinds ${formatDatumKort(sinds)} heeft gewijzigd; ` +
      `zo ja, registreer dat wijzigingsbesluit: dan opent tariefbeschikking ${besluitId} wel beroep, uiterlijk op ` +
      `${formatDatumLang(eindeAlsToch)}.`,
    inwerkingtredingOnbekend
      ? 'De datum van inwerkingtreding van art. 105 leden 2–4 Wmg is niet bekend: trad de regeling pas na de eerdere ' +
          `termijn(en) van ${partij} in werking, dan stond daarvoor geen beroep open en is ${formatDatumLang(eindeAlsToch)} de fatale datum.`
      : undefined,
    zorgkantoor ? TWIJFEL_ZORGKANTOOR_UITSLUITING : undefined,
  )!;
}

export function toelichtingLid4(regio: string, jaar: number, partij: string, sinds: IsoDatum, besluitId: string): string {
  return (
    `De regionale contracteerruimte ${regio} ${jaar} is voor ${partij} sinds ${formatDatumKort(sinds)} onherroepelijk ` +
    `en is daarna niet door de NZa gewijzigd: tariefbeschikking ${besluitId} opent geen nieuw beroep daartegen ` +
    '(art. 105 lid 4 Wmg). Bezwaar tegen de tariefbeschikking zelf staat wel open.'
  );
}

export function toelichtingGeenBezwaar(besluitId: string): string {
  return (
    `Tegen contracteerruimtebesluit ${besluitId} staat geen bezwaar open: alleen rechtstreeks beroep bij het CBb ` +
    '(art. 7:1 Awb met Bijlage 1 Awb), via de tariefbeschikking (art. 105 lid 2 Wmg) of voor toekomstige jaren vanaf 1 maart (art. 105 lid 3 Wmg).'
  );
}

export function toelichtingSluittarief(besluitId: string, regio: string, jaar: number): string {
  return (
    `Tariefbeschikking ${besluitId} stelt een Wlz-sluittarief vast in het kader van de nacalculatie ${jaar}: die opent geen ` +
    `beroep tegen de regionale contracteerruimte ${regio} ${jaar} (art. 105 lid 2, laatste zin, Wmg), omdat de ` +
    "definitieve afrekening zo'n beroep zinloos maakt. Bezwaar tegen de beschikking zelf staat wel open (art. 6:7 Awb)."
  );
}

export function toelichtingGeenProductieafspraken(besluit: Tariefbeschikking, regio: string, jaar: number): string {
  return (
    `Tariefbeschikking ${besluit.id} (${TARIEFBESCHIKKING_SOORT_LABEL[besluit.soort]}) is geen tariefbeschikking met goedgekeurde ` +
    'productieafspraken: zij opent alleen bezwaar tegen zichzelf, geen beroep tegen de regionale contracteerruimte ' +
    `${regio} ${jaar} (art. 105 lid 2 Wmg).`
  );
}

export function twijfelGeenProductieafspraken(eindeAlsToch: IsoDatum): string {
  return (
    'Art. 105 lid 2 Wmg sluit met zoveel woorden alleen het Wlz-sluittarief uit. Dat andere nacalculatie- en ' +
    'vereffeningsbeschikkingen geen beroep tegen de contracteerruimte openen, volgt uit de eis van goedgekeurde ' +
    `productieafspraken, maar is niet door de rechter bevestigd. Wie zeker wil zijn, stelt beroep in uiterlijk op ${formatDatumLang(eindeAlsToch)}.`
  );
}

function watOudRegime(besluit: Besluit): string {
  return besluit.type === 'contracteerruimte' ? `Contracteerruimtebesluit ${besluit.id}` : `Tariefbeschikking ${besluit.id}`;
}

export function toelichtingOudRegime(besluit: Besluit, regio: string, jaar: number, inwerkingtreding: IsoDatum): string {
  return (
    `${watOudRegime(besluit)} is bekendgemaakt op ${formatDatumKort(besluit.bekendgemaakt)}, vóór de ingestelde datum van inwerkingtreding van ` +
    `art. 105 leden 2–4 Wmg (${formatDatumKort(inwerkingtreding)}): tegen de regionale contracteerruimte ${regio} ${jaar} stond toen geen rechtstreeks beroep open; ` +
    'zij kon alleen exceptief worden getoetst in bezwaar en beroep tegen de tariefbeschikking.'
  );
}

export function twijfelOudRegime(besluit: Besluit, inwerkingtreding: IsoDatum, venster: boolean, geheelNa: boolean, eindeAlsToch: IsoDatum): string {
  const welkeTermijn = venster ? 'het venster vanaf 1 maart (art. 105 lid 3 Wmg)' : 'de termijn van zes weken na de bekendmaking';
  return (
    `${watOudRegime(besluit)} is bekendgemaakt vóór de inwerkingtreding (${formatDatumKort(inwerkingtreding)}), maar ${welkeTermijn} ` +
    `${geheelNa ? 'valt geheel' : 'loopt door tot'} na die datum. Of art. 105 leden 2–4 Wmg dan toch ` +
    'beroep tegen de contracteerruimte openen, regelt de wet niet met zoveel woorden. Stel uit voorzorg beroep in uiterlijk op ' +
    `${formatDatumLang(eindeAlsToch)}: een onnodig beroep kost alleen griffierecht.`
  );
}

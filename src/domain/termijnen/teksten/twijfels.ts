import { formatDatumKort, formatDatumLang, type IsoDatum } from '../../kalender/kalenderdatum';
import type { Besluit, Tariefbeschikking } from '../../besluiten/besluit';
import { hoofdletter } from '../../tekst';
import type { PartijSoort } from '../termijn';
import { nameContracteerruimtebesluit, TWIJFEL_ALINEA } from '../twijfelTeksten';
import { LateTekst } from './lateTekst';

// TEXTS: the doubts (twijfels) the rules attach to terms and exclusions, in Dutch (termijnregels §4–§8).

export const TWIJFEL_NOOIT_EEN_TERMIJN =
  'Voor deze partij stond nog geen beroep tegen deze contracteerruimte open, maar de termijnen van andere partijen zijn ' +
  'verstreken. Art. 105 lid 4 Wmg kan zo worden gelezen dat de contracteerruimte al onherroepelijk is; de wet laat dat ' +
  'open. Stel beroep in uiterlijk op deze datum: een onnodig beroep kost alleen griffierecht.';

export const TWIJFEL_ZORGKANTOOR =
  'Of elke tariefbeschikking in de regio ook voor het zorgkantoor een beroepstermijn opent, is niet beslist: het zorgkantoor ' +
  'is geen adressaat van de tariefbeschikking. De vroegste van deze termijnen is de veilige datum.';

export const TWIJFEL_ZORGKANTOOR_UITSLUITING =
  'Of elke tariefbeschikking in de regio ook voor het zorgkantoor een beroepstermijn opent, is niet beslist: het zorgkantoor ' +
  'is geen adressaat van de tariefbeschikking.';

// Kamerstuk 36 486 nr. 3 (MvT bij art. 105 lid 2) assumes a zorgkantoor may make bezwaar against the tariefbeschikking.
export const TWIJFEL_ZORGKANTOOR_BEZWAAR =
  'Het zorgkantoor is geen adressaat van deze tariefbeschikking; de memorie van toelichting gaat ervan uit dat ook een ' +
  'zorgkantoor bezwaar kan maken tegen de tariefbeschikking. De termijn loopt voor de zekerheid vanaf de bekendmaking aan de zorgaanbieder.';

export function regiojaar(regio: string, jaar: number): string {
  return `${regio} ${jaar}`;
}

export function joinTwijfels(...twijfels: (string | undefined)[]): string | undefined {
  const gezet = twijfels.filter((t): t is string => Boolean(t));
  if (gezet.length <= 1) return gezet[0];
  // One doubt per paragraph (pages show several as a list: `TWIJFEL_ALINEA`).
  return gezet.join(TWIJFEL_ALINEA);
}

/** One doubt per kind of party, shared by every party's date of a besluit (the term names its party). */
export interface TwijfelPerSoort {
  zorgaanbieder: LateTekst;
  zorgkantoor: LateTekst;
}

/** Termijnregels §6: a besluit after tariefbeschikkingen, without a gewijzigde tariefbeschikking (yet), for a zorgaanbieder and a zorgkantoor. */
export function describeTwijfelWijziging(besluit: Besluit, twijfelRegime: string | undefined): TwijfelPerSoort {
  // Written when first read: one per besluit after tariefbeschikkingen, most never shown.
  const naam = () => `${nameContracteerruimtebesluit(besluit.soort)} ${besluit.id}`;
  // A first vaststelling after tariefbeschikkingen is no wijziging; the NZa re-assesses "zo nodig" after either.
  const na = () => (besluit.soort === 'wijziging' ? 'een wijziging van de contracteerruimte' : 'een contracteerruimtebesluit dat na tariefbeschikkingen komt');
  const veilig = () =>
    `Beroep uiterlijk op deze datum is veilig: een beroep vóór een latere gewijzigde tariefbeschikking is niet te vroeg, want ` +
    `${naam()} bestaat al (art. 6:10 lid 1 sub a Awb).`;
  const zorgaanbieder = () =>
    `Mogelijk fatale datum. De NZa geeft na ${na()} alleen "zo nodig" een gewijzigde tariefbeschikking af; krijgt deze ` +
    `zorgaanbieder er geen, dan loopt de gewone termijn (art. 6:7 en 6:8 Awb) vanaf de bekendmaking van ${naam()}. ${veilig()} ` +
    'Een gewijzigde tariefbeschikking opent daarnaast een eigen termijn.';
  const zorgkantoor = () =>
    `Mogelijk fatale datum. Het zorgkantoor ontvangt zelf geen (gewijzigde) tariefbeschikking: voor het zorgkantoor kan de gewone ` +
    `termijn (art. 6:7 en 6:8 Awb) vanaf de bekendmaking van ${naam()} de enige zijn. ${veilig()} Een gewijzigde tariefbeschikking ` +
    'aan een zorgaanbieder in de regio kan ook voor het zorgkantoor een termijn openen; dat is niet beslist, de vroegste datum is de veilige.';
  return {
    zorgaanbieder: new LateTekst(() => joinTwijfels(zorgaanbieder(), twijfelRegime)!),
    zorgkantoor: new LateTekst(() => joinTwijfels(zorgkantoor(), twijfelRegime)!),
  };
}

/** What the §4 doubt of a date says beyond the besluit and the party's kind. */
export interface ZonderTariefbeschikkingOmstandigheden {
  /** For the region's date: whether no party of the region was known at the bekendmaking. */
  geenPartijBekend?: boolean;
  /** The year's first tariefbeschikking was made known on the besluit's own day. */
  tariefbeschikkingZelfdeDag?: boolean;
}

/**
 * Termijnregels §4: a besluit for a year that is not future at its bekendmaking, with no tariefbeschikking for (regio,
 * jaar) yet (or only one of the same day); for a zorgaanbieder, a zorgkantoor, or (`undefined`) the region when no party
 * is known.
 */
export function describeTwijfelZonderTariefbeschikking(
  besluit: Besluit,
  regio: string,
  jaar: number,
  partijSoort: PartijSoort | undefined,
  twijfelRegime: string | undefined,
  omstandigheden: ZonderTariefbeschikkingOmstandigheden = {},
): LateTekst {
  return new LateTekst(() => {
    const naam = `${nameContracteerruimtebesluit(besluit.soort)} ${besluit.id}`;
    const wie =
      partijSoort === 'zorgkantoor'
        ? ' Het zorgkantoor ontvangt nooit een tariefbeschikking: voor het zorgkantoor kan deze datum de enige zijn.'
        : partijSoort === undefined
          ? (omstandigheden.geenPartijBekend ? ' Bij de bekendmaking was nog geen partij in de regio bekend.' : '') +
            ' Deze datum geldt voor elke partij in de regio, ook voor het zorgkantoor, dat nooit een tariefbeschikking ontvangt.'
          : '';
    // Said of the day of bekendmaking: a tariefbeschikking registered later does not make it untrue.
    const geenLid2 = omstandigheden.tariefbeschikkingZelfdeDag
      ? `op dezelfde dag is de eerste tariefbeschikking voor ${regio} ${jaar} bekendgemaakt. Of die er al was toen het besluit werd ` +
        'bekendgemaakt, is niet zeker; een termijn via art. 105 lid 2 Wmg opent zij hoogstens voor haar adressaat. ' +
        'Of voor de andere partijen de gewone termijn (art. 6:7 en 6:8 lid 1 Awb) vanaf de bekendmaking van het besluit zelf loopt, laat de wet open.'
      : `op de dag van bekendmaking was voor ${regio} ${jaar} nog geen tariefbeschikking bekendgemaakt, dus liep er geen termijn via art. 105 lid 2 Wmg. ` +
        'Of dan de gewone termijn (art. 6:7 en 6:8 lid 1 Awb) vanaf de bekendmaking van het besluit zelf loopt, laat de wet open.';
    return joinTwijfels(
      `Mogelijk fatale datum. ${hoofdletter(naam)} betreft ${jaar}, geen toekomstig jaar, dus art. 105 lid 3 Wmg geldt niet; ${geenLid2}${wie} ` +
        'Beroep uiterlijk op deze datum is veilig: het besluit bestaat al (art. 6:10 lid 1 sub a Awb). Een tariefbeschikking die ' +
        'daarna volgt, opent daarnaast een eigen termijn; de vroegste datum is de veilige.',
      twijfelRegime,
    )!;
  });
}

/** `describeTwijfelZonderTariefbeschikking` for a zorgaanbieder and a zorgkantoor: one text each per besluit. */
export function describeTwijfelsZonderTariefbeschikking(
  besluit: Besluit,
  regio: string,
  jaar: number,
  twijfelRegime: string | undefined,
  tariefbeschikkingZelfdeDag: boolean,
): TwijfelPerSoort {
  return {
    zorgaanbieder: describeTwijfelZonderTariefbeschikking(besluit, regio, jaar, 'zorgaanbieder', twijfelRegime, { tariefbeschikkingZelfdeDag }),
    zorgkantoor: describeTwijfelZonderTariefbeschikking(besluit, regio, jaar, 'zorgkantoor', twijfelRegime, { tariefbeschikkingZelfdeDag }),
  };
}

/** Termijnregels §6 (corrected 2026-12-07): a newcomer after a lid-3 window keeps its term, with the lid-4 doubt. */
export function describeTwijfelNieuwkomer(regio: string, vensterEinde: IsoDatum): string {
  return (
    `Deze zorgaanbieder had vóór het einde van het venster van art. 105 lid 3 Wmg (${formatDatumKort(vensterEinde)}) nog geen ` +
    `tariefbeschikking in ${regio}: het venster stond niet voor haar open, want zij was toen geen belanghebbende ` +
    '(art. 1:2 Awb). Deze tariefbeschikking opent daarom de termijn (art. 105 lid 2 Wmg). De NZa kan zich op het standpunt ' +
    'stellen dat de contracteerruimte al onherroepelijk is (art. 105 lid 4 Wmg); stel beroep in uiterlijk op deze datum: een ' +
    'onnodig beroep kost alleen griffierecht.'
  );
}

/** Termijnregels §5: the lid-2 term of a tariefbeschikking made known before the lid-3 window's 1 March. */
export function describeTwijfelLid2VoorMaart(regio: string, jaar: number, aanvang: IsoDatum): string {
  return (
    `Deze tariefbeschikking voor ${regio} ${jaar} is bekendgemaakt na het besluit dat het venster vanaf ${formatDatumKort(aanvang)} ` +
    'opende (art. 105 lid 3 Wmg), maar vóór die datum. Of "nog geen tariefbeschikking afgegeven" wordt gelezen op de dag van ' +
    'bekendmaking van het besluit of op 1 maart, regelt de wet niet; deze termijn en het venster zijn beide berekend, de vroegste datum is de veilige.'
  );
}

/** `describeTwijfelLid2VoorMaart`, written when first read (made outside the walk's loop, which then captures nothing). */
export function createTwijfelLid2VoorMaart(regio: string, jaar: number, aanvang: IsoDatum): LateTekst {
  return new LateTekst(() => describeTwijfelLid2VoorMaart(regio, jaar, aanvang));
}

/** Termijnregels §5: a tariefbeschikking for (regio, jaar) made known after the besluit that opened a lid-3 window, before 1 March. */
export function describeTwijfelLid3VoorMaart(regio: string, jaar: number, tariefbeschikking: IsoDatum, aanvang: IsoDatum): string {
  return (
    `Op ${formatDatumKort(tariefbeschikking)}, vóór ${formatDatumKort(aanvang)}, is een tariefbeschikking voor ${regio} ${jaar} ` +
    'bekendgemaakt. Of "nog geen tariefbeschikking afgegeven" (art. 105 lid 3 Wmg) wordt gelezen op de dag van bekendmaking ' +
    'van het besluit of op 1 maart, regelt de wet niet. Leest men 1 maart, dan geldt dit venster niet en loopt beroep via de ' +
    'tariefbeschikking (art. 105 lid 2 Wmg). De memorie van toelichting spreekt bovendien van tariefbeschikkingen die de NZa "heeft ' +
    'vastgesteld" (Kamerstuk 36 486, nr. 3): telt de dag van vaststelling, dan kan ook een eerder vastgestelde tariefbeschikking ' +
    'lid 3 uitsluiten. Beide termijnen zijn berekend; de vroegste datum is de veilige.'
  );
}

/** What a lid-4 exclusion's doubt names (`Lid4Uitsluiting`). */
export interface Lid4Twijfelgegevens {
  besluit: Pick<Tariefbeschikking, 'id'>;
  partij: string;
  sinds: IsoDatum;
  eindeAlsToch: IsoDatum;
  extraTwijfel: string | undefined;
  invoer: { regio: string; jaar: number };
  inwerkingtreding: IsoDatum | undefined;
}

/** Art. 105 lid 4 Wmg: what could make a lid-4 exclusion wrong, and the date the term would have ended. */
export function describeLid4Twijfel(u: Lid4Twijfelgegevens): string {
  const { partij, invoer, eindeAlsToch } = u;
  // Entry into force unknown: if leden 2–4 came into force after the party's earlier terms, those never existed in law.
  const regime =
    u.inwerkingtreding === undefined
      ? `De datum van inwerkingtreding van art. 105 leden 2–4 Wmg is niet bekend: trad de regeling pas na de eerdere ` +
        `termijn(en) van ${partij} in werking, dan stond daarvoor geen beroep open en is ${formatDatumLang(eindeAlsToch)} de fatale datum.`
      : undefined;
  // One doubt per paragraph.
  return joinTwijfels(
    `Controleer of de NZa de contracteerruimte ${regiojaar(invoer.regio, invoer.jaar)} sinds ${formatDatumKort(u.sinds)} heeft gewijzigd; ` +
      `zo ja, registreer dat wijzigingsbesluit: dan opent tariefbeschikking ${u.besluit.id} wel beroep, uiterlijk op ` +
      `${formatDatumLang(eindeAlsToch)}.`,
    regime,
    u.extraTwijfel,
  )!;
}

// Art. 105 lid 3 Wmg: "nog geen tariefbeschikking afgegeven". The doubt when one was, before any
// contracteerruimtebesluit for the year existed.
export function describeTwijfelLid3NaTariefbeschikking(regioJaar: string, eersteTariefbeschikking: IsoDatum): string {
  return (
    `Voor ${regioJaar} was al een tariefbeschikking bekendgemaakt (${formatDatumKort(eersteTariefbeschikking)}) voordat er een ` +
    `contracteerruimtebesluit voor dat jaar was. Art. 105 lid 3 Wmg geldt alleen als nog geen tariefbeschikking is afgegeven; of een tariefbeschikking die niet op dit ` +
    'besluit kan berusten meetelt, is niet zeker. Het venster vanaf 1 maart is daarom ook berekend; de vroegste datum is de veilige.'
  );
}

/** Termijnregels §5: a lid-3 window when a tariefbeschikking for (regio, jaar) was made known on the besluit's own day. */
export function describeTwijfelLid3ZelfdeDag(regio: string, jaar: number): string {
  return (
    `Op dezelfde dag is een tariefbeschikking voor ${regiojaar(regio, jaar)} bekendgemaakt. Of art. 105 lid 3 Wmg dan ` +
    'geldt (geen tariefbeschikking afgegeven op het moment van bekendmaking), is niet zeker; de termijn via die ' +
    'tariefbeschikking (lid 2) is daarom ook berekend, en de vroegste datum is de veilige.'
  );
}

/** Art. 6:19 Awb: the pending beroep of `partij` extends to the amended besluit; its reach is contested, so a precaution date. */
export function describeTwijfelArt619(partij: string, ingesteld: IsoDatum, besluit: string): string {
  return (
    `Het beroep van ${partij} (ingesteld ${formatDatumKort(ingesteld)}) loopt en strekt zich van rechtswege uit tot ` +
    `besluit ${besluit} (art. 6:19 lid 1 Awb), tenzij ${partij} daarbij onvoldoende belang heeft. Die reikwijdte ` +
    'is omstreden: stuur uit voorzorg uiterlijk op deze datum een brief met gronden tegen het nieuwe besluit aan het CBb.'
  );
}

// The wording of a status (termijnregels §6) and of the warnings (§3, §7, §8): the engine's choice of words, spec silent,
// written out again; each function only puts the facts it is given into a sentence.
import { formatDatumKort, formatDatumLang, type IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import { nameContracteerruimtebesluit } from '../../src/domain/termijnen/twijfelTeksten';

export function toelichtingInBeroep(eersteIngesteld: IsoDatum, veilig: IsoDatum | undefined): string {
  return (
    `Beroep bij het CBb ingesteld op ${formatDatumKort(eersteIngesteld)} is nog niet afgerond; de contracteerruimte staat nog niet vast.` +
    (veilig ? ` Daarnaast loopt een termijn tot en met ${formatDatumLang(veilig)}.` : '')
  );
}

export function toelichtingOpen(veilig: IsoDatum, eindes: IsoDatum[], voorEenPartij: boolean): string {
  let overlap = '';
  if (eindes.length > 1) {
    overlap = ` Er lopen termijnen met verschillende laatste dagen (${eindes.map(formatDatumKort).join(', ')}); de vroegste is de veilige uiterste datum.`;
    if (!voorEenPartij) overlap += ' Elke partij heeft haar eigen termijnen: zie de stand per partij.';
  }
  return `Beroep tegen de contracteerruimte staat open tot en met ${formatDatumLang(veilig)}.${overlap}`;
}

export function toelichtingNogNietOpenVenster(opent: IsoDatum): string {
  return `De beroepstermijn opent op ${formatDatumLang(opent)} (art. 105 lid 3 Wmg).`;
}

export function toelichtingOnherroepelijk(
  sinds: IsoDatum,
  partij: string | undefined,
  postNaLaatsteDag: { laatsteDag: IsoDatum; uiterlijk: IsoDatum } | undefined,
): string {
  const wiens = partij ? `alle beroepstermijnen van ${partij}` : 'de beroepstermijnen van alle partijen';
  const post = postNaLaatsteDag
    ? ` Let op: een beroepschrift dat uiterlijk op ${formatDatumKort(postNaLaatsteDag.laatsteDag)} ter post is bezorgd, is nog tijdig als ` +
      `het uiterlijk op ${formatDatumLang(postNaLaatsteDag.uiterlijk)} binnenkomt (art. 6:9 lid 2 Awb).`
    : '';
  return (
    `Onherroepelijk sinds ${formatDatumLang(sinds)}: ${wiens} ` +
    `zijn verstreken zonder lopend beroep. Alleen een wijziging door de NZa opent opnieuw beroep (art. 105 lid 4 Wmg).${post}`
  );
}

export function postNootRegio(uiterlijk: IsoDatum): string {
  return ` Let op: een beroepschrift van een partij dat tijdig ter post is bezorgd, is nog tijdig als het uiterlijk op ${formatDatumLang(uiterlijk)} binnenkomt (art. 6:9 lid 2 Awb).`;
}

export function twijfelAlleenBeschermend(wachtOpGewijzigde: boolean, soort: string | undefined, besluitId: string | undefined): string {
  if (wachtOpGewijzigde) {
    return (
      `Na ${nameContracteerruimtebesluit(soort ?? 'wijziging')} ${besluitId ?? ''} is (nog) geen gewijzigde tariefbeschikking geregistreerd. Geeft de NZa ` +
      'die alsnog af, dan opent zij een nieuwe beroepstermijn (art. 105 lid 2 Wmg).'
    );
  }
  return (
    'Alleen mogelijk fatale data zijn verstreken: er is (nog) geen tariefbeschikking met goedgekeurde productieafspraken onder deze contracteerruimte ' +
    'geregistreerd. Geeft de NZa die alsnog af, dan opent zij een beroepstermijn (art. 105 lid 2 Wmg).'
  );
}

export function twijfelTegenEerdereVersie(besluitId: string): string {
  return (
    `Een termijn tegen de contracteerruimte zoals die gold vóór besluit ${besluitId} liep nog toen dat ` +
    'besluit verscheen. Of beroep tegen de oorspronkelijke vaststelling dan nog zin heeft, hangt af van de wijziging; ' +
    'dien uit voorzorg tijdig in.'
  );
}

export function toelichtingWachten(
  oudRegime: boolean,
  inwerkingtreding: IsoDatum | undefined,
  wachtOpGewijzigde: boolean,
  soort: string | undefined,
  besluitId: string | undefined,
): string {
  if (oudRegime) {
    return (
      `De contracteerruimte is vastgesteld vóór de inwerkingtreding van art. 105 leden 2–4 Wmg (${formatDatumKort(inwerkingtreding!)}): ` +
      'geen rechtstreeks beroep; een tariefbeschikking die daarna wordt bekendgemaakt, opent wel beroep (art. 105 lid 2 Wmg).'
    );
  }
  if (wachtOpGewijzigde && besluitId) {
    return (
      `Na ${nameContracteerruimtebesluit(soort ?? 'wijziging')} ${besluitId} opent het beroep met de gewijzigde tariefbeschikking (art. 105 lid 2 Wmg). ` +
      'Of en wanneer de NZa die afgeeft, staat niet vast: houd de post in de gaten.'
    );
  }
  return 'Er is nog geen tariefbeschikking bekendgemaakt onder deze contracteerruimte; het beroep opent met de eerste tariefbeschikking (art. 105 lid 2 Wmg).';
}

// Warnings.
export const MELDING_INWERKINGTREDING_ONBEKEND =
  'De datum van inwerkingtreding van art. 105 leden 2–4 Wmg is niet ingesteld. Voor elk besluit zijn de termijnen van ' +
  'het nieuwe regime berekend, met die twijfel; stel de datum in zodra het Staatsblad bekend is.';

export function meldingKbOnbekend(jaar: number): string {
  return (
    `Voor ${jaar} bevat de meegeleverde lijst geen Koninklijk Besluit dat dagen met een feestdag gelijkstelt (art. 3 lid 3 Atw): ` +
    `een laatste dag in ${jaar} kan door zo'n KB later vallen. Controleer of er voor ${jaar} een KB is (of komt) en voeg de dagen toe.`
  );
}

export function meldingVeleBesluitenInToekomst(aantal: number, peildatum: IsoDatum, eersteVijf: string[]): string {
  return `${aantal} besluiten zijn bekendgemaakt na de peildatum ${formatDatumKort(peildatum)} (onder meer ${eersteVijf.join(', ')}); ze tellen voor de stand op de peildatum niet mee.`;
}

export function meldingBesluitInToekomst(id: string, bekendgemaakt: IsoDatum, peildatum: IsoDatum): string {
  return `Besluit ${id} is bekendgemaakt op ${formatDatumKort(bekendgemaakt)}, na de peildatum ${formatDatumKort(peildatum)}: klopt die datum?`;
}

export function meldingJaarNietGedekt(id: string, jaar: number, regio: string, gedekteJaren: string): string {
  return (
    `Tariefbeschikking ${id} betreft ${jaar}, maar geen geregistreerd contracteerruimtebesluit voor ${regio} dekt dat jaar ` +
    `(wel: ${gedekteJaren}). Controleer het jaar of registreer het contracteerruimtebesluit.`
  );
}

export function meldingBeroepInToekomst(tegen: string, jaar: number, ingesteld: IsoDatum): string {
  return `Het beroep tegen ${tegen} (${jaar}) is ingesteld op ${formatDatumKort(ingesteld)}, na de peildatum: klopt die datum?`;
}

export function meldingBeroepVoorBesluit(regio: string, jaar: number, ingesteld: IsoDatum, besluitId: string, bekendgemaakt: IsoDatum): string {
  return (
    `Het beroep over de contracteerruimte ${regio} ${jaar} is ingesteld op ${formatDatumKort(ingesteld)}, vóór de ` +
    `bekendmaking van contracteerruimtebesluit ${besluitId} (${formatDatumKort(bekendgemaakt)}). Het is ` +
    'ontvankelijk als het besluit toen al tot stand was gekomen of de indiener dat redelijkerwijs kon menen ' +
    '(art. 6:10 lid 1 Awb); zo niet, dan kan de rechter de behandeling aanhouden (lid 2).'
  );
}

export function meldingBeroepVoorAanvang(
  tegen: string,
  jaar: number,
  ingesteld: IsoDatum,
  aanvang: IsoDatum,
  regio: string,
  contracteerruimte: { id: string; bekendgemaakt: IsoDatum } | undefined,
): string {
  const grond = contracteerruimte
    ? `Dat maakt het niet te vroeg: contracteerruimtebesluit ${contracteerruimte.id} was al bekendgemaakt op ${formatDatumKort(contracteerruimte.bekendgemaakt)} (art. 6:10 lid 1 sub a Awb).`
    : 'Het is ontvankelijk als het besluit waartegen het zich richt toen al tot stand was gekomen (art. 6:10 lid 1 sub a Awb); ' +
      `het contracteerruimtebesluit over ${regio} ${jaar} staat niet in de invoer.`;
  return `Het beroep tegen ${tegen} (${jaar}) is ingesteld op ${formatDatumKort(ingesteld)}, vóór de aanvang van de termijn op ${formatDatumKort(aanvang)}. ${grond}`;
}

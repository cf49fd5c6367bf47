import { addDagen, formatDatumKort, formatDatumLang, laatsteDatum, vroegsteDatum, type IsoDatum } from '../kalender/kalenderdatum';
import type { Beroep } from '../besluiten/besluit';
import type { RegioJaarStatus, Termijn } from './termijn';
import { computePostUiterlijk } from './awbTermijn';
import { nameContracteerruimtebesluit, splitTwijfels, TWIJFEL_ALINEA, TWIJFEL_INWERKINGTREDING } from './twijfelTeksten';

/** What the status of one (regio, jaar) depends on besides the terms and beroepen. */
export interface StatusContext {
  regio: string;
  jaar: number;
  peildatum: IsoDatum;
  /** The contracteerruimte in force on the peildatum predates art. 105 leden 2–4 Wmg. */
  oudRegime: boolean;
  inwerkingtreding: IsoDatum | undefined;
  /** The contracteerruimte was amended after tariefbeschikkingen: beroep opens with the gewijzigde tariefbeschikking. */
  wachtOpGewijzigdeTariefbeschikking: boolean;
  contracteerruimte: string | undefined;
  /** Its soort (vaststelling or wijziging): a first vaststelling after tariefbeschikkingen is no wijzigingsbesluit. */
  contracteerruimteSoort?: string;
  /** The version of the contracteerruimte in force on the peildatum. */
  versie: number;
}

/** What a status reads of a term (`StatusTermijnen.add` takes it from a cell's columns). */
export type StatusTermijn = Pick<Termijn, 'einde' | 'aanvang' | 'twijfel' | 'versie' | 'soort'>;

export function isLopendOp(beroep: Beroep, datum: IsoDatum): boolean {
  return beroep.ingesteld <= datum && (beroep.afgerond === null || beroep.afgerond > datum);
}

/**
 * What a status reads of its terms (termijnregels §6), gathered in one pass: no list per filter, no record per term.
 * Terms are added in their order (a doubt's place in the text follows it); a term's doubt is read only while it runs.
 */
export class StatusTermijnen {
  /** How many terms were added, expired or not. */
  aantal = 0;
  /** The last day of the last term added. */
  laatsteEinde: IsoDatum = '';
  /** Every term added only protects (none opens beroep itself). */
  alleenBeschermend = true;
  /** Of the terms that have not expired at the peildatum (last day on or after it): how many. */
  nogNietVerstreken = 0;
  /** One of those has opened (its first day on or before the peildatum). */
  geopend = false;
  /** The earliest last day and the earliest first day of those. */
  vroegsteEinde: IsoDatum = '';
  vroegsteAanvang: IsoDatum = '';
  /** Their distinct last days, and their own doubts (each once, in the order of the terms). */
  readonly eindes = new Set<IsoDatum>();
  readonly twijfels = new Set<string>();
  /** One of those is against an earlier version of the contracteerruimte than the one in force. */
  tegenEerdereVersie = false;
  /** The doubt of the last term counted: consecutive terms mostly share theirs, whose parts are then in `twijfels` already. */
  private laatsteTwijfel: string | undefined = undefined;

  /** Summarised at the context's peildatum and against the version then in force; `computeStatus` takes the same context. */
  constructor(readonly context: Pick<StatusContext, 'peildatum' | 'versie'>) {}

  /** Counts term `i` of `bron`; its doubt is read only when it has not expired at the peildatum. */
  add(einde: IsoDatum, aanvang: IsoDatum, soort: StatusTermijn['soort'], versie: number, bron: { twijfelVan(i: number): string | undefined }, i: number): void {
    const { peildatum } = this.context;
    if (this.aantal++ === 0 || einde > this.laatsteEinde) this.laatsteEinde = einde;
    if (soort !== 'beschermend') this.alleenBeschermend = false;
    if (einde < peildatum) return;
    if (this.nogNietVerstreken++ === 0) {
      this.vroegsteEinde = einde;
      this.vroegsteAanvang = aanvang;
    } else {
      if (einde < this.vroegsteEinde) this.vroegsteEinde = einde;
      if (aanvang < this.vroegsteAanvang) this.vroegsteAanvang = aanvang;
    }
    if (aanvang <= peildatum) this.geopend = true;
    if (versie < this.context.versie) this.tegenEerdereVersie = true;
    this.eindes.add(einde);
    // The unknown entry into force is said on every page already, so a status does not repeat it.
    const twijfel = bron.twijfelVan(i);
    if (twijfel === undefined || twijfel === this.laatsteTwijfel) return;
    this.laatsteTwijfel = twijfel;
    const eigen = withoutTwijfelInwerkingtreding(twijfel);
    if (eigen) for (const deel of splitTwijfelsMemo(eigen)) this.twijfels.add(deel);
  }
}

/**
 * The state of beroep against the contracteerruimte at the peildatum (termijnregels §6), for one party (its own terms
 * and the region's lid-3 windows, its own beroepen) or for the region-year (every party's terms, every beroep): then
 * onherroepelijk only when every party's terms ended and nothing is pending. The terms come summarised
 * (`StatusTermijnen`, at the same peildatum and version as `context`).
 */
export function computeStatus(termijnen: StatusTermijnen, beroepen: readonly Beroep[], context: StatusContext, partij?: string): RegioJaarStatus {
  const { regio, jaar, peildatum } = context;
  if (termijnen.context.peildatum !== peildatum || termijnen.context.versie !== context.versie) {
    throw new Error('computeStatus: the terms were summarised at another peildatum or version');
  }
  const veilig = termijnen.geopend ? termijnen.vroegsteEinde : undefined;
  const twijfel = describeTwijfel(termijnen, context);
  const metTwijfel = twijfel ? { twijfel } : {};

  const lopend = beroepen.filter((b) => isLopendOp(b, peildatum));
  if (lopend.length > 0) {
    const eerste = vroegsteDatum(lopend.map((b) => b.ingesteld));
    return {
      regio,
      jaar,
      status: 'in-beroep',
      ...(veilig ? { veiligeUitersteDatum: veilig } : {}),
      ...metTwijfel,
      toelichting:
        `Beroep bij het CBb ingesteld op ${formatDatumKort(eerste)} is nog niet afgerond; de contracteerruimte staat nog niet vast.` +
        (veilig ? ` Daarnaast loopt een termijn tot en met ${formatDatumLang(veilig)}.` : ''),
    };
  }

  if (veilig) {
    // Termijnregels §7: where terms overlap, file by the earliest last day.
    const eindes = [...termijnen.eindes].sort();
    const overlap =
      eindes.length > 1
        ? ` Er lopen termijnen met verschillende laatste dagen (${eindes.map(formatDatumKort).join(', ')}); de vroegste is de veilige uiterste datum.` +
          (partij ? '' : ' Elke partij heeft haar eigen termijnen: zie de stand per partij.')
        : '';
    return {
      regio,
      jaar,
      status: 'open',
      veiligeUitersteDatum: veilig,
      ...metTwijfel,
      toelichting: `Beroep tegen de contracteerruimte staat open tot en met ${formatDatumLang(veilig)}.${overlap}`,
    };
  }
  if (termijnen.nogNietVerstreken > 0) {
    const opent = termijnen.vroegsteAanvang;
    return {
      regio,
      jaar,
      status: 'nog-niet-open',
      opent,
      ...metTwijfel,
      toelichting: `De beroepstermijn opent op ${formatDatumLang(opent)} (art. 105 lid 3 Wmg).`,
    };
  }
  if (termijnen.aantal > 0) {
    const laatsteEinde = termijnen.laatsteEinde;
    const afgerond = beroepen.flatMap((b) => (b.afgerond !== null && b.afgerond <= peildatum ? [b.afgerond] : []));
    const dagNaEinde = addDagen(laatsteEinde, 1);
    const sinds = laatsteDatum([dagNaEinde, ...afgerond]);
    const postUiterlijk = computePostUiterlijk(laatsteEinde);
    // Art. 6:9 lid 2 Awb (termijnregels §6, §9): only while the last day closed it (not a later uitspraak), for a week.
    const perPost = sinds === dagNaEinde && peildatum <= postUiterlijk;
    const postNoot = perPost
      ? ` Let op: een beroepschrift dat uiterlijk op ${formatDatumKort(laatsteEinde)} ter post is bezorgd, is nog tijdig als ` +
        `het uiterlijk op ${formatDatumLang(postUiterlijk)} binnenkomt (art. 6:9 lid 2 Awb).`
      : '';
    return {
      regio,
      jaar,
      status: 'onherroepelijk',
      sinds,
      ...(perPost ? { perPostUiterlijkOntvangen: postUiterlijk } : {}),
      ...(termijnen.alleenBeschermend
        ? {
            twijfel: context.wachtOpGewijzigdeTariefbeschikking
              ? `Na ${nameContracteerruimtebesluit(context.contracteerruimteSoort ?? 'wijziging')} ${context.contracteerruimte ?? ''} is (nog) geen gewijzigde tariefbeschikking geregistreerd. Geeft de NZa ` +
                'die alsnog af, dan opent zij een nieuwe beroepstermijn (art. 105 lid 2 Wmg).'
              : 'Alleen mogelijk fatale data zijn verstreken: er is (nog) geen tariefbeschikking met goedgekeurde productieafspraken onder deze contracteerruimte ' +
                'geregistreerd. Geeft de NZa die alsnog af, dan opent zij een beroepstermijn (art. 105 lid 2 Wmg).',
          }
        : {}),
      toelichting:
        `Onherroepelijk sinds ${formatDatumLang(sinds)}: ${partij ? `alle beroepstermijnen van ${partij}` : 'de beroepstermijnen van alle partijen'} ` +
        `zijn verstreken zonder lopend beroep. Alleen een wijziging door de NZa opent opnieuw beroep (art. 105 lid 4 Wmg).${postNoot}`,
    };
  }
  return {
    regio,
    jaar,
    status: 'nog-niet-open',
    ...(context.oudRegime ? { oudRegime: true as const } : {}),
    toelichting: describeWachten(context),
  };
}

function describeTwijfel(termijnen: StatusTermijnen, context: StatusContext): string | undefined {
  // Each doubt once: the terms' own, then the amendment's.
  const twijfels = [...termijnen.twijfels];
  if (termijnen.tegenEerdereVersie && context.contracteerruimte) {
    const wijziging =
      `Een termijn tegen de contracteerruimte zoals die gold vóór besluit ${context.contracteerruimte} liep nog toen dat ` +
      'besluit verscheen. Of beroep tegen de oorspronkelijke vaststelling dan nog zin heeft, hangt af van de wijziging; ' +
      'dien uit voorzorg tijdig in.';
    if (!termijnen.twijfels.has(wijziging)) twijfels.push(wijziging);
  }
  return twijfels.length > 0 ? twijfels.join(TWIJFEL_ALINEA) : undefined;
}

const gesplitst = new Map<string, readonly string[]>();

/** A term's doubts, one per paragraph (memoised: a few dozen distinct texts). */
function splitTwijfelsMemo(twijfel: string): readonly string[] {
  let delen = gesplitst.get(twijfel);
  if (delen === undefined) {
    delen = splitTwijfels(twijfel);
    if (gesplitst.size > 10_000) gesplitst.clear();
    gesplitst.set(twijfel, delen);
  }
  return delen;
}

// A few dozen distinct doubts among tens of thousands of terms: each stripped once.
const zonderInwerkingtreding = new Map<string, string>();

function withoutTwijfelInwerkingtreding(twijfel: string): string {
  let eigen = zonderInwerkingtreding.get(twijfel);
  if (eigen === undefined) {
    eigen = twijfel.replace(TWIJFEL_INWERKINGTREDING, '').trim();
    if (zonderInwerkingtreding.size > 10_000) zonderInwerkingtreding.clear();
    zonderInwerkingtreding.set(twijfel, eigen);
  }
  return eigen;
}

function describeWachten(context: StatusContext): string {
  if (context.oudRegime) {
    return (
      `De contracteerruimte is vastgesteld vóór de inwerkingtreding van art. 105 leden 2–4 Wmg (${formatDatumKort(context.inwerkingtreding!)}): ` +
      'geen rechtstreeks beroep; een tariefbeschikking die daarna wordt bekendgemaakt, opent wel beroep (art. 105 lid 2 Wmg).'
    );
  }
  if (context.wachtOpGewijzigdeTariefbeschikking && context.contracteerruimte) {
    return (
      `Na ${nameContracteerruimtebesluit(context.contracteerruimteSoort ?? 'wijziging')} ${context.contracteerruimte} opent het beroep met de gewijzigde tariefbeschikking (art. 105 lid 2 Wmg). ` +
      'Of en wanneer de NZa die afgeeft, staat niet vast: houd de post in de gaten.'
    );
  }
  return 'Er is nog geen tariefbeschikking bekendgemaakt onder deze contracteerruimte; het beroep opent met de eerste tariefbeschikking (art. 105 lid 2 Wmg).';
}

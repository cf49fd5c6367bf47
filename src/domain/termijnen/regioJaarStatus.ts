import { addDagen, formatDatumKort, formatDatumLang, laatsteDatum, vroegsteDatum, type IsoDatum } from '../kalender/kalenderdatum';
import type { Beroep } from '../besluiten/besluit';
import type { RegioJaarStatus, Termijn } from './termijn';
import { computePostUiterlijk } from './awbTermijn';
import { TWIJFEL_INWERKINGTREDING } from './twijfelTeksten';

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
  /** The version of the contracteerruimte in force on the peildatum. */
  versie: number;
}

/** What a status reads of a term (a `Termijn`, or the engine's row before its record is made). */
export type StatusTermijn = Pick<Termijn, 'einde' | 'aanvang' | 'twijfel' | 'versie' | 'soort' | 'partij' | 'bekendgemaakt'>;

export function isLopendOp(beroep: Beroep, datum: IsoDatum): boolean {
  return beroep.ingesteld <= datum && (beroep.afgerond === null || beroep.afgerond > datum);
}

/**
 * The state of beroep against the contracteerruimte at the peildatum (termijnregels §6), for one party (its own terms
 * and the region's lid-3 windows, its own beroepen) or for the region-year (every party's terms, every beroep): then
 * onherroepelijk only when every party's terms ended and nothing is pending.
 */
export function computeStatus(termijnen: readonly StatusTermijn[], beroepen: readonly Beroep[], context: StatusContext, partij?: string): RegioJaarStatus {
  const { regio, jaar, peildatum } = context;
  const nogNietVerstreken = termijnen.filter((t) => t.einde >= peildatum);
  const geopend = nogNietVerstreken.filter((t) => t.aanvang <= peildatum);
  const veilig = geopend.length > 0 ? vroegsteDatum(nogNietVerstreken.map((t) => t.einde)) : undefined;
  const twijfel = describeTwijfel(nogNietVerstreken, context);
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
    const eindes = [...new Set(nogNietVerstreken.map((t) => t.einde))].sort();
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
  if (nogNietVerstreken.length > 0) {
    const opent = vroegsteDatum(nogNietVerstreken.map((t) => t.aanvang));
    return {
      regio,
      jaar,
      status: 'nog-niet-open',
      opent,
      ...metTwijfel,
      toelichting: `De beroepstermijn opent op ${formatDatumLang(opent)} (art. 105 lid 3 Wmg).`,
    };
  }
  if (termijnen.length > 0) {
    const laatsteEinde = laatsteDatum(termijnen.map((t) => t.einde));
    const afgerond = beroepen.flatMap((b) => (b.afgerond !== null && b.afgerond <= peildatum ? [b.afgerond] : []));
    const sinds = laatsteDatum([addDagen(laatsteEinde, 1), ...afgerond]);
    const postUiterlijk = computePostUiterlijk(laatsteEinde);
    const postNoot =
      peildatum <= postUiterlijk
        ? ` Let op: een beroepschrift dat uiterlijk op ${formatDatumKort(laatsteEinde)} ter post is bezorgd, is nog tijdig als ` +
          `het uiterlijk op ${formatDatumLang(postUiterlijk)} binnenkomt (art. 6:9 lid 2 Awb).`
        : '';
    const alleenBeschermend = termijnen.every((t) => t.soort === 'beschermend');
    return {
      regio,
      jaar,
      status: 'onherroepelijk',
      sinds,
      ...(alleenBeschermend
        ? {
            twijfel:
              'Na de wijziging van de contracteerruimte is (nog) geen gewijzigde tariefbeschikking geregistreerd. Geeft de NZa ' +
              'die alsnog af, dan opent zij een nieuwe beroepstermijn (art. 105 lid 2 Wmg).',
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

function describeTwijfel(lopend: readonly StatusTermijn[], context: StatusContext): string | undefined {
  // Each doubt once; the unknown entry into force is said on every page already, so a status does not repeat it.
  const twijfels = new Set<string>();
  for (const t of lopend) {
    const eigen = t.twijfel === undefined ? undefined : withoutTwijfelInwerkingtreding(t.twijfel);
    if (eigen) twijfels.add(eigen);
  }
  if (lopend.some((t) => t.versie < context.versie) && context.contracteerruimte) {
    twijfels.add(
      `Een termijn tegen de contracteerruimte zoals die gold vóór besluit ${context.contracteerruimte} liep nog toen dat ` +
        'besluit verscheen. Of beroep tegen de oorspronkelijke vaststelling dan nog zin heeft, hangt af van de wijziging; ' +
        'dien uit voorzorg tijdig in.',
    );
  }
  return twijfels.size > 0 ? [...twijfels].join(' ') : undefined;
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
      `Na wijzigingsbesluit ${context.contracteerruimte} opent het beroep met de gewijzigde tariefbeschikking (art. 105 lid 2 Wmg). ` +
      'Of en wanneer de NZa die afgeeft, staat niet vast: houd de post in de gaten.'
    );
  }
  return 'Er is nog geen tariefbeschikking bekendgemaakt onder deze contracteerruimte; het beroep opent met de eerste tariefbeschikking (art. 105 lid 2 Wmg).';
}

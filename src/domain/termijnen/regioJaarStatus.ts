import { addDagen, formatDatumKort, formatDatumLang, laatsteDatum, vroegsteDatum, type IsoDatum } from '../kalender/kalenderdatum';
import type { Beroep, Contracteerruimtebesluit } from '../besluiten/besluit';
import type { RegioJaarStatus, Termijn } from './termijn';
import { computePostUiterlijk } from './awbTermijn';

/** What the engine knew of one (regio, jaar) on the peildatum. */
export interface CelMomentopname {
  huidigeContracteerruimte: Contracteerruimtebesluit | undefined;
  /** Beroep terms opened for the current contracteerruimte (lid 2 and lid 3). */
  beroepstermijnen: Termijn[];
  oudRegime: boolean;
  heeftTariefbeschikking: boolean;
}

function lopendOp(beroep: Beroep, datum: IsoDatum): boolean {
  return beroep.ingesteld <= datum && (beroep.afgerond === null || beroep.afgerond > datum);
}

/**
 * Art. 105 lid 4 Wmg: onherroepelijk once every beroep term opened for the current contracteerruimte has ended and no
 * beroep is pending. Returns since when, or undefined when not (yet) onherroepelijk on `datum`.
 */
export function isOnherroepelijkOp(
  cel: { beroepstermijnen: readonly Termijn[]; laatsteEinde: IsoDatum | undefined },
  beroepen: readonly Beroep[],
  datum: IsoDatum,
): IsoDatum | undefined {
  if (cel.beroepstermijnen.length === 0 || cel.laatsteEinde === undefined) return undefined;
  if (cel.laatsteEinde >= datum) return undefined;
  if (beroepen.some((b) => lopendOp(b, datum))) return undefined;
  const afgerond = beroepen.flatMap((b) => (b.afgerond !== null && b.afgerond <= datum ? [b.afgerond] : []));
  return laatsteDatum([addDagen(cel.laatsteEinde, 1), ...afgerond]);
}

export function computeRegioJaarStatus(
  regio: string,
  jaar: number,
  cel: CelMomentopname,
  beroepen: readonly Beroep[],
  peildatum: IsoDatum,
  inwerkingtreding: IsoDatum,
): RegioJaarStatus {
  const lopend = beroepen.filter((b) => lopendOp(b, peildatum));
  if (lopend.length > 0) {
    const eerste = vroegsteDatum(lopend.map((b) => b.ingesteld));
    return {
      regio,
      jaar,
      status: 'in-beroep',
      toelichting: `Beroep bij het CBb ingesteld op ${formatDatumKort(eerste)} is nog niet afgerond; de contracteerruimte staat nog niet vast.`,
    };
  }

  const nogNietVerstreken = cel.beroepstermijnen.filter((t) => t.einde >= peildatum);
  const geopend = nogNietVerstreken.filter((t) => t.aanvang <= peildatum);
  if (geopend.length > 0) {
    // Art. 105 Wmg and par. 7 of the rules: where terms overlap, file by the earliest last day.
    const veilig = vroegsteDatum(nogNietVerstreken.map((t) => t.einde));
    const eindes = [...new Set(nogNietVerstreken.map((t) => t.einde))].sort();
    const overlap =
      eindes.length > 1
        ? ` Er lopen termijnen met verschillende laatste dagen (${eindes.map(formatDatumKort).join(', ')}); ` +
          'de vroegste is de veilige uiterste datum. Of een latere termijn ook voor u geldt, hangt af van de vraag of u ' +
          'adressaat bent van de tariefbeschikking die hem opende; de wet laat dat open.'
        : '';
    return {
      regio,
      jaar,
      status: 'open',
      veiligeUitersteDatum: veilig,
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
      toelichting: `De beroepstermijn opent op ${formatDatumLang(opent)} (art. 105 lid 3 Wmg).`,
    };
  }
  if (cel.beroepstermijnen.length > 0) {
    const laatsteEinde = laatsteDatum(cel.beroepstermijnen.map((t) => t.einde));
    const sinds = isOnherroepelijkOp({ beroepstermijnen: cel.beroepstermijnen, laatsteEinde }, beroepen, peildatum) as IsoDatum;
    const postUiterlijk = computePostUiterlijk(laatsteEinde);
    const postNoot =
      peildatum <= postUiterlijk
        ? ` Let op: een beroepschrift dat uiterlijk op ${formatDatumKort(laatsteEinde)} ter post is bezorgd, is nog tijdig als ` +
          `het uiterlijk op ${formatDatumLang(postUiterlijk)} binnenkomt (art. 6:9 lid 2 Awb).`
        : '';
    return {
      regio,
      jaar,
      status: 'onherroepelijk',
      sinds,
      toelichting:
        `Onherroepelijk sinds ${formatDatumLang(sinds)}: alle beroepstermijnen zijn verstreken zonder lopend beroep. ` +
        `Alleen een wijziging door de NZa opent opnieuw beroep (art. 105 lid 4 Wmg).${postNoot}`,
    };
  }
  return { regio, jaar, status: 'nog-niet-open', ...(cel.oudRegime ? { oudRegime: true as const } : {}), toelichting: describeWachten(cel, inwerkingtreding) };
}

function describeWachten(cel: CelMomentopname, inwerkingtreding: IsoDatum): string {
  if (cel.oudRegime) {
    return (
      `De contracteerruimte is vastgesteld vóór de inwerkingtreding van art. 105 leden 2–4 Wmg (${formatDatumKort(inwerkingtreding)}): ` +
      'geen rechtstreeks beroep; een tariefbeschikking die daarna wordt bekendgemaakt, opent wel beroep (art. 105 lid 2 Wmg).'
    );
  }
  if (cel.huidigeContracteerruimte && cel.heeftTariefbeschikking) {
    return (
      `Na wijzigingsbesluit ${cel.huidigeContracteerruimte.id} opent het beroep met de gewijzigde tariefbeschikking (art. 105 lid 2 Wmg). ` +
      'Of en wanneer de NZa die afgeeft, staat niet vast: houd de post in de gaten.'
    );
  }
  return 'Er is nog geen tariefbeschikking bekendgemaakt onder deze contracteerruimte; het beroep opent met de eerste tariefbeschikking (art. 105 lid 2 Wmg).';
}

import { toDagnummer } from '../../kalender/kalenderdatum';
import type { Besluit } from '../../besluiten/besluit';
import type { BerekendeTermijn } from '../awbTermijn';
import type { Termijn, Uitsluiting } from '../termijn';
import { describeUitsluiting } from '../teksten/uitsluitingen';
import { compare, compareInCel, orderByGetalSleutel } from '../volgorde';
import type { CelInvoer, CelPlaatsen } from './celInvoer';
import type { Lid4Kolommen } from './lid4Kolommen';
import type { Rekencontext } from './rekencontext';
import type { CelTermijnKolommen } from './celTermijnKolommen';
import { UitsluitingSoort } from './uitsluitingSoort';

// MACHINERY: a cell's result — its columns as decided; their order, records and exclusion texts made when first read.

/**
 * An `oud-regime` exclusion near the entry into force (termijnregels §8): the besluit's place, the party's number in the
 * columns (−1: the region), the term the new regime would give, and the exclusion's doubt. A status counts the date while
 * it runs, so the doubt is never hidden behind "nog niet open".
 */
export interface OudRegimeDatum {
  plaats: number;
  partij: number;
  termijn: BerekendeTermijn;
  twijfel(): string;
}

export interface CelUitkomst {
  invoer: CelInvoer;
  /** Oud-regime exclusions whose new-regime date runs past the entry into force (mostly none). */
  oudRegimeDatums: readonly OudRegimeDatum[];
  /** Every term of the cell as the engine decided it: codes and indices in the order of the walk, records made when read. */
  kolommen: CelTermijnKolommen;
  /** The positions in `kolommen` of the beroep terms against the contracteerruimte: what the status is reasoned from. */
  beroepPosities: Int32Array;
  /** The positions in `kolommen` by last day and order within the cell: the order of `termijnen` (sorted when first read). */
  readonly geordend: Int32Array;
  /** Every term of the cell, by last day and order within the cell: bezwaar against its tariefbeschikkingen, beroep against its contracteerruimte. */
  readonly termijnen: Termijn[];
  /** The term at `plaats` in that order, its record made alone (the same object `termijnen` holds). */
  termijnOp(plaats: number): Termijn;
  /** In order within the cell; their texts are written when first read. */
  readonly uitsluitingen: Uitsluiting[];
  /** The lid-4 exclusions that may be wrong, by their number in the exclusions' codes. */
  lid4: Lid4Kolommen;
  /** What a status reads of the besluiten without picking up their objects (see `CelPlaatsen`). */
  plaatsen: CelPlaatsen;
  /** The numbers of the party table ordered by name (sorted when first read). */
  readonly partijenOpNaam: Int32Array;
}

const GEEN_OUD_REGIME_DATUMS: readonly OudRegimeDatum[] = Object.freeze([]);

/** The cell's result, one object: the columns as decided; their order, records and the exclusions' texts made when first read. */
export class CelResultaat implements CelUitkomst {
  private volgorde: Int32Array | undefined;
  private records: Termijn[] | undefined;
  private opNaam: Int32Array | undefined;
  private lijst: Uitsluiting[] | undefined;
  constructor(
    readonly invoer: CelInvoer,
    private readonly context: Rekencontext,
    readonly kolommen: CelTermijnKolommen,
    readonly beroepPosities: Int32Array,
    private readonly uitsluitingCodes: Int32Array,
    readonly lid4: Lid4Kolommen,
    readonly plaatsen: CelPlaatsen,
    /** By the exclusion's number: the term the new regime would give an oud-regime exclusion near the entry into force. */
    private readonly oudRegimeAlsToch: ReadonlyMap<number, BerekendeTermijn> | undefined,
  ) {
    // A plain field, not a getter: statuses read it, and a spread copy of the result keeps it.
    this.oudRegimeDatums = oudRegimeAlsToch ? [...oudRegimeAlsToch].map(([k, termijn]) => this.createOudRegimeDatum(k, termijn)) : GEEN_OUD_REGIME_DATUMS;
  }
  readonly oudRegimeDatums: readonly OudRegimeDatum[];
  private createOudRegimeDatum(k: number, termijn: BerekendeTermijn): OudRegimeDatum {
    const codes = this.uitsluitingCodes;
    const [plaats, partij] = [codes[4 * k]!, codes[4 * k + 2]!];
    let twijfel: string | undefined;
    return {
      plaats,
      partij,
      termijn,
      twijfel: () =>
        (twijfel ??= describeUitsluiting(
          UitsluitingSoort.OudRegime,
          this.invoer.besluiten[plaats]!,
          partij < 0 ? undefined : this.kolommen.partijNaam(partij),
          undefined,
          this.invoer,
          this.context,
          termijn,
        ).twijfel!),
    };
  }
  // Sorted within the cell, so that merging cells needs no comparison beyond the last day.
  get geordend(): Int32Array {
    return (this.volgorde ??= sortPosities(this.kolommen, this.invoer));
  }
  get termijnen(): Termijn[] {
    return (this.records ??= Array.from(this.geordend, (i) => this.kolommen.recordVan(i, this.invoer)));
  }
  termijnOp(plaats: number): Termijn {
    return this.kolommen.recordVan(this.geordend[plaats]!, this.invoer);
  }
  get partijenOpNaam(): Int32Array {
    if (!this.opNaam) {
      const tabel = this.kolommen.partijTabel;
      this.opNaam = Int32Array.from(tabel.map((_, i) => i).sort((a, b) => compare(tabel[a]!, tabel[b]!)));
    }
    return this.opNaam;
  }
  get uitsluitingen(): Uitsluiting[] {
    if (this.lijst) return this.lijst;
    const { uitsluitingCodes: codes, invoer, kolommen, lid4 } = this;
    const lijst: Uitsluiting[] = [];
    for (let k = 0; k < codes.length; k += 4) {
      const besluit = invoer.besluiten[codes[k]!]!;
      const partijNummer = codes[k + 2]!;
      const partij = partijNummer < 0 ? undefined : kolommen.partijNaam(partijNummer);
      const lid4Nummer = codes[k + 3]!;
      const alsToch = this.oudRegimeAlsToch?.get(k / 4);
      lijst.push(
        describeUitsluiting(codes[k + 1]!, besluit, partij, lid4Nummer < 0 ? undefined : lid4.uitsluitingOp(lid4Nummer), invoer, this.context, alsToch),
      );
    }
    return (this.lijst = lijst.sort(compareInCel));
  }
}

/**
 * The places of `besluiten` by (bekendmaking, id). A cell's besluiten come in order of bekendmaking (`orderCelBesluiten`):
 * then only the besluiten of one day are compared by id; otherwise everything is.
 */
function orderBesluitenOpDagEnId(besluiten: readonly Besluit[]): number[] {
  const plaatsen = besluiten.map((_, i) => i);
  const opDagEnId = (x: number, y: number) => compare(besluiten[x]!.bekendgemaakt, besluiten[y]!.bekendgemaakt) || compare(besluiten[x]!.id, besluiten[y]!.id);
  for (let i = 1; i < besluiten.length; i++) if (besluiten[i - 1]!.bekendgemaakt > besluiten[i]!.bekendgemaakt) return plaatsen.sort(opDagEnId);
  for (let begin = 0; begin < plaatsen.length;) {
    let eind = begin + 1;
    while (eind < plaatsen.length && besluiten[eind]!.bekendgemaakt === besluiten[begin]!.bekendgemaakt) eind++;
    if (eind - begin > 1) {
      const dag = plaatsen.slice(begin, eind).sort(opDagEnId);
      for (let k = 0; k < dag.length; k++) plaatsen[begin + k] = dag[k]!;
    }
    begin = eind;
  }
  return plaatsen;
}

/** The positions by last day, then by bekendmaking, besluit, bezwaar before beroep and party (`compareInCel`). */
function sortPosities(kolommen: CelTermijnKolommen, invoer: CelInvoer): Int32Array {
  const { besluiten } = invoer;
  // Each besluit's rank by (bekendmaking, id), each six weeks' last day as a day number: one number per term orders it
  // up to the party; only equal numbers compare parties (and, equal in every respect, keep the order of the walk).
  const volgorde = orderBesluitenOpDagEnId(besluiten);
  // Besluiten equal in both (one id twice on a day) share a rank, as `compareInCel` sees them as one.
  const rang = new Int32Array(besluiten.length);
  for (let r = 0, k = 0; k < volgorde.length; k++) {
    const [vorige, deze] = [besluiten[volgorde[k - 1]!], besluiten[volgorde[k]!]!];
    if (vorige && (vorige.bekendgemaakt !== deze.bekendgemaakt || vorige.id !== deze.id)) r += 1;
    rang[volgorde[k]!] = r;
  }
  const dagen = kolommen.berekendTabel.map((t) => toDagnummer(t.einde));
  const n = kolommen.lengte;
  const sleutel = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sleutel[i] =
      (dagen[kolommen.berekendNummerVan(i)]! * besluiten.length + rang[kolommen.besluitVan(i)]!) * 2 + (kolommen.rechtsmiddelVan(i) === 'bezwaar' ? 0 : 1);
  }
  const partijOrde = (a: number, b: number) => compare(kolommen.partijVan(a) ?? '', kolommen.partijVan(b) ?? '') || a - b;
  // As numbers, then runs of equal keys by party (equal in every respect: the order of the walk).
  const posities = orderByGetalSleutel(n, (i) => sleutel[i]!);
  for (let begin = 0; begin < n;) {
    let eind = begin + 1;
    while (eind < n && sleutel[posities[eind]!] === sleutel[posities[begin]!]) eind++;
    if (eind - begin > 1) posities.set(Array.from(posities.subarray(begin, eind)).sort(partijOrde), begin);
    begin = eind;
  }
  return posities;
}

import type { IsoDatum } from '../../kalender/kalenderdatum';
import type { Tariefbeschikking } from '../../besluiten/besluit';
import { describeLid4Twijfel } from '../teksten/twijfels';
import type { CelInvoer } from './celInvoer';
import { growTo, LID4_VELDEN, type CelKladblok } from './kladblok';
import type { CelNummering } from './nummering';
import type { CelTermijnKolommen } from './celTermijnKolommen';

// MACHINERY: a cell's lid-4 exclusions (art. 105 lid 4 Wmg) as columns; an exclusion's object made when read.

/**
 * Art. 105 lid 4 Wmg: a tariefbeschikking that opens no new beroep because the contracteerruimte is onherroepelijk for
 * its party since `sinds`; the exclusion could be wrong (an amendment not registered), which its doubt says, and the
 * party's status repeats that doubt from the bekendmaking on. Made when read, from the cell's `Lid4Kolommen`.
 */
export class Lid4Uitsluiting {
  private tekst: string | undefined;
  constructor(
    readonly besluit: Tariefbeschikking,
    readonly partij: string,
    readonly sinds: IsoDatum,
    /** The last day the term would have if it did open. */
    readonly eindeAlsToch: IsoDatum,
    readonly extraTwijfel: string | undefined,
    readonly invoer: CelInvoer,
    readonly inwerkingtreding: IsoDatum | undefined,
  ) {}
  get bekendgemaakt(): IsoDatum {
    return this.besluit.bekendgemaakt;
  }
  get twijfel(): string {
    return (this.tekst ??= describeLid4Twijfel(this));
  }
}

/**
 * A cell's lid-4 exclusions (`Lid4Uitsluiting`) as columns, five numbers each, written into the run's scratch and copied
 * out when sealed; an exclusion's object is made when first read. At 20× national scale a run has some 180,000 of
 * them, and objects that live as long as the result are what the garbage collector copies and promotes.
 */
export class Lid4Kolommen {
  aantal = 0;
  private data: Int32Array<ArrayBuffer>;
  /** The dates and extra doubts the exclusions name, each once (a cell names a few hundred dates). */
  private readonly tekstTabel: string[] = [];
  /** Numbers them while adding, through the run's dictionary (one map for the run, not one per cell); gone when sealed. */
  private tekstIndex: CelNummering<string> | undefined;
  private uitsluitingen: (Lid4Uitsluiting | undefined)[] | undefined;

  constructor(
    private readonly kladblok: CelKladblok,
    private readonly invoer: CelInvoer,
    private readonly kolommen: CelTermijnKolommen,
    private readonly inwerkingtreding: IsoDatum | undefined,
    nummering: CelNummering<string>,
  ) {
    this.data = kladblok.lid4;
    this.tekstIndex = nummering;
  }

  /** Adds an exclusion of the tariefbeschikking at `plaats` for the party numbered `partij` in the columns; its number. */
  add(plaats: number, partij: number, sinds: IsoDatum, eindeAlsToch: IsoDatum, extraTwijfel: string | undefined): number {
    if (!this.tekstIndex) throw new Error('Lid4Kolommen: sealed, nothing can be added');
    if ((this.aantal + 1) * LID4_VELDEN > this.data.length) this.data = this.kladblok.lid4 = growTo(this.data, 2 * this.data.length);
    const k = this.aantal++;
    const o = k * LID4_VELDEN;
    this.data[o] = plaats;
    this.data[o + 1] = partij;
    this.data[o + 2] = this.intern(sinds);
    this.data[o + 3] = this.intern(eindeAlsToch);
    this.data[o + 4] = extraTwijfel === undefined ? -1 : this.intern(extraTwijfel);
    return k;
  }

  /** Done adding: the columns keep only what they hold, out of the scratch the next cell overwrites. */
  seal(): void {
    this.tekstIndex = undefined;
    this.data = this.data.slice(0, this.aantal * LID4_VELDEN);
  }

  bekendgemaaktVan(k: number): IsoDatum {
    return this.invoer.besluiten[this.data[k * LID4_VELDEN]!]!.bekendgemaakt;
  }
  partijVan(k: number): string {
    return this.kolommen.partijNaam(this.data[k * LID4_VELDEN + 1]!);
  }

  /** The exclusion numbered `k`, the same object on every read. */
  uitsluitingOp(k: number): Lid4Uitsluiting {
    if (k < 0 || k >= this.aantal) throw new RangeError(`Lid4Kolommen: no exclusion ${k}`);
    const uitsluitingen = (this.uitsluitingen ??= new Array<Lid4Uitsluiting | undefined>(this.aantal));
    return (uitsluitingen[k] ??= this.createUitsluiting(k));
  }

  private createUitsluiting(k: number): Lid4Uitsluiting {
    const o = k * LID4_VELDEN;
    const tekst = (n: number) => (n < 0 ? undefined : this.tekstTabel[n]!);
    return new Lid4Uitsluiting(
      this.invoer.besluiten[this.data[o]!] as Tariefbeschikking,
      this.partijVan(k),
      tekst(this.data[o + 2]!)!,
      tekst(this.data[o + 3]!)!,
      tekst(this.data[o + 4]!),
      this.invoer,
      this.inwerkingtreding,
    );
  }

  private intern(tekst: string): number {
    return this.tekstIndex!.numberIn(tekst, this.tekstTabel);
  }
}

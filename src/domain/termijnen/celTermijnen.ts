import { addDagen, formatDatumKort, formatDatumLang, fromDagnummer, jaarVan, toDagnummer, type IsoDatum } from '../kalender/kalenderdatum';
import {
  heeftProductieafspraken,
  partijVan,
  TARIEFBESCHIKKING_SOORT_LABEL,
  type Besluit,
  type Beroep,
  type GevraagdePartij,
  type Tariefbeschikking,
} from '../besluiten/besluit';
import {
  assertBekendmakingInBereik,
  computeBezwaarOfBeroepstermijn,
  computeTermijnVanafAanvang,
  GRONDSLAG_AWB,
  withAtwGrondslag,
  type BerekendeTermijn,
} from './awbTermijn';
import type { PartijSoort, Rechtsmiddel, Termijn, TermijnConfig, TermijnRegel, TermijnSoort, Uitsluiting } from './termijn';
import { isLopendOp } from './regioJaarStatus';
import { describeTwijfelLid3NaTariefbeschikking, nameContracteerruimtebesluit, TWIJFEL_ALINEA, TWIJFEL_INWERKINGTREDING } from './twijfelTeksten';
import { compare, compareInCel, orderByGetalSleutel } from './volgorde';
import { memoizePerDag, memoizePerSleutel } from '../memoize';
import type { TermijnenVoorWaarschuwingen } from './waarschuwingen';
import { hoofdletter } from '../tekst';

/** Each party's first tariefbeschikking in a region, by name; by its number too when it shares the cell's register. */
export interface EersteTariefbeschikkingInRegio {
  get(partij: string): IsoDatum | undefined;
  /** Every party with a tariefbeschikking in the region and the bekendmaking of its first (termijnregels §4: who is a party before any tariefbeschikking of the year). */
  entries(): Iterable<[string, IsoDatum]>;
  /** The register whose numbers `getVoorNummer` takes (the split's, which `velden` also use). */
  readonly register?: PartijRegister;
  getVoorNummer?(inRegister: number): IsoDatum | undefined;
}

/**
 * Everything the terms of one (regio, jaar) depend on: one partition of the engine. Terms and exclusions depend on
 * these decisions alone, never on the peildatum; a decision touches the cells of its region and years only (and, through
 * `eersteTariefbeschikkingInRegio`, the other years of its region for its own party).
 */
export interface CelInvoer {
  regio: string;
  jaar: number;
  /** This cell's besluiten, chronological; on one day a contracteerruimtebesluit precedes the tariefbeschikking applying it. */
  besluiten: readonly Besluit[];
  /** Beroepen against this cell's contracteerruimte, each with its party resolved. */
  beroepen: readonly (Beroep & { partij: string })[];
  /** Parties whose terms were asked for although no tariefbeschikking addresses them (the zorgkantoor). */
  gevraagd: readonly Pick<GevraagdePartij, 'partij' | 'soort'>[];
  /** Each party's first tariefbeschikking in this region, any year: tells a newcomer after a lid-3 window. */
  eersteTariefbeschikkingInRegio: EersteTariefbeschikkingInRegio;
  /**
   * What the walk reads of each besluit, by place: given by `splitInCellen`, which reads every besluit once in the
   * input's own order (the walk's order jumps through memory); read from `besluiten` when absent.
   */
  velden?: BesluitVelden;
  /**
   * False when no besluit of this cell is named by a beroep of the input it was split from: then it holds no beroep
   * term against such a besluit (`listBeroepRijenTegen` skips it). Unknown when absent.
   */
  genoemdDoorBeroep?: boolean;
}

/** Per place in a cell's `besluiten`: its bekendmaking as a day number, what kind of besluit, and its addressee. */
export interface BesluitVelden {
  /** The list these fields were read from (the cell's `besluiten`). */
  van: readonly Besluit[];
  dag: Int32Array;
  /** `BesluitCode`: a contracteerruimtebesluit, or a tariefbeschikking with or without productieafspraken. */
  code: Uint8Array;
  /** The addressee of a tariefbeschikking (`partijVan`) as its number in `register`; −1 for a contracteerruimtebesluit. */
  partij: Int32Array;
  register: PartijRegister;
}

export const enum BesluitCode {
  Contracteerruimte,
  MetProductieafspraken,
  ZonderProductieafspraken,
}

/** What the walk reads of a besluit, as a code. */
export function codeerBesluit(besluit: Besluit): BesluitCode {
  if (besluit.type === 'contracteerruimte') return BesluitCode.Contracteerruimte;
  // Only these open beroep under art. 105 lid 2 Wmg.
  return heeftProductieafspraken(besluit.soort) ? BesluitCode.MetProductieafspraken : BesluitCode.ZonderProductieafspraken;
}

/** The fields the walk reads, from the besluit objects themselves. */
export function readBesluitVelden(besluiten: readonly Besluit[]): BesluitVelden {
  const velden = {
    van: besluiten,
    dag: new Int32Array(besluiten.length),
    code: new Uint8Array(besluiten.length),
    partij: new Int32Array(besluiten.length),
    register: new PartijRegister(),
  };
  for (let i = 0; i < besluiten.length; i++) {
    const b = besluiten[i]!;
    velden.dag[i] = toDagnummer(b.bekendgemaakt);
    velden.code[i] = codeerBesluit(b);
    velden.partij[i] = b.type === 'tariefbeschikking' ? velden.register.numberPartij(partijVan(b)) : -1;
  }
  return velden;
}

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

/** Per cell, from the walk: where its contracteerruimtebesluiten and tariefbeschikkingen are, and whose they are. */
export interface CelPlaatsen {
  /** The places of the contracteerruimtebesluiten, in order. */
  contracteerruimte: readonly number[];
  /** The place of the first tariefbeschikking, or −1. */
  eersteTariefbeschikking: number;
  /** Per place, the addressee's number in the party table (−1 for a contracteerruimtebesluit). */
  partij: Int32Array;
  /** Whether the besluiten come in order of bekendmaking (as `splitInCellen` and the term service give them). */
  chronologisch: boolean;
}

// A term's rule decides its rechtsmiddel, soort and grondslag; a column holds the rule's number in this list.
const REGELS: readonly TermijnRegel[] = [
  'awb-bezwaar',
  'art-105-lid-2',
  'art-105-lid-3',
  'wijziging-zonder-tariefbeschikking',
  'art-6-19-voorzorg',
  'besluit-zonder-tariefbeschikking',
];

/** A rule's number in `REGELS`: a switch, which the compiler folds when the rule is a constant at the call (a keyed look-up it does not). */
function numberRegel(regel: TermijnRegel): number {
  switch (regel) {
    case 'awb-bezwaar':
      return 0;
    case 'art-105-lid-2':
      return 1;
    case 'art-105-lid-3':
      return 2;
    case 'wijziging-zonder-tariefbeschikking':
      return 3;
    case 'art-6-19-voorzorg':
      return 4;
    case 'besluit-zonder-tariefbeschikking':
      return 5;
  }
}

const SOORT_PER_REGEL: readonly TermijnSoort[] = ['termijn', 'termijn', 'termijn', 'beschermend', 'beschermend', 'beschermend'];
const PARTIJSOORTEN: readonly (PartijSoort | undefined)[] = [undefined, 'zorgaanbieder', 'zorgkantoor'];

/** `CelTermijnKolommen.numberPartij`'s refusals: sealed, or no such party in the register. */
function refuseNumberPartij(verzegeld: boolean, inRegister: number): never {
  if (verzegeld) throw new Error('CelTermijnKolommen: sealed, nothing can be added');
  throw new RangeError(`CelTermijnKolommen: no party ${inRegister} in the register`);
}

/** `CelTermijnKolommen.add`'s refusals: sealed, or a version beyond what a column holds. */
function refuseAdd(verzegeld: boolean): never {
  if (verzegeld) throw new Error('CelTermijnKolommen: sealed, nothing can be added');
  throw new RangeError(`CelTermijnKolommen: more than ${KENMERKEN.maxVersie} versions in one cell`);
}

/**
 * The terms of one cell as columns, in the order of the walk: per term the besluit (its place in the cell's list), the
 * six weeks computed for it, its rule, party, party kind, version and doubt, as numbers into small tables. No object
 * per term: at national scale the engine keeps 85,000 to 1.7 million terms, and objects that live that long are what
 * the garbage collector pays for. A term's record (`Termijn`) is made when read, once.
 */
export class CelTermijnKolommen {
  lengte = 0;
  /**
   * Per term `VELDEN` numbers: besluit, berekend, kenmerken (regel, partijSoort and versie in one number: `KENMERKEN`),
   * partij, twijfel. While adding, the run's scratch; once sealed, a copy of exactly the cell's terms.
   */
  private data: Int32Array<ArrayBuffer>;
  /** The cell's six-week terms, by their number in the columns: in the run's scratch while adding, then exactly these. */
  private berekendLijst: WaardenLijst<BerekendeTermijn> | undefined;
  private berekend: readonly BerekendeTermijn[] | undefined;
  /**
   * The cell's parties by their number in the `PartijRegister`, in the order they became parties (a party's number in
   * the cell is its place here); their names are read from the register when asked (`partijNaam`, `partijTabel`).
   */
  private partijNummers: Int32Lijst;
  private partijNamen: readonly string[] | undefined;
  /** A doubt is its text, or the means to write it (one per wijzigingsbesluit, shared by every party's date). */
  readonly twijfelTabel: (string | LateTekst)[] = [];
  /** For an art. 6:19 precaution: when the pending beroep was filed, by position. */
  readonly beroepIngesteld = new Map<number, IsoDatum>();
  /** For a lid-3 window computed with doubt: the tariefbeschikking made known before the year's first vaststelling, by position (rare). */
  private tariefbeschikkingenVooraf: Map<number, IsoDatum> | undefined;
  /** `addTwijfel`'s combined doubts while adding: per doubt added, per doubt the term had, the combination's number. */
  private gecombineerd: Map<string | LateTekst, Map<number, number>> | undefined;
  private records: (Termijn | undefined)[] | undefined;
  /**
   * Per table its own index while adding (a party named like a doubt must never share its number); gone when sealed.
   * Six-week terms are numbered through the run's `CelNummering` (one lookup in a shared dictionary, no map per cell),
   * parties by their number in the cell's `PartijRegister` through a scratch array.
   */
  private indexen: { berekend: CelNummering<BerekendeTermijn>; twijfel: Map<string | LateTekst, number>; partij: CelScratchNummering<number> } | undefined;
  private laatsteBerekend: BerekendeTermijn | undefined;
  private laatsteBerekendNummer = -1;

  /** While adding, the columns are written into the run's scratch (`kladblok`); sealing copies out exactly what they hold. */
  constructor(
    nummering: Rekencontext['nummering'],
    private readonly kladblok: CelKladblok,
    private readonly register: PartijRegister,
  ) {
    this.data = kladblok.termijnen;
    this.berekendLijst = new WaardenLijst(kladblok.berekend);
    this.partijNummers = new Int32Lijst(kladblok.partijNummers, (groter) => (kladblok.partijNummers = groter));
    this.indexen = { berekend: nummering.berekend, twijfel: new Map(), partij: nummering.partij };
  }

  add(
    besluit: number,
    berekend: BerekendeTermijn,
    regel: TermijnRegel,
    versie: number,
    /** The party's number in `partijTabel` (`numberPartij`), or −1 for a term open to every party. */
    partij: number,
    partijSoort: PartijSoort | undefined,
    twijfel: string | LateTekst | undefined,
    beroepIngesteld?: IsoDatum,
  ): void {
    // Both refusals before anything changes: a sealed cell's columns must never become the run's scratch again. The rare
    // paths are functions of their own: what is left is small enough for the compiler to inline into the walk.
    if (!this.indexen || versie > KENMERKEN.maxVersie) refuseAdd(this.indexen === undefined);
    if ((this.lengte + 1) * VELDEN > this.data.length) this.growData();
    const i = this.lengte++;
    const o = i * VELDEN;
    const data = this.data;
    // Consecutive terms mostly share their besluit's six weeks.
    if (berekend !== this.laatsteBerekend) {
      this.laatsteBerekend = berekend;
      this.laatsteBerekendNummer = this.indexen!.berekend.numberIn(berekend, this.berekendLijst!);
    }
    data[o] = besluit;
    data[o + 1] = this.laatsteBerekendNummer;
    data[o + 2] =
      numberRegel(regel) | ((partijSoort === undefined ? 0 : partijSoort === 'zorgaanbieder' ? 1 : 2) << KENMERKEN.soortBit) | (versie << KENMERKEN.versieBit);
    data[o + 3] = partij;
    data[o + 4] = twijfel ? this.intern(twijfel, this.twijfelTabel, 'twijfel') : -1;
    if (beroepIngesteld !== undefined) this.beroepIngesteld.set(i, beroepIngesteld);
  }

  /** Room for twice as many terms, in the run's scratch. */
  private growData(): void {
    this.data = this.kladblok.termijnen = growTo(this.data, 2 * this.data.length);
  }

  /** Marks the lid-3 window at position `i` as computed although a tariefbeschikking (made known on `datum`) came before. */
  markTariefbeschikkingVooraf(i: number, datum: IsoDatum): void {
    (this.tariefbeschikkingenVooraf ??= new Map()).set(i, datum);
  }
  tariefbeschikkingVoorafVan(i: number): IsoDatum | undefined {
    return this.tariefbeschikkingenVooraf?.get(i);
  }

  /**
   * Adds a doubt to the term at position `i` (its own paragraph), while adding: a later besluit of the walk raised it.
   * One combined text per (doubt the term had, doubt added), written when read: many terms share both.
   */
  addTwijfel(i: number, extra: string | LateTekst): void {
    if (!this.indexen) throw new Error('CelTermijnKolommen: sealed, nothing can be added');
    const o = i * VELDEN + 4;
    const eerder = this.data[o]!;
    // Consecutive terms mostly get the same doubt added to the same doubt.
    if (this.laatsteToevoeging !== undefined && this.laatsteToevoeging === extra && this.laatsteEerder === eerder) {
      this.data[o] = this.laatsteGecombineerd;
      return;
    }
    const gecombineerd = (this.gecombineerd ??= new Map());
    let perExtra = gecombineerd.get(extra);
    if (!perExtra) gecombineerd.set(extra, (perExtra = new Map<number, number>()));
    let n = perExtra.get(eerder);
    if (n === undefined) {
      const oud = eerder < 0 ? undefined : this.twijfelTabel[eerder]!;
      const tekstVan = (t: string | LateTekst) => (typeof t === 'string' ? t : t.tekst);
      n = this.intern(oud === undefined ? extra : new LateTekst(() => joinTwijfels(tekstVan(oud), tekstVan(extra))!), this.twijfelTabel, 'twijfel');
      perExtra.set(eerder, n);
    }
    this.data[o] = n;
    this.laatsteToevoeging = extra;
    this.laatsteEerder = eerder;
    this.laatsteGecombineerd = n;
  }
  /** `addTwijfel`'s last call: the doubt added, the doubt the term had, and their combination's number (no object per call). */
  private laatsteToevoeging: string | LateTekst | undefined;
  private laatsteEerder = -1;
  private laatsteGecombineerd = -1;

  /** A party's number in the cell (added when new), given its number in the cell's `PartijRegister`. */
  numberPartij(inRegister: number): number {
    if (!this.indexen || inRegister < 0 || inRegister >= this.register.namen.length) refuseNumberPartij(this.indexen === undefined, inRegister);
    return this.indexen!.partij.numberNummerIn(inRegister, inRegister, this.partijNummers);
  }

  /** The number in the register of the party numbered `nummer` in the cell. */
  registerNummerVan(nummer: number): number {
    return this.partijNummers.get(nummer);
  }

  /** The name of the party numbered `nummer` in the cell. */
  partijNaam(nummer: number): string {
    return this.register.namen[this.partijNummers.get(nummer)]!;
  }

  /** Every party of the cell by name, in the order of their numbers (made once when sealed and first read). */
  get partijTabel(): readonly string[] {
    if (this.partijNamen) return this.partijNamen;
    const namen = Array.from(this.partijNummers.toArray(), (n) => this.register.namen[n]!);
    if (!this.indexen) this.partijNamen = namen;
    return namen;
  }

  /** Done adding: the interning index goes, the tables stay, the columns keep only what they hold. */
  seal(): void {
    this.indexen = undefined;
    this.gecombineerd = undefined;
    this.laatsteToevoeging = undefined;
    this.laatsteBerekend = undefined;
    // Out of the scratch, which the next cell overwrites: one allocation of exactly the cell's terms.
    this.data = this.data.slice(0, this.lengte * VELDEN);
    if (this.berekendLijst) this.berekend = this.berekendLijst.seal();
    this.berekendLijst = undefined;
    this.partijNummers = this.partijNummers.seal();
  }

  /** The cell's six-week terms, by their number (`berekendNummerVan`); once sealed. */
  get berekendTabel(): readonly BerekendeTermijn[] {
    if (!this.berekend) throw new Error('CelTermijnKolommen: the six-week terms are read once sealed');
    return this.berekend;
  }

  /** The besluit's place in the cell's `besluiten`. */
  besluitVan(i: number): number {
    return this.data[i * VELDEN]!;
  }
  berekendVan(i: number): BerekendeTermijn {
    return this.berekendTabel[this.data[i * VELDEN + 1]!]!;
  }
  berekendNummerVan(i: number): number {
    return this.data[i * VELDEN + 1]!;
  }
  rechtsmiddelVan(i: number): Rechtsmiddel {
    return (this.data[i * VELDEN + 2]! & KENMERKEN.regelMasker) === 0 ? 'bezwaar' : 'beroep';
  }
  regelVan(i: number): TermijnRegel {
    return REGELS[this.data[i * VELDEN + 2]! & KENMERKEN.regelMasker]!;
  }
  soortVan(i: number): TermijnSoort {
    return SOORT_PER_REGEL[this.data[i * VELDEN + 2]! & KENMERKEN.regelMasker]!;
  }
  partijSoortVan(i: number): PartijSoort | undefined {
    return PARTIJSOORTEN[(this.data[i * VELDEN + 2]! >> KENMERKEN.soortBit) & KENMERKEN.soortMasker];
  }
  versieVan(i: number): number {
    return this.data[i * VELDEN + 2]! >>> KENMERKEN.versieBit;
  }
  partijVan(i: number): string | undefined {
    const p = this.data[i * VELDEN + 3]!;
    return p < 0 ? undefined : this.partijNaam(p);
  }
  /** The party's number in `partijTabel`, or −1 for a term open to every party. */
  partijNummerVan(i: number): number {
    return this.data[i * VELDEN + 3]!;
  }
  twijfelVan(i: number): string | undefined {
    const t = this.data[i * VELDEN + 4]!;
    if (t < 0) return undefined;
    const twijfel = this.twijfelTabel[t]!;
    return typeof twijfel === 'string' ? twijfel : twijfel.tekst;
  }

  /** The record of the term at position `i` of a cell, the same object on every read. */
  recordVan(i: number, invoer: CelInvoer): Termijn {
    const records = (this.records ??= new Array<Termijn | undefined>(this.lengte));
    return (records[i] ??= createTermijn(this, i, invoer));
  }

  private intern<T>(waarde: T, tabel: T[], welke: 'twijfel'): number {
    if (!this.indexen) throw new Error('CelTermijnKolommen: sealed, nothing can be added');
    const index = this.indexen[welke] as Map<T, number>;
    let n = index.get(waarde);
    if (n === undefined) {
      n = tabel.length;
      tabel.push(waarde);
      index.set(waarde, n);
    }
    return n;
  }
}

const VELDEN = 5;
/** A term's rule (3 bits), party kind (2 bits) and version (the rest, up to 2^26 − 1) as one number. */
const KENMERKEN = { regelMasker: 0b111, soortBit: 3, soortMasker: 0b11, versieBit: 5, maxVersie: 2 ** 26 - 1 } as const;

/**
 * Scratch columns for the cell being computed, shared by every cell of a run (one cell at a time, as `CelNummering`):
 * a cell writes its terms, beroep positions and exclusions here and copies out exactly what it holds when done. Typed
 * arrays live outside the heap, and every megabyte of them counts towards a full garbage collection; sized per cell
 * (with room to spare, then cut to size) they made one full collection per run at 20× national scale.
 */
export class CelKladblok {
  termijnen: Int32Array<ArrayBuffer> = new Int32Array(1024 * VELDEN);
  beroepPosities: Int32Array<ArrayBuffer> = new Int32Array(1024);
  uitsluitingen: Int32Array<ArrayBuffer> = new Int32Array(4 * 1024);
  lid4: Int32Array<ArrayBuffer> = new Int32Array(LID4_VELDEN * 256);
  /** The parties of the cell by their number in the register, in the order they became parties of the cell. */
  partijNummers: Int32Array<ArrayBuffer> = new Int32Array(1024);
  /** The walk's parties in the order they became parties, by their number in the cell; with each its kind and the latest last day of its own statutory terms against the current version. */
  private partijScratch = createPartijScratch(1024);
  /** The six-week terms of the cell being computed (`WaardenLijst`). */
  berekend: unknown[] = [];
  /** Set by `computeCel` while a cell writes here. */
  inGebruik = false;

  /** The walk's party scratch for `aantal` parties, every kind and last day unset. */
  reservePartijen(aantal: number): ReturnType<typeof createPartijScratch> {
    const scratch = this.partijScratch;
    if (scratch.partijen.length < aantal) {
      this.partijScratch = createPartijScratch(Math.max(aantal, 2 * scratch.partijen.length));
    }
    this.partijScratch.soortVan.fill(undefined, 0, aantal);
    this.partijScratch.laatsteEindeVan.fill(undefined, 0, aantal);
    return this.partijScratch;
  }
}

/**
 * A list of values in a run's scratch array (which grows with the largest cell and keeps it), and once sealed a copy of
 * exactly what it holds: one allocation per cell instead of a list grown push by push.
 */
export class WaardenLijst<T> {
  length = 0;
  constructor(private readonly data: unknown[]) {}
  push(waarde: T): void {
    this.data[this.length++] = waarde;
  }
  seal(): T[] {
    return this.data.slice(0, this.length) as T[];
  }
}

function createPartijScratch(lengte: number) {
  return {
    partijen: new Int32Array(lengte),
    soortVan: new Array<PartijSoort | undefined>(lengte).fill(undefined),
    laatsteEindeVan: new Array<IsoDatum | undefined>(lengte).fill(undefined),
  };
}

/**
 * A list of whole numbers in a run's scratch array (grown through `vervang`, so the scratch keeps the larger one), and
 * once sealed a copy of exactly what it holds.
 */
export class Int32Lijst {
  length = 0;
  constructor(
    private data: Int32Array<ArrayBuffer>,
    private readonly vervang?: (groter: Int32Array<ArrayBuffer>) => void,
  ) {}
  push(waarde: number): void {
    if (this.length === this.data.length) {
      this.data = growTo(this.data, 2 * this.data.length + 16);
      this.vervang?.(this.data);
    }
    this.data[this.length++] = waarde;
  }
  get(i: number): number {
    if (i < 0 || i >= this.length) throw new RangeError(`Int32Lijst: no element ${i}`);
    return this.data[i]!;
  }
  toArray(): Int32Array {
    return this.data.subarray(0, this.length);
  }
  /** A copy of exactly what it holds, out of the scratch. */
  copy(): Int32Array<ArrayBuffer> {
    return this.data.slice(0, this.length);
  }
  /** Out of the scratch: a list of its own, no longer growing into the scratch. */
  seal(): Int32Lijst {
    const eigen = new Int32Lijst(this.copy());
    eigen.length = this.length;
    return eigen;
  }
}

/** A text written when first read, then kept. */
export class LateTekst {
  private geschreven: string | undefined;
  constructor(private readonly schrijf: () => string) {}
  get tekst(): string {
    return (this.geschreven ??= this.schrijf());
  }
}

/**
 * The number in the cell being computed of values numbered outside it: one scratch array from the outside number to the
 * cell's, reset after each cell. `release` after each cell (computeCel does so in a finally); a cell never starts while
 * another is being computed.
 */
export class CelScratchNummering<T> {
  private inCel = new Int32Array(1024).fill(-1);
  /** The outside numbers given a number in the current cell (the first `aantalGegeven`). */
  private gegeven = new Int32Array(1024);
  private aantalGegeven = 0;

  /** The number in `tabel` (the cell's table) of `waarde`, whose number outside the cell is `n` (added when new). */
  numberNummerIn(n: number, waarde: T, tabel: { readonly length: number; push(waarde: T): unknown }): number {
    if (n >= this.inCel.length) this.grow(n + 1);
    let lokaal = this.inCel[n]!;
    if (lokaal < 0) {
      lokaal = tabel.length;
      tabel.push(waarde);
      this.inCel[n] = lokaal;
      this.gegeven[this.aantalGegeven++] = n;
    }
    return lokaal;
  }

  /** Ready for the next cell. */
  release(): void {
    for (let k = 0; k < this.aantalGegeven; k++) this.inCel[this.gegeven[k]!] = -1;
    this.aantalGegeven = 0;
  }

  protected reset(): void {
    this.inCel = new Int32Array(1024).fill(-1);
    this.gegeven = new Int32Array(1024);
  }

  private grow(minimum: number): void {
    const lengte = Math.max(minimum, 2 * this.inCel.length);
    const groter = new Int32Array(lengte).fill(-1);
    groter.set(this.inCel);
    this.inCel = groter;
    const meer = new Int32Array(lengte);
    meer.set(this.gegeven);
    this.gegeven = meer;
  }
}

/**
 * Numbers values of one cell at a time (its six-week terms, its lid-4 dates and doubts): a dictionary shared by every
 * cell of a run (one lookup per value) and the scratch from a value's number to its number in the cell being computed.
 */
const MAX_WOORDENBOEK = 200_000;

export class CelNummering<T> extends CelScratchNummering<T> {
  private readonly nummers = new Map<T, number>();

  numberIn(waarde: T, tabel: { readonly length: number; push(waarde: T): unknown }): number {
    let n = this.nummers.get(waarde);
    if (n === undefined) {
      n = this.nummers.size;
      this.nummers.set(waarde, n);
    }
    return this.numberNummerIn(n, waarde, tabel);
  }

  /** Before a cell. A long-lived context (the term service's) keeps meeting new values; past `MAX_WOORDENBOEK` the dictionary starts afresh, which only renumbers. */
  startCel(): void {
    if (this.nummers.size > MAX_WOORDENBOEK) {
      this.nummers.clear();
      this.reset();
    }
  }
}

/**
 * Party names numbered once for every cell split from one input (`splitInCellen`), or for one cell read on its own
 * (`readBesluitVelden`): the walk numbers a tariefbeschikking's addressee by the number the split gave it, and looks up
 * by name only a party asked for or an appellant. At 20× national scale a name lookup per tariefbeschikking missed the
 * cache every time. The register only grows: a walk adds the parties asked for and the appellants of its cell, and a
 * name keeps its number, so a cell's result does not depend on the cells walked before it.
 */
export class PartijRegister {
  readonly namen: string[] = [];
  // An open-addressing table of its own over the names' UTF-16 code units, kept together in `tekens`: a lookup reads
  // the probed name and these arrays only. A Map compares with the key strings themselves, which at 20× national scale
  // lie scattered over the input (the first tariefbeschikking of each party): some 500 ns a lookup, half the split.
  // Small at first: the term service makes a register per cell it computes.
  private plaatsen = new Int32Array(64).fill(-1);
  private hashes = new Int32Array(32);
  private begin = new Int32Array(33);
  private tekens = new Uint16Array(512);

  /** The party's number (added when new). */
  numberPartij(naam: string): number {
    const hash = hashNaam(naam);
    const plaats = this.findPlaats(naam, hash);
    const gevonden = this.plaatsen[plaats]!;
    if (gevonden >= 0) return gevonden;
    return this.add(naam, hash, plaats);
  }

  findNummer(naam: string): number | undefined {
    const n = this.plaatsen[this.findPlaats(naam, hashNaam(naam))]!;
    return n < 0 ? undefined : n;
  }

  /** The slot holding `naam`, or the empty slot where it would go. */
  private findPlaats(naam: string, hash: number): number {
    const masker = this.plaatsen.length - 1;
    for (let plaats = hash & masker; ; plaats = (plaats + 1) & masker) {
      const n = this.plaatsen[plaats]!;
      if (n < 0 || (this.hashes[n] === hash && this.isNaam(n, naam))) return plaats;
    }
  }

  private isNaam(n: number, naam: string): boolean {
    const van = this.begin[n]!;
    if (this.begin[n + 1]! - van !== naam.length) return false;
    for (let k = 0; k < naam.length; k++) if (this.tekens[van + k] !== naam.charCodeAt(k)) return false;
    return true;
  }

  private add(naam: string, hash: number, plaats: number): number {
    const n = this.namen.length;
    this.namen.push(naam);
    if (n + 1 >= this.hashes.length) {
      this.hashes = growTo(this.hashes, 2 * this.hashes.length);
      this.begin = growTo(this.begin, this.hashes.length + 1);
    }
    this.hashes[n] = hash;
    const van = this.begin[n]!;
    if (van + naam.length > this.tekens.length) this.tekens = growTo(this.tekens, Math.max(2 * this.tekens.length, van + naam.length));
    for (let k = 0; k < naam.length; k++) this.tekens[van + k] = naam.charCodeAt(k);
    this.begin[n + 1] = van + naam.length;
    this.plaatsen[plaats] = n;
    // At most half full: a probe stops after a slot or two.
    if (2 * (n + 1) > this.plaatsen.length) this.rehash();
    return n;
  }

  private rehash(): void {
    this.plaatsen = new Int32Array(2 * this.plaatsen.length).fill(-1);
    const masker = this.plaatsen.length - 1;
    for (let n = 0; n < this.namen.length; n++) {
      let plaats = this.hashes[n]! & masker;
      while (this.plaatsen[plaats]! >= 0) plaats = (plaats + 1) & masker;
      this.plaatsen[plaats] = n;
    }
  }
}

/** FNV-1a over a name's UTF-16 code units. */
function hashNaam(naam: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < naam.length; k++) hash = Math.imul(hash ^ naam.charCodeAt(k), 0x01000193);
  return hash >>> 1;
}

/** A copy of `a`, `lengte` long. */
function growTo<A extends Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(a: A, lengte: number): A {
  const groter = new (a.constructor as new (n: number) => A)(lengte);
  groter.set(a);
  return groter;
}

/**
 * One term of a cell seen through its columns: what statuses, warnings and sorting read, without making its record.
 * Short-lived: made when a status or warning needs it.
 */
export class TermijnRij {
  constructor(
    readonly kolommen: CelTermijnKolommen,
    readonly invoer: CelInvoer,
    readonly positie: number,
  ) {}
  get besluit(): string {
    return this.invoer.besluiten[this.kolommen.besluitVan(this.positie)]!.id;
  }
  get bekendgemaakt(): IsoDatum {
    return this.invoer.besluiten[this.kolommen.besluitVan(this.positie)]!.bekendgemaakt;
  }
  get aanvang(): IsoDatum {
    return this.kolommen.berekendVan(this.positie).aanvang;
  }
  get einde(): IsoDatum {
    return this.kolommen.berekendVan(this.positie).einde;
  }
  get rechtsmiddel(): Rechtsmiddel {
    return this.kolommen.rechtsmiddelVan(this.positie);
  }
  get soort(): TermijnSoort {
    return this.kolommen.soortVan(this.positie);
  }
  get partij(): string | undefined {
    return this.kolommen.partijVan(this.positie);
  }
  get twijfel(): string | undefined {
    return this.kolommen.twijfelVan(this.positie);
  }
  get versie(): number {
    return this.kolommen.versieVan(this.positie);
  }
  get jaar(): number {
    return this.invoer.jaar;
  }
}

/** What a run of the engine shares across cells: the configuration and six-week terms memoised per bekendmaking. */
export interface Rekencontext {
  config: TermijnConfig;
  computeZesWeken(bekendgemaakt: IsoDatum): BerekendeTermijn;
  /** The same six weeks (the same object) by the bekendmaking's day number: an index, not a lookup, per besluit. */
  computeZesWekenOpDag(dag: number): BerekendeTermijn;
  /** Art. 105 lid 3 Wmg: six weeks from 1 March of `jaar`, memoised (every term of a run is one of a bounded set). */
  computeLid3Venster(jaar: number): BerekendeTermijn;
  isOudRegime(datum: IsoDatum): boolean;
  /** `isOudRegime` of the day numbered `dag`: a comparison of numbers per besluit of the walk, not of strings. */
  isOudRegimeOpDag(dag: number): boolean;
  /** The doubt every new-regime term carries while the entry into force is unknown (termijnregels §8). */
  twijfelRegime: string | undefined;
  lid2Twijfels: readonly (string | undefined)[];
  /** The parties (by their number in the cell's `PartijRegister`) and six-week terms of the cell being computed. */
  nummering: { partij: CelScratchNummering<number>; berekend: CelNummering<BerekendeTermijn>; lid4Tekst: CelNummering<string> };
  /** Scratch columns for the cell being computed. */
  kladblok: CelKladblok;
  /** The day after `datum`, memoised: the first day a contracteerruimte can be onherroepelijk. */
  computeDagNa(datum: IsoDatum): IsoDatum;
}

export function createRekencontext(config: TermijnConfig): Rekencontext {
  const { kalender, inwerkingtreding } = config;
  // One memo, by day number: a day's six weeks are the same object asked for by date or by day.
  const computeZesWekenOpDag = memoizePerDag((dag) => computeBezwaarOfBeroepstermijn(fromDagnummer(dag), kalender));
  const twijfelRegime = inwerkingtreding === undefined ? TWIJFEL_INWERKINGTREDING : undefined;
  const inwerkingtredingDag = inwerkingtreding === undefined ? undefined : readDagnummer(inwerkingtreding);
  return {
    config,
    // The range first, as for every bekendmaking (and a date far out of range never resets the memo).
    computeZesWeken: (bekendgemaakt) => {
      assertBekendmakingInBereik(bekendgemaakt);
      return computeZesWekenOpDag(toDagnummer(bekendgemaakt));
    },
    computeZesWekenOpDag,
    computeLid3Venster: memoizePerSleutel((jaar: number) => computeTermijnVanafAanvang(`${jaar}-03-01`, 6, kalender)),
    isOudRegime: (datum) => inwerkingtreding !== undefined && datum < inwerkingtreding,
    isOudRegimeOpDag:
      inwerkingtreding === undefined
        ? () => false
        : inwerkingtredingDag === undefined
          ? (dag) => fromDagnummer(dag) < inwerkingtreding
          : (dag) => dag < inwerkingtredingDag,
    twijfelRegime,
    // The four combinations of doubts a lid-2 term can carry, built once: (zorgkantoor?) + 2 × (never had a term?).
    lid2Twijfels: [
      joinTwijfels(twijfelRegime),
      joinTwijfels(TWIJFEL_ZORGKANTOOR, twijfelRegime),
      joinTwijfels(TWIJFEL_NOOIT_EEN_TERMIJN, twijfelRegime),
      joinTwijfels(TWIJFEL_ZORGKANTOOR, TWIJFEL_NOOIT_EEN_TERMIJN, twijfelRegime),
    ],
    nummering: { partij: new CelScratchNummering(), berekend: new CelNummering(), lid4Tekst: new CelNummering() },
    kladblok: new CelKladblok(),
    computeDagNa: memoizePerSleutel((datum: IsoDatum) => addDagen(datum, 1)),
  };
}

/**
 * The day number of `datum` when it is an ISO date as `fromDagnummer` writes it (then comparing day numbers is comparing
 * the dates as strings); otherwise undefined.
 */
function readDagnummer(datum: string): number | undefined {
  try {
    const dag = toDagnummer(datum);
    return fromDagnummer(dag) === datum ? dag : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the walk reads every provider of the region (termijnregels §4): the cell has a contracteerruimtebesluit for a
 * year that is not future at its bekendmaking, with no tariefbeschikking of the cell made known before it.
 */
export function readsPartijenVanRegio(invoer: Pick<CelInvoer, 'besluiten' | 'jaar'>): boolean {
  let eersteTariefbeschikking: IsoDatum | undefined;
  for (const b of invoer.besluiten) {
    if (b.type === 'tariefbeschikking') {
      if (eersteTariefbeschikking === undefined || b.bekendgemaakt < eersteTariefbeschikking) eersteTariefbeschikking = b.bekendgemaakt;
    }
  }
  for (const b of invoer.besluiten) {
    if (b.type !== 'contracteerruimte' || invoer.jaar > jaarVan(b.bekendgemaakt)) continue;
    if (eersteTariefbeschikking === undefined || eersteTariefbeschikking >= b.bekendgemaakt) return true;
  }
  return false;
}

/**
 * `readsPartijenVanRegio` from the fields the walk reads (no besluit object picked up): the contracteerruimtebesluiten
 * up to the first tariefbeschikking, when the cell comes in order of bekendmaking (a besluit precedes the tariefbeschikking
 * of its own day).
 */
const eersteDagPerJaar = new Map<number, number>();

/** The day number of 1 January of `jaar`, memoised (asked once per cell). */
function computeEersteDagVanJaar(jaar: number): number {
  let dag = eersteDagPerJaar.get(jaar);
  if (dag === undefined) eersteDagPerJaar.set(jaar, (dag = toDagnummer(`${jaar}-01-01`)));
  return dag;
}

function readsPartijenVanRegioUitVelden(velden: BesluitVelden, jaar: number): boolean {
  const { dag, code } = velden;
  if (dag.length === 0 || code[0] !== BesluitCode.Contracteerruimte) return false;
  for (let p = 1; p < dag.length; p++) if (dag[p - 1]! > dag[p]!) return readsPartijenVanRegio({ besluiten: velden.van, jaar });
  // A besluit made known on or after 1 January of its year: that year is not future.
  const eersteDagVanJaar = computeEersteDagVanJaar(jaar);
  for (let p = 0; p < dag.length; p++) {
    if (code[p] !== BesluitCode.Contracteerruimte) return false;
    if (dag[p]! >= eersteDagVanJaar) return true;
  }
  return false;
}

/**
 * Whether the cell's result can change when the first tariefbeschikking in the region of one of `partijen` moves (art.
 * 105 lid 4 Wmg, the newcomer): `computeCel` reads that date only for the addressees of the cell's tariefbeschikkingen
 * and for the parties asked for — and for every provider of the region when `readsPartijenVanRegio`.
 */
export function readsEersteTariefbeschikkingVan(invoer: CelInvoer, partijen: ReadonlySet<string>): boolean {
  if (partijen.size > 0 && readsPartijenVanRegio(invoer)) return true;
  for (const g of invoer.gevraagd) if (partijen.has(g.partij)) return true;
  for (const b of invoer.besluiten) if (b.type === 'tariefbeschikking' && partijen.has(partijVan(b))) return true;
  return false;
}

const GRONDSLAG_LID_2 = Object.freeze([...GRONDSLAG_AWB, 'art. 105 lid 2 Wmg']);
// Termijnregels §10: a lid-3 window departs from art. 6:8 lid 1 Awb (it starts on 1 March).
const GRONDSLAG_LID_3 = Object.freeze(['art. 6:7 Awb', 'art. 105 lid 3 Wmg']);
const GRONDSLAG_WIJZIGING = Object.freeze([...GRONDSLAG_AWB, 'art. 105 lid 4 Wmg']);
// Termijnregels §10: the Awb's term first, then the provision that brings it here.
const GRONDSLAG_6_19 = Object.freeze([...GRONDSLAG_AWB, 'art. 6:19 Awb']);
const GRONDSLAG_SLUITTARIEF = Object.freeze(['art. 105 lid 2 Wmg']);
const GRONDSLAG_GEEN_BEZWAAR = Object.freeze(['art. 7:1 Awb', 'Bijlage 1 Awb']);
const GRONDSLAG_LID_4 = Object.freeze(['art. 105 lid 4 Wmg']);
const GRONDSLAG_OUD_REGIME = Object.freeze(['art. 105 Wmg (oud)', 'art. 8:1 Awb']);

const TWIJFEL_NOOIT_EEN_TERMIJN =
  'Voor deze partij stond nog geen beroep tegen deze contracteerruimte open, maar de termijnen van andere partijen zijn ' +
  'verstreken. Art. 105 lid 4 Wmg kan zo worden gelezen dat de contracteerruimte al onherroepelijk is; de wet laat dat ' +
  'open. Stel beroep in uiterlijk op deze datum: een onnodig beroep kost alleen griffierecht.';

const TWIJFEL_ZORGKANTOOR =
  'Of elke tariefbeschikking in de regio ook voor het zorgkantoor een beroepstermijn opent, is niet beslist: het zorgkantoor ' +
  'is geen adressaat van de tariefbeschikking. De vroegste van deze termijnen is de veilige datum.';

const TWIJFEL_ZORGKANTOOR_UITSLUITING =
  'Of elke tariefbeschikking in de regio ook voor het zorgkantoor een beroepstermijn opent, is niet beslist: het zorgkantoor ' +
  'is geen adressaat van de tariefbeschikking.';

// Kamerstuk 36 486 nr. 3 (MvT bij art. 105 lid 2) assumes a zorgkantoor may make bezwaar against the tariefbeschikking.
const TWIJFEL_ZORGKANTOOR_BEZWAAR =
  'Het zorgkantoor is geen adressaat van deze tariefbeschikking; de memorie van toelichting gaat ervan uit dat ook een ' +
  'zorgkantoor bezwaar kan maken tegen de tariefbeschikking. De termijn loopt voor de zekerheid vanaf de bekendmaking aan de zorgaanbieder.';

function regiojaar(regio: string, jaar: number): string {
  return `${regio} ${jaar}`;
}

export function joinTwijfels(...twijfels: (string | undefined)[]): string | undefined {
  const gezet = twijfels.filter((t): t is string => Boolean(t));
  if (gezet.length <= 1) return gezet[0];
  // One doubt per paragraph (pages show several as a list: `TWIJFEL_ALINEA`).
  return gezet.join(TWIJFEL_ALINEA);
}

function laterVan(a: IsoDatum | undefined, b: IsoDatum): IsoDatum {
  return a === undefined || b > a ? b : a;
}

/**
 * The terms and exclusions of one (regio, jaar), every party's, walking its besluiten in order (termijnregels §4–§7).
 * Independent of the peildatum: the status at a peildatum is `computeCelStatus`'s. It writes only into the context's
 * scratch (one cell at a time) and adds the names of parties asked for and appellants to the cell's `PartijRegister`,
 * which only grows: equal input gives an equal result, whatever was computed before.
 */
export function computeCel(invoer: CelInvoer, context: Rekencontext): CelUitkomst {
  const { nummering, kladblok } = context;
  if (kladblok.inGebruik) throw new Error('computeCel: a cell is still being computed with this context');
  nummering.berekend.startCel();
  nummering.lid4Tekst.startCel();
  kladblok.inGebruik = true;
  try {
    return walkCel(invoer, context);
  } finally {
    kladblok.inGebruik = false;
    nummering.partij.release();
    nummering.berekend.release();
    nummering.lid4Tekst.release();
  }
}

function walkCel(invoer: CelInvoer, context: Rekencontext): CelUitkomst {
  const { regio, jaar, besluiten, beroepen, gevraagd } = invoer;
  const { config, computeZesWekenOpDag, computeLid3Venster, isOudRegimeOpDag, twijfelRegime, lid2Twijfels, computeDagNa } = context;
  // Fields read from these very besluiten only: a copy of the cell with other besluiten reads them afresh.
  const velden = invoer.velden?.van === besluiten ? invoer.velden : readBesluitVelden(besluiten);
  const { inwerkingtreding } = config;
  // The cell's terms in the run's scratch, which grows with the largest cell (a contracteerruimtebesluit can give every
  // party of the year a term).
  const { kladblok } = context;
  const kolommen = new CelTermijnKolommen(context.nummering, kladblok, velden.register);
  // The beroep terms' positions (at most one per term), in the run's scratch.
  const beroepPosities = new Int32Lijst(kladblok.beroepPosities, (groter) => (kladblok.beroepPosities = groter));
  /** The besluit being walked: its place in `besluiten`. */
  let plaats = -1;
  // Each exclusion as the means to write it: most are never shown.
  // Per exclusion four numbers: the besluit's place, the reason, the party (or -1) and the lid-4 doubt's place (or -1);
  // at most one per besluit for its addressee and one per zorgkantoor asked for.
  let uitsluitingen = kladblok.uitsluitingen;
  let aantalUitsluitingen = 0;
  /** `alsToch`: for an oud-regime exclusion near the entry into force, the term the new regime would give (§8). */
  const addUitsluiting = (reden: UitsluitingSoort, partij: number, lid4 = -1, alsToch?: BerekendeTermijn) => {
    const o = 4 * aantalUitsluitingen++;
    if (o + 4 > uitsluitingen.length) uitsluitingen = kladblok.uitsluitingen = growTo(uitsluitingen, 2 * uitsluitingen.length);
    uitsluitingen[o] = plaats;
    uitsluitingen[o + 1] = reden;
    uitsluitingen[o + 2] = partij;
    uitsluitingen[o + 3] = lid4;
    if (alsToch) (oudRegimeAlsToch ??= new Map()).set(aantalUitsluitingen - 1, alsToch);
  };
  let oudRegimeAlsToch: Map<number, BerekendeTermijn> | undefined;
  const lid4 = new Lid4Kolommen(kladblok, invoer, kolommen, inwerkingtreding, context.nummering.lid4Tekst);

  let versie = 0;
  /** The position of the current version's lid-3 window (read at the besluit's bekendmaking, termijnregels §5), or −1. */
  let lid3Positie = -1;
  let lid3Aanvang: IsoDatum = '';
  /** Its first day as a day number: compared with every tariefbeschikking's. */
  let lid3AanvangDag = 0;
  let lid3Gemarkeerd = false;
  /** The doubt of the lid-2 terms of tariefbeschikkingen made known before the window's 1 March (§5), shared. */
  let lid3VoorMaartTwijfel: LateTekst | undefined;
  /** The newcomers' doubt for the current window's end (§6), shared. */
  let nieuwkomerTwijfel: { vensterEinde: IsoDatum; tekst: LateTekst } | undefined;
  /** Latest last day of the lid-3 windows of the current version (open to every party of the region). */
  let laatsteEindeRegio: IsoDatum | undefined;
  /** Latest last day among every statutory term of the current version, kept for O(1) checks. */
  let laatsteEindeWettelijk: IsoDatum | undefined;
  // The parties of this year, by their number in the columns' party table: the kind, the latest last day of their own
  // statutory terms against the current version, and the order in which they became parties of the year.
  // At most one party per besluit, per party asked for and per appellant.
  // Termijnregels §4: the region's providers with a tariefbeschikking, read only when a besluit of the cell may need them.
  const regioPartijen = readsPartijenVanRegioUitVelden(velden, jaar)
    ? [...invoer.eersteTariefbeschikkingInRegio.entries()].sort((a, b) => compare(a[0], b[0]))
    : [];
  const maxPartijen = besluiten.length + gevraagd.length + beroepen.length + regioPartijen.length;
  const { soortVan, laatsteEindeVan, partijen } = kladblok.reservePartijen(maxPartijen);
  let aantalPartijen = 0;
  const addPartij = (nummer: number, soort: PartijSoort) => {
    soortVan[nummer] = soort;
    laatsteEindeVan[nummer] = undefined;
    partijen[aantalPartijen++] = nummer;
  };
  const { register } = velden;
  const gevraagdNummers = gevraagd.map((g) => kolommen.numberPartij(register.numberPartij(g.partij)));
  // A party asked for twice keeps its first place and its last kind.
  for (let k = 0; k < gevraagd.length; k++) {
    if (soortVan[gevraagdNummers[k]!] === undefined) addPartij(gevraagdNummers[k]!, gevraagd[k]!.soort);
    else soortVan[gevraagdNummers[k]!] = gevraagd[k]!.soort;
  }
  const beroepenPerPartij = new Map<string, (Beroep & { partij: string })[]>();
  for (const b of beroepen) {
    const lijst = beroepenPerPartij.get(b.partij);
    if (lijst) lijst.push(b);
    else beroepenPerPartij.set(b.partij, [b]);
  }
  const geenBeroepen: readonly (Beroep & { partij: string })[] = [];
  const beroepenVan = (partij: string) => (beroepenPerPartij.size === 0 ? geenBeroepen : (beroepenPerPartij.get(partij) ?? geenBeroepen));
  // By the party's number in the cell: its name is read only when the cell has beroepen.
  const beroepenVanNummer = (nummer: number) => (beroepenPerPartij.size === 0 ? geenBeroepen : beroepenVan(kolommen.partijNaam(nummer)));
  let eersteTariefbeschikking: IsoDatum | undefined;
  for (let p = 0; p < besluiten.length; p++) {
    if (velden.code[p] !== BesluitCode.Contracteerruimte) {
      eersteTariefbeschikking = fromDagnummer(velden.dag[p]!);
      break;
    }
  }
  const plaatsen: CelPlaatsen = { contracteerruimte: [], eersteTariefbeschikking: -1, partij: new Int32Array(besluiten.length).fill(-1), chronologisch: true };

  /**
   * Whether the party numbered `inRegister` (in the cell's register) became a party of the region through a tariefbeschikking
   * of this cell, made known on `eerste`: that tariefbeschikking decides what the year holds for it (its own lid-2 term, or
   * an exclusion whose reason the rules name).
   */
  const isEersteTariefbeschikkingInCel = (inRegister: number, eerste: IsoDatum) => {
    const dag = toDagnummer(eerste);
    for (let p = 0; p < besluiten.length; p++) if (velden.partij[p] === inRegister && velden.dag[p] === dag) return true;
    return false;
  };

  /** The exclusion `reden` for each zorgkantoor asked for, other than the addressee numbered `adressaat` (in the columns). */
  // No callback: a closure made in the loop over the besluiten would capture that loop's variables, and the loop body
  // would then allocate a context for them per tariefbeschikking.
  const addUitsluitingVoorGevraagdZorgkantoor = (reden: UitsluitingSoort, adressaat: number, alsToch?: BerekendeTermijn) => {
    for (let k = 0; k < gevraagd.length; k++) {
      if (gevraagd[k]!.soort === 'zorgkantoor' && gevraagdNummers[k] !== adressaat) addUitsluiting(reden, gevraagdNummers[k]!, -1, alsToch);
    }
  };

  /** `partij` is a number in the party table, or −1 for a lid-3 window (open to every party of the region). */
  const addBeroepstermijn = (
    t: BerekendeTermijn,
    regel: Exclude<TermijnRegel, 'awb-bezwaar'>,
    partij: number,
    twijfel: string | LateTekst | undefined,
    beroepIngesteld?: IsoDatum,
    /** Whether it counts as a term that opened (art. 105 lid 4 Wmg); a doubtful window does not. */
    teltVoorLid4 = true,
  ) => {
    beroepPosities.push(kolommen.lengte);
    kolommen.add(plaats, t, regel, versie, partij, partij < 0 ? undefined : soortVan[partij], twijfel, beroepIngesteld);
    // Possibly fatal dates and precautions do not close beroep (§4, §6): a tariefbeschikking that follows still opens its term.
    if (!teltVoorLid4 || regel === 'wijziging-zonder-tariefbeschikking' || regel === 'art-6-19-voorzorg' || regel === 'besluit-zonder-tariefbeschikking')
      return;
    const einde = t.einde;
    laatsteEindeWettelijk = laterVan(laatsteEindeWettelijk, einde);
    if (partij >= 0) laatsteEindeVan[partij] = laterVan(laatsteEindeVan[partij], einde);
    else laatsteEindeRegio = laterVan(laatsteEindeRegio, einde);
  };

  /** Art. 105 lid 4 Wmg for a party: since when the contracteerruimte is onherroepelijk for it on `datum`, if so. */
  const computeOnherroepelijkSinds = (nummer: number, datum: IsoDatum): IsoDatum | undefined => {
    const eigen = laatsteEindeVan[nummer];
    const laatste = eigen === undefined ? laatsteEindeRegio : laatsteEindeRegio === undefined ? eigen : laterVan(eigen, laatsteEindeRegio);
    if (laatste === undefined || laatste >= datum) return undefined;
    let sinds = computeDagNa(laatste);
    for (const b of beroepenVanNummer(nummer)) {
      if (isLopendOp(b, datum)) return undefined;
      if (b.afgerond !== null && b.afgerond <= datum && b.afgerond > sinds) sinds = b.afgerond;
    }
    return sinds;
  };

  /** Art. 105 lid 2 Wmg: the beroep the tariefbeschikking at `plaats` (made known on `datum`) opens for `partij`, or why it does not (lid 4). */
  const openBeroepViaTariefbeschikking = (datum: IsoDatum, nummer: number, t: BerekendeTermijn, extraTwijfel?: string) => {
    const sinds = computeOnherroepelijkSinds(nummer, datum);
    const eigen = laatsteEindeVan[nummer];
    if (sinds) {
      // The window's end as it is now (the walk moves on before the text is written), for a newcomer after it.
      let vensterEinde: IsoDatum | undefined;
      if (eigen === undefined && laatsteEindeRegio !== undefined) {
        const eerste = invoer.eersteTariefbeschikkingInRegio;
        // By the party's number when the split that numbered it also gave the days (no name looked up per exclusion).
        const eersteInRegio =
          eerste.register === register && eerste.getVoorNummer
            ? eerste.getVoorNummer(kolommen.registerNummerVan(nummer))
            : eerste.get(kolommen.partijNaam(nummer));
        if (eersteInRegio !== undefined && eersteInRegio > laatsteEindeRegio) vensterEinde = laatsteEindeRegio;
      }
      if (vensterEinde !== undefined) {
        // Termijnregels §6 (corrected 2026-12-07): a newcomer after a lid-3 window was no belanghebbende while it ran (art.
        // 1:2 Awb); it had no beroep open to it, so its tariefbeschikking opens its own term, with the lid-4 doubt.
        // One text per window, shared by every newcomer after it (the term names its party), written when read.
        if (nieuwkomerTwijfel?.vensterEinde !== vensterEinde) {
          const einde = vensterEinde;
          nieuwkomerTwijfel = { vensterEinde: einde, tekst: new LateTekst(() => joinTwijfels(describeTwijfelNieuwkomer(regio, einde), twijfelRegime)!) };
        }
        addBeroepstermijn(t, 'art-105-lid-2', nummer, nieuwkomerTwijfel.tekst);
        return;
      }
      // An exclusion has no terms to choose the earliest from: the zorgkantoor's doubt in the words for an exclusion.
      addUitsluiting(
        UitsluitingSoort.Onherroepelijk,
        nummer,
        lid4.add(plaats, nummer, sinds, t.einde, extraTwijfel === TWIJFEL_ZORGKANTOOR ? TWIJFEL_ZORGKANTOOR_UITSLUITING : extraTwijfel),
      );
      return;
    }
    // The party never had a term against this version while other parties' statutory terms all ended (a pooled
    // reading of lid 4 would call it onherroepelijk). It has no statutory term here, so "all" are the others'.
    const eerderVerlopen =
      laatsteEindeRegio === undefined &&
      eigen === undefined &&
      laatsteEindeWettelijk !== undefined &&
      laatsteEindeWettelijk < datum &&
      findLopendBeroep(beroepen, datum) === undefined;
    addBeroepstermijn(t, 'art-105-lid-2', nummer, lid2Twijfels[(extraTwijfel ? 1 : 0) + (eerderVerlopen ? 2 : 0)]);
  };

  // The besluiten by place through `velden`: an object is picked up only for a contracteerruimtebesluit.
  /**
   * A contracteerruimtebesluit at `plaats`, made known on `datum` (day number `dag`): a new version of the contracteerruimte,
   * its lid-3 window, and each party's date (termijnregels §4, §6, §8). A function of its own, apart from the loop over
   * the tariefbeschikkingen: that loop stays small enough for the compiler to optimise it whole.
   */
  const walkContracteerruimte = (dag: number, datum: IsoDatum): void => {
    const besluit = besluiten[plaats]!;
    (plaatsen.contracteerruimte as number[]).push(plaats);
    versie += 1;
    laatsteEindeRegio = undefined;
    laatsteEindeWettelijk = undefined;
    for (let k = 0; k < aantalPartijen; k++) laatsteEindeVan[partijen[k]!] = undefined;
    lid3Positie = -1;
    const bekendmakingsjaar = jaarVan(datum);
    const alTariefbeschikking = eersteTariefbeschikking !== undefined && eersteTariefbeschikking < datum;
    const lid3 = jaar > bekendmakingsjaar && !alTariefbeschikking;
    if (isOudRegimeOpDag(dag)) {
      // Termijnregels §8: near the boundary the new rules may still reach it (the window or six weeks run past it).
      const nieuw = lid3 ? computeLid3Venster(bekendmakingsjaar + 1) : computeZesWekenOpDag(dag);
      addUitsluiting(UitsluitingSoort.OudRegime, -1, -1, nieuw.einde >= inwerkingtreding! ? nieuw : undefined);
      return;
    }
    addUitsluiting(UitsluitingSoort.GeenBezwaar, -1);
    // A tariefbeschikking made known on the same day: whether one "was issued" at the moment of bekendmaking is open.
    const zelfdeDag = eersteTariefbeschikking === datum;
    // Tariefbeschikkingen for a future year made known before its first vaststelling (none registered before, and this is
    // no wijziging of one): lid 3 asks that none was issued, yet none can rest on this besluit. The window is computed too, with that doubt, and does not count
    // as a term that opened (lid 4): termijnregels §7, never resolve a doubt by dropping a term.
    const lid3Twijfelachtig = jaar > bekendmakingsjaar && alTariefbeschikking && versie === 1 && besluit.soort === 'vaststelling';
    if (lid3 || lid3Twijfelachtig) {
      // Art. 105 lid 3 Wmg: a future year without any tariefbeschikking at the moment of bekendmaking.
      const t = computeLid3Venster(bekendmakingsjaar + 1);
      const twijfel = joinTwijfels(
        zelfdeDag
          ? `Op dezelfde dag is een tariefbeschikking voor ${regiojaar(regio, jaar)} bekendgemaakt. Of art. 105 lid 3 Wmg dan ` +
              'geldt (geen tariefbeschikking afgegeven op het moment van bekendmaking), is niet zeker; de termijn via die ' +
              'tariefbeschikking (lid 2) is daarom ook berekend, en de vroegste datum is de veilige.'
          : lid3Twijfelachtig
            ? describeTwijfelLid3NaTariefbeschikking(regiojaar(regio, jaar), eersteTariefbeschikking!)
            : undefined,
        twijfelRegime,
      );
      addBeroepstermijn(t, 'art-105-lid-3', -1, twijfel, undefined, !lid3Twijfelachtig);
      if (lid3Twijfelachtig) kolommen.markTariefbeschikkingVooraf(kolommen.lengte - 1, eersteTariefbeschikking!);
      // A window with a same-day tariefbeschikking already says so (its doubt above); later ones before 1 March too.
      else {
        [lid3Positie, lid3Aanvang, lid3Gemarkeerd, lid3VoorMaartTwijfel] = [kolommen.lengte - 1, t.aanvang, zelfdeDag, undefined];
        lid3AanvangDag = toDagnummer(t.aanvang);
      }
    }
    // Termijnregels §4: a year that is not future, no tariefbeschikking for it yet: every provider with an earlier
    // tariefbeschikking in the region is a party too (the parties asked for, the zorgkantoor, already are).
    // A tariefbeschikking of the same day opens its lid-2 term on that very day: no §4 date beside it.
    const zonderTariefbeschikking = !lid3 && !alTariefbeschikking && eersteTariefbeschikking !== datum;
    if (zonderTariefbeschikking) {
      // A provider with an earlier tariefbeschikking in the region; also one that became a party on the day or while the
      // six weeks ran, unless through a tariefbeschikking for this year, which decides the year for it (termijnregels §4).
      const laatsteDag = computeZesWekenOpDag(dag).einde;
      for (const [partij, eerste] of regioPartijen) {
        if (eerste > laatsteDag || (eerste >= datum && isEersteTariefbeschikkingInCel(register.numberPartij(partij), eerste))) continue;
        const nummer = kolommen.numberPartij(register.numberPartij(partij));
        if (soortVan[nummer] === undefined) addPartij(nummer, 'zorgaanbieder');
      }
    }
    // One text per wijzigingsbesluit and kind of party, shared by every party's date (the term names its party);
    // written when first read.
    let twijfelWijziging: { zorgaanbieder: LateTekst; zorgkantoor: LateTekst } | undefined;
    let twijfelZonder: { zorgaanbieder: LateTekst; zorgkantoor: LateTekst } | undefined;
    // An appellant whose beroep is pending is a party of this year even without a tariefbeschikking for it.
    for (const b of beroepen) {
      if (!isLopendOp(b, datum)) continue;
      const nummer = kolommen.numberPartij(register.numberPartij(b.partij));
      if (soortVan[nummer] === undefined) addPartij(nummer, gevraagd.find((g) => g.partij === b.partij)?.soort ?? 'zorgaanbieder');
    }
    const t = computeZesWekenOpDag(dag);
    if (zonderTariefbeschikking && (aantalPartijen === 0 || !gevraagd.some((g) => g.soort === 'zorgkantoor'))) {
      // No party known, or the zorgkantoor (always a party, never an addressee) not named: one date for the region, open
      // to every party (like a lid-3 window), so that no party of the region is left without one.
      addBeroepstermijn(
        t,
        'besluit-zonder-tariefbeschikking',
        -1,
        describeTwijfelZonderTariefbeschikking(besluit, regio, jaar, undefined, twijfelRegime, aantalPartijen === 0),
      );
    }
    for (let k = 0; k < aantalPartijen; k++) {
      const nummer = partijen[k]!;
      // Art. 6:19 Awb extends a pending beroep to a later besluit, never to the besluit it is against itself.
      const lopend = findLopendBeroep(beroepenVanNummer(nummer), datum, besluit.id);
      if (lopend) {
        const partij = kolommen.partijNaam(nummer);
        // Art. 6:19 Awb: the pending beroep extends to the amended besluit for the same year; a precaution date.
        const twijfel =
          `Het beroep van ${partij} (ingesteld ${formatDatumKort(lopend.ingesteld)}) loopt en strekt zich van rechtswege uit tot ` +
          `besluit ${besluit.id} (art. 6:19 lid 1 Awb), tenzij ${partij} daarbij onvoldoende belang heeft. Die reikwijdte ` +
          'is omstreden: stuur uit voorzorg uiterlijk op deze datum een brief met gronden tegen het nieuwe besluit aan het CBb.';
        addBeroepstermijn(t, 'art-6-19-voorzorg', nummer, twijfel, lopend.ingesteld);
      } else if (!lid3 && alTariefbeschikking) {
        // Termijnregels §6: amended, no gewijzigde tariefbeschikking (yet) — possibly the fatal date.
        twijfelWijziging ??= describeTwijfelWijziging(besluit, twijfelRegime);
        addBeroepstermijn(
          t,
          'wijziging-zonder-tariefbeschikking',
          nummer,
          soortVan[nummer] === 'zorgkantoor' ? twijfelWijziging.zorgkantoor : twijfelWijziging.zorgaanbieder,
        );
      } else if (zonderTariefbeschikking) {
        // Termijnregels §4: no lid-2 term exists yet (and the zorgkantoor never receives one) — possibly the fatal date.
        twijfelZonder ??= {
          zorgaanbieder: describeTwijfelZonderTariefbeschikking(besluit, regio, jaar, 'zorgaanbieder', twijfelRegime),
          zorgkantoor: describeTwijfelZonderTariefbeschikking(besluit, regio, jaar, 'zorgkantoor', twijfelRegime),
        };
        addBeroepstermijn(
          t,
          'besluit-zonder-tariefbeschikking',
          nummer,
          soortVan[nummer] === 'zorgkantoor' ? twijfelZonder.zorgkantoor : twijfelZonder.zorgaanbieder,
        );
      }
    }
  };

  for (plaats = 0; plaats < besluiten.length; plaats++) {
    const dag = velden.dag[plaats]!;
    const code = velden.code[plaats]!;
    // Each day's one string, from the run's table: the comparisons below are on ISO dates.
    const datum = fromDagnummer(dag);
    if (plaats > 0 && velden.dag[plaats - 1]! > dag) plaatsen.chronologisch = false;
    if (code === BesluitCode.Contracteerruimte) {
      walkContracteerruimte(dag, datum);
      continue;
    }

    // A tariefbeschikking.
    const nummer = kolommen.numberPartij(velden.partij[plaats]!);
    plaatsen.partij[plaats] = nummer;
    if (plaatsen.eersteTariefbeschikking < 0) plaatsen.eersteTariefbeschikking = plaats;
    const t = computeZesWekenOpDag(dag);
    // Art. 6:7 and 6:8 Awb: bezwaar against the tariefbeschikking itself opens whatever the rest of the rules say.
    kolommen.add(plaats, t, 'awb-bezwaar', 0, nummer, 'zorgaanbieder', undefined);
    for (let k = 0; k < gevraagd.length; k++) {
      if (gevraagd[k]!.soort !== 'zorgkantoor' || gevraagdNummers[k] === nummer) continue;
      kolommen.add(plaats, t, 'awb-bezwaar', 0, gevraagdNummers[k]!, 'zorgkantoor', TWIJFEL_ZORGKANTOOR_BEZWAAR);
    }
    if (soortVan[nummer] === undefined) addPartij(nummer, 'zorgaanbieder');
    if (isOudRegimeOpDag(dag)) {
      // Termijnregels §8: six weeks that run past the entry into force may still be a term of the new regime (not for a
      // sluittarief, which never opens one).
      const kanNogOpen = t.einde >= inwerkingtreding! && (code === BesluitCode.MetProductieafspraken || velden.van[plaats]!.soort !== 'sluittarief');
      addUitsluiting(UitsluitingSoort.OudRegime, nummer, -1, kanNogOpen ? t : undefined);
      if (gevraagd.length > 0) addUitsluitingVoorGevraagdZorgkantoor(UitsluitingSoort.OudRegime, nummer, kanNogOpen ? t : undefined);
      continue;
    }
    if (code === BesluitCode.ZonderProductieafspraken) {
      // Art. 105 lid 2 Wmg: no beroep through it for anyone — the zorgkantoor asked for is told so too (no party without a date or a reason).
      addUitsluiting(UitsluitingSoort.ZonderProductieafspraken, nummer);
      if (gevraagd.length > 0) addUitsluitingVoorGevraagdZorgkantoor(UitsluitingSoort.ZonderProductieafspraken, nummer);
      continue;
    }
    // Termijnregels §5: a tariefbeschikking made known after the besluit that opened a lid-3 window, before 1 March: the
    // window and the lid-2 terms of this tariefbeschikking both carry the doubt.
    const voorMaart = lid3Positie >= 0 && dag < lid3AanvangDag;
    const eersteLid2 = kolommen.lengte;
    if (voorMaart && !lid3Gemarkeerd) {
      kolommen.addTwijfel(lid3Positie, describeTwijfelLid3VoorMaart(regio, jaar, datum, lid3Aanvang));
      lid3Gemarkeerd = true;
    }
    // A gewijzigde tariefbeschikking to a party that had a date after the amendment: that date's text says it followed.
    openBeroepViaTariefbeschikking(datum, nummer, t);
    for (let k = 0; k < gevraagd.length; k++) {
      const g = gevraagd[k]!;
      if (g.soort === 'zorgkantoor' && gevraagdNummers[k] !== nummer) openBeroepViaTariefbeschikking(datum, gevraagdNummers[k]!, t, TWIJFEL_ZORGKANTOOR);
    }
    if (voorMaart) {
      lid3VoorMaartTwijfel ??= createTwijfelLid2VoorMaart(regio, jaar, lid3Aanvang);
      for (let i = eersteLid2; i < kolommen.lengte; i++) if (kolommen.rechtsmiddelVan(i) === 'beroep') kolommen.addTwijfel(i, lid3VoorMaartTwijfel);
    }
  }
  kolommen.seal();
  lid4.seal();
  // Kept as typed arrays: outside the heap the collector copies.
  return new CelResultaat(invoer, context, kolommen, beroepPosities.copy(), uitsluitingen.slice(0, 4 * aantalUitsluitingen), lid4, plaatsen, oudRegimeAlsToch);
}

/** The first of `beroepen` pending on `datum` — against another besluit than `nietTegen` when given (art. 6:19 Awb) — if any. */
function findLopendBeroep<B extends Beroep>(beroepen: readonly B[], datum: IsoDatum, nietTegen?: string): B | undefined {
  for (let i = 0; i < beroepen.length; i++) if (beroepen[i]!.tegen !== nietTegen && isLopendOp(beroepen[i]!, datum)) return beroepen[i];
  return undefined;
}

/** Termijnregels §6: a besluit after tariefbeschikkingen, without a gewijzigde tariefbeschikking (yet), for a zorgaanbieder and a zorgkantoor. */
function describeTwijfelWijziging(besluit: Besluit, twijfelRegime: string | undefined): { zorgaanbieder: LateTekst; zorgkantoor: LateTekst } {
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

/**
 * Termijnregels §4: a besluit for a year that is not future at its bekendmaking, with no tariefbeschikking for (regio,
 * jaar) yet; for a zorgaanbieder, a zorgkantoor, or (`undefined`) the region when no party is known.
 */
function describeTwijfelZonderTariefbeschikking(
  besluit: Besluit,
  regio: string,
  jaar: number,
  partijSoort: PartijSoort | undefined,
  twijfelRegime: string | undefined,
  /** For the region's date: whether no party of the region was known at the bekendmaking. */
  geenPartijBekend = false,
): LateTekst {
  return new LateTekst(() => {
    const naam = `${nameContracteerruimtebesluit(besluit.soort)} ${besluit.id}`;
    const wie =
      partijSoort === 'zorgkantoor'
        ? ' Het zorgkantoor ontvangt nooit een tariefbeschikking: voor het zorgkantoor kan deze datum de enige zijn.'
        : partijSoort === undefined
          ? (geenPartijBekend ? ' Bij de bekendmaking was nog geen partij in de regio bekend.' : '') +
            ' Deze datum geldt voor elke partij in de regio, ook voor het zorgkantoor, dat nooit een tariefbeschikking ontvangt.'
          : '';
    // Said of the day of bekendmaking: a tariefbeschikking registered later does not make it untrue.
    return joinTwijfels(
      `Mogelijk fatale datum. ${hoofdletter(naam)} betreft ${jaar}, geen toekomstig jaar, dus art. 105 lid 3 Wmg geldt niet; op de ` +
        `dag van bekendmaking was voor ${regio} ${jaar} nog geen tariefbeschikking bekendgemaakt, dus liep er geen termijn via art. 105 lid 2 Wmg. ` +
        `Of dan de gewone termijn (art. 6:7 en 6:8 lid 1 Awb) vanaf de bekendmaking van het besluit zelf loopt, laat de wet open.${wie} ` +
        'Beroep uiterlijk op deze datum is veilig: het besluit bestaat al (art. 6:10 lid 1 sub a Awb). Een tariefbeschikking die ' +
        'daarna volgt, opent daarnaast een eigen termijn; de vroegste datum is de veilige.',
      twijfelRegime,
    )!;
  });
}

/** Termijnregels §6 (corrected 2026-12-07): a newcomer after a lid-3 window keeps its term, with the lid-4 doubt. */
function describeTwijfelNieuwkomer(regio: string, vensterEinde: IsoDatum): string {
  return (
    `Deze zorgaanbieder had vóór het einde van het venster van art. 105 lid 3 Wmg (${formatDatumKort(vensterEinde)}) nog geen ` +
    `tariefbeschikking in ${regio}: het venster stond niet voor haar open, want zij was toen geen belanghebbende ` +
    '(art. 1:2 Awb). Deze tariefbeschikking opent daarom de termijn (art. 105 lid 2 Wmg). De NZa kan zich op het standpunt ' +
    'stellen dat de contracteerruimte al onherroepelijk is (art. 105 lid 4 Wmg); stel beroep in uiterlijk op deze datum: een ' +
    'onnodig beroep kost alleen griffierecht.'
  );
}

/** Termijnregels §5: the lid-2 term of a tariefbeschikking made known before the lid-3 window's 1 March. */
function describeTwijfelLid2VoorMaart(regio: string, jaar: number, aanvang: IsoDatum): string {
  return (
    `Deze tariefbeschikking voor ${regio} ${jaar} is bekendgemaakt na het besluit dat het venster vanaf ${formatDatumKort(aanvang)} ` +
    'opende (art. 105 lid 3 Wmg), maar vóór die datum. Of "nog geen tariefbeschikking afgegeven" wordt gelezen op de dag van ' +
    'bekendmaking van het besluit of op 1 maart, regelt de wet niet; deze termijn en het venster zijn beide berekend, de vroegste datum is de veilige.'
  );
}

/** `describeTwijfelLid2VoorMaart`, written when first read (made outside the walk's loop, which then captures nothing). */
function createTwijfelLid2VoorMaart(regio: string, jaar: number, aanvang: IsoDatum): LateTekst {
  return new LateTekst(() => describeTwijfelLid2VoorMaart(regio, jaar, aanvang));
}

/** Termijnregels §5: a tariefbeschikking for (regio, jaar) made known after the besluit that opened a lid-3 window, before 1 March. */
function describeTwijfelLid3VoorMaart(regio: string, jaar: number, tariefbeschikking: IsoDatum, aanvang: IsoDatum): string {
  return (
    `Op ${formatDatumKort(tariefbeschikking)}, vóór ${formatDatumKort(aanvang)}, is een tariefbeschikking voor ${regio} ${jaar} ` +
    'bekendgemaakt. Of "nog geen tariefbeschikking afgegeven" (art. 105 lid 3 Wmg) wordt gelezen op de dag van bekendmaking ' +
    'van het besluit of op 1 maart, regelt de wet niet. Leest men 1 maart, dan geldt dit venster niet en loopt beroep via de ' +
    'tariefbeschikking (art. 105 lid 2 Wmg). De memorie van toelichting spreekt bovendien van tariefbeschikkingen die de NZa "heeft ' +
    'vastgesteld" (Kamerstuk 36 486, nr. 3): telt de dag van vaststelling, dan kan ook een eerder vastgestelde tariefbeschikking ' +
    'lid 3 uitsluiten. Beide termijnen zijn berekend; de vroegste datum is de veilige.'
  );
}

/** Why a term a user might expect does not open, as the walk decides it (the texts are `describeUitsluiting`'s). */
const enum UitsluitingSoort {
  OudRegime,
  GeenBezwaar,
  ZonderProductieafspraken,
  Onherroepelijk,
}

/**
 * Art. 105 lid 4 Wmg: a tariefbeschikking that opens no new beroep because the contracteerruimte is onherroepelijk for
 * its party since `sinds`; the exclusion could be wrong (an amendment not registered), which its doubt says, and the
 * party's status repeats that doubt from the bekendmaking on. Made when read, from the cell's `Lid4Kolommen`.
 */
class Lid4Uitsluiting {
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

/** Per lid-4 exclusion: the tariefbeschikking's place, the party's number, and `sinds`, `eindeAlsToch` and the extra doubt as numbers in the cell's tables (−1: none). */
const LID4_VELDEN = 5;

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

function describeLid4Twijfel(u: Lid4Uitsluiting): string {
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

/** An exclusion's record with its texts. */
function describeUitsluiting(
  soort: UitsluitingSoort,
  besluit: Besluit,
  partij: string | undefined,
  lid4: Lid4Uitsluiting | undefined,
  invoer: CelInvoer,
  context: Rekencontext,
  alsToch?: BerekendeTermijn,
): Uitsluiting {
  const { regio, jaar } = invoer;
  switch (soort) {
    case UitsluitingSoort.Onherroepelijk:
      return createUitsluiting(besluit, 'beroep', regio, jaar, 'onherroepelijk', GRONDSLAG_LID_4, {
        partij: lid4!.partij,
        toelichting: () =>
          `De regionale contracteerruimte ${regiojaar(regio, jaar)} is voor ${lid4!.partij} sinds ${formatDatumKort(lid4!.sinds)} onherroepelijk ` +
          `en is daarna niet door de NZa gewijzigd: tariefbeschikking ${besluit.id} opent geen nieuw beroep daartegen ` +
          `(art. 105 lid 4 Wmg). Bezwaar tegen de tariefbeschikking zelf staat wel open.`,
        twijfel: () => lid4!.twijfel,
        eindeAlsToch: lid4!.eindeAlsToch,
      });
    case UitsluitingSoort.OudRegime:
      return describeOudRegime(besluit, regio, jaar, context.config.inwerkingtreding!, partij, alsToch);
    case UitsluitingSoort.GeenBezwaar:
      return createUitsluiting(besluit, 'bezwaar', regio, jaar, 'geen-bezwaar-tegen-contracteerruimte', GRONDSLAG_GEEN_BEZWAAR, {
        toelichting: () =>
          `Tegen contracteerruimtebesluit ${besluit.id} staat geen bezwaar open: alleen rechtstreeks beroep bij het CBb ` +
          `(art. 7:1 Awb met Bijlage 1 Awb), via de tariefbeschikking (art. 105 lid 2 Wmg) of voor toekomstige jaren vanaf 1 maart (art. 105 lid 3 Wmg).`,
      });
    case UitsluitingSoort.ZonderProductieafspraken: {
      const tb = besluit as Tariefbeschikking;
      return describeZonderProductieafspraken(tb, regio, jaar, partij!, context.computeZesWeken(tb.bekendgemaakt));
    }
  }
}

/** What the warnings read of the cells' terms (`TermijnenVoorWaarschuwingen`), from their columns. */
export function describeCellenVoorWaarschuwingen(cellen: readonly CelUitkomst[]): TermijnenVoorWaarschuwingen {
  const eindjaren = new Set<number>();
  for (const cel of cellen) collectCelEindjaren(cel, eindjaren);
  let perSleutel: Map<string, CelUitkomst> | undefined;
  return {
    eindjaren,
    isTijdigTegenEerdereVersie: (beroep, regio, voor) => {
      perSleutel ??= new Map(cellen.map((c) => [`${c.invoer.regio}\u0000${c.invoer.jaar}`, c]));
      const cel = perSleutel.get(`${regio}\u0000${beroep.jaar}`);
      return cel !== undefined && isTijdigTegenEerdereVersie(cel, beroep, voor);
    },
    listBeroepstermijnenTegen: (tegen) => {
      const rijen: TermijnRij[] = [];
      for (const cel of cellen) for (const r of listBeroepRijenTegen(cel, tegen)) rijen.push(r);
      return rijen;
    },
  };
}

/**
 * Whether `beroep` (of this cell's year) was filed while a beroep term of its party, or one open to every party, ran
 * against a besluit made known by then and before `voor`: filed in time against an earlier version (art. 6:19 Awb).
 */
export function isTijdigTegenEerdereVersie(cel: CelUitkomst, beroep: Beroep, voor: IsoDatum): boolean {
  const { kolommen, invoer } = cel;
  const besluit = invoer.besluiten.find((b) => b.id === beroep.tegen);
  const partij = resolveBeroepPartijVan(beroep, besluit);
  for (const i of cel.beroepPosities) {
    const bekendgemaakt = invoer.besluiten[kolommen.besluitVan(i)]!.bekendgemaakt;
    if (bekendgemaakt > beroep.ingesteld || bekendgemaakt >= voor) continue;
    const eigen = kolommen.partijVan(i);
    if (eigen !== undefined && eigen !== partij) continue;
    if (kolommen.berekendVan(i).einde >= beroep.ingesteld) return true;
  }
  return false;
}

/** Who filed a beroep: given, or the addressee of the tariefbeschikking it names. */
function resolveBeroepPartijVan(beroep: Beroep, besluit: Besluit | undefined): string | undefined {
  return beroep.partij ?? (besluit?.type === 'tariefbeschikking' ? partijVan(besluit) : undefined);
}

/** The years holding a last day of the cell's terms, added to `eindjaren`. */
export function collectCelEindjaren(cel: CelUitkomst, eindjaren: Set<number>): void {
  for (const t of cel.kolommen.berekendTabel) eindjaren.add(jaarVan(t.einde));
}

/** The cell's beroep terms against one of `tegen`, as short-lived views over its columns, in the order of the walk. */
export function listBeroepRijenTegen(cel: CelUitkomst, tegen: ReadonlySet<string>): TermijnRij[] {
  const { kolommen, invoer, beroepPosities } = cel;
  const rijen: TermijnRij[] = [];
  if (invoer.genoemdDoorBeroep === false) return rijen;
  for (const i of beroepPosities) if (tegen.has(invoer.besluiten[kolommen.besluitVan(i)]!.id)) rijen.push(new TermijnRij(kolommen, invoer, i));
  return rijen;
}

/** The cell's result, one object: the columns as decided; their order, records and the exclusions' texts made when first read. */
const GEEN_OUD_REGIME_DATUMS: readonly OudRegimeDatum[] = Object.freeze([]);

class CelResultaat implements CelUitkomst {
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

const GRONDSLAG_PER_REGEL: Readonly<Record<TermijnRegel, readonly string[]>> = {
  'awb-bezwaar': GRONDSLAG_AWB,
  'art-105-lid-2': GRONDSLAG_LID_2,
  'art-105-lid-3': GRONDSLAG_LID_3,
  'wijziging-zonder-tariefbeschikking': GRONDSLAG_WIJZIGING,
  'art-6-19-voorzorg': GRONDSLAG_6_19,
  'besluit-zonder-tariefbeschikking': GRONDSLAG_AWB,
};

/** A term's record from its columns; `grondslag` gains art. 1 Atw when the end moved. Its toelichting is lazy. */
function createTermijn(kolommen: CelTermijnKolommen, i: number, invoer: CelInvoer): Termijn {
  const besluit = invoer.besluiten[kolommen.besluitVan(i)]!;
  const t = kolommen.berekendVan(i);
  const regel = kolommen.regelVan(i);
  const rechtsmiddel = kolommen.rechtsmiddelVan(i);
  const partij = kolommen.partijVan(i);
  // Built by assignment rather than spreads, every field present.
  return {
    besluit: besluit.id,
    rechtsmiddel,
    tegen: rechtsmiddel === 'bezwaar' ? 'tariefbeschikking' : 'contracteerruimte',
    regio: invoer.regio,
    jaar: invoer.jaar,
    soort: kolommen.soortVan(i),
    aanvang: t.aanvang,
    einde: t.einde,
    perPostUiterlijkOntvangen: t.perPostUiterlijkOntvangen,
    eindeVoorAtw: t.eindeVoorAtw,
    grondslag: withAtwGrondslag(GRONDSLAG_PER_REGEL[regel], t),
    besluitSoort: besluit.soort,
    regel,
    besluitType: besluit.type,
    bekendgemaakt: besluit.bekendgemaakt,
    versie: kolommen.versieVan(i),
    partij,
    partijSoort: partij !== undefined ? kolommen.partijSoortVan(i) : undefined,
    twijfel: kolommen.twijfelVan(i),
    adressaat: besluit.type === 'tariefbeschikking' ? partijVan(besluit) : undefined,
    beroepIngesteld: kolommen.beroepIngesteld.get(i),
    tariefbeschikkingVooraf: kolommen.tariefbeschikkingVoorafVan(i),
    gevolgdDoorTariefbeschikking: regel === 'wijziging-zonder-tariefbeschikking' ? findGevolgdDoor(invoer, kolommen.versieVan(i), partij!) : undefined,
  };
}

/**
 * Per cell, the first tariefbeschikking with productieafspraken to each party under each version of the contracteerruimte
 * (key: version and party), made in one pass over the cell's besluiten when a record first asks: which tariefbeschikking
 * followed an amendment date is read only for the few records shown, never during the walk.
 */
const gevolgdDoorPerCel = new WeakMap<readonly Besluit[], Map<string, Besluit>>();

function findGevolgdDoor(invoer: CelInvoer, versie: number, partij: string): Termijn['gevolgdDoorTariefbeschikking'] {
  let index = gevolgdDoorPerCel.get(invoer.besluiten);
  if (!index) {
    index = new Map();
    let v = 0;
    for (const b of invoer.besluiten) {
      if (b.type === 'contracteerruimte') v += 1;
      else if (heeftProductieafspraken(b.soort)) {
        const sleutel = `${v}\u0000${partijVan(b)}`;
        if (!index.has(sleutel)) index.set(sleutel, b);
      }
    }
    gevolgdDoorPerCel.set(invoer.besluiten, index);
  }
  const b = index.get(`${versie}\u0000${partij}`);
  return b ? { besluit: b.id, bekendgemaakt: b.bekendgemaakt } : undefined;
}

/** An exclusion: a term a user might expect that does not open, with its reason (and its doubt, if any). */
function createUitsluiting(
  besluit: Besluit,
  rechtsmiddel: Uitsluiting['rechtsmiddel'],
  regio: string,
  jaar: number,
  reden: Uitsluiting['reden'],
  grondslag: readonly string[],
  velden: { toelichting: () => string; partij?: string; twijfel?: () => string; eindeAlsToch?: IsoDatum },
): Uitsluiting {
  // The texts are written when first read: an overview counts tens of thousands of exclusions and shows twenty.
  let toelichting: string | undefined;
  let twijfel: string | undefined;
  return {
    besluit: besluit.id,
    rechtsmiddel,
    tegen: 'contracteerruimte',
    regio,
    jaar,
    partij: velden.partij,
    reden,
    grondslag: grondslag as string[],
    get toelichting() {
      return (toelichting ??= velden.toelichting());
    },
    get twijfel() {
      return velden.twijfel ? (twijfel ??= velden.twijfel()) : undefined;
    },
    eindeAlsToch: velden.twijfel ? velden.eindeAlsToch : undefined,
    besluitType: besluit.type,
    bekendgemaakt: besluit.bekendgemaakt,
  };
}

function describeOudRegime(
  besluit: Besluit,
  regio: string,
  jaar: number,
  inwerkingtreding: IsoDatum,
  partij: string | undefined,
  alsToch: BerekendeTermijn | undefined,
): Uitsluiting {
  const wat = besluit.type === 'contracteerruimte' ? `Contracteerruimtebesluit ${besluit.id}` : `Tariefbeschikking ${besluit.id}`;
  const welkeTermijn =
    alsToch && alsToch.aanvang > addDagen(besluit.bekendgemaakt, 1)
      ? 'het venster vanaf 1 maart (art. 105 lid 3 Wmg)'
      : 'de termijn van zes weken na de bekendmaking';
  return createUitsluiting(besluit, 'beroep', regio, jaar, 'oud-regime', GRONDSLAG_OUD_REGIME, {
    ...(partij ? { partij } : {}),
    ...(alsToch
      ? {
          // Termijnregels §8: never a bare exclusion where the term of the new regime runs past the entry into force.
          twijfel: () =>
            `${wat} is bekendgemaakt vóór de inwerkingtreding (${formatDatumKort(inwerkingtreding)}), maar ${welkeTermijn} ` +
            `${alsToch.aanvang >= inwerkingtreding ? 'valt geheel' : 'loopt door tot'} na die datum. Of art. 105 leden 2–4 Wmg dan toch ` +
            `beroep tegen de contracteerruimte openen, regelt de wet niet met zoveel woorden. Stel uit voorzorg beroep in uiterlijk op ` +
            `${formatDatumLang(alsToch.einde)}: een onnodig beroep kost alleen griffierecht.`,
          eindeAlsToch: alsToch.einde,
        }
      : {}),
    toelichting: () =>
      `${wat} is bekendgemaakt op ${formatDatumKort(besluit.bekendgemaakt)}, vóór de ingestelde datum van inwerkingtreding van ` +
      `art. 105 leden 2–4 Wmg (${formatDatumKort(inwerkingtreding)}): tegen de regionale contracteerruimte ${regiojaar(regio, jaar)} stond toen geen rechtstreeks beroep open; ` +
      `zij kon alleen exceptief worden getoetst in bezwaar en beroep tegen de tariefbeschikking.`,
  });
}

function describeZonderProductieafspraken(besluit: Tariefbeschikking, regio: string, jaar: number, partij: string, t: BerekendeTermijn): Uitsluiting {
  if (besluit.soort === 'sluittarief') {
    // Art. 105 lid 2 Wmg, last sentence: the law itself names the sluittarief, so no doubt.
    return createUitsluiting(besluit, 'beroep', regio, jaar, 'sluittarief-nacalculatie', GRONDSLAG_SLUITTARIEF, {
      partij,
      toelichting: () =>
        `Tariefbeschikking ${besluit.id} stelt een Wlz-sluittarief vast in het kader van de nacalculatie ${jaar}: die opent geen ` +
        `beroep tegen de regionale contracteerruimte ${regiojaar(regio, jaar)} (art. 105 lid 2, laatste zin, Wmg), omdat de ` +
        `definitieve afrekening zo'n beroep zinloos maakt. Bezwaar tegen de beschikking zelf staat wel open (art. 6:7 Awb).`,
    });
  }
  return createUitsluiting(besluit, 'beroep', regio, jaar, 'geen-productieafspraken', GRONDSLAG_SLUITTARIEF, {
    partij,
    toelichting: () =>
      `Tariefbeschikking ${besluit.id} (${TARIEFBESCHIKKING_SOORT_LABEL[besluit.soort]}) is geen tariefbeschikking met goedgekeurde ` +
      `productieafspraken: zij opent alleen bezwaar tegen zichzelf, geen beroep tegen de regionale contracteerruimte ` +
      `${regiojaar(regio, jaar)} (art. 105 lid 2 Wmg).`,
    twijfel: () =>
      'Art. 105 lid 2 Wmg sluit met zoveel woorden alleen het Wlz-sluittarief uit. Dat andere nacalculatie- en ' +
      'vereffeningsbeschikkingen geen beroep tegen de contracteerruimte openen, volgt uit de eis van goedgekeurde ' +
      `productieafspraken, maar is niet door de rechter bevestigd. Wie zeker wil zijn, stelt beroep in uiterlijk op ${formatDatumLang(t.einde)}.`,
    eindeAlsToch: t.einde,
  });
}

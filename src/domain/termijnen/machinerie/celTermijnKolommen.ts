import type { IsoDatum } from '../../kalender/kalenderdatum';
import { heeftProductieafspraken, partijVan, type Besluit } from '../../besluiten/besluit';
import { withAtwGrondslag, type BerekendeTermijn } from '../awbTermijn';
import type { PartijSoort, Rechtsmiddel, Termijn, TermijnRegel, TermijnSoort } from '../termijn';
import { GRONDSLAG_PER_REGEL } from '../teksten/grondslagen';
import { LateTekst } from '../teksten/lateTekst';
import { joinTwijfels } from '../teksten/twijfels';
import type { CelInvoer } from './celInvoer';
import { growTo, Int32Lijst, TERMIJN_VELDEN, WaardenLijst, type CelKladblok } from './kladblok';
import type { CelNummering, CelScratchNummering } from './nummering';
import type { PartijRegister } from './partijRegister';
import type { Rekencontext } from './rekencontext';

// MACHINERY: a cell's terms as columns of numbers, and a term's record made from them when read.

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
   * Per term `TERMIJN_VELDEN` numbers: besluit, berekend, kenmerken (regel, partijSoort and versie in one number: `KENMERKEN`),
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
    if ((this.lengte + 1) * TERMIJN_VELDEN > this.data.length) this.growData();
    const i = this.lengte++;
    const o = i * TERMIJN_VELDEN;
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
    const o = i * TERMIJN_VELDEN + 4;
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
    this.data = this.data.slice(0, this.lengte * TERMIJN_VELDEN);
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
    return this.data[i * TERMIJN_VELDEN]!;
  }
  berekendVan(i: number): BerekendeTermijn {
    return this.berekendTabel[this.data[i * TERMIJN_VELDEN + 1]!]!;
  }
  berekendNummerVan(i: number): number {
    return this.data[i * TERMIJN_VELDEN + 1]!;
  }
  rechtsmiddelVan(i: number): Rechtsmiddel {
    return (this.data[i * TERMIJN_VELDEN + 2]! & KENMERKEN.regelMasker) === 0 ? 'bezwaar' : 'beroep';
  }
  regelVan(i: number): TermijnRegel {
    return REGELS[this.data[i * TERMIJN_VELDEN + 2]! & KENMERKEN.regelMasker]!;
  }
  soortVan(i: number): TermijnSoort {
    return SOORT_PER_REGEL[this.data[i * TERMIJN_VELDEN + 2]! & KENMERKEN.regelMasker]!;
  }
  partijSoortVan(i: number): PartijSoort | undefined {
    return PARTIJSOORTEN[(this.data[i * TERMIJN_VELDEN + 2]! >> KENMERKEN.soortBit) & KENMERKEN.soortMasker];
  }
  versieVan(i: number): number {
    return this.data[i * TERMIJN_VELDEN + 2]! >>> KENMERKEN.versieBit;
  }
  partijVan(i: number): string | undefined {
    const p = this.data[i * TERMIJN_VELDEN + 3]!;
    return p < 0 ? undefined : this.partijNaam(p);
  }
  /** The party's number in `partijTabel`, or −1 for a term open to every party. */
  partijNummerVan(i: number): number {
    return this.data[i * TERMIJN_VELDEN + 3]!;
  }
  twijfelVan(i: number): string | undefined {
    const t = this.data[i * TERMIJN_VELDEN + 4]!;
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

/** A term's rule (3 bits), party kind (2 bits) and version (the rest, up to 2^26 − 1) as one number. */
const KENMERKEN = { regelMasker: 0b111, soortBit: 3, soortMasker: 0b11, versieBit: 5, maxVersie: 2 ** 26 - 1 } as const;

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

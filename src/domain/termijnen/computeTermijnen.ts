import { formatDatumKort, fromDagnummer, toDagnummer, type IsoDatum } from '../kalender/kalenderdatum';
import { jarenVan, partijVan, type Besluit, type Beroep, type GevraagdePartij, type TermijnInvoer } from '../besluiten/besluit';
import { assertBekendmakingInBereik } from './awbTermijn';
import type { PartijStatus, RegioJaarStatus, Termijn, TermijnConfig, TermijnUitkomst, Uitsluiting } from './termijn';
import {
  BesluitCode,
  codeerBesluit,
  PartijRegister,
  computeCel,
  createRekencontext,
  describeCellenVoorWaarschuwingen,
  type BesluitVelden,
  type CelInvoer,
  type CelUitkomst,
  type EersteTariefbeschikkingInRegio,
} from './celTermijnen';
import { computeCelStatus, type CelStatus } from './celStatus';
import { listWaarschuwingen, type GelezenInvoer } from './waarschuwingen';
import { compare, orderByGetalSleutel, SorteerKladblok } from './volgorde';

export { compare } from './volgorde';

export type { TermijnConfig } from './termijn';

export function celSleutel(regio: string, jaar: number): string {
  return `${regio}\u0000${jaar}`;
}

/**
 * The term engine: every term that opens for every party, every term a user might expect that does not, and the
 * state of beroep per party and per (regio, jaar) at the peildatum. Pure: everything it needs is in its arguments.
 * It works per (regio, jaar) partition (`computeCel`); terms, exclusions and their afleiding depend on the decisions
 * alone, only statuses and warnings on the peildatum.
 */
export function computeTermijnen(invoer: TermijnInvoer, config: TermijnConfig): TermijnUitkomst {
  const context = createRekencontext(config);
  const gesplitst = splitInvoer(invoer);
  const cellen = gesplitst.cellen.map((cel) => computeCel(cel, context));
  const statussen = computeStatussen(cellen, invoer.peildatum, config);
  const waarschuwingen = listWaarschuwingen(invoer, describeCellenVoorWaarschuwingen(cellen), config, gesplitst.gelezen);
  // The records, their merged order and the texts only when read: the engine's answer is its rows' codes and dates.
  let gecombineerd: ReturnType<typeof combineCellen> | undefined;
  const combine = () => (gecombineerd ??= combineCellen(cellen));
  return {
    get termijnen() {
      return combine().termijnen;
    },
    get uitsluitingen() {
      return combine().uitsluitingen;
    },
    status: statussen.status,
    get partijStatus() {
      return statussen.partijStatus;
    },
    waarschuwingen,
  };
}

/**
 * The partitions of the input: one per (regio, jaar) that has a besluit, ordered by region and year, each with its
 * besluiten in order of bekendmaking (on one day a contracteerruimtebesluit precedes the tariefbeschikking applying it).
 */
export function splitInCellen(invoer: Pick<TermijnInvoer, 'besluiten' | 'beroepen' | 'partijen'>): CelInvoer[] {
  return splitInvoer(invoer).cellen;
}

/** `splitInCellen`, with what the warnings read of the input in the same pass (`GelezenInvoer`). */
export function splitInvoer(invoer: Pick<TermijnInvoer, 'besluiten' | 'beroepen' | 'partijen'>): { cellen: CelInvoer[]; gelezen: GelezenInvoer } {
  // One pass over the input, in its order (at 20× national scale it is 800,000 objects spread over the heap): range
  // check, each besluit's place in the order of its cells, the cells as lists of places, and each party's first
  // tariefbeschikking per region. After it the objects are only picked up by place.
  const { besluiten } = invoer;
  // Per besluit in the input: its bekendmaking as a day number and its kind (`BesluitCode`).
  const dagen = new Int32Array(besluiten.length);
  const codes = new Uint8Array(besluiten.length);
  let ongeldig: unknown;
  // Per tariefbeschikking its addressee's number (the addressees numbered once for the whole input).
  const partijVanTb = new Int32Array(besluiten.length).fill(-1);
  const register = new PartijRegister();
  // Per region, per year the number of its cell; per cell how many places it has; per tariefbeschikking its cell. The
  // places themselves are laid out per cell afterwards, in one array (no list per cell grown one place at a time).
  const perRegio = new Map<string, Map<number, number>>();
  const aantalPerCel: number[] = [];
  const celVanTb = new Int32Array(besluiten.length).fill(-1);
  const numberCel = (perJaar: Map<number, number>, jaar: number): number => {
    let cel = perJaar.get(jaar);
    if (cel === undefined) {
      perJaar.set(jaar, (cel = aantalPerCel.length));
      aantalPerCel.push(0);
    }
    aantalPerCel[cel]! += 1;
    return cel;
  };
  // The cells of the contracteerruimtebesluiten, one per year each names, in input order; and how many each has.
  const crCellen: number[] = [];
  const crAantal: number[] = [];
  // The besluiten beroepen name, and the cells that hold them (the only cells with beroep terms against them).
  const beroepTegen = new Set(invoer.beroepen.map((b) => b.tegen));
  const besluitenPerId = new Map<string, Besluit>();
  const cellenMetBeroepBesluit = new Set<string>();
  const contracteerruimte: number[] = [];
  for (let i = 0; i < besluiten.length; i++) {
    const besluit = besluiten[i]!;
    if (beroepTegen.size > 0 && beroepTegen.has(besluit.id)) {
      besluitenPerId.set(besluit.id, besluit);
      for (const jaar of jarenVan(besluit)) cellenMetBeroepBesluit.add(celSleutel(besluit.regio, jaar));
    }
    assertBekendmakingInBereik(besluit.bekendgemaakt);
    // A date that is no date is reported after every range check, as the range check comes first for the whole input.
    try {
      dagen[i] = toDagnummer(besluit.bekendgemaakt);
    } catch (fout) {
      ongeldig ??= fout;
    }
    codes[i] = codeerBesluit(besluit);
    let perJaar = perRegio.get(besluit.regio);
    if (!perJaar) perRegio.set(besluit.regio, (perJaar = new Map()));
    if (besluit.type === 'contracteerruimte') {
      contracteerruimte.push(i);
      for (const jaar of besluit.jaren) crCellen.push(numberCel(perJaar, jaar));
      crAantal.push(besluit.jaren.length);
    } else {
      celVanTb[i] = numberCel(perJaar, besluit.jaar);
      partijVanTb[i] = register.numberPartij(partijVan(besluit));
    }
  }
  if (ongeldig !== undefined) throw ongeldig;
  // Each cell's places, in input order: cell c holds `plaatsenPerCel` from `begin[c]` up to `begin[c + 1]`. With each
  // place its day, kind and party, and the besluit itself in the cell's own list: the input is read once more in its
  // order and written to one run per cell, so no cell reads across the whole input (at 20× national scale a cell's
  // places lie across all 800,000).
  const begin = new Int32Array(aantalPerCel.length + 1);
  for (let c = 0; c < aantalPerCel.length; c++) begin[c + 1] = begin[c]! + aantalPerCel[c]!;
  const volgende = begin.slice(0, aantalPerCel.length);
  const totaal = begin[aantalPerCel.length]!;
  const plaatsenPerCel = new Int32Array(totaal);
  const dagPerCel = new Int32Array(totaal);
  const codePerCel = new Uint8Array(totaal);
  const partijPerCel = new Int32Array(totaal);
  const besluitenPerCel = aantalPerCel.map((aantal) => new Array<Besluit>(aantal));
  const zet = (cel: number, i: number) => {
    const plek = volgende[cel]!++;
    plaatsenPerCel[plek] = i;
    dagPerCel[plek] = dagen[i]!;
    codePerCel[plek] = codes[i]!;
    partijPerCel[plek] = partijVanTb[i]!;
    besluitenPerCel[cel]![plek - begin[cel]!] = besluiten[i]!;
  };
  for (let i = 0, k = 0, cr = 0; i < besluiten.length; i++) {
    const cel = celVanTb[i]!;
    if (cel >= 0) {
      zet(cel, i);
      continue;
    }
    // A contracteerruimtebesluit (the next one counted): a place in the cell of each year it names.
    for (let j = crAantal[cr++]!; j > 0; j--) zet(crCellen[k++]!, i);
  }
  const beroepenPerCel = groupBeroepenPerCel(invoer.beroepen, besluitenPerId);
  const gevraagdPerRegio = new Map<string, Pick<GevraagdePartij, 'partij' | 'soort'>[]>();
  for (const p of invoer.partijen ?? []) {
    const lijst = gevraagdPerRegio.get(p.regio) ?? [];
    lijst.push({ partij: p.partij, soort: p.soort });
    gevraagdPerRegio.set(p.regio, lijst);
  }
  const cellen: CelInvoer[] = [];
  // A cell's fields in input order while the split orders them, reused from cell to cell (grown for a larger one).
  const klad = new SplitKladblok();
  const sorteerKlad = new SorteerKladblok();
  const gelezenCellen: GelezenInvoer['cellen'][number][] = [];
  for (const [regio, perJaar] of perRegio) {
    // Each party's first tariefbeschikking in the region as a day number, filled in while its cells are gathered (a
    // tariefbeschikking is in one cell); read only when the cells are walked.
    const eersteDag = new Int32Array(register.namen.length).fill(GEEN_DAG);
    const eersteTariefbeschikking = new EersteTariefbeschikkingen(register, eersteDag);
    for (const [jaar, celNummer] of perJaar) {
      const [van, tot] = [begin[celNummer]!, begin[celNummer + 1]!];
      const plaatsen = plaatsenPerCel.subarray(van, tot);
      gelezenCellen.push({ regio, jaar, plaatsen });
      const n = tot - van;
      // The cell's fields lie together in input order; ordered here in place, through the scratch, and kept as views
      // of the run's arrays (no arrays per cell).
      const volgorde = orderByGetalSleutel(n, (k) => computeCelSleutel(dagPerCel[van + k]!, codePerCel[van + k]!), sorteerKlad);
      const celBesluiten = besluitenPerCel[celNummer]!;
      klad.reserve(n);
      const dag = dagPerCel.subarray(van, tot);
      const code = codePerCel.subarray(van, tot);
      const partij = partijPerCel.subarray(van, tot);
      for (let k = 0; k < n; k++) {
        klad.besluiten[k] = celBesluiten[k]!;
        klad.dag[k] = dag[k]!;
        klad.code[k] = code[k]!;
        klad.partij[k] = partij[k]!;
      }
      for (let k = 0; k < n; k++) {
        const j = volgorde[k]!;
        const d = klad.dag[j]!;
        const p = klad.partij[j]!;
        celBesluiten[k] = klad.besluiten[j]!;
        dag[k] = d;
        code[k] = klad.code[j]!;
        partij[k] = p;
        if (p >= 0 && d < eersteDag[p]!) eersteDag[p] = d;
      }
      const velden: BesluitVelden = { van: celBesluiten, dag, code, partij, register };
      cellen.push({
        regio,
        jaar,
        besluiten: celBesluiten,
        beroepen: beroepenPerCel.get(celSleutel(regio, jaar)) ?? [],
        gevraagd: gevraagdPerRegio.get(regio) ?? [],
        eersteTariefbeschikkingInRegio: eersteTariefbeschikking,
        velden,
        genoemdDoorBeroep: cellenMetBeroepBesluit.has(celSleutel(regio, jaar)),
      });
    }
  }
  return {
    cellen: cellen.sort((a, b) => compare(a.regio, b.regio) || a.jaar - b.jaar),
    gelezen: { dagen, contracteerruimte, cellen: gelezenCellen, besluitenPerId },
  };
}

/**
 * A cell's besluiten in the order the engine walks them: chronological; on one day a contracteerruimtebesluit precedes
 * the tariefbeschikking applying it; otherwise the given order (sort is stable).
 */
export function orderCelBesluiten(besluiten: Besluit[]): Besluit[] {
  const volgorde = orderByGetalSleutel(besluiten.length, (i) => computeCelSleutel(toDagnummer(besluiten[i]!.bekendgemaakt), codeerBesluit(besluiten[i]!)));
  const kopie = besluiten.slice();
  for (let i = 0; i < volgorde.length; i++) besluiten[i] = kopie[volgorde[i]!]!;
  return besluiten;
}

const GEEN_DAG = 2 ** 31 - 1;

/** One cell's fields in input order while the split orders them in place. */
class SplitKladblok {
  besluiten = new Array<Besluit>(1024);
  dag = new Int32Array(1024);
  code = new Uint8Array(1024);
  partij = new Int32Array(1024);
  reserve(n: number): void {
    if (n <= this.dag.length) return;
    const lengte = 2 * n;
    [this.besluiten, this.dag, this.code, this.partij] = [new Array<Besluit>(lengte), new Int32Array(lengte), new Uint8Array(lengte), new Int32Array(lengte)];
  }
}

/** Each party's first tariefbeschikking in one region: the day numbers of a region, by the input's party numbers. */
class EersteTariefbeschikkingen implements EersteTariefbeschikkingInRegio {
  constructor(
    readonly register: PartijRegister,
    private readonly dagen: Int32Array,
  ) {}
  get(partij: string): IsoDatum | undefined {
    // A name the walks added after the split (a party asked for, an appellant) has no tariefbeschikking.
    const nummer = this.register.findNummer(partij);
    return nummer === undefined ? undefined : this.getVoorNummer(nummer);
  }
  /**
   * The region's parties with a tariefbeschikking, in the order of their numbers (the walk orders them by name). Read
   * from the days when asked (rarely): no list kept per region while the input is split.
   */
  *entries(): IterableIterator<[string, IsoDatum]> {
    for (let n = 0; n < this.dagen.length; n++) if (this.dagen[n] !== GEEN_DAG) yield [this.register.namen[n]!, fromDagnummer(this.dagen[n]!)];
  }
  getVoorNummer(inRegister: number): IsoDatum | undefined {
    const dag = inRegister >= this.dagen.length ? GEEN_DAG : this.dagen[inRegister]!;
    return dag === GEEN_DAG ? undefined : fromDagnummer(dag);
  }
}

/** Day and type as one number (a contracteerruimtebesluit first): the order of a cell's besluiten, equal ones kept. */
function computeCelSleutel(dag: number, code: BesluitCode): number {
  return dag * 2 + (code === BesluitCode.Contracteerruimte ? 0 : 1);
}

/** Who filed a beroep: given, or the addressee of the tariefbeschikking it names; otherwise named by the beroep itself. */
export function resolveBeroepPartij(beroep: Beroep, besluit: Besluit | undefined): string {
  if (beroep.partij !== undefined) return beroep.partij;
  // Named by the beroep itself, so its 6:19 precaution date still has a party to belong to.
  return besluit?.type === 'tariefbeschikking' ? partijVan(besluit) : `indiener van het beroep tegen ${beroep.tegen} van ${formatDatumKort(beroep.ingesteld)}`;
}

/**
 * Terms by last day, region, year and order within the cell; exclusions by region, year and order within the cell.
 * Each cell's lists come sorted (computeCel): a merge by last day, with the cells visited in (regio, jaar) order.
 */
export function combineCellen(cellen: readonly CelUitkomst[]): { termijnen: Termijn[]; uitsluitingen: Uitsluiting[] } {
  const gesorteerd = [...cellen].sort((a, b) => compare(a.invoer.regio, b.invoer.regio) || a.invoer.jaar - b.invoer.jaar);
  // Bucketed by last day: some 2,000 distinct days for 85,000 terms.
  const perEinde = new Map<IsoDatum, Termijn[]>();
  const uitsluitingen: Uitsluiting[] = [];
  for (const cel of gesorteerd) {
    for (const t of cel.termijnen) {
      const emmer = perEinde.get(t.einde);
      if (emmer) emmer.push(t);
      else perEinde.set(t.einde, [t]);
    }
    for (const u of cel.uitsluitingen) uitsluitingen.push(u);
  }
  const termijnen: Termijn[] = [];
  for (const einde of [...perEinde.keys()].sort()) for (const t of perEinde.get(einde)!) termijnen.push(t);
  return { termijnen, uitsluitingen };
}

/** The state of every (regio, jaar) and of every party in it at the peildatum, ordered by region, year and party (the parties' when read). */
export function computeStatussen(
  cellen: readonly CelUitkomst[],
  peildatum: IsoDatum,
  config: TermijnConfig,
): { status: RegioJaarStatus[]; readonly partijStatus: PartijStatus[]; perCel: Map<string, CelStatus> } {
  const gesorteerd = [...cellen].sort((a, b) => compare(a.invoer.regio, b.invoer.regio) || a.invoer.jaar - b.invoer.jaar);
  const status: RegioJaarStatus[] = [];
  const standen: CelStatus[] = [];
  const perCel = new Map<string, CelStatus>();
  for (const cel of gesorteerd) {
    const stand = computeCelStatus(cel, peildatum, config);
    perCel.set(celSleutel(cel.invoer.regio, cel.invoer.jaar), stand);
    status.push(stand.status);
    standen.push(stand);
  }
  let partijStatus: PartijStatus[] | undefined;
  return {
    status,
    get partijStatus() {
      if (!partijStatus) {
        partijStatus = [];
        for (const stand of standen) for (const p of stand.partijStatus) partijStatus.push(p);
      }
      return partijStatus;
    },
    perCel,
  };
}

/** Beroepen per (regio, jaar), each with its party: given, or the addressee of the tariefbeschikking it names. */
function groupBeroepenPerCel(beroepen: readonly Beroep[], besluitenPerId: Map<string, Besluit>): Map<string, (Beroep & { partij: string })[]> {
  const perCel = new Map<string, (Beroep & { partij: string })[]>();
  for (const beroep of beroepen) {
    const besluit = besluitenPerId.get(beroep.tegen);
    if (!besluit) throw new Error(`Beroep refers to unknown besluit ${beroep.tegen}`);
    const partij = resolveBeroepPartij(beroep, besluit);
    const sleutel = celSleutel(beroep.regio ?? besluit.regio, beroep.jaar);
    let lijst = perCel.get(sleutel);
    if (!lijst) perCel.set(sleutel, (lijst = []));
    lijst.push({ ...beroep, partij });
  }
  return perCel;
}

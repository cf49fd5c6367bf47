import type { Actor } from '../../actor/actor';
import type { Besluit, Beroep, Contracteerruimtebesluit, Tariefbeschikking } from '../../domain/besluiten/besluit';
import { memoize, memoizePerObject } from '../../domain/memoize';
import { celSleutel, compare, orderCelBesluiten, resolveBeroepPartij, type TermijnConfig } from '../../domain/termijnen/computeTermijnen';
import {
  collectCelEindjaren,
  computeCel,
  createRekencontext,
  listBeroepRijenTegen,
  readsEersteTariefbeschikkingVan,
  isTijdigTegenEerdereVersie,
  type CelInvoer,
  type CelUitkomst,
} from '../../domain/termijnen/celTermijnen';
import { computeCelStatus, type CelStatus } from '../../domain/termijnen/celStatus';
import type { PartijStatus, RegioJaarStatus, Termijn, TermijnUitkomst, Uitsluiting, Waarschuwing } from '../../domain/termijnen/termijn';
import {
  assembleWaarschuwingen,
  describeJaarNietGedekt,
  indexEersteBeroepstermijn,
  listAlgemeneWaarschuwingen,
  prepareBeroepWaarschuwingen,
  MAX_LOSSE_TOEKOMSTWAARSCHUWINGEN,
} from '../../domain/termijnen/waarschuwingen';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { Db } from '../../db/verbinding';
import { onWriteCommitted, readCelRevisies, readDataRevisie } from '../../db/transactie';
import {
  groupContracteerruimte,
  loadTermijnRijen,
  loadTermijnScope,
  toTariefbeschikking,
  type BeroepRij,
  type ContracteerruimteRij,
  type DbCel,
  type GeladenInvoer,
  type TariefbeschikkingRij,
  type TermijnScope,
} from './termijnInvoer';
import { TariefbeschikkingIndex } from './tariefbeschikkingIndex';
import { loadAanvaardeGelijkgesteldeDagen } from '../bronnen/bronVoorstellen';
import { createAtwKalender } from '../../domain/kalender/atwKalender';
import type { GelijkgesteldeDag } from '../../domain/kalender/feestdagen';
import {
  buildCelLijst,
  combineCelLijsten,
  LEGE_LIJST,
  listTermijnen,
  mergeCelLijsten,
  type CelLijst,
  type TermijnLijst,
  type TermijnOpzoeker,
} from './termijnKolommen';

export interface BerekendOverzicht extends Omit<GeladenInvoer, 'tariefbeschikkingen'> {
  /** The scope's tariefbeschikkingen by kenmerk, with the addressees' names kept across writes. */
  tariefbeschikkingen: TariefbeschikkingIndex;
  uitkomst: TermijnUitkomst;
  /** One (regio, jaar) through the index: its terms, exclusions and statuses at the peildatum, without scanning all. */
  cel(regio: string, jaar: number): BerekendeCel | undefined;
  /** Every (regio, jaar) with a besluit, in (regio, jaar) order: what `cel` knows. */
  cellen: readonly { regio: string; jaar: number }[];
  /** `uitkomst.termijnen` as columns, its terms through `opzoeker`, and the (regio, jaar) behind each cell number. */
  readonly lijst: TermijnLijst;
  /** The terms of one (regio, jaar) as columns, in the order of `lijst` (empty when it has none). */
  lijstVanCel(regio: string, jaar: number): TermijnLijst;
  opzoeker: TermijnOpzoeker;
  celInfo(celId: number): { regio: string; jaar: number };
  /** The configuration the result was computed with: the afleiding of a shown term is derived with the same. */
  config: TermijnConfig;
  /** Views derived from this result (rendered page bodies); they live and die with it, so they are never stale. */
  afgeleid: Map<string, unknown>;
  /** Views that depend on the data revision alone (not the peildatum): shared by the results of every peildatum. */
  perRevisie: Map<string, unknown>;
}

/** A view derived from a computed result, made once per key and dropped with the result at the next write. */
export function afgeleid<T>(berekend: BerekendOverzicht, sleutel: string, maak: () => T): T {
  if (berekend.afgeleid.has(sleutel)) return berekend.afgeleid.get(sleutel) as T;
  if (berekend.afgeleid.size > 200) berekend.afgeleid.clear();
  const waarde = maak();
  berekend.afgeleid.set(sleutel, waarde);
  return waarde;
}

/** A view derived from the data of a result whatever its peildatum (filter options), made once per data revision. */
export function afgeleidPerRevisie<T>(berekend: BerekendOverzicht, sleutel: string, maak: () => T): T {
  if (berekend.perRevisie.has(sleutel)) return berekend.perRevisie.get(sleutel) as T;
  if (berekend.perRevisie.size > 50) berekend.perRevisie.clear();
  const waarde = maak();
  berekend.perRevisie.set(sleutel, waarde);
  return waarde;
}

/**
 * The terms and exclusions of one besluit, through the cell index: a tariefbeschikking's own (regio, jaar), a
 * contracteerruimtebesluit's regions and years — never a scan of every term.
 */
export function findBesluitTermijnen(
  berekend: BerekendOverzicht,
  type: Besluit['type'],
  kenmerk: string,
): { termijnen: Termijn[]; uitsluitingen: Uitsluiting[] } {
  const cellen = new Map<string, { regio: string; jaar: number }>();
  if (type === 'tariefbeschikking') {
    const rij = berekend.tariefbeschikkingen.get(kenmerk);
    if (rij) cellen.set(`${rij.regio}|${rij.jaar}`, rij);
  } else {
    for (const r of berekend.contracteerruimte) if (r.kenmerk === kenmerk) cellen.set(`${r.regio}|${r.jaar}`, r);
  }
  const vanBesluit = (x: { besluit: string; besluitType: string }) => x.besluit === kenmerk && x.besluitType === type;
  const termijnen: Termijn[] = [];
  const uitsluitingen: Uitsluiting[] = [];
  const inVolgorde = [...cellen.values()].sort((a, b) => compare(a.regio, b.regio) || a.jaar - b.jaar);
  for (const { regio, jaar } of inVolgorde) {
    const cel = berekend.cel(regio, jaar);
    if (!cel) continue;
    for (const t of cel.termijnen) if (vanBesluit(t)) termijnen.push(t);
    for (const u of cel.uitsluitingen) if (vanBesluit(u)) uitsluitingen.push(u);
  }
  // In the order of the whole list: by last day, region, year, then the cell's own order.
  termijnen.sort((a, b) => compare(a.einde, b.einde) || compare(a.regio, b.regio) || a.jaar - b.jaar);
  return { termijnen, uitsluitingen };
}

export interface BerekendeCel {
  /** The cell's tariefbeschikkingen as stored (the ones the scope sees). */
  tariefbeschikkingen: readonly TariefbeschikkingRij[];
  /** The engine's result for the cell: the same object while the cell's input is the same. */
  bron: CelUitkomst;
  termijnen: readonly Termijn[];
  uitsluitingen: readonly Uitsluiting[];
  status: RegioJaarStatus;
  partijStatus: readonly PartijStatus[];
}

/** What the cache did since it was made: the tests and the benchmark read it. */
export interface TermijnCacheTelling {
  /** Cells (regio, jaar) whose terms were computed. */
  celBerekeningen: number;
  /** Loads of the whole input of a scope (first use, or a change every cell depends on). */
  volledigeLadingen: number;
  /** Results at a peildatum derived from the cells (statuses and warnings only). */
  peildatumAfleidingen: number;
}

export interface TermijnService {
  /**
   * The engine's result for what the actor may see, at the peildatum. Terms are computed per (regio, jaar) cell and
   * kept per data revision of that cell; a write by any process (they all go through writeTransaction) is seen by the
   * next call, which recomputes only the cells it touched. The peildatum changes statuses and warnings only.
   */
  computeVoorActor(actor: Actor, peildatum: IsoDatum): BerekendOverzicht;
  readonly config: TermijnConfig;
  readonly telling: Readonly<TermijnCacheTelling>;
}

/** One cell's rows and result. */
interface CelStand {
  db: DbCel;
  tariefbeschikkingen: TariefbeschikkingRij[];
  beroepen: BeroepRij[];
  /** The engine's tariefbeschikkingen, one per row, made with the cell's result. */
  tbBesluiten?: Tariefbeschikking[];
  uitkomst?: CelUitkomst;
}

/** The whole of a scope at one data revision, derived from its cells; the costly lists are merged or made on demand. */
interface Geheel {
  /** In (regio, jaar) order, as the engine lists statuses. */
  cellen: { uitkomst: CelUitkomst; stand: CelStand }[];
  celIndex: Map<string, { uitkomst: CelUitkomst; stand: CelStand }>;
  celLijst: { regio: string; jaar: number }[];
  /** The terms as columns (see TermijnLijst), each looked up in its cell through `opzoeker`: merged when first read. */
  lijst: () => TermijnLijst;
  /** The merged list if it was read (a write merges its cells into it; otherwise the next one is merged whole). */
  lijstIndienGemaakt: () => TermijnLijst | undefined;
  /** One (regio, jaar)'s terms as columns, in the merged list's order: read by a view of one cell, no merge needed. */
  lijstVanCel: (regio: string, jaar: number) => TermijnLijst;
  opzoeker: TermijnOpzoeker;
  /** All terms as one array, made when first asked. */
  termijnen: () => Termijn[];
  uitsluitingen: () => Uitsluiting[];
  tariefbeschikkingen: TariefbeschikkingIndex;
  beroepen: Beroep[];
  /** The contracteerruimtebesluiten as the engine sees them (one per besluit and region), in their order. */
  contracteerruimteBesluiten: Contracteerruimtebesluit[];
  /** All besluiten in the order of a whole load: contracteerruimte, then tariefbeschikkingen by id. Made on demand. */
  besluiten: () => Besluit[];
  /** The warnings at a peildatum (made on demand, prepared once per revision). */
  waarschuwingen: (peildatum: IsoDatum) => Waarschuwing[];
  /** Views that do not depend on the peildatum. */
  perRevisie: Map<string, unknown>;
}

/** Everything computed for one scope (the NZa, or one organisation) at one data revision. */
interface ScopeStand {
  scope: TermijnScope;
  dataRevisie: number;
  celRevisies: Map<string, number>;
  cellen: Map<string, CelStand>;
  /** Per region: each party's first tariefbeschikking there (any year). */
  eersteInRegio: Map<number, Map<string, IsoDatum>>;
  contracteerruimte: ContracteerruimteRij[];
  geheel: Geheel;
  /** Results at a peildatum: statuses and warnings over the shared terms; a few, dropped with the data revision. */
  perPeildatum: Map<IsoDatum, BerekendOverzicht>;
}

// Results at a peildatum hold only what was asked of them (statuses per cell are shared); a few cover today, its
// neighbours and a what-if date or two.
const MAX_PEILDATUMS = 4;
// Statuses per cell: the peildata in use lately.
const MAX_CELSTATUS_PEILDATUMS = 4;
// Scopes: the NZa and the organisations active lately; each holds its own cells.
const MAX_SCOPES = 20;
const ALGEMEEN = '0|0';

const dbCelSleutel = (c: DbCel) => `${c.regioId}|${c.jaar}`;

export function createTermijnService(
  db: Db,
  basis: TermijnConfig,
  /** The days ATW_GELIJKGESTELDE_DAGEN configured (already in `basis.kalender`), kept when accepted days join them. */
  opties: { gelijkgesteldeDagen?: readonly GelijkgesteldeDag[] } = {},
): TermijnService {
  let config = basis;
  let context = createRekencontext(config);
  const scopes = new Map<string, ScopeStand>();
  // Days equated by KB that a reviewer accepted from the Staatscourant (issue 33) are data: read again at every new data
  // revision (their table moves it), and when they changed the calendar is rebuilt beside the shipped KBs and the
  // configured days, and every scope is computed afresh with it.
  let kalenderRevisie = -1;
  let kalenderSleutel: string | undefined;
  const volgKalender = () => {
    const revisie = readDataRevisie(db);
    if (revisie === kalenderRevisie) return;
    kalenderRevisie = revisie;
    const aanvaard = loadAanvaardeGelijkgesteldeDagen(db);
    const sleutel = JSON.stringify(aanvaard);
    if (sleutel === kalenderSleutel) return;
    const eerste = kalenderSleutel === undefined;
    kalenderSleutel = sleutel;
    if (eerste && aanvaard.length === 0) return;
    config = aanvaard.length === 0 ? basis : { ...basis, kalender: createAtwKalender([...(opties.gelijkgesteldeDagen ?? []), ...aanvaard]) };
    context = createRekencontext(config);
    scopes.clear();
  };
  // A stable number per (regio, jaar) for the term columns, never reused; and each cell's terms as columns.
  const celIds = new Map<string, number>();
  const celInfo: { regio: string; jaar: number }[] = [{ regio: '', jaar: 0 }];
  const celIdVan = (u: CelUitkomst): number => {
    const sleutel = celSleutel(u.invoer.regio, u.invoer.jaar);
    let id = celIds.get(sleutel);
    if (id === undefined) {
      celIds.set(sleutel, (id = celInfo.length));
      celInfo.push({ regio: u.invoer.regio, jaar: u.invoer.jaar });
    }
    return id;
  };
  const celLijstVan = memoizePerObject((u: CelUitkomst): CelLijst => buildCelLijst(celIdVan(u), u));
  const celTermijnLijstVan = memoizePerObject((u: CelUitkomst): TermijnLijst => combineCelLijsten([celLijstVan(u)]));
  const telling: TermijnCacheTelling = { celBerekeningen: 0, volledigeLadingen: 0, peildatumAfleidingen: 0 };

  const refresh = (scope: TermijnScope, stand: ScopeStand | undefined): ScopeStand => {
    const dataRevisie = readDataRevisie(db);
    if (stand && stand.dataRevisie === dataRevisie && sameScope(stand.scope, scope)) return stand;
    const celRevisies = readCelRevisies(db);
    if (!stand || !sameScope(stand.scope, scope) || celRevisies.get(ALGEMEEN) !== stand.celRevisies.get(ALGEMEEN)) {
      telling.volledigeLadingen += 1;
      return buildScopeStand(scope, dataRevisie, celRevisies, loadTermijnRijen(db, scope), undefined);
    }
    const gewijzigd: DbCel[] = [];
    for (const [sleutel, revisie] of celRevisies) {
      if (sleutel !== ALGEMEEN && stand.celRevisies.get(sleutel) !== revisie) gewijzigd.push(parseCelSleutel(sleutel));
    }
    if (gewijzigd.length === 0) {
      // A write that changed no term input (a note, a letterhead): nothing is recomputed, only page views are dropped.
      return { ...stand, dataRevisie, celRevisies, perPeildatum: new Map() };
    }
    return buildScopeStand(scope, dataRevisie, celRevisies, loadTermijnRijen(db, scope, gewijzigd), { vorige: stand, gewijzigd });
  };

  /** A scope's cells from freshly loaded rows: all of them, or the changed ones on top of the previous state. */
  const buildScopeStand = (
    scope: TermijnScope,
    dataRevisie: number,
    celRevisies: Map<string, number>,
    rijen: ReturnType<typeof loadTermijnRijen>,
    incrementeel: { vorige: ScopeStand; gewijzigd: DbCel[] } | undefined,
  ): ScopeStand => {
    // Unchanged cells are kept as they are; a changed (or every, on a whole load) cell starts afresh from its rows.
    const cellen = new Map<string, CelStand>();
    const vers = new Map<string, CelStand>();
    const versVan = (c: DbCel): CelStand => {
      const sleutel = dbCelSleutel(c);
      let cel = vers.get(sleutel);
      if (!cel) vers.set(sleutel, (cel = { db: { regioId: c.regioId, jaar: c.jaar }, tariefbeschikkingen: [], beroepen: [] }));
      return cel;
    };
    if (incrementeel) {
      const gewijzigd = new Set(incrementeel.gewijzigd.map(dbCelSleutel));
      for (const [sleutel, cel] of incrementeel.vorige.cellen) if (!gewijzigd.has(sleutel)) cellen.set(sleutel, cel);
      for (const c of incrementeel.gewijzigd) versVan(c);
    }
    for (const t of rijen.tariefbeschikkingen) versVan(t).tariefbeschikkingen.push(t);
    for (const b of rijen.beroepen) versVan(b).beroepen.push(b);

    // Contracteerruimtebesluiten as the engine sees them: one per (besluit, regio), in order of bekendmaking and id.
    // Their rows are always loaded whole; any change to one moved the revision of each of its cells.
    const contracteerruimte = groupContracteerruimte(rijen.contracteerruimte);
    const crPerCel = new Map<string, Contracteerruimtebesluit[]>();
    rijen.contracteerruimte.forEach((r, i) => {
      const cel = dbCelSleutel(r);
      const lijst = crPerCel.get(cel);
      if (lijst) lijst.push(contracteerruimte.perRij[i]!);
      else crPerCel.set(cel, [contracteerruimte.perRij[i]!]);
      if (!cellen.has(cel)) versVan(r);
    });
    // What a kept cell held before it was replaced (its rows and result), to take out of the merged lists.
    const vervangen: CelStand[] = [];
    for (const [sleutel, cel] of vers) {
      const oud = incrementeel?.vorige.cellen.get(sleutel);
      if (oud) vervangen.push(oud);
      cellen.set(sleutel, cel);
    }

    // Each party's first tariefbeschikking per region (art. 105 lid 4: the newcomer): recomputed for the regions with a
    // changed cell only; a changed index touches every cell of its region (the newcomer doubt looks across years).
    const vorigeIndex = incrementeel?.vorige.eersteInRegio;
    const teHerzien = new Set<number>(incrementeel ? [...vers.values()].map((c) => c.db.regioId) : [...cellen.values()].map((c) => c.db.regioId));
    const eersteInRegio = new Map<number, Map<string, IsoDatum>>(vorigeIndex ? [...vorigeIndex].filter(([regioId]) => !teHerzien.has(regioId)) : []);
    for (const regioId of teHerzien) eersteInRegio.set(regioId, new Map());
    for (const cel of cellen.values()) {
      if (!teHerzien.has(cel.db.regioId)) continue;
      const eerste = eersteInRegio.get(cel.db.regioId)!;
      for (const t of cel.tariefbeschikkingen) {
        const bekend = eerste.get(t.zorgaanbieder);
        if (bekend === undefined || t.bekendgemaakt < bekend) eerste.set(t.zorgaanbieder, t.bekendgemaakt);
      }
    }
    // Per region whose index changed: the parties whose first tariefbeschikking moved, came or went.
    const regioGewijzigd = new Map<number, Set<string>>();
    for (const regioId of teHerzien) {
      const partijen = listGewijzigdePartijen(eersteInRegio.get(regioId)!, vorigeIndex?.get(regioId));
      if (partijen.size > 0 || !vorigeIndex?.has(regioId)) regioGewijzigd.set(regioId, partijen);
    }
    // Unchanged: keep the previous map, the one the region's cells were computed with.
    for (const regioId of teHerzien) if (vorigeIndex?.has(regioId) && !regioGewijzigd.has(regioId)) eersteInRegio.set(regioId, vorigeIndex.get(regioId)!);
    // A kept cell is recomputed only when it reads a moved party's date (a cell not recomputed keeps its older map: its
    // own parties' dates are the same in both).
    const leestGewijzigd = (cel: CelStand): boolean => {
      const partijen = regioGewijzigd.get(cel.db.regioId);
      return partijen !== undefined && cel.uitkomst !== undefined && readsEersteTariefbeschikkingVan(cel.uitkomst.invoer, partijen);
    };

    const perCel: Geheel['cellen'] = [];
    const herberekend: CelUitkomst[] = [];
    const oudeUitkomsten: CelUitkomst[] = [];
    for (const v of vervangen) if (v.uitkomst) oudeUitkomsten.push(v.uitkomst);
    for (const [sleutel, cel] of cellen) {
      if (!cel.uitkomst || leestGewijzigd(cel)) {
        if (cel.uitkomst && !vers.has(sleutel)) oudeUitkomsten.push(cel.uitkomst);
        const invoer = buildCelInvoer(cel, crPerCel.get(sleutel) ?? [], eersteInRegio.get(cel.db.regioId) ?? new Map());
        if (!invoer) {
          // Only beroepen and no besluit left: the engine has no cell here.
          cellen.delete(sleutel);
          continue;
        }
        cel.uitkomst = computeCel(invoer, context);
        herberekend.push(cel.uitkomst);
        telling.celBerekeningen += 1;
      }
      perCel.push({ uitkomst: cel.uitkomst, stand: cel });
    }
    // In (regio, jaar) order, as the engine lists statuses.
    perCel.sort((a, b) => compare(a.uitkomst.invoer.regio, b.uitkomst.invoer.regio) || a.uitkomst.invoer.jaar - b.uitkomst.invoer.jaar);

    // The term list's cell numbers and their (regio, jaar) order, over the typed columns beside the list, never
    // comparing the term objects.
    const rangen = new Int32Array(celInfo.length + perCel.length + 1);
    const opzoeker: CelUitkomst[] = [];
    for (const [i, c] of perCel.entries()) {
      const id = celIdVan(c.uitkomst);
      rangen[id] = i;
      opzoeker[id] = c.uitkomst;
    }
    // Merged when first read: a write followed by views of one cell (the overview filtered to a region and year, the
    // decision's page) merges nothing. With the previous list made, the replaced cells' terms go out and the
    // recomputed cells' terms are merged in; else every cell's terms are merged afresh. What the merge needs of the
    // previous revision is let go once merged (closures here share one scope: it would live as long as this revision).
    const vorigGeheel = incrementeel?.vorige.geheel;
    const basis = vorigGeheel?.lijstIndienGemaakt();
    let wachtend: { basis: TermijnLijst; weg: Uint8Array; erbij: CelUitkomst[] } | undefined;
    if (basis) {
      const weg = new Uint8Array(rangen.length);
      for (const u of oudeUitkomsten) weg[celIdVan(u)] = 1;
      wachtend = { basis, weg, erbij: herberekend };
    }
    let gemaakt: TermijnLijst | undefined;
    const lijst = (): TermijnLijst => {
      if (gemaakt) return gemaakt;
      gemaakt = wachtend
        ? mergeCelLijsten(rangen, wachtend.erbij.map(celLijstVan), { lijst: wachtend.basis, weg: wachtend.weg })
        : mergeCelLijsten(
            rangen,
            perCel.map((c) => celLijstVan(c.uitkomst)),
          );
      wachtend = undefined;
      return gemaakt;
    };
    // The terms as one array only when asked (the API, the reminder job): pages read the columns.
    const termijnen = memoize(() => listTermijnen(opzoeker, lijst()));
    // Exclusions as one array only when asked (a page with a region or year filter reads its cells' own).
    const uitsluitingen = memoize(() => {
      const lijst: Uitsluiting[] = [];
      for (const c of perCel) for (const u of c.uitkomst.uitsluitingen) lijst.push(u);
      return lijst;
    });

    // Tariefbeschikkingen by kenmerk: the previous map with the replaced cells' rows taken out and the new ones put in.
    let tariefbeschikkingen: TariefbeschikkingIndex;
    if (vorigGeheel) {
      tariefbeschikkingen = vorigGeheel.tariefbeschikkingen.change(
        vervangen.flatMap((v) => v.tariefbeschikkingen),
        [...vers.values()].flatMap((cel) => cel.tariefbeschikkingen),
      );
    } else {
      const alle: TariefbeschikkingRij[] = [];
      for (const cel of cellen.values()) for (const t of cel.tariefbeschikkingen) alle.push(t);
      tariefbeschikkingen = TariefbeschikkingIndex.of(alle.sort((a, b) => a.id - b.id));
    }

    const beroepen = [...cellen.values()]
      .flatMap((c) => c.beroepen)
      .sort((a, b) => a.bronId - b.bronId)
      .map((b) => b.beroep);
    const celIndex = new Map(perCel.map((c) => [celSleutel(c.uitkomst.invoer.regio, c.uitkomst.invoer.jaar), c]));
    const geheel: Geheel = {
      cellen: perCel,
      celIndex,
      celLijst: perCel.map((c) => ({ regio: c.uitkomst.invoer.regio, jaar: c.uitkomst.invoer.jaar })),
      lijst,
      lijstIndienGemaakt: () => gemaakt,
      lijstVanCel: (regio, jaar) => {
        const cel = celIndex.get(celSleutel(regio, jaar));
        return cel ? celTermijnLijstVan(cel.uitkomst) : LEGE_LIJST;
      },
      opzoeker,
      termijnen,
      uitsluitingen,
      tariefbeschikkingen,
      beroepen,
      contracteerruimteBesluiten: contracteerruimte.besluiten,
      besluiten: memoize(() => {
        const tb: { rij: TariefbeschikkingRij; besluit: Besluit }[] = [];
        for (const { stand } of perCel) stand.tariefbeschikkingen.forEach((rij, i) => tb.push({ rij, besluit: stand.tbBesluiten![i]! }));
        tb.sort((a, b) => a.rij.id - b.rij.id);
        return [...contracteerruimte.besluiten, ...tb.map((t) => t.besluit)];
      }),
      waarschuwingen: (peildatum) => waarschuwingenVoor(geheel)(peildatum),
      perRevisie: new Map(),
    };
    return { scope, dataRevisie, celRevisies, cellen, eersteInRegio, contracteerruimte: rijen.contracteerruimte, geheel, perPeildatum: new Map() };
  };

  // Warnings (termijnregels §3, §7, §8) composed from the cells: what a cell alone tells is kept with the cell's result,
  // the rest is prepared once per revision when first asked, and completed per peildatum.
  const celBasis = new WeakMap<CelUitkomst, { eindjaren: Set<number>; laatsteEerst: { besluit: Besluit; id: number }[] }>();
  const basisVan = ({ uitkomst, stand }: Geheel['cellen'][number]) => {
    let basis = celBasis.get(uitkomst);
    if (!basis) {
      const eindjaren = new Set<number>();
      collectCelEindjaren(uitkomst, eindjaren);
      const laatsteEerst = stand.tariefbeschikkingen
        .map((rij, i) => ({ besluit: stand.tbBesluiten![i]! as Besluit, id: rij.id }))
        .sort((a, b) => (a.besluit.bekendgemaakt < b.besluit.bekendgemaakt ? 1 : a.besluit.bekendgemaakt > b.besluit.bekendgemaakt ? -1 : a.id - b.id));
      celBasis.set(uitkomst, (basis = { eindjaren, laatsteEerst }));
    }
    return basis;
  };
  const beroepIndex = new WeakMap<CelUitkomst, { sleutel: string; index: Map<string, Pick<Termijn, 'aanvang'>> }>();
  const voorbereid = new WeakMap<Geheel, (peildatum: IsoDatum) => Waarschuwing[]>();
  const waarschuwingenVoor = (geheel: Geheel): ((peildatum: IsoDatum) => Waarschuwing[]) => {
    const klaar = voorbereid.get(geheel);
    if (klaar) return klaar;
    const eindjaren = new Set<number>();
    for (const c of geheel.cellen) for (const jaar of basisVan(c).eindjaren) eindjaren.add(jaar);
    const vooraf = listAlgemeneWaarschuwingen(eindjaren, config);

    // Tariefbeschikkingen for a year no contracteerruimtebesluit of their region covers, by id (the order of a whole load).
    const crJarenPerRegio = new Map<string, Set<number>>();
    for (const b of geheel.contracteerruimteBesluiten) {
      const jaren = crJarenPerRegio.get(b.regio) ?? new Set<number>();
      for (const jaar of b.jaren) jaren.add(jaar);
      crJarenPerRegio.set(b.regio, jaren);
    }
    const nietGedekt: { id: number; w: Waarschuwing }[] = [];
    for (const { uitkomst, stand } of geheel.cellen) {
      const jaren = crJarenPerRegio.get(uitkomst.invoer.regio);
      if (!jaren || jaren.has(uitkomst.invoer.jaar)) continue;
      stand.tariefbeschikkingen.forEach((rij, i) => nietGedekt.push({ id: rij.id, w: describeJaarNietGedekt(stand.tbBesluiten![i]!, jaren) }));
    }
    nietGedekt.sort((a, b) => a.id - b.id);

    // Per beroep, in the order of the cases: what holds whatever the peildatum (few: one per filed beroep).
    const beroepTegen = new Set(geheel.beroepen.map((b) => b.tegen));
    const besluitenPerId = new Map<string, Besluit>();
    for (const b of geheel.contracteerruimteBesluiten) if (beroepTegen.has(b.id)) besluitenPerId.set(b.id, b);
    for (const kenmerk of beroepTegen) {
      const rij = geheel.tariefbeschikkingen.get(kenmerk);
      if (rij) besluitenPerId.set(kenmerk, toTariefbeschikking(rij));
    }
    // The earliest beroep term per besluit and year, from each cell (kept with the cell while the beroepen stay the same).
    const tegenSleutel = [...beroepTegen].sort().join('\u0000');
    const aanvangPerBeroep = new Map<string, Pick<Termijn, 'aanvang'>>();
    for (const c of geheel.cellen) {
      let perCel = beroepIndex.get(c.uitkomst);
      if (!perCel || perCel.sleutel !== tegenSleutel)
        beroepIndex.set(
          c.uitkomst,
          (perCel = { sleutel: tegenSleutel, index: indexEersteBeroepstermijn(listBeroepRijenTegen(c.uitkomst, beroepTegen), beroepTegen) }),
        );
      for (const [sleutel, t] of perCel.index) {
        const bekend = aanvangPerBeroep.get(sleutel);
        if (!bekend || t.aanvang < bekend.aanvang) aanvangPerBeroep.set(sleutel, t);
      }
    }
    // Art. 6:19 Awb: a beroep filed in time against an earlier version is not early against the later besluit.
    const celVan = new Map(geheel.cellen.map((c) => [`${c.uitkomst.invoer.regio}\u0000${c.uitkomst.invoer.jaar}`, c.uitkomst]));
    const perBeroep = prepareBeroepWaarschuwingen(
      geheel.beroepen,
      besluitenPerId,
      geheel.contracteerruimteBesluiten,
      aanvangPerBeroep,
      (beroep, regio, voor) => {
        const cel = celVan.get(`${regio}\u0000${beroep.jaar}`);
        return cel !== undefined && isTijdigTegenEerdereVersie(cel, beroep, voor);
      },
    );

    const op = (peildatum: IsoDatum): Waarschuwing[] => {
      // Made known after the peildatum: contracteerruimtebesluiten in their order, then tariefbeschikkingen by id; each
      // cell's latest-first list gives its own in a prefix.
      const cr = geheel.contracteerruimteBesluiten.filter((b) => b.bekendgemaakt > peildatum);
      let aantal = cr.length;
      // All of them while few; beyond the loose warnings only the first by id are named: a short list kept by id.
      const ruimte = MAX_LOSSE_TOEKOMSTWAARSCHUWINGEN + 1;
      const tb: { besluit: Besluit; id: number }[] = [];
      for (const c of geheel.cellen) {
        for (const x of basisVan(c).laatsteEerst) {
          if (x.besluit.bekendgemaakt <= peildatum) break;
          aantal += 1;
          if (tb.length === ruimte && x.id > tb[ruimte - 1]!.id) continue;
          let plek = tb.length;
          while (plek > 0 && tb[plek - 1]!.id > x.id) plek--;
          tb.splice(plek, 0, x);
          if (tb.length > ruimte) tb.pop();
        }
      }
      const inToekomst = [...cr, ...tb.map((x) => x.besluit)];
      return assembleWaarschuwingen(peildatum, { vooraf, inToekomst, aantalInToekomst: aantal, nietGedekt: nietGedekt.map((x) => x.w), perBeroep });
    };
    voorbereid.set(geheel, op);
    return op;
  };

  const statussen = new WeakMap<CelUitkomst, Map<IsoDatum, CelStatus>>();
  const statusVan = (cel: CelUitkomst, peildatum: IsoDatum): CelStatus => {
    let perDatum = statussen.get(cel);
    if (!perDatum) statussen.set(cel, (perDatum = new Map()));
    let stand = perDatum.get(peildatum);
    if (!stand) {
      if (perDatum.size >= MAX_CELSTATUS_PEILDATUMS) perDatum.delete(perDatum.keys().next().value!);
      perDatum.set(peildatum, (stand = computeCelStatus(cel, peildatum, config)));
    }
    return stand;
  };

  const atPeildatum = (stand: ScopeStand, peildatum: IsoDatum): BerekendOverzicht => {
    const gevonden = stand.perPeildatum.get(peildatum);
    if (gevonden) {
      // Least recently used goes first.
      stand.perPeildatum.delete(peildatum);
      stand.perPeildatum.set(peildatum, gevonden);
      return gevonden;
    }
    telling.peildatumAfleidingen += 1;
    const { geheel } = stand;
    // Statuses, party statuses and warnings are made when first read: the overview reads none of them.
    const status = memoize(() => geheel.cellen.map((c) => statusVan(c.uitkomst, peildatum).status));
    const partijStatus = memoize(() => {
      const lijst: PartijStatus[] = [];
      for (const c of geheel.cellen) for (const p of statusVan(c.uitkomst, peildatum).partijStatus) lijst.push(p);
      return lijst;
    });
    const waarschuwingen = memoize(() => geheel.waarschuwingen(peildatum));
    const uitkomst = {
      get termijnen() {
        return geheel.termijnen();
      },
      get uitsluitingen() {
        return geheel.uitsluitingen();
      },
      get status() {
        return status();
      },
      get partijStatus() {
        return partijStatus();
      },
      get waarschuwingen() {
        return waarschuwingen();
      },
    } satisfies TermijnUitkomst;
    const invoer = {
      peildatum,
      get besluiten() {
        return geheel.besluiten();
      },
      beroepen: geheel.beroepen,
    };
    const berekend: BerekendOverzicht = {
      cel(regio, jaar) {
        const gevonden = geheel.celIndex.get(celSleutel(regio, jaar));
        if (!gevonden) return undefined;
        // Statuses when read: a page that lists a cell's terms or exclusions derives none.
        return {
          tariefbeschikkingen: gevonden.stand.tariefbeschikkingen,
          bron: gevonden.uitkomst,
          // Records and texts when read: a change page compares results by `bron` and makes none for unchanged cells.
          get termijnen() {
            return gevonden.uitkomst.termijnen;
          },
          get uitsluitingen() {
            return gevonden.uitkomst.uitsluitingen;
          },
          get status() {
            return statusVan(gevonden.uitkomst, peildatum).status;
          },
          get partijStatus() {
            return statusVan(gevonden.uitkomst, peildatum).partijStatus;
          },
        };
      },
      cellen: geheel.celLijst,
      get lijst() {
        return geheel.lijst();
      },
      lijstVanCel: geheel.lijstVanCel,
      opzoeker: geheel.opzoeker,
      celInfo: (celId) => celInfo[celId]!,
      invoer,
      tariefbeschikkingen: geheel.tariefbeschikkingen,
      contracteerruimte: stand.contracteerruimte,
      uitkomst,
      config,
      afgeleid: new Map(),
      perRevisie: geheel.perRevisie,
    };
    if (stand.perPeildatum.size >= MAX_PEILDATUMS) stand.perPeildatum.delete(stand.perPeildatum.keys().next().value!);
    stand.perPeildatum.set(peildatum, berekend);
    return berekend;
  };

  const refreshAll = () => {
    if (!db.$client.open) return;
    try {
      for (const [sleutel, stand] of scopes) scopes.set(sleutel, refresh(stand.scope, stand));
    } catch {
      // Off the request path nobody can be told: start afresh, and let the next request compute (and report) it.
      scopes.clear();
    }
  };
  // After a write by this process: recompute the touched cells of every scope in use right after the response, so the
  // next request finds them ready. Writes by other processes are found by the next request through the revisions.
  let gepland = false;
  onWriteCommitted(db, () => {
    if (gepland) return;
    gepland = true;
    setImmediate(() => {
      gepland = false;
      refreshAll();
    });
  });

  return {
    get config() {
      volgKalender();
      return config;
    },
    telling,
    computeVoorActor(actor, peildatum) {
      volgKalender();
      const scope = loadTermijnScope(actor);
      const vorige = scopes.get(scope.sleutel);
      const stand = refresh(scope, vorige);
      if (stand !== vorige) {
        scopes.delete(scope.sleutel);
        if (scopes.size >= MAX_SCOPES) scopes.delete(scopes.keys().next().value!);
        scopes.set(scope.sleutel, stand);
      }
      return atPeildatum(stand, peildatum);
    },
  };
}

/** The engine's input of one cell: its contracteerruimtebesluiten and tariefbeschikkingen in order, its beroepen. */
function buildCelInvoer(cel: CelStand, contracteerruimte: Contracteerruimtebesluit[], eersteInRegio: ReadonlyMap<string, IsoDatum>): CelInvoer | undefined {
  cel.tbBesluiten = cel.tariefbeschikkingen.map(toTariefbeschikking);
  const besluiten = orderCelBesluiten([...contracteerruimte, ...cel.tbBesluiten]);
  const eerste = besluiten[0];
  if (!eerste) return undefined;
  const perId = new Map(besluiten.map((b) => [b.id, b]));
  return {
    regio: eerste.regio,
    jaar: cel.db.jaar,
    besluiten,
    beroepen: cel.beroepen.map((b) => ({ ...b.beroep, partij: resolveBeroepPartij(b.beroep, perId.get(b.beroep.tegen)) })),
    gevraagd: [],
    eersteTariefbeschikkingInRegio: eersteInRegio,
  };
}

function parseCelSleutel(sleutel: string): DbCel {
  const [regioId, jaar] = sleutel.split('|').map(Number) as [number, number];
  return { regioId, jaar };
}

function sameScope(a: TermijnScope, b: TermijnScope): boolean {
  return a.sleutel === b.sleutel && a.organisatieId === b.organisatieId && a.nza === b.nza;
}

/** The keys whose value differs between two maps (present in one only, or with another date). */
function listGewijzigdePartijen(nu: ReadonlyMap<string, IsoDatum>, vorig: ReadonlyMap<string, IsoDatum> | undefined): Set<string> {
  const partijen = new Set<string>();
  for (const [partij, datum] of nu) if (vorig?.get(partij) !== datum) partijen.add(partij);
  if (vorig) for (const partij of vorig.keys()) if (!nu.has(partij)) partijen.add(partij);
  return partijen;
}

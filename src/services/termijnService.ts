import type { Actor } from '../actor/actor';
import type { Besluit, Beroep, Contracteerruimtebesluit, Tariefbeschikking } from '../domain/besluiten/besluit';
import { celSleutel, combineCellen, compare, orderCelBesluiten, resolveBeroepPartij, type TermijnConfig } from '../domain/termijnen/computeTermijnen';
import { computeCel, createRekencontext, type CelInvoer, type CelUitkomst } from '../domain/termijnen/celTermijnen';
import { computeCelStatus, type CelStatus } from '../domain/termijnen/celStatus';
import type { PartijStatus, RegioJaarStatus, Termijn, TermijnUitkomst, Uitsluiting, Waarschuwing } from '../domain/termijnen/termijn';
import { prepareWaarschuwingen } from '../domain/termijnen/waarschuwingen';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import type { Db } from '../db/verbinding';
import { onWriteCommitted, readCelRevisies, readDataRevisie } from '../db/transactie';
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

export interface BerekendOverzicht extends GeladenInvoer {
  uitkomst: TermijnUitkomst;
  /** One (regio, jaar) through the index: its terms, exclusions and statuses at the peildatum, without scanning all. */
  cel(regio: string, jaar: number): BerekendeCel | undefined;
  /** The configuration the result was computed with: the afleiding of a shown term is derived with the same. */
  config: TermijnConfig;
  /** Views derived from this result (rendered page bodies); they live and die with it, so they are never stale. */
  afgeleid: Map<string, unknown>;
}

/** A view derived from a computed result, made once per key and dropped with the result at the next write. */
export function afgeleid<T>(berekend: BerekendOverzicht, sleutel: string, maak: () => T): T {
  if (berekend.afgeleid.has(sleutel)) return berekend.afgeleid.get(sleutel) as T;
  if (berekend.afgeleid.size > 200) berekend.afgeleid.clear();
  const waarde = maak();
  berekend.afgeleid.set(sleutel, waarde);
  return waarde;
}

export interface BerekendeCel {
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

/** Everything computed for one scope (the NZa, or one organisation) at one data revision. */
interface ScopeStand {
  scope: TermijnScope;
  dataRevisie: number;
  celRevisies: Map<string, number>;
  cellen: Map<string, CelStand>;
  /** Per region: each party's first tariefbeschikking there (any year). */
  eersteInRegio: Map<number, Map<string, IsoDatum>>;
  contracteerruimte: ContracteerruimteRij[];
  /** The whole, derived from the cells once per data revision. */
  geheel: {
    besluiten: Besluit[];
    beroepen: Beroep[];
    tariefbeschikkingen: Map<string, TariefbeschikkingRij>;
    termijnen: Termijn[];
    uitsluitingen: Uitsluiting[];
    cellen: CelUitkomst[];
    celIndex: Map<string, CelUitkomst>;
  };
  /** Results at a peildatum: statuses and warnings over the shared terms; a few, dropped with the data revision. */
  perPeildatum: Map<IsoDatum, BerekendOverzicht>;
}

// Statuses at a peildatum cost milliseconds; a handful covers today, its neighbours and a what-if date or two.
const MAX_PEILDATUMS = 8;
// Scopes: the NZa and the organisations active lately; each holds its own cells.
const MAX_SCOPES = 20;
const ALGEMEEN = '0|0';

const dbCelSleutel = (c: DbCel) => `${c.regioId}|${c.jaar}`;

export function createTermijnService(db: Db, config: TermijnConfig): TermijnService {
  const context = createRekencontext(config);
  const scopes = new Map<string, ScopeStand>();
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
    for (const [sleutel, cel] of vers) cellen.set(sleutel, cel);

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
    const regioGewijzigd = new Set<number>();
    for (const regioId of teHerzien) if (!vorigeIndex || !sameMap(eersteInRegio.get(regioId)!, vorigeIndex.get(regioId))) regioGewijzigd.add(regioId);
    // Unchanged: keep the previous map, the one the region's cells were computed with.
    for (const regioId of teHerzien) if (vorigeIndex?.has(regioId) && !regioGewijzigd.has(regioId)) eersteInRegio.set(regioId, vorigeIndex.get(regioId)!);

    const uitkomsten: CelUitkomst[] = [];
    for (const [sleutel, cel] of cellen) {
      if (!cel.uitkomst || regioGewijzigd.has(cel.db.regioId)) {
        const invoer = buildCelInvoer(cel, crPerCel.get(sleutel) ?? [], eersteInRegio.get(cel.db.regioId) ?? new Map());
        if (!invoer) {
          // Only beroepen and no besluit left: the engine has no cell here.
          cellen.delete(sleutel);
          continue;
        }
        cel.uitkomst = computeCel(invoer, context);
        telling.celBerekeningen += 1;
      }
      uitkomsten.push(cel.uitkomst);
    }

    // The order of a whole load (loadTermijnInvoer): contracteerruimte first, then tariefbeschikkingen by id.
    const tariefbeschikkingen: { rij: TariefbeschikkingRij; besluit: Besluit }[] = [];
    for (const cel of cellen.values()) cel.tariefbeschikkingen.forEach((rij, i) => tariefbeschikkingen.push({ rij, besluit: cel.tbBesluiten![i]! }));
    tariefbeschikkingen.sort((a, b) => a.rij.id - b.rij.id);
    // In (regio, jaar) order, as the engine lists statuses.
    uitkomsten.sort((a, b) => compare(a.invoer.regio, b.invoer.regio) || a.invoer.jaar - b.invoer.jaar);
    const { termijnen, uitsluitingen } = combineCellen(uitkomsten);
    return {
      scope,
      dataRevisie,
      celRevisies,
      cellen,
      eersteInRegio,
      contracteerruimte: rijen.contracteerruimte,
      geheel: {
        besluiten: [...contracteerruimte.besluiten, ...tariefbeschikkingen.map((t) => t.besluit)],
        beroepen: [...cellen.values()]
          .flatMap((c) => c.beroepen)
          .sort((a, b) => a.zaakId - b.zaakId)
          .map((b) => b.beroep),
        tariefbeschikkingen: new Map(tariefbeschikkingen.map((t) => [t.rij.kenmerk, t.rij])),
        termijnen,
        uitsluitingen,
        cellen: uitkomsten,
        celIndex: new Map(uitkomsten.map((u) => [celSleutel(u.invoer.regio, u.invoer.jaar), u])),
      },
      perPeildatum: new Map(),
    };
  };

  // The warnings that depend on the decisions alone, once per whole; per peildatum only the few that depend on it.
  const waarschuwingen = new WeakMap<ScopeStand['geheel'], (peildatum: IsoDatum) => Waarschuwing[]>();
  const waarschuwingenOp = (geheel: ScopeStand['geheel']) => {
    let op = waarschuwingen.get(geheel);
    if (!op) waarschuwingen.set(geheel, (op = prepareWaarschuwingen({ besluiten: geheel.besluiten, beroepen: geheel.beroepen }, geheel.termijnen, config)));
    return op;
  };

  const statussen = new WeakMap<CelUitkomst, Map<IsoDatum, CelStatus>>();
  const statusVan = (cel: CelUitkomst, peildatum: IsoDatum): CelStatus => {
    let perDatum = statussen.get(cel);
    if (!perDatum) statussen.set(cel, (perDatum = new Map()));
    let stand = perDatum.get(peildatum);
    if (!stand) {
      if (perDatum.size >= MAX_PEILDATUMS) perDatum.delete(perDatum.keys().next().value!);
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
    const invoer = { peildatum, besluiten: geheel.besluiten, beroepen: geheel.beroepen };
    // Per cell, reused while the cell is unchanged: after a write only the recomputed cells derive their status again.
    const status: RegioJaarStatus[] = [];
    const partijStatus: PartijStatus[] = [];
    const perCel = new Map<string, CelStatus>();
    for (const cel of geheel.cellen) {
      const stand = statusVan(cel, peildatum);
      perCel.set(celSleutel(cel.invoer.regio, cel.invoer.jaar), stand);
      status.push(stand.status);
      for (const p of stand.partijStatus) partijStatus.push(p);
    }
    const berekend: BerekendOverzicht = {
      cel(regio, jaar) {
        const sleutel = celSleutel(regio, jaar);
        const uitkomst = geheel.celIndex.get(sleutel);
        const stand = perCel.get(sleutel);
        return uitkomst && stand
          ? { termijnen: uitkomst.termijnen, uitsluitingen: uitkomst.uitsluitingen, status: stand.status, partijStatus: stand.partijStatus }
          : undefined;
      },
      invoer,
      tariefbeschikkingen: geheel.tariefbeschikkingen,
      contracteerruimte: stand.contracteerruimte,
      uitkomst: {
        termijnen: geheel.termijnen,
        uitsluitingen: geheel.uitsluitingen,
        status,
        partijStatus,
        waarschuwingen: waarschuwingenOp(geheel)(peildatum),
      },
      config,
      afgeleid: new Map(),
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
    config,
    telling,
    computeVoorActor(actor, peildatum) {
      const scope = loadTermijnScope(db, actor);
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
  if (a.sleutel !== b.sleutel || a.organisatieId !== b.organisatieId) return false;
  if (a.zichtbaar === undefined || b.zichtbaar === undefined) return a.zichtbaar === b.zichtbaar;
  return a.zichtbaar.length === b.zichtbaar.length && a.zichtbaar.every((id, i) => id === b.zichtbaar![i]);
}

function sameMap(a: ReadonlyMap<string, IsoDatum>, b: ReadonlyMap<string, IsoDatum> | undefined): boolean {
  if (!b || a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

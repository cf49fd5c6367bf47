import type { Actor } from '../../actor/actor';
import type { Besluit } from '../../domain/besluiten/besluit';
import { memoize, memoizePerObject } from '../../domain/memoize';
import { celSleutel, compare, type TermijnConfig } from '../../domain/termijnen/computeTermijnen';
import { createRekencontext, type CelUitkomst } from '../../domain/termijnen/celTermijnen';
import { computeCelStatus, type CelStatus } from '../../domain/termijnen/celStatus';
import type { PartijStatus, RegioJaarStatus, Termijn, TermijnUitkomst, Uitsluiting } from '../../domain/termijnen/termijn';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { Db } from '../../db/verbinding';
import { onWriteCommitted, readCelRevisies, readDataRevisie } from '../../db/transactie';
import { loadTermijnRijen, loadTermijnScope, type DbCel, type GeladenInvoer, type TariefbeschikkingRij, type TermijnScope } from './termijnInvoer';
import { TariefbeschikkingIndex } from './tariefbeschikkingIndex';
import { loadAanvaardeGelijkgesteldeDagen } from '../bronnen/bronVoorstellen';
import { createAtwKalender } from '../../domain/kalender/atwKalender';
import type { GelijkgesteldeDag } from '../../domain/kalender/feestdagen';
import { buildCelLijst, combineCelLijsten, type CelLijst, type TermijnLijst, type TermijnOpzoeker } from './termijnKolommen';
import { buildScopeStand, type CellenStand, type CelRekenaar } from './termijnCellen';
import { createWaarschuwingen } from './termijnWaarschuwingen';

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

/** A scope's cells at one data revision, and its results at a few peildata. */
interface ScopeStand extends CellenStand {
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

  // What building a scope's cells uses of the service (termijnCellen.ts); the warnings with the configuration of the time.
  const rekenaar: CelRekenaar = {
    context: () => context,
    celIdVan,
    aantalCelIds: () => celInfo.length,
    celLijstVan,
    celTermijnLijstVan,
    telling,
    waarschuwingenVoor: createWaarschuwingen(() => config),
  };

  const refresh = (scope: TermijnScope, stand: ScopeStand | undefined): ScopeStand => {
    const dataRevisie = readDataRevisie(db);
    if (stand && stand.dataRevisie === dataRevisie && sameScope(stand.scope, scope)) return stand;
    const celRevisies = readCelRevisies(db);
    if (!stand || !sameScope(stand.scope, scope) || celRevisies.get(ALGEMEEN) !== stand.celRevisies.get(ALGEMEEN)) {
      telling.volledigeLadingen += 1;
      return { ...buildScopeStand(rekenaar, scope, dataRevisie, celRevisies, loadTermijnRijen(db, scope), undefined), perPeildatum: new Map() };
    }
    const gewijzigd: DbCel[] = [];
    for (const [sleutel, revisie] of celRevisies) {
      if (sleutel !== ALGEMEEN && stand.celRevisies.get(sleutel) !== revisie) gewijzigd.push(parseCelSleutel(sleutel));
    }
    if (gewijzigd.length === 0) {
      // A write that changed no term input (a note, a letterhead): nothing is recomputed, only page views are dropped.
      return { ...stand, dataRevisie, celRevisies, perPeildatum: new Map() };
    }
    return {
      ...buildScopeStand(rekenaar, scope, dataRevisie, celRevisies, loadTermijnRijen(db, scope, gewijzigd), { vorige: stand, gewijzigd }),
      perPeildatum: new Map(),
    };
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

function parseCelSleutel(sleutel: string): DbCel {
  const [regioId, jaar] = sleutel.split('|').map(Number) as [number, number];
  return { regioId, jaar };
}

function sameScope(a: TermijnScope, b: TermijnScope): boolean {
  return a.sleutel === b.sleutel && a.organisatieId === b.organisatieId && a.nza === b.nza;
}

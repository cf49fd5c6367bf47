import type { Besluit, Contracteerruimtebesluit, Tariefbeschikking, Beroep } from '../../domain/besluiten/besluit';
import { memoize } from '../../domain/memoize';
import { celSleutel, compare, orderCelBesluiten, resolveBeroepPartij } from '../../domain/termijnen/computeTermijnen';
import { computeCel, readsEersteTariefbeschikkingVan, type CelInvoer, type CelUitkomst, type Rekencontext } from '../../domain/termijnen/celTermijnen';
import type { Termijn, Uitsluiting, Waarschuwing } from '../../domain/termijnen/termijn';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import {
  groupContracteerruimte,
  toTariefbeschikking,
  type BeroepRij,
  type ContracteerruimteRij,
  type DbCel,
  type loadTermijnRijen,
  type TariefbeschikkingRij,
  type TermijnScope,
} from './termijnInvoer';
import { TariefbeschikkingIndex } from './tariefbeschikkingIndex';
import { LEGE_LIJST, listTermijnen, mergeCelLijsten, type CelLijst, type TermijnLijst, type TermijnOpzoeker } from './termijnKolommen';

// The term service's cells (src/services/termijnen/termijnService.ts): a scope's (regio, jaar) cells at one data
// revision, computed whole or only where a write touched them, and the whole derived from them.

/** One cell's rows and result. */
export interface CelStand {
  db: DbCel;
  tariefbeschikkingen: TariefbeschikkingRij[];
  beroepen: BeroepRij[];
  /** The engine's tariefbeschikkingen, one per row, made with the cell's result. */
  tbBesluiten?: Tariefbeschikking[];
  uitkomst?: CelUitkomst;
}

/** The whole of a scope at one data revision, derived from its cells; the costly lists are merged or made on demand. */
export interface Geheel {
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
export interface CellenStand {
  scope: TermijnScope;
  dataRevisie: number;
  celRevisies: Map<string, number>;
  cellen: Map<string, CelStand>;
  /** Per region: each party's first tariefbeschikking there (any year). */
  eersteInRegio: Map<number, Map<string, IsoDatum>>;
  contracteerruimte: ContracteerruimteRij[];
  geheel: Geheel;
}

export const dbCelSleutel = (c: DbCel) => `${c.regioId}|${c.jaar}`;

/** What building a scope's cells uses of the service: its calendar context, cell numbers and counts, and warnings. */
export interface CelRekenaar {
  context: () => Rekencontext;
  /** The stable number of a cell (regio, jaar) in the term columns. */
  celIdVan: (u: CelUitkomst) => number;
  /** How many cell numbers were given out so far (plus the empty one). */
  aantalCelIds: () => number;
  celLijstVan: (u: CelUitkomst) => CelLijst;
  celTermijnLijstVan: (u: CelUitkomst) => TermijnLijst;
  /** The service's count of cells computed (TermijnCacheTelling). */
  telling: { celBerekeningen: number };
  waarschuwingenVoor: (geheel: Geheel) => (peildatum: IsoDatum) => Waarschuwing[];
}

/** A scope's cells from freshly loaded rows: all of them, or the changed ones on top of the previous state. */
export function buildScopeStand(
  r: CelRekenaar,
  scope: TermijnScope,
  dataRevisie: number,
  celRevisies: Map<string, number>,
  rijen: ReturnType<typeof loadTermijnRijen>,
  incrementeel: { vorige: CellenStand; gewijzigd: DbCel[] } | undefined,
): CellenStand {
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
      cel.uitkomst = computeCel(invoer, r.context());
      herberekend.push(cel.uitkomst);
      r.telling.celBerekeningen += 1;
    }
    perCel.push({ uitkomst: cel.uitkomst, stand: cel });
  }
  // In (regio, jaar) order, as the engine lists statuses.
  perCel.sort((a, b) => compare(a.uitkomst.invoer.regio, b.uitkomst.invoer.regio) || a.uitkomst.invoer.jaar - b.uitkomst.invoer.jaar);

  // The term list's cell numbers and their (regio, jaar) order, over the typed columns beside the list, never
  // comparing the term objects.
  const rangen = new Int32Array(r.aantalCelIds() + perCel.length + 1);
  const opzoeker: CelUitkomst[] = [];
  for (const [i, c] of perCel.entries()) {
    const id = r.celIdVan(c.uitkomst);
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
    for (const u of oudeUitkomsten) weg[r.celIdVan(u)] = 1;
    wachtend = { basis, weg, erbij: herberekend };
  }
  let gemaakt: TermijnLijst | undefined;
  const lijst = (): TermijnLijst => {
    if (gemaakt) return gemaakt;
    gemaakt = wachtend
      ? mergeCelLijsten(rangen, wachtend.erbij.map(r.celLijstVan), { lijst: wachtend.basis, weg: wachtend.weg })
      : mergeCelLijsten(
          rangen,
          perCel.map((c) => r.celLijstVan(c.uitkomst)),
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
      return cel ? r.celTermijnLijstVan(cel.uitkomst) : LEGE_LIJST;
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
    waarschuwingen: (peildatum) => r.waarschuwingenVoor(geheel)(peildatum),
    perRevisie: new Map(),
  };
  return { scope, dataRevisie, celRevisies, cellen, eersteInRegio, contracteerruimte: rijen.contracteerruimte, geheel };
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

/** The keys whose value differs between two maps (present in one only, or with another date). */
function listGewijzigdePartijen(nu: ReadonlyMap<string, IsoDatum>, vorig: ReadonlyMap<string, IsoDatum> | undefined): Set<string> {
  const partijen = new Set<string>();
  for (const [partij, datum] of nu) if (vorig?.get(partij) !== datum) partijen.add(partij);
  if (vorig) for (const partij of vorig.keys()) if (!nu.has(partij)) partijen.add(partij);
  return partijen;
}

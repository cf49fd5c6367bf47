import type { IsoDatum } from '../kalender/kalenderdatum';
import type { CelTermijnKolommen, CelUitkomst, OudRegimeDatum } from './celTermijnen';
import { computePostUiterlijk } from './awbTermijn';
import { formatDatumLang } from '../kalender/kalenderdatum';
import { computeStatus, StatusTermijnen, type StatusContext } from './regioJaarStatus';
import type { PartijStatus, RegioJaarStatus, TermijnConfig } from './termijn';
import { compare } from './volgorde';

export interface CelStatus {
  status: RegioJaarStatus;
  /** Every party of the cell at the peildatum, by name. */
  partijStatus: PartijStatus[];
}

/**
 * The state of beroep of one (regio, jaar) at the peildatum, per party and for the region-year (termijnregels §6): the
 * version of the contracteerruimte then in force and what was known by then. Derived from the cell's terms in
 * microseconds, so a new peildatum never recomputes a term.
 */
export function computeCelStatus(cel: CelUitkomst, peildatum: IsoDatum, config: TermijnConfig): CelStatus {
  const { regio, jaar, besluiten, beroepen, gevraagd } = cel.invoer;
  const { inwerkingtreding } = config;
  const { kolommen, plaatsen } = cel;
  // The walk told where the contracteerruimtebesluiten and the first tariefbeschikking are: no besluit is read twice.
  let versieOpPeildatum = 0;
  let huidige: (typeof besluiten)[number] | undefined;
  for (const p of plaatsen.contracteerruimte) {
    const b = besluiten[p]!;
    if (b.bekendgemaakt <= peildatum) {
      versieOpPeildatum += 1;
      huidige = b;
    }
  }
  const eersteTariefbeschikking = plaatsen.eersteTariefbeschikking < 0 ? undefined : besluiten[plaatsen.eersteTariefbeschikking]!.bekendgemaakt;
  const isBekendOp = selectBekendOp(cel, peildatum);
  // Oud-regime exclusions near the entry into force whose besluit was made known by the peildatum (mostly none).
  const oudRegime = cel.oudRegimeDatums.length === 0 ? cel.oudRegimeDatums : cel.oudRegimeDatums.filter((d) => isBekendOp(d.plaats));
  // Terms against an earlier version that still ran when the amendment came keep counting, with a doubt (§7: an
  // amendment never silently moves a safe date later). Each such term's position goes to `neem`, in the cell's order.
  const forEachGeldend = (neem: (i: number) => void): void => {
    const { beroepPosities } = cel;
    for (let k = 0; k < beroepPosities.length; k++) {
      const i = beroepPosities[k]!;
      if (!isBekendOp(kolommen.besluitVan(i))) continue;
      const versie = kolommen.versieVan(i);
      if (versie === versieOpPeildatum || (huidige !== undefined && versie < versieOpPeildatum && kolommen.berekendVan(i).einde >= huidige.bekendgemaakt)) {
        neem(i);
      }
    }
  };
  const context: StatusContext = {
    regio,
    jaar,
    peildatum,
    oudRegime: huidige !== undefined && inwerkingtreding !== undefined && huidige.bekendgemaakt < inwerkingtreding,
    inwerkingtreding,
    wachtOpGewijzigdeTariefbeschikking:
      huidige !== undefined && eersteTariefbeschikking !== undefined && eersteTariefbeschikking <= peildatum && huidige.bekendgemaakt > eersteTariefbeschikking,
    contracteerruimte: huidige?.id,
    contracteerruimteSoort: huidige?.soort,
    versie: versieOpPeildatum,
  };
  // The parties' states only when read: a region-year's state (the matrix, a change page) needs none of them.
  const computePartijStatus = (): PartijStatus[] => {
    // The parties by their number in the cell's party table; a name the table lacks (an appellant without a term) apart.
    const tabel = kolommen.partijTabel;
    const opPeildatum = new Uint8Array(tabel.length);
    const zonderNummer = new Set<string>();
    const mark = (partij: string) => {
      const nummer = tabel.indexOf(partij);
      if (nummer >= 0) opPeildatum[nummer] = 1;
      else zonderNummer.add(partij);
    };
    for (const g of gevraagd) mark(g.partij);
    for (let p = 0; p < besluiten.length; p++) if (plaatsen.partij[p]! >= 0 && isBekendOp(p)) opPeildatum[plaatsen.partij[p]!] = 1;
    for (const b of beroepen) if (b.ingesteld <= peildatum) mark(b.partij);
    // A provider that is a party through an earlier tariefbeschikking in the region (termijnregels §4): its date names it.
    for (const i of cel.beroepPosities) {
      const nummer = kolommen.partijNummerVan(i);
      if (nummer >= 0 && opPeildatum[nummer] !== 1 && isBekendOp(kolommen.besluitVan(i))) opPeildatum[nummer] = 1;
    }
    // Positions of the terms in force: the region's lid-3 windows (every party's), and per party its own.
    const regioVensters: number[] = [];
    const geldendPerPartij: number[][] = [];
    forEachGeldend((i) => {
      const nummer = kolommen.partijNummerVan(i);
      if (nummer < 0) regioVensters.push(i);
      else (geldendPerPartij[nummer] ??= []).push(i);
    });
    const oudRegimeVoor = (nummer: number) => oudRegime.filter((d) => d.partij < 0 || d.partij === nummer);
    const beroepenPerPartij = new Map<string, typeof beroepen>();
    for (const b of beroepen) beroepenPerPartij.set(b.partij, [...(beroepenPerPartij.get(b.partij) ?? []), b]);
    // The doubt's text is written only for a party whose status repeats it.
    const lid4PerPartij = new Map<string, number>();
    for (let k = 0; k < cel.lid4.aantal; k++) if (cel.lid4.bekendgemaaktVan(k) <= peildatum) lid4PerPartij.set(cel.lid4.partijVan(k), k);
    const partijStatus: PartijStatus[] = [];
    const addPartijStatus = (partij: string, nummer: number) => {
      const eigen = new StatusTermijnen(context);
      for (const i of regioVensters) addKolomTermijn(eigen, kolommen, i);
      if (nummer >= 0) for (const i of geldendPerPartij[nummer] ?? []) addKolomTermijn(eigen, kolommen, i);
      if (oudRegime.length > 0)
        for (const d of nummer >= 0 ? oudRegimeVoor(nummer) : oudRegime.filter((x) => x.partij < 0)) addOudRegimeDatum(eigen, d, versieOpPeildatum);
      const stand = computeStatus(eigen, beroepenPerPartij.get(partij) ?? [], context, partij);
      // A lid-4 exclusion could be wrong (an amendment not registered): the party's status says so too.
      const lid4 = lid4PerPartij.get(partij);
      if (stand.status === 'onherroepelijk' && lid4 !== undefined && !stand.twijfel) stand.twijfel = cel.lid4.uitsluitingOp(lid4).twijfel;
      partijStatus.push({ partij, ...stand });
    };
    // By name: the table's parties in their sorted order, merged with the few without a number.
    const los = [...zonderNummer].sort(compare);
    let k = 0;
    for (const nummer of cel.partijenOpNaam) {
      if (opPeildatum[nummer] !== 1) continue;
      const partij = tabel[nummer]!;
      while (k < los.length && compare(los[k]!, partij) < 0) addPartijStatus(los[k++]!, -1);
      addPartijStatus(partij, nummer);
    }
    while (k < los.length) addPartijStatus(los[k++]!, -1);
    return partijStatus;
  };
  // The region-year's state straight from the columns: no record per term (a cell holds thousands at 20× scale).
  const termijnen = new StatusTermijnen(context);
  forEachGeldend((i) => addKolomTermijn(termijnen, kolommen, i));
  for (const d of oudRegime) addOudRegimeDatum(termijnen, d, versieOpPeildatum);
  let partijStatus: PartijStatus[] | undefined;
  const status = computeStatus(termijnen, beroepen, context);
  // Art. 6:9 lid 2 Awb: while a party's posted beroep may still arrive, the region-year says so too (a later uitspraak
  // in another party's beroep does not close that party's postal week). Only near a last day are the parties read.
  if (status.status === 'onherroepelijk' && !status.perPostUiterlijkOntvangen && peildatum <= computePostUiterlijk(termijnen.laatsteEinde)) {
    const perPost = (partijStatus ??= computePartijStatus()).reduce<IsoDatum | undefined>(
      (laatste, p) => (p.perPostUiterlijkOntvangen && (!laatste || p.perPostUiterlijkOntvangen > laatste) ? p.perPostUiterlijkOntvangen : laatste),
      undefined,
    );
    if (perPost) {
      status.perPostUiterlijkOntvangen = perPost;
      status.toelichting += ` Let op: een beroepschrift van een partij dat tijdig ter post is bezorgd, is nog tijdig als het uiterlijk op ${formatDatumLang(perPost)} binnenkomt (art. 6:9 lid 2 Awb).`;
    }
  }
  return {
    status,
    get partijStatus() {
      return (partijStatus ??= computePartijStatus());
    },
  };
}

/** Termijnregels §8: an oud-regime exclusion's new-regime date counts while it runs, as a date that may be the fatal one. */
function addOudRegimeDatum(termijnen: StatusTermijnen, d: OudRegimeDatum, versie: number): void {
  if (d.termijn.einde < termijnen.context.peildatum) return;
  termijnen.add(d.termijn.einde, d.termijn.aanvang, 'beschermend', versie, { twijfelVan: () => d.twijfel() }, 0);
}

/** Adds the term at position `i` of a cell's columns to a status's terms. */
function addKolomTermijn(termijnen: StatusTermijnen, kolommen: CelTermijnKolommen, i: number): void {
  const berekend = kolommen.berekendVan(i);
  termijnen.add(berekend.einde, berekend.aanvang, kolommen.soortVan(i), kolommen.versieVan(i), kolommen, i);
}

/**
 * Whether the besluit at a place was made known by the peildatum. The besluiten of a cell come in order of
 * bekendmaking, so those are the places before the first later one (found by halving); otherwise each is read.
 */
function selectBekendOp(cel: CelUitkomst, peildatum: IsoDatum): (plaats: number) => boolean {
  const { besluiten } = cel.invoer;
  if (!cel.plaatsen.chronologisch) return (plaats) => besluiten[plaats]!.bekendgemaakt <= peildatum;
  let [laag, hoog] = [0, besluiten.length];
  while (laag < hoog) {
    const midden = (laag + hoog) >>> 1;
    if (besluiten[midden]!.bekendgemaakt <= peildatum) laag = midden + 1;
    else hoog = midden;
  }
  return (plaats) => plaats < laag;
}

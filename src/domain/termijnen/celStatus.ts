import { partijVan } from '../besluiten/besluit';
import type { IsoDatum } from '../kalender/kalenderdatum';
import { TermijnRij, type CelUitkomst, type Lid4Twijfel } from './celTermijnen';
import { computeStatus, type StatusContext, type StatusTermijn } from './regioJaarStatus';
import type { PartijStatus, RegioJaarStatus, TermijnConfig } from './termijn';

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
  let versieOpPeildatum = 0;
  let huidige: (typeof besluiten)[number] | undefined;
  let eersteTariefbeschikking: IsoDatum | undefined;
  for (const b of besluiten) {
    if (b.type === 'contracteerruimte' && b.bekendgemaakt <= peildatum) {
      versieOpPeildatum += 1;
      huidige = b;
    }
    if (b.type === 'tariefbeschikking' && eersteTariefbeschikking === undefined) eersteTariefbeschikking = b.bekendgemaakt;
  }
  // Terms against an earlier version that still ran when the amendment came keep counting, with a doubt (§7: an
  // amendment never silently moves a safe date later).
  const { kolommen, invoer } = cel;
  // Made per use and never kept: a status kept for a peildatum holds no list the size of the cell.
  const listGeldend = (): TermijnRij[] => {
    const geldend: TermijnRij[] = [];
    for (const i of cel.beroepPosities) {
      const besluit = besluiten[kolommen.besluitVan(i)]!;
      if (besluit.bekendgemaakt > peildatum) continue;
      const versie = kolommen.versieVan(i);
      if (versie === versieOpPeildatum || (huidige !== undefined && versie < versieOpPeildatum && kolommen.berekendVan(i).einde >= huidige.bekendgemaakt)) {
        geldend.push(new TermijnRij(kolommen, invoer, i));
      }
    }
    return geldend;
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
    versie: versieOpPeildatum,
  };
  // The parties' states only when read: a region-year's state (the matrix, a change page) needs none of them.
  const computePartijStatus = (): PartijStatus[] => {
    const partijenOpPeildatum = new Set<string>(gevraagd.map((g) => g.partij));
    for (const b of besluiten) {
      if (b.type === 'tariefbeschikking' && b.bekendgemaakt <= peildatum) partijenOpPeildatum.add(partijVan(b));
    }
    for (const b of beroepen) if (b.ingesteld <= peildatum) partijenOpPeildatum.add(b.partij);
    const regioVensters: StatusTermijn[] = [];
    const geldendPerPartij = new Map<string, StatusTermijn[]>();
    for (const t of listGeldend()) {
      if (t.partij === undefined) regioVensters.push(t);
      else {
        const lijst = geldendPerPartij.get(t.partij);
        if (lijst) lijst.push(t);
        else geldendPerPartij.set(t.partij, [t]);
      }
    }
    const beroepenPerPartij = new Map<string, typeof beroepen>();
    for (const b of beroepen) beroepenPerPartij.set(b.partij, [...(beroepenPerPartij.get(b.partij) ?? []), b]);
    // The doubt's text is written only for a party whose status repeats it.
    const lid4PerPartij = new Map<string, Lid4Twijfel>();
    for (const x of cel.lid4Twijfels) if (x.bekendgemaakt <= peildatum) lid4PerPartij.set(x.partij, x);
    const partijStatus: PartijStatus[] = [];
    for (const partij of [...partijenOpPeildatum].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const eigen = [...regioVensters, ...(geldendPerPartij.get(partij) ?? [])];
      const stand = computeStatus(eigen, beroepenPerPartij.get(partij) ?? [], context, partij);
      // A lid-4 exclusion could be wrong (an amendment not registered): the party's status says so too.
      const lid4 = lid4PerPartij.get(partij);
      if (stand.status === 'onherroepelijk' && lid4 !== undefined && !stand.twijfel) stand.twijfel = lid4.twijfel;
      partijStatus.push({ partij, ...stand });
    }
    return partijStatus;
  };
  let partijStatus: PartijStatus[] | undefined;
  return {
    status: computeStatus(listGeldend(), beroepen, context),
    get partijStatus() {
      return (partijStatus ??= computePartijStatus());
    },
  };
}

import { jaarVan, type IsoDatum } from '../../kalender/kalenderdatum';
import { partijVan, type Besluit, type Beroep } from '../../besluiten/besluit';
import type { Rechtsmiddel, TermijnSoort } from '../termijn';
import type { TermijnenVoorWaarschuwingen } from '../waarschuwingen';
import type { CelInvoer } from './celInvoer';
import type { CelUitkomst } from './celResultaat';
import type { CelTermijnKolommen } from './celTermijnKolommen';

// MACHINERY: reading a cell's terms without making their records (for statuses, warnings and the term service).

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

/**
 * The years holding a last day of the cell's terms, added to `eindjaren`; with them the last days an `oud-regime`
 * exclusion advises (`eindeAlsToch`, termijnregels §8), whose Atw move a missing KB may change too (§3, art. 3 lid 3 Atw).
 * (Every other `eindeAlsToch` is six weeks from a tariefbeschikking, the last day of its own bezwaar term.)
 */
export function collectCelEindjaren(cel: CelUitkomst, eindjaren: Set<number>): void {
  for (const t of cel.kolommen.berekendTabel) eindjaren.add(jaarVan(t.einde));
  for (const d of cel.oudRegimeDatums) eindjaren.add(jaarVan(d.termijn.einde));
}

/** The cell's beroep terms against one of `tegen`, as short-lived views over its columns, in the order of the walk. */
export function listBeroepRijenTegen(cel: CelUitkomst, tegen: ReadonlySet<string>): TermijnRij[] {
  const { kolommen, invoer, beroepPosities } = cel;
  const rijen: TermijnRij[] = [];
  if (invoer.genoemdDoorBeroep === false) return rijen;
  for (const i of beroepPosities) if (tegen.has(invoer.besluiten[kolommen.besluitVan(i)]!.id)) rijen.push(new TermijnRij(kolommen, invoer, i));
  return rijen;
}

// Termijnregels §4, "the engine decides per year": the input divided into (regio, jaar) parts, each with its besluiten
// in order, its beroepen (with who filed them), the parties asked for in its region, and every provider of the region
// with its first tariefbeschikking there. The walk (wandeling.ts) then decides each part on its own.
import { formatDatumKort, type IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import type { Beroep, Besluit, TermijnInvoer } from '../../src/domain/besluiten/besluit';
import type { PartijSoort } from '../../src/domain/termijnen/termijn';
import { adressaatVan, vergelijk } from './gedeeld';

export interface BeroepMetPartij extends Beroep {
  partij: string;
}

export interface RegioJaar {
  regio: string;
  jaar: number;
  /** Chronological; on one day a contracteerruimtebesluit before the tariefbeschikking applying it; else input order. */
  besluiten: Besluit[];
  beroepen: BeroepMetPartij[];
  /** The parties asked for in this region (input order). */
  gevraagd: { partij: string; soort: PartijSoort }[];
  /** Every provider of the region with the bekendmaking of its first tariefbeschikking there (any year, any soort), by name. */
  aanbiedersInRegio: { partij: string; eerste: IsoDatum }[];
}

/** Who filed a beroep: given, or the addressee of the tariefbeschikking it names; otherwise named by the beroep itself (engine's choice). */
function indienerVan(beroep: Beroep, besluit: Besluit): string {
  if (beroep.partij !== undefined) return beroep.partij;
  if (besluit.type === 'tariefbeschikking') return adressaatVan(besluit);
  return `indiener van het beroep tegen ${beroep.tegen} van ${formatDatumKort(beroep.ingesteld)}`;
}

function jarenVanBesluit(besluit: Besluit): number[] {
  return besluit.type === 'contracteerruimte' ? besluit.jaren : [besluit.jaar];
}

export function verdeelInRegioJaren(invoer: TermijnInvoer): RegioJaar[] {
  const regioJaren: RegioJaar[] = [];
  const vind = (regio: string, jaar: number) => regioJaren.find((r) => r.regio === regio && r.jaar === jaar);
  for (const besluit of invoer.besluiten) {
    for (const jaar of jarenVanBesluit(besluit)) {
      let regioJaar = vind(besluit.regio, jaar);
      if (!regioJaar) {
        regioJaar = { regio: besluit.regio, jaar, besluiten: [], beroepen: [], gevraagd: [], aanbiedersInRegio: [] };
        regioJaren.push(regioJaar);
      }
      regioJaar.besluiten.push(besluit);
    }
  }
  for (const beroep of invoer.beroepen) {
    const besluit = invoer.besluiten.find((b) => b.id === beroep.tegen);
    if (!besluit) throw new Error(`Beroep refers to unknown besluit ${beroep.tegen}`);
    const regioJaar = vind(beroep.regio ?? besluit.regio, beroep.jaar);
    if (regioJaar) regioJaar.beroepen.push({ ...beroep, partij: indienerVan(beroep, besluit) });
  }
  for (const regioJaar of regioJaren) {
    // On one day a contracteerruimtebesluit precedes the tariefbeschikking applying it (engine's choice, spec silent).
    const rang = (b: Besluit) => (b.type === 'contracteerruimte' ? 0 : 1);
    regioJaar.besluiten.sort((a, b) => vergelijk(a.bekendgemaakt, b.bekendgemaakt) || rang(a) - rang(b));
    for (const g of invoer.partijen ?? []) if (g.regio === regioJaar.regio) regioJaar.gevraagd.push({ partij: g.partij, soort: g.soort });
    const eerste = new Map<string, IsoDatum>();
    for (const b of invoer.besluiten) {
      if (b.type !== 'tariefbeschikking' || b.regio !== regioJaar.regio) continue;
      const partij = adressaatVan(b);
      if (!eerste.has(partij) || b.bekendgemaakt < eerste.get(partij)!) eerste.set(partij, b.bekendgemaakt);
    }
    regioJaar.aanbiedersInRegio = [...eerste].map(([partij, datum]) => ({ partij, eerste: datum })).sort((a, b) => vergelijk(a.partij, b.partij));
  }
  return regioJaren.sort((a, b) => vergelijk(a.regio, b.regio) || a.jaar - b.jaar);
}

import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/verbinding';
import { writeTransaction } from '../db/transactie';
import type { Actor } from '../actor/actor';
import { assertCan } from '../services/toegang/permissies';
import { contracteerruimtebedragen, contracteerruimtebesluiten, zorgkantoorregios } from '../db/schema';
import { CONTRACTEERRUIMTE_SOORTEN } from '../domain/besluiten/besluit';
import { bedragInvoerVeld, datumInvoerVeld, jaarInvoerVeld, kenmerkVeld, type ContracteerruimtebesluitInvoer } from '../validation/besluitInvoer';
import { keuzeVeld, regioInvoerVeld } from '../validation/velden';
import { checkRegioInRij, loadRegioRegister } from '../services/regios/regioBeheer';
import { insertContracteerruimtebesluit } from '../services/besluiten/besluitRegistratie';
import { readImportRijen, type ImportVoorbeeld } from './importUitkomst';
import type { CsvTabel } from '../csv/csvLezen';
import type { KolomSoort } from '../csv/xlsxLezen';

export const CONTRACTEERRUIMTE_KOLOMMEN = ['kenmerk', 'soort', 'besluitdatum', 'bekendgemaakt', 'regio', 'jaar', 'bedrag'] as const;
/** How a spreadsheet's numbers in these columns are read (Excel date serials, euro amounts). */
export const CONTRACTEERRUIMTE_KOLOM_SOORTEN: Readonly<Record<string, KolomSoort>> = { besluitdatum: 'datum', bekendgemaakt: 'datum', bedrag: 'bedrag' };

const rijSchema = z.object({
  kenmerk: kenmerkVeld(),
  soort: keuzeVeld(CONTRACTEERRUIMTE_SOORTEN, 'soort'),
  besluitdatum: datumInvoerVeld(),
  bekendgemaakt: datumInvoerVeld(),
  regio: regioInvoerVeld(),
  jaar: jaarInvoerVeld(),
  bedrag: bedragInvoerVeld(),
});

/**
 * Checks an NZa overview read from a spreadsheet (one row per region, year and amount; rows sharing a kenmerk form one besluit) against the
 * database without writing anything.
 */
export function previewContracteerruimteImport(db: Db, tabel: CsvTabel): ImportVoorbeeld<ContracteerruimtebesluitInvoer> {
  const { rijen, fouten, aantalRijen } = readImportRijen(tabel, rijSchema, (waarden) => checkRegioInRij(db, waarden));
  const perKenmerk = new Map<string, { besluit: ContracteerruimtebesluitInvoer; eersteRij: number; regels: Map<string, number> }>();
  for (const { regel, rij } of rijen) {
    let groep = perKenmerk.get(rij.kenmerk);
    if (!groep) {
      groep = {
        besluit: { kenmerk: rij.kenmerk, soort: rij.soort, besluitdatum: rij.besluitdatum, bekendgemaakt: rij.bekendgemaakt, bedragen: [] },
        eersteRij: regel,
        regels: new Map(),
      };
      perKenmerk.set(rij.kenmerk, groep);
    }
    const b = groep.besluit;
    if (b.soort !== rij.soort || b.besluitdatum !== rij.besluitdatum || b.bekendgemaakt !== rij.bekendgemaakt) {
      fouten.push({ rij: regel, veld: 'kenmerk', melding: `soort en data wijken af van rij ${groep.eersteRij} met hetzelfde kenmerk ${rij.kenmerk}` });
      continue;
    }
    if (rij.bekendgemaakt < rij.besluitdatum) {
      fouten.push({ rij: regel, veld: 'bekendgemaakt', melding: 'de bekendmaking kan niet vóór de besluitdatum liggen' });
      continue;
    }
    // The live division's name (the check of readImportRijen found it).
    rij.regio = loadRegioRegister(db).find(rij.regio)!.naam;
    const sleutel = `${rij.regio}|${rij.jaar}`;
    const eerder = groep.regels.get(sleutel);
    if (eerder !== undefined) {
      fouten.push({ rij: regel, veld: 'jaar', melding: `${rij.regio} ${rij.jaar} staat al op rij ${eerder} van ${rij.kenmerk}` });
      continue;
    }
    groep.regels.set(sleutel, regel);
    b.bedragen.push({ regio: rij.regio, jaar: rij.jaar, bedrag: rij.bedrag });
  }

  const nieuw: ContracteerruimtebesluitInvoer[] = [];
  const ongewijzigd: string[] = [];
  for (const { besluit, eersteRij } of perKenmerk.values()) {
    const bestaand = loadBestaandBesluit(db, besluit.kenmerk);
    if (!bestaand) nieuw.push(besluit);
    else if (zelfdeBesluit(bestaand, besluit)) ongewijzigd.push(besluit.kenmerk);
    else
      fouten.push({
        rij: eersteRij,
        veld: 'kenmerk',
        melding: `${besluit.kenmerk} bestaat al met andere gegevens; een wijziging registreert u als nieuw besluit met soort wijziging`,
      });
  }
  return { nieuw, ongewijzigd, fouten: fouten.sort((a, b) => a.rij - b.rij), aantalRijen };
}

function loadBestaandBesluit(db: Db, kenmerk: string): ContracteerruimtebesluitInvoer | undefined {
  const besluit = db.select().from(contracteerruimtebesluiten).where(eq(contracteerruimtebesluiten.kenmerk, kenmerk)).get();
  if (!besluit) return undefined;
  const bedragen = db
    .select({ regio: zorgkantoorregios.naam, jaar: contracteerruimtebedragen.jaar, bedrag: contracteerruimtebedragen.bedragCenten })
    .from(contracteerruimtebedragen)
    .innerJoin(zorgkantoorregios, eq(contracteerruimtebedragen.regioId, zorgkantoorregios.id))
    .where(eq(contracteerruimtebedragen.besluitId, besluit.id))
    .all();
  return { kenmerk, soort: besluit.soort, besluitdatum: besluit.besluitdatum, bekendgemaakt: besluit.bekendgemaakt, bedragen };
}

function zelfdeBesluit(a: ContracteerruimtebesluitInvoer, b: ContracteerruimtebesluitInvoer): boolean {
  const regels = (x: ContracteerruimtebesluitInvoer) =>
    x.bedragen
      .map((r) => `${r.regio}|${r.jaar}|${r.bedrag}`)
      .sort()
      .join('\n');
  return a.soort === b.soort && a.besluitdatum === b.besluitdatum && a.bekendgemaakt === b.bekendgemaakt && regels(a) === regels(b);
}

/** Writes the checked besluiten in one transaction. */
export function writeContracteerruimteImport(db: Db, actor: Actor, besluiten: readonly ContracteerruimtebesluitInvoer[]): number {
  assertCan(actor, 'contracteerruimte.registreren');
  return writeTransaction(db, (tx) => {
    // Each besluit gets its own audit entry (insertContracteerruimtebesluit records it).
    for (const besluit of besluiten) insertContracteerruimtebesluit(tx as unknown as Db, actor, besluit);
    return besluiten.length;
  });
}

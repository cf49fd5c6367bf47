import { z } from 'zod';
import type { Actor } from '../actor/actor';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/verbinding';
import { writeTransaction } from '../db/transactie';
import { assertCan } from '../services/toegang/permissies';
import { nieuw, recordAudit } from '../services/gedeeld/auditService';
import { tariefbeschikkingen, zorgkantoorregios } from '../db/schema';
import { TARIEFBESCHIKKING_SOORTEN } from '../domain/besluiten/besluit';
import { datumInvoerVeld, jaarInvoerVeld, kenmerkVeld } from '../validation/besluitInvoer';
import { keuzeVeld, regioInvoerVeld } from '../validation/velden';
import { checkRegioInRij, loadRegioRegister } from '../services/regios/regioBeheer';
import { readImportRijen, type ImportVoorbeeld } from './importUitkomst';
import type { CsvTabel } from '../csv/csvLezen';
import type { KolomSoort } from '../csv/xlsxLezen';
import { insertClient, loadClienten } from '../services/zaken/clientService';

export const TARIEFBESCHIKKING_KOLOMMEN = ['kenmerk', 'kvk', 'zorgaanbieder', 'regio', 'jaar', 'soort', 'besluitdatum', 'bekendgemaakt'] as const;
/** How a spreadsheet's numbers in these columns are read (Excel date serials). */
export const TARIEFBESCHIKKING_KOLOM_SOORTEN: Readonly<Record<string, KolomSoort>> = { besluitdatum: 'datum', bekendgemaakt: 'datum' };

const rijSchema = z.object({
  kenmerk: kenmerkVeld(),
  kvk: z.string().regex(/^\d{8}$/, { error: (iss) => `${JSON.stringify(iss.input)} is geen KvK-nummer van 8 cijfers` }),
  zorgaanbieder: z.string().max(200, { error: 'is te lang (meer dan 200 tekens)' }),
  regio: regioInvoerVeld(),
  jaar: jaarInvoerVeld(),
  soort: keuzeVeld(TARIEFBESCHIKKING_SOORTEN, 'soort'),
  besluitdatum: datumInvoerVeld(),
  bekendgemaakt: datumInvoerVeld(),
});
export type TariefbeschikkingImportRij = z.output<typeof rijSchema>;

/**
 * Checks a table of tariefbeschikkingen (CSV or worksheet) without writing. Zorgaanbieders it names for the first time (by KvK) are listed in
 * `nieuweZorgaanbieders`: they become clients of the organisation only when the user confirms them on import.
 */
export function previewTariefbeschikkingImport(db: Db, actor: Actor, tabel: CsvTabel, vandaag?: string): ImportVoorbeeld<TariefbeschikkingImportRij> {
  const { rijen, fouten, aantalRijen } = readImportRijen(tabel, rijSchema, (waarden) => checkRegioInRij(db, waarden));
  const regios = new Map(
    db
      .select({ id: zorgkantoorregios.id, naam: zorgkantoorregios.naam })
      .from(zorgkantoorregios)
      .all()
      .map((r) => [r.id, r.naam]),
  );
  // The organisation's own records only (issue 28): another organisation's client or kenmerk is no concern here.
  const bestaand = new Map(
    db
      .select()
      .from(tariefbeschikkingen)
      .where(eq(tariefbeschikkingen.organisatieId, actor.organisatieId))
      .all()
      .map((t) => [t.kenmerk, t]),
  );
  const aanbieders = new Map(loadClienten(db, actor).map((z) => [z.kvkNummer, z]));
  const aanbiederKvk = new Map([...aanbieders.values()].map((z) => [z.id, z.kvkNummer]));

  const nieuw: TariefbeschikkingImportRij[] = [];
  const ongewijzigd: string[] = [];
  const inBestand = new Map<string, number>();
  for (const { regel, rij } of rijen) {
    const eerder = inBestand.get(rij.kenmerk);
    if (eerder !== undefined) {
      fouten.push({ rij: regel, veld: 'kenmerk', melding: `${rij.kenmerk} staat al op rij ${eerder}` });
      continue;
    }
    inBestand.set(rij.kenmerk, regel);
    // The live division's name (the check of readImportRijen found it).
    rij.regio = loadRegioRegister(db).find(rij.regio)!.naam;
    if (rij.bekendgemaakt < rij.besluitdatum) {
      fouten.push({ rij: regel, veld: 'bekendgemaakt', melding: 'de bekendmaking kan niet vóór de besluitdatum liggen' });
      continue;
    }
    if (vandaag && rij.bekendgemaakt > vandaag) {
      fouten.push({
        rij: regel,
        veld: 'bekendgemaakt',
        melding: 'de datum van bekendmaking ligt na vandaag: registreer een besluit pas als het is bekendgemaakt',
      });
      continue;
    }
    if (!aanbieders.has(rij.kvk) && !rij.zorgaanbieder.trim()) {
      fouten.push({ rij: regel, veld: 'zorgaanbieder', melding: `KvK-nummer ${rij.kvk} is nieuw: vul de naam van de zorgaanbieder in` });
      continue;
    }
    const oud = bestaand.get(rij.kenmerk);
    if (!oud) {
      nieuw.push(rij);
      continue;
    }
    const zelfde =
      aanbiederKvk.get(oud.zorgaanbiederId) === rij.kvk &&
      regios.get(oud.regioId) === rij.regio &&
      oud.jaar === rij.jaar &&
      oud.soort === rij.soort &&
      oud.besluitdatum === rij.besluitdatum &&
      oud.bekendgemaakt === rij.bekendgemaakt;
    if (zelfde) ongewijzigd.push(rij.kenmerk);
    else fouten.push({ rij: regel, veld: 'kenmerk', melding: `${rij.kenmerk} bestaat al met andere gegevens; wijzig de datum via het besluit zelf` });
  }
  const nieuweZorgaanbieders = new Map<string, string>();
  for (const rij of nieuw) if (!aanbieders.has(rij.kvk) && !nieuweZorgaanbieders.has(rij.kvk)) nieuweZorgaanbieders.set(rij.kvk, rij.zorgaanbieder.trim());
  return {
    nieuw,
    ongewijzigd,
    fouten: fouten.sort((a, b) => a.rij - b.rij),
    aantalRijen,
    nieuweZorgaanbieders: [...nieuweZorgaanbieders].map(([kvk, naam]) => ({ kvk, naam })),
  };
}

/**
 * Writes the checked rows in one transaction. A zorgaanbieder not yet known is created (with the actor's
 * representation of it) only when its KvK is among the ones the user confirmed; otherwise nothing is written.
 */
export function writeTariefbeschikkingImport(
  db: Db,
  actor: Actor,
  rijen: readonly TariefbeschikkingImportRij[],
  bevestigdeNieuweKvks: ReadonlySet<string> = new Set(),
): number {
  assertCan(actor, 'tariefbeschikking.registreren');
  return writeTransaction(db, (tx) => {
    const regios = new Map(
      tx
        .select({ id: zorgkantoorregios.id, naam: zorgkantoorregios.naam })
        .from(zorgkantoorregios)
        .all()
        .map((r) => [r.naam, r.id]),
    );
    const aanbieders = new Map(loadClienten(tx, actor).map((z) => [z.kvkNummer, z.id]));
    const insert = tx.insert(tariefbeschikkingen);
    for (const rij of rijen) {
      let zorgaanbiederId = aanbieders.get(rij.kvk);
      if (zorgaanbiederId === undefined) {
        if (!bevestigdeNieuweKvks.has(rij.kvk)) throw new Error(`new zorgaanbieder ${rij.kvk} not confirmed by the user`);
        // The one way a client record is made: cleaned name, audited (clientService).
        zorgaanbiederId = insertClient(tx, actor, { naam: rij.zorgaanbieder, kvk: rij.kvk });
        aanbieders.set(rij.kvk, zorgaanbiederId);
      }
      const { id } = insert
        .values({
          kenmerk: rij.kenmerk,
          zorgaanbiederId,
          regioId: regios.get(rij.regio)!,
          jaar: rij.jaar,
          soort: rij.soort,
          besluitdatum: rij.besluitdatum,
          bekendgemaakt: rij.bekendgemaakt,
          geregistreerdDoor: actor.organisatieId,
          organisatieId: actor.organisatieId,
        })
        .returning({ id: tariefbeschikkingen.id })
        .get();
      recordAudit(tx, actor, {
        actie: 'tariefbeschikking geïmporteerd',
        onderwerp: 'tariefbeschikking',
        onderwerpId: id,
        wijzigingen: nieuw({
          kenmerk: rij.kenmerk,
          zorgaanbieder: rij.kvk,
          regio: rij.regio,
          jaar: rij.jaar,
          soort: rij.soort,
          besluitdatum: rij.besluitdatum,
          bekendgemaakt: rij.bekendgemaakt,
        }),
      });
    }
    return rijen.length;
  });
}

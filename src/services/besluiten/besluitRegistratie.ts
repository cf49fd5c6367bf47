import { formatDatumKort, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { contracteerruimtebedragen, contracteerruimtebesluiten, tariefbeschikkingen } from '../../db/schema';
import type { ContracteerruimtebesluitInvoer, TariefbeschikkingInvoer } from '../../validation/besluitInvoer';
import { assertCan, can } from '../toegang/permissies';
import { diff, nieuw, recordAudit } from '../gedeeld/auditService';
import { InvoerFout, writeRegistratie, type Registratie } from '../gedeeld/invoerFout';
import { resolveRegio } from '../regios/regioBeheer';
import { findClientOpKvk } from '../zaken/clientService';
import { formatEuro } from '../../domain/bedragen/euro';

export function insertContracteerruimtebesluit(tx: Pick<Db, 'select' | 'insert'>, actor: Actor, invoer: ContracteerruimtebesluitInvoer): number {
  assertCan(actor, 'contracteerruimte.registreren');
  const bestaand = tx
    .select({ id: contracteerruimtebesluiten.id })
    .from(contracteerruimtebesluiten)
    .where(and(eq(contracteerruimtebesluiten.uitgever, 'NZa'), eq(contracteerruimtebesluiten.kenmerk, invoer.kenmerk)))
    .get();
  if (bestaand) throw new InvoerFout([{ veld: 'kenmerk', melding: `er is al een contracteerruimtebesluit met kenmerk ${invoer.kenmerk}` }]);
  const { id } = tx
    .insert(contracteerruimtebesluiten)
    .values({
      kenmerk: invoer.kenmerk,
      soort: invoer.soort,
      besluitdatum: invoer.besluitdatum,
      bekendgemaakt: invoer.bekendgemaakt,
      geregistreerdDoor: actor.organisatieId,
    })
    .returning({ id: contracteerruimtebesluiten.id })
    .get();
  tx.insert(contracteerruimtebedragen)
    .values(
      invoer.bedragen.map((b, i) => ({
        besluitId: id,
        regioId: resolveRegio(tx, b.regio, b.jaar, `bedragen[${i}].regio`).id,
        jaar: b.jaar,
        bedragCenten: b.bedrag,
      })),
    )
    .run();
  recordAudit(tx, actor, {
    actie: 'contracteerruimtebesluit geregistreerd',
    onderwerp: 'contracteerruimtebesluit',
    onderwerpId: id,
    wijzigingen: nieuw({
      kenmerk: invoer.kenmerk,
      soort: invoer.soort,
      besluitdatum: invoer.besluitdatum,
      bekendgemaakt: invoer.bekendgemaakt,
      bedragen: invoer.bedragen.map((b) => `${b.regio} ${b.jaar}: ${formatEuro(b.bedrag)}`).join(', '),
    }),
  });
  return id;
}

export function insertTariefbeschikking(tx: Pick<Db, 'select' | 'insert'>, actor: Actor, invoer: TariefbeschikkingInvoer): number {
  assertCan(actor, 'tariefbeschikking.registreren');
  const zorgaanbieder = findClientOpKvk(tx, actor, invoer.zorgaanbieder);
  if (!zorgaanbieder) {
    throw new InvoerFout([{ veld: 'zorgaanbieder', melding: `uw organisatie treedt niet op voor een zorgaanbieder met KvK-nummer ${invoer.zorgaanbieder}` }]);
  }
  const bestaand = tx
    .select({ id: tariefbeschikkingen.id })
    .from(tariefbeschikkingen)
    .where(
      and(eq(tariefbeschikkingen.organisatieId, actor.organisatieId), eq(tariefbeschikkingen.uitgever, 'NZa'), eq(tariefbeschikkingen.kenmerk, invoer.kenmerk)),
    )
    .get();
  if (bestaand) throw new InvoerFout([{ veld: 'kenmerk', melding: `uw organisatie heeft al een tariefbeschikking met kenmerk ${invoer.kenmerk}` }]);
  const id = tx
    .insert(tariefbeschikkingen)
    .values({
      kenmerk: invoer.kenmerk,
      zorgaanbiederId: zorgaanbieder.id,
      regioId: resolveRegio(tx, invoer.regio, invoer.jaar, 'regio').id,
      jaar: invoer.jaar,
      soort: invoer.soort,
      besluitdatum: invoer.besluitdatum,
      bekendgemaakt: invoer.bekendgemaakt,
      geregistreerdDoor: actor.organisatieId,
      organisatieId: actor.organisatieId,
    })
    .returning({ id: tariefbeschikkingen.id })
    .get().id;
  recordAudit(tx, actor, {
    actie: 'tariefbeschikking geregistreerd',
    onderwerp: 'tariefbeschikking',
    onderwerpId: id,
    wijzigingen: nieuw({
      kenmerk: invoer.kenmerk,
      zorgaanbieder: zorgaanbieder.naam,
      regio: invoer.regio,
      jaar: invoer.jaar,
      soort: invoer.soort,
      besluitdatum: invoer.besluitdatum,
      bekendgemaakt: invoer.bekendgemaakt,
    }),
  });
  return id;
}

export interface BesluitDatums {
  type: 'contracteerruimte' | 'tariefbeschikking';
  id: number;
  kenmerk: string;
  besluitdatum: string;
  bekendgemaakt: string;
  /** The owner of a tariefbeschikking; null for a contracteerruimtebesluit (public, the NZa's). */
  eigenaar: number | null;
  /** Whether this actor may change it (permissies.ts decides). */
  wijzigbaar: boolean;
}

/**
 * A decision the actor can see: a contracteerruimtebesluit (public, the same for everyone), or one of its
 * organisation's own tariefbeschikkingen. `wijzigbaar` says whether the actor may change it.
 */
export function findBesluitVoorActor(db: Db, actor: Actor, type: string, id: number): BesluitDatums | undefined {
  const metRecht = (b: Omit<BesluitDatums, 'wijzigbaar'>): BesluitDatums => ({
    ...b,
    wijzigbaar: can(actor, 'besluit.wijzigen', { soort: 'besluit', type: b.type, eigenaar: b.eigenaar }),
  });
  if (type === 'contracteerruimte') {
    const b = db.select().from(contracteerruimtebesluiten).where(eq(contracteerruimtebesluiten.id, id)).get();
    return b ? metRecht({ type, id, kenmerk: b.kenmerk, besluitdatum: b.besluitdatum, bekendgemaakt: b.bekendgemaakt, eigenaar: null }) : undefined;
  }
  if (type !== 'tariefbeschikking') return undefined;
  const b = db
    .select()
    .from(tariefbeschikkingen)
    .where(and(eq(tariefbeschikkingen.id, id), eq(tariefbeschikkingen.organisatieId, actor.organisatieId)))
    .get();
  return b ? metRecht({ type, id, kenmerk: b.kenmerk, besluitdatum: b.besluitdatum, bekendgemaakt: b.bekendgemaakt, eigenaar: b.organisatieId }) : undefined;
}

/** New dates for a decision found by findBesluitVoorActor; every dependent term follows at the next read. */
export function updateBesluitDatums(
  db: Db,
  actor: Actor,
  besluit: BesluitDatums,
  datums: { besluitdatum: string; bekendgemaakt: string },
  vandaag: IsoDatum,
): Registratie {
  assertCan(actor, 'besluit.wijzigen', { soort: 'besluit', type: besluit.type, eigenaar: besluit.eigenaar });
  return writeRegistratie(db, (tx) => {
    refuseToekomstigeDatums(datums, vandaag);
    const tabel = besluit.type === 'contracteerruimte' ? contracteerruimtebesluiten : tariefbeschikkingen;
    const voor = tx.select({ besluitdatum: tabel.besluitdatum, bekendgemaakt: tabel.bekendgemaakt }).from(tabel).where(eq(tabel.id, besluit.id)).get();
    const gewijzigd = tx.update(tabel).set(datums).where(eq(tabel.id, besluit.id)).run();
    if (!voor || gewijzigd.changes !== 1) throw new InvoerFout([{ veld: 'besluit', melding: 'het besluit is intussen verwijderd' }]);
    recordAudit(tx, actor, {
      actie: 'datums gewijzigd',
      onderwerp: besluit.type === 'contracteerruimte' ? 'contracteerruimtebesluit' : 'tariefbeschikking',
      onderwerpId: besluit.id,
      wijzigingen: diff(voor, datums),
      kenmerken: { kenmerk: besluit.kenmerk },
    });
    return besluit.id;
  });
}

/**
 * A decision is registered once it exists and was made known: a besluitdatum or bekendmaking after today is a typing
 * error (a future bekendmaking would start a term not yet running, or call a region-year onherroepelijk too early).
 */
export function refuseToekomstigeDatums(datums: { besluitdatum: string; bekendgemaakt: string }, vandaag: IsoDatum): void {
  const fouten = (['besluitdatum', 'bekendgemaakt'] as const)
    .filter((veld) => datums[veld] > vandaag)
    .map((veld) => ({
      veld,
      melding: `${veld === 'besluitdatum' ? 'de besluitdatum' : 'de datum van bekendmaking'} ligt na vandaag (${formatDatumKort(vandaag)}): registreer een besluit pas als het is ${veld === 'besluitdatum' ? 'genomen' : 'bekendgemaakt'}`,
    }));
  if (fouten.length) throw new InvoerFout(fouten);
}

export function createContracteerruimtebesluit(db: Db, actor: Actor, invoer: ContracteerruimtebesluitInvoer, vandaag: IsoDatum): Registratie {
  assertCan(actor, 'contracteerruimte.registreren');
  return writeRegistratie(db, (tx) => {
    refuseToekomstigeDatums(invoer, vandaag);
    return insertContracteerruimtebesluit(tx, actor, invoer);
  });
}

export function createTariefbeschikking(db: Db, actor: Actor, invoer: TariefbeschikkingInvoer, vandaag: IsoDatum): Registratie {
  assertCan(actor, 'tariefbeschikking.registreren');
  return writeRegistratie(db, (tx) => {
    refuseToekomstigeDatums(invoer, vandaag);
    return insertTariefbeschikking(tx, actor, invoer);
  });
}

import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { contracteerruimtebedragen, contracteerruimtebesluiten, ontvangenBeroepen, tariefbeschikkingen, zorgkantoorregios } from '../../db/schema';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import { formatDatumKort } from '../../domain/kalender/kalenderdatum';
import type { OntvangenBeroepInvoer } from '../../validation/besluitInvoer';
import { cleanNaam } from '../../validation/velden';
import { diff, nieuw, recordAudit } from '../gedeeld/auditService';
import { writeRegistratie, type Registratie, InvoerFout } from '../gedeeld/invoerFout';
import { assertCan } from '../toegang/permissies';
import { resolveRegio } from '../regios/regioBeheer';

/**
 * The beroepen the NZa registered as received from the CBb (issue 28.1): the only source of the pending beroepen in its
 * workspace and of its region-year statuses. The NZa is the opposing party: it learns of a beroep from the CBb's
 * notice, never from a firm's case file.
 */
export interface OntvangenBeroep {
  id: number;
  cbbZaaknummer: string;
  appellant: string;
  regio: string;
  jaar: number;
  tegen: string;
  ingesteld: IsoDatum;
  afgerond: IsoDatum | null;
}

export function listOntvangenBeroepen(db: Db, actor: Actor): OntvangenBeroep[] {
  assertCan(actor, 'werkruimte.lezen');
  return db
    .select({
      id: ontvangenBeroepen.id,
      cbbZaaknummer: ontvangenBeroepen.cbbZaaknummer,
      appellant: ontvangenBeroepen.appellant,
      regio: zorgkantoorregios.naam,
      jaar: ontvangenBeroepen.jaar,
      crKenmerk: contracteerruimtebesluiten.kenmerk,
      tbKenmerk: tariefbeschikkingen.kenmerk,
      ingesteld: ontvangenBeroepen.ingesteld,
      afgerond: ontvangenBeroepen.afgerond,
    })
    .from(ontvangenBeroepen)
    .innerJoin(zorgkantoorregios, eq(ontvangenBeroepen.regioId, zorgkantoorregios.id))
    .leftJoin(contracteerruimtebesluiten, eq(ontvangenBeroepen.contracteerruimtebesluitId, contracteerruimtebesluiten.id))
    .leftJoin(tariefbeschikkingen, eq(ontvangenBeroepen.tariefbeschikkingId, tariefbeschikkingen.id))
    .where(eq(ontvangenBeroepen.organisatieId, actor.organisatieId))
    .orderBy(desc(ontvangenBeroepen.ingesteld), desc(ontvangenBeroepen.id))
    .all()
    .map(({ crKenmerk, tbKenmerk, ...b }) => ({ ...b, tegen: (crKenmerk ?? tbKenmerk)! }));
}

/**
 * Registers a received beroep. What it is against must be a besluit the NZa's engine knows for that region and year:
 * a contracteerruimtebesluit fixing (regio, jaar), or one of the NZa's own tariefbeschikkingen of that cell (art. 105
 * lid 2 Wmg). A zaaknummer is registered once; a filing day after today is a typing error.
 */
export function registerOntvangenBeroep(db: Db, actor: Actor, invoer: OntvangenBeroepInvoer, vandaag: IsoDatum): Registratie {
  assertCan(actor, 'beroep.ontvangstRegistreren');
  return writeRegistratie(db, (tx) => {
    const regio = resolveRegio(tx, invoer.regio, invoer.jaar, 'regio');
    const appellant = cleanNaam(invoer.appellant).naam;
    const fouten: { veld: string; melding: string }[] = [];
    if (!appellant) fouten.push({ veld: 'appellant', melding: 'vul de appellant in zoals de mededeling van het CBb die noemt' });
    if (invoer.ingesteld > vandaag) fouten.push({ veld: 'ingesteld', melding: `de datum van ontvangst ligt na vandaag (${formatDatumKort(vandaag)})` });
    const dubbel = tx
      .select({ id: ontvangenBeroepen.id })
      .from(ontvangenBeroepen)
      .where(and(eq(ontvangenBeroepen.organisatieId, actor.organisatieId), eq(ontvangenBeroepen.cbbZaaknummer, invoer.cbbZaaknummer)))
      .get();
    if (dubbel) fouten.push({ veld: 'cbbZaaknummer', melding: `zaaknummer ${invoer.cbbZaaknummer} is al geregistreerd` });
    const cr = tx
      .select({ id: contracteerruimtebesluiten.id })
      .from(contracteerruimtebedragen)
      .innerJoin(contracteerruimtebesluiten, eq(contracteerruimtebedragen.besluitId, contracteerruimtebesluiten.id))
      .where(
        and(
          eq(contracteerruimtebesluiten.kenmerk, invoer.tegen),
          eq(contracteerruimtebedragen.regioId, regio.id),
          eq(contracteerruimtebedragen.jaar, invoer.jaar),
        ),
      )
      .get();
    const tb = cr
      ? undefined
      : tx
          .select({ id: tariefbeschikkingen.id, soort: tariefbeschikkingen.soort })
          .from(tariefbeschikkingen)
          .where(
            and(
              eq(tariefbeschikkingen.organisatieId, actor.organisatieId),
              eq(tariefbeschikkingen.kenmerk, invoer.tegen),
              eq(tariefbeschikkingen.regioId, regio.id),
              eq(tariefbeschikkingen.jaar, invoer.jaar),
            ),
          )
          .get();
    if (!cr && !tb)
      fouten.push({
        veld: 'tegen',
        melding: `${invoer.tegen} is geen contracteerruimtebesluit voor ${regio.naam} ${invoer.jaar} en geen tariefbeschikking van de NZa in die regio en dat jaar`,
      });
    if (fouten.length) throw new InvoerFout(fouten);
    const waarden = {
      cbbZaaknummer: invoer.cbbZaaknummer,
      appellant,
      regioId: regio.id,
      jaar: invoer.jaar,
      contracteerruimtebesluitId: cr?.id ?? null,
      tariefbeschikkingId: tb?.id ?? null,
      ingesteld: invoer.ingesteld,
    };
    const { id } = tx
      .insert(ontvangenBeroepen)
      .values({ ...waarden, organisatieId: actor.organisatieId })
      .returning({ id: ontvangenBeroepen.id })
      .get();
    recordAudit(tx, actor, {
      actie: 'ontvangen beroep geregistreerd',
      onderwerp: 'ontvangen beroep',
      onderwerpId: id,
      wijzigingen: nieuw({
        cbbZaaknummer: invoer.cbbZaaknummer,
        appellant,
        regio: regio.naam,
        jaar: invoer.jaar,
        tegen: invoer.tegen,
        ingesteld: invoer.ingesteld,
      }),
    });
    return id;
  });
}

/** The CBb decided a received beroep: from that day it no longer holds the region-year open (art. 105 lid 4 Wmg). */
export function recordOntvangenBeroepAfgerond(db: Db, actor: Actor, id: number, afgerond: IsoDatum, vandaag: IsoDatum): Registratie {
  assertCan(actor, 'beroep.ontvangstRegistreren');
  return writeRegistratie(db, (tx) => markOntvangenBeroepAfgerond(tx, actor, id, afgerond, vandaag));
}

/** Inside a write transaction (the form above, an accepted uitspraak from Rechtspraak): the beroep is decided. */
export function markOntvangenBeroepAfgerond(tx: Db, actor: Actor, id: number, afgerond: IsoDatum, vandaag: IsoDatum): number {
  assertCan(actor, 'beroep.ontvangstRegistreren');
  const voor = tx
    .select({ ingesteld: ontvangenBeroepen.ingesteld, afgerond: ontvangenBeroepen.afgerond, cbbZaaknummer: ontvangenBeroepen.cbbZaaknummer })
    .from(ontvangenBeroepen)
    .where(and(eq(ontvangenBeroepen.id, id), eq(ontvangenBeroepen.organisatieId, actor.organisatieId)))
    .get();
  if (!voor) throw new InvoerFout([{ veld: 'id', melding: 'dit beroep is niet geregistreerd' }]);
  if (afgerond < voor.ingesteld) throw new InvoerFout([{ veld: 'afgerond', melding: 'de uitspraak kan niet vóór de ontvangst van het beroep liggen' }]);
  if (afgerond > vandaag) throw new InvoerFout([{ veld: 'afgerond', melding: `de datum van de uitspraak ligt na vandaag (${formatDatumKort(vandaag)})` }]);
  tx.update(ontvangenBeroepen).set({ afgerond }).where(eq(ontvangenBeroepen.id, id)).run();
  recordAudit(tx, actor, {
    actie: 'ontvangen beroep afgerond',
    onderwerp: 'ontvangen beroep',
    onderwerpId: id,
    wijzigingen: diff({ afgerond: voor.afgerond }, { afgerond }),
    kenmerken: { cbbZaaknummer: voor.cbbZaaknummer },
  });
  return id;
}

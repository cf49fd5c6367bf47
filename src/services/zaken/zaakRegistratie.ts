import { loadRegioRegister } from '../regios/regioBeheer';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import {
  contracteerruimtebedragen,
  contracteerruimtebesluiten,
  gebruikers,
  tariefbeschikkingen,
  zaakgebeurtenissen,
  zaken,
  zorgkantoorregios,
} from '../../db/schema';
import { formatDatumKort, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import { InvoerFout, writeRegistratie, type Registratie } from '../gedeeld/invoerFout';
import { findClient } from './clientService';
import { assertCan, can } from '../toegang/permissies';
import { diff, nieuw, recordAudit } from '../gedeeld/auditService';
import { loadZaak, type ZaakOverzichtRij } from './zaakOverzicht';

function addGebeurtenis(tx: Db, zaakId: number, actor: Actor, datum: IsoDatum, omschrijving: string): void {
  tx.insert(zaakgebeurtenissen).values({ zaakId, datum, omschrijving, gebruikerId: actor.gebruikerId }).run();
}

export type ZaakOpenen =
  | { soort: 'beroep' | 'bezwaar'; tariefbeschikkingId: number }
  | { soort: 'beroep' | 'bezwaar'; contracteerruimtebesluitId: number; regio: string; jaar: number; zorgaanbiederId: number };

export const GEEN_BEZWAAR_TEGEN_CONTRACTEERRUIMTE =
  'tegen een contracteerruimtebesluit staat geen bezwaar open (art. 7:1 Awb met Bijlage 1 Awb): stel rechtstreeks beroep in bij het CBb, ' +
  'binnen zes weken na de bekendmaking van de (gewijzigde) tariefbeschikking (art. 105 lid 2 Wmg) of, voor toekomstige jaren, vanaf 1 maart (art. 105 lid 3 Wmg)';

/**
 * Opens a case: bezwaar (NZa) against a tariefbeschikking, or beroep (CBb) against the contracteerruimte of one region
 * and year, via a tariefbeschikking (lid 2) or the contracteerruimtebesluit itself (lid 3). Impossible routes are refused
 * with the reason.
 */
export function openZaak(tx: Db, actor: Actor, invoer: ZaakOpenen, vandaag: IsoDatum): number {
  assertCan(actor, 'zaak.openen');
  let waarden: Partial<typeof zaken.$inferInsert>;
  let aanleiding: string;
  if ('tariefbeschikkingId' in invoer) {
    const tb = tx
      .select({
        id: tariefbeschikkingen.id,
        zorgaanbiederId: tariefbeschikkingen.zorgaanbiederId,
        regioId: tariefbeschikkingen.regioId,
        jaar: tariefbeschikkingen.jaar,
        kenmerk: tariefbeschikkingen.kenmerk,
        soort: tariefbeschikkingen.soort,
      })
      .from(tariefbeschikkingen)
      .where(and(eq(tariefbeschikkingen.id, invoer.tariefbeschikkingId), eq(tariefbeschikkingen.organisatieId, actor.organisatieId)))
      .get();
    if (!tb) throw new InvoerFout([{ veld: 'tariefbeschikkingId', melding: 'deze tariefbeschikking bestaat niet of is niet van uw organisatie' }]);
    if (invoer.soort === 'beroep' && tb.soort === 'sluittarief') {
      throw new InvoerFout([
        {
          veld: 'soort',
          melding:
            'een beschikking voor een Wlz-sluittarief in de nacalculatie opent geen beroep tegen de regionale contracteerruimte (art. 105 lid 2 Wmg); maak bezwaar tegen de beschikking zelf',
        },
      ]);
    }
    if (invoer.soort === 'beroep' && (tb.soort === 'nacalculatie' || tb.soort === 'vereffening')) {
      throw new InvoerFout([
        {
          veld: 'soort',
          melding:
            'deze beschikking bevat geen goedgekeurde productieafspraken en opent geen beroep tegen de regionale contracteerruimte (art. 105 lid 2 Wmg); maak bezwaar tegen de beschikking zelf',
        },
      ]);
    }
    waarden = { zorgaanbiederId: tb.zorgaanbiederId, tariefbeschikkingId: tb.id, ...(invoer.soort === 'beroep' ? { regioId: tb.regioId, jaar: tb.jaar } : {}) };
    aanleiding = tb.kenmerk;
  } else {
    if (invoer.soort === 'bezwaar') throw new InvoerFout([{ veld: 'soort', melding: GEEN_BEZWAAR_TEGEN_CONTRACTEERRUIMTE }]);
    const regel = tx
      .select({ kenmerk: contracteerruimtebesluiten.kenmerk, regioId: zorgkantoorregios.id })
      .from(contracteerruimtebedragen)
      .innerJoin(contracteerruimtebesluiten, eq(contracteerruimtebedragen.besluitId, contracteerruimtebesluiten.id))
      .innerJoin(zorgkantoorregios, eq(contracteerruimtebedragen.regioId, zorgkantoorregios.id))
      .where(
        and(
          eq(contracteerruimtebesluiten.id, invoer.contracteerruimtebesluitId),
          // By the live division: a region renamed since is still found by the name the case was opened with.
          eq(zorgkantoorregios.id, loadRegioRegister(tx).find(invoer.regio)?.id ?? -1),
          eq(contracteerruimtebedragen.jaar, invoer.jaar),
        ),
      )
      .get();
    if (!regel)
      throw new InvoerFout([
        { veld: 'contracteerruimtebesluitId', melding: `dit besluit stelt geen contracteerruimte vast voor ${invoer.regio} ${invoer.jaar}` },
      ]);
    // The appellant is the client, never the firm: a case against the contracteerruimte names the zorgaanbieder it is for.
    if (!findClient(tx, actor, invoer.zorgaanbiederId)) throw new InvoerFout([{ veld: 'zorgaanbiederId', melding: 'kies een cliënt van uw organisatie' }]);
    waarden = {
      contracteerruimtebesluitId: invoer.contracteerruimtebesluitId,
      regioId: regel.regioId,
      jaar: invoer.jaar,
      zorgaanbiederId: invoer.zorgaanbiederId,
    };
    aanleiding = regel.kenmerk;
  }
  const id = tx
    .insert(zaken)
    .values({ soort: invoer.soort, organisatieId: actor.organisatieId, verantwoordelijkeId: actor.gebruikerId, ...waarden })
    .returning({ id: zaken.id })
    .get().id;
  addGebeurtenis(tx, id, actor, vandaag, `Zaak geopend: ${invoer.soort} naar aanleiding van ${aanleiding}`);
  recordAudit(tx, actor, {
    actie: 'zaak geopend',
    onderwerp: 'zaak',
    onderwerpId: id,
    wijzigingen: nieuw({ soort: invoer.soort, besluit: aanleiding, verantwoordelijke: actor.naam, status: 'concept' }),
  });
  return id;
}

/** A date of something that happened (filed, decided, sent) cannot lie after today. */
function refuseToekomst(veld: string, datum: IsoDatum, vandaag: IsoDatum, wat: string): void {
  if (datum > vandaag) throw new InvoerFout([{ veld, melding: `${wat} ligt na vandaag (${formatDatumKort(vandaag)}); registreer het pas als het is gebeurd` }]);
}

export function recordIngesteld(
  tx: Db,
  actor: Actor,
  zaak: ZaakOverzichtRij,
  invoer: { ingesteld: IsoDatum; cbbZaaknummer?: string | undefined },
  vandaag: IsoDatum,
): void {
  if (zaak.status !== 'concept') throw new InvoerFout([{ veld: 'ingesteld', melding: 'deze zaak is al ingediend' }]);
  refuseToekomst('ingesteld', invoer.ingesteld, vandaag, 'de datum van indienen');
  if (invoer.cbbZaaknummer && zaak.soort !== 'beroep')
    throw new InvoerFout([{ veld: 'cbbZaaknummer', melding: 'een CBb-zaaknummer hoort alleen bij een beroep' }]);
  tx.update(zaken)
    .set({ status: 'ingediend', ingesteld: invoer.ingesteld, cbbZaaknummer: invoer.cbbZaaknummer ?? null })
    .where(eq(zaken.id, zaak.id))
    .run();
  addGebeurtenis(
    tx,
    zaak.id,
    actor,
    invoer.ingesteld,
    `${zaak.soort === 'beroep' ? 'Beroep' : 'Bezwaar'} ingesteld${invoer.cbbZaaknummer ? ` (CBb ${invoer.cbbZaaknummer})` : ''}`,
  );
  recordAudit(tx, actor, {
    actie: `${zaak.soort} ingesteld`,
    onderwerp: 'zaak',
    onderwerpId: zaak.id,
    wijzigingen: diff({ status: zaak.status, ingesteld: zaak.ingesteld, cbbZaaknummer: zaak.cbbZaaknummer } as Record<string, unknown>, {
      status: 'ingediend',
      ingesteld: invoer.ingesteld,
      cbbZaaknummer: invoer.cbbZaaknummer ?? null,
    }),
  });
}

/**
 * Undoes "beroep/bezwaar ingesteld" registered by mistake: the case is a concept again (its term and reminders run
 * again); the timeline and the audit log keep what was undone.
 */
export function undoIngesteld(tx: Db, actor: Actor, zaak: ZaakOverzichtRij, _invoer: Record<string, never>, vandaag: IsoDatum): void {
  if (zaak.status !== 'ingediend' || !zaak.ingesteld)
    throw new InvoerFout([
      {
        veld: 'ingesteld',
        melding: zaak.status === 'afgerond' ? 'de zaak is afgerond; een uitspraak maakt u hier niet ongedaan' : 'deze zaak is niet ingediend',
      },
    ]);
  tx.update(zaken).set({ status: 'concept', ingesteld: null, cbbZaaknummer: null }).where(eq(zaken.id, zaak.id)).run();
  addGebeurtenis(
    tx,
    zaak.id,
    actor,
    vandaag,
    `Registratie "${zaak.soort} ingesteld" ongedaan gemaakt (was: ingediend op ${formatDatumKort(zaak.ingesteld)}${zaak.cbbZaaknummer ? `, CBb ${zaak.cbbZaaknummer}` : ''})`,
  );
  recordAudit(tx, actor, {
    actie: `${zaak.soort} ingesteld ongedaan gemaakt`,
    onderwerp: 'zaak',
    onderwerpId: zaak.id,
    wijzigingen: diff({ status: zaak.status, ingesteld: zaak.ingesteld, cbbZaaknummer: zaak.cbbZaaknummer } as Record<string, unknown>, {
      status: 'concept',
      ingesteld: null,
      cbbZaaknummer: null,
    }),
  });
}

export function recordUitspraak(tx: Db, actor: Actor, zaak: ZaakOverzichtRij, invoer: { afgerond: IsoDatum; uitspraak: string }, vandaag: IsoDatum): void {
  if (zaak.status !== 'ingediend' || !zaak.ingesteld) throw new InvoerFout([{ veld: 'afgerond', melding: 'registreer eerst dat de zaak is ingediend' }]);
  refuseToekomst('afgerond', invoer.afgerond, vandaag, 'de datum van de uitspraak');
  if (invoer.afgerond < zaak.ingesteld) throw new InvoerFout([{ veld: 'afgerond', melding: 'de uitspraak kan niet vóór het instellen liggen' }]);
  tx.update(zaken).set({ status: 'afgerond', afgerond: invoer.afgerond, uitspraak: invoer.uitspraak }).where(eq(zaken.id, zaak.id)).run();
  addGebeurtenis(tx, zaak.id, actor, invoer.afgerond, `${zaak.soort === 'beroep' ? 'Uitspraak CBb' : 'Beslissing op bezwaar'}: ${invoer.uitspraak}`);
  recordAudit(tx, actor, {
    actie: 'uitspraak geregistreerd',
    onderwerp: 'zaak',
    onderwerpId: zaak.id,
    wijzigingen: diff({ status: zaak.status, afgerond: zaak.afgerond } as Record<string, unknown>, { status: 'afgerond', afgerond: invoer.afgerond }),
  });
}

export function saveNotities(
  tx: Db,
  actor: Actor,
  zaak: ZaakOverzichtRij,
  invoer: { notities: string; verantwoordelijkeId: number | null; herinneringsschema?: string | null },
): void {
  // Only a member of the case's own organisation can be made responsible (permissies.ts).
  if (invoer.verantwoordelijkeId !== null && invoer.verantwoordelijkeId !== zaak.verantwoordelijkeId) {
    const persoon = tx.select({ organisatieId: gebruikers.organisatieId }).from(gebruikers).where(eq(gebruikers.id, invoer.verantwoordelijkeId)).get();
    const resource = { soort: 'verantwoordelijke', zaakOrganisatieId: zaak.organisatieId, gebruikerOrganisatieId: persoon?.organisatieId ?? -1 } as const;
    if (!can(actor, 'zaak.verantwoordelijke', resource)) {
      throw new InvoerFout([{ veld: 'verantwoordelijkeId', melding: 'kies een collega uit de organisatie van deze zaak' }]);
    }
  }
  const naamVan = (id: number | null) =>
    id === null ? null : (tx.select({ naam: gebruikers.naam }).from(gebruikers).where(eq(gebruikers.id, id)).get()?.naam ?? null);
  const vorigeNotities = tx.select({ notities: zaken.notities, herinneringsschema: zaken.herinneringsschema }).from(zaken).where(eq(zaken.id, zaak.id)).get()!;
  recordAudit(tx, actor, {
    actie: 'notities en verantwoordelijke opgeslagen',
    onderwerp: 'zaak',
    onderwerpId: zaak.id,
    wijzigingen: {
      ...diff({ verantwoordelijke: naamVan(zaak.verantwoordelijkeId) } as Record<string, unknown>, { verantwoordelijke: naamVan(invoer.verantwoordelijkeId) }),
      ...(invoer.herinneringsschema !== undefined
        ? diff({ herinneringsschema: vorigeNotities.herinneringsschema } as Record<string, unknown>, { herinneringsschema: invoer.herinneringsschema })
        : {}),
      // Before and after (issue 28.4), as for every other change.
      ...diff({ notities: vorigeNotities.notities } as Record<string, unknown>, { notities: invoer.notities }),
    },
  });
  tx.update(zaken)
    .set({
      notities: invoer.notities,
      verantwoordelijkeId: invoer.verantwoordelijkeId,
      ...(invoer.herinneringsschema !== undefined ? { herinneringsschema: invoer.herinneringsschema } : {}),
    })
    .where(eq(zaken.id, zaak.id))
    .run();
}

export function recordGriffierecht(tx: Db, _actor: Actor, zaak: ZaakOverzichtRij, invoer: { griffierechtMededeling: IsoDatum }, vandaag: IsoDatum): void {
  if (zaak.soort !== 'beroep') throw new InvoerFout([{ veld: 'griffierechtMededeling', melding: 'griffierecht hoort bij een beroep' }]);
  refuseToekomst('griffierechtMededeling', invoer.griffierechtMededeling, vandaag, 'de datum van de mededeling');
  tx.update(zaken).set({ griffierechtMededeling: invoer.griffierechtMededeling }).where(eq(zaken.id, zaak.id)).run();
  recordAudit(tx, _actor, {
    actie: 'griffierecht-mededeling geregistreerd',
    onderwerp: 'zaak',
    onderwerpId: zaak.id,
    wijzigingen: diff({ griffierechtMededeling: zaak.griffierechtMededeling } as Record<string, unknown>, {
      griffierechtMededeling: invoer.griffierechtMededeling,
    }),
  });
}

/** The actions on an open case, by the name in their URL (POST /zaken/:id/<naam>). */
export const ZAAK_ACTIES = {
  ingesteld: recordIngesteld,
  'ingesteld-ongedaan': undoIngesteld,
  uitspraak: recordUitspraak,
  notities: saveNotities,
  griffierecht: recordGriffierecht,
} as const;
export type ZaakActie = keyof typeof ZAAK_ACTIES;

/** One action on a case with its input, as writeZaakWijzigingen takes them. */
export type ZaakWijziging = { [N in ZaakActie]: { naam: N; invoer: Parameters<(typeof ZAAK_ACTIES)[N]>[3] } }[ZaakActie];

/** Runs one action on a case (loaded for this actor, so within its scope) through the one write path. */
export function writeZaakActie<N extends ZaakActie>(
  db: Db,
  actor: Actor,
  zaak: ZaakOverzichtRij,
  naam: N,
  invoer: Parameters<(typeof ZAAK_ACTIES)[N]>[3],
  vandaag: IsoDatum,
): Registratie {
  return writeZaakWijzigingen(db, actor, zaak, [{ naam, invoer } as ZaakWijziging], vandaag);
}

/**
 * Runs several actions on a case in one transaction (the API's PATCH, issue 32.2): each sees the case as the previous
 * one left it, and any refusal rolls all of them back.
 */
export function writeZaakWijzigingen(db: Db, actor: Actor, zaak: ZaakOverzichtRij, wijzigingen: readonly ZaakWijziging[], vandaag: IsoDatum): Registratie {
  assertCan(actor, 'zaak.wijzigen', { soort: 'zaak', organisatieId: zaak.organisatieId });
  return writeRegistratie(db, (tx) => {
    let huidig = zaak;
    for (const w of wijzigingen) {
      (ZAAK_ACTIES[w.naam] as (tx: Db, actor: Actor, zaak: ZaakOverzichtRij, invoer: unknown, vandaag: IsoDatum) => void)(tx, actor, huidig, w.invoer, vandaag);
      huidig = loadZaak(tx, actor, zaak.id) ?? huidig;
    }
    return zaak.id;
  });
}

/** Opens a case through the one write path. */
export function createZaak(db: Db, actor: Actor, invoer: ZaakOpenen, vandaag: IsoDatum): Registratie {
  assertCan(actor, 'zaak.openen');
  return writeRegistratie(db, (tx) => openZaak(tx, actor, invoer, vandaag));
}

import { and, desc, eq, max } from 'drizzle-orm';
import type { Actor } from '../actor/actor';
import type { Db } from '../db/verbinding';
import { writeTransaction } from '../db/transactie';
import { gebruikers, organisaties, zaakdocumenten, zaakgebeurtenissen, zaken, zorgaanbieders } from '../db/schema';
import type { FilingRenderer } from '../documents/filingRenderer';
import { checkArt65, FILINGS, type FilingSoort, type Ontbrekend } from '../domain/filings/filingSoorten';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import { buildFilingGegevens, type FilingGegevens } from './filingGegevens';
import type { TermijnService } from './termijnService';
import type { ZaakOverzichtRij } from './zaakRegistratie';
import { assertCan } from './permissies';
import { recordAudit } from './auditService';

export type FilingVoorbereiding =
  { soort: 'geweigerd'; reden: string; alternatief?: FilingSoort } | { soort: 'gereed'; gegevens: FilingGegevens; ontbrekend: Ontbrekend[] };

export interface FilingOpties {
  dagtekening: IsoDatum;
  vandaag: IsoDatum;
  samenhang: boolean;
}

export function prepareFiling(
  db: Db,
  termijnen: TermijnService,
  actor: Actor,
  zaak: ZaakOverzichtRij,
  soort: FilingSoort,
  opties: FilingOpties,
): FilingVoorbereiding {
  const gegevens = buildFilingGegevens(db, termijnen, actor, zaak, soort, opties);
  if ('geweigerd' in gegevens) return { soort: 'geweigerd', reden: gegevens.reden, ...(gegevens.alternatief ? { alternatief: gegevens.alternatief } : {}) };
  return { soort: 'gereed', gegevens, ontbrekend: checkArt65(soort, gegevens) };
}

export type FilingResultaat = { ok: true; id: number; versie: number } | { ok: false; voorbereiding: FilingVoorbereiding };

/** Generates the .docx and stores it as the next version of this filing in the case, with the data it used. */
export async function generateFiling(
  db: Db,
  termijnen: TermijnService,
  renderer: FilingRenderer,
  actor: Actor,
  zaak: ZaakOverzichtRij,
  soort: FilingSoort,
  opties: FilingOpties,
): Promise<FilingResultaat> {
  assertCan(actor, 'zaak.wijzigen', { soort: 'zaak', organisatieId: zaak.organisatieId });
  const voorbereiding = prepareFiling(db, termijnen, actor, zaak, soort, opties);
  if (voorbereiding.soort === 'geweigerd' || voorbereiding.ontbrekend.length > 0) return { ok: false, voorbereiding };
  const { gegevens } = voorbereiding;
  const logo = db.select({ logo: organisaties.logoPng }).from(organisaties).where(eq(organisaties.id, actor.organisatieId)).get()?.logo ?? null;
  const docx = await renderer.renderDocx(gegevens, logo);
  return writeTransaction(db, (tx) => {
    const vorige = tx
      .select({ versie: max(zaakdocumenten.versie) })
      .from(zaakdocumenten)
      .where(and(eq(zaakdocumenten.zaakId, zaak.id), eq(zaakdocumenten.soort, soort)))
      .get();
    const versie = (vorige?.versie ?? 0) + 1;
    const { id } = tx
      .insert(zaakdocumenten)
      .values({
        zaakId: zaak.id,
        soort,
        versie,
        sjabloonVersie: FILINGS[soort].sjabloonVersie,
        gemaaktDoor: actor.gebruikerId,
        gegevensJson: JSON.stringify(gegevens),
        bestandsnaam: `${soort}-zaak-${zaak.id}-v${versie}.docx`,
        docx,
      })
      .returning({ id: zaakdocumenten.id })
      .get();
    tx.insert(zaakgebeurtenissen)
      .values({ zaakId: zaak.id, datum: opties.vandaag, omschrijving: `${FILINGS[soort].titel} opgesteld (versie ${versie})`, gebruikerId: actor.gebruikerId })
      .run();
    recordAudit(tx, actor, { actie: `${FILINGS[soort].titel} opgesteld`, onderwerp: 'zaak', onderwerpId: zaak.id, wijzigingen: { stuk: soort, versie } });
    return { ok: true as const, id, versie };
  });
}

export function loadZaakdocumenten(db: Db, zaakId: number) {
  return db
    .select({
      id: zaakdocumenten.id,
      soort: zaakdocumenten.soort,
      versie: zaakdocumenten.versie,
      sjabloonVersie: zaakdocumenten.sjabloonVersie,
      door: gebruikers.naam,
      op: zaakdocumenten.aangemaaktOp,
      bestandsnaam: zaakdocumenten.bestandsnaam,
    })
    .from(zaakdocumenten)
    .innerJoin(gebruikers, eq(zaakdocumenten.gemaaktDoor, gebruikers.id))
    .where(eq(zaakdocumenten.zaakId, zaakId))
    .orderBy(desc(zaakdocumenten.id))
    .all();
}

export function loadZaakdocument(db: Db, zaakId: number, documentId: number) {
  return db
    .select()
    .from(zaakdocumenten)
    .where(and(eq(zaakdocumenten.zaakId, zaakId), eq(zaakdocumenten.id, documentId)))
    .get();
}

/** The case's own texts for a filing: grounds and urgency, as last saved. */
export function loadZaakTeksten(db: Db, zaak: ZaakOverzichtRij): { gronden: string | null; spoedeisendBelang: string | null } {
  return db.select({ gronden: zaken.gronden, spoedeisendBelang: zaken.spoedeisendBelang }).from(zaken).where(eq(zaken.id, zaak.id)).get()!;
}

export interface FilingAanvulling {
  indienerAdres?: string | undefined;
  indienerPostcode?: string | undefined;
  indienerPlaats?: string | undefined;
  gronden?: string | undefined;
  spoedeisendBelang?: string | undefined;
}

/** Art. 6:5 Awb: what was missing, saved with the case (grounds, urgency) and its zorgaanbieder (address). */
export function writeFilingAanvulling(db: Db, actor: Actor, zaak: ZaakOverzichtRij, a: FilingAanvulling): void {
  assertCan(actor, 'zaak.wijzigen', { soort: 'zaak', organisatieId: zaak.organisatieId });
  writeTransaction(db, (tx) => {
    recordAudit(tx, actor, {
      actie: 'gegevens voor stukken aangevuld',
      onderwerp: 'zaak',
      onderwerpId: zaak.id,
      wijzigingen: Object.fromEntries(
        Object.entries(a)
          .filter(([, w]) => w !== undefined)
          .map(([k]) => [k, 'aangevuld']),
      ),
    });
    const zaakRij = tx.select({ zorgaanbiederId: zaken.zorgaanbiederId }).from(zaken).where(eq(zaken.id, zaak.id)).get()!;
    if (zaakRij.zorgaanbiederId !== null && (a.indienerAdres || a.indienerPostcode || a.indienerPlaats)) {
      tx.update(zorgaanbieders)
        .set({
          ...(a.indienerAdres ? { adres: a.indienerAdres } : {}),
          ...(a.indienerPostcode ? { postcode: a.indienerPostcode } : {}),
          ...(a.indienerPlaats ? { plaats: a.indienerPlaats } : {}),
        })
        .where(eq(zorgaanbieders.id, zaakRij.zorgaanbiederId))
        .run();
    }
    if (a.gronden !== undefined || a.spoedeisendBelang !== undefined) {
      tx.update(zaken)
        .set({
          ...(a.gronden !== undefined ? { gronden: a.gronden } : {}),
          ...(a.spoedeisendBelang !== undefined ? { spoedeisendBelang: a.spoedeisendBelang } : {}),
        })
        .where(eq(zaken.id, zaak.id))
        .run();
    }
  });
}

import { and, desc, eq, max, sql } from 'drizzle-orm';
import { makeBestandsnaam, stripOnzichtbaar } from '../../domain/filings/filingAanbod';
import type { VeldFout } from '../../validation/velden';
import { findClient } from '../zaken/clientService';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { preparePerVerbinding } from '../../db/voorbereid';
import { writeTransaction } from '../../db/transactie';
import { gebruikers, organisaties, zaakdocumenten, zaakgebeurtenissen, zaakStukgegevens, zaken, zorgaanbieders } from '../../db/schema';
import type { Bewerking, FilingRenderer } from '../../documents/filingRenderer';
import { checkArt65, FILINGS, type FilingSoort, type Ontbrekend } from '../../domain/filings/filingSoorten';
import { buildFilingGegevens, type FilingGegevens, type FilingOpties, type FilingWeigering } from './filingGegevens';
import { loadOndertekenaars, loadStukgegevens, type Bewerkingen } from './filingBronnen';
import type { TermijnService } from '../termijnen/termijnService';
import type { ZaakOverzichtRij } from '../zaken/zaakOverzicht';
import { assertCan } from '../toegang/permissies';
import { diff, recordAudit, type Wijzigingen } from '../gedeeld/auditService';

export type FilingVoorbereiding =
  | { soort: 'geweigerd'; reden: string; alternatief?: FilingWeigering['alternatief'] }
  | { soort: 'gereed'; gegevens: FilingGegevens; ontbrekend: Ontbrekend[]; bewerkingen: Record<string, Bewerking> };

export type { FilingOpties };

/** What the wizard shows before generating: the facts, what art. 6:5 Awb misses, the lawyer's edits. */
export function prepareFiling(
  db: Db,
  termijnen: TermijnService,
  actor: Actor,
  zaak: ZaakOverzichtRij,
  soort: FilingSoort,
  opties: FilingOpties,
): FilingVoorbereiding {
  // NZa users never draft an appellant's filing (issue 13): not on their letterhead, not for anyone.
  assertCan(actor, 'stuk.opstellen', { soort: 'zaak', organisatieId: zaak.organisatieId }, true);
  const gegevens = buildFilingGegevens(db, termijnen, actor, zaak, soort, opties);
  if ('geweigerd' in gegevens) return { soort: 'geweigerd', reden: gegevens.reden, ...(gegevens.alternatief ? { alternatief: gegevens.alternatief } : {}) };
  const bewerkingen = loadStukgegevens(db, zaak.id).bewerkingen[soort] ?? {};
  return { soort: 'gereed', gegevens, ontbrekend: checkArt65(soort, gegevens), bewerkingen };
}

export type FilingResultaat = { ok: true; id: number; versie: number; bestandsnaam: string; docx: Buffer } | { ok: false; voorbereiding: FilingVoorbereiding };

/** The .docx as the wizard would make it from the case's current data, without storing it (the API, issue 13 point 10). */
export async function renderFiling(
  db: Db,
  termijnen: TermijnService,
  renderer: FilingRenderer,
  actor: Actor,
  zaak: ZaakOverzichtRij,
  soort: FilingSoort,
  opties: FilingOpties,
): Promise<
  | { ok: true; bestandsnaam: string; docx: Buffer; gegevens: FilingGegevens; bewerkingen: Record<string, Bewerking> }
  | { ok: false; voorbereiding: FilingVoorbereiding }
> {
  const voorbereiding = prepareFiling(db, termijnen, actor, zaak, soort, opties);
  if (voorbereiding.soort === 'geweigerd' || voorbereiding.ontbrekend.length > 0) return { ok: false, voorbereiding };
  const { gegevens, bewerkingen } = voorbereiding;
  const logo = db.select({ logo: organisaties.logoPng }).from(organisaties).where(eq(organisaties.id, zaak.organisatieId)).get()?.logo ?? null;
  const docx = await renderer.renderDocx(gegevens, logo, bewerkingen);
  const bestandsnaam = makeBestandsnaam({
    dagtekening: opties.dagtekening,
    soort,
    regio: gegevens.contracteerruimte.regio || null,
    jaar: gegevens.contracteerruimte.jaar || null,
    client: gegevens.indiener?.naam ?? null,
  });
  return { ok: true, bestandsnaam, docx, gegevens, bewerkingen };
}

/** Generates the .docx and stores it as the next version of this filing in the case, with the data and edits it used. */
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
  const gemaakt = await renderFiling(db, termijnen, renderer, actor, zaak, soort, opties);
  if (!gemaakt.ok) return gemaakt;
  const { gegevens, bewerkingen, docx, bestandsnaam } = gemaakt;
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
        gegevensJson: JSON.stringify({ ...gegevens, bewerkingen }),
        bestandsnaam,
        docx,
      })
      .returning({ id: zaakdocumenten.id })
      .get();
    tx.insert(zaakgebeurtenissen)
      .values({ zaakId: zaak.id, datum: opties.vandaag, omschrijving: `${FILINGS[soort].titel} opgesteld (versie ${versie})`, gebruikerId: actor.gebruikerId })
      .run();
    recordAudit(tx, actor, {
      actie: `${FILINGS[soort].titel} opgesteld`,
      onderwerp: 'zaak',
      onderwerpId: zaak.id,
      wijzigingen: { versie: [versie > 1 ? versie - 1 : null, versie] },
      kenmerken: { stuk: soort },
    });
    return { ok: true as const, id, versie, bestandsnaam, docx };
  });
}

const zaakdocumentenVraag = preparePerVerbinding((db) =>
  db
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
    .where(eq(zaakdocumenten.zaakId, sql.placeholder('zaakId')))
    .orderBy(desc(zaakdocumenten.id))
    .prepare(),
);

export function loadZaakdocumenten(db: Db, zaakId: number) {
  return zaakdocumentenVraag(db).all({ zaakId });
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
  zorgaanbiederId?: number | undefined;
  indienerAdres?: string | undefined;
  indienerPostcode?: string | undefined;
  indienerPlaats?: string | undefined;
  gronden?: string | undefined;
  spoedeisendBelang?: string | undefined;
  ondertekenaarId?: number | undefined;
  vertegenwoordiging?: 'advocaat' | 'anders' | undefined;
  volmachtInBezwaar?: boolean | undefined;
  verschoonbaarheid?: string | undefined;
  rechtstreeksBeroep?: boolean | undefined;
  aanvullendeGronden?: string | undefined;
  belangenafweging?: string | undefined;
  gelijktijdigBeroep?: boolean | undefined;
  kortsluiting?: boolean | undefined;
  bijlagen?: string[] | undefined;
  /** One edited paragraph of one filing: its key, the text it replaces, and the edit (empty: back to generated). */
  bewerking?: { soort: FilingSoort; sleutel: string; origineel: string; tekst: string } | undefined;
}

/**
 * Art. 6:5 Awb and the wizard's choices: what was missing, saved with the case (grounds, urgency, the client), its
 * zorgaanbieder (address) and the case's filing data (signer, representation, late-filing facts, bijlagen, edits).
 */
export function writeFilingAanvulling(db: Db, actor: Actor, zaak: ZaakOverzichtRij, a: FilingAanvulling): { ok: true } | { ok: false; fouten: VeldFout[] } {
  assertCan(actor, 'stuk.opstellen', { soort: 'zaak', organisatieId: zaak.organisatieId });
  if (a.zorgaanbiederId !== undefined && !findClient(db, actor, a.zorgaanbiederId)) {
    return { ok: false, fouten: [{ veld: 'zorgaanbiederId', melding: 'kies een cliënt van uw organisatie' }] };
  }
  if (a.ondertekenaarId !== undefined && !loadOndertekenaars(db, zaak.organisatieId).some((o) => o.id === a.ondertekenaarId)) {
    return { ok: false, fouten: [{ veld: 'ondertekenaarId', melding: 'kies een jurist van uw organisatie' }] };
  }
  const schoon = (t: string | undefined) => (t === undefined ? undefined : stripOnzichtbaar(t));
  writeTransaction(db, (tx) => {
    // What the case and its filing data were before: every audit entry of a change holds before and after (issue 28.4).
    const zaakVoor = tx
      .select({ zorgaanbiederId: zaken.zorgaanbiederId, gronden: zaken.gronden, spoedeisendBelang: zaken.spoedeisendBelang })
      .from(zaken)
      .where(eq(zaken.id, zaak.id))
      .get()!;
    const stukVoor: Record<string, unknown> = tx.select().from(zaakStukgegevens).where(eq(zaakStukgegevens.zaakId, zaak.id)).get() ?? {};
    // The client first: an address given in the same form belongs to the client chosen in it.
    if (a.zorgaanbiederId !== undefined) tx.update(zaken).set({ zorgaanbiederId: a.zorgaanbiederId }).where(eq(zaken.id, zaak.id)).run();
    const zaakRij = tx.select({ zorgaanbiederId: zaken.zorgaanbiederId }).from(zaken).where(eq(zaken.id, zaak.id)).get()!;
    const adres = {
      ...(a.indienerAdres ? { adres: stripOnzichtbaar(a.indienerAdres) } : {}),
      ...(a.indienerPostcode ? { postcode: a.indienerPostcode } : {}),
      ...(a.indienerPlaats ? { plaats: stripOnzichtbaar(a.indienerPlaats) } : {}),
    };
    // Never an UPDATE without values (SQLite would refuse it: "No values to set").
    let adresWijzigingen: Wijzigingen = {};
    if (zaakRij.zorgaanbiederId !== null && Object.keys(adres).length > 0) {
      const adresVoor = tx
        .select({ adres: zorgaanbieders.adres, postcode: zorgaanbieders.postcode, plaats: zorgaanbieders.plaats })
        .from(zorgaanbieders)
        .where(eq(zorgaanbieders.id, zaakRij.zorgaanbiederId))
        .get()!;
      tx.update(zorgaanbieders).set(adres).where(eq(zorgaanbieders.id, zaakRij.zorgaanbiederId)).run();
      adresWijzigingen = diff(adresVoor as Record<string, unknown>, adres);
      // The client's record changed: its own entry, not only one on this case.
      if (Object.keys(adresWijzigingen).length > 0) {
        recordAudit(tx, actor, {
          actie: 'adres van cliënt gewijzigd',
          onderwerp: 'zorgaanbieder',
          onderwerpId: zaakRij.zorgaanbiederId,
          wijzigingen: adresWijzigingen,
          kenmerken: { zaak: zaak.id },
        });
      }
    }
    const zaakTeksten = {
      ...(a.gronden !== undefined ? { gronden: schoon(a.gronden)! } : {}),
      ...(a.spoedeisendBelang !== undefined ? { spoedeisendBelang: schoon(a.spoedeisendBelang)! } : {}),
    };
    if (Object.keys(zaakTeksten).length > 0) tx.update(zaken).set(zaakTeksten).where(eq(zaken.id, zaak.id)).run();

    const huidig = loadStukgegevens(tx, zaak.id);
    const bewerkingen: Bewerkingen = { ...huidig.bewerkingen };
    if (a.bewerking) {
      const { soort, sleutel, origineel, tekst } = a.bewerking;
      const perSoort = { ...(bewerkingen[soort] ?? {}) };
      const nieuw = stripOnzichtbaar(tekst).replace(/\s+/g, ' ').trim();
      if (nieuw === '' || nieuw === origineel) delete perSoort[sleutel];
      else perSoort[sleutel] = { origineel, tekst: nieuw };
      bewerkingen[soort] = perSoort;
    }
    const stuk = {
      ...(a.ondertekenaarId !== undefined ? { ondertekenaarId: a.ondertekenaarId } : {}),
      ...(a.vertegenwoordiging !== undefined ? { vertegenwoordiging: a.vertegenwoordiging } : {}),
      ...(a.volmachtInBezwaar !== undefined ? { volmachtInBezwaar: a.volmachtInBezwaar } : {}),
      ...(a.verschoonbaarheid !== undefined ? { verschoonbaarheid: schoon(a.verschoonbaarheid)! } : {}),
      ...(a.rechtstreeksBeroep !== undefined ? { rechtstreeksBeroep: a.rechtstreeksBeroep } : {}),
      ...(a.aanvullendeGronden !== undefined ? { aanvullendeGronden: schoon(a.aanvullendeGronden)! } : {}),
      ...(a.belangenafweging !== undefined ? { belangenafweging: schoon(a.belangenafweging)! } : {}),
      ...(a.gelijktijdigBeroep !== undefined ? { gelijktijdigBeroep: a.gelijktijdigBeroep } : {}),
      ...(a.kortsluiting !== undefined ? { kortsluiting: a.kortsluiting } : {}),
      ...(a.bijlagen !== undefined ? { bijlagenJson: JSON.stringify(a.bijlagen.map(stripOnzichtbaar).filter((b) => b.trim())) } : {}),
      ...(a.bewerking ? { bewerkingenJson: JSON.stringify(bewerkingen) } : {}),
    };
    if (Object.keys(stuk).length > 0) {
      tx.insert(zaakStukgegevens)
        .values({ zaakId: zaak.id, ...stuk })
        .onConflictDoUpdate({ target: zaakStukgegevens.zaakId, set: stuk })
        .run();
    }
    recordAudit(tx, actor, {
      actie: 'gegevens voor stukken aangevuld',
      onderwerp: 'zaak',
      onderwerpId: zaak.id,
      wijzigingen: {
        ...diff(zaakVoor as Record<string, unknown>, { ...(a.zorgaanbiederId !== undefined ? { zorgaanbiederId: a.zorgaanbiederId } : {}), ...zaakTeksten }),
        ...adresWijzigingen,
        ...diff(stukVoor, stuk),
      },
    });
  });
  return { ok: true };
}

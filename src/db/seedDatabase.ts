import { eq, inArray } from 'drizzle-orm';
import { ALLE_ZORGKANTOORREGIOS } from '../domain/regios/zorgkantoorregios';
import { dagVanTijdstip } from '../domain/kalender/kalenderdatum';
import type { Db } from './verbinding';
import { writeTransaction } from './transactie';
import {
  contracteerruimtebedragen,
  contracteerruimtebesluiten,
  gebruikers,
  organisaties,
  tariefbeschikkingen,
  ontvangenBeroepen,
  zaakgebeurtenissen,
  zaken,
  zorgaanbieders,
  zorgkantoorregios,
} from './schema';
import demo from '../../seed/demo.json';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED_MAP = join(dirname(fileURLToPath(import.meta.url)), '../../seed');
import { demoDataSchema, type DemoData } from './demoDataSchema';

/**
 * The regions of the CBS division, ended ones included (seed/zorgkantoorregios.json); safe to run on every start:
 * updates names, uitvoerder and validity by code, and writes only when something differs (GET-free starts stay quiet).
 */
export function seedZorgkantoorregios(db: Db): void {
  const bestaand = new Map(
    db
      .select()
      .from(zorgkantoorregios)
      .all()
      .map((r) => [r.code, r]),
  );
  // A region an NZa beheerder renamed or merged keeps that change: the shipped division only adds what is missing.
  const teSchrijven = ALLE_ZORGKANTOORREGIOS.filter((r) => !bestaand.get(r.code)?.beheerdSinds)
    .map((r) => ({
      code: r.code,
      naam: r.naam,
      zorgkantoor: r.zorgkantoor,
      zorgkantoorGeverifieerd: r.zorgkantoorGeverifieerd,
      geldigVanaf: r.geldigVanaf,
      geldigTot: r.geldigTot,
      opgevolgdDoor: r.opgevolgdDoor ?? null,
    }))
    .filter((r) => {
      const rij = bestaand.get(r.code);
      return !rij || (Object.keys(r) as (keyof typeof r)[]).some((k) => rij[k] !== r[k]);
    });
  if (teSchrijven.length === 0) return;
  writeTransaction(db, (tx) => {
    for (const regio of teSchrijven) {
      const { naam, zorgkantoor, zorgkantoorGeverifieerd, geldigVanaf, geldigTot, opgevolgdDoor } = regio;
      tx.insert(zorgkantoorregios)
        .values(regio)
        .onConflictDoUpdate({ target: zorgkantoorregios.code, set: { naam, zorgkantoor, zorgkantoorGeverifieerd, geldigVanaf, geldigTot, opgevolgdDoor } })
        .run();
    }
  });
}

/** The e-mail addresses of the demo accounts (seed/demo.json): only these get the demo password, in demo mode. */
export const DEMO_EMAILS: readonly string[] = demoDataSchema.parse(demo).gebruikers.map((g) => g.email);

/** The fictitious demo data set (seed/demo.json). Idempotent: existing rows, matched on their natural keys, stay. */
export function seedDemoData(db: Db, data: DemoData = demoDataSchema.parse(demo)): void {
  writeTransaction(db, (tx) => {
    const regioId = new Map(
      tx
        .select()
        .from(zorgkantoorregios)
        .all()
        .map((r) => [r.naam, r.id]),
    );
    const vind = <T>(map: Map<string, T>, sleutel: string, wat: string): T => {
      const waarde = map.get(sleutel);
      if (waarde === undefined) throw new Error(`Demo data refers to unknown ${wat}: ${sleutel}`);
      return waarde;
    };

    for (const { logo, ...o } of data.organisaties) {
      tx.insert(organisaties)
        .values({ ...o, logoPng: logo ? readFileSync(join(SEED_MAP, logo)) : null })
        .onConflictDoNothing()
        .run();
    }
    const organisatieId = new Map(
      tx
        .select()
        .from(organisaties)
        .all()
        .map((o) => [o.naam, o.id]),
    );

    for (const g of data.gebruikers) {
      tx.insert(gebruikers)
        .values({
          naam: g.naam,
          email: g.email,
          rol: g.rol,
          weekoverzicht: g.weekoverzicht,
          organisatieId: vind(organisatieId, g.organisatie, 'organisatie'),
        })
        .onConflictDoNothing()
        .run();
    }
    const gebruikerId = new Map(
      tx
        .select()
        .from(gebruikers)
        .all()
        .map((g) => [g.email, g.id]),
    );

    const nzaId = tx.select({ id: organisaties.id }).from(organisaties).where(eq(organisaties.soort, 'nza')).get()?.id ?? null;
    // Every organisation keeps its own client records (issue 28): one per organisation acting for the client, and the
    // NZa's own record of each addressee of its tariefbeschikkingen. Keyed below by organisation and KvK number.
    const eigenaren = new Map(
      data.zorgaanbieders.map((z) => [
        z.kvkNummer,
        [...new Set([...z.vertegenwoordigd.map((o) => vind(organisatieId, o, 'organisatie')), ...(nzaId !== null ? [nzaId] : [])])],
      ]),
    );
    for (const { vertegenwoordigd: _, ...za } of data.zorgaanbieders) {
      for (const eigenaar of eigenaren.get(za.kvkNummer)!)
        tx.insert(zorgaanbieders)
          .values({ ...za, organisatieId: eigenaar })
          .onConflictDoNothing()
          .run();
    }
    // Ids of the rows the demo data refers to, looked up by their keys: a database at national scale holds some
    // 200,000 other rows that a start need not read (issue 15 point 6).
    const zorgaanbiederId = new Map(
      tx
        .select({ kvkNummer: zorgaanbieders.kvkNummer, organisatieId: zorgaanbieders.organisatieId, id: zorgaanbieders.id })
        .from(zorgaanbieders)
        .where(
          inArray(
            zorgaanbieders.kvkNummer,
            data.zorgaanbieders.map((z) => z.kvkNummer),
          ),
        )
        .all()
        .map((z) => [`${z.organisatieId}|${z.kvkNummer}`, z.id]),
    );

    for (const { bedragen, ...besluit } of data.contracteerruimtebesluiten) {
      const nieuw = tx
        .insert(contracteerruimtebesluiten)
        .values({ ...besluit, geregistreerdDoor: nzaId })
        .onConflictDoNothing()
        .returning({ id: contracteerruimtebesluiten.id })
        .get();
      if (!nieuw) continue;
      for (const b of bedragen) {
        tx.insert(contracteerruimtebedragen)
          .values({ besluitId: nieuw.id, regioId: vind(regioId, b.regio, 'regio'), jaar: b.jaar, bedragCenten: b.bedragCenten })
          .run();
      }
    }
    const crId = new Map(
      tx
        .select({ kenmerk: contracteerruimtebesluiten.kenmerk, id: contracteerruimtebesluiten.id })
        .from(contracteerruimtebesluiten)
        .where(
          inArray(
            contracteerruimtebesluiten.kenmerk,
            [...data.zaken, ...data.ontvangenBeroepen].flatMap((z) => (z.contracteerruimtebesluit ? [z.contracteerruimtebesluit] : [])),
          ),
        )
        .all()
        .map((b) => [b.kenmerk, b.id]),
    );

    // A tariefbeschikking is known to the NZa that issued it and to every organisation acting for its addressee: each
    // registers it in its own records.
    for (const t of data.tariefbeschikkingen) {
      for (const eigenaar of eigenaren.get(t.zorgaanbieder) ?? []) {
        tx.insert(tariefbeschikkingen)
          .values({
            kenmerk: t.kenmerk,
            zorgaanbiederId: vind(zorgaanbiederId, `${eigenaar}|${t.zorgaanbieder}`, 'zorgaanbieder'),
            regioId: vind(regioId, t.regio, 'regio'),
            jaar: t.jaar,
            soort: t.soort,
            besluitdatum: t.besluitdatum,
            bekendgemaakt: t.bekendgemaakt,
            geregistreerdDoor: eigenaar,
            organisatieId: eigenaar,
          })
          .onConflictDoNothing()
          .run();
      }
    }
    const tbId = new Map(
      tx
        .select({ kenmerk: tariefbeschikkingen.kenmerk, organisatieId: tariefbeschikkingen.organisatieId, id: tariefbeschikkingen.id })
        .from(tariefbeschikkingen)
        .where(
          inArray(tariefbeschikkingen.kenmerk, [
            ...data.zaken.flatMap((z) => (z.tariefbeschikking ? [z.tariefbeschikking] : [])),
            ...data.ontvangenBeroepen.flatMap((b) => (b.tariefbeschikking ? [b.tariefbeschikking] : [])),
          ]),
        )
        .all()
        .map((t) => [`${t.organisatieId}|${t.kenmerk}`, t.id]),
    );

    // The beroepen the NZa registered as received from the CBb: the source of its workspace.
    if (nzaId !== null) {
      for (const b of data.ontvangenBeroepen) {
        tx.insert(ontvangenBeroepen)
          .values({
            organisatieId: nzaId,
            cbbZaaknummer: b.cbbZaaknummer,
            appellant: b.appellant,
            regioId: vind(regioId, b.regio, 'regio'),
            jaar: b.jaar,
            contracteerruimtebesluitId: b.contracteerruimtebesluit ? vind(crId, b.contracteerruimtebesluit, 'besluit') : null,
            tariefbeschikkingId: b.tariefbeschikking ? vind(tbId, `${nzaId}|${b.tariefbeschikking}`, 'tariefbeschikking') : null,
            ingesteld: b.ingesteld,
            afgerond: b.afgerond ?? null,
          })
          .onConflictDoNothing()
          .run();
      }
    }

    // Cases have no natural key: seed them only into a database that has none yet.
    if (tx.select({ id: zaken.id }).from(zaken).limit(1).all().length > 0) return;
    for (const zaak of data.zaken) {
      const zaakOrganisatie = vind(organisatieId, zaak.organisatie, 'organisatie');
      const id = tx
        .insert(zaken)
        .values({
          soort: zaak.soort,
          organisatieId: zaakOrganisatie,
          zorgaanbiederId: vind(zorgaanbiederId, `${zaakOrganisatie}|${zaak.zorgaanbieder}`, 'zorgaanbieder'),
          tariefbeschikkingId: zaak.tariefbeschikking ? vind(tbId, `${zaakOrganisatie}|${zaak.tariefbeschikking}`, 'tariefbeschikking') : null,
          contracteerruimtebesluitId: zaak.contracteerruimtebesluit ? vind(crId, zaak.contracteerruimtebesluit, 'besluit') : null,
          regioId: zaak.regio ? vind(regioId, zaak.regio, 'regio') : null,
          jaar: zaak.jaar ?? null,
          status: zaak.status,
          ingesteld: zaak.ingesteld ?? null,
          afgerond: zaak.afgerond ?? null,
          cbbZaaknummer: zaak.cbbZaaknummer ?? null,
          uitspraak: zaak.uitspraak ?? null,
          verantwoordelijkeId: vind(gebruikerId, zaak.verantwoordelijke, 'gebruiker'),
          notities: zaak.notities,
          gronden: zaak.gronden,
        })
        .returning({ id: zaken.id })
        .get().id;
      const tijdlijn = [
        ...(zaak.ingesteld ? [{ datum: zaak.ingesteld, omschrijving: `${zaak.soort === 'beroep' ? 'Beroep' : 'Bezwaar'} ingesteld` }] : []),
        ...(zaak.afgerond ? [{ datum: zaak.afgerond, omschrijving: zaak.uitspraak ?? 'Afgerond' }] : []),
      ];
      for (const g of tijdlijn)
        tx.insert(zaakgebeurtenissen)
          .values({ zaakId: id, ...g })
          .run();
    }
  });
}

/**
 * The day the demo was first seeded into this database (issue 30.6): its first counsel organisation's creation day in
 * Amsterdam. A later start lays the demo out as of that same day, so it adds nothing twice (a second set of besluiten
 * under other kenmerken) however much later it starts.
 */
export function findDemoSeeddag(db: Db, data: DemoData = demoDataSchema.parse(demo)): string | undefined {
  const naam = data.organisaties.find((o) => o.soort !== 'nza')?.naam;
  if (!naam) return undefined;
  const rij = db.select({ op: organisaties.aangemaaktOp }).from(organisaties).where(eq(organisaties.naam, naam)).get();
  return rij ? dagVanTijdstip(rij.op) : undefined;
}

import { and, desc, eq, lte, ne } from 'drizzle-orm';
import type { Actor } from '../actor/actor';
import type { Db } from '../db/verbinding';
import {
  contracteerruimtebedragen,
  contracteerruimtebesluiten,
  organisaties,
  tariefbeschikkingen,
  zaken,
  zorgaanbieders,
  zorgkantoorregios,
} from '../db/schema';
import { TARIEFBESCHIKKING_SOORT_LABEL } from '../domain/besluiten/besluit';
import { FILINGS, splitAlineas, type FilingSoort } from '../domain/filings/filingSoorten';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import { formatDatumKort, formatDatumLang, formatEuro } from '../opmaak/opmaak';
import { loadRegioRegister } from './regioBeheer';
import type { TermijnService } from './termijnService';
import type { ZaakOverzichtRij } from './zaakRegistratie';
import { findZaakTermijnen } from './zaakTermijnen';
import type { FilingGegevens } from '../documents/filingGegevens';

export type { FilingGegevens };

export type FilingWeigering = { geweigerd: true; reden: string; alternatief?: FilingSoort };

/**
 * The facts of a case for a filing, or the reason no such filing can be made. A beroepschrift against the
 * contracteerruimte from a sluittarief beschikking is refused (art. 105 lid 2 Wmg) and the bezwaarschrift offered.
 */
export function buildFilingGegevens(
  db: Db,
  termijnen: TermijnService,
  actor: Actor,
  zaak: ZaakOverzichtRij,
  soort: FilingSoort,
  opties: { dagtekening: IsoDatum; vandaag: IsoDatum; samenhang: boolean },
): FilingGegevens | FilingWeigering {
  const definitie = FILINGS[soort];
  const tb = zaak.tariefbeschikking ? db.select().from(tariefbeschikkingen).where(eq(tariefbeschikkingen.kenmerk, zaak.tariefbeschikking)).get() : undefined;
  if (definitie.zaak !== 'beide' && definitie.zaak !== zaak.soort) {
    if (tb?.soort === 'sluittarief' && definitie.zaak === 'beroep') {
      return {
        geweigerd: true,
        reden:
          `tegen de contracteerruimte kan geen ${definitie.titel.toLowerCase()} worden opgesteld: ${tb.kenmerk} stelt een Wlz-sluittarief vast ` +
          "in het kader van de nacalculatie, en zo'n beschikking opent geen beroep tegen de regionale contracteerruimte (art. 105 lid 2 Wmg). " +
          'Maak bezwaar tegen de beschikking zelf.',
        alternatief: 'bezwaarschrift',
      };
    }
    return {
      geweigerd: true,
      reden: `een ${definitie.titel.toLowerCase()} hoort bij een ${definitie.zaak}szaak; dit is een ${zaak.soort}szaak`,
      alternatief: zaak.soort === 'beroep' ? 'beroepschrift' : 'bezwaarschrift',
    };
  }

  const berekend = termijnen.computeVoorActor(actor, opties.vandaag);
  const { regio, jaar, termijnen: zaakTermijnen, regioJaarStatus } = findZaakTermijnen(berekend, zaak);
  const termijn = zaakTermijnen[0] ?? null;
  const zaakRij = db
    .select({ zorgaanbiederId: zaken.zorgaanbiederId, gronden: zaken.gronden, spoedeisendBelang: zaken.spoedeisendBelang })
    .from(zaken)
    .where(eq(zaken.id, zaak.id))
    .get()!;
  const aanbieder = zaakRij.zorgaanbiederId !== null ? db.select().from(zorgaanbieders).where(eq(zorgaanbieders.id, zaakRij.zorgaanbiederId)).get() : undefined;
  const organisatie = db.select().from(organisaties).where(eq(organisaties.id, actor.organisatieId)).get()!;
  const cr = zaak.contracteerruimtebesluit
    ? db.select().from(contracteerruimtebesluiten).where(eq(contracteerruimtebesluiten.kenmerk, zaak.contracteerruimtebesluit)).get()
    : undefined;
  // The amount in force on the dagtekening: a later besluit must not appear in an earlier filing.
  const huidigBedrag =
    regio && jaar
      ? db
          .select({ bedrag: contracteerruimtebedragen.bedragCenten, kenmerk: contracteerruimtebesluiten.kenmerk })
          .from(contracteerruimtebedragen)
          .innerJoin(contracteerruimtebesluiten, eq(contracteerruimtebedragen.besluitId, contracteerruimtebesluiten.id))
          .innerJoin(zorgkantoorregios, eq(contracteerruimtebedragen.regioId, zorgkantoorregios.id))
          .where(
            and(eq(zorgkantoorregios.naam, regio), eq(contracteerruimtebedragen.jaar, jaar), lte(contracteerruimtebesluiten.bekendgemaakt, opties.dagtekening)),
          )
          .orderBy(desc(contracteerruimtebesluiten.bekendgemaakt), desc(contracteerruimtebesluiten.id))
          .get()
      : undefined;

  const besluit = cr
    ? {
        kenmerk: cr.kenmerk,
        bekendgemaakt: cr.bekendgemaakt,
        besluitdatum: cr.besluitdatum,
        omschrijving: `het contracteerruimtebesluit (${cr.soort}) van de NZa`,
      }
    : tb
      ? {
          kenmerk: tb.kenmerk,
          bekendgemaakt: tb.bekendgemaakt,
          besluitdatum: tb.besluitdatum,
          omschrijving: `de tariefbeschikking (${TARIEFBESCHIKKING_SOORT_LABEL[tb.soort]}) van de NZa`,
        }
      : { kenmerk: null, bekendgemaakt: null, besluitdatum: null, omschrijving: 'het besluit van de NZa' };

  const samenhang = opties.samenhang && zaak.soort === 'bezwaar' && regio && jaar ? findLopendBeroep(db, actor, zaak, regio, jaar) : null;
  const handeltVoorAnder = organisatie.soort === 'advocatenkantoor' || (aanbieder !== undefined && organisatie.kvkNummer !== aanbieder.kvkNummer);

  return {
    soort,
    titel: definitie.titel,
    proForma: definitie.gronden === 'pro-forma',
    dagtekening: opties.dagtekening,
    dagtekeningTekst: formatDatumKort(opties.dagtekening),
    plaatsDagtekening: organisatie.plaats ?? '',
    briefhoofd: {
      naam: organisatie.naam,
      adres: organisatie.adres,
      postcode: organisatie.postcode,
      plaats: organisatie.plaats,
      email: organisatie.email,
      telefoon: organisatie.telefoon,
      kvkNummer: organisatie.kvkNummer,
      heeftLogo: organisatie.logoPng !== null,
    },
    indiener: {
      id: aanbieder?.id ?? null,
      naam: aanbieder?.naam ?? organisatie.naam,
      adres: aanbieder?.adres ?? null,
      postcode: aanbieder?.postcode ?? null,
      plaats: aanbieder?.plaats ?? null,
      kvkNummer: aanbieder?.kvkNummer ?? null,
    },
    gemachtigde: handeltVoorAnder ? { naam: actor.naam, kantoor: organisatie.naam } : null,
    ondertekenaar: actor.naam,
    besluit: {
      ...besluit,
      bekendgemaaktTekst: besluit.bekendgemaakt ? formatDatumKort(besluit.bekendgemaakt) : '',
      besluitdatumTekst: besluit.besluitdatum ? formatDatumKort(besluit.besluitdatum) : '',
    },
    contracteerruimte: {
      regio: regio ?? '',
      jaar: jaar ?? 0,
      zorgkantoor: (regio && loadRegioRegister(db).find(regio)?.zorgkantoor) || '',
      bedragTekst: huidigBedrag ? formatEuro(huidigBedrag.bedrag) : null,
      besluitKenmerk: huidigBedrag?.kenmerk ?? null,
    },
    termijn: termijn
      ? {
          aanvangTekst: formatDatumKort(termijn.aanvang),
          eindeTekst: formatDatumKort(termijn.einde),
          eindeLang: formatDatumLang(termijn.einde),
          grondslag: termijn.grondslag.join(', '),
          toelichting: termijn.toelichting,
        }
      : null,
    tijdigheid: { lid2: termijn?.regel === 'art-105-lid-2', lid3: termijn?.regel === 'art-105-lid-3', awb: termijn?.regel === 'awb-bezwaar' },
    teLaat: termijn !== null && opties.dagtekening > termijn.einde,
    gronden: splitAlineas(zaakRij.gronden),
    spoedeisendBelang: splitAlineas(zaakRij.spoedeisendBelang),
    cbbZaaknummer: zaak.cbbZaaknummer,
    samenhang,
    statusToelichting: regioJaarStatus?.toelichting ?? null,
  };
}

/** A pending beroep of the same organisation against the contracteerruimte of the same region and year (art. 7:10 lid 4 Awb). */
function findLopendBeroep(db: Db, actor: Actor, zaak: ZaakOverzichtRij, regio: string, jaar: number) {
  const rij = db
    .select({ cbbZaaknummer: zaken.cbbZaaknummer })
    .from(zaken)
    .innerJoin(zorgkantoorregios, eq(zaken.regioId, zorgkantoorregios.id))
    .where(
      and(
        eq(zaken.organisatieId, actor.organisatieId),
        eq(zaken.soort, 'beroep'),
        eq(zorgkantoorregios.naam, regio),
        eq(zaken.jaar, jaar),
        ne(zaken.id, zaak.id),
        ne(zaken.status, 'afgerond'),
      ),
    )
    .get();
  return rij ? { cbbZaaknummer: rij.cbbZaaknummer, regio, jaar } : null;
}

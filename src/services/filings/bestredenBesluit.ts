import { eq } from 'drizzle-orm';
import type { Db } from '../../db/verbinding';
import { contracteerruimtebesluiten } from '../../db/schema';
import { formatDatumKort, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import { formatEuro } from '../../opmaak/opmaak';
import type { ZaakOverzichtRij } from '../zaken/zaakOverzicht';
import { findContracteerruimteOp, listContracteerruimteKeten } from './filingBronnen';

/**
 * The contracteerruimtebesluit a filing contests, as amended, with the amounts in force, and a later besluit that
 * replaced it, read from the register up to the dagtekening (issue 29.2, 29.4). `tb`: the case's own tariefbeschikking.
 */
export function findBestredenBesluit(
  db: Db,
  zaak: ZaakOverzichtRij,
  tb: { bekendgemaakt: IsoDatum } | undefined,
  regio: string | null | undefined,
  jaar: number | null | undefined,
  dagtekening: IsoDatum,
) {
  // Lid 3 (or a case opened from the besluit): the case's contracteerruimtebesluit. Lid 2: the besluit in force for the
  // region and year when the tariefbeschikking was made known — the one the tariefbeschikking applied.
  const crEigen = zaak.contracteerruimtebesluit
    ? db.select().from(contracteerruimtebesluiten).where(eq(contracteerruimtebesluiten.kenmerk, zaak.contracteerruimtebesluit)).get()
    : undefined;
  const crToegepast = !crEigen && zaak.soort === 'beroep' && tb && regio && jaar ? findContracteerruimteOp(db, regio, jaar, tb.bekendgemaakt) : undefined;
  const cr = crEigen ?? crToegepast;
  // The amount in force on the dagtekening: a later besluit must not appear in an earlier filing. An amount is printed
  // only with the besluit that set it (issue 29.2).
  const huidigBedrag = regio && jaar ? findContracteerruimteOp(db, regio, jaar, dagtekening) : undefined;
  const keten = zaak.soort === 'beroep' && regio && jaar ? listContracteerruimteKeten(db, regio, jaar, dagtekening) : [];
  const crPlek = cr ? keten.findIndex((k) => k.kenmerk === cr.kenmerk) : -1;
  // After an amendment the contested besluit is the vaststelling as amended: "NZa/CR/… zoals gewijzigd bij NZa/CR/…".
  const origineelPlek = cr?.soort === 'wijziging' && crPlek > 0 ? keten.map((k) => k.soort).lastIndexOf('vaststelling', crPlek - 1) : -1;
  const bestredenKeten = cr ? (origineelPlek >= 0 ? keten.slice(origineelPlek, crPlek + 1) : [crPlek >= 0 ? keten[crPlek]! : { ...cr, id: 0 }]) : [];
  const beschrijf = (k: { kenmerk: string; besluitdatum: IsoDatum; bekendgemaakt: IsoDatum }) =>
    `met kenmerk ${k.kenmerk}, gedagtekend ${formatDatumKort(k.besluitdatum)} en bekendgemaakt op ${formatDatumKort(k.bekendgemaakt)}`;
  const bestreden =
    bestredenKeten.length > 0
      ? {
          tekst:
            `het contracteerruimtebesluit van de NZa ${beschrijf(bestredenKeten[0]!)}` +
            bestredenKeten
              .slice(1)
              .map((k) => `, zoals gewijzigd bij het besluit ${beschrijf(k)}`)
              .join(''),
          kenmerken: bestredenKeten.map((k) => k.kenmerk),
        }
      : null;
  const crBedrag = crPlek >= 0 ? { kenmerk: cr!.kenmerk, tekst: formatEuro(keten[crPlek]!.bedragCenten) } : null;
  // A later besluit for the same region and year replaced the contested one: the beroep extends to it (art. 6:19 lid 1
  // Awb), and a vovo aims at the besluit in force.
  const later = crPlek >= 0 && crPlek < keten.length - 1 ? keten[keten.length - 1]! : undefined;
  const nieuwBesluit = later
    ? {
        kenmerk: later.kenmerk,
        besluitdatumTekst: formatDatumKort(later.besluitdatum),
        bekendgemaaktTekst: formatDatumKort(later.bekendgemaakt),
        omschrijving: `het contracteerruimtebesluit van de NZa ${beschrijf(later)}`,
        bedrag: { kenmerk: later.kenmerk, tekst: formatEuro(later.bedragCenten) },
        vervangt: bestredenKeten.map((k) => k.kenmerk).join(' zoals gewijzigd bij '),
      }
    : null;
  return { cr, huidigBedrag, keten, crPlek, bestredenKeten, bestreden, crBedrag, later, nieuwBesluit };
}

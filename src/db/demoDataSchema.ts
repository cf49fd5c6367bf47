import { z } from 'zod';
import { CONTRACTEERRUIMTE_SOORTEN, TARIEFBESCHIKKING_SOORTEN } from '../domain/besluiten/besluit';
import { GEBRUIKER_ROLLEN, ORGANISATIE_SOORTEN, ZAAK_SOORTEN, ZAAK_STATUSSEN } from './schema';

const datum = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const kvk = z.string().regex(/^\d{8}$/);

/** The shape of seed/demo.json. */
export const demoDataSchema = z.object({
  organisaties: z.array(
    z.object({
      naam: z.string(),
      soort: z.enum(ORGANISATIE_SOORTEN),
      adres: z.string().nullable(),
      postcode: z.string().nullable(),
      plaats: z.string().nullable(),
      kvkNummer: kvk.nullable(),
      email: z.string().nullable(),
      telefoon: z.string().nullable(),
      /** A PNG file in seed/, used as letterhead logo. */
      logo: z
        .string()
        .regex(/^[\w.-]+\.png$/)
        .nullable(),
    }),
  ),
  gebruikers: z.array(z.object({ naam: z.string(), email: z.string(), rol: z.enum(GEBRUIKER_ROLLEN), organisatie: z.string(), weekoverzicht: z.boolean() })),
  zorgaanbieders: z.array(
    z.object({
      naam: z.string(),
      kvkNummer: kvk,
      adres: z.string(),
      postcode: z.string(),
      plaats: z.string(),
      vertegenwoordigd: z.array(z.string()),
    }),
  ),
  contracteerruimtebesluiten: z.array(
    z.object({
      kenmerk: z.string(),
      soort: z.enum(CONTRACTEERRUIMTE_SOORTEN),
      besluitdatum: datum,
      bekendgemaakt: datum,
      bedragen: z.array(z.object({ regio: z.string(), jaar: z.number().int(), bedragCenten: z.number().int() })),
    }),
  ),
  tariefbeschikkingen: z.array(
    z.object({
      kenmerk: z.string(),
      zorgaanbieder: kvk,
      regio: z.string(),
      jaar: z.number().int(),
      soort: z.enum(TARIEFBESCHIKKING_SOORTEN),
      besluitdatum: datum,
      bekendgemaakt: datum,
    }),
  ),
  zaken: z.array(
    z.object({
      soort: z.enum(ZAAK_SOORTEN),
      organisatie: z.string(),
      zorgaanbieder: kvk,
      tariefbeschikking: z.string().optional(),
      contracteerruimtebesluit: z.string().optional(),
      regio: z.string().optional(),
      jaar: z.number().int().optional(),
      status: z.enum(ZAAK_STATUSSEN),
      ingesteld: datum.optional(),
      afgerond: datum.optional(),
      cbbZaaknummer: z.string().optional(),
      uitspraak: z.string().optional(),
      verantwoordelijke: z.string(),
      notities: z.string(),
      gronden: z.string(),
    }),
  ),
  /** Beroepen the NZa registered as received from the CBb (issue 28). */
  ontvangenBeroepen: z
    .array(
      z.object({
        cbbZaaknummer: z.string(),
        appellant: z.string(),
        regio: z.string(),
        jaar: z.number().int(),
        contracteerruimtebesluit: z.string().optional(),
        tariefbeschikking: z.string().optional(),
        ingesteld: datum,
        afgerond: datum.optional(),
      }),
    )
    .default([]),
});

export type DemoData = z.infer<typeof demoDataSchema>;

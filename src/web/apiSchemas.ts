import { z } from '@hono/zod-openapi';

/**
 * The shapes of the JSON API (/api/v1) as zod schemas: the route declarations of src/web/apiRoutes.ts use them
 * both to validate requests and to describe answers in the OpenAPI document (GET /api/v1/openapi.json). The input
 * schemas themselves live in src/validation (shared with the forms and the CLI).
 */

const datum = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ format: 'date', example: '2026-11-22' });

/** A field error: which field, and what is wrong with it, in Dutch. */
export const VeldFoutSchema = z.object({ veld: z.string(), melding: z.string() }).openapi('VeldFout');

/** THE error shape of every /api/v1 answer that is not a success (issue 32.5): `fout` always, `fouten` per field. */
export const FoutSchema = z
  .object({
    fout: z.string().openapi({ description: 'wat er mis is, in het Nederlands' }),
    fouten: z.array(VeldFoutSchema).optional().openapi({ description: 'per veld wat er mis is (bij ongeldige invoer)' }),
    id: z.number().int().optional().openapi({ description: 'bij 409: het id van wat er al is' }),
  })
  .openapi('Fout');

const foutAntwoord = (description: string) => ({ content: { 'application/json': { schema: FoutSchema } }, description });

/** The refusals every route can answer: no or an unknown token, not allowed, too many requests. */
export const STANDAARD_FOUTEN = {
  401: foutAntwoord('geen of een onbekend API-token'),
  403: foutAntwoord('het token of de gebruiker mag dit niet (rol of scope)'),
  429: foutAntwoord('te veel verzoeken met dit token; probeer het na Retry-After seconden opnieuw'),
};
/** And the refusals of a route with a JSON body. */
export const BODY_FOUTEN = {
  ...STANDAARD_FOUTEN,
  400: foutAntwoord('de body is geen leesbare JSON, of te diep genest'),
  413: foutAntwoord('de body is te groot (MAX_FORMULIER_MB)'),
  422: foutAntwoord('ongeldige invoer: `fouten` zegt per veld wat er mis is; of een Idempotency-Key die al voor een ander verzoek is gebruikt'),
};
export const NIET_GEVONDEN = { 404: foutAntwoord('bestaat niet of is niet van uw organisatie') };
export const LIJST_FOUTEN = { ...STANDAARD_FOUTEN, 400: foutAntwoord('een ongeldig filter, limit of cursor') };

/** A JSON answer with its schema: `{ 200: jsonAntwoord(Schema, 'wat') }`. */
export const jsonAntwoord = <S extends z.ZodType>(schema: S, description: string) => ({ content: { 'application/json': { schema } }, description });
/** A JSON request body with its schema (required). */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** The `Idempotency-Key` header every POST honours (issue 32.2). */
export const IdempotentieKop = z.object({
  /** Header names are case-insensitive: `Idempotency-Key` as usual. */
  'idempotency-key': z.string().min(1).max(200).optional().openapi({
    description:
      'Een eigen sleutel (bijvoorbeeld een UUID) per bedoelde handeling: een herhaald verzoek met dezelfde sleutel en body krijgt het eerste antwoord terug en maakt niets dubbel (24 uur bewaard, per token).',
  }),
});

export const PagineringQuery = z.object({
  limit: z.string().optional().openapi({ description: 'hoeveel per pagina (standaard 100, hoogstens 1000)', example: '100' }),
  cursor: z.string().optional().openapi({ description: 'de `volgende` van de vorige pagina' }),
});
const volgende = z.string().nullable().openapi({ description: 'de `cursor` van de volgende pagina (ook in de kop `Link`), of null: dit was de laatste' });

const AfleidingStapSchema = z.object({ stap: z.string(), datum, grondslag: z.string() }).openapi('AfleidingStap');
const rechtsmiddel = z.enum(['bezwaar', 'beroep']);
const tegen = z.enum(['tariefbeschikking', 'contracteerruimte']);
const statusWaarde = z.enum(['nog-niet-open', 'open', 'in-beroep', 'onherroepelijk']);

/** What a term and an exclusion share: the decision, the remedy, against what, where, when and for whom. */
const besluitVelden = { besluit: z.string(), rechtsmiddel, tegen, regio: z.string(), jaar: z.number().int(), partij: z.string().optional() };

export const TermijnSchema = z
  .object({
    sleutel: z.string().openapi({ description: 'stabiele sleutel van deze termijn (verandert niet als de datum verschuift); voor POST /zaken' }),
    ...besluitVelden,
    soort: z.enum(['termijn', 'beschermend']),
    aanvang: datum,
    einde: datum,
    perPostUiterlijkOntvangen: datum,
    grondslag: z.array(z.string()),
    toelichting: z.string(),
    twijfel: z.string().optional(),
    afleiding: z.array(AfleidingStapSchema),
    noten: z.array(z.string()),
    herinnerd: z.array(z.string()).openapi({ description: 'de e-mailadressen die de herinnering van deze termijn krijgen' }),
  })
  .openapi('Termijn');

const UitsluitingSchema = z
  .object({
    ...besluitVelden,
    reden: z.enum(['sluittarief-nacalculatie', 'geen-productieafspraken', 'onherroepelijk', 'geen-bezwaar-tegen-contracteerruimte', 'oud-regime']),
    grondslag: z.array(z.string()),
    toelichting: z.string(),
    twijfel: z.string().optional(),
    eindeAlsToch: datum.optional(),
  })
  .openapi('Uitsluiting');

const statusVelden = {
  regio: z.string(),
  jaar: z.number().int(),
  status: statusWaarde,
  veiligeUitersteDatum: datum.optional(),
  sinds: datum.optional(),
  perPostUiterlijkOntvangen: datum.optional(),
};
const WaarschuwingSchema = z
  .object({ code: z.string(), melding: z.string(), besluit: z.string().optional(), jaar: z.number().int().optional() })
  .openapi('Waarschuwing');

export const TermijnenAntwoord = z
  .object({
    peildatum: datum,
    termijnen: z.array(TermijnSchema),
    uitsluitingen: z.array(UitsluitingSchema),
    status: z.array(z.object(statusVelden).openapi('RegioJaarStatus')),
    partijStatus: z.array(z.object({ partij: z.string(), ...statusVelden, twijfel: z.string().optional() }).openapi('PartijStatus')),
    waarschuwingen: z.array(WaarschuwingSchema),
    volgende,
  })
  .openapi('Termijnen');

const BedragSchema = z.object({ regio: z.string(), jaar: z.number().int(), bedragCenten: z.number().int() });
export const BesluitenAntwoord = z
  .object({
    contracteerruimtebesluiten: z.array(
      z
        .object({
          id: z.number().int(),
          type: z.literal('contracteerruimte'),
          kenmerk: z.string(),
          soort: z.string(),
          besluitdatum: datum,
          bekendgemaakt: datum,
          bedragen: z.array(BedragSchema),
        })
        .openapi('Contracteerruimtebesluit'),
    ),
    tariefbeschikkingen: z.array(
      z
        .object({
          id: z.number().int(),
          type: z.literal('tariefbeschikking'),
          kenmerk: z.string(),
          zorgaanbieder: z.string(),
          regio: z.string(),
          jaar: z.number().int(),
          soort: z.string(),
          besluitdatum: datum,
          bekendgemaakt: datum,
        })
        .openapi('Tariefbeschikking'),
    ),
    volgende,
  })
  .openapi('Besluiten');

/** A registered decision with the terms it opened (the same JSON as GET /termijnen, without `sleutel`/`herinnerd`). */
export const BesluitGeregistreerd = z
  .object({
    id: z.number().int(),
    type: tegen,
    kenmerk: z.string(),
    termijnen: z.array(TermijnSchema.omit({ sleutel: true, herinnerd: true })),
    uitsluitingen: z.array(UitsluitingSchema),
    waarschuwingen: z.array(z.object({ code: z.string(), melding: z.string() })),
  })
  .openapi('BesluitGeregistreerd');

export const ClientSchema = z
  .object({
    id: z.number().int(),
    naam: z.string(),
    kvkNummer: z.string(),
    adres: z.string().nullable(),
    postcode: z.string().nullable(),
    plaats: z.string().nullable(),
  })
  .openapi('Client');

export const ZaakSchema = z
  .object({
    id: z.number().int(),
    soort: rechtsmiddel,
    status: z.enum(['concept', 'ingediend', 'afgerond']),
    regio: z.string().nullable(),
    jaar: z.number().int().nullable(),
    zorgaanbieder: z.string().nullable(),
    zorgaanbiederId: z.number().int().nullable(),
    tariefbeschikking: z.string().nullable(),
    tariefbeschikkingId: z.number().int().nullable(),
    tariefbeschikkingJaar: z.number().int().nullable(),
    tariefbeschikkingRegio: z.string().nullable(),
    contracteerruimtebesluit: z.string().nullable(),
    ingesteld: datum.nullable(),
    afgerond: datum.nullable(),
    cbbZaaknummer: z.string().nullable(),
    griffierechtMededeling: datum.nullable(),
    uitspraak: z.string().nullable(),
    verantwoordelijke: z.string().nullable(),
    verantwoordelijkeId: z.number().int().nullable(),
    notities: z.string(),
    herinneringsschema: z.string().nullable(),
    organisatieId: z.number().int(),
  })
  .openapi('Zaak');

export const ZakenAntwoord = z.object({ zaken: z.array(ZaakSchema), volgende }).openapi('Zaken');

export const ZaakGebeurtenisSchema = z
  .object({ datum, omschrijving: z.string(), door: z.string().nullable(), op: z.string().openapi({ description: 'wanneer vastgelegd (ISO-tijd)' }) })
  .openapi('ZaakGebeurtenis');
export const GebeurtenissenAntwoord = z.object({ gebeurtenissen: z.array(ZaakGebeurtenisSchema) }).openapi('ZaakGebeurtenissen');

export const ZaakIdParam = z.object({
  id: z.coerce
    .number({ error: 'een zaaknummer is een positief geheel getal' })
    .int({ error: 'een zaaknummer is een positief geheel getal' })
    .positive({ error: 'een zaaknummer is een positief geheel getal' })
    .max(2 ** 31, { error: 'een zaaknummer is een positief geheel getal' })
    .openapi({ param: { name: 'id', in: 'path' }, type: 'integer', example: 1 }),
});

import { z } from 'zod';
import { datumInvoerVeld } from './besluitInvoer';
import { keuzeVeld, regioInvoerVeld, tekstVeld } from './velden';
import { parseSchema } from '../domain/herinneringen/herinneringsmomenten';

const id = (wat: string) =>
  z.coerce
    .number({ error: `ongeldige ${wat}` })
    .int({ error: `ongeldige ${wat}` })
    .positive({ error: `ongeldige ${wat}` })
    .max(2 ** 31, { error: `ongeldige ${wat}` });

export const zaakOpenenInvoer = z.union(
  [
    z.object({ soort: keuzeVeld(['beroep', 'bezwaar'] as const, 'soort zaak'), tariefbeschikkingId: id('tariefbeschikking') }).strict(),
    z
      .object({
        soort: keuzeVeld(['beroep', 'bezwaar'] as const, 'soort zaak'),
        contracteerruimtebesluitId: id('contracteerruimtebesluit'),
        regio: regioInvoerVeld(),
        jaar: z.coerce.number().int().min(2000).max(2100),
        zorgaanbiederId: id('cliënt'),
      })
      .strict(),
  ],
  { error: 'kies de tariefbeschikking, of het contracteerruimtebesluit waartegen de zaak loopt en de cliënt voor wie' },
);

export const ingesteldInvoer = z
  .object({
    ingesteld: datumInvoerVeld(),
    cbbZaaknummer: z
      .string()
      .trim()
      .max(40, { error: 'is te lang (meer dan 40 tekens)' })
      .refine((v) => v === '' || /^[A-Za-z0-9 /.-]+$/.test(v), { error: 'gebruik cijfers, letters, spaties en / . -' })
      .transform((v) => (v === '' ? undefined : v))
      .optional(),
  })
  .strict();

export const uitspraakInvoer = z.object({ afgerond: datumInvoerVeld(), uitspraak: tekstVeld(2000) }).strict();

export const griffierechtInvoer = z.object({ griffierechtMededeling: datumInvoerVeld() }).strict();

export const notitiesInvoer = z
  .object({
    notities: z.string({ error: 'verwacht tekst' }).max(20_000, { error: 'is te lang (meer dan 20.000 tekens)' }),
    verantwoordelijkeId: z.preprocess((v) => (v === '' ? null : v), id('verantwoordelijke').nullable()),
    /** Reminder schedule for this case only; empty = the responsible person's own schedule. */
    herinneringsschema: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const schema = parseSchema(v);
        if (!schema) {
          ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v.slice(0, 30))} is geen lijst werkdagen (bijvoorbeeld 10, 5, 1, 0)` });
          return z.NEVER;
        }
        return schema.join(',');
      }),
  })
  .strict();

/** Undo "ingesteld": nothing to fill in; the case says what is undone. */
export const ongedaanInvoer = z.object({}).strict();

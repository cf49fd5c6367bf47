import { z } from 'zod';
import { CONTRACTEERRUIMTE_SOORTEN, TARIEFBESCHIKKING_SOORTEN } from '../domain/besluiten/besluit';
import { parseEuroBedrag } from '../domain/bedragen/euro';
import { isGeldigeIsoDatum } from '../domain/kalender/kalenderdatum';
import { keuzeVeld, MAX_JAAR, MIN_JAAR, normaliseerDatumTekst, regioInvoerVeld, tekstVeld, formatWaarde } from './velden';

/** A date typed as dd-mm-jjjj (also d-m-jjjj, with / or .) or picked from a date input (jjjj-mm-dd); yields ISO. */
export function datumInvoerVeld() {
  return z
    .string({ error: (iss) => (iss.input === undefined ? 'vul een datum in' : `verwacht een datum, niet ${formatWaarde(iss.input)}`) })
    .trim()
    .min(1, { error: 'vul een datum in (dd-mm-jjjj)' })
    .transform((tekst, ctx) => {
      const iso = normaliseerDatumTekst(tekst);
      if (!isGeldigeIsoDatum(iso)) {
        ctx.addIssue({ code: 'custom', message: `${formatWaarde(tekst)} is geen geldige datum (dd-mm-jjjj)` });
        return z.NEVER;
      }
      const jaar = Number(iso.slice(0, 4));
      if (jaar < MIN_JAAR || jaar > MAX_JAAR) {
        ctx.addIssue({ code: 'custom', message: `${formatWaarde(tekst)} valt buiten ${MIN_JAAR}–${MAX_JAAR}` });
        return z.NEVER;
      }
      return iso;
    });
}

/** A year typed in a form or sent as a number. */
export function jaarInvoerVeld() {
  return z.union([z.number(), z.string().trim()], { error: 'vul een jaar in' }).transform((waarde, ctx) => {
    const jaar = typeof waarde === 'number' ? waarde : /^\d{4}$/.test(waarde) ? Number(waarde) : NaN;
    if (!Number.isInteger(jaar) || jaar < 2000 || jaar > 2100) {
      ctx.addIssue({ code: 'custom', message: waarde === '' ? 'vul een jaar in' : `${formatWaarde(waarde)} is geen jaar tussen 2000 en 2100` });
      return z.NEVER;
    }
    return jaar;
  });
}

/** "€ 1.234.567,89", "1234567,89" or a number of euros; yields cents. */
export function bedragInvoerVeld() {
  return z.union([z.number(), z.string().trim()], { error: 'vul een bedrag in' }).transform((waarde, ctx) => {
    const centen = typeof waarde === 'number' ? (Number.isFinite(waarde) && waarde >= 0 ? Math.round(waarde * 100) : null) : parseEuroBedrag(waarde);
    if (centen === null || centen > 1_000_000_000_000_00) {
      ctx.addIssue({ code: 'custom', message: waarde === '' ? 'vul een bedrag in' : `${formatWaarde(waarde)} is geen bedrag (bijvoorbeeld 1.234.567,89)` });
      return z.NEVER;
    }
    return centen;
  });
}

export const kenmerkVeld = () =>
  tekstVeld(80).refine((k) => /^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u.test(k), {
    error: 'gebruik letters, cijfers, spaties en . / _ -',
  });

const bekendNaBesluit = <T extends { besluitdatum: string; bekendgemaakt: string }>(b: T) => b.bekendgemaakt >= b.besluitdatum;
const BEKEND_NA_BESLUIT = { error: 'de bekendmaking kan niet vóór de besluitdatum liggen', path: ['bekendgemaakt'] };

export const contracteerruimtebesluitInvoer = z
  .object({
    kenmerk: kenmerkVeld(),
    soort: keuzeVeld(CONTRACTEERRUIMTE_SOORTEN, 'soort'),
    besluitdatum: datumInvoerVeld(),
    bekendgemaakt: datumInvoerVeld(),
    bedragen: z
      .array(z.object({ regio: regioInvoerVeld(), jaar: jaarInvoerVeld(), bedrag: bedragInvoerVeld() }), {
        error: 'verwacht een lijst bedragen per regio en jaar',
      })
      .min(1, { error: 'vul ten minste één regio, jaar en bedrag in' })
      .max(31 * 10, { error: 'te veel regels' }),
  })
  .strict()
  .refine(bekendNaBesluit, BEKEND_NA_BESLUIT)
  .superRefine((b, ctx) => {
    const gezien = new Map<string, number>();
    b.bedragen.forEach((r, i) => {
      const sleutel = `${r.regio}|${r.jaar}`;
      if (gezien.has(sleutel)) {
        ctx.addIssue({ code: 'custom', path: ['bedragen', i, 'jaar'], message: `${r.regio} ${r.jaar} staat al op regel ${gezien.get(sleutel)! + 1}` });
      } else gezien.set(sleutel, i);
    });
  });
export type ContracteerruimtebesluitInvoer = z.output<typeof contracteerruimtebesluitInvoer>;

export const tariefbeschikkingInvoer = z
  .object({
    kenmerk: kenmerkVeld(),
    zorgaanbieder: z.union([z.number(), z.string().trim()], { error: 'kies een zorgaanbieder' }).transform((v, ctx) => {
      const tekst = String(v);
      if (!/^\d{8}$/.test(tekst)) {
        ctx.addIssue({ code: 'custom', message: tekst === '' ? 'kies een zorgaanbieder' : `${formatWaarde(v)} is geen KvK-nummer van 8 cijfers` });
        return z.NEVER;
      }
      return tekst;
    }),
    regio: regioInvoerVeld(),
    jaar: jaarInvoerVeld(),
    soort: keuzeVeld(TARIEFBESCHIKKING_SOORTEN, 'soort'),
    besluitdatum: datumInvoerVeld(),
    bekendgemaakt: datumInvoerVeld(),
  })
  .strict()
  .refine(bekendNaBesluit, BEKEND_NA_BESLUIT);
export type TariefbeschikkingInvoer = z.output<typeof tariefbeschikkingInvoer>;

/** What the live preview needs of a tariefbeschikking: enough to compute its terms. */
export const tariefbeschikkingVoorbeeldInvoer = z.object({
  regio: regioInvoerVeld(),
  jaar: jaarInvoerVeld(),
  soort: keuzeVeld(TARIEFBESCHIKKING_SOORTEN, 'soort'),
  bekendgemaakt: datumInvoerVeld(),
});

/** A beroep the NZa received, as the CBb's notice states it (issue 28.1). */
export const ontvangenBeroepInvoer = z
  .object({
    cbbZaaknummer: tekstVeld(40).refine((k) => /^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u.test(k), { error: 'gebruik letters, cijfers, spaties en . / _ -' }),
    appellant: tekstVeld(200),
    regio: regioInvoerVeld(),
    jaar: jaarInvoerVeld(),
    /** The kenmerk of the contracteerruimtebesluit, or of the NZa's own tariefbeschikking the beroep runs through. */
    tegen: kenmerkVeld(),
    ingesteld: datumInvoerVeld(),
  })
  .strict();
export type OntvangenBeroepInvoer = z.output<typeof ontvangenBeroepInvoer>;

export const beroepAfgerondInvoer = z.object({ afgerond: datumInvoerVeld() }).strict();

/** A client record through the API (issue 28.3): `{ naam, kvk, adres?, postcode?, plaats? }`. */
export const clientInvoer = z
  .object({
    naam: tekstVeld(200),
    kvk: z
      .string({ error: 'vul het KvK-nummer in' })
      .trim()
      .regex(/^\d{8}$/, { error: 'een KvK-nummer heeft 8 cijfers' }),
    adres: z.string().trim().max(200, { error: 'is te lang (meer dan 200 tekens)' }).optional(),
    postcode: z.string().trim().max(20, { error: 'is te lang (meer dan 20 tekens)' }).optional(),
    plaats: z.string().trim().max(100, { error: 'is te lang (meer dan 100 tekens)' }).optional(),
  })
  .strict();

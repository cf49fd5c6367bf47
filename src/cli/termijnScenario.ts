import { z } from 'zod';
import {
  CONTRACTEERRUIMTE_SOORTEN,
  TARIEFBESCHIKKING_SOORTEN,
  type TermijnInvoer,
} from '../domain/besluiten/besluit';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import { isoDatumVeld, jaarVeld, keuzeVeld, regioVeld, tekstVeld, toon, toVeldFouten, type VeldFout } from '../validation/velden';

const contracteerruimteSchema = z
  .object({
    id: tekstVeld(100),
    type: z.literal('contracteerruimte'),
    soort: keuzeVeld(CONTRACTEERRUIMTE_SOORTEN, 'soort voor een contracteerruimtebesluit'),
    regio: regioVeld(),
    bekendgemaakt: isoDatumVeld(),
    jaren: z
      .array(jaarVeld(), { error: (iss) => (iss.input === undefined ? 'ontbreekt' : `verwacht een lijst jaartallen, niet ${toon(iss.input)}`) })
      .min(1, { error: 'noem ten minste één jaar' })
      .refine((jaren) => new Set(jaren).size === jaren.length, { error: 'noemt een jaar dubbel' }),
  })
  .strict();

const tariefbeschikkingSchema = z
  .object({
    id: tekstVeld(100),
    type: z.literal('tariefbeschikking'),
    soort: keuzeVeld(TARIEFBESCHIKKING_SOORTEN, 'soort voor een tariefbeschikking'),
    regio: regioVeld(),
    jaar: jaarVeld(),
    bekendgemaakt: isoDatumVeld(),
  })
  .strict();

const besluitSchema = z.discriminatedUnion('type', [contracteerruimteSchema, tariefbeschikkingSchema], {
  error: (iss) => {
    const type = (iss.input as { type?: unknown } | undefined)?.type;
    if (typeof iss.input !== 'object' || iss.input === null) return `verwacht een besluit (object), niet ${toon(iss.input)}`;
    return type === undefined
      ? 'ontbreekt (contracteerruimte of tariefbeschikking)'
      : `${toon(type)} is geen geldig type (toegestaan: contracteerruimte, tariefbeschikking)`;
  },
});

const beroepSchema = z
  .object({
    tegen: tekstVeld(100),
    jaar: jaarVeld(),
    ingesteld: isoDatumVeld(),
    afgerond: isoDatumVeld().nullable().default(null),
  })
  .strict();

const scenarioSchema = z
  .object({
    peildatum: isoDatumVeld().optional(),
    besluiten: z.array(besluitSchema, {
      error: (iss) => (iss.input === undefined ? 'ontbreekt' : `verwacht een lijst besluiten, niet ${toon(iss.input)}`),
    }),
    beroepen: z
      .array(beroepSchema, { error: (iss) => `verwacht een lijst beroepen, niet ${toon(iss.input)}` })
      .default([]),
  }, { error: (iss) => `verwacht een JSON-object met besluiten, niet ${toon(iss.input)}` })
  .strict()
  .superRefine((scenario, ctx) => {
    const eerstePlaats = new Map<string, number>();
    scenario.besluiten.forEach((besluit, i) => {
      const eerder = eerstePlaats.get(besluit.id);
      if (eerder !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['besluiten', i, 'id'], message: `${toon(besluit.id)} komt al voor bij besluiten[${eerder}]` });
      } else eerstePlaats.set(besluit.id, i);
    });
    scenario.beroepen.forEach((beroep, i) => {
      const plaats = eerstePlaats.get(beroep.tegen);
      const besluit = plaats === undefined ? undefined : scenario.besluiten[plaats];
      if (!besluit) {
        ctx.addIssue({ code: 'custom', path: ['beroepen', i, 'tegen'], message: `${toon(beroep.tegen)} is geen besluit uit besluiten` });
        return;
      }
      const jaren = besluit.type === 'contracteerruimte' ? besluit.jaren : [besluit.jaar];
      if (!jaren.includes(beroep.jaar)) {
        ctx.addIssue({
          code: 'custom',
          path: ['beroepen', i, 'jaar'],
          message: `${beroep.jaar} valt niet onder besluit ${toon(besluit.id)} (${jaren.join(', ')})`,
        });
      }
      if (beroep.afgerond !== null && beroep.afgerond < beroep.ingesteld) {
        ctx.addIssue({ code: 'custom', path: ['beroepen', i, 'afgerond'], message: 'ligt vóór de datum waarop het beroep is ingesteld' });
      }
    });
  });

export type ParseUitkomst = { ok: true; invoer: TermijnInvoer } | { ok: false; fouten: VeldFout[] };

/** Validates a `termijnen` scenario (see spec/cli-termijnen.md); `vandaag` fills in a missing peildatum. */
export function parseTermijnScenario(ruw: unknown, vandaag: IsoDatum): ParseUitkomst {
  const result = scenarioSchema.safeParse(ruw);
  if (!result.success) return { ok: false, fouten: toVeldFouten(result.error) };
  const { peildatum, besluiten, beroepen } = result.data;
  return { ok: true, invoer: { peildatum: peildatum ?? vandaag, besluiten, beroepen } };
}

import { z } from 'zod';
import { CONTRACTEERRUIMTE_SOORTEN, TARIEFBESCHIKKING_SOORTEN, type TermijnInvoer } from '../domain/besluiten/besluit';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import { EERSTE_BEKENDMAKING, LAATSTE_BEKENDMAKING } from '../domain/termijnen/awbTermijn';
import { ALLE_ZORGKANTOORREGIOS, findZorgkantoorregio, isGeldigOp } from '../domain/regios/zorgkantoorregios';
import { formatDatumKort } from '../domain/kalender/kalenderdatum';
import { isoDatumVeld, jaarVeld, keuzeVeld, regioVeld, tekstVeld, formatWaarde, toVeldFouten, type VeldFout } from '../validation/velden';

/** Art. 105 Wmg terms are computed for bekendmakingen from the Awb (1994) through 2200 (termijnregels §3). */
const bekendmakingVeld = () =>
  isoDatumVeld().refine((d) => d >= EERSTE_BEKENDMAKING && d <= LAATSTE_BEKENDMAKING, {
    error: (iss) => `${formatWaarde(iss.input)} ligt buiten het bereik van de rekenregels (1 januari 1994 tot en met 31 december 2200)`,
  });

const contracteerruimteSchema = z
  .object({
    id: tekstVeld(100),
    type: z.literal('contracteerruimte'),
    soort: keuzeVeld(CONTRACTEERRUIMTE_SOORTEN, 'soort voor een contracteerruimtebesluit'),
    regio: regioVeld(),
    bekendgemaakt: bekendmakingVeld(),
    jaren: z
      .array(jaarVeld(), { error: (iss) => (iss.input === undefined ? 'ontbreekt' : `verwacht een lijst jaartallen, niet ${formatWaarde(iss.input)}`) })
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
    bekendgemaakt: bekendmakingVeld(),
    aanbieder: tekstVeld(200).optional(),
  })
  .strict();

const besluitSchema = z.discriminatedUnion('type', [contracteerruimteSchema, tariefbeschikkingSchema], {
  error: (iss) => {
    const type = (iss.input as { type?: unknown } | undefined)?.type;
    if (typeof iss.input !== 'object' || iss.input === null) return `verwacht een besluit (object), niet ${formatWaarde(iss.input)}`;
    return type === undefined
      ? 'ontbreekt (contracteerruimte of tariefbeschikking)'
      : `${formatWaarde(type)} is geen geldig type (toegestaan: contracteerruimte, tariefbeschikking)`;
  },
});

const beroepSchema = z
  .object({
    tegen: tekstVeld(100),
    jaar: jaarVeld(),
    ingesteld: isoDatumVeld(),
    afgerond: isoDatumVeld().nullable().default(null),
    partij: tekstVeld(200).optional(),
  })
  .strict();

const partijSchema = z
  .object({
    partij: tekstVeld(200),
    soort: keuzeVeld(['zorgaanbieder', 'zorgkantoor'], 'soort partij'),
    regio: regioVeld(),
  })
  .strict();

const gelijkgesteldeDagenSchema = z.array(isoDatumVeld(), {
  error: (iss) => `verwacht een lijst datums ("JJJJ-MM-DD"), niet ${formatWaarde(iss.input)}`,
});

const scenarioSchema = z
  .object(
    {
      peildatum: isoDatumVeld().optional(),
      besluiten: z.array(besluitSchema, {
        error: (iss) => (iss.input === undefined ? 'ontbreekt' : `verwacht een lijst besluiten, niet ${formatWaarde(iss.input)}`),
      }),
      beroepen: z.array(beroepSchema, { error: (iss) => `verwacht een lijst beroepen, niet ${formatWaarde(iss.input)}` }).default([]),
      partijen: z.array(partijSchema, { error: (iss) => `verwacht een lijst partijen, niet ${formatWaarde(iss.input)}` }).optional(),
      gelijkgesteldeDagen: gelijkgesteldeDagenSchema.optional(),
      inwerkingtreding: isoDatumVeld().optional(),
    },
    { error: (iss) => `verwacht een JSON-object met besluiten, niet ${formatWaarde(iss.input)}` },
  )
  .strict()
  .superRefine((scenario, ctx) => {
    const eerstePlaats = new Map<string, number>();
    scenario.besluiten.forEach((besluit, i) => {
      // Termijnregels §11: a decision belongs to a region that existed when it was made known.
      const regio = findZorgkantoorregio(besluit.regio);
      if (regio && !isGeldigOp(regio, besluit.bekendgemaakt)) {
        const opvolger = ALLE_ZORGKANTOORREGIOS.find((r) => r.code === regio.opgevolgdDoor);
        ctx.addIssue({
          code: 'custom',
          path: ['besluiten', i, 'regio'],
          message:
            `${formatWaarde(regio.naam)} bestond op ${formatDatumKort(besluit.bekendgemaakt)} niet meer als zorgkantoorregio` +
            (regio.geldigTot ? ` (tot en met ${formatDatumKort(regio.geldigTot)}${opvolger ? `; opgevolgd door ${opvolger.naam}` : ''})` : ''),
        });
      }
      const eerder = eerstePlaats.get(besluit.id);
      if (eerder !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['besluiten', i, 'id'], message: `${formatWaarde(besluit.id)} komt al voor bij besluiten[${eerder}]` });
      } else eerstePlaats.set(besluit.id, i);
    });
    scenario.beroepen.forEach((beroep, i) => {
      const plaats = eerstePlaats.get(beroep.tegen);
      const besluit = plaats === undefined ? undefined : scenario.besluiten[plaats];
      if (!besluit) {
        ctx.addIssue({ code: 'custom', path: ['beroepen', i, 'tegen'], message: `${formatWaarde(beroep.tegen)} is geen besluit uit besluiten` });
        return;
      }
      const jaren = besluit.type === 'contracteerruimte' ? besluit.jaren : [besluit.jaar];
      if (!jaren.includes(beroep.jaar)) {
        ctx.addIssue({
          code: 'custom',
          path: ['beroepen', i, 'jaar'],
          message: `${beroep.jaar} valt niet onder besluit ${formatWaarde(besluit.id)} (${jaren.join(', ')})`,
        });
      }
      if (beroep.afgerond !== null && beroep.afgerond < beroep.ingesteld) {
        ctx.addIssue({ code: 'custom', path: ['beroepen', i, 'afgerond'], message: 'ligt vóór de datum waarop het beroep is ingesteld' });
      }
    });
  });

export interface TermijnScenario {
  invoer: TermijnInvoer;
  /** Extra days equated with a feestdag for this scenario (art. 3 lid 3 Atw), on top of the shipped KB days. */
  gelijkgesteldeDagen: IsoDatum[];
  /** Overrides the configured entry into force of art. 105 leden 2–4 Wmg. */
  inwerkingtreding?: IsoDatum;
}

export type ParseUitkomst = ({ ok: true } & TermijnScenario) | { ok: false; fouten: VeldFout[] };

/** Validates a `termijnen` scenario (see spec/cli-termijnen.md); `vandaag` fills in a missing peildatum. */
export function parseTermijnScenario(ruw: unknown, vandaag: IsoDatum): ParseUitkomst {
  const result = scenarioSchema.safeParse(ruw);
  if (!result.success) return { ok: false, fouten: toVeldFouten(result.error) };
  const { peildatum, besluiten, beroepen, partijen, gelijkgesteldeDagen, inwerkingtreding } = result.data;
  return {
    ok: true,
    invoer: { peildatum: peildatum ?? vandaag, besluiten, beroepen, ...(partijen ? { partijen } : {}) },
    gelijkgesteldeDagen: gelijkgesteldeDagen ?? [],
    ...(inwerkingtreding ? { inwerkingtreding } : {}),
  };
}

import { z } from 'zod';
import { CONTRACTEERRUIMTE_SOORTEN, TARIEFBESCHIKKING_SOORTEN, type TermijnInvoer } from '../domain/besluiten/besluit';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import { isBekendmakingInBereik } from '../domain/termijnen/awbTermijn';
import { ALLE_ZORGKANTOORREGIOS, findZorgkantoorregio, isGeldigOp, type Zorgkantoorregio } from '../domain/regios/zorgkantoorregios';
import { formatDatumKort } from '../domain/kalender/kalenderdatum';
import {
  isoDatumVeld,
  jaarVeld,
  keuzeVeld,
  regioVeld,
  tekstVeld,
  formatWaarde,
  formatPad,
  isBinnenJaren,
  toVeldFouten,
  type VeldFout,
} from '../validation/velden';
import { isGeldigeIsoDatum } from '../domain/kalender/kalenderdatum';

/** Art. 105 Wmg terms are computed for bekendmakingen from the Awb (1994) through 2200 (termijnregels §3). */
const bekendmakingVeld = () =>
  // A date that is no date (or outside 1900–2200) already has its one message from `isoDatumVeld`.
  isoDatumVeld().refine((d) => !isGeldigeIsoDatum(d) || !isBinnenJaren(d) || isBekendmakingInBereik(d), {
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
  .strict();

/**
 * The checks across fields (unique ids, a beroep naming a besluit of the input, a region that existed on the day), run on
 * the raw input whatever else is wrong with it: a user fixing a scenario sees every problem at once, one message each.
 */
function listSamenhangFouten(ruw: unknown): VeldFout[] {
  const fouten: VeldFout[] = [];
  if (typeof ruw !== 'object' || ruw === null) return fouten;
  const { besluiten, beroepen } = ruw as { besluiten?: unknown; beroepen?: unknown };
  const eerstePlaats = new Map<string, number>();
  const jarenVan = new Map<string, unknown>();
  if (Array.isArray(besluiten)) {
    besluiten.forEach((besluit: unknown, i) => {
      if (typeof besluit !== 'object' || besluit === null) return;
      const { id, regio: naam, bekendgemaakt, type, jaren, jaar } = besluit as Record<string, unknown>;
      // Termijnregels §11: a decision belongs to a region that existed when it was made known.
      const regio = typeof naam === 'string' ? findZorgkantoorregio(naam) : undefined;
      if (regio && typeof bekendgemaakt === 'string' && isGeldigeBekendmaking(bekendgemaakt) && !isGeldigOp(regio, bekendgemaakt)) {
        fouten.push({ veld: formatPad(['besluiten', i, 'regio']), melding: describeRegioNietGeldig(regio, bekendgemaakt) });
      }
      if (typeof id !== 'string' || id.trim() === '') return;
      const sleutel = id.trim();
      const eerder = eerstePlaats.get(sleutel);
      if (eerder !== undefined) {
        fouten.push({ veld: formatPad(['besluiten', i, 'id']), melding: `${formatWaarde(sleutel)} komt al voor bij besluiten[${eerder}]` });
        return;
      }
      eerstePlaats.set(sleutel, i);
      jarenVan.set(sleutel, type === 'contracteerruimte' ? jaren : [jaar]);
    });
  }
  if (Array.isArray(beroepen)) {
    beroepen.forEach((beroep: unknown, i) => {
      if (typeof beroep !== 'object' || beroep === null) return;
      const { tegen, jaar, ingesteld, afgerond } = beroep as Record<string, unknown>;
      if (typeof tegen === 'string' && tegen.trim() !== '') {
        const id = tegen.trim();
        if (!eerstePlaats.has(id)) {
          fouten.push({ veld: formatPad(['beroepen', i, 'tegen']), melding: `${formatWaarde(id)} is geen besluit uit besluiten` });
        } else {
          const jaren = jarenVan.get(id);
          if (typeof jaar === 'number' && Array.isArray(jaren) && jaren.every((j) => typeof j === 'number') && !jaren.includes(jaar)) {
            fouten.push({
              veld: formatPad(['beroepen', i, 'jaar']),
              melding: `${jaar} valt niet onder besluit ${formatWaarde(id)} (${jaren.join(', ')})`,
            });
          }
        }
      }
      if (
        typeof ingesteld === 'string' &&
        typeof afgerond === 'string' &&
        isGeldigeIsoDatum(ingesteld) &&
        isGeldigeIsoDatum(afgerond) &&
        afgerond < ingesteld
      ) {
        fouten.push({ veld: formatPad(['beroepen', i, 'afgerond']), melding: 'ligt vóór de datum waarop het beroep is ingesteld' });
      }
    });
  }
  return fouten;
}

function isGeldigeBekendmaking(datum: string): boolean {
  return isGeldigeIsoDatum(datum) && isBekendmakingInBereik(datum);
}

/** Why a region cannot hold a decision of that day: the shipped division starts later, or the region had ended. */
function describeRegioNietGeldig(regio: Zorgkantoorregio, datum: IsoDatum): string {
  if (regio.geldigVanaf !== null && datum < regio.geldigVanaf) {
    return (
      `de meegeleverde indeling van de zorgkantoorregio's begint op ${formatDatumKort(regio.geldigVanaf)}; voor een bekendmaking op ` +
      `${formatDatumKort(datum)} kent zij ${formatWaarde(regio.naam)} niet (de referentiegegevens gaan niet verder terug)`
    );
  }
  const opvolger = ALLE_ZORGKANTOORREGIOS.find((r) => r.code === regio.opgevolgdDoor);
  return (
    `${formatWaarde(regio.naam)} bestond op ${formatDatumKort(datum)} niet meer als zorgkantoorregio` +
    (regio.geldigTot ? ` (tot en met ${formatDatumKort(regio.geldigTot)}${opvolger ? `; opgevolgd door ${opvolger.naam}` : ''})` : '')
  );
}

/** Fields in the order of the input: by key as the contract lists them, then by place in a list. */
function compareVeld(a: VeldFout, b: VeldFout): number {
  const sleutel = (veld: string) => {
    const volgorde = ['peildatum', 'besluiten', 'beroepen', 'partijen', 'gelijkgesteldeDagen', 'inwerkingtreding'];
    const hoofd = veld.split(/[.[]/)[0]!;
    const plaats = volgorde.indexOf(hoofd);
    return `${String(plaats < 0 ? 99 : plaats).padStart(2, '0')}${veld.replace(/\d+/g, (n) => n.padStart(9, '0'))}`;
  };
  const [x, y] = [sleutel(a.veld), sleutel(b.veld)];
  return x < y ? -1 : x > y ? 1 : 0;
}

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
  const samenhang = listSamenhangFouten(ruw);
  if (!result.success || samenhang.length > 0) {
    const fouten = [...(result.success ? [] : toVeldFouten(result.error)), ...samenhang];
    return { ok: false, fouten: fouten.sort(compareVeld) };
  }
  const { peildatum, besluiten, beroepen, partijen, gelijkgesteldeDagen, inwerkingtreding } = result.data;
  return {
    ok: true,
    invoer: { peildatum: peildatum ?? vandaag, besluiten, beroepen, ...(partijen ? { partijen } : {}) },
    gelijkgesteldeDagen: gelijkgesteldeDagen ?? [],
    ...(inwerkingtreding ? { inwerkingtreding } : {}),
  };
}

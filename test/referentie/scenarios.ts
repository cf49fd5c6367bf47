import fc from 'fast-check';
import { addDagen, dagenTussen, type IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import { createAtwKalender } from '../../src/domain/kalender/atwKalender';
import type { Beroep, Besluit, GevraagdePartij, TariefbeschikkingSoort, TermijnInvoer } from '../../src/domain/besluiten/besluit';

/** A random scenario: the engine's input and the entry into force (undefined: not known, termijnregels §8). */
export interface Scenario {
  invoer: TermijnInvoer;
  inwerkingtreding: IsoDatum | undefined;
}

const REGIOS = ['Utrecht', 'Twente'] as const;
const ZORGKANTOOR: Record<(typeof REGIOS)[number], string> = { Utrecht: 'ZK-Utrecht', Twente: 'ZK-Twente' };
const AANBIEDERS = ['AGB-1', 'AGB-2', 'AGB-3'];

const kalender = createAtwKalender();

/**
 * Dates that matter for base year `basis`: bekendmakingen whose six weeks end on a feestdag, Goede Vrijdag or KB day (42
 * days before it, and the day before that), the days around 1 March (lid 3) and the turn of the year.
 */
function bijzondereDatums(basis: number): IsoDatum[] {
  const datums: IsoDatum[] = [];
  for (let dag = `${basis - 1}-09-01`; dag <= `${basis + 2}-12-31`; dag = addDagen(dag, 1)) {
    if (kalender.feestdagNaam(dag) !== undefined) datums.push(addDagen(dag, -42), addDagen(dag, -43));
  }
  for (let jaar = basis - 1; jaar <= basis + 2; jaar++) {
    datums.push(`${jaar}-02-28`, `${jaar}-03-01`, `${jaar}-03-02`, `${jaar}-04-10`, `${jaar}-04-14`, `${jaar}-11-14`, `${jaar}-12-31`, `${jaar}-01-01`);
  }
  return datums.filter((d) => d >= `${basis - 1}-09-01`);
}

const BIJZONDERE_DATUMS = new Map<number, IsoDatum[]>();
for (let basis = 2023; basis <= 2029; basis++) BIJZONDERE_DATUMS.set(basis, bijzondereDatums(basis));

function datum(basis: number): fc.Arbitrary<IsoDatum> {
  const begin = `${basis - 1}-09-01`;
  const dagen = dagenTussen(begin, `${basis + 2}-06-30`);
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: dagen }).map((n) => addDagen(begin, n)) },
    { weight: 2, arbitrary: fc.constantFrom(...BIJZONDERE_DATUMS.get(basis)!) },
  );
}

const TB_SOORTEN: TariefbeschikkingSoort[] = [
  'vaststelling',
  'vaststelling',
  'vaststelling',
  'wijziging',
  'wijziging',
  'nacalculatie',
  'sluittarief',
  'vereffening',
];

function regio(): fc.Arbitrary<(typeof REGIOS)[number]> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(REGIOS[0]) }, { weight: 1, arbitrary: fc.constant(REGIOS[1]) });
}

function besluit(basis: number): fc.Arbitrary<Omit<Besluit, 'id'>> {
  const jaren = [basis - 1, basis, basis + 1, basis + 2];
  const contracteerruimte = fc.record({
    type: fc.constant('contracteerruimte' as const),
    soort: fc.constantFrom('vaststelling' as const, 'vaststelling' as const, 'wijziging' as const),
    regio: regio(),
    bekendgemaakt: datum(basis),
    jaren: fc.subarray(jaren, { minLength: 1 }),
  });
  const tariefbeschikking = fc.record(
    {
      type: fc.constant('tariefbeschikking' as const),
      soort: fc.constantFrom(...TB_SOORTEN),
      regio: regio(),
      jaar: fc.constantFrom(basis - 1, basis, basis, basis + 1, basis + 1, basis + 2),
      bekendgemaakt: datum(basis),
      aanbieder: fc.constantFrom(...AANBIEDERS),
    },
    { requiredKeys: ['type', 'soort', 'regio', 'jaar', 'bekendgemaakt'] },
  );
  return fc.oneof({ weight: 2, arbitrary: contracteerruimte }, { weight: 3, arbitrary: tariefbeschikking });
}

/** A beroep against one of the besluiten (by place), in one of its years, pending or decided, by a named party or not. */
function beroep(basis: number) {
  return fc.record(
    {
      plaats: fc.nat(),
      jaarKeuze: fc.nat(),
      ingesteld: datum(basis),
      afgerondNa: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      partij: fc.constantFrom('AGB-1', 'AGB-2', ZORGKANTOOR.Utrecht),
      regio: fc.constantFrom(...REGIOS),
    },
    { requiredKeys: ['plaats', 'jaarKeuze', 'ingesteld', 'afgerondNa'] },
  );
}

const GEVRAAGD: GevraagdePartij[] = [
  { partij: ZORGKANTOOR.Utrecht, soort: 'zorgkantoor', regio: 'Utrecht' },
  { partij: ZORGKANTOOR.Twente, soort: 'zorgkantoor', regio: 'Twente' },
  { partij: 'AGB-2', soort: 'zorgaanbieder', regio: 'Utrecht' },
  { partij: 'AGB-9', soort: 'zorgaanbieder', regio: 'Utrecht' },
];

/**
 * Scenarios of one or two regions over four years around a base year 2023–2029 (KB days known 2023–2028, so end dates
 * in 2029+ also raise kb-onbekend): several providers, the zorgkantoor and providers asked for, vaststelling and
 * wijziging besluiten over several years, every soort of tariefbeschikking, beroepen pending and decided, the entry into
 * force unknown or at a date before, inside or after the scenario, peildata before, inside and after the terms.
 */
export const scenario: fc.Arbitrary<Scenario> = fc.integer({ min: 2023, max: 2029 }).chain((basis) =>
  fc
    .record({
      // With each besluit a die: on 0 it is made known on the day of the one before (a same-day besluit and tariefbeschikking).
      besluiten: fc.array(fc.tuple(besluit(basis), fc.integer({ min: 0, max: 7 })), { maxLength: 10 }),
      beroepen: fc.array(beroep(basis), { maxLength: 3 }),
      partijen: fc.subarray(GEVRAAGD),
      peildatum: fc.oneof(datum(basis), fc.constantFrom(`${basis - 2}-06-01`, `${basis + 4}-01-01`)),
      inwerkingtreding: fc.oneof(fc.constant(undefined), fc.constantFrom('2025-01-01', `${basis - 3}-01-01`, `${basis + 5}-01-01`), datum(basis)),
    })
    .map(({ besluiten, beroepen, partijen, peildatum, inwerkingtreding }): Scenario => {
      const metId: Besluit[] = [];
      for (const [b, dobbel] of besluiten) {
        const vorige = metId[metId.length - 1];
        const bekendgemaakt = dobbel === 0 && vorige ? vorige.bekendgemaakt : b.bekendgemaakt;
        metId.push({ ...b, bekendgemaakt, id: `${b.type === 'contracteerruimte' ? 'CR' : 'TB'}${metId.length + 1}` } as Besluit);
      }
      const echteBeroepen: Beroep[] = [];
      if (metId.length > 0) {
        for (const b of beroepen) {
          const tegen = metId[b.plaats % metId.length]!;
          const jaren = tegen.type === 'contracteerruimte' ? tegen.jaren : [tegen.jaar];
          echteBeroepen.push({
            tegen: tegen.id,
            jaar: jaren[b.jaarKeuze % jaren.length]!,
            ingesteld: b.ingesteld,
            afgerond: b.afgerondNa === null ? null : addDagen(b.ingesteld, b.afgerondNa),
            ...(b.partij !== undefined ? { partij: b.partij } : {}),
            ...(b.regio !== undefined && b.regio !== tegen.regio ? {} : b.regio !== undefined ? { regio: b.regio } : {}),
          });
        }
      }
      return { invoer: { peildatum, besluiten: metId, beroepen: echteBeroepen, ...(partijen.length > 0 ? { partijen } : {}) }, inwerkingtreding };
    }),
);

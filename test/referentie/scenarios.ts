import fc from 'fast-check';
import { addDagen, type IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import { createAtwKalender } from '../../src/domain/kalender/atwKalender';
import { lid3Venster_art105lid3Wmg } from './referentieEngine';
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

// Everything is drawn relative to a base year and made into dates last, so that fast-check shrinks each field on its own
// (a chain on the base year would not shrink what it draws).

/** A day: the n-th from 1 September before the base year, or the n-th of the dates that matter (`bijzondereDatums`). */
type Dag = { soort: 'gewoon' | 'bijzonder' | 'venster'; n: number };
const dag: fc.Arbitrary<Dag> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ soort: fc.constant('gewoon' as const), n: fc.integer({ min: 0, max: 1032 }) }) },
  { weight: 2, arbitrary: fc.record({ soort: fc.constant('bijzonder' as const), n: fc.nat() }) },
  // Around the last day of a lid-3 window (the day before, the day itself, the day after): a newcomer's first
  // tariefbeschikking on either side of it (termijnregels §6).
  { weight: 1, arbitrary: fc.record({ soort: fc.constant('venster' as const), n: fc.integer({ min: 0, max: 8 }) }) },
);

function datumVan(d: Dag, basis: number): IsoDatum {
  if (d.soort === 'gewoon') return addDagen(`${basis - 1}-09-01`, d.n);
  if (d.soort === 'venster') return addDagen(lid3Venster_art105lid3Wmg(basis - 1 + Math.floor(d.n / 3), kalender).einde, (d.n % 3) - 1);
  const bijzonder = BIJZONDERE_DATUMS.get(basis)!;
  return bijzonder[d.n % bijzonder.length]!;
}

// Mostly vaststellingen and wijzigingen; nacalculatie, sluittarief and vereffening now and then.
const tbSoort = fc.oneof(
  { weight: 3, arbitrary: fc.constant<TariefbeschikkingSoort>('vaststelling') },
  { weight: 2, arbitrary: fc.constant<TariefbeschikkingSoort>('wijziging') },
  { weight: 1, arbitrary: fc.constantFrom<TariefbeschikkingSoort>('nacalculatie', 'sluittarief', 'vereffening') },
);
const regio = fc.oneof({ weight: 4, arbitrary: fc.constant(REGIOS[0]) }, { weight: 1, arbitrary: fc.constant(REGIOS[1]) });

const contracteerruimtebesluit = fc.record({
  type: fc.constant('contracteerruimte' as const),
  soort: fc.constantFrom('vaststelling' as const, 'vaststelling' as const, 'wijziging' as const),
  regio,
  dag,
  // Years relative to the base year.
  jaren: fc.subarray([0, 1, -1, 2], { minLength: 1 }),
  // On 0 made known on the day of the besluit before it (a same-day besluit and tariefbeschikking).
  dobbel: fc.integer({ min: 0, max: 7 }),
});
const tariefbeschikking = fc.record(
  {
    type: fc.constant('tariefbeschikking' as const),
    soort: tbSoort,
    regio,
    dag,
    jaar: fc.constantFrom(0, 1, 0, 1, -1, 2),
    aanbieder: fc.constantFrom(...AANBIEDERS),
    dobbel: fc.integer({ min: 0, max: 7 }),
  },
  { requiredKeys: ['type', 'soort', 'regio', 'dag', 'jaar', 'dobbel'] },
);

/** A beroep against one of the besluiten (by place), in one of its years, pending or decided, by a named party or not. */
const beroep = fc.record(
  {
    plaats: fc.nat(),
    jaarKeuze: fc.nat(),
    ingesteld: dag,
    afgerondNa: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    // Filed, or decided, on the day of a besluit (by place): a beroep that is or is no longer pending on that day.
    opBesluitdag: fc.constantFrom('nee' as const, 'nee' as const, 'nee' as const, 'ingesteld' as const, 'afgerond' as const),
    besluitdag: fc.nat(),
    partij: fc.constantFrom('AGB-1', 'AGB-2', ZORGKANTOOR.Utrecht),
    anderRegio: fc.boolean(),
  },
  { requiredKeys: ['plaats', 'jaarKeuze', 'ingesteld', 'afgerondNa', 'opBesluitdag', 'besluitdag'] },
);

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
 * force unknown or at a date before, inside or after the scenario, peildata before, inside and after the terms; dates
 * near Atw feestdagen, Goede Vrijdag, KB days and 1 March.
 */
export const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    basis: fc.integer({ min: 2023, max: 2029 }),
    besluiten: fc.array(fc.oneof({ weight: 2, arbitrary: contracteerruimtebesluit }, { weight: 3, arbitrary: tariefbeschikking }), { maxLength: 10 }),
    beroepen: fc.array(beroep, { maxLength: 3 }),
    partijen: fc.subarray(GEVRAAGD),
    peildatum: fc.oneof(dag, fc.constantFrom('ver-ervoor' as const, 'ver-erna' as const)),
    inwerkingtreding: fc.oneof(fc.constant(undefined), fc.constantFrom('2025-01-01' as const, 'ver-ervoor' as const, 'ver-erna' as const), dag),
  })
  .map(({ basis, besluiten, beroepen, partijen, peildatum, inwerkingtreding }): Scenario => {
    const relatief = (d: Dag | 'ver-ervoor' | 'ver-erna') =>
      d === 'ver-ervoor' ? `${basis - 3}-01-01` : d === 'ver-erna' ? `${basis + 5}-01-01` : datumVan(d, basis);
    const metId: Besluit[] = [];
    for (const b of besluiten) {
      const vorige = metId[metId.length - 1];
      const bekendgemaakt = b.dobbel === 0 && vorige ? vorige.bekendgemaakt : datumVan(b.dag, basis);
      const id = `${b.type === 'contracteerruimte' ? 'CR' : 'TB'}${metId.length + 1}`;
      if (b.type === 'contracteerruimte') {
        metId.push({ id, type: b.type, soort: b.soort, regio: b.regio, bekendgemaakt, jaren: b.jaren.map((j) => basis + j) });
      } else {
        metId.push({
          id,
          type: b.type,
          soort: b.soort,
          regio: b.regio,
          jaar: basis + b.jaar,
          bekendgemaakt,
          ...(b.aanbieder ? { aanbieder: b.aanbieder } : {}),
        });
      }
    }
    const echteBeroepen: Beroep[] = [];
    for (const b of metId.length > 0 ? beroepen : []) {
      const tegen = metId[b.plaats % metId.length]!;
      const jaren = tegen.type === 'contracteerruimte' ? tegen.jaren : [tegen.jaar];
      const besluitdag = metId[b.besluitdag % metId.length]!.bekendgemaakt;
      const ingesteld = b.opBesluitdag === 'ingesteld' ? besluitdag : datumVan(b.ingesteld, basis);
      const afgerondOpBesluitdag = b.opBesluitdag === 'afgerond' && besluitdag >= ingesteld ? besluitdag : undefined;
      echteBeroepen.push({
        tegen: tegen.id,
        jaar: jaren[b.jaarKeuze % jaren.length]!,
        ingesteld,
        afgerond: afgerondOpBesluitdag ?? (b.afgerondNa === null ? null : addDagen(ingesteld, b.afgerondNa)),
        ...(b.partij !== undefined ? { partij: b.partij } : {}),
        // Sometimes the region is named (one besluit under one kenmerk for all regions): the other one.
        ...(b.anderRegio ? { regio: tegen.regio === REGIOS[0] ? REGIOS[1] : REGIOS[0] } : {}),
      });
    }
    return {
      invoer: { peildatum: relatief(peildatum), besluiten: metId, beroepen: echteBeroepen, ...(partijen.length > 0 ? { partijen } : {}) },
      inwerkingtreding: inwerkingtreding === undefined ? undefined : inwerkingtreding === '2025-01-01' ? inwerkingtreding : relatief(inwerkingtreding),
    };
  });

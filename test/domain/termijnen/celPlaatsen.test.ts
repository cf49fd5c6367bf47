import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAtwKalender } from '../../../src/domain/kalender/atwKalender';
import { addDagen, toDagnummer } from '../../../src/domain/kalender/kalenderdatum';
import { splitInCellen, splitInvoer } from '../../../src/domain/termijnen/computeTermijnen';
import {
  PartijRegister,
  CelTermijnKolommen,
  computeCel,
  createRekencontext,
  describeCellenVoorWaarschuwingen,
  type CelInvoer,
  type Rekencontext,
} from '../../../src/domain/termijnen/celTermijnen';
import { listWaarschuwingen } from '../../../src/domain/termijnen/waarschuwingen';
import { computeCelStatus } from '../../../src/domain/termijnen/celStatus';
import { computeBezwaarOfBeroepstermijn } from '../../../src/domain/termijnen/awbTermijn';
import { computeGriffierechtTermijn } from '../../../src/domain/termijnen/overigeTermijnen';
import { compare } from '../../../src/domain/termijnen/volgorde';
import { partijVan, type Besluit, type Beroep, type GevraagdePartij } from '../../../src/domain/besluiten/besluit';

const config = { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() };
// Any weekday over some fourteen months: ends that move (art. 1 Atw) and ends that do not.
const dag = fc.integer({ min: 0, max: 420 }).map((d) => addDagen('2025-11-01', d));
// The entry into force known and early, known and within the scenario (old regime first), or unknown (termijnregels §8).
const CONFIG_2024 = { ...config, inwerkingtreding: '2024-01-01' };
const configs = [config, { ...config, inwerkingtreding: '2026-03-01' }, { inwerkingtreding: undefined, kalender: config.kalender }];

// One region, two years, few parties; an appellant ("Indiener") who never receives a tariefbeschikking.
const besluit: fc.Arbitrary<Besluit> = fc.oneof(
  fc.record({
    id: fc.constantFrom('CR-1', 'CR-2', 'CR-3'),
    type: fc.constant('contracteerruimte' as const),
    soort: fc.constantFrom('vaststelling' as const, 'wijziging' as const),
    regio: fc.constant('Utrecht'),
    bekendgemaakt: dag,
    jaren: fc.constantFrom([2026], [2026, 2027]).map((j) => [...j]),
  }),
  fc.record({
    id: fc.constantFrom('TB-1', 'TB-2', 'TB-3', 'TB-4'),
    type: fc.constant('tariefbeschikking' as const),
    soort: fc.constantFrom('vaststelling' as const, 'wijziging' as const, 'sluittarief' as const),
    regio: fc.constant('Utrecht'),
    jaar: fc.constantFrom(2026, 2027),
    bekendgemaakt: dag,
    aanbieder: fc.constantFrom('A', 'B', 'C', 'Zorgkantoor Utrecht'),
  }),
);

const scenario = fc
  .record({
    besluiten: fc.array(besluit, { minLength: 1, maxLength: 12 }),
    beroep: fc.option(fc.record({ index: fc.nat(), ingesteld: dag, afgerond: fc.option(dag), partij: fc.constantFrom('Indiener', 'A') })),
    zorgkantoor: fc.boolean(),
    tweemaalGevraagd: fc.boolean(),
    regime: fc.nat(configs.length - 1),
    peildata: fc.array(dag, { minLength: 1, maxLength: 4 }),
  })
  .map(({ besluiten, beroep, zorgkantoor, tweemaalGevraagd, regime, peildata }) => {
    const beroepen: Beroep[] = [];
    if (beroep) {
      const tegen = besluiten[beroep.index % besluiten.length]!;
      const jaar = tegen.type === 'contracteerruimte' ? tegen.jaren[0]! : tegen.jaar;
      const afgerond = beroep.afgerond !== null && beroep.afgerond > beroep.ingesteld ? beroep.afgerond : null;
      beroepen.push({ tegen: tegen.id, jaar, ingesteld: beroep.ingesteld, afgerond, partij: beroep.partij });
    }
    const partijen: GevraagdePartij[] = zorgkantoor ? [{ partij: 'Zorgkantoor Utrecht', soort: 'zorgkantoor', regio: 'Utrecht' }] : [];
    // A party asked for twice, once as another kind: it keeps its first place and its last kind.
    if (tweemaalGevraagd)
      partijen.push({ partij: 'A', soort: 'zorgkantoor' as const, regio: 'Utrecht' }, { partij: 'A', soort: 'zorgaanbieder' as const, regio: 'Utrecht' });
    return { besluiten, beroepen, partijen, peildata, config: configs[regime]! };
  });

type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

/** Every cell of a generated scenario, split as the engine splits it, with one context per scenario (300 runs). */
function assertPerCel(check: (invoer: CelInvoer, context: Rekencontext, scenario: Scenario) => void): void {
  fc.assert(
    fc.property(scenario, (s) => {
      const context = createRekencontext(s.config);
      for (const invoer of splitInCellen(s)) check(invoer, context, s);
    }),
    { numRuns: 300 },
  );
}

describe('statuses read the places the walk recorded (termijnregels §6)', () => {
  it('the parties at a peildatum are those asked for, addressed by then or appealing by then, by name', () => {
    assertPerCel((invoer, context, { peildata, config }) => {
      const cel = computeCel(invoer, context);
      for (const peildatum of peildata) {
        const namen = new Set(invoer.gevraagd.map((g) => g.partij));
        for (const b of invoer.besluiten) if (b.type === 'tariefbeschikking' && b.bekendgemaakt <= peildatum) namen.add(partijVan(b));
        for (const b of invoer.beroepen) if (b.ingesteld <= peildatum) namen.add(b.partij);
        // Termijnregels §4: a provider with an earlier tariefbeschikking in the region is a party of a besluit for a year without one.
        for (const t of cel.termijnen)
          if (t.regel === 'besluit-zonder-tariefbeschikking' && t.partij !== undefined && t.bekendgemaakt <= peildatum) namen.add(t.partij);
        const status = computeCelStatus(cel, peildatum, config);
        expect(status.partijStatus.map((p) => p.partij)).toEqual([...namen].sort(compare));
      }
    });
  });

  it('halving the chronological list gives the statuses that reading every besluit gives', () => {
    assertPerCel((invoer, context, { peildata, config }) => {
      const cel = computeCel(invoer, context);
      expect(cel.plaatsen.chronologisch).toBe(true);
      const elkBesluit = { ...cel, plaatsen: { ...cel.plaatsen, chronologisch: false }, partijenOpNaam: cel.partijenOpNaam };
      for (const peildatum of peildata) {
        const snel = computeCelStatus(cel, peildatum, config);
        const traag = computeCelStatus(elkBesluit, peildatum, config);
        expect(snel.status).toEqual(traag.status);
        expect(snel.partijStatus).toEqual(traag.partijStatus);
      }
    });
  });

  it('a cell walked from its besluit objects (as the term service gives it) equals one walked from the fields splitInCellen read', () => {
    assertPerCel((invoer, context, { peildata, config }) => {
      expect(invoer.velden).toBeDefined();
      const uitVelden = computeCel(invoer, context);
      const uitObjecten = computeCel({ ...invoer, velden: undefined }, context);
      expect(uitObjecten.termijnen).toEqual(uitVelden.termijnen);
      expect(uitObjecten.uitsluitingen.map((u) => ({ ...u, toelichting: u.toelichting, twijfel: u.twijfel }))).toEqual(
        uitVelden.uitsluitingen.map((u) => ({ ...u, toelichting: u.toelichting, twijfel: u.twijfel })),
      );
      for (const peildatum of peildata) expect(computeCelStatus(uitObjecten, peildatum, config)).toEqual(computeCelStatus(uitVelden, peildatum, config));
    });
  });

  it('a context computes one cell at a time: its scratch refuses a second cell while one is being computed', () => {
    const [cel] = splitInCellen({
      besluiten: [{ id: 'CR', type: 'contracteerruimte', soort: 'vaststelling', regio: 'Utrecht', bekendgemaakt: '2025-11-14', jaren: [2026] }],
      beroepen: [],
    });
    const context = createRekencontext(config);
    context.kladblok.inGebruik = true;
    expect(() => computeCel(cel!, context)).toThrow(/still being computed/);
    context.kladblok.inGebruik = false;
    expect(computeCel(cel!, context).termijnen).toHaveLength(1);
  });

  it('a cell that fails half-way leaves no party numbered for the next cell', () => {
    const goed = splitInCellen({
      besluiten: [
        { id: 'CR', type: 'contracteerruimte', soort: 'vaststelling', regio: 'Utrecht', bekendgemaakt: '2025-11-14', jaren: [2026] },
        { id: 'TB-B', type: 'tariefbeschikking', soort: 'vaststelling', regio: 'Utrecht', jaar: 2026, bekendgemaakt: '2026-01-09', aanbieder: 'B' },
      ],
      beroepen: [],
    })[0]!;
    // A tariefbeschikking the engine refuses (outside the verified range) after its party was numbered; the copy has
    // other besluiten, so the walk reads them afresh rather than the fields splitInCellen read for `goed`.
    const fout = { ...goed, besluiten: [...goed.besluiten, { ...goed.besluiten[1]!, id: 'TB-A', aanbieder: 'A', bekendgemaakt: '2201-01-02' } as Besluit] };
    const context = createRekencontext(config);
    expect(() => computeCel(fout, context)).toThrow(/2201-01-02 outside/);
    const daarna = computeCel(goed, context);
    const vers = computeCel(goed, createRekencontext(config));
    expect(daarna.kolommen.partijTabel).toEqual(['B']);
    expect(daarna.termijnen).toEqual(vers.termijnen);
  });
});

describe('the input as splitInCellen reads it', () => {
  it('each (regio, jaar) holds the besluiten naming it, by bekendmaking, a contracteerruimtebesluit first (termijnregels §4: a tariefbeschikking applies the contracteerruimte made known that day), else in input order', () => {
    // Contracteerruimtebesluiten may name a year twice or none; ids repeat; two regions.
    const besluit: fc.Arbitrary<Besluit> = fc.oneof(
      fc.record({
        id: fc.constantFrom('CR-1', 'CR-2'),
        type: fc.constant('contracteerruimte' as const),
        soort: fc.constant('vaststelling' as const),
        regio: fc.constantFrom('Utrecht', 'Twente'),
        bekendgemaakt: fc.integer({ min: 0, max: 20 }).map((d) => addDagen('2025-11-01', d * 3)),
        jaren: fc.array(fc.constantFrom(2026, 2027), { maxLength: 3 }),
      }),
      fc.record({
        id: fc.constantFrom('TB-1', 'TB-2', 'TB-3'),
        type: fc.constant('tariefbeschikking' as const),
        soort: fc.constant('vaststelling' as const),
        regio: fc.constantFrom('Utrecht', 'Twente'),
        jaar: fc.constantFrom(2026, 2027),
        bekendgemaakt: fc.integer({ min: 0, max: 20 }).map((d) => addDagen('2025-11-01', d * 3)),
        aanbieder: fc.constantFrom('A', 'B'),
      }),
    );
    fc.assert(
      fc.property(fc.array(besluit, { maxLength: 30, size: 'max' }), (besluiten) => {
        const verwacht = new Map<string, number[]>();
        besluiten.forEach((b, i) => {
          for (const jaar of b.type === 'contracteerruimte' ? b.jaren : [b.jaar])
            verwacht.set(`${b.regio} ${jaar}`, [...(verwacht.get(`${b.regio} ${jaar}`) ?? []), i]);
        });
        const { cellen, gelezen } = splitInvoer({ besluiten, beroepen: [] });
        expect(new Map(gelezen.cellen.map((c) => [`${c.regio} ${c.jaar}`, [...c.plaatsen]]))).toEqual(verwacht);
        const sleutel = (i: number) => toDagnummer(besluiten[i]!.bekendgemaakt) * 2 + (besluiten[i]!.type === 'contracteerruimte' ? 0 : 1);
        expect(new Map(cellen.map((c) => [`${c.regio} ${c.jaar}`, c.besluiten]))).toEqual(
          new Map([...verwacht].map(([k, plaatsen]) => [k, [...plaatsen].sort((a, b) => sleutel(a) - sleutel(b) || a - b).map((i) => besluiten[i])])),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a cell copied with other besluiten of the same number is walked from those, not from the fields read before', () => {
    const [cel] = splitInCellen({
      besluiten: [
        { id: 'CR', type: 'contracteerruimte', soort: 'vaststelling', regio: 'Utrecht', bekendgemaakt: '2025-11-14', jaren: [2026] },
        { id: 'TB', type: 'tariefbeschikking', soort: 'vaststelling', regio: 'Utrecht', jaar: 2026, bekendgemaakt: '2026-01-09', aanbieder: 'B' },
      ],
      beroepen: [],
    });
    const anders = [cel!.besluiten[0]!, { ...cel!.besluiten[1]!, bekendgemaakt: '2026-02-13', aanbieder: 'C' } as Besluit];
    const [vers] = splitInCellen({ besluiten: anders, beroepen: [] });
    const context = createRekencontext(config);
    expect(computeCel({ ...cel!, besluiten: anders }, context).termijnen).toEqual(computeCel(vers!, context).termijnen);
  });

  it('a beroep against a kenmerk in two regions: the warnings read the same terms whether or not cells are skipped', () => {
    const besluiten: Besluit[] = [
      { id: 'CR-X', type: 'contracteerruimte', soort: 'vaststelling', regio: 'Utrecht', bekendgemaakt: '2024-11-14', jaren: [2026, 2027] },
      { id: 'CR-X', type: 'contracteerruimte', soort: 'vaststelling', regio: 'Twente', bekendgemaakt: '2025-11-21', jaren: [2026] },
      { id: 'CR-Y', type: 'contracteerruimte', soort: 'vaststelling', regio: 'Amsterdam', bekendgemaakt: '2025-11-21', jaren: [2026] },
      { id: 'TB-1', type: 'tariefbeschikking', soort: 'vaststelling', regio: 'Amsterdam', jaar: 2026, bekendgemaakt: '2026-01-09', aanbieder: 'B' },
    ];
    // Against the kenmerk, in Twente: before Twente's lid-3 window opens (1 March 2026), after Utrecht's (1 March 2025).
    const beroepen: Beroep[] = [{ tegen: 'CR-X', regio: 'Twente', jaar: 2026, ingesteld: '2026-02-02', afgerond: null }];
    const invoer = { peildatum: '2026-04-01', besluiten, beroepen };
    // Leden 2–4 in force since 2024, so that the Utrecht decision of November 2024 opens a window in 2025.
    const config = { ...CONFIG_2024 };
    const context = createRekencontext(config);
    const { cellen: celInvoer, gelezen } = splitInvoer(invoer);
    const cellen = celInvoer.map((c) => computeCel(c, context));
    expect(cellen.map((c) => c.invoer.genoemdDoorBeroep)).toEqual([false, true, true, true]);
    const zonderOverslaan = cellen.map((c) => ({ ...c, invoer: { ...c.invoer, genoemdDoorBeroep: undefined } }));
    const waarschuwingen = listWaarschuwingen(invoer, describeCellenVoorWaarschuwingen(cellen), config, gelezen);
    expect(waarschuwingen).toEqual(listWaarschuwingen(invoer, describeCellenVoorWaarschuwingen(zonderOverslaan), config, gelezen));
    // The earliest term against CR-X in 2026 is Utrecht's: the beroep is not early (art. 6:10 Awb).
    expect(waarschuwingen.map((w) => w.code)).not.toContain('beroep-voor-aanvang');
  });

  it('every range check comes before any malformed date, as before (art. 6:7 Awb: no date the engine did not check)', () => {
    const besluiten: Besluit[] = [
      { id: 'TB', type: 'tariefbeschikking', soort: 'vaststelling', regio: 'Utrecht', jaar: 2026, bekendgemaakt: '2026-02-30', aanbieder: 'B' },
      { id: 'CR', type: 'contracteerruimte', soort: 'vaststelling', regio: 'Utrecht', bekendgemaakt: '2201-01-01', jaren: [2026] },
    ];
    expect(() => splitInCellen({ besluiten, beroepen: [] })).toThrow(/2201-01-01 outside/);
    expect(() => splitInCellen({ besluiten: besluiten.slice(0, 1), beroepen: [] })).toThrow(/Invalid ISO date: 2026-02-30/);
  });
});

describe('six weeks: dates now, texts when read (art. 6:7, 6:8 Awb; art. 1 Atw)', () => {
  it('the Atw sentence exists exactly when the end moved, and the other terms keep their texts as own fields', () => {
    for (let d = 0; d < 21; d++) {
      const bekendgemaakt = addDagen('2026-03-20', d);
      const t = computeBezwaarOfBeroepstermijn(bekendgemaakt, config.kalender);
      expect(Boolean(t.atwToelichting)).toBe(t.einde !== t.eindeVoorAtw);
      expect(t.loop[0]!.datum).toBe(t.eindeVoorAtw);
      expect(t.loop.at(-1)!.datum).toBe(t.einde);
      const griffierecht = JSON.parse(JSON.stringify(computeGriffierechtTermijn(bekendgemaakt, config.kalender)));
      expect(griffierecht.loop.length).toBeGreaterThan(0);
      expect('atwToelichting' in griffierecht).toBe(griffierecht.einde !== griffierecht.eindeVoorAtw);
    }
  });
});

describe("columns written in the run's scratch, copied out when a cell is done", () => {
  // One region, one year: a vaststelling, `n` tariefbeschikkingen for as many parties, then a wijziging that gives every
  // party a term of its own (termijnregels §6): 3n + 1 terms, more than the scratch holds at first (1,024).
  const groteCel = (n: number, jaar: number): Besluit[] => [
    { id: `CR-${jaar}`, type: 'contracteerruimte', soort: 'vaststelling', regio: 'Utrecht', bekendgemaakt: `${jaar - 1}-11-14`, jaren: [jaar] },
    ...Array.from({ length: n }, (_, i): Besluit => ({
      id: `TB-${jaar}-${i}`,
      type: 'tariefbeschikking',
      soort: 'vaststelling',
      regio: 'Utrecht',
      jaar,
      bekendgemaakt: addDagen(`${jaar}-01-05`, i % 40),
      aanbieder: `AGB-${String(i).padStart(6, '0')}`,
    })),
    { id: `CR-${jaar}-W`, type: 'contracteerruimte', soort: 'wijziging', regio: 'Utrecht', bekendgemaakt: `${jaar}-06-12`, jaren: [jaar] },
  ];

  it('cells computed one after another in one context each keep their own terms (art. 6:7 Awb, art. 105 lid 2 Wmg)', () => {
    const cellen = splitInCellen({ besluiten: [...groteCel(700, 2026), ...groteCel(5, 2027), ...groteCel(400, 2028)], beroepen: [] });
    expect(cellen.map((c) => c.besluiten.length)).toEqual([702, 7, 402]);
    const gedeeld = createRekencontext(config);
    const samen = cellen.map((c) => computeCel(c, gedeeld));
    // Each alone, in a context of its own: no later cell may have written over an earlier cell's columns, beroep
    // positions (1,401 in the first cell: past the scratch's first 1,024) or exclusions.
    const tekst = (u: { toelichting: string; twijfel?: string | undefined }) => ({ ...u, toelichting: u.toelichting, twijfel: u.twijfel });
    samen.forEach((cel, k) => {
      const alleen = computeCel(cellen[k]!, createRekencontext(config));
      expect(cel.kolommen.lengte).toBe([2101, 16, 1201][k]);
      expect(cel.termijnen).toEqual(alleen.termijnen);
      expect(Array.from(cel.beroepPosities)).toEqual(Array.from(alleen.beroepPosities));
      expect(cel.uitsluitingen.map(tekst)).toEqual(alleen.uitsluitingen.map(tekst));
      for (const peildatum of ['2026-03-01', '2026-07-01', '2028-08-01'])
        expect(computeCelStatus(cel, peildatum, config)).toEqual(computeCelStatus(alleen, peildatum, config));
    });
    expect(samen[0]!.beroepPosities.length).toBe(1401);
    expect(samen[0]!.termijnen.filter((t) => t.regel === 'wijziging-zonder-tariefbeschikking')).toHaveLength(700);
  });

  it('a day’s six weeks are one object, asked for by date or by day; the range is checked first (art. 6:7 and 6:8 Awb)', () => {
    const context = createRekencontext(config);
    const opDatum = context.computeZesWeken('2026-01-09');
    expect(context.computeZesWekenOpDag(toDagnummer('2026-01-09'))).toBe(opDatum);
    expect(opDatum).toMatchObject({ aanvang: '2026-01-10', einde: '2026-02-20' });
    // Out of range and malformed: the range refusal, as for every bekendmaking; far out of range: the memo stays.
    expect(() => context.computeZesWeken('2201-02-30')).toThrow(RangeError);
    expect(() => context.computeZesWeken('1700-01-01')).toThrow(RangeError);
    expect(context.computeZesWeken('2026-01-09')).toBe(opDatum);
    expect(() => context.computeZesWeken('2026-02-30')).toThrow(/Invalid ISO date/);
  });

  it("a term's rule, party kind and version share one number, up to the largest version", () => {
    const context = createRekencontext(config);
    const register = new PartijRegister();
    const kolommen = new CelTermijnKolommen(context.nummering, context.kladblok, register);
    const zesWeken = context.computeZesWeken('2026-01-09');
    const gevallen = [
      { regel: 'awb-bezwaar', versie: 0, soort: 'zorgaanbieder' },
      { regel: 'art-6-19-voorzorg', versie: 2 ** 26 - 1, soort: 'zorgkantoor' },
      { regel: 'art-105-lid-3', versie: 7, soort: undefined },
    ] as const;
    for (const g of gevallen)
      kolommen.add(0, zesWeken, g.regel, g.versie, g.soort ? kolommen.numberPartij(register.numberPartij('A')) : -1, g.soort, undefined);
    expect(() => kolommen.add(0, zesWeken, 'art-105-lid-2', 2 ** 26, -1, undefined, undefined)).toThrow(RangeError);
    expect(kolommen.lengte).toBe(3);
    kolommen.seal();
    // Refused before anything changes: a sealed cell's columns never become the run's scratch.
    const kladblok = context.kladblok.termijnen;
    expect(() => kolommen.add(0, zesWeken, 'art-105-lid-2', 1, -1, undefined, undefined)).toThrow(/sealed/);
    expect(kolommen.lengte).toBe(3);
    expect(context.kladblok.termijnen).toBe(kladblok);
    expect(gevallen.map((_, i) => [kolommen.regelVan(i), kolommen.versieVan(i), kolommen.partijSoortVan(i), kolommen.rechtsmiddelVan(i)])).toEqual([
      ['awb-bezwaar', 0, 'zorgaanbieder', 'bezwaar'],
      ['art-6-19-voorzorg', 2 ** 26 - 1, 'zorgkantoor', 'beroep'],
      ['art-105-lid-3', 7, undefined, 'beroep'],
    ]);
  });

  it('the walk tells the oud regime by day number as by date, also for an entry into force that is no canonical date', () => {
    for (const inwerkingtreding of ['2025-07-01', '2026-02-28', '2025-7-1', 'onbekend', undefined]) {
      const context = createRekencontext({ ...config, inwerkingtreding: inwerkingtreding as string | undefined });
      for (let dag = toDagnummer('2024-12-01'); dag <= toDagnummer('2026-04-01'); dag++) {
        expect(context.isOudRegimeOpDag(dag)).toBe(context.isOudRegime(addDagen('1970-01-01', dag)));
      }
    }
  });

  it('every rule is read back as the rule it was added as, with its soort', () => {
    const context = createRekencontext(config);
    const kolommen = new CelTermijnKolommen(context.nummering, context.kladblok, new PartijRegister());
    const zesWeken = context.computeZesWeken('2026-01-09');
    const regels = [
      ['awb-bezwaar', 'termijn'],
      ['art-105-lid-2', 'termijn'],
      ['art-105-lid-3', 'termijn'],
      ['wijziging-zonder-tariefbeschikking', 'beschermend'],
      ['art-6-19-voorzorg', 'beschermend'],
      ['besluit-zonder-tariefbeschikking', 'beschermend'],
    ] as const;
    for (const [regel] of regels) kolommen.add(0, zesWeken, regel, 1, -1, undefined, undefined);
    kolommen.seal();
    expect(regels.map((_, i) => [kolommen.regelVan(i), kolommen.soortVan(i)])).toEqual(regels);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAtwKalender } from '../../../src/domain/kalender/atwKalender';
import { addDagen, formatDatumKort } from '../../../src/domain/kalender/kalenderdatum';
import { computeTermijnen } from '../../../src/domain/termijnen/computeTermijnen';
import { partijVan, type Besluit, type Beroep, type GevraagdePartij, type TermijnInvoer } from '../../../src/domain/besluiten/besluit';
import type { TermijnConfig, UitsluitingReden, WaarschuwingCode } from '../../../src/domain/termijnen/termijn';
import { parseTermijnScenario } from '../../../src/cli/termijnScenario';

// Issue 27, points 2 and 3: whatever the input, every party of a region has a date or a reason the rules name
// (termijnregels §4–§8, as corrected 2026-12-07), and every warning names only what the input holds (§7).

const REGIOS = ['Utrecht', 'Twente'] as const;
const ZORGKANTOOR: Record<(typeof REGIOS)[number], string> = { Utrecht: 'Zorgkantoor Utrecht', Twente: 'Zorgkantoor Twente' };
const AANBIEDERS = ['A', 'B', 'C', 'D'];
const DAG0 = '2025-09-01';
const dag = fc.integer({ min: 0, max: 4 * 365 }).map((n) => addDagen(DAG0, n));
const jaar = fc.integer({ min: 2026, max: 2029 });

const besluit = fc.oneof(
  fc.record({
    type: fc.constant('contracteerruimte' as const),
    soort: fc.constantFrom('vaststelling' as const, 'wijziging' as const),
    regio: fc.constantFrom(...REGIOS),
    bekendgemaakt: dag,
    jaren: fc.uniqueArray(jaar, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant('tariefbeschikking' as const),
    soort: fc.constantFrom(
      'vaststelling' as const,
      'wijziging' as const,
      'vaststelling' as const,
      'nacalculatie' as const,
      'sluittarief' as const,
      'vereffening' as const,
    ),
    regio: fc.constantFrom(...REGIOS),
    jaar,
    bekendgemaakt: dag,
    aanbieder: fc.constantFrom(...AANBIEDERS),
  }),
);

const scenario = fc
  .record({
    besluiten: fc.array(besluit, { minLength: 1, maxLength: 12 }),
    zorgkantoren: fc.subarray([...REGIOS]),
    beroepen: fc.array(fc.record({ plaats: fc.nat(), dagen: fc.integer({ min: -60, max: 120 }), duur: fc.option(fc.integer({ min: 1, max: 400 })) }), {
      maxLength: 2,
    }),
    peildatum: dag,
    inwerkingtreding: fc.option(fc.constantFrom('2025-01-01', '2026-07-01', '2027-03-01'), { nil: undefined }),
  })
  .map(({ besluiten: ruw, zorgkantoren, beroepen: ruweBeroepen, peildatum, inwerkingtreding }) => {
    const besluiten = ruw.map((b, i) => ({ ...b, id: `${b.type === 'contracteerruimte' ? 'CR' : 'TB'}-${i}` }) as Besluit);
    const partijen: GevraagdePartij[] = zorgkantoren.map((regio) => ({ partij: ZORGKANTOOR[regio], soort: 'zorgkantoor', regio }));
    const beroepen: Beroep[] = ruweBeroepen.map((r) => {
      const b = besluiten[r.plaats % besluiten.length]!;
      const ingesteld = addDagen(b.bekendgemaakt, r.dagen);
      return {
        tegen: b.id,
        jaar: b.type === 'contracteerruimte' ? b.jaren[0]! : b.jaar,
        ingesteld,
        afgerond: r.duur === null ? null : addDagen(ingesteld, r.duur),
        ...(b.type === 'contracteerruimte' ? { partij: 'A' } : {}),
      };
    });
    const config: TermijnConfig = { inwerkingtreding, kalender: createAtwKalender() };
    return { invoer: { peildatum, besluiten, beroepen, partijen } satisfies TermijnInvoer, config };
  });

// The reasons the rules name for "no beroep here" (cli-termijnen.md; termijnregels §4, §6, §8).
const GENOEMDE_REDENEN: readonly UitsluitingReden[] = ['sluittarief-nacalculatie', 'geen-productieafspraken', 'onherroepelijk', 'oud-regime'];

describe('no party of a region is ever left without a date (termijnregels §4–§8, corrected 2026-12-07)', () => {
  it('every party asked for and every addressee has, per (regio, jaar) it is party to, a beroep term, a pending beroep or a named exclusion', () => {
    fc.assert(
      fc.property(scenario, ({ invoer, config }) => {
        const u = computeTermijnen(invoer, config);
        // Who is party to which (regio, jaar): the addressee of a tariefbeschikking for it; the zorgkantoor asked for, of every
        // year of its region that a besluit touches.
        const partijVanCel = new Map<string, Set<string>>();
        const add = (regio: string, jaar: number, partij: string) => {
          const sleutel = `${regio}|${jaar}`;
          partijVanCel.set(sleutel, (partijVanCel.get(sleutel) ?? new Set()).add(partij));
        };
        for (const b of invoer.besluiten) {
          const jaren = b.type === 'contracteerruimte' ? b.jaren : [b.jaar];
          if (b.type === 'tariefbeschikking') add(b.regio, b.jaar, partijVan(b));
          for (const p of invoer.partijen) if (p.regio === b.regio) for (const j of jaren) add(b.regio, j, p.partij);
        }
        for (const [sleutel, partijen] of partijVanCel) {
          const [regio, j] = sleutel.split('|') as [string, string];
          const jaarNr = Number(j);
          for (const partij of partijen) {
            const heeftTermijn = u.termijnen.some(
              (t) => t.rechtsmiddel === 'beroep' && t.regio === regio && t.jaar === jaarNr && (t.partij === partij || t.partij === undefined),
            );
            const heeftBeroep = invoer.beroepen.some((b) => {
              const tegen = invoer.besluiten.find((x) => x.id === b.tegen)!;
              const beroepPartij = b.partij ?? (tegen.type === 'tariefbeschikking' ? partijVan(tegen) : undefined);
              return beroepPartij === partij && tegen.regio === regio && b.jaar === jaarNr;
            });
            const heeftReden = u.uitsluitingen.some(
              (x) =>
                x.rechtsmiddel === 'beroep' &&
                x.regio === regio &&
                x.jaar === jaarNr &&
                (x.partij === partij || x.partij === undefined) &&
                GENOEMDE_REDENEN.includes(x.reden),
            );
            expect(heeftTermijn || heeftBeroep || heeftReden, `${partij} in ${regio} ${jaarNr}: no date and no reason`).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a provider whose only earlier chance fell before it was a party gets a term, never a lid-4 exclusion (art. 1:2 Awb; §6)', () => {
    fc.assert(
      fc.property(scenario, ({ invoer, config }) => {
        const u = computeTermijnen(invoer, config);
        for (const x of u.uitsluitingen.filter((y) => y.reden === 'onherroepelijk' && y.partij !== undefined && !y.partij.startsWith('Zorgkantoor'))) {
          const partij = x.partij!;
          // The version of the contracteerruimte in force when the tariefbeschikking came: the latest besluit for the year before it.
          const versie = invoer.besluiten
            .filter((b) => b.type === 'contracteerruimte' && b.regio === x.regio && b.jaren.includes(x.jaar) && b.bekendgemaakt <= x.bekendgemaakt)
            .sort((a, b) => (a.bekendgemaakt < b.bekendgemaakt ? -1 : 1))
            .at(-1);
          const vanaf = versie?.bekendgemaakt ?? '0000-00-00';
          // Its own earlier chance against that version: a statutory beroep term of its own that ended before.
          const eigenKans = u.termijnen.some(
            (t) =>
              t.rechtsmiddel === 'beroep' &&
              t.soort === 'termijn' &&
              t.partij === partij &&
              t.regio === x.regio &&
              t.jaar === x.jaar &&
              t.bekendgemaakt >= vanaf &&
              t.einde < x.bekendgemaakt,
          );
          // Or a lid-3 window of that version while it was already a party of the region (a tariefbeschikking by the window's end).
          const eersteInRegio = invoer.besluiten
            .filter((b) => b.type === 'tariefbeschikking' && b.regio === x.regio && partijVan(b) === partij)
            .map((b) => b.bekendgemaakt)
            .sort()[0]!;
          const vensterAlsPartij = u.termijnen.some(
            (t) => t.regel === 'art-105-lid-3' && t.regio === x.regio && t.jaar === x.jaar && t.besluit === versie?.id && eersteInRegio <= t.einde,
          );
          expect(eigenKans || vensterAlsPartij, `${partij}: ${x.besluit} excluded without an earlier chance`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('warnings name only what the input holds (issue 27, point 3; termijnregels §7)', () => {
  // Every code the engine can give, each from an input that calls for it, with the input facts its message must cite.
  const cases: { code: WaarschuwingCode; invoer: TermijnInvoer; config?: Partial<TermijnConfig>; cites: string[] }[] = [
    {
      code: 'inwerkingtreding-onbekend',
      invoer: { peildatum: '2030-03-01', besluiten: [tbB('TB', '2030-02-05')], beroepen: [] },
      config: { inwerkingtreding: undefined },
      cites: ['art. 105 leden 2–4'],
    },
    { code: 'kb-onbekend', invoer: { peildatum: '2030-03-01', besluiten: [tbB('TB', '2030-02-05')], beroepen: [] }, cites: ['2030'] },
    {
      code: 'bekendmaking-in-toekomst',
      invoer: { peildatum: '2030-01-01', besluiten: [tbB('TB', '2030-02-05')], beroepen: [] },
      cites: ['TB', formatDatumKort('2030-02-05'), formatDatumKort('2030-01-01')],
    },
    {
      code: 'beroep-in-toekomst',
      invoer: {
        peildatum: '2030-02-10',
        besluiten: [tbB('TB', '2030-02-05')],
        beroepen: [{ tegen: 'TB', jaar: 2030, ingesteld: '2030-03-01', afgerond: null }],
      },
      cites: ['TB', formatDatumKort('2030-03-01')],
    },
    {
      code: 'beroep-voor-besluit',
      invoer: {
        peildatum: '2030-03-10',
        besluiten: [crB('CR', '2030-02-05', 2031)],
        beroepen: [{ tegen: 'CR', jaar: 2031, ingesteld: '2030-02-01', afgerond: null, partij: 'A' }],
      },
      cites: ['CR', formatDatumKort('2030-02-01'), formatDatumKort('2030-02-05'), 'Het is ontvankelijk als'],
    },
    {
      code: 'beroep-voor-aanvang',
      invoer: {
        peildatum: '2030-03-10',
        besluiten: [crB('CR', '2029-11-13', 2031)],
        beroepen: [{ tegen: 'CR', jaar: 2031, ingesteld: '2030-01-15', afgerond: null, partij: 'A' }],
      },
      cites: ['CR', formatDatumKort('2029-11-13'), formatDatumKort('2030-01-15'), formatDatumKort('2030-03-01'), 'was al bekendgemaakt'],
    },
    {
      code: 'jaar-niet-gedekt',
      invoer: { peildatum: '2030-03-10', besluiten: [crB('CR', '2029-11-13', 2031), { ...tbB('TB', '2030-02-05'), jaar: 2032 } as Besluit], beroepen: [] },
      cites: ['TB', '2032', '2031'],
    },
  ];

  it.each(cases.map((c) => [c.code, c] as const))('%s cites the input facts it rests on', (_code, c) => {
    const config: TermijnConfig = { inwerkingtreding: '2025-01-01', kalender: createAtwKalender(), ...c.config };
    const w = computeTermijnen(c.invoer, config).waarschuwingen.filter((x) => x.code === c.code);
    expect(w.length).toBeGreaterThan(0);
    for (const feit of c.cites) expect(w[0]!.melding).toContain(feit);
  });

  it('the 6:10 note on an early beroep against a tariefbeschikking does not claim a contracteerruimtebesluit the input lacks', () => {
    const u = computeTermijnen(
      { peildatum: '2030-03-10', besluiten: [tbB('TB', '2030-02-05')], beroepen: [{ tegen: 'TB', jaar: 2030, ingesteld: '2030-02-05', afgerond: null }] },
      { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() },
    );
    const [w] = u.waarschuwingen.filter((x) => x.code === 'beroep-voor-aanvang');
    expect(w!.melding).not.toContain('was al bekendgemaakt');
    expect(w!.melding).toContain('staat niet in de invoer');
  });

  it('no 6:10 warning for a beroep filed in time that art. 6:19 Awb extends to a later wijzigingsbesluit; the 6:19 date stands', () => {
    // Beroep via TB-A (lid 2) filed 1 April 2030; the only registered besluit for 2030 is a wijziging of 4 June 2030.
    const u = computeTermijnen(
      {
        peildatum: '2030-06-10',
        besluiten: [tbB('TB-A', '2030-03-05'), { ...crB('CR-W', '2030-06-04', 2030), soort: 'wijziging' }],
        beroepen: [{ tegen: 'TB-A', jaar: 2030, ingesteld: '2030-04-01', afgerond: null }],
      },
      { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() },
    );
    expect(u.waarschuwingen.filter((x) => x.code === 'beroep-voor-besluit' || x.code === 'beroep-voor-aanvang')).toEqual([]);
    expect(u.termijnen.find((t) => t.regel === 'art-6-19-voorzorg')).toMatchObject({ partij: 'A', einde: '2030-07-16' });
  });

  it.each([
    // Window of CR-V (2030): 1 March – 11 April 2030; beroep filed 1 April 2030; wijziging CR-W of 4 June 2030 for 2030.
    ['filed in time against the earlier version: extended by art. 6:19 Awb, no warning', '2030-04-01', 0],
    // Filed 1 May 2030, after that window ended: against the earlier version it was late; against CR-W it is early.
    ['filed after the earlier version’s terms ended: early against the later besluit, warned (art. 6:10 Awb)', '2030-05-01', 1],
  ])('a beroep registered against a later wijzigingsbesluit: %s', (_naam, ingesteld, aantal) => {
    const u = computeTermijnen(
      {
        peildatum: '2030-06-10',
        besluiten: [crB('CR-V', '2029-11-13', 2030), { ...crB('CR-W', '2030-06-04', 2030), soort: 'wijziging' }],
        beroepen: [{ tegen: 'CR-W', jaar: 2030, ingesteld, afgerond: null, partij: 'A' }],
      },
      { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() },
    );
    expect(u.waarschuwingen.filter((x) => x.code === 'beroep-voor-besluit')).toHaveLength(aantal);
  });

  it('property: a 6:10 warning names a contracteerruimtebesluit of the input with its own bekendmaking, and only when no earlier version existed', () => {
    fc.assert(
      fc.property(scenario, ({ invoer, config }) => {
        const u = computeTermijnen(invoer, config);
        for (const w of u.waarschuwingen.filter((x) => x.code === 'beroep-voor-besluit')) {
          const genoemd = invoer.besluiten.filter(
            (b) => b.type === 'contracteerruimte' && w.melding.includes(`contracteerruimtebesluit ${b.id} (${formatDatumKort(b.bekendgemaakt)})`),
          );
          expect(genoemd.length).toBe(1);
          expect(w.melding).toContain('Het is ontvankelijk als');
        }
        for (const w of u.waarschuwingen.filter((x) => x.code === 'beroep-voor-aanvang')) {
          if (!w.melding.includes('was al bekendgemaakt')) continue;
          expect(
            invoer.besluiten.some(
              (b) => b.type === 'contracteerruimte' && w.melding.includes(`${b.id} was al bekendgemaakt op ${formatDatumKort(b.bekendgemaakt)}`),
            ),
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('validation reports every problem at once, one message each (issue 27, point 4)', () => {
  it('field errors, a duplicate id, a dangling tegen and a year before the shipped division of the regions (termijnregels §11), together', () => {
    const uitkomst = parseTermijnScenario(
      {
        besluiten: [
          { id: 'A', type: 'tariefbeschikking', soort: 'vaststelling', regio: 'Utrecht', jaar: 2026, bekendgemaakt: '2026-02-30' },
          { id: 'A', type: 'tariefbeschikking', soort: 'xx', regio: 'Utrecht', jaar: 2026, bekendgemaakt: '2026-02-03' },
          { id: 'B', type: 'contracteerruimte', soort: 'vaststelling', regio: 'Utrecht', jaren: [2014], bekendgemaakt: '2014-02-03' },
        ],
        beroepen: [{ tegen: 'Q', jaar: 2026, ingesteld: '2026-13-01' }],
      },
      '2026-12-07',
    );
    expect(uitkomst.ok).toBe(false);
    if (uitkomst.ok) return;
    expect(uitkomst.fouten.map((f) => f.veld)).toEqual([
      'besluiten[0].bekendgemaakt',
      'besluiten[1].id',
      'besluiten[1].soort',
      'besluiten[2].regio',
      'beroepen[0].ingesteld',
      'beroepen[0].tegen',
    ]);
    expect(uitkomst.fouten[3]!.melding).toContain('begint op 1 januari 2015');
    expect(uitkomst.fouten[3]!.melding).not.toContain('bestond');
  });

  it('one bad date gives one message', () => {
    const uitkomst = parseTermijnScenario(
      { besluiten: [{ id: 'A', type: 'tariefbeschikking', soort: 'vaststelling', regio: 'Utrecht', jaar: 2026, bekendgemaakt: '1800-01-01' }] },
      '2026-12-07',
    );
    expect(uitkomst.ok ? [] : uitkomst.fouten).toHaveLength(1);
  });
});

function tbB(id: string, bekendgemaakt: string): Besluit {
  return { id, type: 'tariefbeschikking', soort: 'vaststelling', regio: 'Utrecht', jaar: 2030, bekendgemaakt, aanbieder: 'A' };
}
function crB(id: string, bekendgemaakt: string, jaar: number): Besluit {
  return { id, type: 'contracteerruimte', soort: 'vaststelling', regio: 'Utrecht', bekendgemaakt, jaren: [jaar] };
}

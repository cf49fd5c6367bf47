import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAtwKalender } from '../../../src/domain/kalender/atwKalender';
import { addDagen } from '../../../src/domain/kalender/kalenderdatum';
import { computeTermijnen } from '../../../src/domain/termijnen/computeTermijnen';
import { MAX_LOSSE_TOEKOMSTWAARSCHUWINGEN } from '../../../src/domain/termijnen/waarschuwingen';
import type { Besluit, Beroep } from '../../../src/domain/besluiten/besluit';

const CONFIG = { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() };
const REGIOS = ['Utrecht', 'Twente', 'Groningen'] as const;

// A random input as the engine gets it: contracteerruimtebesluiten covering some years of some regions, and
// tariefbeschikkingen in any region and year (a region may have none, a year may be uncovered), in any order.
const invoer = fc
  .record({
    cr: fc.array(
      fc.record({
        regio: fc.constantFrom(...REGIOS),
        dag: fc.nat(800),
        jaren: fc.uniqueArray(fc.integer({ min: 2025, max: 2028 }), { minLength: 1, maxLength: 3 }),
      }),
      {
        maxLength: 4,
      },
    ),
    // Up to 40 (fast-check's default size would stop at 10): past 25 later decisions fold into one warning.
    tb: fc.array(fc.record({ regio: fc.constantFrom(...REGIOS), dag: fc.nat(800), jaar: fc.integer({ min: 2025, max: 2028 }) }), {
      maxLength: 40,
      size: 'max',
    }),
    beroepen: fc.array(fc.record({ cr: fc.nat(3), dag: fc.nat(800) }), { maxLength: 3 }),
    volgorde: fc.array(fc.nat(), { maxLength: 50 }),
    peildag: fc.integer({ min: -5, max: 805 }),
  })
  .map(({ cr, tb, beroepen, volgorde, peildag }) => {
    const besluiten: Besluit[] = [
      ...cr.map((c, i): Besluit => ({
        id: `CR-${i}`,
        type: 'contracteerruimte',
        soort: i === 0 ? 'vaststelling' : 'wijziging',
        regio: c.regio,
        bekendgemaakt: addDagen('2025-01-01', c.dag),
        jaren: c.jaren,
      })),
      ...tb.map((t, i): Besluit => ({
        id: `TB-${i}`,
        type: 'tariefbeschikking',
        soort: 'vaststelling',
        regio: t.regio,
        jaar: t.jaar,
        bekendgemaakt: addDagen('2025-01-01', t.dag),
        aanbieder: `A-${i % 5}`,
      })),
    ];
    // The input's own order, shuffled: the warnings keep it.
    for (let i = besluiten.length - 1; i > 0; i--) {
      const j = (volgorde[i] ?? 0) % (i + 1);
      [besluiten[i], besluiten[j]] = [besluiten[j]!, besluiten[i]!];
    }
    // The peildatum sometimes on a bekendmaking itself: "after" is strictly after.
    const peildatum =
      besluiten.length > 0 && peildag % 3 === 0 ? besluiten[Math.abs(peildag) % besluiten.length]!.bekendgemaakt : addDagen('2025-01-01', peildag);
    // Beroepen against a contracteerruimtebesluit (the split finds the besluiten they name), some filed before it.
    const beroepenTegen: Beroep[] = beroepen.flatMap((b) => {
      const besluit = besluiten.find((x) => x.id === `CR-${b.cr}`);
      return besluit?.type === 'contracteerruimte'
        ? [{ tegen: besluit.id, regio: besluit.regio, jaar: besluit.jaren[0]!, ingesteld: addDagen('2025-01-01', b.dag), afgerond: null }]
        : [];
    });
    return { besluiten, beroepen: beroepenTegen, peildatum };
  });

describe('termijnregels §7: warnings read from the split, as the input names them', () => {
  it('decisions made known after the peildatum, and tariefbeschikkingen for a year no contracteerruimtebesluit of their region covers, in input order', () => {
    fc.assert(
      fc.property(invoer, (i) => {
        const waarschuwingen = computeTermijnen(i, CONFIG).waarschuwingen;
        // The rules read off the objects, plainly.
        const later = i.besluiten.filter((b) => b.bekendgemaakt > i.peildatum).map((b) => b.id);
        const gemeldLater = waarschuwingen.filter((w) => w.code === 'bekendmaking-in-toekomst');
        if (later.length > MAX_LOSSE_TOEKOMSTWAARSCHUWINGEN) {
          expect(gemeldLater).toHaveLength(1);
          expect(gemeldLater[0]!.melding).toContain(`${later.length} besluiten`);
          expect(gemeldLater[0]!.melding).toContain(`onder meer ${later.slice(0, 5).join(', ')})`);
        } else {
          expect(gemeldLater.map((w) => w.besluit)).toEqual(later);
        }
        const gedekt = new Map<string, Set<number>>();
        for (const b of i.besluiten)
          if (b.type === 'contracteerruimte') for (const j of b.jaren) gedekt.set(b.regio, (gedekt.get(b.regio) ?? new Set()).add(j));
        const nietGedekt = i.besluiten
          .filter((b) => b.type === 'tariefbeschikking' && gedekt.has(b.regio) && !gedekt.get(b.regio)!.has(b.jaar))
          .map((b) => b.id);
        expect(waarschuwingen.filter((w) => w.code === 'jaar-niet-gedekt').map((w) => w.besluit)).toEqual(nietGedekt);
        // Art. 6:10 Awb: a beroep filed before the contracteerruimtebesluit it names was made known; one after the peildatum.
        const bekendVan = (id: string) => i.besluiten.find((b) => b.id === id)!.bekendgemaakt;
        // Not when it was filed in time against an earlier version of the year (a term open to every party of the region
        // then ran against a besluit made known before): art. 6:19 Awb extends it to the later one (cli-termijnen.md, v3).
        const termijnen = computeTermijnen(i, CONFIG).termijnen;
        const eerdereVersie = (b: (typeof i.beroepen)[number]) =>
          i.besluiten.some((c) => c.type === 'contracteerruimte' && c.regio === b.regio && c.jaren.includes(b.jaar) && c.bekendgemaakt <= b.ingesteld) &&
          termijnen.some(
            (t) =>
              t.rechtsmiddel === 'beroep' &&
              t.partij === undefined &&
              t.regio === b.regio &&
              t.jaar === b.jaar &&
              t.bekendgemaakt <= b.ingesteld &&
              t.bekendgemaakt < bekendVan(b.tegen) &&
              t.einde >= b.ingesteld,
          );
        expect(waarschuwingen.filter((w) => w.code === 'beroep-voor-besluit').map((w) => w.besluit)).toEqual(
          i.beroepen.filter((b) => b.ingesteld < bekendVan(b.tegen) && !eerdereVersie(b)).map((b) => b.tegen),
        );
        for (const w of waarschuwingen.filter((x) => x.code === 'beroep-voor-besluit')) expect(w.melding).toContain('Het is ontvankelijk als');
        expect(waarschuwingen.filter((w) => w.code === 'beroep-in-toekomst').map((w) => w.besluit)).toEqual(
          i.beroepen.filter((b) => b.ingesteld > i.peildatum).map((b) => b.tegen),
        );
      }),
      { numRuns: 400 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TariefbeschikkingIndex } from '../../../src/services/termijnen/tariefbeschikkingIndex';
import type { TariefbeschikkingRij } from '../../../src/services/termijnen/termijnInvoer';

const NAMEN = ['Zorggroep Heuvelrand', 'zorggroep Aa', 'Ésdal Zorg', 'Amstelhof', "'t Zorghuis"];

const rij = (id: number, kenmerk: string, bekendgemaakt: string, naam = 0): TariefbeschikkingRij => ({
  id,
  kenmerk,
  zorgaanbiederId: naam + 1,
  zorgaanbieder: NAMEN[naam]!,
  regioId: 1,
  regio: 'Utrecht',
  jaar: 2027,
  soort: 'vaststelling',
  besluitdatum: bekendgemaakt,
  bekendgemaakt,
});

describe('the tariefbeschikking index: a whole map with the changes since laid over it', () => {
  it('after any sequence of cell reloads it holds what a map rebuilt from all rows holds', () => {
    // A "cell" is a group of kenmerken reloaded together: some rows stay, some move in date, some go, some come.
    const wijziging = fc.record({
      cel: fc.nat(3),
      rijen: fc.array(fc.record({ nummer: fc.nat(30), dag: fc.integer({ min: 10, max: 28 }), naam: fc.nat(NAMEN.length - 1) }), { maxLength: 12 }),
      // Whether the filter's names are read after this reload (then carried to the next index), or not.
      namenGelezen: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(wijziging, { minLength: 1, maxLength: 40 }), (wijzigingen) => {
        const perCel = new Map<number, TariefbeschikkingRij[]>();
        let index = TariefbeschikkingIndex.of([]);
        for (const w of wijzigingen) {
          // Kenmerken are unique across cells: the cell number is part of the kenmerk.
          const nieuw = [...new Map(w.rijen.map((r) => [r.nummer, r])).values()].map((r) =>
            rij(w.cel * 100 + r.nummer, `TB-${w.cel}-${r.nummer}`, `2026-05-${r.dag}`, r.naam),
          );
          index = index.change(perCel.get(w.cel) ?? [], nieuw);
          perCel.set(w.cel, nieuw);
          const verwacht = new Map([...perCel.values()].flat().map((t) => [t.kenmerk, t]));
          expect(new Map(index)).toEqual(verwacht);
          expect(index.size).toBe(verwacht.size);
          for (const [kenmerk, t] of verwacht) expect(index.get(kenmerk)).toEqual(t);
          expect(index.get('TB-9-9')).toBeUndefined();
          if (w.namenGelezen) {
            const namen = [...new Set([...verwacht.values()].map((t) => t.zorgaanbieder))].sort(new Intl.Collator('nl').compare);
            expect(index.zorgaanbieders()).toEqual(namen);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the row it holds when a reload brings an equal one, and every index stays as it was made', () => {
    const eerste = rij(1, 'TB-1', '2026-05-10');
    const index = TariefbeschikkingIndex.of([eerste]);
    const herladen = index.change([eerste], [{ ...eerste }]);
    expect(herladen.get('TB-1')).toBe(eerste);
    const verschoven = herladen.change([{ ...eerste }], [rij(1, 'TB-1', '2026-05-11')]);
    expect(verschoven.get('TB-1')!.bekendgemaakt).toBe('2026-05-11');
    expect(index.get('TB-1')!.bekendgemaakt).toBe('2026-05-10');
  });

  it('names shared by an edit of dates alone stay as they were when a later index drops or renames one', () => {
    const index = TariefbeschikkingIndex.of([rij(1, 'TB-1', '2026-05-10'), rij(2, 'TB-2', '2026-05-10', 1)]);
    expect(index.zorgaanbieders()).toEqual(['zorggroep Aa', 'Zorggroep Heuvelrand']);
    // Dates only: the names (and their counts) are shared with `index`.
    const verschoven = index.change([rij(1, 'TB-1', '2026-05-10')], [rij(1, 'TB-1', '2026-05-12')]);
    expect(verschoven.zorgaanbieders()).toEqual(['zorggroep Aa', 'Zorggroep Heuvelrand']);
    // From `verschoven`: TB-2 goes, and with it its name; the counts `verschoven` shares must not change.
    expect(verschoven.change([rij(2, 'TB-2', '2026-05-10', 1)], []).zorgaanbieders()).toEqual(['Zorggroep Heuvelrand']);
    // Again from `verschoven`: TB-1 renamed. TB-2's name is still counted there.
    expect(verschoven.change([rij(1, 'TB-1', '2026-05-12')], [rij(1, 'TB-1', '2026-05-12', 2)]).zorgaanbieders()).toEqual(['Ésdal Zorg', 'zorggroep Aa']);
    expect(index.change([rij(1, 'TB-1', '2026-05-10')], [rij(1, 'TB-1', '2026-05-10', 3)]).zorgaanbieders()).toEqual(['Amstelhof', 'zorggroep Aa']);
  });
});

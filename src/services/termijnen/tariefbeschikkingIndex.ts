import type { TariefbeschikkingRij } from './termijnInvoer';

// One collator for every comparison: `localeCompare` builds one per call.
const NEDERLANDS = new Intl.Collator('nl');

// Past this share of changed kenmerken since the last whole index, the next change builds a whole one again.
const MAX_WIJZIGINGEN_DEEL = 8;

/**
 * The tariefbeschikkingen a scope sees, by kenmerk: a whole map of the last full load with the kenmerken changed since
 * laid over it. A write of one tariefbeschikking makes a new index in time proportional to what it changed, not to the
 * 200,000 rows at five times national scale; each index stays as it was made (results of an earlier revision keep theirs).
 */
export class TariefbeschikkingIndex implements ReadonlyMap<string, TariefbeschikkingRij> {
  /** The addressees' names with how many rows name each, and the names in Dutch order: made when first asked. */
  private namen: { telling: Map<string, number>; gesorteerd: readonly string[] } | undefined;

  private constructor(
    private readonly basis: ReadonlyMap<string, TariefbeschikkingRij>,
    /** Changed kenmerken: the row now, or null where it is gone. */
    private readonly wijzigingen: ReadonlyMap<string, TariefbeschikkingRij | null>,
  ) {}

  /**
   * Every zorgaanbieder named by a row, once, in Dutch order (the overview's filter). After a change the previous
   * index's names are carried over by the change alone; the sorted list is shared while no name comes or goes.
   */
  zorgaanbieders(): readonly string[] {
    if (!this.namen) {
      const telling = new Map<string, number>();
      for (const rij of this.values()) telling.set(rij.zorgaanbieder, (telling.get(rij.zorgaanbieder) ?? 0) + 1);
      this.namen = { telling, gesorteerd: [...telling.keys()].sort(NEDERLANDS.compare) };
    }
    return this.namen.gesorteerd;
  }

  /** A whole index of `rijen` in their order. */
  static of(rijen: readonly TariefbeschikkingRij[]): TariefbeschikkingIndex {
    return new TariefbeschikkingIndex(new Map(rijen.map((t) => [t.kenmerk, t])), new Map());
  }

  /**
   * This index with the rows of some cells replaced: `weg` as they were loaded before, `erbij` as loaded now. Only what
   * differs is recorded: a reloaded row equal to the one held keeps the one held.
   */
  change(weg: readonly TariefbeschikkingRij[], erbij: readonly TariefbeschikkingRij[]): TariefbeschikkingIndex {
    const wijzigingen = new Map(this.wijzigingen);
    const nieuw = new Set(erbij.map((t) => t.kenmerk));
    for (const t of weg) if (!nieuw.has(t.kenmerk) && this.get(t.kenmerk)?.id === t.id) wijzigingen.set(t.kenmerk, null);
    for (const t of erbij) {
      const huidig = this.get(t.kenmerk);
      if (!huidig || !sameRij(huidig, t)) wijzigingen.set(t.kenmerk, t);
    }
    const index = new TariefbeschikkingIndex(this.basis, wijzigingen);
    const nieuweIndex =
      wijzigingen.size > Math.max(1_000, this.basis.size / MAX_WIJZIGINGEN_DEEL) ? new TariefbeschikkingIndex(new Map(index), new Map()) : index;
    if (this.namen) nieuweIndex.namen = this.carryNamen(this.namen, nieuweIndex, [...weg.map((t) => t.kenmerk), ...nieuw]);
    return nieuweIndex;
  }

  /** The names of `na` from this index's, through the rows of the changed kenmerken only (no reference to this index kept). */
  private carryNamen(
    namen: { telling: Map<string, number>; gesorteerd: readonly string[] },
    na: TariefbeschikkingIndex,
    kenmerken: readonly string[],
  ): { telling: Map<string, number>; gesorteerd: readonly string[] } {
    // Copied at the first name that changes: an edit of dates alone (the usual write) shares the previous names.
    let telling = namen.telling;
    let andereNamen = false;
    for (const kenmerk of new Set(kenmerken)) {
      const [voor, nu] = [this.get(kenmerk), na.get(kenmerk)];
      if (voor?.zorgaanbieder === nu?.zorgaanbieder) continue;
      if (telling === namen.telling) telling = new Map(namen.telling);
      if (voor) {
        const n = telling.get(voor.zorgaanbieder)! - 1;
        if (n === 0) telling.delete(voor.zorgaanbieder);
        else telling.set(voor.zorgaanbieder, n);
        andereNamen ||= n === 0;
      }
      if (nu) {
        const n = (telling.get(nu.zorgaanbieder) ?? 0) + 1;
        telling.set(nu.zorgaanbieder, n);
        andereNamen ||= n === 1;
      }
    }
    if (telling === namen.telling) return namen;
    return { telling, gesorteerd: andereNamen ? [...telling.keys()].sort(NEDERLANDS.compare) : namen.gesorteerd };
  }

  get(kenmerk: string): TariefbeschikkingRij | undefined {
    const gewijzigd = this.wijzigingen.get(kenmerk);
    if (gewijzigd !== undefined) return gewijzigd ?? undefined;
    return this.basis.get(kenmerk);
  }

  has(kenmerk: string): boolean {
    return this.get(kenmerk) !== undefined;
  }

  get size(): number {
    let n = this.basis.size;
    for (const [kenmerk, rij] of this.wijzigingen) n += (rij ? 1 : 0) - (this.basis.has(kenmerk) ? 1 : 0);
    return n;
  }

  *entries(): MapIterator<[string, TariefbeschikkingRij]> {
    for (const [kenmerk, rij] of this.basis) if (!this.wijzigingen.has(kenmerk)) yield [kenmerk, rij];
    for (const [kenmerk, rij] of this.wijzigingen) if (rij) yield [kenmerk, rij];
  }

  *keys(): MapIterator<string> {
    for (const [kenmerk] of this.entries()) yield kenmerk;
  }

  *values(): MapIterator<TariefbeschikkingRij> {
    for (const [, rij] of this.entries()) yield rij;
  }

  forEach(doe: (rij: TariefbeschikkingRij, kenmerk: string, map: ReadonlyMap<string, TariefbeschikkingRij>) => void): void {
    for (const [kenmerk, rij] of this.entries()) doe(rij, kenmerk, this);
  }

  [Symbol.iterator](): MapIterator<[string, TariefbeschikkingRij]> {
    return this.entries();
  }
}

function sameRij(a: TariefbeschikkingRij, b: TariefbeschikkingRij): boolean {
  return (
    a.id === b.id &&
    a.kenmerk === b.kenmerk &&
    a.zorgaanbiederId === b.zorgaanbiederId &&
    a.zorgaanbieder === b.zorgaanbieder &&
    a.regioId === b.regioId &&
    a.regio === b.regio &&
    a.jaar === b.jaar &&
    a.soort === b.soort &&
    a.besluitdatum === b.besluitdatum &&
    a.bekendgemaakt === b.bekendgemaakt
  );
}

import type { BerekendOverzicht } from '../services/termijnen/termijnService';
import type { PartijStatus, RegioJaarStatus, Termijn, Uitsluiting, Waarschuwing } from '../domain/termijnen/termijn';
import { orderBySleutel, type GeordendeLijst } from './paginering';

/** One item of `GET /api/v1/termijnen`: the five lists of a result walk as one, each kind in its own array of a page. */
export type ApiItem =
  | { soort: 'termijn'; x: Termijn }
  | { soort: 'uitsluiting'; x: Uitsluiting }
  | { soort: 'status'; x: RegioJaarStatus }
  | { soort: 'partijStatus'; x: PartijStatus }
  | { soort: 'waarschuwing'; x: Waarschuwing };

/** The stable order of the terms API: by kind, then last day, region, year, remedy, decision and party. */
export function apiItemSleutel(i: ApiItem): string {
  switch (i.soort) {
    case 'termijn':
      return ['0', i.x.einde, i.x.regio, i.x.jaar, i.x.rechtsmiddel, i.x.besluitType, i.x.besluit, i.x.partij ?? '', i.x.soort, i.x.regel, i.x.aanvang].join(
        '|',
      );
    case 'uitsluiting':
      return ['1', i.x.regio, i.x.jaar, i.x.rechtsmiddel, i.x.besluitType, i.x.besluit, i.x.partij ?? '', i.x.reden].join('|');
    case 'status':
      return ['2', i.x.regio, i.x.jaar].join('|');
    case 'partijStatus':
      return ['3', i.x.regio, i.x.jaar, i.x.partij].join('|');
    case 'waarschuwing':
      return ['4', JSON.stringify(i.x)].join('|');
  }
}

export interface ApiFilter {
  regio?: string | undefined;
  jaar?: number | undefined;
  rechtsmiddel?: string | undefined;
  /** Matches a party or a tariefbeschikking's addressee (see matchZorgaanbieder). */
  zorgaanbieder?: ((naam: string | undefined) => boolean) | undefined;
}

/**
 * Every item of a result that passes the filter, in the API's order: the reference way, ordering all items at once.
 * A filtered list is small; the whole list goes through `createApiTermijnLijsten` instead (the same list, built per cell).
 */
export function buildApiLijst(berekend: BerekendOverzicht, filter: ApiFilter): GeordendeLijst<ApiItem> {
  const { regio, jaar, rechtsmiddel, zorgaanbieder } = filter;
  const past = (x: { regio: string; jaar: number; besluit: string; besluitType: string; rechtsmiddel?: string; partij?: string | undefined }) =>
    (!regio || x.regio === regio) &&
    (!jaar || x.jaar === jaar) &&
    (!rechtsmiddel || x.rechtsmiddel === rechtsmiddel) &&
    (!zorgaanbieder || zorgaanbieder(x.partij ?? berekend.tariefbeschikkingen.get(x.besluit)?.zorgaanbieder));
  const u = berekend.uitkomst;
  const items: ApiItem[] = [
    ...u.termijnen.filter(past).map((x) => ({ soort: 'termijn' as const, x })),
    ...u.uitsluitingen.filter(past).map((x) => ({ soort: 'uitsluiting' as const, x })),
    ...u.status.filter((s) => (!regio || s.regio === regio) && (!jaar || s.jaar === jaar)).map((x) => ({ soort: 'status' as const, x })),
    ...u.partijStatus
      .filter((s) => (!regio || s.regio === regio) && (!jaar || s.jaar === jaar) && (!zorgaanbieder || zorgaanbieder(s.partij)))
      .map((x) => ({ soort: 'partijStatus' as const, x })),
    ...u.waarschuwingen.map((x) => ({ soort: 'waarschuwing' as const, x })),
  ];
  return orderBySleutel(items, apiItemSleutel);
}

/** A sorted run of keys and items, each item with the cell result it came from. */
interface Run {
  sleutels: string[];
  items: ApiItem[];
  bron: object[];
}

/** The terms of every cell in one sorted run, with the set of cell results it holds. */
interface TermijnRun extends Run {
  bronnen: Set<object>;
}

const leeg = (): Run => ({ sleutels: [], items: [], bron: [] });

/** Two sorted runs as one. */
function mergeRuns(a: Run, b: Run): Run {
  if (a.sleutels.length < b.sleutels.length) [a, b] = [b, a];
  if (b.sleutels.length === 0) return a;
  const uit = leeg();
  // Runs of like size: one linear walk. A few items into many: each placed by binary search, the rest copied in slices.
  if (b.sleutels.length * Math.log2(a.sleutels.length) > a.sleutels.length) {
    let i = 0;
    let j = 0;
    while (i < a.sleutels.length || j < b.sleutels.length) {
      if (j >= b.sleutels.length || (i < a.sleutels.length && a.sleutels[i]! < b.sleutels[j]!)) {
        uit.sleutels.push(a.sleutels[i]!);
        uit.items.push(a.items[i]!);
        uit.bron.push(a.bron[i++]!);
      } else {
        uit.sleutels.push(b.sleutels[j]!);
        uit.items.push(b.items[j]!);
        uit.bron.push(b.bron[j++]!);
      }
    }
    return uit;
  }
  // The large run is copied in slices between the small one's places (native copies, no item-by-item push).
  const sleutels: string[][] = [];
  const items: ApiItem[][] = [];
  const bron: object[][] = [];
  let van = 0;
  for (let j = 0; j < b.sleutels.length; j++) {
    const sleutel = b.sleutels[j]!;
    let laag = van;
    let hoog = a.sleutels.length;
    while (laag < hoog) {
      const midden = (laag + hoog) >>> 1;
      if (a.sleutels[midden]! < sleutel) laag = midden + 1;
      else hoog = midden;
    }
    sleutels.push(a.sleutels.slice(van, laag), [sleutel]);
    items.push(a.items.slice(van, laag), [b.items[j]!]);
    bron.push(a.bron.slice(van, laag), [b.bron[j]!]);
    van = laag;
  }
  sleutels.push(a.sleutels.slice(van));
  items.push(a.items.slice(van));
  bron.push(a.bron.slice(van));
  return { sleutels: plak(sleutels), items: plak(items), bron: plak(bron) };
}

/** Arrays as one, by native concat in batches (a spread of very many arguments would overflow the stack). */
function plak<T>(delen: readonly (readonly T[])[]): T[] {
  let uit: T[] = [];
  for (let i = 0; i < delen.length; i += 4096) uit = uit.concat(...delen.slice(i, i + 4096));
  return uit;
}

/** Many sorted runs as one, merged pairwise (log₂ of their number passes over the items). */
function mergeAll(runs: Run[]): Run {
  let rij = runs.filter((r) => r.sleutels.length > 0);
  if (rij.length === 0) return leeg();
  while (rij.length > 1) {
    const volgende: Run[] = [];
    for (let i = 0; i < rij.length; i += 2) volgende.push(i + 1 < rij.length ? mergeRuns(rij[i]!, rij[i + 1]!) : rij[i]!);
    rij = volgende;
  }
  return rij[0]!;
}

const MAX_SCOPES = 20;

/**
 * The whole list of `GET /api/v1/termijnen` (no filter) per scope, made per cell (issue 32.4): a cell's items are
 * keyed and ordered once per cell result — which the term service keeps while the cell's input is unchanged — and a
 * write re-sorts only the cells it touched: their old terms leave the merged run and their new ones are merged in.
 * Exclusions and party statuses are ordered by region and year first, so a cell's are one block: those runs are
 * concatenated. The result is the same list, key for key, as `buildApiLijst` without a filter
 * (test/server/routes/apiTermijnLijst.test.ts), computed from the same cell results, so it is never older than they are.
 */
export function createApiTermijnLijsten() {
  // Per cell result and kind (a party status list per peildatum is its own object): the cell's items, keyed and sorted.
  const perCel = new WeakMap<object, Map<ApiItem['soort'], Run>>();
  const vorige = new Map<string, TermijnRun>();
  /** How the terms were merged: all cells, or the changed ones into the previous merge (the tests read it). */
  const telling = { volledig: 0, incrementeel: 0 };
  const runVan = <T>(bron: object, items: readonly T[], soort: ApiItem['soort']): Run => {
    const sleutel = soort === 'partijStatus' ? items : bron;
    let perSoort = perCel.get(sleutel);
    if (!perSoort) perCel.set(sleutel, (perSoort = new Map()));
    let run = perSoort.get(soort);
    if (!run) {
      const geordend = orderBySleutel(
        items.map((x) => ({ soort, x }) as ApiItem),
        apiItemSleutel,
      );
      run = { sleutels: [...geordend.sleutels], items: [...geordend.items], bron: new Array<object>(geordend.items.length).fill(bron) };
      perSoort.set(soort, run);
    }
    return run;
  };

  /** The terms of every cell merged: from the previous merge of this scope when only some cells changed. */
  const mergeTermijnen = (scope: string, cellen: { bron: object; termijnen: readonly Termijn[] }[]): TermijnRun => {
    const bronnen = new Set(cellen.map((c) => c.bron));
    const oud = vorige.get(scope);
    let run: Run;
    const nieuw = oud ? cellen.filter((c) => !oud.bronnen.has(c.bron)) : cellen;
    const weg = oud ? [...oud.bronnen].filter((b) => !bronnen.has(b)) : [];
    if (oud && nieuw.length + weg.length < cellen.length / 2) {
      telling.incrementeel++;
      let behouden: Run = oud;
      if (weg.length > 0) {
        const wegSet = new Set(weg);
        behouden = leeg();
        for (let i = 0; i < oud.sleutels.length; i++) {
          if (wegSet.has(oud.bron[i]!)) continue;
          behouden.sleutels.push(oud.sleutels[i]!);
          behouden.items.push(oud.items[i]!);
          behouden.bron.push(oud.bron[i]!);
        }
      }
      run = mergeRuns(behouden, mergeAll(nieuw.map((c) => runVan(c.bron, c.termijnen, 'termijn'))));
    } else {
      telling.volledig++;
      run = mergeAll(cellen.map((c) => runVan(c.bron, c.termijnen, 'termijn')));
    }
    const uit = { ...run, bronnen };
    vorige.delete(scope);
    if (vorige.size >= MAX_SCOPES) vorige.delete(vorige.keys().next().value!);
    vorige.set(scope, uit);
    return uit;
  };

  return {
    telling,
    /** The whole list of the scope's result at its peildatum. */
    vanScope(scope: string, berekend: BerekendOverzicht): GeordendeLijst<ApiItem> {
      const cellen = berekend.cellen.map(({ regio, jaar }) => berekend.cel(regio, jaar)!);
      const termijnen = mergeTermijnen(
        scope,
        cellen.map((c) => ({ bron: c.bron, termijnen: c.termijnen })),
      );
      // Exclusions, statuses and party statuses are keyed by region and year first: one block per cell, blocks in that order.
      const blokken = (soort: 'uitsluiting' | 'partijStatus') => {
        const runs = cellen
          .map((c) => runVan<unknown>(c.bron, soort === 'uitsluiting' ? c.uitsluitingen : c.partijStatus, soort))
          .filter((r) => r.sleutels.length > 0)
          .sort((a, b) => (a.sleutels[0]! < b.sleutels[0]! ? -1 : 1));
        return runs;
      };
      const rest = orderBySleutel(
        [
          ...berekend.uitkomst.status.map((x) => ({ soort: 'status' as const, x })),
          ...berekend.uitkomst.waarschuwingen.map((x) => ({ soort: 'waarschuwing' as const, x })),
        ] as ApiItem[],
        apiItemSleutel,
      );
      const statusTot = rest.sleutels.findIndex((s) => !s.startsWith('2|'));
      const splits = statusTot === -1 ? rest.sleutels.length : statusTot;
      const delen: { sleutels: readonly string[]; items: readonly ApiItem[] }[] = [
        termijnen,
        ...blokken('uitsluiting'),
        { sleutels: rest.sleutels.slice(0, splits), items: rest.items.slice(0, splits) },
        ...blokken('partijStatus'),
        { sleutels: rest.sleutels.slice(splits), items: rest.items.slice(splits) },
      ];
      const sleutels = plak(delen.map((d) => d.sleutels));
      const items = plak(delen.map((d) => d.items));
      return { sleutels, items };
    },
  };
}

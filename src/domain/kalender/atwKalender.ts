import { formatOpsomming } from '../tekst';
import { addDagen, formatDatumKort, formatDatumLang, formatWeekdag, jaarVan, weekdagVan, type IsoDatum } from './kalenderdatum';
import { listAtwFeestdagen, type Feestdag, type GelijkgesteldeDag } from './feestdagen';
import { GELIJKSTELLINGS_KBS, type GelijkstellingsKb } from './gelijkgesteldeDagen';

export interface NietWerkdag {
  datum: IsoDatum;
  /** Why the day does not count as a last day: "een zaterdag", "tweede Paasdag", … */
  reden: string;
  /** The provision: art. 1 lid 1 Atw for a weekend day, art. 3 lid 1/2/3 Atw for a (equated) feestdag. */
  grondslag: string;
  /** For a day equated by KB: its source. */
  bron?: string;
}

export interface VerschovenEinde {
  /** Last day before the Atw move. */
  oorspronkelijk: IsoDatum;
  /** Last day after the Atw move (equal to `oorspronkelijk` when nothing moved). */
  einde: IsoDatum;
  /** The skipped days in order; empty when the end did not move. */
  overgeslagen: NietWerkdag[];
}

export interface AtwKalender {
  feestdagNaam(datum: IsoDatum): string | undefined;
  nietWerkdagReden(datum: IsoDatum): string | undefined;
  nietWerkdag(datum: IsoDatum): NietWerkdag | undefined;
  /** Art. 1 lid 1 Atw: a term ending on a Saturday, Sunday or feestdag runs through the next day that is none of these. */
  moveEinde(einde: IsoDatum): VerschovenEinde;
  /** Whether the days equated by KB (art. 3 lid 3 Atw) are known for this year; otherwise an end may still move. */
  isKbBekend(jaar: number): boolean;
}

/**
 * The Atw calendar: art. 3 lid 1 feestdagen, Goede Vrijdag (lid 2), the shipped KB days (lid 3) and any further days
 * equated by configuration or per scenario (`extra`). A year counts as covered by a KB when a shipped KB names it or
 * `extra` holds a day in it.
 */
export function createAtwKalender(extra: readonly GelijkgesteldeDag[] = [], kbs: readonly GelijkstellingsKb[] = GELIJKSTELLINGS_KBS): AtwKalender {
  const feestdagenPerJaar = new Map<number, Map<IsoDatum, Feestdag>>();
  const verschovenCache = new Map<IsoDatum, VerschovenEinde>();
  const kbJaren = new Set([...kbs.flatMap((kb) => kb.jaren), ...extra.map((d) => jaarVan(d.datum))]);

  function feestdag(datum: IsoDatum): Feestdag | undefined {
    const jaar = jaarVan(datum);
    let dagen = feestdagenPerJaar.get(jaar);
    if (!dagen) {
      dagen = new Map(listAtwFeestdagen(jaar, kbs, extra).map((d) => [d.datum, d]));
      feestdagenPerJaar.set(jaar, dagen);
    }
    return dagen.get(datum);
  }

  function nietWerkdag(datum: IsoDatum): NietWerkdag | undefined {
    const dag = feestdag(datum);
    if (dag) return { datum, reden: dag.naam, grondslag: dag.grondslag, ...(dag.bron ? { bron: dag.bron } : {}) };
    const weekdag = weekdagVan(datum);
    if (weekdag === 6) return { datum, reden: 'een zaterdag', grondslag: 'art. 1 lid 1 Atw' };
    if (weekdag === 7) return { datum, reden: 'een zondag', grondslag: 'art. 1 lid 1 Atw' };
    return undefined;
  }

  function moveEinde(einde: IsoDatum): VerschovenEinde {
    const cached = verschovenCache.get(einde);
    if (cached) return cached;
    const overgeslagen: NietWerkdag[] = [];
    let dag = einde;
    for (let niet = nietWerkdag(dag); niet; niet = nietWerkdag(dag)) {
      overgeslagen.push(niet);
      dag = addDagen(dag, 1);
    }
    const result = { oorspronkelijk: einde, einde: dag, overgeslagen };
    verschovenCache.set(einde, result);
    return result;
  }

  return {
    feestdagNaam: (datum) => feestdag(datum)?.naam,
    nietWerkdagReden: (datum) => nietWerkdag(datum)?.reden,
    nietWerkdag,
    moveEinde,
    isKbBekend: (jaar) => kbJaren.has(jaar),
  };
}

/** "Goede Vrijdag (vrijdag)", "een zaterdag", "bij KB gelijkgestelde dag (vrijdag; KB …)" */
export function describeNietWerkdag(d: NietWerkdag): string {
  if (d.reden.startsWith('een ')) return d.reden;
  // A source with its own brackets ("… (nummer uit secundaire bron)") keeps them as a comma inside ours.
  const bron = d.grondslag === 'art. 3 lid 3 Atw' && d.bron ? `; ${d.bron.replace(/\s*\(([^()]*)\)/g, ', $1')}` : '';
  const erbij = `${formatWeekdag(d.datum)}${bron}`;
  // One pair of brackets: a name that ends in its own ("… (verschoven)") takes the weekday inside them.
  return d.reden.endsWith(')') ? `${d.reden.slice(0, -1)}; ${erbij})` : `${d.reden} (${erbij})`;
}

/** "11 april 2026 is een zaterdag; de termijn loopt door tot en met maandag 13 april 2026 (art. 1 Atw)." */
export function describeAtwVerschuiving(v: VerschovenEinde): string | undefined {
  if (v.overgeslagen.length === 0) return undefined;
  const delen = v.overgeslagen.map((d, i) =>
    i === 0 ? `${formatDatumKort(d.datum)} is ${describeNietWerkdag(d)}` : `${formatDatumKort(d.datum)} ${describeNietWerkdag(d)}`,
  );
  return `${formatOpsomming(delen, 'en')}; de termijn loopt door tot en met ${formatDatumLang(v.einde)} (art. 1 Atw).`;
}

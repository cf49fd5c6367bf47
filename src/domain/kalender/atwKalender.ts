import { addDagen, formatDatumKort, formatDatumLang, formatWeekdag, jaarVan, weekdagVan, type IsoDatum } from './kalenderdatum';
import { listAtwFeestdagen, type GelijkgesteldeDag } from './feestdagen';

export interface NietWerkdag {
  datum: IsoDatum;
  /** Why the day does not count as a last day: "een zaterdag", "tweede Paasdag", … */
  reden: string;
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
  /** Art. 1 lid 1 Atw: a term ending on a Saturday, Sunday or feestdag runs through the next day that is none of these. */
  verschuifEinde(einde: IsoDatum): VerschovenEinde;
}

export function createAtwKalender(gelijkgesteld: readonly GelijkgesteldeDag[] = []): AtwKalender {
  const feestdagenPerJaar = new Map<number, Map<IsoDatum, string>>();
  const verschovenCache = new Map<IsoDatum, VerschovenEinde>();

  function feestdagNaam(datum: IsoDatum): string | undefined {
    const jaar = jaarVan(datum);
    let dagen = feestdagenPerJaar.get(jaar);
    if (!dagen) {
      dagen = new Map(listAtwFeestdagen(jaar, gelijkgesteld).map((d) => [d.datum, d.naam]));
      feestdagenPerJaar.set(jaar, dagen);
    }
    return dagen.get(datum);
  }

  function nietWerkdagReden(datum: IsoDatum): string | undefined {
    const feestdag = feestdagNaam(datum);
    if (feestdag) return feestdag;
    const weekdag = weekdagVan(datum);
    if (weekdag === 6) return 'een zaterdag';
    if (weekdag === 7) return 'een zondag';
    return undefined;
  }

  function verschuifEinde(einde: IsoDatum): VerschovenEinde {
    const cached = verschovenCache.get(einde);
    if (cached) return cached;
    const overgeslagen: NietWerkdag[] = [];
    let dag = einde;
    for (let reden = nietWerkdagReden(dag); reden; reden = nietWerkdagReden(dag)) {
      overgeslagen.push({ datum: dag, reden });
      dag = addDagen(dag, 1);
    }
    const result = { oorspronkelijk: einde, einde: dag, overgeslagen };
    verschovenCache.set(einde, result);
    return result;
  }

  return { feestdagNaam, nietWerkdagReden, verschuifEinde };
}

/** "11 april 2026 is een zaterdag; de termijn loopt door tot en met maandag 13 april 2026 (art. 1 Atw)." */
export function describeAtwVerschuiving(v: VerschovenEinde): string | undefined {
  if (v.overgeslagen.length === 0) return undefined;
  const delen = v.overgeslagen.map((d, i) => {
    const wat = d.reden.startsWith('een ') ? d.reden : `${d.reden} (${formatWeekdag(d.datum)})`;
    return i === 0 ? `${formatDatumKort(d.datum)} is ${wat}` : `${formatDatumKort(d.datum)} ${wat}`;
  });
  const opsomming = delen.length === 1 ? delen[0] : `${delen.slice(0, -1).join(', ')} en ${delen[delen.length - 1]}`;
  return `${opsomming}; de termijn loopt door tot en met ${formatDatumLang(v.einde)} (art. 1 Atw).`;
}

import type { Beroep, Besluit, TariefbeschikkingSoort, TermijnInvoer } from '../../src/domain/besluiten/besluit';
import { ZORGKANTOORREGIOS } from '../../src/domain/regios/zorgkantoorregios';

/** Deterministic pseudo-random numbers, so every benchmark run measures the same scenario. */
export function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface LandelijkScenarioOpties {
  tariefbeschikkingen: number;
  eersteJaar: number;
  jaren: number;
  seed?: number;
  /** How many distinct zorgaanbieders receive the tariefbeschikkingen (default 2,000). */
  zorgaanbieders?: number;
}

/**
 * National scale: for each of the 31 regions and each of `jaren` years a multi-year vaststelling (bekendgemaakt in
 * November, fixing the next three years) and a mid-year wijziging; `tariefbeschikkingen` tariefbeschikkingen spread
 * over regions, years and soorten, addressed to 2,000 zorgaanbieders; a beroep in one cell of every twenty.
 */
export function buildLandelijkScenario(opties: LandelijkScenarioOpties): TermijnInvoer {
  const random = createRandom(opties.seed ?? 105);
  const besluiten: Besluit[] = [];
  const beroepen: Beroep[] = [];
  const laatsteJaar = opties.eersteJaar + opties.jaren - 1;
  for (const regio of ZORGKANTOORREGIOS) {
    for (let jaar = opties.eersteJaar; jaar <= laatsteJaar; jaar++) {
      const id = `CR-${regio.code}-${jaar}`;
      besluiten.push({
        id,
        type: 'contracteerruimte',
        soort: 'vaststelling',
        regio: regio.naam,
        bekendgemaakt: `${jaar - 1}-11-${pad(10 + Math.floor(random() * 10))}`,
        jaren: [jaar, jaar + 1, jaar + 2].filter((j) => j <= laatsteJaar),
      });
      besluiten.push({
        id: `CRW-${regio.code}-${jaar}`,
        type: 'contracteerruimte',
        soort: 'wijziging',
        regio: regio.naam,
        bekendgemaakt: `${jaar}-0${6 + Math.floor(random() * 3)}-${pad(1 + Math.floor(random() * 28))}`,
        jaren: [jaar],
      });
      if (random() < 0.05) beroepen.push({ tegen: id, jaar, ingesteld: `${jaar}-03-20`, afgerond: random() < 0.5 ? `${jaar}-10-01` : null });
    }
  }
  const soorten: TariefbeschikkingSoort[] = [
    'vaststelling',
    'vaststelling',
    'vaststelling',
    'wijziging',
    'wijziging',
    'nacalculatie',
    'sluittarief',
    'vereffening',
  ];
  for (let i = 0; i < opties.tariefbeschikkingen; i++) {
    const regio = ZORGKANTOORREGIOS[Math.floor(random() * ZORGKANTOORREGIOS.length)]!;
    const jaar = opties.eersteJaar + Math.floor(random() * opties.jaren);
    const soort = soorten[Math.floor(random() * soorten.length)]!;
    const nacalculatie = soort === 'nacalculatie' || soort === 'sluittarief' || soort === 'vereffening';
    const bekendJaar = nacalculatie ? jaar + 1 + Math.floor(random() * 2) : soort === 'wijziging' ? jaar : jaar - Math.floor(random() * 2);
    besluiten.push({
      id: `TB-${i}`,
      type: 'tariefbeschikking',
      soort,
      regio: regio.naam,
      jaar,
      bekendgemaakt: `${bekendJaar}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`,
      // The addressee: one of the Wlz-zorgaanbieders, so a provider has several beschikkingen (engine v2: per party).
      aanbieder: `AGB-${String(Math.floor(random() * (opties.zorgaanbieders ?? 2_000))).padStart(6, '0')}`,
    });
  }
  return { peildatum: `${opties.eersteJaar + 1}-11-22`, besluiten, beroepen };
}

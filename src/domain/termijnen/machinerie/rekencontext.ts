import { addDagen, fromDagnummer, toDagnummer, type IsoDatum } from '../../kalender/kalenderdatum';
import { memoizePerDag, memoizePerSleutel } from '../../memoize';
import { assertBekendmakingInBereik, computeBezwaarOfBeroepstermijn, computeTermijnVanafAanvang, type BerekendeTermijn } from '../awbTermijn';
import type { TermijnConfig } from '../termijn';
import { TWIJFEL_INWERKINGTREDING } from '../twijfelTeksten';
import { joinTwijfels, TWIJFEL_NOOIT_EEN_TERMIJN, TWIJFEL_ZORGKANTOOR } from '../teksten/twijfels';
import { CelKladblok } from './kladblok';
import { CelNummering, CelScratchNummering } from './nummering';

// MACHINERY: what a run shares across cells — the configuration, memoised six weeks, the scratch.

/** What a run of the engine shares across cells: the configuration and six-week terms memoised per bekendmaking. */
export interface Rekencontext {
  config: TermijnConfig;
  computeZesWeken(bekendgemaakt: IsoDatum): BerekendeTermijn;
  /** The same six weeks (the same object) by the bekendmaking's day number: an index, not a lookup, per besluit. */
  computeZesWekenOpDag(dag: number): BerekendeTermijn;
  /** Art. 105 lid 3 Wmg: six weeks from 1 March of `jaar`, memoised (every term of a run is one of a bounded set). */
  computeLid3Venster(jaar: number): BerekendeTermijn;
  isOudRegime(datum: IsoDatum): boolean;
  /** `isOudRegime` of the day numbered `dag`: a comparison of numbers per besluit of the walk, not of strings. */
  isOudRegimeOpDag(dag: number): boolean;
  /** The doubt every new-regime term carries while the entry into force is unknown (termijnregels §8). */
  twijfelRegime: string | undefined;
  lid2Twijfels: readonly (string | undefined)[];
  /** The parties (by their number in the cell's `PartijRegister`) and six-week terms of the cell being computed. */
  nummering: { partij: CelScratchNummering<number>; berekend: CelNummering<BerekendeTermijn>; lid4Tekst: CelNummering<string> };
  /** Scratch columns for the cell being computed. */
  kladblok: CelKladblok;
  /** The day after `datum`, memoised: the first day a contracteerruimte can be onherroepelijk. */
  computeDagNa(datum: IsoDatum): IsoDatum;
}

export function createRekencontext(config: TermijnConfig): Rekencontext {
  const { kalender, inwerkingtreding } = config;
  // One memo, by day number: a day's six weeks are the same object asked for by date or by day.
  const computeZesWekenOpDag = memoizePerDag((dag) => computeBezwaarOfBeroepstermijn(fromDagnummer(dag), kalender));
  const twijfelRegime = inwerkingtreding === undefined ? TWIJFEL_INWERKINGTREDING : undefined;
  const inwerkingtredingDag = inwerkingtreding === undefined ? undefined : readDagnummer(inwerkingtreding);
  return {
    config,
    // The range first, as for every bekendmaking (and a date far out of range never resets the memo).
    computeZesWeken: (bekendgemaakt) => {
      assertBekendmakingInBereik(bekendgemaakt);
      return computeZesWekenOpDag(toDagnummer(bekendgemaakt));
    },
    computeZesWekenOpDag,
    computeLid3Venster: memoizePerSleutel((jaar: number) => computeTermijnVanafAanvang(`${jaar}-03-01`, 6, kalender)),
    isOudRegime: (datum) => inwerkingtreding !== undefined && datum < inwerkingtreding,
    isOudRegimeOpDag:
      inwerkingtreding === undefined
        ? () => false
        : inwerkingtredingDag === undefined
          ? (dag) => fromDagnummer(dag) < inwerkingtreding
          : (dag) => dag < inwerkingtredingDag,
    twijfelRegime,
    // The four combinations of doubts a lid-2 term can carry, built once: (zorgkantoor?) + 2 × (never had a term?).
    lid2Twijfels: [
      joinTwijfels(twijfelRegime),
      joinTwijfels(TWIJFEL_ZORGKANTOOR, twijfelRegime),
      joinTwijfels(TWIJFEL_NOOIT_EEN_TERMIJN, twijfelRegime),
      joinTwijfels(TWIJFEL_ZORGKANTOOR, TWIJFEL_NOOIT_EEN_TERMIJN, twijfelRegime),
    ],
    nummering: { partij: new CelScratchNummering(), berekend: new CelNummering(), lid4Tekst: new CelNummering() },
    kladblok: new CelKladblok(),
    computeDagNa: memoizePerSleutel((datum: IsoDatum) => addDagen(datum, 1)),
  };
}

/**
 * The day number of `datum` when it is an ISO date as `fromDagnummer` writes it (then comparing day numbers is comparing
 * the dates as strings); otherwise undefined.
 */
function readDagnummer(datum: string): number | undefined {
  try {
    const dag = toDagnummer(datum);
    return fromDagnummer(dag) === datum ? dag : undefined;
  } catch {
    return undefined;
  }
}

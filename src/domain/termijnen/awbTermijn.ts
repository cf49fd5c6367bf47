import { memoizePerSleutel } from '../memoize';
import { addDagen, addWeken, formatDatumLang, type IsoDatum } from '../kalender/kalenderdatum';
import { describeAtwVerschuiving, describeNietWerkdag, type AtwKalender, type VerschovenEinde } from '../kalender/atwKalender';

/** One step from trigger to last day, with the provision it rests on (termijnregels §10). */
export interface AfleidingStap {
  stap: string;
  datum: IsoDatum;
  grondslag: string;
}

export interface BerekendeTermijn {
  aanvang: IsoDatum;
  eindeVoorAtw: IsoDatum;
  einde: IsoDatum;
  /** Set when art. 1 Atw moved the end (`einde` after `eindeVoorAtw`): the Dutch sentence explaining why. */
  readonly atwToelichting?: string;
  /** The steps from the first day to the last: the count of weeks and every Atw move. */
  readonly loop: AfleidingStap[];
  /** Art. 6:9 lid 2 Awb: the last day a filing posted by `einde` may arrive. */
  perPostUiterlijkOntvangen: IsoDatum;
}

// The Awb counts from 1 January 1994; the engine is verified through 2200 (termijnregels §3).
export const EERSTE_BEKENDMAKING = '1994-01-01';
export const LAATSTE_BEKENDMAKING = '2200-12-31';

/** Whether the engine covers a trigger date (termijnregels §3). */
export function isBekendmakingInBereik(datum: IsoDatum): boolean {
  return datum >= EERSTE_BEKENDMAKING && datum <= LAATSTE_BEKENDMAKING;
}

/** Refuses a trigger date the engine does not cover, rather than computing a date nobody checked. */
export function assertBekendmakingInBereik(datum: IsoDatum): void {
  if (!isBekendmakingInBereik(datum)) {
    throw new RangeError(`Bekendmaking ${datum} outside ${EERSTE_BEKENDMAKING}..${LAATSTE_BEKENDMAKING}`);
  }
}

const WEKEN_TEKST: Record<number, string> = { 1: 'één week', 2: 'twee weken', 4: 'vier weken', 6: 'zes weken', 12: 'twaalf weken', 18: 'achttien weken' };

/** Art. 1 lid 1 Atw, step by step: every skipped day with the provision that makes it one, then the new last day. */
function describeAtwStappen(verschoven: ReturnType<AtwKalender['moveEinde']>): AfleidingStap[] {
  if (verschoven.overgeslagen.length === 0) {
    return [{ stap: `geen verschuiving: ${formatDatumLang(verschoven.einde)} is een werkdag`, datum: verschoven.einde, grondslag: 'art. 1 lid 1 Atw' }];
  }
  return [
    ...verschoven.overgeslagen.map((d) => ({
      stap: `${formatDatumLang(d.datum)} is ${describeNietWerkdag(d)}`,
      datum: d.datum,
      grondslag: d.grondslag,
    })),
    { stap: `de termijn loopt door tot en met ${formatDatumLang(verschoven.einde)}`, datum: verschoven.einde, grondslag: 'art. 1 lid 1 Atw' },
  ];
}

/**
 * A statutory term of `weken` weeks that starts on `aanvang` (the first day counts): its last day is
 * aanvang + weken − 1 day, moved off weekends and feestdagen by art. 1 Atw. Only the end ever moves, never the start.
 * The dates are computed now; the Dutch steps and the Atw sentence when first read (most terms are never shown).
 */
export function computeTermijnVanafAanvang(aanvang: IsoDatum, weken: number, kalender: AtwKalender, grondslagDuur = 'art. 6:7 Awb'): BerekendeTermijn {
  const eindeVoorAtw = addDagen(addWeken(aanvang, weken), -1);
  return new WettelijkeTermijn(aanvang, eindeVoorAtw, kalender.moveEinde(eindeVoorAtw), weken, grondslagDuur);
}

/** A statutory term's dates, with its explanation written when first read. */
class WettelijkeTermijn implements BerekendeTermijn {
  readonly einde: IsoDatum;
  readonly perPostUiterlijkOntvangen: IsoDatum;
  private tekst: { atwToelichting: string | undefined; loop: AfleidingStap[] } | undefined;
  constructor(
    readonly aanvang: IsoDatum,
    readonly eindeVoorAtw: IsoDatum,
    private readonly verschoven: VerschovenEinde,
    private readonly weken: number,
    private readonly grondslagDuur: string,
  ) {
    this.einde = verschoven.einde;
    this.perPostUiterlijkOntvangen = computePostUiterlijk(verschoven.einde);
  }
  get atwToelichting(): string | undefined {
    return this.describe().atwToelichting;
  }
  get loop(): AfleidingStap[] {
    return this.describe().loop;
  }
  private describe() {
    return (this.tekst ??= {
      atwToelichting: describeAtwVerschuiving(this.verschoven),
      loop: [
        {
          stap: `${WEKEN_TEKST[this.weken] ?? `${this.weken} weken`}: laatste dag ${formatDatumLang(this.eindeVoorAtw)}`,
          datum: this.eindeVoorAtw,
          grondslag: this.grondslagDuur,
        },
        ...describeAtwStappen(this.verschoven),
      ],
    });
  }
}

/** Art. 6:7 and 6:8 lid 1 Awb: six weeks, starting on the day after the bekendmaking. */
export function computeBezwaarOfBeroepstermijn(bekendgemaakt: IsoDatum, kalender: AtwKalender): BerekendeTermijn {
  assertBekendmakingInBereik(bekendgemaakt);
  return computeTermijnVanafAanvang(addDagen(bekendgemaakt, 1), 6, kalender);
}

/** The step that starts a term on the day after a bekendmaking (art. 6:8 lid 1 Awb). */
const describeAanvangOp = memoizePerSleutel((aanvang: IsoDatum): AfleidingStap => ({
  stap: `termijn vangt aan op ${formatDatumLang(aanvang)}, de dag na de bekendmaking`,
  datum: aanvang,
  grondslag: 'art. 6:8 lid 1 Awb',
}));

export function describeAanvangNaBekendmaking(t: BerekendeTermijn): AfleidingStap {
  return describeAanvangOp(t.aanvang);
}

export const GRONDSLAG_AWB = Object.freeze(['art. 6:7 Awb', 'art. 6:8 lid 1 Awb'] as const);
export const GRONDSLAG_ATW = 'art. 1 Atw';

// One shared list per base grondslag and Atw move: at national scale some 100,000 terms share a handful of lists.
const metAtw = new WeakMap<readonly string[], readonly string[]>();

/** The grondslag of a term: the base list, with art. 1 Atw when the end moved. Shared and read-only. */
export function withAtwGrondslag(grondslag: readonly string[], termijn: Pick<BerekendeTermijn, 'einde' | 'eindeVoorAtw'>): string[] {
  if (termijn.einde === termijn.eindeVoorAtw) return grondslag as string[];
  let lijst = metAtw.get(grondslag);
  if (!lijst) metAtw.set(grondslag, (lijst = Object.freeze([...grondslag, GRONDSLAG_ATW])));
  return lijst as string[];
}

// Art. 6:9 lid 2 Awb: a filing posted by the last day is on time when it arrives within a week after.
const POSTTERMIJN_DAGEN = 7;

/** The last day a filing posted on time by `einde` may still arrive (art. 6:9 lid 2 Awb). */
export function computePostUiterlijk(einde: IsoDatum): IsoDatum {
  return addDagen(einde, POSTTERMIJN_DAGEN);
}

import { addDagen, addWeken, type IsoDatum } from '../kalender/kalenderdatum';
import { describeAtwVerschuiving, type AtwKalender } from '../kalender/atwKalender';

export interface BerekendeTermijn {
  aanvang: IsoDatum;
  eindeVoorAtw: IsoDatum;
  einde: IsoDatum;
  /** Set when art. 1 Atw moved the end: the Dutch sentence explaining why. */
  atwToelichting?: string;
}

/**
 * A term of `weken` weeks that starts on `aanvang` (the first day counts): its last day is aanvang + weken − 1 day,
 * moved off weekends and feestdagen by art. 1 Atw. Only the end ever moves, never the start.
 */
export function computeTermijnVanafAanvang(aanvang: IsoDatum, weken: number, kalender: AtwKalender): BerekendeTermijn {
  const eindeVoorAtw = addDagen(addWeken(aanvang, weken), -1);
  const verschoven = kalender.verschuifEinde(eindeVoorAtw);
  const atwToelichting = describeAtwVerschuiving(verschoven);
  return { aanvang, eindeVoorAtw, einde: verschoven.einde, ...(atwToelichting ? { atwToelichting } : {}) };
}

/** Art. 6:7 and 6:8 lid 1 Awb: six weeks, starting on the day after the bekendmaking. */
export function computeBezwaarOfBeroepstermijn(bekendgemaakt: IsoDatum, kalender: AtwKalender): BerekendeTermijn {
  return computeTermijnVanafAanvang(addDagen(bekendgemaakt, 1), 6, kalender);
}

export const GRONDSLAG_AWB = ['art. 6:7 Awb', 'art. 6:8 lid 1 Awb'] as const;
export const GRONDSLAG_ATW = 'art. 1 Atw';

export function withAtwGrondslag(grondslag: readonly string[], termijn: BerekendeTermijn): string[] {
  return termijn.atwToelichting ? [...grondslag, GRONDSLAG_ATW] : [...grondslag];
}

// Art. 6:9 lid 2 Awb: a filing posted by the last day is on time when it arrives within a week after.
const POSTTERMIJN_DAGEN = 7;

/** The last day a filing posted on time by `einde` may still arrive (art. 6:9 lid 2 Awb). */
export function computePostUiterlijk(einde: IsoDatum): IsoDatum {
  return addDagen(einde, POSTTERMIJN_DAGEN);
}

import { GRONDSLAG_AWB } from '../awbTermijn';
import type { TermijnRegel } from '../termijn';

// TEXTS: the provisions each kind of term and exclusion cites (termijnregels §10), in their order.

const GRONDSLAG_LID_2 = Object.freeze([...GRONDSLAG_AWB, 'art. 105 lid 2 Wmg']);
// Termijnregels §10: a lid-3 window departs from art. 6:8 lid 1 Awb (it starts on 1 March).
const GRONDSLAG_LID_3 = Object.freeze(['art. 6:7 Awb', 'art. 105 lid 3 Wmg']);
const GRONDSLAG_WIJZIGING = Object.freeze([...GRONDSLAG_AWB, 'art. 105 lid 4 Wmg']);
// Termijnregels §10: the Awb's term first, then the provision that brings it here.
const GRONDSLAG_6_19 = Object.freeze([...GRONDSLAG_AWB, 'art. 6:19 Awb']);
export const GRONDSLAG_SLUITTARIEF = Object.freeze(['art. 105 lid 2 Wmg']);
export const GRONDSLAG_GEEN_BEZWAAR = Object.freeze(['art. 7:1 Awb', 'Bijlage 1 Awb']);
export const GRONDSLAG_LID_4 = Object.freeze(['art. 105 lid 4 Wmg']);
export const GRONDSLAG_OUD_REGIME = Object.freeze(['art. 105 Wmg (oud)', 'art. 8:1 Awb']);

/** A term's grondslag by its rule (art. 1 Atw is added when the end moved: `withAtwGrondslag`). */
export const GRONDSLAG_PER_REGEL: Readonly<Record<TermijnRegel, readonly string[]>> = {
  'awb-bezwaar': GRONDSLAG_AWB,
  'art-105-lid-2': GRONDSLAG_LID_2,
  'art-105-lid-3': GRONDSLAG_LID_3,
  'wijziging-zonder-tariefbeschikking': GRONDSLAG_WIJZIGING,
  'art-6-19-voorzorg': GRONDSLAG_6_19,
  'besluit-zonder-tariefbeschikking': GRONDSLAG_AWB,
};

import type { TermijnInvoer } from '../../src/domain/besluiten/besluit';
import type { IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import type { BekendVerschilCode } from './referentieEngine';
import { meldingKbOnbekend } from './statusTeksten';
import type { Verschil } from './verschil';

/**
 * Where the engine departs from termijnregels.md (the spec wins), each with its smallest scenario and the exact first
 * difference it gives. referentieGelijk.test.ts checks that each still differs exactly so — it fails when the engine is
 * fixed (then delete the entry and its switch in referentieEngine.ts) — and the random scenarios run with the reference
 * following the engine in these points only, so that any new difference fails them.
 */
export interface BekendVerschil {
  code: BekendVerschilCode;
  spec: string;
  beschrijving: string;
  scenario: { invoer: TermijnInvoer; inwerkingtreding: IsoDatum | undefined };
  verschil: Pick<Verschil, 'pad' | 'engine' | 'referentie'>;
}

export const BEKENDE_VERSCHILLEN: readonly BekendVerschil[] = [
  {
    code: 'kb-onbekend-zonder-einde-als-toch',
    spec:
      'termijnregels §3 (art. 3 lid 3 Atw): "warn in the app when the shipped list does not cover the year of a computed end date"; ' +
      '§8: an oud-regime exclusion near the boundary carries "the date the new-regime term would end (eindeAlsToch)".',
    beschrijving:
      'A contracteerruimtebesluit made known before the entry into force whose lid-3 window falls after it: its exclusion ' +
      'advises filing by 11 April 2029 and the status counts that date ("opent 1 maart 2029"), but no term ends in 2029, so ' +
      'the engine gives no kb-onbekend warning for 2029 (no KB known for it): the date may still move unannounced.',
    scenario: {
      invoer: {
        peildatum: '2029-02-01',
        besluiten: [{ id: 'CR1', type: 'contracteerruimte', soort: 'vaststelling', regio: 'Utrecht', bekendgemaakt: '2028-11-14', jaren: [2030] }],
        beroepen: [],
      },
      inwerkingtreding: '2029-01-01',
    },
    verschil: { pad: 'waarschuwingen[0]', engine: undefined, referentie: { code: 'kb-onbekend', jaar: 2029, melding: meldingKbOnbekend(2029) } },
  },
];

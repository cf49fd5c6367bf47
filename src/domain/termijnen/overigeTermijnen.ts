import { addDagen, type IsoDatum } from '../kalender/kalenderdatum';
import type { AtwKalender } from '../kalender/atwKalender';
import { computeTermijnVanafAanvang, withAtwGrondslag, type BerekendeTermijn } from './awbTermijn';

export interface OverigeTermijn extends BerekendeTermijn {
  grondslag: string[];
  toelichting: string;
}

/**
 * Beslistermijn op bezwaar (art. 7:10 Awb): 6 weeks, 12 with an adviescommissie, from the day after the
 * bezwaartermijn ended; verdaging adds 6 weeks.
 */
export function computeBeslistermijnOpBezwaar(
  eindeBezwaartermijn: IsoDatum,
  opties: { adviescommissie: boolean; verdaagd: boolean },
  kalender: AtwKalender,
): OverigeTermijn {
  const weken = (opties.adviescommissie ? 12 : 6) + (opties.verdaagd ? 6 : 0);
  const termijn = computeTermijnVanafAanvang(addDagen(eindeBezwaartermijn, 1), weken, kalender);
  const grondslag = ['art. 7:10 lid 1 Awb', ...(opties.verdaagd ? ['art. 7:10 lid 3 Awb'] : [])];
  const toelichting =
    `De NZa beslist binnen ${weken} weken na afloop van de bezwaartermijn` +
    `${opties.adviescommissie ? ' (met adviescommissie)' : ''}${opties.verdaagd ? ', inclusief verdaging' : ''}.` +
    (termijn.atwToelichting ? ` ${termijn.atwToelichting}` : '');
  return { ...termijn, grondslag: withAtwGrondslag(grondslag, termijn), toelichting };
}

/** Griffierecht (art. 8:41 lid 4 Awb): within four weeks after the day the griffier sent the notice. */
export function computeGriffierechtTermijn(mededelingVerzonden: IsoDatum, kalender: AtwKalender): OverigeTermijn {
  const termijn = computeTermijnVanafAanvang(addDagen(mededelingVerzonden, 1), 4, kalender);
  const toelichting =
    'Het griffierecht moet binnen vier weken na de dag van verzending van de mededeling van de griffier zijn bijgeschreven of gestort.' +
    (termijn.atwToelichting ? ` ${termijn.atwToelichting}` : '');
  return { ...termijn, grondslag: withAtwGrondslag(['art. 8:41 lid 4 Awb'], termijn), toelichting };
}

/**
 * Herstel verzuim / aanvullen gronden (art. 6:6 Awb): the griffier sets the term. It is not a statutory term, so the
 * Atw does not move it; the date in the griffier's letter governs.
 */
export function computeHersteltermijn(
  invoer: { einde: IsoDatum } | { gesteldOp: IsoDatum; weken: number },
): OverigeTermijn {
  const einde = 'einde' in invoer ? invoer.einde : addDagen(invoer.gesteldOp, invoer.weken * 7);
  const aanvang = 'einde' in invoer ? einde : addDagen(invoer.gesteldOp, 1);
  return {
    aanvang,
    eindeVoorAtw: einde,
    einde,
    grondslag: ['art. 6:6 Awb'],
    toelichting:
      'Deze termijn is door de griffier gesteld; de Algemene termijnenwet verschuift hem niet. Houd de datum in de brief van de griffier aan.',
  };
}

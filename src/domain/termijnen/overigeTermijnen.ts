import { addDagen, formatDatumLang, type IsoDatum } from '../kalender/kalenderdatum';
import type { AtwKalender } from '../kalender/atwKalender';
import { computeTermijnVanafAanvang, withAtwGrondslag, type AfleidingStap, type BerekendeTermijn } from './awbTermijn';

export interface OverigeTermijn extends Omit<BerekendeTermijn, 'perPostUiterlijkOntvangen'> {
  grondslag: string[];
  toelichting: string;
  afleiding: AfleidingStap[];
}

/**
 * Beslistermijn op bezwaar (art. 7:10 Awb): 6 weeks, 12 with an adviescommissie, from the day after the
 * bezwaartermijn ended; verdaging adds 6 weeks (lid 3). Further only with consent or another statutory ground (lid 4).
 */
export function computeBeslistermijnOpBezwaar(
  eindeBezwaartermijn: IsoDatum,
  opties: { adviescommissie: boolean; verdaagd: boolean },
  kalender: AtwKalender,
): OverigeTermijn {
  const weken = (opties.adviescommissie ? 12 : 6) + (opties.verdaagd ? 6 : 0);
  const termijn = computeTermijnVanafAanvang(addDagen(eindeBezwaartermijn, 1), weken, kalender, 'art. 7:10 lid 1 Awb');
  const grondslag = ['art. 7:10 lid 1 Awb', ...(opties.verdaagd ? ['art. 7:10 lid 3 Awb'] : [])];
  const toelichting =
    `De NZa beslist binnen ${weken} weken na afloop van de bezwaartermijn` +
    `${opties.adviescommissie ? ' (met adviescommissie)' : ''}${opties.verdaagd ? ', inclusief verdaging' : ''}.` +
    (termijn.atwToelichting ? ` ${termijn.atwToelichting}` : '') +
    ' Verder uitstel alleen met instemming van de indiener of op een andere wettelijke grond (art. 7:10 lid 4 Awb).';
  const afleiding: AfleidingStap[] = [
    { stap: `bezwaartermijn eindigt op ${formatDatumLang(eindeBezwaartermijn)}`, datum: eindeBezwaartermijn, grondslag: 'art. 6:7 Awb' },
    { stap: `beslistermijn vangt aan op ${formatDatumLang(termijn.aanvang)}`, datum: termijn.aanvang, grondslag: 'art. 7:10 lid 1 Awb' },
    ...termijn.loop,
  ];
  return withToelichting(termijn, { grondslag: withAtwGrondslag(grondslag, termijn), toelichting, afleiding });
}

/**
 * Griffierecht (art. 8:41 lid 5 Awb): credited to the court's account ("bijgeschreven", not merely paid) or deposited
 * at the griffie within four weeks after the day the griffier sent the notice. A statutory term: the Atw applies.
 */
export function computeGriffierechtTermijn(mededelingVerzonden: IsoDatum, kalender: AtwKalender): OverigeTermijn {
  const termijn = computeTermijnVanafAanvang(addDagen(mededelingVerzonden, 1), 4, kalender, 'art. 8:41 lid 5 Awb');
  const toelichting =
    'Het griffierecht moet binnen vier weken na de dag van verzending van de mededeling van de griffier zijn bijgeschreven ' +
    'op de rekening van het gerecht of ter griffie zijn gestort; alleen betaald is niet genoeg: reken de bankdagen mee.' +
    (termijn.atwToelichting ? ` ${termijn.atwToelichting}` : '');
  const afleiding: AfleidingStap[] = [
    { stap: `mededeling van de griffier verzonden op ${formatDatumLang(mededelingVerzonden)}`, datum: mededelingVerzonden, grondslag: 'art. 8:41 lid 5 Awb' },
    { stap: `termijn vangt aan op ${formatDatumLang(termijn.aanvang)}, de dag na verzending`, datum: termijn.aanvang, grondslag: 'art. 8:41 lid 5 Awb' },
    ...termijn.loop,
  ];
  return withToelichting(termijn, { grondslag: withAtwGrondslag(['art. 8:41 lid 5 Awb'], termijn), toelichting, afleiding });
}

/** A statutory term as a plain record with its texts (its own are written when read, so a spread would drop them). */
function withToelichting(
  termijn: BerekendeTermijn,
  tekst: Pick<OverigeTermijn, 'grondslag' | 'toelichting' | 'afleiding'>,
): OverigeTermijn & Pick<BerekendeTermijn, 'perPostUiterlijkOntvangen'> {
  return {
    aanvang: termijn.aanvang,
    eindeVoorAtw: termijn.eindeVoorAtw,
    einde: termijn.einde,
    ...(termijn.atwToelichting ? { atwToelichting: termijn.atwToelichting } : {}),
    loop: termijn.loop,
    perPostUiterlijkOntvangen: termijn.perPostUiterlijkOntvangen,
    ...tekst,
  };
}

/**
 * Herstel verzuim / aanvullen gronden (art. 6:6 Awb): the griffier sets the term. It is not a term "in een wet
 * gesteld", so the Atw does not move it (art. 1 lid 1 Atw); the date in the griffier's letter governs.
 */
export function computeHersteltermijn(invoer: { einde: IsoDatum } | { gesteldOp: IsoDatum; weken: number }): OverigeTermijn {
  const einde = 'einde' in invoer ? invoer.einde : addDagen(invoer.gesteldOp, invoer.weken * 7);
  const aanvang = 'einde' in invoer ? einde : addDagen(invoer.gesteldOp, 1);
  const afleiding: AfleidingStap[] = [
    { stap: `laatste dag volgens de brief van de griffier: ${formatDatumLang(einde)}`, datum: einde, grondslag: 'art. 6:6 Awb' },
    { stap: 'geen verschuiving: een door de griffier gestelde termijn is geen wettelijke termijn', datum: einde, grondslag: 'art. 1 lid 1 Atw' },
  ];
  return {
    aanvang,
    eindeVoorAtw: einde,
    einde,
    loop: afleiding,
    afleiding,
    grondslag: ['art. 6:6 Awb'],
    toelichting: 'Deze termijn is door de griffier gesteld; de Algemene termijnenwet verschuift hem niet. Houd de datum in de brief van de griffier aan.',
  };
}

/**
 * A term counted backwards from a moment ("uiterlijk tien dagen vóór de zitting", art. 8:58 Awb): art. 1 lid 2 Atw
 * — such a term never moves later, whatever day it ends on.
 */
export function computeTerugrekentermijn(moment: IsoDatum, dagenVoor: number, grondslag: string): OverigeTermijn {
  const einde = addDagen(moment, -dagenVoor);
  const afleiding: AfleidingStap[] = [
    { stap: `${dagenVoor} dagen vóór ${formatDatumLang(moment)}: uiterlijk ${formatDatumLang(einde)}`, datum: einde, grondslag },
    { stap: 'geen verschuiving naar later: een terug te rekenen termijn', datum: einde, grondslag: 'art. 1 lid 2 Atw' },
  ];
  return {
    aanvang: einde,
    eindeVoorAtw: einde,
    einde,
    loop: afleiding,
    afleiding,
    grondslag: [grondslag, 'art. 1 lid 2 Atw'],
    toelichting: `Terug te rekenen termijn: uiterlijk ${formatDatumLang(einde)}. De Algemene termijnenwet schuift zo'n termijn niet op naar later (art. 1 lid 2 Atw).`,
  };
}

import { formatDatumLang } from '../kalender/kalenderdatum';
import type { Termijn } from './termijn';

/**
 * The notes a lawyer needs beside a term (termijnregels §9): rescues and options, never planning dates.
 */
export function listTermijnNoten(t: Termijn): string[] {
  const noten = [
    // Art. 6:9 lid 2 Awb.
    `Per post: tijdig als het stuk uiterlijk ${formatDatumLang(t.einde)} ter post is bezorgd en uiterlijk ` +
      `${formatDatumLang(t.perPostUiterlijkOntvangen)} is ontvangen (art. 6:9 lid 2 Awb). Digitaal ingediend moet het stuk ` +
      'vóór het einde van de laatste dag zijn ontvangen. Reken nooit op de postweek.',
  ];
  if (t.rechtsmiddel === 'beroep') {
    noten.push(
      // Art. 6:10 lid 1 Awb.
      'Een beroepschrift vóór de aanvang van de termijn (bijvoorbeeld vóór 1 maart onder art. 105 lid 3 Wmg) is niet ' +
        'daarom niet-ontvankelijk, als het besluit al tot stand was gekomen (art. 6:10 lid 1 sub a Awb).',
      // Art. 6:15 Awb.
      'Beroep tegen de contracteerruimte hoort bij het CBb. Een stuk dat bij de NZa wordt ingediend, wordt doorgezonden; ' +
        'de ontvangst daar telt voor de tijdigheid, tenzij sprake is van kennelijk onredelijk gebruik van procesrecht (art. 6:15 leden 2–3 Awb).',
    );
  } else {
    noten.push(
      // Art. 7:1a Awb.
      'In het bezwaarschrift kan de NZa worden verzocht in te stemmen met rechtstreeks beroep bij het CBb (art. 7:1a Awb).',
      // Art. 7:10 Awb.
      'De NZa beslist binnen zes weken na afloop van deze termijn (twaalf met een adviescommissie), met verdaging zes weken ' +
        'langer; verder uitstel alleen met instemming van de indiener of op een andere wettelijke grond (art. 7:10 Awb).',
    );
  }
  return noten;
}

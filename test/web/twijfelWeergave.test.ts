import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createWeergave } from '../../src/web/weergave';

// Termijnregels §7 and issue 27 point 5: several doubts of one date are separate paragraphs — a list on the page, each
// doubt its own item, escaped; one doubt stays plain text.
const weergave = createWeergave(resolve('templates'));
const kaart = (twijfel: string) =>
  weergave.render(
    'besluitVoorbeeld',
    {
      vandaag: '2030-01-01',
      waarschuwingen: [],
      uitsluitingen: [],
      termijnen: [
        { rechtsmiddel: 'beroep', regio: 'Utrecht', jaar: 2030, aanvang: '2030-03-06', einde: '2030-04-16', twijfel, toelichting: 't', grondslag: [] },
      ],
    },
    { fragment: true },
  );

describe('doubts on the pages (one per paragraph)', () => {
  it('several doubts become one list item each, escaped', () => {
    const html = kaart('Eerste <twijfel>.\n\nTweede twijfel.\n\nDerde twijfel.');
    expect(html.match(/class="twijfel-deel"/g)).toHaveLength(3);
    expect(html).toContain('<span class="twijfel-deel">Eerste &lt;twijfel&gt;.</span>');
    expect(html).not.toContain('<twijfel>');
  });
  it('one doubt is plain text', () => {
    const html = kaart('Alleen deze twijfel.');
    expect(html).not.toContain('twijfel-deel');
    expect(html).toContain('<strong>Twijfel:</strong> Alleen deze twijfel.');
  });
});

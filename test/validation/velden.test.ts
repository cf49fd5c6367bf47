import { describe, expect, it } from 'vitest';
import { cleanNaam } from '../../src/validation/velden';

/** Issue 28.7 and its review: a member's name loses every control, format and invisible character, and is in NFC. */
describe('cleanNaam', () => {
  it.each([
    ['C0 and C1 control characters', 'mr.\u0007 A.\u0085Bakker\u009B', 'mr. A. Bakker'],
    ['bidirectional controls', 'mr. \u202Ereklab\u202C \u2066A\u2069\u200F', 'mr. reklab A'],
    ['zero-width characters and the BOM', 'A\u200B.\u200C \u200DBak\u2060ker\uFEFF', 'A. Bakker'],
    ['format characters the old list missed (tag characters, interlinear annotation)', 'A\u{E0041}\u{E0042}.\uFFF9 Bakker\u180E\u061C', 'A. Bakker'],
    ['the Hangul fillers that show as nothing', 'A.\u3164 Bak\u115Fker\u1160\uFFA0', 'A. Bakker'],
    ['private-use and unassigned code points', 'A.\uE000 Bakker\u{10FFFD}\u0378', 'A. Bakker'],
    ['line and paragraph separators (as spaces)', 'A.\u2028Bakker\u2029X', 'A. Bakker X'],
  ])('removes %s', (_soort, invoer, naam) => {
    expect(cleanNaam(invoer)).toEqual({ naam, gewijzigd: true });
  });

  it('normalises to NFC without calling that a change', () => {
    const samengesteld = 'Ren\u0065\u0301e Bakker'; // e + combining acute
    expect(cleanNaam(samengesteld)).toEqual({ naam: 'Ren\u00E9e Bakker', gewijzigd: false });
  });

  it('leaves an ordinary name as it is (letters of every script, hyphens, apostrophes, a no-break space)', () => {
    for (const naam of ['mr. A. van der Berg-’t Hooft', 'Zoë Ğündüz', '김민준', 'Ольга\u00A0Петрова', 'أحمد'])
      expect(cleanNaam(` ${naam} `)).toEqual({ naam, gewijzigd: false });
  });
});

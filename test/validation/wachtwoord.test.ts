import { describe, expect, it } from 'vitest';
import { checkWachtwoord } from '../../src/validation/wachtwoord';

/** Issue 28.7: a password may not contain the e-mail address (or the part before the @) or the name. */
const persoon = { email: 'j.kuipers@vandamkuipers.example', naam: 'mr. J. van der Kuipers-Smit' };

describe('checkWachtwoord', () => {
  it.each([
    ['the e-mail address itself', 'j.kuipers@vandamkuipers.example', 'e-mailadres'],
    ['the address in other case, with extras', 'J.Kuipers@VanDamKuipers.example!!', 'e-mailadres'],
    ['the part before the @', 'zomer-jkuipers-2026', 'e-mailadres'],
    ['a part of the name', 'Smit-zomer-2026-vakantie', 'naam'],
    ['the name with accents folded', 'kúipers-winter-2027', 'naam'],
  ])('refuses %s', (_wat, wachtwoord, woord) => {
    expect(checkWachtwoord(wachtwoord, persoon)).toContain(`mag uw ${woord} niet bevatten`);
  });

  it('accepts a password that shares only initials, titles or short words with the name', () => {
    expect(checkWachtwoord('paars-kasteel-regen-42', persoon)).toBeUndefined();
    expect(checkWachtwoord('van-de-mr-jj-boom-raket', persoon)).toBeUndefined();
  });
});

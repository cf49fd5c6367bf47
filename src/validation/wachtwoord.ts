/**
 * Password rules (issue 11): at least 12 characters, at most 200, and not one of the most common passwords. A long
 * variant of a common password ("Wachtwoord2026!", "qwertyuiop123") is refused too: what is left after removing
 * digits and symbols is compared with a list of the words such passwords are built from.
 */
export const MIN_WACHTWOORD = 12;
const MAX_WACHTWOORD = 200;

/** The stems of the most common passwords (international lists and their Dutch counterparts). */
const VEELGEBRUIKT = new Set([
  'password',
  'passw',
  'pass',
  'passwoord',
  'wachtwoord',
  'wachtwoorden',
  'welkom',
  'welkomwelkom',
  'welcome',
  'qwerty',
  'qwertyuiop',
  'qwertyuiopas',
  'qwertz',
  'azerty',
  'asdfgh',
  'asdfghjkl',
  'zxcvbnm',
  'abc',
  'abcdef',
  'abcdefgh',
  'abcdefghijkl',
  'letmein',
  'iloveyou',
  'ikhouvanjou',
  'admin',
  'administrator',
  'beheerder',
  'root',
  'geheim',
  'secret',
  'monkey',
  'dragon',
  'football',
  'voetbal',
  'baseball',
  'sunshine',
  'princess',
  'starwars',
  'superman',
  'batman',
  'trustno',
  'master',
  'shadow',
  'michael',
  'jennifer',
  'hallo',
  'hallohallo',
  'hello',
  'helloworld',
  'test',
  'testtest',
  'tester',
  'changeme',
  'veranderen',
  'zomer',
  'winter',
  'lente',
  'herfst',
  'summer',
  'januari',
  'december',
  'nederland',
  'amsterdam',
  'rotterdam',
  'utrecht',
  'ajax',
  'feyenoord',
  'psv',
  'termijnbewaking',
  'termijn',
  'termijnen',
  'zorgautoriteit',
  'nza',
  'advocaat',
  'advocaten',
  'jurist',
  'juridisch',
  'computer',
  'internet',
  'login',
  'inloggen',
  'aanmelden',
  'user',
  'gebruiker',
  'default',
  'p',
  'pw',
  'x',
  'a',
  'q',
  'qaz',
  'qazwsx',
  'qazwsxedc',
  'q',
  'zaq',
  'onetwothree',
  'een',
  'twee',
  'drie',
  'lol',
  'lollol',
  'whatever',
  'freedom',
  'killer',
  'ninja',
  'mustang',
  'access',
  'flower',
  'lovely',
  'love',
  'liefde',
  'schat',
  'schatje',
  'poepie',
  'kaas',
  'kaaskop',
]);

/** Letters and digits only, lower case: how a password is compared with the e-mail address and the name. */
const kern = (s: string) =>
  s
    .normalize('NFKD')
    .toLocaleLowerCase('nl')
    .replace(/[^a-z0-9]/g, '');

/**
 * Null when the password may be used; otherwise the Dutch reason. Besides length, variety and the most common
 * passwords: it may not contain the person's e-mail address (or the part before the @) or name (issue 28.7), compared
 * on letters and digits only, so "J.Kuipers@vandamkuipers.example!" counts as the address.
 */
export function checkWachtwoord(wachtwoord: string, persoon: { email?: string; naam?: string } = {}): string | undefined {
  if (wachtwoord.length < MIN_WACHTWOORD) return `het wachtwoord moet minstens ${MIN_WACHTWOORD} tekens hebben`;
  if (wachtwoord.length > MAX_WACHTWOORD) return `het wachtwoord mag hoogstens ${MAX_WACHTWOORD} tekens hebben`;
  const klein = wachtwoord.toLocaleLowerCase('nl');
  const letters = klein.replace(/[^a-z]/g, '');
  const zonderHerhaling = (s: string) => {
    for (let n = 1; n <= s.length / 2; n++) if (s.length % n === 0 && s.slice(0, n).repeat(s.length / n) === s) return s.slice(0, n);
    return s;
  };
  if (new Set(klein).size <= 3) return 'dit wachtwoord is te eenvoudig: gebruik meer verschillende tekens';
  if (/^[0-9\W_]*$/.test(klein) || (/^(0123456789|1234567890|9876543210)+/.test(klein.replace(/\D/g, '')) && letters.length === 0)) {
    return 'dit wachtwoord is te eenvoudig: alleen cijfers of leestekens';
  }
  if (VEELGEBRUIKT.has(letters) || VEELGEBRUIKT.has(zonderHerhaling(letters))) return 'dit is een van de meest gebruikte wachtwoorden; kies een ander';
  const w = kern(wachtwoord);
  const email = persoon.email ? kern(persoon.email) : '';
  const lokaal = persoon.email ? kern(persoon.email.split('@')[0] ?? '') : '';
  if ((email && w.includes(email)) || (lokaal.length >= 3 && w.includes(lokaal))) return 'het wachtwoord mag uw e-mailadres niet bevatten';
  // The whole name, and each part of it of four letters or more (not initials, titles or "van", "de", "der").
  const naamDelen = persoon.naam ? [kern(persoon.naam), ...persoon.naam.split(/[\s.,'-]+/).map(kern)].filter((d) => d.length >= 4) : [];
  if (naamDelen.some((d) => w.includes(d))) return 'het wachtwoord mag uw naam niet bevatten';
  return undefined;
}

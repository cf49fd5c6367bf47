import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import { dagenTussen, formatDagenOver, formatDatumKort, formatDatumLang, formatEuro, formatRegioJaarPad, formatTijdstip } from '../opmaak/opmaak';
import { splitTwijfels } from '../domain/termijnen/twijfelTeksten';

export interface Weergave {
  /** Renders a page inside the layout (or bare, for htmx fragments). */
  render(pagina: string, data: Record<string, unknown>, opties?: { fragment?: boolean }): string;
  /** Wraps an already rendered page body in the layout. */
  metLayout(inhoud: string, data: Record<string, unknown>): string;
}

/** `globaal`: what every layout shows whatever the page, e.g. `{ demo: true }` for the "Demo-omgeving" banner. */
export function createWeergave(templateMap: string, globaal: Record<string, unknown> = {}): Weergave {
  const hb = Handlebars.create();
  // A date in an input field as a Dutch user types it (issue 30.5): 2026-01-20 → 20-01-2026; typed text stays as typed.
  hb.registerHelper('invoerDatum', (d: unknown) =>
    typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}` : (d ?? ''),
  );
  // One style for every error message (issue 30.5): a sentence — capital first, full stop last — however a service worded it.
  hb.registerHelper('zin', (t: unknown) => {
    const tekst = typeof t === 'string' ? t.trim() : '';
    return tekst ? `${tekst[0]!.toLocaleUpperCase('nl')}${tekst.slice(1)}${/[.!?)]$/.test(tekst) ? '' : '.'}` : '';
  });
  hb.registerHelper('datum', (d: unknown) => (typeof d === 'string' && d ? formatDatumKort(d) : ''));
  hb.registerHelper('datumLang', (d: unknown) => (typeof d === 'string' && d ? formatDatumLang(d) : ''));
  // Instants are stored in UTC; people read them in Europe/Amsterdam: "30 november 2026 om 14:05".
  hb.registerHelper('tijdstip', (t: unknown) => (typeof t === 'string' && t ? formatTijdstip(t) : ''));
  hb.registerHelper('euro', (c: unknown) => (typeof c === 'number' ? formatEuro(c) : ''));
  hb.registerHelper('dagenOver', (n: unknown) => (typeof n === 'number' ? formatDagenOver(n) : ''));
  hb.registerHelper('dagenTot', (van: IsoDatum, tot: IsoDatum) => dagenTussen(van, tot));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // One doubt per paragraph (termijnregels §7): several are shown as a list, each its own item.
  hb.registerHelper('twijfels', (t: unknown) => {
    if (typeof t !== 'string' || !t) return '';
    const delen = splitTwijfels(t);
    if (delen.length <= 1) return delen[0] ?? '';
    return new hb.SafeString(delen.map((d) => `<span class="twijfel-deel">${hb.escapeExpression(d)}</span>`).join(''));
  });
  // ISO dates compare as strings: `voor a b` is true when a lies before b.
  hb.registerHelper('voor', (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a < b);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('join', (lijst: unknown, scheiding: unknown) => (Array.isArray(lijst) ? lijst.join(typeof scheiding === 'string' ? scheiding : ', ') : ''));
  // URLs name a region by its code, never by a name that may hold a slash (termijnregels §11).
  hb.registerHelper('regioJaarPad', (regio: unknown, jaar: unknown) =>
    typeof regio === 'string' && typeof jaar === 'number' ? formatRegioJaarPad(regio, jaar) : '',
  );
  hb.registerHelper('meervoud', (n: unknown, enkel: string, meer: string) => (n === 1 ? enkel : meer));

  for (const [naam, bestand] of findSjablonen(join(templateMap, 'partials'))) hb.registerPartial(naam, readFileSync(bestand, 'utf8'));
  const layout = hb.compile(readFileSync(join(templateMap, 'layout.hbs'), 'utf8'));
  const paginas = new Map([...findSjablonen(join(templateMap, 'pages'))].map(([naam, bestand]) => [naam, hb.compile(readFileSync(bestand, 'utf8'))]));
  return {
    render(pagina, data, opties) {
      const sjabloon = paginas.get(pagina);
      if (!sjabloon) throw new Error(`Unknown template: ${pagina}`);
      const inhoud = sjabloon(data);
      return opties?.fragment ? inhoud : layout({ ...globaal, ...data, inhoud });
    },
    metLayout(inhoud, data) {
      return layout({ ...globaal, ...data, inhoud });
    },
  };
}

/**
 * The templates under `map` by name: the file name without `.hbs`, whatever capability folder it sits in
 * (pages/zaken/zaak.hbs is `zaak`). A name twice is an error: a page must not depend on which file is read last.
 */
function findSjablonen(map: string, sjablonen = new Map<string, string>()): Map<string, string> {
  for (const item of readdirSync(map, { withFileTypes: true })) {
    const bestand = join(map, item.name);
    if (item.isDirectory()) findSjablonen(bestand, sjablonen);
    else if (item.name.endsWith('.hbs')) {
      const naam = basename(item.name, '.hbs');
      const eerder = sjablonen.get(naam);
      if (eerder) throw new Error(`Template name twice: ${eerder} and ${bestand}`);
      sjablonen.set(naam, bestand);
    }
  }
  return sjablonen;
}

import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FilingSoort } from '../domain/filings/filingSoorten';
import type { FilingGegevens } from './filingGegevens';
import { decodeerTekst } from './decodeerTekst';
import { hoofdletter } from '../domain/tekst';

// The pro-forma filings are the full templates with their grounds announced instead of stated.
const SJABLOON: Record<FilingSoort, string> = {
  beroepschrift: 'beroepschrift',
  'beroepschrift-pro-forma': 'beroepschrift',
  bezwaarschrift: 'bezwaarschrift',
  'bezwaarschrift-pro-forma': 'bezwaarschrift',
  'aanvullende-gronden': 'aanvullendeGronden',
  'voorlopige-voorziening': 'voorlopigeVoorziening',
  'brief-6-19': 'brief619',
  clientbrief: 'clientbrief',
};

/** The lawyer's edit of one generated paragraph (issue 13, point 6): the text it replaced, and the edit. */
export interface Bewerking {
  origineel: string;
  tekst: string;
}

/** One editable paragraph of a filing: as generated now, and as the lawyer edited it. */
export interface Alinea {
  sleutel: string;
  /** What the paragraph is, in Dutch, for the wizard. */
  label: string;
  gegenereerd: string;
  bewerkt: string | null;
  /** The case data changed since the edit: the paragraph generated now differs from the one the lawyer edited. */
  verschilt: boolean;
}

export interface FilingRenderer {
  /** The filing as the HTML subset, with the lawyer's edits: the browser preview and the input for Word. */
  renderHtml(gegevens: FilingGegevens, bewerkingen?: Record<string, Bewerking>): string;
  /** The editable paragraphs, each with its edit and whether the case data moved under it. */
  listAlineas(gegevens: FilingGegevens, bewerkingen?: Record<string, Bewerking>): Alinea[];
  renderDocx(gegevens: FilingGegevens, logoPng: Buffer | null, bewerkingen?: Record<string, Bewerking>): Promise<Buffer>;
}

const LABELS: Record<string, string> = {
  partij: 'Partij en gemachtigde',
  inleiding: 'Inleiding',
  bestreden: 'Het bestreden besluit',
  aanleiding: 'De tariefbeschikking die de termijn opende',
  bevoegdheid: 'Rechtstreeks beroep',
  tijdigheid: 'Tijdigheid',
  belang: 'Belanghebbendheid',
  proforma: 'Pro forma',
  samenhang: 'Samenhang met het beroep',
  rechtstreeks: 'Verzoek om rechtstreeks beroep',
  verzoek: 'Verzoek',
  beroep: 'Het beroep',
  besluit: 'Wat er is gebeurd',
  status: 'Stand van zaken',
  datum: 'De datum die telt',
  actie: 'Wat de cliënt moet doen',
  telaat: 'Termijn verstreken',
  griffierecht: 'Griffierecht',
  parallel: 'De termijn voor beroep die tegelijk loopt',
  voorzorg: 'Het nieuwe besluit (art. 6:19 Awb)',
  herstel: 'Gronden aanvullen (art. 6:6 Awb)',
  griffiebrief: 'De mededeling griffierecht',
  nieuw: 'Het nieuwe besluit',
  kortsluiting: 'Kortsluiting (art. 8:86 Awb)',
  uitbreiding: 'Uitbreiding van het beroep (art. 6:19 Awb)',
  'gronden-nieuw': 'Gronden tegen het nieuwe besluit',
};
const ALINEA = /<p data-k="([a-z-]+)">([\s\S]*?)<\/p>/g;
const alsTekst = (html: string) =>
  decodeerTekst(html.replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function createFilingRenderer(templateMap: string): FilingRenderer {
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('hoofdletter', (t: unknown) => (typeof t === 'string' ? hoofdletter(t) : ''));
  const map = join(templateMap, 'filings');
  for (const bestand of readdirSync(join(map, 'partials'))) {
    hb.registerPartial(basename(bestand, '.hbs'), readFileSync(join(map, 'partials', bestand), 'utf8'));
  }
  const sjablonen = new Map(
    readdirSync(map)
      .filter((b) => b.endsWith('.hbs'))
      .map((b) => [basename(b, '.hbs'), hb.compile(readFileSync(join(map, b), 'utf8'), { strict: false })]),
  );
  const renderGegenereerd = (gegevens: FilingGegevens) => {
    const sjabloon = sjablonen.get(SJABLOON[gegevens.soort]);
    if (!sjabloon) throw new Error(`No filing template for ${gegevens.soort}`);
    return sjabloon(gegevens);
  };
  // Keys repeat only where a template offers alternatives; the first occurrence is the paragraph.
  const renderHtml = (gegevens: FilingGegevens, bewerkingen: Record<string, Bewerking> = {}) =>
    renderGegenereerd(gegevens).replace(ALINEA, (geheel, sleutel: string) => {
      const b = bewerkingen[sleutel];
      return b ? `<p data-k="${sleutel}">${escape(b.tekst)}</p>` : geheel;
    });
  return {
    renderHtml,
    listAlineas(gegevens, bewerkingen = {}) {
      return [...renderGegenereerd(gegevens).matchAll(ALINEA)].map(([, sleutel, inhoud]) => {
        const gegenereerd = alsTekst(inhoud!);
        const b = bewerkingen[sleutel!];
        return {
          sleutel: sleutel!,
          label: LABELS[sleutel!] ?? sleutel!,
          gegenereerd,
          bewerkt: b?.tekst ?? null,
          verschilt: b !== undefined && b.origineel !== gegenereerd,
        };
      });
    },
    async renderDocx(gegevens, logoPng, bewerkingen = {}) {
      // Loaded on the first Word file, not at start: the docx library is a third of the server's code (issue 15 point 6).
      const { createDocx } = await import('./htmlNaarDocx');
      const b = gegevens.briefhoofd;
      const regels = [
        [b.adres, [b.postcode, b.plaats].filter(Boolean).join('  ')].filter(Boolean).join(', '),
        [b.telefoon && `T ${b.telefoon}`, b.email].filter(Boolean).join(' · '),
        b.kvkNummer ? `KvK ${b.kvkNummer}` : '',
      ].filter((r) => r.length > 0);
      return createDocx(renderHtml(gegevens, bewerkingen), {
        titel: gegevens.titel,
        auteur: gegevens.ondertekenaar ?? b.naam,
        organisatie: b.naam,
        briefhoofd: { naam: b.naam, regels, logoPng },
      });
    },
  };
}

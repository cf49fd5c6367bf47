import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FilingSoort } from '../domain/filings/filingSoorten';
import type { FilingGegevens } from './filingGegevens';
import { createDocx } from './htmlNaarDocx';

// The pro-forma beroepschrift is the beroepschrift template with its grounds announced instead of stated.
const SJABLOON: Record<FilingSoort, string> = {
  beroepschrift: 'beroepschrift',
  'beroepschrift-pro-forma': 'beroepschrift',
  bezwaarschrift: 'bezwaarschrift',
  'aanvullende-gronden': 'aanvullendeGronden',
  'voorlopige-voorziening': 'voorlopigeVoorziening',
  clientbrief: 'clientbrief',
};

export interface FilingRenderer {
  /** The filing as the HTML subset: the browser preview and the input for Word. */
  renderHtml(gegevens: FilingGegevens): string;
  renderDocx(gegevens: FilingGegevens, logoPng: Buffer | null): Promise<Buffer>;
}

export function createFilingRenderer(templateMap: string): FilingRenderer {
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const map = join(templateMap, 'filings');
  for (const bestand of readdirSync(join(map, 'partials'))) {
    hb.registerPartial(basename(bestand, '.hbs'), readFileSync(join(map, 'partials', bestand), 'utf8'));
  }
  const sjablonen = new Map(
    readdirSync(map)
      .filter((b) => b.endsWith('.hbs'))
      .map((b) => [basename(b, '.hbs'), hb.compile(readFileSync(join(map, b), 'utf8'), { strict: false })]),
  );
  const renderHtml = (gegevens: FilingGegevens) => {
    const sjabloon = sjablonen.get(SJABLOON[gegevens.soort]);
    if (!sjabloon) throw new Error(`No filing template for ${gegevens.soort}`);
    return sjabloon(gegevens);
  };
  return {
    renderHtml,
    renderDocx(gegevens, logoPng) {
      const b = gegevens.briefhoofd;
      const regels = [
        [b.adres, [b.postcode, b.plaats].filter(Boolean).join('  ')].filter(Boolean).join(', '),
        [b.telefoon && `T ${b.telefoon}`, b.email].filter(Boolean).join(' · '),
        b.kvkNummer ? `KvK ${b.kvkNummer}` : '',
      ].filter((r) => r.length > 0);
      return createDocx(renderHtml(gegevens), { titel: gegevens.titel, auteur: gegevens.ondertekenaar, briefhoofd: { naam: b.naam, regels, logoPng } });
    },
  };
}

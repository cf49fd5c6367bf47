import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../appContext';
import { listRegios, mergeRegios, renameRegio } from '../../services/regioBeheer';
import { InvoerFout } from '../../services/invoerFout';
import { can } from '../../services/permissies';
import { foutenPerVeld } from '../formulier';
import { paginaContext } from '../paginaContext';

const tekst = (w: unknown) => (typeof w === 'string' ? w.trim() : '');
const lijst = (w: unknown) => (Array.isArray(w) ? w : w === undefined ? [] : [w]).filter((x): x is string => typeof x === 'string' && x !== '');
const jaarUit = (w: unknown) => (/^\d{4}$/.test(tekst(w)) ? Number(tekst(w)) : NaN);

/**
 * Mounted at /regios: the division of zorgkantoorregio's (termijnregels §11), which everyone may read, and which the
 * NZa's beheerder renames or merges from a year on. Decisions keep the region they were made for.
 */
export function regioRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  function render(
    c: Context<AppEnv>,
    extra: { melding?: string; fouten?: { veld: string; melding: string }[]; formulier?: 'naam' | 'samenvoegen'; waarden?: Record<string, unknown> } = {},
    status: 200 | 422 = 200,
  ) {
    const actor = c.get('actor');
    const regios = listRegios(deps.db);
    const volgendJaar = Number(deps.vandaag().slice(0, 4)) + 1;
    const waarden = extra.waarden ?? {};
    return c.html(
      deps.weergave.render('regios', {
        ...paginaContext(c, 'regios'),
        titel: 'Zorgkantoorregio’s',
        ...regios,
        magBeheren: can(actor, 'regio.beheren'),
        melding:
          extra.melding ??
          (c.req.query('klaar') === 'naam' ? 'De regio is hernoemd.' : c.req.query('klaar') === 'samengevoegd' ? 'De regio’s zijn samengevoegd.' : undefined),
        foutLijst: extra.fouten ?? [],
        fouten: foutenPerVeld(extra.fouten ?? []),
        formulier: extra.formulier,
        waarden: { vanafJaar: String(volgendJaar), ...waarden },
        bronOpties: regios.huidig.map((r) => ({ code: r.code, naam: r.naam, gekozen: lijst(waarden.bronnen).includes(r.code) })),
      }),
      status,
    );
  }

  app.get('/', (c) => render(c));

  app.post('/:code/naam', async (c) => {
    const form = await c.req.parseBody();
    const code = c.req.param('code');
    const waarden = { code, naam: tekst(form.naam), vanafJaar: tekst(form.vanafJaar) };
    const vanafJaar = jaarUit(form.vanafJaar);
    if (!Number.isInteger(vanafJaar) || vanafJaar < 2000 || vanafJaar > 2200) {
      return render(
        c,
        { fouten: [{ veld: 'vanafJaar', melding: 'geef het eerste jaar onder de nieuwe naam (bijvoorbeeld 2027)' }], formulier: 'naam', waarden },
        422,
      );
    }
    try {
      renameRegio(deps.db, c.get('actor'), { code, naam: waarden.naam, vanafJaar }, deps.vandaag());
    } catch (fout) {
      if (fout instanceof InvoerFout) return render(c, { fouten: fout.fouten, formulier: 'naam', waarden }, 422);
      throw fout;
    }
    return c.redirect('/regios?klaar=naam', 303);
  });

  app.post('/samenvoegen', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const waarden = {
      bronnen: lijst(form.bronnen),
      doel: tekst(form.doel),
      naam: tekst(form.naam),
      zorgkantoor: tekst(form.zorgkantoor),
      vanafJaar: tekst(form.vanafJaar),
    };
    const vanafJaar = jaarUit(form.vanafJaar);
    if (!Number.isInteger(vanafJaar) || vanafJaar < 2000 || vanafJaar > 2200) {
      return render(
        c,
        { fouten: [{ veld: 'vanafJaar', melding: 'geef het eerste jaar van de nieuwe indeling (bijvoorbeeld 2027)' }], formulier: 'samenvoegen', waarden },
        422,
      );
    }
    try {
      mergeRegios(
        deps.db,
        c.get('actor'),
        { bronnen: waarden.bronnen, doel: { code: waarden.doel, naam: waarden.naam, zorgkantoor: waarden.zorgkantoor }, vanafJaar },
        deps.vandaag(),
      );
    } catch (fout) {
      if (fout instanceof InvoerFout) return render(c, { fouten: fout.fouten, formulier: 'samenvoegen', waarden }, 422);
      throw fout;
    }
    return c.redirect('/regios?klaar=samengevoegd', 303);
  });

  return app;
}

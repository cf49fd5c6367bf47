import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../appContext';
import { listRegios, mergeRegios, renameRegio } from '../../../services/regios/regioBeheer';
import { InvoerFout } from '../../../services/gedeeld/invoerFout';
import { can } from '../../../services/toegang/permissies';
import { jaarInvoerVeld } from '../../../validation/besluitInvoer';
import { foutenPerVeld } from '../../formulier';
import { paginaContext } from '../../paginaContext';

const tekst = (w: unknown) => (typeof w === 'string' ? w.trim() : '');
const lijst = (w: unknown) => (Array.isArray(w) ? w : w === undefined ? [] : [w]).filter((x): x is string => typeof x === 'string' && x !== '');

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

  /** One form's write: the year checked as every year field is, the service's field errors back beside the form. */
  function schrijf(c: Context<AppEnv>, formulier: 'naam' | 'samenvoegen', waarden: Record<string, unknown>, actie: (vanafJaar: number) => void, klaar: string) {
    const jaar = jaarInvoerVeld().safeParse(waarden.vanafJaar);
    try {
      if (!jaar.success) throw new InvoerFout([{ veld: 'vanafJaar', melding: jaar.error.issues[0]!.message }]);
      actie(jaar.data);
    } catch (fout) {
      if (fout instanceof InvoerFout) return render(c, { fouten: fout.fouten, formulier, waarden }, 422);
      throw fout;
    }
    return c.redirect(`/regios?klaar=${klaar}`, 303);
  }

  app.post('/:code/naam', async (c) => {
    const form = await c.req.parseBody();
    const code = c.req.param('code');
    const waarden = { code, naam: tekst(form.naam), vanafJaar: tekst(form.vanafJaar) };
    return schrijf(c, 'naam', waarden, (vanafJaar) => renameRegio(deps.db, c.get('actor'), { code, naam: waarden.naam, vanafJaar }, deps.vandaag()), 'naam');
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
    const doel = { code: waarden.doel, naam: waarden.naam, zorgkantoor: waarden.zorgkantoor };
    return schrijf(
      c,
      'samenvoegen',
      waarden,
      (vanafJaar) => mergeRegios(deps.db, c.get('actor'), { bronnen: waarden.bronnen, doel, vanafJaar }, deps.vandaag()),
      'samengevoegd',
    );
  });

  return app;
}

import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../appContext';
import { isGeldigeIsoDatum } from '../../domain/kalender/kalenderdatum';
import { findZorgkantoorregio } from '../../domain/regios/zorgkantoorregios';
import { buildOverzichtRegels, selectBannerUitsluitingen, type OverzichtFilter } from '../../services/termijnOverzicht';
import { paginaContext } from '../paginaContext';

const MAX_REGELS = 250;

const leegIsNiets = (v: unknown) => (v === '' ? undefined : v);
export const overzichtFilterSchema = z.object({
  regio: z.preprocess(leegIsNiets, z.string().refine((r) => findZorgkantoorregio(r) !== undefined, 'onbekende regio').transform((r) => findZorgkantoorregio(r)!.naam).optional()),
  jaar: z.preprocess(leegIsNiets, z.coerce.number().int().min(1900).max(2200).optional()),
  rechtsmiddel: z.preprocess(leegIsNiets, z.enum(['bezwaar', 'beroep']).optional()),
  zorgaanbieder: z.preprocess(leegIsNiets, z.string().max(200).optional()),
  peildatum: z.preprocess(leegIsNiets, z.string().refine(isGeldigeIsoDatum, 'ongeldige peildatum').optional()),
});

export function overzichtRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => {
    const actor = c.get('actor');
    const parsed = overzichtFilterSchema.safeParse(c.req.query());
    const filterFout = parsed.success ? undefined : 'Een filter was ongeldig en is genegeerd.';
    const { peildatum: gekozenPeildatum, ...filter }: OverzichtFilter & { peildatum?: string } = parsed.success ? parsed.data : {};
    const peildatum = gekozenPeildatum ?? deps.vandaag();
    const berekend = deps.termijnen.computeVoorActor(actor, peildatum);
    const regels = buildOverzichtRegels(berekend, peildatum, filter);
    const banners = selectBannerUitsluitingen(berekend, filter);
    const telling = {
      kritiek: regels.filter((r) => r.urgentie === 'kritiek').length,
      binnenkort: regels.filter((r) => r.urgentie === 'binnenkort').length,
      verlopen: regels.filter((r) => r.urgentie === 'verlopen').length,
    };
    const regioOpties = [...new Set(berekend.uitkomst.status.map((s) => s.regio))].sort();
    const jaarOpties = [...new Set(berekend.uitkomst.status.map((s) => s.jaar))].sort();
    const zorgaanbiederOpties = [...new Set([...berekend.tariefbeschikkingen.values()].map((t) => t.zorgaanbieder))].sort();
    const data = {
      ...paginaContext(c, 'overzicht'),
      titel: 'Overzicht termijnen',
      peildatum,
      isVandaag: peildatum === deps.vandaag(),
      filter,
      filterFout,
      regels: regels.slice(0, MAX_REGELS),
      afgekapt: regels.length > MAX_REGELS ? regels.length - MAX_REGELS : 0,
      aantal: regels.length,
      telling,
      banners: banners.slice(0, 20),
      bannersMeer: Math.max(0, banners.length - 20),
      regioOpties: regioOpties.map((r) => ({ waarde: r, gekozen: r === filter.regio })),
      jaarOpties: jaarOpties.map((j) => ({ waarde: j, gekozen: j === filter.jaar })),
      zorgaanbiederOpties: zorgaanbiederOpties.map((z) => ({ waarde: z, gekozen: z === filter.zorgaanbieder })),
      rechtsmiddelOpties: (['bezwaar', 'beroep'] as const).map((r) => ({ waarde: r, gekozen: r === filter.rechtsmiddel })),
    };
    const fragment = c.req.header('HX-Request') === 'true' && c.req.header('HX-Target') === 'termijnen-resultaat';
    return c.html(deps.weergave.render(fragment ? 'overzichtResultaat' : 'overzicht', data, { fragment }));
  });
  return app;
}

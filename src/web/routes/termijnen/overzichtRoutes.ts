import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../appContext';
import { isGeldigeIsoDatum } from '../../../domain/kalender/kalenderdatum';
import { MAX_JAAR, MIN_JAAR, normaliseerDatumTekst } from '../../../validation/velden';
import { loadRegioRegister } from '../../../services/regios/regioBeheer';
import { listFilterOpties, loadOverzicht, type OverzichtFilter, type OverzichtRegel } from '../../../services/termijnen/termijnOverzicht';
import type { Actor } from '../../../actor/actor';
import { isNza } from '../../../actor/actor';
import { can } from '../../../services/toegang/permissies';
import { buildControleWeergave, loadFataleDatumControles } from '../../../services/controle/controleWeergave';
import { loadVierOgen } from '../../../services/controle/vierOgen';
import { buildZaakOpenen, loadZaakPerTermijn } from '../../../services/werkweergaven/termijnWerk';
import { formatTermijnSleutel } from '../../../services/termijnen/termijnSleutel';
import { paginaContext } from '../../paginaContext';
import { sendPagina, storePagina } from '../../opgeslagenPagina';
import { afgeleid, type BerekendOverzicht } from '../../../services/termijnen/termijnService';

// The overview is about what runs out next; further rows via the filters and the CSV export.
const MAX_REGELS = 100;
// Possible terms (exclusions that could be wrong) are a shorter list above the terms.
const MAX_MOGELIJK = 20;
// Beyond this many zorgaanbieders a dropdown is unusable: the filter becomes a "name contains" field.
const MAX_KEUZELIJST = 100;

/** What the overview and the CSV export answer (400) for a peildatum they cannot compute (issue 28.7). */
export const PEILDATUM_BUITEN_BEREIK = `De peildatum moet een geldige datum zijn tussen 1 januari ${MIN_JAAR} en 31 december ${MAX_JAAR} (JJJJ-MM-DD).`;

const leegIsNiets = (v: unknown) => (v === '' ? undefined : v);
export const overzichtFilterSchema = z.object({
  regio: z.preprocess(leegIsNiets, z.string().trim().max(100).optional()),
  jaar: z.preprocess(leegIsNiets, z.coerce.number().int().min(1900).max(2200).optional()),
  rechtsmiddel: z.preprocess(leegIsNiets, z.enum(['bezwaar', 'beroep']).optional()),
  zorgaanbieder: z.preprocess(leegIsNiets, z.string().max(200).optional()),
  peildatum: z.preprocess(
    (v) => (typeof v === 'string' ? leegIsNiets(normaliseerDatumTekst(v)) : v),
    z
      .string()
      .refine(isGeldigeIsoDatum, 'ongeldige peildatum')
      .refine((d) => Number(d.slice(0, 4)) >= MIN_JAAR && Number(d.slice(0, 4)) <= MAX_JAAR, PEILDATUM_BUITEN_BEREIK)
      .optional(),
  ),
});

/** The peildatum of the query is not a date we compute for: a 400 rather than an ignored filter or a 500. */
export const isOngeldigePeildatum = (parsed: ReturnType<typeof parseOverzichtFilter>) =>
  !parsed.success && parsed.error.issues.some((i) => i.path[0] === 'peildatum');

/** The filter of the overview, the export and the API; a region by code or any name of the live division. */
export function parseOverzichtFilter(deps: Pick<AppDeps, 'db'>, query: Record<string, string>) {
  const parsed = overzichtFilterSchema.safeParse(query);
  if (!parsed.success || parsed.data.regio === undefined) return parsed;
  const regio = loadRegioRegister(deps.db).find(parsed.data.regio);
  if (!regio)
    return { success: false as const, error: new z.ZodError([{ code: 'custom', path: ['regio'], message: 'onbekende regio', input: parsed.data.regio }]) };
  return { success: true as const, data: { ...parsed.data, regio: regio.naam } };
}

/**
 * Each row of the overview leads to work (issue 14): its case, or a button that opens one prefilled from the term,
 * and the four-eyes state of its date. Only for a counsel organisation; the NZa has no cases here.
 */
function withWerk(deps: AppDeps, berekend: BerekendOverzicht, actor: Actor, regels: OverzichtRegel[], magSchrijven: boolean, peildatum: string) {
  if (isNza(actor)) return regels;
  const zaken = loadZaakPerTermijn(deps.db, berekend, actor);
  const controles = loadFataleDatumControles(deps.db, actor.organisatieId);
  const vierOgen = loadVierOgen(deps.db, actor, berekend);
  return regels.map((r) => {
    if (r.gedeeldVenster) return r;
    const zaak = zaken.get(formatTermijnSleutel(r.termijn));
    // No case offered for a term whose last day passed (issue 30.3): the row reads "verlopen".
    const openen = !zaak && magSchrijven && r.termijn.einde >= peildatum ? buildZaakOpenen(berekend, r.termijn) : undefined;
    return {
      ...r,
      ...(zaak ? { zaak } : {}),
      ...(openen ? { openen } : {}),
      controle: buildControleWeergave(actor, controles, r.termijn, peildatum, vierOgen),
    };
  });
}

export function overzichtRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => {
    const actor = c.get('actor');
    const parsed = parseOverzichtFilter(deps, c.req.query());
    if (isOngeldigePeildatum(parsed)) {
      return c.html(deps.weergave.render('fout', { ...paginaContext(c, 'overzicht'), titel: 'Ongeldige peildatum', melding: PEILDATUM_BUITEN_BEREIK }), 400);
    }
    const filterFout = parsed.success ? undefined : 'Een filter was ongeldig en is genegeerd.';
    const { peildatum: gekozenPeildatum, ...filter }: OverzichtFilter & { peildatum?: string } = parsed.success ? parsed.data : {};
    const peildatum = gekozenPeildatum ?? deps.vandaag();
    const berekend = deps.termijnen.computeVoorActor(actor, peildatum);
    const overzicht = loadOverzicht(berekend, peildatum, filter, MAX_REGELS);
    const { banners } = overzicht;
    const opties = listFilterOpties(berekend);
    const data = {
      ...paginaContext(c, 'overzicht'),
      titel: 'Overzicht termijnen',
      peildatum,
      isVandaag: peildatum === deps.vandaag(),
      filter,
      // Folded on a phone unless a filter is set (issue 30.3).
      filterActief: Object.values(filter).some((v) => v !== undefined) || peildatum !== deps.vandaag(),
      filterFout,
      regels: overzicht.regels,
      mogelijkeTermijnen: overzicht.mogelijkeTermijnen.slice(0, MAX_MOGELIJK),
      mogelijkAfgekapt: Math.max(0, overzicht.aantalMogelijk - Math.min(MAX_MOGELIJK, overzicht.mogelijkeTermijnen.length)),
      afgekapt: Math.max(0, overzicht.aantal - overzicht.regels.length),
      aantal: overzicht.aantal,
      telling: overzicht.telling,
      banners: banners.slice(0, 20),
      bannersMeer: Math.max(0, banners.length - 20),
      regioOpties: opties.regios.map((r) => ({ waarde: r, gekozen: r === filter.regio })),
      jaarOpties: opties.jaren.map((j) => ({ waarde: j, gekozen: j === filter.jaar })),
      zorgaanbiederZoekveld: opties.zorgaanbieders.length > MAX_KEUZELIJST,
      zorgaanbiederOpties:
        opties.zorgaanbieders.length > MAX_KEUZELIJST ? [] : opties.zorgaanbieders.map((z) => ({ waarde: z, gekozen: z === filter.zorgaanbieder })),
      rechtsmiddelOpties: (['bezwaar', 'beroep'] as const).map((r) => ({ waarde: r, gekozen: r === filter.rechtsmiddel })),
    };
    const fragment = c.req.header('HX-Request') === 'true' && c.req.header('HX-Target') === 'termijnen-resultaat';
    const pagina = fragment ? 'overzichtResultaat' : 'overzicht';
    // The body depends on the cached result, the query and who asks: whether the actor may write (the buttons to open
    // a case) and whether this actor may confirm a date (not the one who registered it or is responsible for it).
    const magSchrijven = can(actor, 'zaak.openen');
    // The whole page per session (the layout names who is signed in and carries the session's CSRF token), kept
    // gzipped (`storePagina`): a repeated request renders, encodes and compresses nothing. Its HTML is not kept beside
    // it (some 300,000 characters at national scale, per peildatum asked).
    const volledigePagina = afgeleid(berekend, `pagina|${c.get('sessie')?.csrfToken ?? actor.gebruikerId}|${pagina}|${c.req.url}`, () => {
      const regels = withWerk(deps, berekend, actor, data.regels, magSchrijven, peildatum);
      const inhoud = deps.weergave.render(
        pagina,
        {
          ...data,
          regels,
          // Urgent first (issue 30.3): the next last days still to come, with their state, before anything else.
          eerstvolgend: regels.filter((r) => !r.gedeeldVenster && r.termijn.einde >= peildatum).slice(0, 3),
          terug: new URL(c.req.url).pathname + new URL(c.req.url).search,
        },
        { fragment: true },
      );
      return storePagina(fragment ? inhoud : deps.weergave.metLayout(inhoud, data));
    });
    return sendPagina(c, volledigePagina);
  });
  return app;
}

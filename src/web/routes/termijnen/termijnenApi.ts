import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiTermijnLijsten, AppDeps, AppEnv } from '../../appContext';
import type { Actor } from '../../../actor/actor';
import { afgeleid, type BerekendOverzicht } from '../../../services/termijnen/termijnService';
import { matchZorgaanbieder } from '../../../services/termijnen/termijnOverzicht';
import { formatTermijnApiSleutel } from '../../../services/werkweergaven/termijnWerk';
import { formatTermijnSleutel } from '../../../services/termijnen/termijnSleutel';
import { buildHerinnerdIndex } from '../../../services/herinneringen/openTermijnen';
import { toTermijnUitkomstJson } from '../../../domain/termijnen/termijnUitkomstJson';
import { weigerVeldFouten } from '../../apiMiddleware';
import { jsonAntwoord, LIJST_FOUTEN, PagineringQuery, TermijnenAntwoord } from '../../apiSchemas';
import { buildApiLijst, createApiTermijnLijsten, type ApiItem } from '../../apiTermijnLijst';
import { linkNaarVolgende, parsePaginering, takePagina } from '../../paginering';
import { overzichtFilterSchema, parseOverzichtFilter } from './overzichtRoutes';

/** What a walk of /api/v1/termijnen is of: its peildatum and filters (the cursor carries it). */
const formatApiLijstNaam = (peildatum: string, f: { regio?: string; jaar?: number; rechtsmiddel?: string; zorgaanbieder?: string }) =>
  JSON.stringify(['termijnen', peildatum, f.regio ?? '', f.jaar ?? '', f.rechtsmiddel ?? '', f.zorgaanbieder ?? '']);

/** The whole list (no filter) of the actor's organisation at the peildatum, kept with the result. */
const loadHeleApiLijst = (deps: AppDeps, apiLijsten: ApiTermijnLijsten, actor: Actor, berekend: BerekendOverzicht, peildatum: string) =>
  afgeleid(berekend, `api:${formatApiLijstNaam(peildatum, {})}`, () => apiLijsten.vanScope(`org-${actor.organisatieId}`, berekend));

/** Who is reminded of each term (issue 30.1): the reminder job's own choice, per data revision; none for the NZa. */
const loadHerinnerd = (deps: AppDeps, actor: Actor, berekend: BerekendOverzicht, peildatum: string) =>
  afgeleid(berekend, `api:herinnerd:${peildatum}`, () => buildHerinnerdIndex(deps.db, deps.termijnen, actor, peildatum));

/**
 * Issue 32.4: makes the first page of GET /api/v1/termijnen of every organisation ready before the server says it is
 * (`/gereed`): the engine's result at today's peildatum, the whole list and who is reminded of what. Synchronous: a
 * request that arrives meanwhile waits for it, then finds it ready.
 */
export function warmApiTermijnen(deps: AppDeps, actoren: readonly Actor[]): void {
  const apiLijsten = deps.apiTermijnLijsten;
  if (!apiLijsten) return;
  const peildatum = deps.vandaag();
  for (const actor of actoren) {
    const berekend = deps.termijnen.computeVoorActor(actor, peildatum);
    loadHeleApiLijst(deps, apiLijsten, actor, berekend, peildatum);
    loadHerinnerd(deps, actor, berekend, peildatum);
  }
}

/** GET /api/v1/termijnen (declared in the OpenAPI document). */
export function declareTermijnenApi(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const apiLijsten = deps.apiTermijnLijsten ?? createApiTermijnLijsten();

  // Every list of a result in one walk: terms, exclusions, region-year statuses, party statuses and warnings, each in
  // its own array of the page, in one stable order (kind, then last day, region, year, …), with one cursor.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/termijnen',
      summary: 'Termijnen, uitsluitingen en status',
      description:
        'Alle termijnen die de organisatie ziet, met afleiding en toelichting; elke termijn heeft een stabiele `sleutel` (voor POST /zaken). Gepagineerd: volg `volgende`.',
      request: { query: overzichtFilterSchema.extend(PagineringQuery.shape) },
      responses: { 200: jsonAntwoord(TermijnenAntwoord, 'een pagina termijnen'), ...LIJST_FOUTEN },
    }),
    (c) => {
      const parsed = parseOverzichtFilter(deps, c.req.query());
      if (!parsed.success)
        return weigerVeldFouten(
          c,
          parsed.error.issues.map((i) => ({ veld: i.path.join('.'), melding: i.message })),
          400,
        );
      const { peildatum: gekozen, regio, jaar, rechtsmiddel, zorgaanbieder } = parsed.data;
      const peildatum = gekozen ?? deps.vandaag();
      const lijstNaam = formatApiLijstNaam(peildatum, { regio, jaar, rechtsmiddel, zorgaanbieder });
      const paginering = parsePaginering(c.req.query(), lijstNaam);
      if (!paginering.ok) return weigerVeldFouten(c, [{ veld: paginering.veld, melding: paginering.melding }], 400);
      const actor = c.get('actor');
      const berekend = deps.termijnen.computeVoorActor(actor, peildatum);
      // The whole list is made per cell and kept across writes (issue 32.4); a filtered one is ordered whole (it is small).
      const lijst =
        !regio && !jaar && !rechtsmiddel && !zorgaanbieder
          ? loadHeleApiLijst(deps, apiLijsten, actor, berekend, peildatum)
          : afgeleid(berekend, `api:${lijstNaam}`, () =>
              buildApiLijst(berekend, {
                regio,
                jaar,
                rechtsmiddel,
                zorgaanbieder: zorgaanbieder ? (naam) => matchZorgaanbieder(naam, zorgaanbieder) : undefined,
              }),
            );
      const pagina = takePagina(lijst, paginering.limit, paginering.na);
      const per = <S extends ApiItem['soort']>(soort: S) =>
        pagina.items.filter((i): i is Extract<ApiItem, { soort: S }> => i.soort === soort).map((i) => i.x as Extract<ApiItem, { soort: S }>['x']);
      const json = toTermijnUitkomstJson(
        {
          termijnen: per('termijn'),
          uitsluitingen: per('uitsluiting'),
          status: per('status'),
          partijStatus: per('partijStatus'),
          waarschuwingen: per('waarschuwing'),
        },
        deps.termijnen.config,
      );
      // Who is reminded of each term (issue 30.1): the reminder job's own choice, per data revision; none for the NZa.
      const herinnerd = loadHerinnerd(deps, actor, berekend, peildatum);
      const termijnen = json.termijnen.map((t, i) => ({
        sleutel: formatTermijnApiSleutel(per('termijn')[i]!),
        ...t,
        herinnerd: herinnerd.get(formatTermijnSleutel(per('termijn')[i]!))?.personen.map((p) => p.email) ?? [],
      }));
      const volgende = linkNaarVolgende(c, pagina.laatste, lijstNaam, { peildatum });
      return c.json({ peildatum, ...json, termijnen, volgende }, 200);
    },
  );
}

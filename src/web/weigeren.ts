import type { Context } from 'hono';
import type { AppDeps, AppEnv } from './appContext';
import { paginaContext } from './paginaContext';

const isApi = (pad: string) => pad === '/api' || pad.startsWith('/api/');

/** The same words for a page that does not exist and one whose existence is confidential (a 404 of either kind). */
export const NIET_GEVONDEN = 'Deze pagina bestaat niet (meer). Controleer het adres, of ga terug naar het overzicht.';

/** A refusal: a Dutch 403 page (or 404 where even the existence is confidential); the API answers {"fout": …}. */
export function weigerPagina(deps: AppDeps, c: Context<AppEnv>, status: 403 | 404, melding?: string) {
  if (isApi(c.req.path)) return c.json({ fout: status === 403 ? (melding ?? 'u hebt hiervoor geen toestemming') : 'niet gevonden' }, status);
  // Signed in: the page keeps its menu and name, so a refusal does not look like being signed out.
  const kader = c.get('actor') ? paginaContext(c, 'geen') : {};
  return c.html(
    deps.weergave.render('fout', {
      ...kader,
      titel: status === 403 ? 'Geen toegang' : 'Niet gevonden',
      melding:
        status === 403
          ? (melding ?? 'U hebt geen toestemming voor deze pagina of handeling. Denkt u dat dit niet klopt, vraag het dan aan de beheerder van uw organisatie.')
          : NIET_GEVONDEN,
    }),
    status,
  );
}

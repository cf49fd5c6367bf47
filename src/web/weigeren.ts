import type { Context } from 'hono';
import type { AppDeps, AppEnv } from './appContext';

const isApi = (pad: string) => pad === '/api' || pad.startsWith('/api/');

/** A refusal: a Dutch 403 page (or 404 where even the existence is confidential); the API answers {"fout": …}. */
export function weigerPagina(deps: AppDeps, c: Context<AppEnv>, status: 403 | 404, melding?: string) {
  if (isApi(c.req.path)) return c.json({ fout: status === 403 ? (melding ?? 'u hebt hiervoor geen toestemming') : 'niet gevonden' }, status);
  const actor = c.get('actor');
  return c.html(
    deps.weergave.render('fout', {
      actor,
      csrf: c.get('sessie')?.csrfToken,
      titel: status === 403 ? 'Geen toegang' : 'Niet gevonden',
      melding:
        status === 403
          ? (melding ?? 'U hebt geen toestemming voor deze pagina of handeling. Denkt u dat dit niet klopt, vraag het dan aan de beheerder van uw organisatie.')
          : 'Deze pagina bestaat niet (meer).',
    }),
    status,
  );
}

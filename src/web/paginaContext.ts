import type { Context } from 'hono';
import type { AppEnv } from './appContext';

const NAVIGATIE = [
  { sleutel: 'overzicht', href: '/', label: 'Overzicht' },
  { sleutel: 'matrix', href: '/matrix', label: 'Regio × jaar' },
  { sleutel: 'registreren', href: '/besluiten/nieuw', label: 'Besluit registreren' },
  { sleutel: 'importeren', href: '/import', label: 'Importeren' },
  { sleutel: 'zaken', href: '/zaken', label: 'Zaken' },
  { sleutel: 'outbox', href: '/outbox', label: 'Herinneringen' },
  { sleutel: 'instellingen', href: '/instellingen', label: 'Instellingen' },
] as const;

/** What every page's layout needs: who is signed in and where we are. */
export function paginaContext(c: Context<AppEnv>, actief: (typeof NAVIGATIE)[number]['sleutel']) {
  const actor = c.get('actor');
  return {
    actor,
    inwerkingtredingOnbekend: c.get('inwerkingtredingOnbekend'),
    navigatie: NAVIGATIE.map((n) => ({ ...n, actief: n.sleutel === actief })),
  };
}

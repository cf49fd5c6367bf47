import type { Context } from 'hono';
import type { AppEnv } from './appContext';
import { can, type Actie } from '../services/permissies';

const NAVIGATIE: { sleutel: string; href: string; label: string; actie: Actie }[] = [
  { sleutel: 'overzicht', href: '/', label: 'Overzicht', actie: 'termijnen.lezen' },
  { sleutel: 'matrix', href: '/matrix', label: 'Regio × jaar', actie: 'termijnen.lezen' },
  { sleutel: 'registreren', href: '/besluiten/nieuw', label: 'Besluit registreren', actie: 'besluit.registreren' },
  { sleutel: 'importeren', href: '/import', label: 'Importeren', actie: 'besluit.registreren' },
  { sleutel: 'zaken', href: '/zaken', label: 'Zaken', actie: 'zaak.lezen' },
  { sleutel: 'regios', href: '/regios', label: 'Regio’s', actie: 'regio.beheren' },
  { sleutel: 'organisatie', href: '/organisatie/leden', label: 'Organisatie', actie: 'organisatie.beheren' },
  { sleutel: 'instellingen', href: '/instellingen', label: 'Instellingen', actie: 'eigen.instellingen' },
];
export type NavigatieSleutel = 'overzicht' | 'matrix' | 'registreren' | 'importeren' | 'zaken' | 'organisatie' | 'instellingen' | 'outbox' | 'regios' | 'geen';

/** What every page's layout needs: who is signed in, where we are, what the menu offers this actor, the CSRF token. */
export function paginaContext(c: Context<AppEnv>, actief: NavigatieSleutel) {
  const actor = c.get('actor');
  return {
    actor,
    csrf: c.get('sessie')?.csrfToken,
    inwerkingtredingOnbekend: c.get('inwerkingtredingOnbekend'),
    navigatie: NAVIGATIE.filter((n) => can(actor, n.actie)).map((n) => ({ ...n, actief: n.sleutel === actief })),
  };
}

import type { Context } from 'hono';
import type { AppEnv } from './appContext';
import { can, type Actie } from '../services/toegang/permissies';

const NAVIGATIE: { sleutel: string; href: string; label: string; actie: Actie; teller?: string }[] = [
  { sleutel: 'overzicht', href: '/', label: 'Overzicht', actie: 'termijnen.lezen' },
  { sleutel: 'matrix', href: '/matrix', label: 'Regio × jaar', actie: 'termijnen.lezen' },
  { sleutel: 'registreren', href: '/besluiten/nieuw', label: 'Besluit registreren', actie: 'besluit.registreren' },
  { sleutel: 'importeren', href: '/import', label: 'Importeren', actie: 'besluit.registreren' },
  { sleutel: 'mijnWeek', href: '/mijn-week', label: 'Mijn week', actie: 'werkweek.lezen' },
  { sleutel: 'werkruimte', href: '/werkruimte', label: 'Werkruimte NZa', actie: 'werkruimte.lezen' },
  { sleutel: 'zaken', href: '/zaken', label: 'Zaken', actie: 'zaak.lezen' },
  // With the count of terms whose reminder is unread (issue 30.1), loaded per person after the page.
  { sleutel: 'herinneringen', href: '/herinneringen', label: 'Herinneringen', actie: 'werkweek.lezen', teller: '/herinneringen/aantal' },
  { sleutel: 'bronnen', href: '/bronnen', label: 'Bronnen', actie: 'bron.lezen' },
  { sleutel: 'regios', href: '/regios', label: 'Regio’s', actie: 'regio.beheren' },
  { sleutel: 'organisatie', href: '/organisatie/leden', label: 'Organisatie', actie: 'organisatie.beheren' },
  { sleutel: 'instellingen', href: '/instellingen', label: 'Instellingen', actie: 'eigen.instellingen' },
];
export type NavigatieSleutel =
  | 'mijnWeek'
  | 'werkruimte'
  | 'overzicht'
  | 'matrix'
  | 'registreren'
  | 'importeren'
  | 'zaken'
  | 'herinneringen'
  | 'organisatie'
  | 'instellingen'
  | 'outbox'
  | 'regios'
  | 'bronnen'
  | 'geen';

/**
 * The success message after a write (issue 14): the handler redirects with `?klaar=<key>`; the layout shows the fixed
 * text of that key in its live region. Never text from the URL itself.
 */
export const KLAAR_MELDINGEN: Record<string, string> = {
  'zaak-geopend': 'De zaak is geopend.',
  ingesteld: 'Opgeslagen: het instellen is geregistreerd.',
  'ingesteld-ongedaan': 'Het instellen is ongedaan gemaakt; de zaak is weer concept.',
  uitspraak: 'Opgeslagen: de uitspraak is geregistreerd.',
  notities: 'Opgeslagen: notities en verantwoordelijke.',
  griffierecht: 'Opgeslagen: de betaaltermijn van het griffierecht is berekend.',
  gecontroleerd: 'Opgeslagen: de datum is gecontroleerd (vier ogen).',
  uitgenodigd: 'Verstuurd: de externe controleur krijgt een link naar deze ene datum.',
  ingetrokken: 'Ingetrokken: de link van de externe controleur werkt niet meer.',
  besluit: 'Het besluit is opgeslagen; alle termijnen zijn opnieuw berekend.',
  stuk: 'Het stuk is opgesteld en bij de zaak bewaard.',
  'beroep-geregistreerd': 'Het ontvangen beroep is geregistreerd; de stand van het regio-jaar is opnieuw berekend.',
  'beroep-afgerond': 'De uitspraak is geregistreerd; de stand van het regio-jaar is opnieuw berekend.',
  'voorstel-aanvaard': 'Het voorstel is aanvaard en verwerkt.',
  'voorstel-afgewezen': 'Het voorstel is afgewezen; het komt niet terug.',
};

/** The `?klaar=` key of a known success message, or '' (an unknown one, e.g. `constructor`, shows nothing). */
export function readKlaarSleutel(c: Context<AppEnv>): string {
  const klaar = c.req.query('klaar') ?? '';
  return Object.hasOwn(KLAAR_MELDINGEN, klaar) ? klaar : '';
}

/** What every page's layout needs: who is signed in, where we are, what the menu offers this actor, the CSRF token. */
export function paginaContext(c: Context<AppEnv>, actief: NavigatieSleutel) {
  const actor = c.get('actor');
  return {
    actor,
    csrf: c.get('sessie')?.csrfToken,
    klaarMelding: KLAAR_MELDINGEN[readKlaarSleutel(c)],
    inwerkingtredingOnbekend: c.get('inwerkingtredingOnbekend'),
    navigatie: NAVIGATIE.filter((n) => can(actor, n.actie)).map((n) => ({ ...n, actief: n.sleutel === actief })),
  };
}

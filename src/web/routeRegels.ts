import type { Actie } from '../services/permissies';

/**
 * Every route of the app and who may call it: `publiek` (no sign-in; each such route guards itself, e.g. with a
 * secret in the path) or the action of permissies.ts the route guard asks `can` about before the handler runs. The
 * services then ask again about the thing itself (this case, this decision). A route missing here is refused (403)
 * and fails test/server/permissieMatrix.test.ts.
 */
export type Regel = 'publiek' | Actie;

export const ROUTE_REGELS: Record<string, Regel> = {
  'GET /static/htmx.min.js': 'publiek',
  'GET /favicon.ico': 'publiek',
  'GET /gezond': 'publiek',
  'GET /gereed': 'publiek',
  'GET /aanmelden': 'publiek',
  'POST /aanmelden': 'publiek',
  'POST /afmelden': 'publiek',
  'POST /aanmelden/sso': 'publiek',
  'GET /aanmelden/sso/terug': 'publiek',
  'GET /welkom/:token': 'publiek',
  'POST /welkom/:token': 'publiek',
  'GET /agenda/:bestand': 'publiek',
  'GET /controle/:token': 'publiek',
  'POST /controle/:token': 'publiek',
  'GET /api/v1/openapi.json': 'publiek',
  'GET /api/v1/docs': 'publiek',

  'GET /': 'termijnen.lezen',
  'GET /matrix': 'termijnen.lezen',
  'GET /matrix/:regio/:jaar': 'termijnen.lezen',
  'GET /export/termijnen.csv': 'termijnen.lezen',
  'GET /export/termijnen.xlsx': 'termijnen.lezen',

  'GET /besluiten/nieuw': 'besluit.registreren',
  'GET /besluiten/contracteerruimte/regel': 'contracteerruimte.registreren',
  'POST /besluiten/contracteerruimte': 'contracteerruimte.registreren',
  'POST /besluiten/tariefbeschikking': 'tariefbeschikking.registreren',
  'POST /besluiten/voorbeeld': 'besluit.registreren',
  'GET /besluiten/:type/:id': 'termijnen.lezen',
  'GET /besluiten/:type/:id/bewerken': 'besluit.wijzigen',
  'POST /besluiten/:type/:id/bewerken': 'besluit.wijzigen',
  'POST /besluiten/:type/:id/watals': 'termijnen.lezen',

  'GET /regios': 'termijnen.lezen',
  'POST /regios/samenvoegen': 'regio.beheren',
  'POST /regios/:code/naam': 'regio.beheren',

  'GET /import': 'besluit.registreren',
  'POST /import/voorbeeld': 'besluit.registreren',
  'POST /import/uitvoeren': 'besluit.registreren',

  'GET /zaken': 'zaak.lezen',
  'POST /zaken': 'zaak.openen',
  'GET /zaken/:id': 'zaak.lezen',
  'GET /zaken/:id/termijn.ics': 'zaak.lezen',
  'POST /zaken/:id/ingesteld': 'zaak.wijzigen',
  'POST /zaken/:id/uitspraak': 'zaak.wijzigen',
  'POST /zaken/:id/notities': 'zaak.wijzigen',
  'POST /zaken/:id/griffierecht': 'zaak.wijzigen',
  'GET /zaken/:id/documenten/nieuw': 'stuk.opstellen',
  'POST /zaken/:id/documenten/aanvulling': 'stuk.opstellen',
  'POST /zaken/:id/documenten/termijn': 'zaak.wijzigen',
  'POST /zaken/:id/documenten': 'stuk.opstellen',
  'GET /zaken/:id/documenten/:documentId': 'zaak.lezen',

  'GET /instellingen': 'eigen.instellingen',
  'POST /instellingen': 'eigen.instellingen',
  'POST /instellingen/briefhoofd': 'organisatie.beheren',
  'POST /instellingen/agenda-token': 'eigen.instellingen',
  'POST /instellingen/overal-afmelden': 'eigen.instellingen',
  'POST /instellingen/tokens': 'eigen.instellingen',
  'POST /instellingen/tokens/:tokenId/intrekken': 'eigen.instellingen',

  'GET /organisatie/logo.png': 'termijnen.lezen',
  'GET /organisatie/leden': 'organisatie.beheren',
  'POST /organisatie/leden': 'organisatie.beheren',
  'POST /organisatie/leden/:gebruikerId/rol': 'organisatie.beheren',
  'POST /organisatie/leden/:gebruikerId/afmelden': 'organisatie.beheren',
  'POST /organisatie/leden/:gebruikerId/nieuwe-link': 'organisatie.beheren',
  'POST /organisatie/leden/:gebruikerId/herstel': 'organisatie.beheren',
  'GET /organisatie/wijzigingen': 'organisatie.beheren',
  'GET /organisatie/sso': 'organisatie.beheren',
  'POST /organisatie/sso': 'organisatie.beheren',
  'POST /organisatie/sso/uitzetten': 'organisatie.beheren',

  'GET /outbox': 'organisatie.beheren',
  'GET /outbox/:id': 'organisatie.beheren',
  'POST /outbox/:id/opnieuw': 'organisatie.beheren',
  'POST /outbox/:id/verzonden': 'organisatie.beheren',

  'GET /herinneringen': 'eigen.instellingen',
  'GET /herinneringen/aantal': 'eigen.instellingen',
  'GET /herinneringen/:id': 'eigen.instellingen',
  'POST /herinneringen/:id/gezien': 'herinnering.gezien',
  'POST /instellingen/verantwoordelijken': 'organisatie.beheren',

  'GET /mijn-week': 'werkweek.lezen',
  'GET /termijnen/controle': 'werkweek.lezen',
  'POST /termijnen/controle': 'termijn.controleren',
  'POST /termijnen/controle/uitnodigen': 'termijn.controleren',
  'GET /werkruimte': 'werkruimte.lezen',
  'POST /werkruimte/beroepen': 'beroep.ontvangstRegistreren',
  'POST /werkruimte/beroepen/:id/afgerond': 'beroep.ontvangstRegistreren',
  'GET /werkruimte/export.csv': 'werkruimte.lezen',
  'GET /werkruimte/export.xlsx': 'werkruimte.lezen',
  'POST /zaken/:id/ingesteld-ongedaan': 'zaak.wijzigen',

  'GET /bronnen': 'bron.lezen',
  'POST /bronnen/:id/aanvaarden': 'bron.beoordelen',
  'POST /bronnen/:id/afwijzen': 'bron.beoordelen',

  'GET /api/v1/termijnen': 'termijnen.lezen',
  'GET /api/v1/besluiten': 'termijnen.lezen',
  'POST /api/v1/besluiten': 'besluit.registreren',
  'POST /api/v1/clienten': 'client.registreren',
  'GET /api/v1/zaken': 'zaak.lezen',
  'POST /api/v1/zaken': 'zaak.openen',
  'GET /api/v1/zaken/:id': 'zaak.lezen',
  'PATCH /api/v1/zaken/:id': 'zaak.wijzigen',
  'GET /api/v1/zaken/:id/gebeurtenissen': 'zaak.lezen',
  'GET /api/v1/zaken/:id/stukken/:bestand': 'stuk.opstellen',
};

import { normaliseerDatumTekst } from '../../../validation/velden';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../appContext';
import { isGeldigeIsoDatum } from '../../../domain/kalender/kalenderdatum';
import { REGIO_INDELING } from '../../../domain/regios/zorgkantoorregios';
import { loadRegioRegister } from '../../../services/regios/regioBeheer';
import { buildCelHistorie, loadRegioJaarMatrix, type HistorieGebeurtenis } from '../../../services/termijnen/regioJaarMatrix';
import type { Actor } from '../../../actor/actor';
import { isNza } from '../../../actor/actor';
import { buildControleWeergave, loadFataleDatumControles } from '../../../services/controle/controleWeergave';
import { loadVierOgen } from '../../../services/controle/vierOgen';
import { createClientFilter } from '../../../services/werkweergaven/termijnWerk';
import { loadZaken } from '../../../services/zaken/zaakOverzicht';
import { loadClienten } from '../../../services/zaken/clientService';
import { can } from '../../../services/toegang/permissies';
import { paginaContext } from '../../paginaContext';
import { sendPagina, storePagina } from '../../opgeslagenPagina';
import { afgeleid, type BerekendOverzicht } from '../../../services/termijnen/termijnService';

const STATUS_LABEL = {
  'nog-niet-open': 'nog niet open',
  open: 'open',
  'in-beroep': 'in beroep',
  onherroepelijk: 'onherroepelijk',
} as const;

export function matrixRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const withControle = (historie: HistorieGebeurtenis[], actor: Actor, berekend: BerekendOverzicht, peildatum: string) => {
    // Issue 30.3: a term whose last day passed reads "verlopen"; a case is offered only for a remedy still open.
    const metStand = (h: HistorieGebeurtenis) => ({
      ...h,
      openVoor: {
        bezwaar: h.termijnen.some((t) => t.rechtsmiddel === 'bezwaar' && t.einde >= peildatum),
        beroep: h.termijnen.some((t) => t.rechtsmiddel === 'beroep' && t.einde >= peildatum),
      },
      termijnen: h.termijnen.map((t) => ({ ...t, verlopen: t.einde < peildatum })),
    });
    if (isNza(actor)) return historie.map(metStand);
    const controles = loadFataleDatumControles(deps.db, actor.organisatieId);
    const vierOgen = loadVierOgen(deps.db, actor, berekend);
    const vanClienten = createClientFilter(berekend);
    return historie.map(metStand).map((h) => ({
      ...h,
      termijnen: h.termijnen.map((t) => ({ ...t, controle: vanClienten(t) ? buildControleWeergave(actor, controles, t, peildatum, vierOgen) : undefined })),
    }));
  };

  const peildatumVan = (gevraagd: string | undefined) => {
    const iso = gevraagd ? normaliseerDatumTekst(gevraagd) : undefined;
    return iso && isGeldigeIsoDatum(iso) ? iso : deps.vandaag();
  };

  app.get('/', (c) => {
    const peildatum = peildatumVan(c.req.query('peildatum'));
    const berekend = deps.termijnen.computeVoorActor(c.get('actor'), peildatum);
    const matrix = loadRegioJaarMatrix(berekend, peildatum, loadRegioRegister(deps.db).alle);
    const rijen = matrix.rijen.map((r) => ({
      ...r,
      cellen: r.cellen.map((cel) => ({
        ...cel,
        label: cel.status ? (cel.status.oudRegime ? 'oud regime' : STATUS_LABEL[cel.status.status]) : undefined,
        regio: r.regio,
        code: r.code,
      })),
    }));
    const data = { ...paginaContext(c, 'matrix'), titel: 'Regio × jaar', peildatum, ...matrix, rijen, indeling: REGIO_INDELING };
    const inhoud = afgeleid(berekend, `html|matrix|${peildatum}`, () => deps.weergave.render('matrix', data, { fragment: true }));
    // The whole page per session (the layout carries its CSRF token), kept gzipped (`storePagina`).
    const volledig = afgeleid(berekend, `pagina|matrix|${c.get('sessie')?.csrfToken ?? c.get('actor').gebruikerId}|${peildatum}`, () =>
      storePagina(deps.weergave.metLayout(inhoud, data)),
    );
    return sendPagina(c, volledig);
  });

  app.get('/:regio/:jaar', (c) => {
    const regio = loadRegioRegister(deps.db).find(c.req.param('regio'));
    const jaar = Number(c.req.param('jaar'));
    if (!regio || !Number.isInteger(jaar) || jaar < 1900 || jaar > 2200) return c.notFound();
    // URLs carry the region's code (termijnregels §11): a name, which may hold a slash, redirects to it.
    if (c.req.param('regio') !== regio.code) {
      const query = new URL(c.req.url).search;
      return c.redirect(`/matrix/${regio.code}/${jaar}${query}`, 301);
    }
    const peildatum = peildatumVan(c.req.query('peildatum'));
    const actor = c.get('actor');
    const berekend = deps.termijnen.computeVoorActor(actor, peildatum);
    const cel = berekend.cel(regio.naam, jaar);
    const status = cel?.status;
    const zaken = loadZaken(deps.db, actor).filter((z) => z.regio === regio.naam && z.jaar === jaar);
    return c.html(
      deps.weergave.render('celHistorie', {
        ...paginaContext(c, 'matrix'),
        titel: `${regio.naam} ${jaar}`,
        regio,
        jaar,
        peildatum,
        status,
        partijStatus: (cel?.partijStatus ?? []).map((s) => ({ ...s, label: STATUS_LABEL[s.status] })),
        statusLabel: status ? (status.oudRegime ? 'oud regime: geen rechtstreeks beroep' : STATUS_LABEL[status.status]) : undefined,
        // Four eyes (issue 14): each date of the organisation's clients shows whether a second jurist confirmed it.
        historie: withControle(buildCelHistorie(berekend, regio.naam, jaar), actor, berekend, peildatum),
        terug: `/matrix/${regio.code}/${jaar}`,
        zaken,
        // Only what this actor may do (issue 28.4): no button that would be refused.
        clienten: can(actor, 'zaak.openen') ? loadClienten(deps.db, actor) : [],
        mag: {
          zaakOpenen: can(actor, 'zaak.openen'),
          tariefbeschikkingWijzigen: can(actor, 'besluit.wijzigen', { soort: 'besluit', type: 'tariefbeschikking', eigenaar: actor.organisatieId }),
          contracteerruimteWijzigen: can(actor, 'besluit.wijzigen', { soort: 'besluit', type: 'contracteerruimte', eigenaar: null }),
        },
      }),
    );
  });
  return app;
}

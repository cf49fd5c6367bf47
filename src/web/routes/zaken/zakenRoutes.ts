import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { AppDeps, AppEnv } from '../../appContext';
import { computePostUiterlijk } from '../../../domain/termijnen/awbTermijn';
import { computeBeslistermijnOpBezwaar, computeGriffierechtTermijn } from '../../../domain/termijnen/overigeTermijnen';
import { createZaak, writeZaakActie, type ZaakActie } from '../../../services/zaken/zaakRegistratie';
import { isSluittarief, loadCollegas, loadTijdlijn, loadZaken, type ZaakOverzichtRij } from '../../../services/zaken/zaakOverzicht';
import { griffierechtInvoer, ingesteldInvoer, notitiesInvoer, ongedaanInvoer, uitspraakInvoer, zaakOpenenInvoer } from '../../../validation/zaakInvoer';
import { buildControleWeergave, loadFataleDatumControles } from '../../../services/controle/controleWeergave';
import { formatControleSleutel, isFataleDatum, loadVierOgen } from '../../../services/controle/vierOgen';
import type { Termijn } from '../../../domain/termijnen/termijn';
import type { VeldFout } from '../../../validation/velden';
import { formulierValidator, foutenPerVeld } from '../../formulier';
import { paginaContext, readKlaarSleutel } from '../../paginaContext';
import { loadZaakUitPad } from '../../padLaders';
import { buildVCalendar } from '../../../agenda/icalendar';
import { toAgendaTermijn } from '../../../services/herinneringen/openTermijnen';
import { ICS } from '../../bestandKoppen';
import { findZaakTermijnen } from '../../../services/termijnen/zaakTermijnen';
import { loadZaakdocumenten } from '../../../services/filings/filingService';
import { FILING_SOORTEN, FILINGS } from '../../../domain/filings/filingSoorten';
import { findLaatsteWijzigingId, listWijzigingen } from '../../../services/gedeeld/auditService';
import type { BerekendOverzicht } from '../../../services/termijnen/termijnService';
import type { IsoDatum } from '../../../domain/kalender/kalenderdatum';
import { createPaginaOpslag, sendPagina, storePagina } from '../../opgeslagenPagina';
import { can } from '../../../services/toegang/permissies';
import { isNza } from '../../../actor/actor';
import { loadStukTermijnen } from '../../../services/filings/stukTermijnen';
import { formatDatumKort, formatDatumLang } from '../../../opmaak/opmaak';

const STATUS_LABEL = { concept: 'concept', ingediend: 'ingediend', afgerond: 'afgerond' } as const;

/** Mounted at /zaken: the cases, their actions and (under /zaken/:id/documenten) their filings. */
export function zakenRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => {
    const actor = c.get('actor');
    const lijst = loadZaken(deps.db, actor).map((z) => ({ ...z, statusLabel: STATUS_LABEL[z.status] }));
    // The NZa is the opposing party: it has no cases here; its work is the workspace of all regions.
    return c.html(deps.weergave.render('zaken', { ...paginaContext(c, 'zaken'), titel: 'Zaken', zaken: lijst, isNza: isNza(actor) }));
  });

  const zaakNietGeopend = (c: Context<AppEnv>, fouten: VeldFout[]) =>
    c.html(
      deps.weergave.render('fout', {
        ...paginaContext(c, 'zaken'),
        titel: 'Deze zaak kan niet worden geopend',
        melding: fouten.map((f) => f.melding).join('; '),
      }),
      422,
    );

  app.post('/', formulierValidator(zaakOpenenInvoer, zaakNietGeopend), (c) => {
    const resultaat = createZaak(deps.db, c.get('actor'), c.req.valid('form').invoer, deps.vandaag());
    return resultaat.ok ? c.redirect(`/zaken/${resultaat.id}?klaar=zaak-geopend`, 303) : zaakNietGeopend(c, resultaat.fouten);
  });

  // Everything under /zaken/:id gets the case from the path, checked against the actor's scope (404 otherwise): the
  // case's documents too (filings, mounted at /zaken/:id/documenten by app.ts after these routes).
  app.use('/:id', loadZaakUitPad(deps));
  app.use('/:id/*', loadZaakUitPad(deps));

  /** The case page as HTML, from the engine's result at the peildatum (today) and the case's own rows. */
  function buildZaakHtml(
    c: Context<AppEnv>,
    zaak: ZaakOverzichtRij,
    berekend: BerekendOverzicht,
    peildatum: IsoDatum,
    fouten: VeldFout[] = [],
    waarden: Record<string, unknown> = {},
  ): string {
    const actor = c.get('actor');
    const { kenmerk, regio, jaar, termijnen, uitsluitingen, regioJaarStatus, partijStatus, partijDatums, veiligeUitersteDatum } = findZaakTermijnen(
      berekend,
      zaak,
    );
    // Four eyes (issue 14): each date shows whether a second jurist confirmed it.
    const controles = loadFataleDatumControles(deps.db, actor.organisatieId);
    const vierOgen = loadVierOgen(deps.db, actor, berekend);
    const alleDatums = [...termijnen, ...partijDatums];
    const veiligeTermijn = veiligeUitersteDatum
      ? (alleDatums.find((t) => t.einde === veiligeUitersteDatum && t.soort === 'termijn') ?? alleDatums.find((t) => t.einde === veiligeUitersteDatum))
      : undefined;
    // The date under the heading (issue 30.3) and its check are one term's: the safe date's, else the first to come.
    const kernTermijn = zaak.status === 'concept' ? (veiligeTermijn ?? termijnen.find((t) => t.einde >= peildatum)) : undefined;
    // One check block per date (issue 30.2): the safe date's block first; a card of the same date points up to it.
    const getoond = new Set<string>(veiligeTermijn ? [formatControleSleutel(veiligeTermijn)] : []);
    const metControle = <T extends Termijn>(t: T) => {
      const sleutel = formatControleSleutel(t);
      if (getoond.has(sleutel)) return { ...t, controle: undefined, controleHierboven: isFataleDatum(t) };
      getoond.add(sleutel);
      return { ...t, controle: buildControleWeergave(actor, controles, t, peildatum, vierOgen) };
    };
    // Art. 6:10 Awb: a beroep filed before its besluit (or before its term) is warned about, as the engine words it.
    const waarschuwingen = zaak.ingesteld
      ? berekend.uitkomst.waarschuwingen.filter(
          (w) => w.besluit === kenmerk && w.code.startsWith('beroep-') && w.melding.includes(formatDatumKort(zaak.ingesteld!)),
        )
      : [];
    const kalender = deps.termijnen.config.kalender;
    const griffierecht = zaak.griffierechtMededeling ? computeGriffierechtTermijn(zaak.griffierechtMededeling, kalender) : undefined;
    const bezwaartermijn = zaak.soort === 'bezwaar' ? termijnen[0] : undefined;
    const beslistermijn = bezwaartermijn
      ? computeBeslistermijnOpBezwaar(bezwaartermijn.einde, { adviescommissie: false, verdaagd: false }, kalender)
      : undefined;
    const laat = termijnen[0] && zaak.ingesteld && zaak.ingesteld > termijnen[0].einde;
    return deps.weergave.render('zaak', {
      ...paginaContext(c, 'zaken'),
      titel: `Zaak ${zaak.id}`,
      zaak: { ...zaak, statusLabel: STATUS_LABEL[zaak.status], regio, jaar, kenmerk },
      termijnen: termijnen.map(metControle),
      uitsluitingen,
      regioJaarStatus,
      partijStatus,
      partijDatums: partijDatums.map(metControle),
      veiligeUitersteDatum,
      // Urgent first (issue 30.3): the date to file by, under the heading, before the decision's particulars.
      kernDatum: kernTermijn?.einde,
      kernControle: kernTermijn ? buildControleWeergave(actor, controles, kernTermijn, peildatum, vierOgen) : undefined,
      veiligeControle: veiligeTermijn ? buildControleWeergave(actor, controles, veiligeTermijn, peildatum, vierOgen) : undefined,
      waarschuwingen,
      terug: `/zaken/${zaak.id}`,
      griffierecht,
      beslistermijn,
      laat,
      postUiterlijk: termijnen[0] ? computePostUiterlijk(termijnen[0].einde) : undefined,
      tijdlijn: loadTijdlijn(deps.db, zaak.id),
      wijzigingen: listWijzigingen(deps.db, 'zaak', zaak.id),
      magSchrijven: can(actor, 'zaak.wijzigen', { soort: 'zaak', organisatieId: zaak.organisatieId }),
      // Issue 28.4: a lezer sees the drafted filings, but is offered no filing to draft.
      magStukOpstellen: can(actor, 'stuk.opstellen', { soort: 'zaak', organisatieId: zaak.organisatieId }),
      documenten: loadZaakdocumenten(deps.db, zaak.id),
      stukTermijnen: loadStukTermijnen(deps.db, zaak.id).map((t) => ({
        label: t.soort === 'hersteltermijn' ? 'Gronden aanvullen' : 'Griffierecht bijgeschreven',
        eindeTekst: formatDatumLang(t.einde),
        briefTekst: formatDatumKort(t.brief),
        grondslag: t.grondslag,
      })),
      // The filings of this kind of case; a bezwaar against a sluittarief also lists the beroepschrift, which then explains why not.
      stukken: FILING_SOORTEN.filter(
        (s) =>
          FILINGS[s].zaak === zaak.soort || FILINGS[s].zaak === 'beide' || (s === 'beroepschrift' && zaak.soort === 'bezwaar' && isSluittarief(deps.db, zaak)),
      ).map((s) => ({ soort: s, titel: FILINGS[s].titel })),
      collegas: loadCollegas(deps.db, actor).map((g) => ({ ...g, gekozen: g.id === zaak.verantwoordelijkeId })),
      vandaag: peildatum,
      fouten: foutenPerVeld(fouten),
      foutLijst: fouten,
      waarden,
    });
  }

  /** The page again with the refused input and its errors (never kept). */
  function renderZaakMetFouten(c: Context<AppEnv>, zaak: ZaakOverzichtRij, fouten: VeldFout[], waarden: Record<string, unknown>) {
    const peildatum = deps.vandaag();
    return c.html(buildZaakHtml(c, zaak, deps.termijnen.computeVoorActor(c.get('actor'), peildatum), peildatum, fouten, waarden), 422);
  }

  // A page some 40 KB (kept gzipped): a hundred per organisation at today's data revision.
  const zaakPaginas = createPaginaOpslag(100);
  app.get('/:id', (c) => {
    const zaak = c.get('zaak');
    const peildatum = deps.vandaag();
    // Read before the page is rendered, so that a kept page is never older than its key.
    const berekend = deps.termijnen.computeVoorActor(c.get('actor'), peildatum);
    const wijziging = findLaatsteWijzigingId(deps.db, 'zaak', zaak.id);
    // Kept with the engine's result (so per organisation's scope, data revision and peildatum), per case, per session (the
    // page carries its CSRF token, and who may confirm a date) and success message; the case's audit log is not
    // counted in the data revision, so its newest entry is part of the key.
    const sessie = c.get('sessie')?.csrfToken ?? c.get('actor').gebruikerId;
    const pagina = zaakPaginas(berekend, `${zaak.id}|${wijziging}|${sessie}|${readKlaarSleutel(c)}`, () =>
      storePagina(buildZaakHtml(c, zaak, berekend, peildatum)),
    );
    return sendPagina(c, pagina);
  });

  // One-click .ics for a case's term.
  app.get('/:id/termijn.ics', (c) => {
    const zaak = c.get('zaak');
    const [termijn] = findZaakTermijnen(deps.termijnen.computeVoorActor(c.get('actor'), deps.vandaag()), zaak).termijnen;
    if (!termijn) return c.text('Voor deze zaak is geen termijn berekend', 404);
    return c.body(buildVCalendar(`Zaak ${zaak.id}`, [toAgendaTermijn({ zaak, termijn }, deps.mail.appUrl)], new Date()), 200, {
      ...ICS,
      'Content-Disposition': `attachment; filename="termijn-zaak-${zaak.id}.ics"`,
    });
  });

  // Each action on a case: validate, write through the one write path, back to the case.
  function registerActie<N extends ZaakActie>(naam: N, schema: z.ZodType<Parameters<typeof writeZaakActie<N>>[4], unknown>) {
    const opnieuw = (c: Context<AppEnv>, fouten: VeldFout[], waarden: Record<string, unknown>) =>
      renderZaakMetFouten(c, c.get('zaak'), fouten, { [naam]: waarden });
    app.post(`/:id/${naam}`, formulierValidator(schema, opnieuw), (c) => {
      const zaak = c.get('zaak');
      const { invoer, waarden } = c.req.valid('form');
      const resultaat = writeZaakActie(deps.db, c.get('actor'), zaak, naam, invoer, deps.vandaag());
      return resultaat.ok ? c.redirect(`/zaken/${zaak.id}?klaar=${naam}`, 303) : opnieuw(c, resultaat.fouten, waarden);
    });
  }
  registerActie('ingesteld', ingesteldInvoer);
  registerActie('ingesteld-ongedaan', ongedaanInvoer);
  registerActie('uitspraak', uitspraakInvoer);
  registerActie('notities', notitiesInvoer);
  registerActie('griffierecht', griffierechtInvoer);
  return app;
}

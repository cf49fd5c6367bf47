import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../appContext';
import { isGeldigeIsoDatum } from '../../../domain/kalender/kalenderdatum';
import { BEKENDMAKING_WIJZE_TEKST, buildControleWeergave, loadFataleDatumControles } from '../../../services/controle/controleWeergave';
import { confirmFataleDatum, findTeControlerenTermijn, findTweedeLezing } from '../../../services/controle/fataleDatumControle';
import { formatControleSleutel, loadVierOgen, type TeControlerenDatum } from '../../../services/controle/vierOgen';
import {
  confirmExterneControle,
  findExterneControle,
  inviteExterneControleur,
  listOpenUitnodigingen,
  withdrawUitnodiging,
} from '../../../services/controle/externeControle';
import { InvoerFout } from '../../../services/gedeeld/invoerFout';
import { toWeergaveTermijn } from '../../../services/termijnen/termijnWeergave';
import { sendControleUitnodiging } from '../../../services/toegang/uitnodigingMail';
import { createGeheim, gelijk } from '../../../services/gedeeld/geheimen';
import { datumInvoerVeld } from '../../../validation/besluitInvoer';
import { tekstVeld, type VeldFout } from '../../../validation/velden';
import { formatTijdstip } from '../../../opmaak/opmaak';
import { formulierValidator, foutenPerVeld } from '../../formulier';
import { paginaContext } from '../../paginaContext';
import { readAanmeldCsrf, setAanmeldCsrf } from '../../sessie';

const datumVelden = {
  partij: z.string().max(300),
  regio: z.string().trim().min(1).max(100),
  jaar: z.coerce.number().int().min(1900).max(2200),
  einde: z.string().refine(isGeldigeIsoDatum, { error: 'geen geldige datum' }),
  terug: z.string().max(500).optional(),
};

/** What the checker read on the besluit (issue 30.2). */
const vergelijkingVelden = {
  kenmerk: tekstVeld(200).min(1, { error: 'vul het kenmerk in zoals het op het besluit staat' }),
  bekendmaking: datumInvoerVeld(),
  wijze: z.enum(['verzenddatum', 'stempel', 'ontvangst'], { error: 'kies hoe de datum van bekendmaking bekend is' }),
};

const controleInvoer = z.object({ ...datumVelden, ...vergelijkingVelden, soort: z.enum(['collega', 'tweede-lezing']).default('collega') }).strict();
const uitnodigingInvoer = z
  .object({
    ...datumVelden,
    naam: tekstVeld(200).min(1, { error: 'vul de naam van de controleur in' }),
    email: z.email({ error: 'vul een geldig e-mailadres in' }).max(254),
  })
  .strict();
const externeInvoer = z.object(vergelijkingVelden).strict();

/** Back to where the form was, a relative path of this app only (never an open redirect). */
const veiligTerug = (terug: string | undefined) => (terug && /^\/(?![/\\])[^\s]*$/.test(terug) ? terug : '/mijn-week');

const buildWijzeOpties = (gekozen?: string) =>
  (Object.keys(BEKENDMAKING_WIJZE_TEKST) as (keyof typeof BEKENDMAKING_WIJZE_TEKST)[]).map((w) => ({
    waarde: w,
    tekst: BEKENDMAKING_WIJZE_TEKST[w],
    gekozen: w === gekozen,
  }));

/**
 * The four-eyes check of a date (issue 30.2): its own page — the term, its besluit and afleiding, who may check, and the
 * comparison to record — for a colleague, a second reading, or the invitation of an external checker; and the external
 * checker's page behind a one-time link (no account).
 */
export function controleRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const nu = () => new Date((deps.nuMs ?? Date.now)());

  const renderControle = (
    c: Context<AppEnv>,
    datum: TeControlerenDatum & { terug?: string | undefined },
    fouten: VeldFout[] = [],
    waarden: Record<string, unknown> = {},
  ) => {
    const actor = c.get('actor');
    const vandaag = deps.vandaag();
    const berekend = deps.termijnen.computeVoorActor(actor, vandaag);
    let gevonden;
    try {
      gevonden = findTeControlerenTermijn(deps.db, berekend, vandaag, datum);
    } catch (e) {
      if (!(e instanceof InvoerFout)) throw e;
      return c.html(deps.weergave.render('fout', { ...paginaContext(c, 'geen'), titel: 'Geen termijn om te controleren', melding: e.fouten[0]!.melding }), 404);
    }
    const { termijn } = gevonden;
    const vierOgen = loadVierOgen(deps.db, actor, berekend);
    const controle = buildControleWeergave(actor, loadFataleDatumControles(deps.db, actor.organisatieId), termijn, vandaag, vierOgen, datum.terug);
    const tweedeLezing = controle?.nietZelf ? findTweedeLezing(vierOgen, termijn, actor, nu()) : undefined;
    const uitnodiging = listOpenUitnodigingen(deps.db, actor, nu()).find((u) => u.sleutel === formatControleSleutel(termijn));
    return c.html(
      deps.weergave.render('controle', {
        ...paginaContext(c, 'geen'),
        titel: 'Termijn controleren',
        vandaag,
        termijn: toWeergaveTermijn(termijn, deps.termijnen.config),
        controle,
        tweedeLezing,
        uitnodigen: controle?.alleenEerstOgen && controle.nietZelf !== undefined,
        uitnodiging: uitnodiging ? { ...uitnodiging, verlooptTekst: formatTijdstip(uitnodiging.verlooptOp) } : undefined,
        terug: veiligTerug(datum.terug),
        klaar: c.req.query('klaar'),
        wijzen: buildWijzeOpties(String(waarden.wijze ?? '')),
        waarden,
        fouten: foutenPerVeld(fouten),
        foutLijst: fouten,
      }),
      fouten.length ? 422 : 200,
    );
  };

  app.get('/termijnen/controle', (c) => {
    const q = datumVeldenSchema.safeParse(c.req.query());
    if (!q.success)
      return c.html(
        deps.weergave.render('fout', {
          ...paginaContext(c, 'geen'),
          titel: 'Geen termijn om te controleren',
          melding: 'Deze link naar een controle is onvolledig.',
        }),
        400,
      );
    return renderControle(c, { ...q.data, partij: q.data.partij || undefined });
  });

  const opnieuw = (c: Context<AppEnv>, fouten: VeldFout[], waarden: Record<string, string | string[]>) => {
    const q = datumVeldenSchema.safeParse(waarden);
    if (!q.success)
      return c.html(
        deps.weergave.render('fout', { ...paginaContext(c, 'geen'), titel: 'Niet gecontroleerd', melding: fouten.map((f) => f.melding).join(' ') }),
        422,
      );
    return renderControle(c, { ...q.data, partij: q.data.partij || undefined }, fouten, waarden);
  };

  app.post('/termijnen/controle', formulierValidator(controleInvoer, opnieuw), (c) => {
    const { invoer, waarden } = c.req.valid('form');
    const datum = { partij: invoer.partij || undefined, regio: invoer.regio, jaar: invoer.jaar, einde: invoer.einde };
    const resultaat = confirmFataleDatum(deps.db, c.get('actor'), deps.termijnen, deps.vandaag(), { ...datum, ...invoer, partij: datum.partij }, nu());
    if (!resultaat.ok) return opnieuw(c, resultaat.fouten, waarden);
    const terug = veiligTerug(invoer.terug);
    return c.redirect(`${terug}${terug.includes('?') ? '&' : '?'}klaar=gecontroleerd`, 303);
  });

  app.post('/termijnen/controle/uitnodigen', formulierValidator(uitnodigingInvoer, opnieuw), async (c) => {
    const { invoer, waarden } = c.req.valid('form');
    const actor = c.get('actor');
    const datum = { partij: invoer.partij || undefined, regio: invoer.regio, jaar: invoer.jaar, einde: invoer.einde };
    const resultaat = inviteExterneControleur(deps.db, deps.sessieGeheim, actor, deps.termijnen, deps.vandaag(), nu(), {
      ...datum,
      naam: invoer.naam,
      email: invoer.email,
    });
    if (!resultaat.ok || !resultaat.token) return opnieuw(c, resultaat.ok ? [] : resultaat.fouten, waarden);
    try {
      await sendControleUitnodiging(deps.verzender, deps.mail, {
        aan: invoer.email,
        naam: invoer.naam,
        organisatie: actor.organisatieNaam,
        door: actor.naam,
        token: resultaat.token,
        verlooptTekst: formatTijdstip(resultaat.verlooptOp!),
      });
    } catch (e) {
      c.get('log').warn({ err: e instanceof Error ? e.message : String(e) }, 'Invitation of an external checker not sent');
      withdrawUitnodiging(deps.db, actor, resultaat.uitnodigingId!, nu(), 'de e-mail kon niet worden verstuurd');
      return opnieuw(
        c,
        [{ veld: 'email', melding: 'Niet verstuurd: de e-mail kon niet worden verzonden, en de uitnodiging is ingetrokken. Probeer het later opnieuw.' }],
        waarden,
      );
    }
    const q = new URLSearchParams({ partij: invoer.partij, regio: invoer.regio, jaar: String(invoer.jaar), einde: invoer.einde, klaar: 'uitgenodigd' });
    if (invoer.terug) q.set('terug', invoer.terug);
    return c.redirect(`/termijnen/controle?${q.toString()}`, 303);
  });

  // Withdraw an open invitation by hand (issue 30.2): a mistyped address, a checker who cannot.
  app.post('/termijnen/controle/uitnodiging/:id/intrekken', formulierValidator(z.object(datumVelden).strict(), opnieuw), (c) => {
    const { invoer, waarden } = c.req.valid('form');
    const id = Number(c.req.param('id'));
    const resultaat = Number.isInteger(id)
      ? withdrawUitnodiging(deps.db, c.get('actor'), id, nu(), 'ingetrokken door wie uitnodigde')
      : { ok: false as const, fouten: [{ veld: 'uitnodiging', melding: 'Onbekende uitnodiging.' }] };
    if (!resultaat.ok) return opnieuw(c, resultaat.fouten, waarden);
    const q = new URLSearchParams({ partij: invoer.partij, regio: invoer.regio, jaar: String(invoer.jaar), einde: invoer.einde, klaar: 'ingetrokken' });
    if (invoer.terug) q.set('terug', invoer.terug);
    return c.redirect(`/termijnen/controle?${q.toString()}`, 303);
  });

  return app;
}

/** The external checker's page behind a one-time link (issue 30.2): public, guarded by the link itself. */
export function externeControleRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const nu = () => new Date((deps.nuMs ?? Date.now)());
  const secure = deps.beveiliging.secureCookie;

  const renderExtern = (c: Context<AppEnv>, token: string, fouten: VeldFout[] = [], waarden: Record<string, unknown> = {}) => {
    const controle = findExterneControle(deps.db, deps.sessieGeheim, deps.termijnen, deps.vandaag(), nu(), token);
    if (!controle)
      return c.html(
        deps.weergave.render('fout', {
          titel: 'Deze link werkt niet meer',
          melding: 'De link is al gebruikt of verlopen, of de datum waarom het ging is veranderd. Vraag wie u uitnodigde om een nieuwe.',
        }),
        410,
      );
    const csrf = readAanmeldCsrf(c, secure) ?? createGeheim(24);
    setAanmeldCsrf(c, secure, csrf);
    return c.html(
      deps.weergave.render('externeControle', {
        titel: 'Termijn controleren',
        csrf,
        token,
        controle: { ...controle, verlooptTekst: formatTijdstip(controle.verlooptOp) },
        termijn: toWeergaveTermijn(controle.termijn, deps.termijnen.config),
        wijzen: buildWijzeOpties(String(waarden.wijze ?? '')),
        waarden,
        fouten: foutenPerVeld(fouten),
        foutLijst: fouten,
      }),
      fouten.length ? 422 : 200,
    );
  };

  app.get('/controle/:token', (c) => renderExtern(c, c.req.param('token')));

  app.post(
    '/controle/:token',
    formulierValidator(externeInvoer, (c, fouten, waarden) => renderExtern(c, c.req.param('token') ?? '', fouten, waarden)),
    async (c) => {
      const token = c.req.param('token');
      const { invoer, waarden } = c.req.valid('form');
      // No session here: the page's own CSRF cookie, as on the sign-in pages (the form reader leaves `_csrf` out).
      const cookie = readAanmeldCsrf(c, secure);
      const gestuurd = (await c.req.parseBody())._csrf;
      if (!cookie || typeof gestuurd !== 'string' || !gelijk(gestuurd, cookie))
        return renderExtern(c, token, [{ veld: 'formulier', melding: 'Het formulier was verlopen; probeer het nog eens.' }], waarden);
      const resultaat = confirmExterneControle(deps.db, deps.sessieGeheim, deps.termijnen, deps.vandaag(), nu(), token, invoer);
      if (!resultaat.ok) return renderExtern(c, token, resultaat.fouten, waarden);
      return c.html(deps.weergave.render('externeControle', { titel: 'De controle is vastgelegd', vastgelegd: true }));
    },
  );

  return app;
}

const datumVeldenSchema = z.object(datumVelden);

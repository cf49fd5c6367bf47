import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../appContext';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { foutenPerVeld, valideer } from '../formulier';

const PNG_HANDTEKENING = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const optioneleTekst = (max: number) => z.string().trim().max(max, { error: `is te lang (meer dan ${max} tekens)` }).transform((v) => (v === '' ? null : v));
const briefhoofdInvoer = z.object({
  adres: optioneleTekst(200),
  postcode: z.string().trim().refine((p) => p === '' || /^\d{4}\s?[A-Za-z]{2}$/.test(p), { error: 'vul een postcode in als 1234 AB' }).transform((p) => (p === '' ? null : `${p.slice(0, 4)} ${p.slice(-2).toUpperCase()}`)),
  plaats: optioneleTekst(100),
  email: z.string().trim().refine((e) => e === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e), { error: 'geen geldig e-mailadres' }).transform((e) => (e === '' ? null : e)),
  telefoon: optioneleTekst(40),
});
import { buildVCalendar } from '../../agenda/icalendar';
import { loadOpenZaakTermijnen, toAgendaTermijn } from '../../herinneringen/openTermijnen';
import { parseSchema, STANDAARD_SCHEMA } from '../../domain/herinneringen/herinneringsmomenten';
import { loadZaak } from '../../services/zaakRegistratie';
import { findZaakTermijnen } from '../../services/zaakTermijnen';
import { findGebruikerByAgendaToken } from '../../services/actorService';
import { loadInstellingen, renewAgendaToken, updateBriefhoofd, updateHerinneringVoorkeuren } from '../../services/instellingenService';
import { findOutboxMail, loadOutbox } from '../../services/outboxService';
import { enkel, leesFormulier } from '../formulier';
import { paginaContext } from '../paginaContext';

const ICS = { 'Content-Type': 'text/calendar; charset=utf-8' } as const;

/** The personal calendar feed: authenticated by the unguessable token in its URL, so calendar apps can subscribe. */
export function agendaFeedRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/agenda/:bestand', (c) => {
    const token = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(c.req.param('bestand'))?.[1];
    const gebruiker = token ? findGebruikerByAgendaToken(deps.db, token) : undefined;
    if (!gebruiker) return c.text('Onbekende of ingetrokken agenda-link', 404);
    const termijnen = loadOpenZaakTermijnen(deps.db, deps.termijnen, deps.vandaag(), gebruiker.id).map((o) => toAgendaTermijn(o, deps.mail.appUrl));
    return c.body(buildVCalendar(`Termijnen ${gebruiker.naam}`, termijnen, new Date()), 200, { ...ICS, 'Cache-Control': 'private, max-age=300' });
  });
  return app;
}

export function agendaRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // One-click .ics for a case's term.
  app.get('/zaken/:id/termijn.ics', (c) => {
    const id = Number(c.req.param('id'));
    const zaak = Number.isSafeInteger(id) ? loadZaak(deps.db, c.get('actor'), id) : undefined;
    if (!zaak) return c.notFound();
    const [termijn] = findZaakTermijnen(deps.termijnen.computeVoorActor(c.get('actor'), deps.vandaag()), zaak).termijnen;
    if (!termijn) return c.text('Voor deze zaak is geen termijn berekend', 404);
    return c.body(buildVCalendar(`Zaak ${zaak.id}`, [toAgendaTermijn({ zaak, termijn }, deps.mail.appUrl)], new Date()), 200, {
      ...ICS,
      'Content-Disposition': `attachment; filename="termijn-zaak-${zaak.id}.ics"`,
    });
  });

  // Reads only: a GET never writes (a user without a calendar link gets a button to make one).
  function renderInstellingen(c: Context<AppEnv>, fout?: string, status: 200 | 413 | 422 = 200, briefhoofdFouten: Record<string, string> = {}) {
    const g = loadInstellingen(deps.db, c.get('actor'));
    return c.html(
      deps.weergave.render('instellingen', {
        ...paginaContext(c, 'instellingen'),
        titel: 'Instellingen',
        schema: g.herinneringsschema ?? STANDAARD_SCHEMA.join(', '),
        weekoverzicht: g.weekoverzicht,
        agendaUrl: g.agendaToken ? `${deps.mail.appUrl}/agenda/${g.agendaToken}.ics` : undefined,
        organisatie: g.organisatie,
        briefhoofdFouten,
        fout,
        opgeslagen: c.req.query('opgeslagen') === '1',
      }),
      status,
    );
  }

  app.get('/instellingen', (c) => renderInstellingen(c));

  app.post('/instellingen', async (c) => {
    const { waarden } = await leesFormulier(c);
    const schemaTekst = enkel(waarden.schema) ?? '';
    const schema = parseSchema(schemaTekst);
    if (!schema) return renderInstellingen(c, `"${schemaTekst.slice(0, 40)}" is geen lijst werkdagen (bijvoorbeeld 14, 7, 3, 1, 0; hoogstens 60)`, 422);
    updateHerinneringVoorkeuren(deps.db, c.get('actor'), { schema, weekoverzicht: enkel(waarden.weekoverzicht) === 'ja' });
    return c.redirect('/instellingen?opgeslagen=1', 303);
  });

  // The organisation's letterhead, used by every filing: address lines and a PNG logo.
  app.post(
    '/instellingen/briefhoofd',
    bodyLimit({ maxSize: 2 * 1024 * 1024, onError: (c) => renderInstellingen(c as Context<AppEnv>, 'het logo is groter dan 1 MB', 413) }),
    async (c) => {
      const form = await c.req.parseBody();
      const tekst = Object.fromEntries(['adres', 'postcode', 'plaats', 'email', 'telefoon'].map((k) => [k, typeof form[k] === 'string' ? form[k] : undefined]));
      const invoer = valideer(briefhoofdInvoer, tekst);
      const logo = form.logo;
      const fouten: Record<string, string> = invoer.ok ? {} : foutenPerVeld(invoer.fouten);
      let logoPng: Buffer | undefined;
      if (logo instanceof File && logo.size > 0) {
        const bytes = Buffer.from(await logo.arrayBuffer());
        if (bytes.length > 1024 * 1024) fouten.logo = 'het logo is groter dan 1 MB';
        else if (!bytes.subarray(0, 8).equals(PNG_HANDTEKENING)) fouten.logo = 'het logo moet een PNG-afbeelding zijn';
        else logoPng = bytes;
      }
      if (!invoer.ok || Object.keys(fouten).length) return renderInstellingen(c, 'Het briefhoofd is niet opgeslagen.', 422, fouten);
      updateBriefhoofd(deps.db, c.get('actor'), invoer.data, logoPng);
      return c.redirect('/instellingen?opgeslagen=1', 303);
    },
  );

  // A new token revokes the old feed URL at once.
  app.post('/instellingen/agenda-token', (c) => {
    renewAgendaToken(deps.db, c.get('actor'));
    return c.redirect('/instellingen?opgeslagen=1', 303);
  });

  // The embedded outbox and every reminder that could not be delivered, for the actor's organisation.
  app.get('/outbox', (c) => {
    const { mails, problemen } = loadOutbox(deps.db, c.get('actor'));
    return c.html(deps.weergave.render('outbox', { ...paginaContext(c, 'outbox'), titel: 'Verzonden herinneringen', mails, problemen, smtp: Boolean(deps.mail.smtp) }));
  });

  app.get('/outbox/:id', (c) => {
    const id = Number(c.req.param('id').replace(/\.eml$/, ''));
    const mail = Number.isSafeInteger(id) ? findOutboxMail(deps.db, c.get('actor'), id) : undefined;
    if (!mail) return c.notFound();
    return c.body(mail.eml, 200, { 'Content-Type': 'message/rfc822', 'Content-Disposition': `attachment; filename="herinnering-${mail.id}.eml"` });
  });
  return app;
}


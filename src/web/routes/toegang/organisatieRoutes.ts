import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../appContext';
import {
  inviteGebruiker,
  listLeden,
  listOrganisatieLog,
  renewUitnodiging,
  requestHerstel,
  ROLLEN,
  updateRol,
  type Rol,
} from '../../../services/toegang/gebruikerBeheer';
import { endSessiesVanCollega } from '../../../services/toegang/sessieService';
import { InvoerFout } from '../../../services/gedeeld/invoerFout';
import { sendHerstelVerzoek, sendUitnodiging, sendUitnodigingAdresInGebruik } from '../../../services/toegang/uitnodigingMail';
import { foutenPerVeld } from '../../formulier';
import { NAAM_OPGESCHOOND } from '../../../validation/velden';
import { paginaContext } from '../../paginaContext';
import { deleteSsoInstelling, readSsoInstelling, saveSsoInstelling } from '../../../services/toegang/ssoService';

const tekst = (w: unknown) => (typeof w === 'string' ? w : '');
const rolUit = (w: unknown): Rol | undefined => ((ROLLEN as readonly unknown[]).includes(w) ? (w as Rol) : undefined);

/** The success message after a redirect (Post/Redirect/Get), by the `klaar` query value. */
const KLAAR: Record<string, string | undefined> = {
  rol: 'De rol is gewijzigd.',
  afgemeld: 'De collega is overal afgemeld; die moet zich opnieuw aanmelden.',
};

/** Mounted at /organisatie (besides the logo): a beheerder's members, invitations, sessions and log. */
export function ledenRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const nu = () => new Date((deps.nuMs ?? Date.now)());

  function renderLeden(
    c: Context<AppEnv>,
    extra: { melding?: string; fouten?: { veld: string; melding: string }[]; waarden?: Record<string, string> } = {},
    status: 200 | 422 = 200,
  ) {
    return c.html(
      deps.weergave.render('leden', {
        ...paginaContext(c, 'organisatie'),
        titel: 'Leden',
        leden: listLeden(deps.db, c.get('actor')),
        melding: extra.melding ?? KLAAR[c.req.query('klaar') ?? ''],
        foutLijst: extra.fouten ?? [],
        fouten: foutenPerVeld(extra.fouten ?? []),
        waarden: extra.waarden ?? {},
      }),
      status,
    );
  }

  app.get('/leden', (c) => renderLeden(c));

  app.post('/leden', async (c) => {
    const form = await c.req.parseBody();
    const waarden = { naam: tekst(form.naam), email: tekst(form.email), rol: tekst(form.rol) };
    const rol = rolUit(form.rol);
    if (!rol) return renderLeden(c, { fouten: [{ veld: 'rol', melding: 'kies een rol: beheerder, jurist of lezer' }], waarden }, 422);
    const actor = c.get('actor');
    let nieuw: ReturnType<typeof inviteGebruiker>;
    try {
      nieuw = inviteGebruiker(deps.db, deps.sessieGeheim, { email: waarden.email, naam: waarden.naam, rol }, nu(), actor);
      // The same answer whether or not the address has an account elsewhere (issue 28.7); only the e-mail differs.
      if (nieuw.soort === 'elders') {
        await sendUitnodigingAdresInGebruik(deps.verzender, deps.mail, { aan: nieuw.email, organisatie: actor.organisatieNaam, door: actor.naam });
      } else {
        await sendUitnodiging(deps.verzender, deps.mail, {
          aan: waarden.email.trim().toLowerCase(),
          naam: nieuw.naam,
          organisatie: actor.organisatieNaam,
          door: actor.naam,
          token: nieuw.token,
        });
      }
    } catch (e) {
      if (e instanceof InvoerFout) return renderLeden(c, { fouten: e.fouten, waarden }, 422);
      throw e;
    }
    return renderLeden(c, { melding: `Uitnodiging verstuurd aan ${nieuw.naam}.${nieuw.naamGewijzigd ? ` ${NAAM_OPGESCHOOND}` : ''}` });
  });

  const gebruikerId = (c: Context) => {
    const id = Number(c.req.param('gebruikerId'));
    return Number.isSafeInteger(id) && id > 0 ? id : undefined;
  };

  app.post('/leden/:gebruikerId/rol', async (c) => {
    const id = gebruikerId(c);
    const rol = rolUit((await c.req.parseBody()).rol);
    if (id === undefined) return c.notFound();
    try {
      // The service checks membership first (404 for someone else's colleague), then the role.
      if (!updateRol(deps.db, c.get('actor'), id, rol ?? ('?' as Rol))) return c.notFound();
    } catch (e) {
      if (e instanceof InvoerFout) return renderLeden(c, { fouten: e.fouten }, 422);
      throw e;
    }
    return c.redirect('/organisatie/leden?klaar=rol', 303);
  });

  app.post('/leden/:gebruikerId/afmelden', (c) => {
    const id = gebruikerId(c);
    if (id === undefined || !endSessiesVanCollega(deps.db, c.get('actor'), id)) return c.notFound();
    return c.redirect('/organisatie/leden?klaar=afgemeld', 303);
  });

  app.post('/leden/:gebruikerId/nieuwe-link', async (c) => {
    const id = gebruikerId(c);
    const actor = c.get('actor');
    let nieuw: ReturnType<typeof renewUitnodiging>;
    try {
      nieuw = id === undefined ? undefined : renewUitnodiging(deps.db, deps.sessieGeheim, actor, id, nu());
    } catch (e) {
      if (e instanceof InvoerFout) return renderLeden(c, { fouten: e.fouten }, 422);
      throw e;
    }
    if (!nieuw) return c.notFound();
    await sendUitnodiging(deps.verzender, deps.mail, {
      aan: nieuw.email,
      naam: nieuw.naam,
      organisatie: actor.organisatieNaam,
      door: actor.naam,
      token: nieuw.token,
    });
    return renderLeden(c, { melding: `Nieuwe aanmeldlink verstuurd aan ${nieuw.naam}.` });
  });

  // A member who has enrolled and lost the password or the authenticator app (issue 28.5): a reset the member confirms
  // through the link in the e-mail; the beheerder never sees that link.
  app.post('/leden/:gebruikerId/herstel', async (c) => {
    const id = gebruikerId(c);
    const actor = c.get('actor');
    let verzoek: ReturnType<typeof requestHerstel>;
    try {
      verzoek = id === undefined ? undefined : requestHerstel(deps.db, deps.sessieGeheim, actor, id, nu());
    } catch (e) {
      if (e instanceof InvoerFout) return renderLeden(c, { fouten: e.fouten }, 422);
      throw e;
    }
    if (!verzoek) return c.notFound();
    await sendHerstelVerzoek(deps.verzender, deps.mail, {
      aan: verzoek.email,
      naam: verzoek.naam,
      organisatie: actor.organisatieNaam,
      door: actor.naam,
      token: verzoek.token,
    });
    return renderLeden(c, {
      melding: `Herstelverzoek verstuurd aan ${verzoek.naam}. Die bevestigt het via de link in de e-mail; tot dan blijven het wachtwoord en de tweestapsverificatie gelden.`,
    });
  });

  // Single sign-on of the organisation (OpenID Connect). The client secret is never sent back to the browser.
  const ssoOpties = { demoModus: deps.beveiliging.demoWachtwoord !== undefined };
  function renderSso(
    c: Context<AppEnv>,
    extra: { melding?: string; fouten?: { veld: string; melding: string }[]; waarden?: Record<string, string> } = {},
    status: 200 | 422 = 200,
  ) {
    const instelling = readSsoInstelling(deps.db, c.get('actor'));
    return c.html(
      deps.weergave.render('sso', {
        ...paginaContext(c, 'organisatie'),
        titel: 'Single sign-on',
        instelling: instelling && {
          ...instelling,
          bijgewerktOp: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(
            new Date(instelling.bijgewerktOp),
          ),
        },
        terugAdres: `${deps.beveiliging.basisUrl ?? new URL(c.req.url).origin}/aanmelden/sso/terug`,
        melding: extra.melding,
        foutLijst: extra.fouten ?? [],
        fouten: foutenPerVeld(extra.fouten ?? []),
        waarden: extra.waarden ?? { issuer: instelling?.issuer ?? '', clientId: instelling?.clientId ?? '' },
      }),
      status,
    );
  }

  app.get('/sso', (c) => renderSso(c, { melding: c.req.query('uit') ? 'Single sign-on staat uit. Leden melden zich aan met wachtwoord en code.' : undefined }));

  app.post('/sso', async (c) => {
    const form = await c.req.parseBody();
    const invoer = { issuer: tekst(form.issuer), clientId: tekst(form.clientId), clientSecret: tekst(form.clientSecret) };
    try {
      const uitkomst = saveSsoInstelling(deps.db, deps.sessieGeheim, { actor: c.get('actor') }, invoer, ssoOpties);
      return renderSso(c, {
        melding: uitkomst === 'ingesteld' ? 'Single sign-on is ingesteld. Leden kunnen zich nu aanmelden via uw organisatie.' : 'De wijziging is opgeslagen.',
      });
    } catch (e) {
      // The secret typed is not sent back, whatever went wrong.
      if (e instanceof InvoerFout) return renderSso(c, { fouten: e.fouten, waarden: { issuer: invoer.issuer, clientId: invoer.clientId } }, 422);
      throw e;
    }
  });

  app.post('/sso/uitzetten', (c) => {
    deleteSsoInstelling(deps.db, c.get('actor'));
    return c.redirect('/organisatie/sso?uit=1', 303);
  });

  app.get('/wijzigingen', (c) =>
    c.html(
      deps.weergave.render('organisatieLog', {
        ...paginaContext(c, 'organisatie'),
        titel: 'Wijzigingen',
        wijzigingen: listOrganisatieLog(deps.db, c.get('actor')),
      }),
    ),
  );
  return app;
}

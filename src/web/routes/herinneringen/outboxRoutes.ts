import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../appContext';
import { findOutboxMail, loadOutbox } from '../../../services/herinneringen/outboxService';
import { paginaContext } from '../../paginaContext';
import { confirmHerinneringVerzonden, resendHerinnering } from '../../../services/herinneringen/herinneringBeheer';

/** Mounted at /outbox. */
export function outboxRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // The embedded outbox and every reminder that could not be delivered, for the actor's organisation.
  app.get('/', (c) => {
    const { mails, problemen } = loadOutbox(deps.db, c.get('actor'));
    return c.html(
      deps.weergave.render('outbox', {
        ...paginaContext(c, 'outbox'),
        titel: 'Verzonden herinneringen',
        mails,
        problemen,
        smtp: Boolean(deps.mail.smtp),
        melding: {
          opnieuw: 'De herinnering wordt bij de volgende ronde opnieuw verstuurd.',
          verzonden: 'De herinnering staat nu als verzonden geregistreerd.',
        }[c.req.query('gedaan') ?? ''],
      }),
    );
  });

  // An `onzeker` (or `mislukt`) reminder: send it again, or record that it did arrive. Both audited by the service.
  app.post('/:id/opnieuw', (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || !resendHerinnering(deps.db, c.get('actor'), id)) return c.notFound();
    return c.redirect('/outbox?gedaan=opnieuw', 303);
  });
  app.post('/:id/verzonden', (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || !confirmHerinneringVerzonden(deps.db, c.get('actor'), id, new Date(deps.nuMs?.() ?? Date.now()))) return c.notFound();
    return c.redirect('/outbox?gedaan=verzonden', 303);
  });

  app.get('/:id', (c) => {
    const id = Number(c.req.param('id').replace(/\.eml$/, ''));
    const mail = Number.isSafeInteger(id) ? findOutboxMail(deps.db, c.get('actor'), id) : undefined;
    if (!mail) return c.notFound();
    return c.body(mail.eml, 200, { 'Content-Type': 'message/rfc822', 'Content-Disposition': `attachment; filename="herinnering-${mail.id}.eml"` });
  });
  return app;
}

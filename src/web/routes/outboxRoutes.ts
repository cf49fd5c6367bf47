import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../appContext';
import { findOutboxMail, loadOutbox } from '../../services/outboxService';
import { paginaContext } from '../paginaContext';

/** Mounted at /outbox. */
export function outboxRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // The embedded outbox and every reminder that could not be delivered, for the actor's organisation.
  app.get('/', (c) => {
    const { mails, problemen } = loadOutbox(deps.db, c.get('actor'));
    return c.html(
      deps.weergave.render('outbox', { ...paginaContext(c, 'outbox'), titel: 'Verzonden herinneringen', mails, problemen, smtp: Boolean(deps.mail.smtp) }),
    );
  });

  app.get('/:id', (c) => {
    const id = Number(c.req.param('id').replace(/\.eml$/, ''));
    const mail = Number.isSafeInteger(id) ? findOutboxMail(deps.db, c.get('actor'), id) : undefined;
    if (!mail) return c.notFound();
    return c.body(mail.eml, 200, { 'Content-Type': 'message/rfc822', 'Content-Disposition': `attachment; filename="herinnering-${mail.id}.eml"` });
  });
  return app;
}

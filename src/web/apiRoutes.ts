import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './appContext';
import { begrensJsonBody, idempotentie, weigerOngeldigeInvoer } from './apiMiddleware';
import { declareTermijnenApi } from './routes/termijnen/termijnenApi';
import { declareBesluitenApi } from './routes/besluiten/besluitenApi';
import { declareZakenApi } from './routes/zaken/zakenApi';
import { declareStukkenApi } from './routes/filings/stukkenApi';
import { declareWebhookRoutes, webhookRoutes } from './routes/webhooks/webhookRoutes';

/**
 * JSON API v1: the same data, validation and services as the pages and the CLI. Every route is declared with its zod
 * schemas (`app.openapi(createRoute(…), handler)`): the schemas validate the request and describe the route in the
 * OpenAPI document (GET /api/v1/openapi.json); test/server/openapiContract.test.ts fails on a route left undeclared.
 */
export function apiRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: weigerOngeldigeInvoer });

  // Bodies are read within the JSON limits (depth, number of values) before any validator parses them.
  app.use('*', begrensJsonBody(deps));
  // A retried POST with the same Idempotency-Key gets the first answer (issue 32.2).
  app.use('*', idempotentie(deps));

  // Each room declares its routes, in the order of the document: terms, decisions, clients and cases, filings.
  declareTermijnenApi(app, deps);
  declareBesluitenApi(app, deps);
  declareZakenApi(app, deps);
  declareStukkenApi(app, deps);

  // Webhooks (issue 32.3): plain Hono handlers behind the same middlewares, declared in the document beside them.
  app.route('/webhooks', webhookRoutes(deps));
  declareWebhookRoutes(app);

  return app;
}

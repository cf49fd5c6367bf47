import { serve, type ServerType } from '@hono/node-server';
import { createTestApp } from './testApp';
import { findVrijePoort } from './vrijePoort';
import type { Logger } from '../../src/log/logger';

/** The real app served over HTTP on 127.0.0.1, on a fresh database file with the demo data. */
export async function startTestServer(opties: { demo?: boolean; log?: Logger } = {}) {
  const testApp = createTestApp(undefined, undefined, opties);
  const port = await findVrijePoort();
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: testApp.app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    ...testApp,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      testApp.sluit();
    },
  };
}

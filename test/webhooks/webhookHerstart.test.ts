import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../support/testApp';
import { startServer, type ServerProces } from '../support/serverProces';
import { queryEen } from '../support/databaseInhoud';
import { startWebhookOntvanger } from '../support/webhookOntvanger';

/**
 * Issue 32.3: a server killed (kill -9) between sending a delivery and recording it. The next server finds the delivery
 * claimed by a sender that is gone, marks it `onzeker` and sends it again with the same webhook-id and body, so the
 * receiver can drop the copy; the ledger then says delivered, possibly twice. Nothing is lost by the restart.
 */
const t = createTestApp();
const databasePad = t.db.$client.name;
const map = dirname(databasePad);
const ontvanger = await startWebhookOntvanger();
let server: ServerProces | undefined;
afterAll(async () => {
  server?.kind.kill('SIGKILL');
  await ontvanger.stop();
  rmSync(map, { recursive: true, force: true });
});

type Levering = { status: string; dubbel: number; pogingen: number; id: string };
const levering = () =>
  queryEen<Levering | undefined>(
    databasePad,
    "SELECT status, mogelijk_dubbel AS dubbel, pogingen, bericht_id AS id FROM webhook_leveringen WHERE gebeurtenis = 'zaak.gewijzigd'",
  );

async function wachtTot<T>(vraag: () => T | undefined, klaar: (x: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const begin = Date.now();
  for (;;) {
    const x = vraag();
    if (x !== undefined && klaar(x)) return x;
    if (Date.now() - begin > timeoutMs) throw new Error(`timed out; last: ${JSON.stringify(x)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a restart mid-delivery', () => {
  it('sends the delivery again with the same webhook-id, marked possibly twice, and records it', async () => {
    const r = await t.als(DEMO.beheerder)('/api/v1/webhooks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: ontvanger.url, events: ['zaak.gewijzigd'] }),
    });
    expect(r.status).toBe(201);
    ontvanger.zetGeheim(((await r.json()) as { secret: string }).secret);
    const zaak = (t.db.$client.prepare("SELECT id FROM zaken WHERE organisatie_id = 2 AND status = 'concept' ORDER BY id LIMIT 1").get() as { id: number }).id;
    const notitie = await t.als(DEMO.advocaat)(`/zaken/${zaak}/notities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: formulier({ notities: 'Voor de herstarttest', verantwoordelijkeId: '', herinneringsschema: '' }),
    });
    expect(notitie.status).toBe(303);
    t.db.$client.close();

    // The first attempt is never answered: the server is killed while it waits.
    ontvanger.zetAntwoord((n) => (n === 0 ? 'hangen' : 200));
    const env = { WEBHOOK_INTERVAL_SECONDEN: '1', HERINNERING_LEASE_SECONDEN: '2' };
    server = await startServer(databasePad, env);
    await ontvanger.wachtOp(1);
    expect(levering()).toMatchObject({ status: 'bezig', pogingen: 1, id: ontvanger.ontvangen[0]!.id });
    server.kind.kill('SIGKILL');
    await server.einde;

    server = await startServer(databasePad, env);
    await ontvanger.wachtOp(2);
    const klaar = await wachtTot(levering, (l) => l.status === 'afgeleverd');
    expect(klaar).toMatchObject({ status: 'afgeleverd', dubbel: 1, pogingen: 2 });
    const [eerste, tweede] = ontvanger.ontvangen;
    expect(tweede!.id).toBe(eerste!.id);
    expect(tweede!.body).toBe(eerste!.body);
    expect(ontvanger.ontvangen.every((o) => o.geverifieerd)).toBe(true);
    expect(ontvanger.ontvangen).toHaveLength(2);
    expect(eerste!.bericht).toMatchObject({ type: 'zaak.gewijzigd', data: { zaak } });
    server.kind.kill('SIGTERM');
    expect(await server.einde).toBe(0);
  }, 90_000);
});

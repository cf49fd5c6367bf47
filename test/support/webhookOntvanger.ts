import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A delivery as the receiver saw it: its headers, body, and whether its Standard Webhooks signature verified. */
export interface Ontvangen {
  id: string;
  timestamp: string;
  body: string;
  bericht: { type: string; timestamp: string; data: Record<string, unknown> };
  geverifieerd: boolean;
  status: number;
}

/**
 * A webhook receiver on loopback that verifies every signature with the secret it is given (the `standardwebhooks`
 * package, as an integrator would). `antwoord` decides each answer: a status, or 'hangen' (never answers).
 */
export async function startWebhookOntvanger() {
  const ontvangen: Ontvangen[] = [];
  let geheim: string | undefined;
  let antwoord: (n: number) => number | 'hangen' = () => 200;
  const hangend: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString('utf8')));
    req.on('end', () => {
      const koppen = {
        'webhook-id': String(req.headers['webhook-id'] ?? ''),
        'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
        'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
      };
      let geverifieerd = false;
      try {
        if (geheim) {
          new Webhook(geheim).verify(body, koppen);
          geverifieerd = true;
        }
      } catch {
        geverifieerd = false;
      }
      const keuze = antwoord(ontvangen.length);
      ontvangen.push({
        id: koppen['webhook-id'],
        timestamp: koppen['webhook-timestamp'],
        body,
        bericht: JSON.parse(body) as Ontvangen['bericht'],
        geverifieerd,
        status: keuze === 'hangen' ? 0 : keuze,
      });
      if (keuze === 'hangen') hangend.push(res);
      else res.writeHead(keuze).end();
    });
  });
  await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
  const poort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${poort}/hook`,
    ontvangen,
    zetGeheim(g: string) {
      geheim = g;
    },
    zetAntwoord(f: (n: number) => number | 'hangen') {
      antwoord = f;
    },
    async wachtOp(aantal: number, timeoutMs = 20_000) {
      const begin = Date.now();
      while (ontvangen.length < aantal) {
        if (Date.now() - begin > timeoutMs) throw new Error(`received ${ontvangen.length} of ${aantal} deliveries`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async stop() {
      for (const r of hangend) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((klaar) => server.close(() => klaar()));
    },
  };
}

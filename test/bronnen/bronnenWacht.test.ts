import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createTestApp, SESSIE_GEHEIM } from '../support/testApp';
import { BACKOFF_MS, createWachtToestand, pollBronnen, type BronnenWachtDeps } from '../../src/bronnen/bronnenWacht';
import { createAfzender } from '../../src/herinneringen/herinneringService';
import { openDatabase } from '../../src/db/verbinding';
import type { Db } from '../../src/db/verbinding';

/**
 * The watcher of the official sources (issue 33) against a fake source on the loopback that serves the recorded
 * answers — and, on cue, a 500, a 504, a slow answer and an SRU error as HTTP 200. Node's own fetch, real HTTP.
 */
const lees = (naam: string) => readFileSync(join('test/fixtures/bronnen', naam), 'utf8');

type Storing = 'geen' | '500' | '504' | 'traag' | 'diagnose' | 'leeg' | 'kb-tekst';
const bron = {
  storing: { rechtspraak: 'geen', staatscourant: 'geen' } as Record<'rechtspraak' | 'staatscourant', Storing>,
  verzoeken: [] as string[],
  tegelijk: 0,
  maxTegelijk: 0,
};

function antwoord(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url!, 'http://bron');
  bron.verzoeken.push(url.pathname + url.search);
  bron.tegelijk += 1;
  bron.maxTegelijk = Math.max(bron.maxTegelijk, bron.tegelijk);
  // Counted until answered or given up by the client (a timed-out request), once.
  let open = true;
  const sluit = () => {
    if (open) bron.tegelijk -= 1;
    open = false;
  };
  res.on('close', sluit);
  const stuur = (status: number, tekst: string, naMs = 0) =>
    setTimeout(() => {
      sluit();
      // The recorded answers name the real repository: here, this fake source serves it.
      if (!res.destroyed) res.writeHead(status, { 'Content-Type': 'application/xml' }).end(tekst.replaceAll('https://repository.overheid.nl', basis));
    }, naMs);
  const soort = url.pathname.startsWith('/uitspraken') ? 'rechtspraak' : 'staatscourant';
  const storing = bron.storing[soort];
  if (storing === '500') return stuur(500, 'Internal Server Error');
  if (storing === '504') return stuur(504, 'Gateway Timeout');
  if (storing === 'traag') return stuur(200, lees('rechtspraak-feed-leeg.xml'), 8000);
  if (url.pathname === '/uitspraken/zoeken') return stuur(200, lees(storing === 'leeg' ? 'rechtspraak-feed-leeg.xml' : 'rechtspraak-feed.xml'));
  if (url.pathname === '/uitspraken/content') return stuur(200, lees(`rechtspraak-inhoud-${url.searchParams.get('id')!.split(':').pop()}.xml`));
  if (url.pathname.startsWith('/frbr/')) return stuur(200, lees(url.pathname.split('/').pop()!));
  if (url.pathname === '/sru') {
    if (storing === 'diagnose') return stuur(200, lees('staatscourant-diagnose.xml'));
    if (storing === 'leeg') return stuur(200, lees('staatscourant-leeg.xml'));
    const vraag = url.searchParams.get('query') ?? '';
    if (vraag.includes('Zorgautoriteit')) return stuur(200, lees('staatscourant-nza.xml'));
    return stuur(200, lees(storing === 'kb-tekst' ? 'staatscourant-kb-tekst.xml' : 'staatscourant-kb.xml'));
  }
  return stuur(404, 'niet gevonden');
}

const t = createTestApp();
let server: Server;
let basis = '';
const klok = { nu: Date.parse('2026-11-22T08:00:00Z') };
const deps = (db: Db, houder = createAfzender(120_000), timeoutMs = 10_000): BronnenWachtDeps => ({
  db,
  config: { timeoutMs, rechtspraakUrl: `${basis}/uitspraken`, sruUrl: `${basis}/sru` },
  klok: { nuMs: () => klok.nu },
  houder,
});
const stand = (db: Db, b: string) => db.$client.prepare('SELECT laatst_gelukt AS l FROM bron_stand WHERE bron = ?').pluck().get(b) as string | undefined;
const sinds = (verzoek: string) => /modified(?:=|%3E%3D)(\d{4}-\d{2}-\d{2})/.exec(verzoek)?.[1];

beforeAll(async () => {
  server = createServer(antwoord);
  await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
  basis = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((klaar) => server.close(klaar));
  t.sluit();
});

describe('the watcher of the official sources', () => {
  const toestand = createWachtToestand();
  const houder = createAfzender(120_000);

  it('polls each source for the last 30 days the first time, one request at a time, and only proposes', async () => {
    const zakenVoor = JSON.stringify(t.db.$client.prepare('SELECT * FROM zaken ORDER BY id').all());
    const u = await pollBronnen(deps(t.db, houder), toestand);
    expect(u).toEqual({ bronnen: { rechtspraak: { nieuw: 2 }, staatscourant: { nieuw: 4 } } });
    expect(bron.maxTegelijk).toBe(1);
    expect(bron.verzoeken.map(sinds).filter(Boolean)).toEqual(['2026-10-23', '2026-10-23', '2026-10-23']);
    // The deleted entry's content is never fetched.
    expect(bron.verzoeken.filter((v) => v.startsWith('/uitspraken/content'))).toEqual([
      '/uitspraken/content?id=ECLI:NL:CBB:2026:1234',
      '/uitspraken/content?id=ECLI:NL:CBB:2026:1250',
    ]);
    expect(stand(t.db, 'rechtspraak')).toBe('2026-11-22T08:00:00.000Z');
    expect(t.db.$client.prepare('SELECT soort, status FROM bron_voorstellen WHERE soort <> ? ORDER BY id').all('nza-publicatie')).toEqual([
      { soort: 'uitspraak', status: 'open' },
      { soort: 'uitspraak', status: 'open' },
      { soort: 'gelijkgestelde-dag', status: 'open' },
      { soort: 'gelijkgestelde-dag', status: 'open' },
    ]);
    // It never changes data itself: the case is still pending.
    expect(JSON.stringify(t.db.$client.prepare('SELECT * FROM zaken ORDER BY id').all())).toBe(zakenVoor);
  });

  it('reads a KB’s days from its text (the XML manifestation) when its title names none', async () => {
    bron.storing = { rechtspraak: 'leeg', staatscourant: 'kb-tekst' };
    bron.verzoeken = [];
    toestand.staatscourant.wachtTotMs = 0;
    expect((await pollBronnen(deps(t.db, houder), toestand)).bronnen.staatscourant).toEqual({ nieuw: 1 });
    expect(bron.verzoeken.at(-1)).toBe('/frbr/officielepublicaties/stcrt/stcrt-2031-4567/1/xml/stcrt-2031-4567.xml');
    expect(
      t.db.$client.prepare("SELECT datum, bron_id AS bronId FROM bron_voorstellen WHERE soort = 'gelijkgestelde-dag' ORDER BY id DESC LIMIT 1").get(),
    ).toEqual({
      datum: '2032-05-07',
      bronId: 'stcrt-2031-4567#2032-05-07',
    });
    bron.storing = { rechtspraak: 'geen', staatscourant: 'geen' };
  });

  it('another server on the same file polls nothing while the lease is held', async () => {
    bron.verzoeken = [];
    expect(await pollBronnen(deps(t.db, createAfzender(120_000)), createWachtToestand())).toEqual({ geenLease: true, bronnen: {} });
    expect(bron.verzoeken).toEqual([]);
  });

  it('goes on from its bookmark after a restart (a new process on the same file), and an empty answer moves it on', async () => {
    klok.nu = Date.parse('2026-11-23T08:00:00Z'); // the old holder's lease has long expired
    bron.storing = { rechtspraak: 'leeg', staatscourant: 'leeg' };
    bron.verzoeken = [];
    const herstart = openDatabase(t.db.$client.name, SESSIE_GEHEIM);
    try {
      const u = await pollBronnen(deps(herstart), createWachtToestand());
      expect(u).toEqual({ bronnen: { rechtspraak: { nieuw: 0 }, staatscourant: { nieuw: 0 } } });
      expect(bron.verzoeken.map(sinds)).toEqual(['2026-11-22', '2026-11-22', '2026-11-22']);
      expect(stand(herstart, 'staatscourant')).toBe('2026-11-23T08:00:00.000Z');
    } finally {
      herstart.$client.close();
    }
  });

  it('backs off after a 500, a 504 and a slow answer, asks nothing while waiting, and keeps its bookmark until it succeeds', async () => {
    const eigen = createWachtToestand();
    // A short timeout (the slow answer below takes 8 s).
    const d = deps(t.db, createAfzender(120_000), 1000);
    klok.nu = Date.parse('2026-11-24T08:00:00Z');
    bron.storing = { rechtspraak: '500', staatscourant: 'diagnose' };
    bron.verzoeken = [];
    const eerste = await pollBronnen(d, eigen);
    expect(eerste.bronnen.rechtspraak).toEqual({ fout: expect.stringMatching(/^HTTP 500 van http:\/\/127\.0\.0\.1:\d+\/uitspraken\/zoeken/) });
    // An SRU error comes as HTTP 200 with <diagnostics>: a failure all the same.
    expect(eerste.bronnen.staatscourant).toEqual({ fout: 'SRU-diagnose: First record position out of range: 10001 (info:srw/diagnostic/1/61)' });
    expect(eigen.rechtspraak).toMatchObject({ fouten: 1, wachtTotMs: klok.nu + BACKOFF_MS[0] });
    expect(bron.verzoeken).toHaveLength(2);

    // Within the back-off: not asked at all.
    bron.verzoeken = [];
    klok.nu += BACKOFF_MS[0] - 1;
    expect(await pollBronnen(d, eigen)).toEqual({ bronnen: { rechtspraak: 'wacht', staatscourant: 'wacht' } });
    expect(bron.verzoeken).toEqual([]);

    klok.nu += 1;
    bron.storing.rechtspraak = '504';
    expect((await pollBronnen(d, eigen)).bronnen.rechtspraak).toEqual({ fout: expect.stringContaining('HTTP 504') });
    expect(eigen.rechtspraak).toMatchObject({ fouten: 2, wachtTotMs: klok.nu + BACKOFF_MS[1] });

    klok.nu += BACKOFF_MS[1];
    bron.storing.rechtspraak = 'traag';
    const begin = performance.now();
    expect((await pollBronnen(d, eigen)).bronnen.rechtspraak).toEqual({ fout: expect.stringContaining('geen antwoord binnen 1 s') });
    expect(performance.now() - begin).toBeLessThan(6000);
    expect(eigen.rechtspraak.fouten).toBe(3);
    expect(stand(t.db, 'rechtspraak')).toBe('2026-11-23T08:00:00.000Z');

    klok.nu += BACKOFF_MS[2];
    bron.storing = { rechtspraak: 'leeg', staatscourant: 'leeg' };
    expect(await pollBronnen(d, eigen)).toEqual({ bronnen: { rechtspraak: { nieuw: 0 }, staatscourant: { nieuw: 0 } } });
    expect(eigen.rechtspraak).toEqual({ fouten: 0, wachtTotMs: 0 });
    expect(stand(t.db, 'rechtspraak')).toBe(new Date(klok.nu).toISOString());
  });
});

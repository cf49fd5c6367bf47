import type { Db } from '../db/verbinding';
import { addDagen, type IsoDatum } from '../domain/kalender/kalenderdatum';
import type { AppConfig } from '../config/config';
import { acquireLease, releaseLease, type Afzender } from '../herinneringen/herinneringService';
import { proposeVondsten, readBronStand, saveBronStand, type BronVondst } from '../services/bronnen/bronVoorstellen';
import { BronFout, isAtwKb, isNzaPublicatie, readBronDocument, readKbDagen } from './bronXml';

/**
 * The watcher of the official sources (issue 33): off unless BRONNEN=aan. One server holds it, through the same lease
 * table as the reminder job (its own row, `bronnen`). Each source is polled for what was modified since the day of its
 * last successful poll (the bookmark, stored in the database: a restart goes on where it was), one request at a time,
 * each with a timeout; a source that fails (5xx, 504, a timeout, an SRU error) waits longer each time before it is asked
 * again. It never changes data: it only PROPOSES (src/services/bronnen/bronVoorstellen.ts); a person accepts.
 */

export const BRONNEN = ['rechtspraak', 'staatscourant'] as const;
export type Bron = (typeof BRONNEN)[number];
const LEASE = 'bronnen';
/** Rechtspraak's page size (`max`). */
const FEED_MAX = 1000;
/** SRU page size; SRU refuses to page past record 10,000, so a larger result means the date filter is too wide. */
const SRU_MAX = 100;
const SRU_GRENS = 10_000;
/** With no bookmark yet: look back this many days. */
export const EERSTE_TERUGBLIK_DAGEN = 30;
/** After the n-th failure in a row a source waits BACKOFF_MS[n-1] (the last one from then on) before it is asked again. */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000] as const;
const CBB = 'http://standaarden.overheid.nl/owms/terms/College_van_Beroep_voor_het_bedrijfsleven';

export interface BronnenWachtDeps {
  db: Db;
  config: Pick<AppConfig['bronnen'], 'timeoutMs' | 'rechtspraakUrl' | 'sruUrl'>;
  klok: { nuMs: () => number };
  /** This process as lease holder. */
  houder: Afzender;
  log?: (bericht: string, gegevens?: Record<string, unknown>) => void;
}

/** What a source did lately, per process: for the back-off and for the log. */
export interface BronToestand {
  fouten: number;
  wachtTotMs: number;
  laatsteFout?: string;
}
export type WachtToestand = Record<Bron, BronToestand>;
export const createWachtToestand = (): WachtToestand => ({ rechtspraak: { fouten: 0, wachtTotMs: 0 }, staatscourant: { fouten: 0, wachtTotMs: 0 } });

/** A source that answered with an error status: 5xx (and 429) are worth asking again later. */
export class HttpFout extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super(`HTTP ${status} van ${url}`);
  }
}

/** One GET with Node's own fetch, under the timeout (the body included). */
async function haal(deps: BronnenWachtDeps, url: string): Promise<string> {
  const signaal = AbortSignal.timeout(deps.config.timeoutMs);
  try {
    const antwoord = await fetch(url, { signal: signaal, headers: { Accept: 'application/xml, application/atom+xml, text/xml' } });
    const tekst = await antwoord.text();
    if (!antwoord.ok) throw new HttpFout(antwoord.status, url);
    return tekst;
  } catch (e) {
    if (e instanceof HttpFout) throw e;
    if (signaal.aborted) throw new BronFout(`geen antwoord binnen ${deps.config.timeoutMs / 1000} s van ${url}`);
    throw new BronFout(`${url} niet bereikbaar: ${(e as Error).message}`);
  }
}

/**
 * The day to ask "modified since": the UTC day of the bookmark, or the first time 30 calendar days before today's UTC
 * day. A UTC day is never later than the Dutch day: re-reading a day is harmless, missing one is not.
 */
function sindsDag(deps: BronnenWachtDeps, bron: Bron): IsoDatum {
  const stand = readBronStand(deps.db, bron);
  const utcDag = (ms: number) => new Date(ms).toISOString().slice(0, 10) as IsoDatum;
  return stand ? utcDag(Date.parse(stand)) : addDagen(utcDag(deps.klok.nuMs()), -EERSTE_TERUGBLIK_DAGEN);
}

async function leesRechtspraak(deps: BronnenWachtDeps, sinds: string): Promise<BronVondst[]> {
  const vondsten: BronVondst[] = [];
  for (let vanaf = 0; ; vanaf += FEED_MAX) {
    const url = `${deps.config.rechtspraakUrl}/zoeken?creator=${CBB}&modified=${sinds}&return=DOC&max=${FEED_MAX}&from=${vanaf}`;
    const feed = readBronDocument(await haal(deps, url), 'rechtspraak');
    if (feed.vorm !== 'feed') throw new BronFout(`${url}: geen Atom-feed`);
    for (const entry of feed.entries) {
      if (entry.verwijderd) continue;
      const inhoudUrl = `${deps.config.rechtspraakUrl}/content?id=${entry.ecli}`;
      const inhoud = readBronDocument(await haal(deps, inhoudUrl), 'rechtspraak');
      if (inhoud.vorm !== 'uitspraak') throw new BronFout(`${inhoudUrl}: geen open-rechtspraak-document`);
      vondsten.push({ soort: 'uitspraak', ...inhoud.uitspraak });
    }
    if (feed.entries.length < FEED_MAX) return vondsten;
  }
}

async function leesStaatscourant(deps: BronnenWachtDeps, sinds: string): Promise<BronVondst[]> {
  const basis = 'c.product-area==officielepublicaties AND w.publicatienaam=="Staatscourant"';
  const vragen = [`${basis} AND dt.creator="Zorgautoriteit"`, `${basis} AND dt.title="Algemene termijnenwet"`];
  const vondsten: BronVondst[] = [];
  for (const vraag of vragen) {
    const cql = `${vraag} AND dt.modified>=${sinds} sortBy dt.modified/sort.descending`;
    for (let start = 1; ;) {
      const url = `${deps.config.sruUrl}?operation=searchRetrieve&version=2.0&recordSchema=gzd&maximumRecords=${SRU_MAX}&startRecord=${start}&query=${encodeURIComponent(cql)}`;
      const antwoord = readBronDocument(await haal(deps, url), 'staatscourant');
      if (antwoord.vorm !== 'sru') throw new BronFout(`${url}: geen SRU-antwoord`);
      for (const p of antwoord.publicaties) {
        if (isAtwKb(p)) {
          let dagen = readKbDagen(p);
          if (dagen.length === 0 && p.xmlUrl) dagen = readKbDagen(p, await haal(deps, p.xmlUrl));
          for (const datum of dagen) vondsten.push({ soort: 'gelijkgestelde-dag', datum, bron: p.identifier, titel: p.titel, url: p.url });
        } else if (isNzaPublicatie(p)) {
          vondsten.push({ soort: 'nza-publicatie', bron: p.identifier, titel: p.titel, datum: p.datum, url: p.url });
        }
      }
      if (antwoord.volgende === undefined || antwoord.publicaties.length === 0) break;
      if (antwoord.volgende > SRU_GRENS) throw new BronFout(`meer dan ${SRU_GRENS} records sinds ${sinds}: SRU pagineert niet verder`);
      start = antwoord.volgende;
    }
  }
  return vondsten;
}

const LEZERS: Record<Bron, (deps: BronnenWachtDeps, sinds: string) => Promise<BronVondst[]>> = {
  rechtspraak: leesRechtspraak,
  staatscourant: leesStaatscourant,
};

export interface RondeUitkomst {
  geenLease?: boolean;
  /** Per source: how many new proposals, 'wacht' (backing off) or the failure. */
  bronnen: Partial<Record<Bron, { nieuw: number } | 'wacht' | { fout: string }>>;
}

/** One round: each source that is not backing off, in turn, while this process holds the lease. */
export async function pollBronnen(deps: BronnenWachtDeps, toestand: WachtToestand): Promise<RondeUitkomst> {
  const uitkomst: RondeUitkomst = { bronnen: {} };
  for (const bron of BRONNEN) {
    if (!acquireLease(deps.db, deps.houder, deps.klok.nuMs(), LEASE)) return { ...uitkomst, geenLease: true };
    const t = toestand[bron];
    if (t.wachtTotMs > deps.klok.nuMs()) {
      uitkomst.bronnen[bron] = 'wacht';
      continue;
    }
    const begin = new Date(deps.klok.nuMs()).toISOString();
    try {
      const vondsten = await LEZERS[bron](deps, sindsDag(deps, bron));
      const nieuw = vondsten.length > 0 ? proposeVondsten(deps.db, vondsten).length : 0;
      saveBronStand(deps.db, bron, begin);
      toestand[bron] = { fouten: 0, wachtTotMs: 0 };
      uitkomst.bronnen[bron] = { nieuw };
    } catch (e) {
      if (!(e instanceof BronFout || e instanceof HttpFout)) throw e;
      const fouten = t.fouten + 1;
      toestand[bron] = { fouten, wachtTotMs: deps.klok.nuMs() + BACKOFF_MS[Math.min(fouten, BACKOFF_MS.length) - 1]!, laatsteFout: e.message };
      uitkomst.bronnen[bron] = { fout: e.message };
      deps.log?.('official source failed; backing off', { bron, fouten, fout: e.message });
    }
  }
  return uitkomst;
}

/** The job: a first round shortly after start, then every `intervalMs`; `stop` waits for a round in flight. */
export function startBronnenWacht(deps: BronnenWachtDeps, intervalMs: number, opties: { eersteRondeNaMs?: number } = {}) {
  const toestand = createWachtToestand();
  let bezig: Promise<void> | undefined;
  const ronde = () => {
    bezig ??= (async () => {
      try {
        const u = await pollBronnen(deps, toestand);
        if (!u.geenLease) deps.log?.('official sources polled', { bronnen: u.bronnen });
      } catch (e) {
        deps.log?.('official sources round failed', { fout: (e as Error).message });
      } finally {
        bezig = undefined;
      }
    })();
    return bezig;
  };
  const timer = setInterval(ronde, intervalMs);
  timer.unref();
  const eerste = setTimeout(ronde, opties.eersteRondeNaMs ?? 5000);
  eerste.unref();
  return {
    ronde,
    toestand: () => structuredClone(toestand),
    async stop() {
      clearTimeout(eerste);
      clearInterval(timer);
      await bezig;
      releaseLease(deps.db, deps.houder, LEASE);
    },
  };
}

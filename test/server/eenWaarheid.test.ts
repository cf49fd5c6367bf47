import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ical from 'node-ical';
import { addDagen } from '../../src/domain/kalender/kalenderdatum';
import { formatDatumKort, formatDatumLang, formatRegioJaarPad } from '../../src/opmaak/opmaak';
import { loadOpenZaakTermijnen } from '../../src/services/herinneringen/openTermijnen';
import { createTestApp, DEMO, formulier } from '../support/testApp';

/**
 * Issue 14, point 1: one truth. Every view of a (party, region, year) — the case page, the overview, the matrix and
 * its cell page, the API, the calendar feed and the reminder job's term list — must name the same date and status,
 * because all take them from the one engine result. Walked over the demo data and over random scenarios.
 */

type App = ReturnType<typeof createTestApp>;
let apps: App[] = [];
afterEach(() => {
  for (const a of apps) a.sluit();
  apps = [];
});

interface ApiTermijn {
  besluit: string;
  rechtsmiddel: string;
  regio: string;
  jaar: number;
  partij?: string;
  soort: string;
  aanvang: string;
  einde: string;
  regel?: string;
}
interface ApiStatus {
  regio: string;
  jaar: number;
  status: string;
  veiligeUitersteDatum?: string;
  partij?: string;
}
interface ApiZaak {
  id: number;
  soort: string;
  status: string;
  regio: string | null;
  jaar: number | null;
  zorgaanbieder: string | null;
  verantwoordelijkeId: number | null;
}

const zonderTags = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** Every contradiction between the views of one signed-in user, as readable lines (empty: one truth). */
async function findTegenspraken(t: App, email: string, vandaag: string): Promise<string[]> {
  const als = t.als(email);
  const fouten: string[] = [];
  // The whole API answer: every page, following `volgende` (the API pages its lists, issue 12).
  type ApiPagina = { termijnen: ApiTermijn[]; status: ApiStatus[]; partijStatus: (ApiStatus & { partij: string })[]; volgende: string | null };
  const api: Omit<ApiPagina, 'volgende'> = { termijnen: [], status: [], partijStatus: [] };
  for (let pad: string | null = '/api/v1/termijnen?limit=1000'; pad;) {
    const pagina = (await (await als(pad)).json()) as ApiPagina;
    api.termijnen.push(...pagina.termijnen);
    api.status.push(...pagina.status);
    api.partijStatus.push(...pagina.partijStatus);
    pad = pagina.volgende ? new URL(pagina.volgende, 'http://app.test').pathname + new URL(pagina.volgende, 'http://app.test').search : null;
  }

  // The matrix and the cell pages against the API's statuses.
  const matrix = await (await als('/matrix')).text();
  for (const s of api.status) {
    const pad = formatRegioJaarPad(s.regio, s.jaar);
    const cel = new RegExp(`<a class="cel" href="${pad}\\?peildatum=${vandaag}">([\\s\\S]*?)</a>`).exec(matrix)?.[1];
    if (!cel) {
      fouten.push(`matrix: no cell for ${s.regio} ${s.jaar}`);
      continue;
    }
    if (!cel.includes(`status-${s.status}"`)) fouten.push(`matrix ${s.regio} ${s.jaar}: not ${s.status}: ${zonderTags(cel)}`);
    if (s.veiligeUitersteDatum && !cel.includes(`t/m ${formatDatumKort(s.veiligeUitersteDatum)}`))
      fouten.push(`matrix ${s.regio} ${s.jaar}: safe date ${s.veiligeUitersteDatum} missing: ${zonderTags(cel)}`);
    // A running bezwaar is named beside "nog niet open" (issue 14: the matrix said "nog niet open", the overview "open").
    const lopendBezwaar = api.termijnen.filter(
      (x) => x.regio === s.regio && x.jaar === s.jaar && x.rechtsmiddel === 'bezwaar' && x.aanvang <= vandaag && x.einde >= vandaag,
    );
    if (lopendBezwaar.length && !cel.includes('bezwaar loopt')) fouten.push(`matrix ${s.regio} ${s.jaar}: running bezwaar not shown`);
  }
  const celPaginas = new Map<string, string>();
  for (const p of api.partijStatus) {
    const pad = formatRegioJaarPad(p.regio, p.jaar);
    if (!celPaginas.has(pad)) celPaginas.set(pad, await (await als(pad)).text());
    const rij = new RegExp(`<td data-kop="Partij">${p.partij.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</td>([\\s\\S]*?)</tr>`).exec(celPaginas.get(pad)!)?.[1];
    if (!rij) fouten.push(`${pad}: no row for ${p.partij}`);
    else {
      if (!rij.includes(`status-${p.status}"`)) fouten.push(`${pad} ${p.partij}: not ${p.status}`);
      if (p.veiligeUitersteDatum && !rij.includes(`t/m ${formatDatumKort(p.veiligeUitersteDatum)}`))
        fouten.push(`${pad} ${p.partij}: safe date ${p.veiligeUitersteDatum} missing`);
    }
    // A party's beroep term running today means its beroep is open (or pending), never "nog niet open".
    const lopend = api.termijnen.filter(
      (x) =>
        x.regio === p.regio &&
        x.jaar === p.jaar &&
        x.rechtsmiddel === 'beroep' &&
        x.soort === 'termijn' &&
        (x.partij ?? p.partij) === p.partij &&
        x.aanvang <= vandaag &&
        x.einde >= vandaag,
    );
    if (lopend.length && p.status === 'nog-niet-open') fouten.push(`${p.regio} ${p.jaar} ${p.partij}: nog niet open while ${lopend[0]!.besluit} runs`);
  }

  // The overview: each row's date is the API's date of that term; "nog niet open" exactly when it starts later.
  const overzicht = await (await als(`/?peildatum=${vandaag}`)).text();
  for (const rij of overzicht.match(/<tr class="urgentie-[\s\S]*?<\/tr>/g) ?? []) {
    if (rij.includes('Gedeeld venster')) continue;
    const datum = /<strong>([^<]+)<\/strong>/.exec(rij)?.[1];
    const besluit = /data-kop="Besluit">([^<]+)<br>/.exec(rij)?.[1]?.trim();
    const rechtsmiddel = rij.includes('data-kop="Rechtsmiddel">Beroep') ? 'beroep' : 'bezwaar';
    const termijn = api.termijnen.find((x) => x.besluit === besluit && x.rechtsmiddel === rechtsmiddel && formatDatumKort(x.einde) === datum);
    if (!termijn) fouten.push(`overview: ${rechtsmiddel} ${besluit} ${datum} is no term of the API`);
    else if (termijn.aanvang > vandaag !== rij.includes('nog niet open'))
      fouten.push(`overview: ${besluit} ${datum} open/not open differs from its start ${termijn.aanvang}`);
  }

  // Case pages: a beroep leads with its party's safe date, the same as the matrix; the reminder job names that date.
  const zaken = ((await (await als('/api/v1/zaken')).json()) as { zaken: ApiZaak[] }).zaken;
  const herinnerd = new Map(loadOpenZaakTermijnen(t.db, t.termijnen, vandaag).map((o) => [o.zaak.id, o.termijn.einde]));
  for (const zaak of zaken) {
    const pagina = await (await als(`/zaken/${zaak.id}`)).text();
    const stand =
      zaak.soort === 'beroep' ? api.partijStatus.find((p) => p.partij === zaak.zorgaanbieder && p.regio === zaak.regio && p.jaar === zaak.jaar) : undefined;
    const veilig = stand?.veiligeUitersteDatum;
    const kop = /Dien in uiterlijk: <strong>([^<]+)<\/strong>/.exec(pagina)?.[1];
    if (veilig && kop !== formatDatumLang(veilig)) fouten.push(`case ${zaak.id}: leads with ${kop ?? 'nothing'}, the party's safe date is ${veilig}`);
    if (!veilig && kop) fouten.push(`case ${zaak.id}: leads with ${kop}, the party has no safe date`);
    if (zaak.status === 'concept' && zaak.verantwoordelijkeId !== null && veilig && veilig >= vandaag && herinnerd.get(zaak.id) !== veilig)
      fouten.push(`case ${zaak.id}: reminded for ${herinnerd.get(zaak.id) ?? 'nothing'}, the case page says ${veilig}`);
  }

  // The calendar feed: every open client term (a party's) is an event on its last day, unless its case was filed. The
  // NZa files nothing: its feed stays empty.
  const instellingen = await (await als('/instellingen')).text();
  const feedPad = /http:\/\/app\.test(\/agenda\/[A-Za-z0-9_-]+\.ics)/.exec(instellingen)?.[1];
  if (feedPad && email !== DEMO.nza) {
    const events = Object.values(ical.sync.parseICS(await (await t.app.request(feedPad)).text())).filter((x): x is ical.VEvent => x?.type === 'VEVENT');
    const ingediend = new Set(zaken.filter((z) => z.status !== 'concept').map((z) => z.id));
    for (const x of api.termijnen.filter((x) => x.partij !== undefined && x.einde >= vandaag)) {
      const event = events.find(
        (e) =>
          String(e.summary).includes(`(${x.besluit})`) && String(e.summary).includes(`${x.regio} ${x.jaar}`) && e.start.toISOString().slice(0, 10) === x.einde,
      );
      if (!event && ingediend.size === 0) fouten.push(`calendar: no event for ${x.rechtsmiddel} ${x.besluit} ${x.partij} on ${x.einde}`);
    }
    for (const e of events) {
      const datum = e.start.toISOString().slice(0, 10);
      if (!api.termijnen.some((x) => x.einde === datum && String(e.summary).includes(`(${x.besluit})`)))
        fouten.push(`calendar: event ${String(e.summary)} on ${datum} is no term of the API`);
    }
  }
  return fouten;
}

describe('one truth: case page, overview, matrix, API, calendar and reminders agree (issue 14)', () => {
  it('on the demo data, for the NZa, a law firm and an in-house department, at several dates', async () => {
    for (const vandaag of ['2026-11-22', '2026-10-01', '2026-12-20', '2027-03-10']) {
      const t = createTestApp(vandaag);
      apps.push(t);
      for (const email of [DEMO.nza, DEMO.advocaat, DEMO.inhouse]) expect(await findTegenspraken(t, email, vandaag), `${email} on ${vandaag}`).toEqual([]);
      t.sluit();
      apps = [];
    }
  }, 180_000);

  it('in random scenarios: tariefbeschikkingen made known on random days, cases opened and filed', async () => {
    const besluit = fc.record({
      jaar: fc.constantFrom(2026, 2027),
      soort: fc.constantFrom('vaststelling', 'wijziging'),
      dagenGeleden: fc.integer({ min: 0, max: 120 }),
      zaak: fc.constantFrom('geen', 'beroep', 'bezwaar', 'beroep ingesteld'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(besluit, { minLength: 1, maxLength: 4 }), async (besluiten) => {
        const vandaag = '2026-11-22';
        const t = createTestApp(vandaag);
        apps.push(t);
        try {
          for (const [i, b] of besluiten.entries()) {
            const bekendgemaakt = addDagen(vandaag, -b.dagenGeleden);
            const kenmerk = `NZa/TB/2026-7${String(i).padStart(3, '0')}`;
            const r = await t.als(DEMO.advocaat)('/api/v1/besluiten', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({
                type: 'tariefbeschikking',
                kenmerk,
                zorgaanbieder: '90000003',
                regio: 'Amsterdam',
                jaar: b.jaar,
                soort: b.soort,
                besluitdatum: addDagen(bekendgemaakt, -2),
                bekendgemaakt,
              }),
            });
            expect(r.status, await r.clone().text()).toBe(201);
            if (b.zaak === 'geen') continue;
            const { id } = (await r.json()) as { id: number };
            const geopend = await t.als(DEMO.advocaat)('/zaken', {
              method: 'POST',
              body: formulier({ soort: b.zaak === 'bezwaar' ? 'bezwaar' : 'beroep', tariefbeschikkingId: String(id) }),
              headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
              redirect: 'manual',
            });
            const zaakId = /\/zaken\/(\d+)/.exec(geopend.headers.get('location') ?? '')?.[1];
            if (zaakId && b.zaak === 'beroep ingesteld')
              await t.als(DEMO.advocaat)(`/zaken/${zaakId}/ingesteld`, {
                method: 'POST',
                body: formulier({ ingesteld: `${vandaag.slice(8, 10)}-${vandaag.slice(5, 7)}-${vandaag.slice(0, 4)}` }),
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
              });
          }
          expect(await findTegenspraken(t, DEMO.advocaat, vandaag)).toEqual([]);
          expect(await findTegenspraken(t, DEMO.nza, vandaag)).toEqual([]);
        } finally {
          t.sluit();
          apps = apps.filter((a) => a !== t);
        }
      }),
      { numRuns: 6, seed: 14 },
    );
  }, 300_000);
});

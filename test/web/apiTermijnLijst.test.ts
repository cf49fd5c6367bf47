import { afterAll, describe, expect, it } from 'vitest';
import { dirname, join, resolve } from 'node:path';
import { createTestApp, DEMO, formulier, SESSIE_GEHEIM, SESSIE_TIJDEN, tariefbeschikkingJson } from '../support/testApp';
import { createTermijnService } from '../../src/services/termijnen/termijnService';
import { createAtwKalender } from '../../src/domain/kalender/atwKalender';
import { createApp } from '../../src/web/app';
import { createWeergave } from '../../src/web/weergave';
import { createFilingRenderer } from '../../src/documents/filingRenderer';
import { createOutboxVerzender } from '../../src/mail/verzender';
import { listOrganisatieActoren } from '../../src/services/toegang/actorService';
import { warmApiTermijnen } from '../../src/web/routes/termijnen/termijnenApi';
import { loadActorByEmail } from '../../src/services/toegang/actorService';
import { buildApiLijst, createApiTermijnLijsten } from '../../src/web/apiTermijnLijst';

/**
 * Issue 32.4: the whole list of GET /api/v1/termijnen, made per cell and merged across writes, is the same list — key
 * for key, item for item — as ordering every item at once (the reference), for every organisation and peildatum, at
 * start and after each write. A stale or misplaced term would show here as a difference.
 */
const t = createTestApp();
afterAll(() => t.sluit());
const lijsten = createApiTermijnLijsten();
const PEILDATA = ['2026-11-22', '2026-03-01', '2027-06-30'];
const ACTOREN = [DEMO.nza, DEMO.advocaat, DEMO.inhouse];

function vergelijk(stap: string) {
  for (const email of ACTOREN) {
    const actor = loadActorByEmail(t.db, email)!;
    for (const peildatum of PEILDATA) {
      const berekend = t.termijnen.computeVoorActor(actor, peildatum);
      const snel = lijsten.vanScope(`org-${actor.organisatieId}`, berekend);
      const referentie = buildApiLijst(berekend, {});
      const waar = `${stap}, ${email}, ${peildatum}`;
      expect(snel.sleutels.length, waar).toBe(referentie.sleutels.length);
      expect(snel.sleutels, waar).toEqual(referentie.sleutels);
      expect(
        snel.items.every((item, i) => item.soort === referentie.items[i]!.soort && item.x === referentie.items[i]!.x),
        waar,
      ).toBe(true);
    }
  }
}

describe('the whole terms list, made per cell', () => {
  it('equals the list ordered at once, at start and after every kind of write, merging only the changed cells', async () => {
    vergelijk('start');
    expect(lijsten.telling.volledig).toBeGreaterThan(0);
    const schrijven: [string, () => Response | Promise<Response>][] = [
      [
        'new tariefbeschikking',
        () =>
          t.als(DEMO.advocaat)('/api/v1/besluiten', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: tariefbeschikkingJson('NZa/TB/2026-LIJST1'),
          }),
      ],
      [
        'moved date',
        async () => {
          const id = (t.db.$client.prepare("SELECT id FROM tariefbeschikkingen WHERE kenmerk = 'NZa/TB/2026-LIJST1'").get() as { id: number }).id;
          return t.als(DEMO.advocaat)(`/besluiten/tariefbeschikking/${id}/bewerken`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: formulier({ besluitdatum: '2026-11-19', bekendgemaakt: '2026-11-20' }),
          });
        },
      ],
      [
        'second tariefbeschikking',
        () =>
          t.als(DEMO.advocaat)('/api/v1/besluiten', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: tariefbeschikkingJson('NZa/TB/2026-LIJST2').replace('Amsterdam', 'Utrecht'),
          }),
      ],
    ];
    for (const [stap, schrijf] of schrijven) {
      const r = await schrijf();
      expect(r.status, stap).toBeLessThan(400);
      const voor = lijsten.telling.incrementeel;
      vergelijk(stap);
      expect(lijsten.telling.incrementeel, stap).toBeGreaterThan(voor);
    }
  });

  it('serves the same first page through the API as the reference order', async () => {
    const r = await t.als(DEMO.nza)('/api/v1/termijnen?limit=5');
    const json = (await r.json()) as { termijnen: { besluit: string; einde: string }[] };
    const berekend = t.termijnen.computeVoorActor(loadActorByEmail(t.db, DEMO.nza)!, '2026-11-22');
    const verwacht = buildApiLijst(berekend, {})
      .items.filter((i) => i.soort === 'termijn')
      .slice(0, json.termijnen.length)
      .map((i) => ({ besluit: (i.x as { besluit: string }).besluit, einde: (i.x as { einde: string }).einde }));
    expect(json.termijnen.map((x) => ({ besluit: x.besluit, einde: x.einde }))).toEqual(verwacht);
  });
});

describe('warming at start (issue 32.4)', () => {
  it('computes every organisation’s first API page before the server says it is ready: the first request computes nothing', async () => {
    const termijnen = createTermijnService(t.db, { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() });
    const apiTermijnLijsten = createApiTermijnLijsten();
    const mail = { afzender: 'Termijnbewaking <termijnen@test.local>', appUrl: 'http://app.test' };
    const deps = {
      db: t.db,
      termijnen,
      weergave: createWeergave(resolve('templates'), { demo: true }),
      filings: createFilingRenderer(resolve('templates')),
      sessieGeheim: SESSIE_GEHEIM,
      beveiliging: { secureCookie: false, sessie: SESSIE_TIJDEN },
      verzender: createOutboxVerzender(t.db, mail, join(dirname(t.db.$client.name), 'outbox-warm')),
      vandaag: () => '2026-11-22',
      mail,
      webhookBeleid: { alleenHttps: false, interneAdressen: true },
      apiTermijnLijsten,
    };
    const app = createApp(deps);
    const actoren = listOrganisatieActoren(t.db);
    expect(new Set(actoren.map((a) => a.organisatieId)).size).toBe(actoren.length);
    expect(actoren.length).toBeGreaterThanOrEqual(3);
    warmApiTermijnen(deps, actoren);
    const na = { ...termijnen.telling, ...apiTermijnLijsten.telling };
    expect(na.volledigeLadingen).toBe(actoren.length);
    for (const email of [DEMO.nza, DEMO.advocaat, DEMO.inhouse]) {
      const r = await app.request('/api/v1/termijnen?limit=10', { headers: { Authorization: `Bearer ${t.aanmelding(email).bearer}` } });
      expect(r.status).toBe(200);
    }
    expect({ ...termijnen.telling, ...apiTermijnLijsten.telling }).toEqual(na);
  });
});

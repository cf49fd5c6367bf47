import { findEigenTariefbeschikking } from '../support/demoGegevens';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeAll(() => (t = createTestApp()));
afterAll(() => t.sluit());

const SCRIPT = '<script>alert(1)</script>';
const SQL = "'; DROP TABLE zaken; --";
const HUGE = 'x'.repeat(200_001);
const VIJANDIG = [SCRIPT, SQL, HUGE, '2026-02-30', '31-02-2026', '\u202Eevil\u202C', '💥', '\u0000', '', ' ', '-1', '1e309', 'null', '[]', '{"a":1}'];

interface Route {
  pad: string;
  basis: Record<string, string | string[]>;
  /** Fields that must reject every hostile value. */
  velden: string[];
}

// A valid payload per form; every field, filled with each hostile value in turn, must be refused.
function routes(): Route[] {
  const tbId = findEigenTariefbeschikking(t.db.$client, 'NZa/TB/2026-1744', 'Van Dam & Kuipers Advocaten');
  const concept = (t.db.$client.prepare(`SELECT id FROM zaken WHERE organisatie_id = 2 AND status = 'concept'`).get() as { id: number } | undefined)?.id;
  const ingediend = (t.db.$client.prepare(`SELECT id FROM zaken WHERE organisatie_id = 2 AND status = 'ingediend'`).get() as { id: number }).id;
  return [
    {
      pad: '/besluiten/tariefbeschikking',
      basis: {
        kenmerk: 'NZa/TB/9',
        zorgaanbieder: '90000003',
        regio: 'Amsterdam',
        jaar: '2027',
        soort: 'vaststelling',
        besluitdatum: '16-11-2026',
        bekendgemaakt: '18-11-2026',
      },
      velden: ['kenmerk', 'zorgaanbieder', 'regio', 'jaar', 'soort', 'besluitdatum', 'bekendgemaakt'],
    },
    {
      pad: '/besluiten/contracteerruimte',
      basis: {
        kenmerk: 'NZa/CR/9',
        soort: 'wijziging',
        besluitdatum: '16-11-2026',
        bekendgemaakt: '18-11-2026',
        regio: ['Zeeland'],
        jaar: ['2027'],
        bedrag: ['1.000,00'],
      },
      velden: ['kenmerk', 'soort', 'besluitdatum', 'bekendgemaakt', 'regio', 'jaar', 'bedrag'],
    },
    {
      pad: `/besluiten/tariefbeschikking/${tbId}/bewerken`,
      basis: { besluitdatum: '16-10-2026', bekendgemaakt: '20-10-2026' },
      velden: ['besluitdatum', 'bekendgemaakt'],
    },
    { pad: '/zaken', basis: { soort: 'bezwaar', tariefbeschikkingId: String(tbId) }, velden: ['soort', 'tariefbeschikkingId'] },
    ...(concept ? [{ pad: `/zaken/${concept}/ingesteld`, basis: { ingesteld: '20-11-2026' }, velden: ['ingesteld'] }] : []),
    { pad: `/zaken/${ingediend}/uitspraak`, basis: { afgerond: '20-11-2026', uitspraak: 'gegrond' }, velden: ['afgerond'] },
    { pad: `/zaken/${ingediend}/griffierecht`, basis: { griffierechtMededeling: '20-11-2026' }, velden: ['griffierechtMededeling'] },
  ];
}

// Values that are legitimately valid for a field are not hostile there: "2026-02-30" is a fine kenmerk.
const GELDIG_VOOR: Record<string, readonly unknown[]> = { kenmerk: ['2026-02-30', '31-02-2026', '1e309', 'null'] };

describe('hostile input never crashes a page nor leaves half-saved data', () => {
  it('every form field rejects every hostile value with a 4xx and an unchanged database', async () => {
    const voor = t.momentopname();
    let gecontroleerd = 0;
    for (const route of routes()) {
      for (const veld of route.velden) {
        for (const waarde of VIJANDIG) {
          if (GELDIG_VOOR[veld]?.includes(waarde)) continue;
          const basis = route.basis[veld];
          const body = { ...route.basis, [veld]: Array.isArray(basis) ? [waarde] : waarde };
          // Contracteerruimtebesluiten are the NZa's to register (issue 11); everything else as a law firm.
          const r = await t.als(route.pad === '/besluiten/contracteerruimte' ? DEMO.nza : DEMO.advocaat)(route.pad, {
            method: 'POST',
            body: formulier(body),
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          });
          const tekst = await r.text();
          expect([400, 404, 413, 422], `${route.pad} ${veld}=${JSON.stringify(waarde.slice(0, 30))} → ${r.status}`).toContain(r.status);
          expect(tekst).not.toContain(SCRIPT);
          gecontroleerd++;
        }
      }
    }
    expect(gecontroleerd).toBeGreaterThan(250);
    expect(t.momentopname()).toBe(voor);
  });

  it('a file where a text field is expected is refused', async () => {
    const voor = t.momentopname();
    const fd = new FormData();
    fd.append('kenmerk', new File(['x'], 'x.txt'));
    const r = await t.als(DEMO.advocaat)('/besluiten/tariefbeschikking', { method: 'POST', body: fd });
    expect(r.status).toBe(422);
    expect(t.momentopname()).toBe(voor);
  });

  it('the API rejects wrong types, hostile strings, bad JSON and oversized bodies', async () => {
    const voor = t.momentopname();
    const basis = {
      type: 'tariefbeschikking',
      kenmerk: 'API-9',
      zorgaanbieder: '90000003',
      regio: 'Amsterdam',
      jaar: 2027,
      soort: 'vaststelling',
      besluitdatum: '2026-11-16',
      bekendgemaakt: '2026-11-18',
    };
    const varianten: unknown[] = [
      ...Object.keys(basis).flatMap((veld) =>
        [...VIJANDIG, 42, true, null, [], {}].filter((w) => !GELDIG_VOOR[veld]?.includes(w)).map((w) => ({ ...basis, [veld]: w })),
      ),
      { ...basis, extra: 1 },
      [],
      'tekst',
      {
        type: 'contracteerruimte',
        kenmerk: 'X',
        soort: 'vaststelling',
        besluitdatum: '2026-11-16',
        bekendgemaakt: '2026-11-18',
        bedragen: [{ regio: SCRIPT, jaar: 2027, bedrag: 1 }],
      },
      { type: 'contracteerruimte', kenmerk: 'X', soort: 'vaststelling', besluitdatum: '2026-11-16', bekendgemaakt: '2026-11-18', bedragen: 'veel' },
    ];
    for (const v of varianten) {
      // A contracteerruimtebesluit as the NZa, who may register one: the hostile value must meet the input checks.
      const wie = typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'contracteerruimte' ? DEMO.nza : DEMO.advocaat;
      const r = await t.als(wie)('/api/v1/besluiten', { method: 'POST', body: JSON.stringify(v), headers: { 'Content-Type': 'application/json' } });
      expect([400, 413, 422], JSON.stringify(v).slice(0, 80)).toContain(r.status);
      const body = await r.json();
      expect(body.fouten.length).toBeGreaterThan(0);
      expect(body.fouten.every((f: { veld: unknown; melding: unknown }) => typeof f.veld === 'string' && typeof f.melding === 'string')).toBe(true);
    }
    for (const ruw of ['{', 'null', `{"a":"${'x'.repeat(1_100_000)}"}`]) {
      const r = await t.als(DEMO.advocaat)('/api/v1/besluiten', { method: 'POST', body: ruw, headers: { 'Content-Type': 'application/json' } });
      expect([400, 413, 422]).toContain(r.status);
    }
    expect(t.momentopname()).toBe(voor);
  });

  it('hostile query strings and paths get a 4xx or a safe page, never a crash', async () => {
    for (const w of VIJANDIG.filter((x) => x.length < 1000)) {
      const q = encodeURIComponent(w);
      for (const pad of [
        `/?regio=${q}&jaar=${q}&peildatum=${q}&zorgaanbieder=${q}`,
        `/matrix?peildatum=${q}`,
        `/matrix/${q}/${q}`,
        `/zaken/${q}`,
        `/export/termijnen.csv?jaar=${q}`,
        `/api/v1/termijnen?peildatum=${q}`,
        `/besluiten/tariefbeschikking/${q}/bewerken`,
      ]) {
        const r = await t.als(DEMO.advocaat)(pad);
        expect(r.status, pad).toBeLessThan(500);
        expect(await r.text()).not.toContain(SCRIPT);
      }
    }
  });

  it('an import file with hostile content is refused row by row and writes nothing', async () => {
    const voor = t.momentopname();
    const regels = VIJANDIG.filter((w) => w.length < 1000).map((w) => `${w};${w};${w};${w};${w};${w};${w}`);
    const fd = new FormData();
    fd.append('soort', 'contracteerruimte');
    fd.append('bestand', new File([`kenmerk;soort;besluitdatum;bekendgemaakt;regio;jaar;bedrag\n${regels.join('\n')}\n`], 'vijandig.csv'));
    const r = await t.als(DEMO.nza)('/import/voorbeeld', { method: 'POST', body: fd });
    expect(r.status).toBe(422);
    expect(await r.text()).not.toContain(SCRIPT);
    const binair = new FormData();
    binair.append('soort', 'tariefbeschikkingen');
    binair.append('bestand', new File([new Uint8Array([0xff, 0xfe, 0x00, 0x41])], 'binair.csv'));
    expect((await t.als(DEMO.nza)('/import/voorbeeld', { method: 'POST', body: binair })).status).toBe(422);
    expect(t.momentopname()).toBe(voor);
  });

  it('free text is stored as typed and shown escaped', async () => {
    const id = (t.db.$client.prepare(`SELECT id FROM zaken WHERE organisatie_id = 2 LIMIT 1`).get() as { id: number }).id;
    const r = await t.als(DEMO.advocaat)(`/zaken/${id}/notities`, {
      method: 'POST',
      body: formulier({ notities: `${SCRIPT} ${SQL} 💥`, verantwoordelijkeId: '' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(r.status).toBe(303);
    const html = await (await t.als(DEMO.advocaat)(`/zaken/${id}`)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain(SCRIPT);
    expect((t.db.$client.prepare('SELECT count(*) AS n FROM zaken').get() as { n: number }).n).toBeGreaterThan(0);
  });
});

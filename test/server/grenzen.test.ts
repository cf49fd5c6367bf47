import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier, tariefbeschikkingJson } from '../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const MB = 1024 * 1024;

/** A body sent in chunks without Content-Length, as a client streaming an endless upload would. */
function gestroomd(bytes: number): { body: ReadableStream<Uint8Array>; duplex: 'half' } {
  let verstuurd = 0;
  const stuk = new Uint8Array(64 * 1024).fill(97);
  return {
    body: new ReadableStream({
      pull(c) {
        if (verstuurd >= bytes) return c.close();
        verstuurd += stuk.length;
        c.enqueue(stuk);
      },
    }),
    duplex: 'half',
  };
}

describe('request body limits (MAX_FORMULIER_MB, MAX_UPLOAD_MB)', () => {
  it('refuses a form over 1 MB with 413 and a Dutch page, and saves nothing', async () => {
    const voor = t.db.$client.prepare('SELECT count(*) FROM zaken').pluck().get();
    const r = await t.als(DEMO.inhouse)('/zaken', {
      method: 'POST',
      body: formulier({ notities: 'x'.repeat(MB + 10) }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(r.status).toBe(413);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(await r.text()).toContain('groter dan 1 MB; er is niets opgeslagen');
    expect(t.db.$client.prepare('SELECT count(*) FROM zaken').pluck().get()).toBe(voor);
  });

  it('the import page states the upload limit the server applies (issue 30.8), and a file over it is refused with that number', async () => {
    const pagina = await (await t.als(DEMO.advocaat)('/import')).text();
    expect(pagina).toContain('hoogstens 10 MB, ook uitgepakt)');
    const form = new FormData();
    form.set('soort', 'tariefbeschikkingen');
    form.set('bestand', new Blob(['x'.repeat(10 * MB + 10)], { type: 'text/csv' }), 'groot.csv');
    const r = await t.als(DEMO.advocaat)('/import/voorbeeld', { method: 'POST', body: form });
    expect(r.status).toBe(413);
    expect(await r.text()).toContain('10 MB');
    // Sent by htmx from the import page: the refusal in place of the result, not a page inside the page.
    const htmx = await t.als(DEMO.advocaat)('/import/voorbeeld', { method: 'POST', body: form, headers: { 'HX-Request': 'true' } });
    expect(htmx.status).toBe(413);
    const fragment = await htmx.text();
    expect(fragment).toContain('<strong>Te groot.</strong> Wat u verstuurde is groter dan 10 MB');
    expect(fragment).not.toContain('<main');
    expect(fragment).not.toContain('<header');
  });

  it('refuses a streamed (chunked) form body as soon as it passes the limit', async () => {
    const r = await t.als(DEMO.inhouse)('/zaken', {
      method: 'POST',
      ...gestroomd(3 * MB),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    } as RequestInit);
    expect(r.status).toBe(413);
  });

  it('answers the API with 413 and {"fout": …} in Dutch', async () => {
    const r = await t.als(DEMO.advocaat)('/api/v1/besluiten', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'tariefbeschikking', opvulling: 'x'.repeat(MB) }),
    });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { fout: string }).fout).toBe('het verzoek is groter dan 1 MB; er is niets opgeslagen');
  });

  it('lets a CSV import up to 10 MB through to the import, and refuses one over 10 MB', async () => {
    const csv = (bytes: number) => {
      const f = new FormData();
      f.set('soort', 'tariefbeschikkingen');
      f.set('bestand', new File(['kenmerk;zorgaanbieder\r\n' + 'a;b\r\n'.repeat(Math.floor(bytes / 5))], 'groot.csv', { type: 'text/csv' }));
      return f;
    };
    const binnen = await t.als(DEMO.advocaat)('/import/voorbeeld', { method: 'POST', body: csv(3 * MB) });
    expect(binnen.status).not.toBe(413);
    const buiten = await t.als(DEMO.advocaat)('/import/voorbeeld', { method: 'POST', body: csv(11 * MB) });
    expect(buiten.status).toBe(413);
    expect(await buiten.text()).toContain('groter dan 10 MB');
  });
});

describe('JSON limits (MAX_JSON_DIEPTE, MAX_JSON_WAARDEN)', () => {
  const post = (body: string) => t.als(DEMO.advocaat)('/api/v1/besluiten', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

  it('refuses deeply nested JSON with 400 and a Dutch message, never a 500', async () => {
    for (const diep of ['['.repeat(100_000), `{"a":${'['.repeat(40)}1${']'.repeat(40)}}`, '{"a":'.repeat(50_000)]) {
      const r = await post(diep);
      expect(r.status).toBe(400);
      expect(JSON.stringify(await r.json())).toContain('dieper genest dan 32 niveaus');
    }
  });

  it('refuses JSON with more values than allowed with 400', async () => {
    const r = await post(`{"type":"tariefbeschikking","x":[${'1,'.repeat(150_000)}1]}`);
    expect(r.status).toBe(400);
    expect(JSON.stringify(await r.json())).toContain('meer dan 100.000 waarden');
  });

  it('still takes a normal body, strings with brackets included', async () => {
    expect((await post(tariefbeschikkingJson('HAAK-1'))).status).toBe(201);
    // Brackets inside a string are no nesting: the body passes the limits and reaches validation (an unknown field).
    const body = JSON.parse(tariefbeschikkingJson('HAAK-2')) as Record<string, unknown>;
    const r = await post(JSON.stringify({ ...body, toelichting: '['.repeat(100) + '{'.repeat(100) + '\\"]]' }));
    expect(r.status).toBe(422);
    expect(await r.json()).toEqual({ fout: 'ongeldige invoer', fouten: [{ veld: 'toelichting', melding: 'onbekend veld' }] });
  });
});

type Pagina = Record<string, unknown[]> & { volgende: string | null };

/** Follows the Link headers from `pad` and returns every page. */
async function walk(email: string, pad: string) {
  const paginas: { json: Pagina; link: string | null }[] = [];
  let volgende: string | null = pad;
  while (volgende) {
    const r = await t.als(email)(volgende);
    expect(r.status).toBe(200);
    const link = r.headers.get('link');
    paginas.push({ json: (await r.json()) as Pagina, link });
    volgende = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1]! : null;
    expect(paginas.length).toBeLessThan(1000);
  }
  return paginas;
}

describe('paging of the API lists (limit, cursor, Link)', () => {
  const LIJSTEN = ['termijnen', 'uitsluitingen', 'status', 'partijStatus', 'waarschuwingen'] as const;

  it('walks every term, exclusion and status of /api/v1/termijnen exactly once, in the order of the one big page', async () => {
    const geheel = (await (await t.als(DEMO.nza)('/api/v1/termijnen?limit=1000')).json()) as Pagina;
    const aantal = LIJSTEN.reduce((n, l) => n + geheel[l]!.length, 0);
    expect(aantal).toBeGreaterThan(20);
    expect(aantal).toBeLessThan(1000); // the demo fits one page; so this page is the whole list
    expect(geheel.volgende).toBeNull();

    const paginas = await walk(DEMO.nza, '/api/v1/termijnen?limit=7');
    expect(paginas.length).toBe(Math.ceil(aantal / 7));
    expect(paginas.slice(0, -1).every((p) => LIJSTEN.reduce((n, l) => n + p.json[l]!.length, 0) === 7)).toBe(true);
    expect(paginas.at(-1)!.link).toBeNull();
    for (const lijst of LIJSTEN) {
      const gelopen = paginas.flatMap((p) => p.json[lijst]!).map((x) => JSON.stringify(x));
      expect(gelopen, lijst).toEqual(geheel[lijst]!.map((x) => JSON.stringify(x)));
    }
  });

  it('defaults to 100, keeps the filter and the peildatum in the Link, and pages the other lists too', async () => {
    const r = await t.als(DEMO.nza)('/api/v1/termijnen?regio=Utrecht&limit=3');
    const link = r.headers.get('link')!;
    expect(link).toMatch(/^<\/api\/v1\/termijnen\?regio=Utrecht&limit=3&peildatum=2026-11-22&cursor=[A-Za-z0-9_-]+>; rel="next"$/);
    const json = (await r.json()) as Pagina;
    expect(link).toContain(json.volgende!);

    const zaken = await walk(DEMO.advocaat, '/api/v1/zaken?limit=1');
    expect(zaken.flatMap((p) => p.json.zaken!).map((z) => (z as { id: number }).id)).toEqual([5, 2, 1]);
    const besluiten = await walk(DEMO.nza, '/api/v1/besluiten?limit=2');
    const alle = (await (await t.als(DEMO.nza)('/api/v1/besluiten')).json()) as Pagina;
    expect(besluiten.flatMap((p) => p.json.tariefbeschikkingen!)).toEqual(alle.tariefbeschikkingen);
    expect(besluiten.flatMap((p) => p.json.contracteerruimtebesluiten!)).toEqual(alle.contracteerruimtebesluiten);
  });

  it('meets a term added between two pages once, and never repeats one', async () => {
    const eerste = await t.als(DEMO.advocaat)('/api/v1/termijnen?limit=5');
    const gezien = new Set(((await eerste.json()) as Pagina).termijnen!.map((x) => JSON.stringify(x)));
    await t.als(DEMO.advocaat)('/api/v1/besluiten', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: tariefbeschikkingJson('TUSSENDOOR'),
    });
    const rest = await walk(DEMO.advocaat, /^<([^>]+)>/.exec(eerste.headers.get('link')!)![1]!);
    const verder = rest.flatMap((p) => p.json.termijnen!).map((x) => JSON.stringify(x));
    expect(verder.filter((x) => gezien.has(x))).toEqual([]);
    expect(new Set(verder).size).toBe(verder.length);
  });

  it('refuses a bad cursor or limit with 400 and a Dutch message', async () => {
    const r = await t.als(DEMO.nza)('/api/v1/termijnen?limit=2');
    const cursor = ((await r.json()) as Pagina).volgende!;
    for (const [pad, veld] of [
      ['/api/v1/termijnen?cursor=niet-van-ons', 'cursor'],
      ['/api/v1/termijnen?cursor=' + Buffer.from('{"v":1}').toString('base64url'), 'cursor'],
      [`/api/v1/termijnen?regio=Utrecht&cursor=${cursor}`, 'cursor'], // another filter than the cursor's
      [`/api/v1/zaken?cursor=${cursor}`, 'cursor'], // another list
      ['/api/v1/termijnen?limit=0', 'limit'],
      ['/api/v1/termijnen?limit=1001', 'limit'],
      ['/api/v1/zaken?limit=veel', 'limit'],
    ] as const) {
      const a = await t.als(DEMO.nza)(pad);
      expect(a.status, pad).toBe(400);
      const fout = ((await a.json()) as { fouten: { veld: string; melding: string }[] }).fouten[0]!;
      expect(fout.veld, pad).toBe(veld);
      expect(fout.melding, pad).toMatch(
        veld === 'cursor' ? /^ongeldige cursor: gebruik de cursor uit de Link-kop/ : /^limit moet een geheel getal van 1 tot en met 1000 zijn$/,
      );
    }
  });
});

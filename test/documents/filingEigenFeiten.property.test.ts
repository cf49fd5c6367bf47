import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import mammoth from 'mammoth';
import { createTestApp, DEMO, formulier } from '../support/testApp';
import { FILING_SOORTEN } from '../../src/domain/filings/filingSoorten';

/**
 * Issue 29.1, the property: over random multi-client data of one firm, no filing of any kind, dated any day, names a
 * zaaknummer, name or KvK number of another client, and every amount it prints is one set for the case's own region and
 * year. Each run adds its own clients, tariefbeschikkingen and cases (some filed, with a zaaknummer) to the demo data.
 */
let t: ReturnType<typeof createTestApp>;
beforeAll(() => (t = createTestApp()));
afterAll(() => t.sluit());

const FIRMA = `(SELECT id FROM organisaties WHERE naam = 'Van Dam & Kuipers Advocaten')`;
const vorm = (velden: Record<string, string>) => ({
  method: 'POST',
  body: formulier(velden),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
});
const id = (sql: string, ...p: unknown[]) => (t.db.$client.prepare(sql).get(...p) as { id: number }).id;
const euro = (centen: number) =>
  `€ ${Math.floor(centen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${String(centen % 100).padStart(2, '0')}`;

interface Client {
  naam: string;
  kvk: string;
  zaaknummer: string;
}
const alle: Client[] = [
  { naam: 'Stichting Amstelhof Wonen en Zorg', kvk: '90000003', zaaknummer: '26/0417' },
  { naam: 'Maasoever Gehandicaptenzorg B.V.', kvk: '90000004', zaaknummer: '26/0288' },
  { naam: 'Stichting Zorggroep Heuvelrand', kvk: '90000002', zaaknummer: 'HEUVELRAND-GEEN-ZAAK' },
];
let run = 0;

const clientArb = fc.record({
  regio: fc.constantFrom('Amsterdam', 'Utrecht', 'Rotterdam'),
  jaar: fc.constantFrom(2026, 2027),
  soort: fc.constantFrom('vaststelling', 'wijziging'),
  bekendDag: fc.integer({ min: 0, max: 80 }),
  ingediend: fc.boolean(),
});

describe('property: a filing states only facts of its own client (issue 29.1)', () => {
  it('no zaaknummer, name or KvK number of another client; every amount from the case’s own region and year', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(clientArb, { minLength: 2, maxLength: 3 }), fc.integer({ min: 0, max: 120 }), async (clienten, dagtekeningDag) => {
        run++;
        const zaken: { zaakId: number; client: Client; regio: string; jaar: number }[] = [];
        for (const [i, c] of clienten.entries()) {
          const client: Client = {
            naam: `Zorgzaam R${String(run).padStart(3, '0')}K${i} B.V.`,
            kvk: `7${String(run).padStart(3, '0')}${String(i).padStart(2, '0')}00`,
            zaaknummer: `26/8${String(run).padStart(2, '0')}${i}`,
          };
          alle.push(client);
          const r = await t.als(DEMO.advocaat)('/api/v1/clienten', {
            method: 'POST',
            body: JSON.stringify({ naam: client.naam, kvk: client.kvk, adres: `Laan ${run}`, postcode: '1234 AB', plaats: 'Zorgdorp' }),
            headers: { 'Content-Type': 'application/json' },
          });
          expect(r.status, await r.clone().text()).toBe(201);
          const bekend = new Date(Date.UTC(2026, 8, 1 + c.bekendDag)).toISOString().slice(0, 10);
          const dd = (iso: string) => iso.split('-').reverse().join('-');
          const kenmerk = `NZa/TB/2026-P${run}${i}`;
          const tb = await t.als(DEMO.advocaat)(
            '/besluiten/tariefbeschikking',
            vorm({
              kenmerk,
              zorgaanbieder: client.kvk,
              regio: c.regio,
              jaar: String(c.jaar),
              soort: c.soort,
              besluitdatum: dd(bekend),
              bekendgemaakt: dd(bekend),
            }),
          );
          expect(tb.status).toBe(303);
          const tbId = id(`SELECT id FROM tariefbeschikkingen WHERE kenmerk = ? AND organisatie_id = ${FIRMA}`, kenmerk);
          for (const soort of ['beroep', 'bezwaar']) {
            const open = await t.als(DEMO.advocaat)('/zaken', vorm({ soort, tariefbeschikkingId: String(tbId) }));
            expect(open.status).toBe(303);
            const zaakId = Number(/\/zaken\/(\d+)/.exec(open.headers.get('location')!)![1]);
            await t.als(DEMO.advocaat)(
              `/zaken/${zaakId}/documenten/aanvulling`,
              vorm({ soort: 'clientbrief', gronden: 'Grond.', spoedeisendBelang: 'Spoed.', belangenafweging: 'Weging.', aanvullendeGronden: 'Aanvulling.' }),
            );
            if (c.ingediend) {
              const ingesteld = new Date(Date.UTC(2026, 8, 2 + c.bekendDag)).toISOString().slice(0, 10);
              const r2 = await t.als(DEMO.advocaat)(
                `/zaken/${zaakId}/ingesteld`,
                vorm({ ingesteld: dd(ingesteld), ...(soort === 'beroep' ? { cbbZaaknummer: client.zaaknummer } : {}) }),
              );
              expect(
                r2.status,
                (await r2.clone().text())
                  .replace(/<[^>]+>/g, ' ')
                  .replace(/\s+/g, ' ')
                  .match(/Niet[^.]*\.[^.]*\.[^.]*/)?.[0],
              ).toBe(303);
            }
            zaken.push({ zaakId, client, regio: c.regio, jaar: c.jaar });
          }
        }
        const dagtekening = new Date(Date.UTC(2026, 8, 1 + dagtekeningDag)).toISOString().slice(0, 10);
        for (const z of zaken) {
          const bedragen = new Set(
            (
              t.db.$client
                .prepare(
                  `SELECT b.bedrag_centen AS c FROM contracteerruimtebedragen b JOIN zorgkantoorregios r ON r.id = b.regio_id WHERE r.naam = ? AND b.jaar = ?`,
                )
                .all(z.regio, z.jaar) as { c: number }[]
            ).map((b) => euro(b.c)),
          );
          for (const soort of FILING_SOORTEN) {
            const r = await t.als(DEMO.advocaat)(`/api/v1/zaken/${z.zaakId}/stukken/${soort}.docx?dagtekening=${dagtekening}`);
            expect([200, 404, 409, 422], `${soort}: ${r.status}`).toContain(r.status);
            if (r.status !== 200) continue;
            const tekst = (await mammoth.extractRawText({ buffer: Buffer.from(await r.arrayBuffer()) })).value.replace(/\s+/g, ' ');
            expect(tekst).toContain(z.client.naam);
            for (const ander of alle.filter((a) => a !== z.client)) {
              expect(tekst, `${soort} of ${z.client.naam} names ${ander.naam}`).not.toContain(ander.naam);
              expect(tekst, `${soort} of ${z.client.naam}`).not.toContain(ander.kvk);
              expect(tekst, `${soort} of ${z.client.naam}`).not.toContain(ander.zaaknummer);
            }
            for (const [bedrag] of tekst.matchAll(/€ [\d.]+,\d{2}/g)) expect(bedragen, `${soort}: ${bedrag}`).toContain(bedrag);
          }
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});

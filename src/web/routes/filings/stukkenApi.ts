import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../appContext';
import { loadZaak } from '../../../services/zaken/zaakOverzicht';
import { renderFiling } from '../../../services/filings/filingService';
import { FILING_SOORTEN, type FilingSoort } from '../../../domain/filings/filingSoorten';
import { isGeldigeIsoDatum } from '../../../domain/kalender/kalenderdatum';
import { weigerOnbekendeZaak, weigerVeldFouten } from '../../apiMiddleware';
import { FoutSchema, jsonAntwoord, LIJST_FOUTEN, NIET_GEVONDEN, ZaakIdParam } from '../../apiSchemas';
import { contentDisposition, DOCX } from '../../bestandKoppen';

/** GET /api/v1/zaken/{id}/stukken/{bestand} (declared in the OpenAPI document). */
export function declareStukkenApi(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  // The filing as the wizard would make it from the case's current data (issue 13, point 10): nothing is stored.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/zaken/{id}/stukken/{bestand}',
      summary: 'Een stuk als Word-bestand',
      description: 'Het stuk zoals de wizard het uit de huidige gegevens van de zaak maakt; er wordt niets opgeslagen.',
      request: {
        params: ZaakIdParam.extend({
          bestand: z
            .string()
            .openapi({ param: { name: 'bestand', in: 'path' }, description: FILING_SOORTEN.map((s) => `${s}.docx`).join(', '), example: 'clientbrief.docx' }),
        }),
        query: z.object({ dagtekening: z.string().optional().openapi({ format: 'date', description: 'de dagtekening (JJJJ-MM-DD); standaard vandaag' }) }),
      },
      responses: {
        200: { content: { [DOCX]: { schema: z.string().openapi({ format: 'binary' }) } }, description: 'het Word-bestand' },
        409: jsonAntwoord(FoutSchema, 'dit stuk past niet bij de zaak (de reden)'),
        422: jsonAntwoord(FoutSchema, 'gegevens ontbreken (`fouten`)'),
        ...NIET_GEVONDEN,
        ...LIJST_FOUTEN,
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const zaak = loadZaak(deps.db, actor, c.req.valid('param').id);
      if (!zaak) return weigerOnbekendeZaak(c);
      const soort = /^(.+)\.docx$/.exec(c.req.valid('param').bestand)?.[1];
      if (!soort || !(FILING_SOORTEN as readonly string[]).includes(soort)) {
        return c.json({ fout: `onbekend stuk; kies uit ${FILING_SOORTEN.map((s) => `${s}.docx`).join(', ')}` }, 404);
      }
      const vandaag = deps.vandaag();
      // The draft's date (issue 29.8): `?dagtekening=YYYY-MM-DD`, today when absent.
      const gevraagd = c.req.valid('query').dagtekening;
      if (gevraagd !== undefined && !isGeldigeIsoDatum(gevraagd))
        return weigerVeldFouten(c, [{ veld: 'dagtekening', melding: 'geen geldige datum (JJJJ-MM-DD)' }], 400);
      const gemaakt = await renderFiling(deps.db, deps.termijnen, deps.filings, actor, zaak, soort as FilingSoort, {
        dagtekening: gevraagd ?? vandaag,
        vandaag,
        samenhang: zaak.soort === 'bezwaar',
        griffierechtTarieven: deps.griffierechtTarieven ?? [],
      });
      if (gemaakt.ok)
        return c.body(new Uint8Array(gemaakt.docx), 200, { 'Content-Type': DOCX, 'Content-Disposition': contentDisposition(gemaakt.bestandsnaam) });
      const v = gemaakt.voorbereiding;
      if (v.soort === 'geweigerd') return c.json({ fout: v.reden }, 409);
      return c.json({ fout: 'gegevens ontbreken', fouten: v.ontbrekend.map((o) => ({ veld: o.veld, melding: o.melding })) }, 422);
    },
  );
}

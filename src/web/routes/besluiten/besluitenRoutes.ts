import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../appContext';
import { CONTRACTEERRUIMTE_SOORTEN, TARIEFBESCHIKKING_SOORTEN, TARIEFBESCHIKKING_SOORT_LABEL, type Besluit } from '../../../domain/besluiten/besluit';
import { loadRegioRegister } from '../../../services/regios/regioBeheer';
import { formatRegioJaarPad } from '../../../opmaak/opmaak';
import { createContracteerruimtebesluit, createTariefbeschikking, updateBesluitDatums } from '../../../services/besluiten/besluitRegistratie';
import { loadBesluitUitPad } from '../../padLaders';
import { loadClienten } from '../../../services/zaken/clientService';
import { compareBedragen, diffBerekend, previewBesluit, previewWatAls } from '../../../services/termijnen/termijnVoorbeeld';
import { contracteerruimtebesluitInvoer, datumInvoerVeld, tariefbeschikkingInvoer, tariefbeschikkingVoorbeeldInvoer } from '../../../validation/besluitInvoer';
import { toVeldFouten, type VeldFout } from '../../../validation/velden';
import { enkel, formulierValidator, foutenPerVeld, readFormulier, validateInvoer } from '../../formulier';
import { paginaContext } from '../../paginaContext';
import { can } from '../../../services/toegang/permissies';
import { listWijzigingen } from '../../../services/gedeeld/auditService';
import { z } from 'zod';

type Waarden = Record<string, string | string[]>;
const BEDRAG_REGELS_STANDAARD = 3;

const lijst = (w: string | string[] | undefined): string[] => (w === undefined ? [] : Array.isArray(w) ? w : [w]);

/** The form's repeated regio/jaar/bedrag inputs as rows; rows left entirely empty are ignored. */
function bedragRegels(waarden: Waarden) {
  const regios = lijst(waarden.regio);
  const jaren = lijst(waarden.jaar);
  const bedragen = lijst(waarden.bedrag);
  const aantal = Math.max(regios.length, jaren.length, bedragen.length);
  return Array.from({ length: aantal }, (_, i) => ({ regio: regios[i] ?? '', jaar: jaren[i] ?? '', bedrag: bedragen[i] ?? '' })).filter(
    (r) => r.regio.trim() || r.jaar.trim() || r.bedrag.trim(),
  );
}

function crInvoerUitFormulier(waarden: Waarden) {
  return {
    kenmerk: enkel(waarden.kenmerk) ?? '',
    soort: enkel(waarden.soort) ?? '',
    besluitdatum: enkel(waarden.besluitdatum) ?? '',
    bekendgemaakt: enkel(waarden.bekendgemaakt) ?? '',
    bedragen: bedragRegels(waarden),
  };
}

function tbInvoerUitFormulier(waarden: Waarden) {
  return Object.fromEntries(['kenmerk', 'zorgaanbieder', 'regio', 'jaar', 'soort', 'besluitdatum', 'bekendgemaakt'].map((v) => [v, enkel(waarden[v]) ?? '']));
}

/** Mounted at /besluiten. */
/** The regions a new decision can name: the current ones of the live division (merged ones end, renamed ones renamed). */
const regioKeuzes = (deps: AppDeps) => loadRegioRegister(deps.db).alle.filter((r) => r.geldigTot === null);

export function besluitenRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  function renderFormulier(
    c: Context<AppEnv>,
    type: 'contracteerruimte' | 'tariefbeschikking',
    waarden: Waarden = {},
    fouten: VeldFout[] = [],
    status: 200 | 422 = 200,
  ) {
    const actor = c.get('actor');
    const perVeld = foutenPerVeld(fouten);
    const regels = bedragRegels(waarden);
    while (regels.length < BEDRAG_REGELS_STANDAARD) regels.push({ regio: '', jaar: '', bedrag: '' });
    const gekozen = (v: string | undefined, w: string) => v !== undefined && v.toLocaleLowerCase('nl') === w.toLocaleLowerCase('nl');
    const tb = tbInvoerUitFormulier(waarden) as Record<string, string>;
    return c.html(
      deps.weergave.render('besluitNieuw', {
        ...paginaContext(c, 'registreren'),
        titel: 'Besluit registreren',
        isCr: type === 'contracteerruimte',
        // Issue 28.4: only the NZa registers contracteerruimtebesluiten; nobody else is offered the form (or its tab).
        magContracteerruimte: can(actor, 'contracteerruimte.registreren'),
        waarden: type === 'contracteerruimte' ? crInvoerUitFormulier(waarden) : tb,
        fouten: perVeld,
        foutLijst: fouten,
        regels: regels.map((r, i) => ({
          ...r,
          index: i,
          regioOpties: regioKeuzes(deps).map((z) => ({ waarde: z.naam, gekozen: gekozen(r.regio, z.naam) })),
          fouten: { regio: perVeld[`bedragen[${i}].regio`], jaar: perVeld[`bedragen[${i}].jaar`], bedrag: perVeld[`bedragen[${i}].bedrag`] },
        })),
        regioOpties: regioKeuzes(deps).map((z) => ({ waarde: z.naam, gekozen: gekozen(tb.regio, z.naam) })),
        zorgaanbiederOpties: loadClienten(deps.db, actor).map((z) => ({
          waarde: z.kvkNummer,
          label: `${z.naam} (KvK ${z.kvkNummer})`,
          gekozen: z.kvkNummer === tb.zorgaanbieder,
        })),
        tbSoortOpties: TARIEFBESCHIKKING_SOORTEN.map((s) => ({
          waarde: s,
          label: TARIEFBESCHIKKING_SOORT_LABEL[s],
          gekozen: s === (tb.soort || 'vaststelling'),
        })),
        crSoortOpties: CONTRACTEERRUIMTE_SOORTEN.map((s) => ({ waarde: s, gekozen: s === (enkel(waarden.soort) || 'vaststelling') })),
      }),
      status,
    );
  }

  app.get('/nieuw', (c) =>
    renderFormulier(
      c,
      c.req.query('type') === 'contracteerruimte' && can(c.get('actor'), 'contracteerruimte.registreren') ? 'contracteerruimte' : 'tariefbeschikking',
    ),
  );

  app.get('/contracteerruimte/regel', (c) => {
    const index = z.coerce.number().int().min(0).max(400).catch(BEDRAG_REGELS_STANDAARD).parse(c.req.query('index'));
    return c.html(
      deps.weergave.render(
        'bedragRegel',
        { index, regioOpties: regioKeuzes(deps).map((z) => ({ waarde: z.naam })), volgendeIndex: index + 1 },
        { fragment: true },
      ),
    );
  });

  app.post(
    '/contracteerruimte',
    formulierValidator(
      contracteerruimtebesluitInvoer,
      (c, fouten, waarden) => renderFormulier(c, 'contracteerruimte', waarden, fouten, 422),
      crInvoerUitFormulier,
    ),
    (c) => {
      const { invoer, waarden } = c.req.valid('form');
      const resultaat = createContracteerruimtebesluit(deps.db, c.get('actor'), invoer, deps.vandaag());
      if (!resultaat.ok) return renderFormulier(c, 'contracteerruimte', waarden, resultaat.fouten, 422);
      const eerste = invoer.bedragen[0]!;
      return c.redirect(`${formatRegioJaarPad(eerste.regio, eerste.jaar)}?klaar=besluit`, 303);
    },
  );

  app.post(
    '/tariefbeschikking',
    formulierValidator(tariefbeschikkingInvoer, (c, fouten, waarden) => renderFormulier(c, 'tariefbeschikking', waarden, fouten, 422), tbInvoerUitFormulier),
    (c) => {
      const { invoer, waarden } = c.req.valid('form');
      const resultaat = createTariefbeschikking(deps.db, c.get('actor'), invoer, deps.vandaag());
      if (!resultaat.ok) return renderFormulier(c, 'tariefbeschikking', waarden, resultaat.fouten, 422);
      return c.redirect(`${formatRegioJaarPad(invoer.regio, invoer.jaar)}?klaar=besluit`, 303);
    },
  );

  function renderOnvolledig(c: Context<AppEnv>, fouten: VeldFout[]) {
    const velden = [...new Set(fouten.map((f) => f.veld.replace(/^bedragen\[\d+\]\./, '')))];
    return c.html(deps.weergave.render('besluitVoorbeeld', { onvolledig: true, velden: velden.join(', ') }, { fragment: true }));
  }

  // htmx: as the user types, show the terms the decision will open, or why none opens.
  app.post('/voorbeeld', async (c) => {
    const actor = c.get('actor');
    const { waarden } = await readFormulier(c);
    const isCr = enkel(waarden.type) === 'contracteerruimte';
    const kenmerk = enkel(waarden.kenmerk)?.trim() || '(nieuw besluit)';
    let kandidaten: Besluit[];
    let bedragVergelijking: ReturnType<typeof compareBedragen> | undefined;
    if (isCr) {
      const invoer = validateInvoer(contracteerruimtebesluitInvoer, {
        ...crInvoerUitFormulier(waarden),
        kenmerk: 'voorbeeld',
        besluitdatum: enkel(waarden.bekendgemaakt) ?? '',
      });
      if (!invoer.ok) return renderOnvolledig(c, invoer.fouten);
      const { soort, bekendgemaakt, bedragen } = invoer.data;
      bedragVergelijking = compareBedragen(deps.termijnen.computeVoorActor(actor, deps.vandaag()).contracteerruimte, {
        kenmerk,
        soort,
        bekendgemaakt,
        bedragen: bedragen.map((b) => ({ regio: loadRegioRegister(deps.db).find(b.regio)?.naam ?? b.regio, jaar: b.jaar, bedragCenten: b.bedrag })),
      });
      kandidaten = [...new Set(bedragen.map((b) => b.regio))].map((regio) => ({
        id: kenmerk,
        type: 'contracteerruimte',
        soort,
        regio,
        bekendgemaakt,
        jaren: bedragen.filter((b) => b.regio === regio).map((b) => b.jaar),
      }));
    } else {
      const invoer = validateInvoer(tariefbeschikkingVoorbeeldInvoer, tbInvoerUitFormulier(waarden));
      // Terms belong to a party (termijnregels §4): without the addressee the preview would reason for nobody.
      const kvk = enkel(waarden.zorgaanbieder);
      const aanbieder = kvk ? loadClienten(deps.db, actor).find((z) => z.kvkNummer === kvk)?.naam : undefined;
      const fouten = [...(invoer.ok ? [] : invoer.fouten), ...(aanbieder ? [] : [{ veld: 'zorgaanbieder', melding: 'kies de zorgaanbieder' }])];
      if (!invoer.ok || !aanbieder) return renderOnvolledig(c, fouten);
      kandidaten = [{ id: kenmerk, type: 'tariefbeschikking', ...invoer.data, aanbieder }];
    }
    const berekend = deps.termijnen.computeVoorActor(actor, deps.vandaag());
    // The engine knows regions by their name in the live division (a renamed region may be typed by its old name).
    const register = loadRegioRegister(deps.db);
    const voorbeelden = kandidaten.map((k) => previewBesluit(berekend.invoer, { ...k, regio: register.find(k.regio)?.naam ?? k.regio }, deps.termijnen.config));
    return c.html(
      deps.weergave.render(
        'besluitVoorbeeld',
        {
          termijnen: voorbeelden.flatMap((v) => v.termijnen),
          uitsluitingen: voorbeelden.flatMap((v) => v.uitsluitingen),
          waarschuwingen: [
            ...new Map([...voorbeelden.flatMap((v) => v.waarschuwingen), ...(bedragVergelijking?.waarschuwingen ?? [])].map((w) => [w.melding, w])).values(),
          ],
          bedragen: bedragVergelijking?.bedragen,
          vandaag: deps.vandaag(),
        },
        { fragment: true },
      ),
    );
  });

  // Editing a decision's dates recomputes every dependent term and shows what changed.
  const datumsInvoer = z
    .object({ besluitdatum: datumInvoerVeld(), bekendgemaakt: datumInvoerVeld() })
    .strict()
    .refine((d) => d.bekendgemaakt >= d.besluitdatum, {
      error: 'de bekendmaking kan niet vóór de besluitdatum liggen',
      path: ['bekendgemaakt'],
    });

  // The decision named in the path, if the actor can see it (404 otherwise); editing it: if allowed (403 otherwise).
  app.use('/:type/:id', loadBesluitUitPad(deps));
  app.use('/:type/:id/*', loadBesluitUitPad(deps));

  // The decision and its "Wijzigingen" (the audit log of this decision).
  app.get('/:type/:id', (c) => {
    const besluit = c.get('besluit');
    return c.html(
      deps.weergave.render('besluit', {
        ...paginaContext(c, 'registreren'),
        titel: besluit.kenmerk,
        besluit,
        wijzigingen: listWijzigingen(deps.db, besluit.type === 'contracteerruimte' ? 'contracteerruimtebesluit' : 'tariefbeschikking', besluit.id),
      }),
    );
  });

  const renderBewerken = (c: Context<AppEnv>, fouten: VeldFout[], waarden: Record<string, unknown>, status: 200 | 422 = 422) => {
    const besluit = c.get('besluit');
    return c.html(
      deps.weergave.render('besluitBewerken', {
        ...paginaContext(c, 'registreren'),
        titel: `${besluit.kenmerk} bewerken`,
        besluit,
        waarden,
        fouten: foutenPerVeld(fouten),
        wijzigingen: listWijzigingen(deps.db, besluit.type === 'contracteerruimte' ? 'contracteerruimtebesluit' : 'tariefbeschikking', besluit.id),
      }),
      status,
    );
  };

  app.get('/:type/:id/bewerken', (c) => renderBewerken(c, [], { ...c.get('besluit') }, 200));

  // What-if: another bekendmaking, or a hypothetical next step of the NZa; the engine's diff, nothing written.
  const watAlsInvoer = z
    .object({
      besluitdatum: z.string().optional(),
      bekendgemaakt: z.preprocess((w) => (w === '' ? undefined : w), datumInvoerVeld().optional()),
      hypothese: z.preprocess((w) => (w === '' ? undefined : w), z.enum(['wijziging-contracteerruimte', 'gewijzigde-tariefbeschikking']).optional()),
      hypotheseOp: z.preprocess((w) => (w === '' ? undefined : w), datumInvoerVeld().optional()),
    })
    .strict()
    .refine((d) => !d.hypothese || d.hypotheseOp, { error: 'vul de datum van de hypothetische stap in', path: ['hypotheseOp'] });

  app.post('/:type/:id/watals', async (c) => {
    const besluit = c.get('besluit');
    const { waarden, fouten: leesFouten } = await readFormulier(c);
    const parsed = watAlsInvoer.safeParse(Object.fromEntries(Object.entries(waarden).map(([k, v]) => [k, enkel(v)])));
    const fouten = [...leesFouten, ...(parsed.success ? [] : toVeldFouten(parsed.error))];
    if (fouten.length > 0 || !parsed.success) {
      return c.html(deps.weergave.render('watAls', { fouten: fouten }, { fragment: true }), 422);
    }
    const vraag = parsed.data;
    const berekend = deps.termijnen.computeVoorActor(c.get('actor'), deps.vandaag());
    const diff = previewWatAls(
      berekend,
      { type: besluit.type, kenmerk: besluit.kenmerk },
      {
        bekendgemaakt: vraag.bekendgemaakt,
        hypothese: vraag.hypothese && vraag.hypotheseOp ? { soort: vraag.hypothese, op: vraag.hypotheseOp } : undefined,
      },
      deps.termijnen.config,
    );
    return c.html(deps.weergave.render('watAls', { ...diff, vraag, besluit }, { fragment: true }));
  });

  app.post(
    '/:type/:id/bewerken',
    formulierValidator(datumsInvoer, renderBewerken, (w) => ({ besluitdatum: enkel(w.besluitdatum) ?? '', bekendgemaakt: enkel(w.bekendgemaakt) ?? '' })),
    (c) => {
      const besluit = c.get('besluit');
      const actor = c.get('actor');
      const { invoer, waarden } = c.req.valid('form');
      const peildatum = deps.vandaag();
      const voor = deps.termijnen.computeVoorActor(actor, peildatum);
      const resultaat = updateBesluitDatums(deps.db, c.get('actor'), besluit, invoer, peildatum);
      if (!resultaat.ok) return renderBewerken(c, resultaat.fouten, waarden);
      const na = deps.termijnen.computeVoorActor(actor, peildatum);
      return c.html(
        deps.weergave.render('besluitGewijzigd', {
          ...paginaContext(c, 'registreren'),
          titel: 'Wijzigingen',
          besluit,
          oud: besluit,
          nieuw: invoer,
          ...diffBerekend(voor, na),
        }),
      );
    },
  );
  return app;
}

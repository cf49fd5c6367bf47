import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDagen, formatDatumKort, vroegsteDatum, type IsoDatum } from '../../../src/domain/kalender/kalenderdatum';
import type { Beroep } from '../../../src/domain/besluiten/besluit';
import { computeStatus, StatusTermijnen, type StatusContext, type StatusTermijn } from '../../../src/domain/termijnen/regioJaarStatus';
import { TWIJFEL_INWERKINGTREDING } from '../../../src/domain/termijnen/twijfelTeksten';

const PEILDATUM = '2027-03-10';

/** A list of terms summarised in its order, as the engine adds a cell's terms from its columns. */
function summarizeStatusTermijnen(termijnen: readonly StatusTermijn[], context: Pick<StatusContext, 'peildatum' | 'versie'>): StatusTermijnen {
  const samenvatting = new StatusTermijnen(context);
  const bron = { twijfelVan: (i: number) => termijnen[i]!.twijfel };
  termijnen.forEach((t, i) => samenvatting.add(t.einde, t.aanvang, t.soort, t.versie, bron, i));
  return samenvatting;
}

/** Termijnregels §7: the doubt a status adds when a term against an earlier version still ran at the amendment. */
const wijzigingTwijfel = (besluit: string) =>
  `Een termijn tegen de contracteerruimte zoals die gold vóór besluit ${besluit} liep nog toen dat ` +
  'besluit verscheen. Of beroep tegen de oorspronkelijke vaststelling dan nog zin heeft, hangt af van de wijziging; ' +
  'dien uit voorzorg tijdig in.';

/**
 * Termijnregels §6 and §7 read off the list of terms by filters, as the status was computed before the terms came
 * summarised in one pass (`StatusTermijnen`): what the summary must give for any list.
 */
function readStatusVanLijst(termijnen: readonly StatusTermijn[], context: StatusContext) {
  const nogNietVerstreken = termijnen.filter((t) => t.einde >= context.peildatum);
  const geopend = nogNietVerstreken.filter((t) => t.aanvang <= context.peildatum);
  const twijfels = new Set<string>();
  for (const t of nogNietVerstreken) {
    const eigen = t.twijfel?.replace(TWIJFEL_INWERKINGTREDING, '').trim();
    if (eigen) twijfels.add(eigen);
  }
  return {
    veilig: geopend.length > 0 ? vroegsteDatum(nogNietVerstreken.map((t) => t.einde)) : undefined,
    eindes: [...new Set(nogNietVerstreken.map((t) => t.einde))].sort(),
    opent: nogNietVerstreken.length > 0 ? vroegsteDatum(nogNietVerstreken.map((t) => t.aanvang)) : undefined,
    laatsteEinde: termijnen.length > 0 ? termijnen.map((t) => t.einde).reduce((a, b) => (b > a ? b : a)) : undefined,
    alleenBeschermend: termijnen.every((t) => t.soort === 'beschermend'),
    twijfels: [...twijfels],
    tegenEerdereVersie: nogNietVerstreken.some((t) => t.versie < context.versie),
  };
}

const datumRond = (dagen: number) => fc.integer({ min: -dagen, max: dagen }).map((d) => addDagen(PEILDATUM, d));

const termijnArb: fc.Arbitrary<StatusTermijn> = fc
  .record({
    aanvang: datumRond(60),
    duur: fc.integer({ min: 0, max: 60 }),
    // The amendment's own sentence among them: a status says each doubt once.
    twijfel: fc.constantFrom(
      undefined,
      'Twijfel A.',
      'Twijfel B.',
      TWIJFEL_INWERKINGTREDING,
      `${TWIJFEL_INWERKINGTREDING} Twijfel A.`,
      wijzigingTwijfel('CR-2'),
    ),
    versie: fc.integer({ min: 0, max: 3 }),
    soort: fc.constantFrom('termijn' as const, 'beschermend' as const),
  })
  .map(({ aanvang, duur, ...rest }) => ({ aanvang, einde: addDagen(aanvang, duur), bekendgemaakt: aanvang, partij: undefined, ...rest }));

const beroepArb: fc.Arbitrary<Beroep> = fc
  .record({ ingesteld: datumRond(40), afgerond: fc.option(datumRond(40), { nil: null }) })
  .map(({ ingesteld, afgerond }) => ({ tegen: 'CR-1', jaar: 2027, ingesteld, afgerond: afgerond !== null && afgerond < ingesteld ? ingesteld : afgerond }));

const contextArb: fc.Arbitrary<StatusContext> = fc.record({
  regio: fc.constant('Groningen'),
  jaar: fc.constant(2027),
  peildatum: fc.constant(PEILDATUM),
  oudRegime: fc.boolean(),
  inwerkingtreding: fc.constant('2025-01-01'),
  wachtOpGewijzigdeTariefbeschikking: fc.boolean(),
  contracteerruimte: fc.constantFrom(undefined, 'CR-2'),
  versie: fc.integer({ min: 0, max: 3 }),
});

describe('the status of beroep from summarised terms (termijnregels §6, §7)', () => {
  it('summarises a list as the rules read it off by filters, in one pass', () => {
    fc.assert(
      fc.property(fc.array(termijnArb, { maxLength: 12 }), contextArb, (termijnen, context) => {
        const samenvatting = summarizeStatusTermijnen(termijnen, context);
        const verwacht = readStatusVanLijst(termijnen, context);
        expect(samenvatting.geopend ? samenvatting.vroegsteEinde : undefined).toBe(verwacht.veilig);
        expect([...samenvatting.eindes].sort()).toEqual(verwacht.eindes);
        expect(samenvatting.nogNietVerstreken > 0 ? samenvatting.vroegsteAanvang : undefined).toBe(verwacht.opent);
        expect(samenvatting.aantal > 0 ? samenvatting.laatsteEinde : undefined).toBe(verwacht.laatsteEinde);
        expect(samenvatting.alleenBeschermend).toBe(verwacht.alleenBeschermend);
        expect([...samenvatting.twijfels]).toEqual(verwacht.twijfels);
        expect(samenvatting.tegenEerdereVersie).toBe(verwacht.tegenEerdereVersie);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the status its terms call for: pending beroep, open, not yet open, onherroepelijk or waiting', () => {
    fc.assert(
      fc.property(
        fc.array(termijnArb, { maxLength: 8 }),
        fc.array(beroepArb, { maxLength: 2 }),
        contextArb,
        fc.boolean(),
        (termijnen, beroepen, context, perPartij) => {
          const partij = perPartij ? 'AGB-000001' : undefined;
          const status = computeStatus(summarizeStatusTermijnen(termijnen, context), beroepen, context, partij);
          const verwacht = readStatusVanLijst(termijnen, context);
          const lopend = beroepen.filter((b) => b.ingesteld <= PEILDATUM && (b.afgerond === null || b.afgerond > PEILDATUM));
          const soort =
            lopend.length > 0
              ? 'in-beroep'
              : verwacht.veilig
                ? 'open'
                : verwacht.opent
                  ? 'nog-niet-open'
                  : termijnen.length > 0
                    ? 'onherroepelijk'
                    : 'nog-niet-open';
          expect(status.status).toBe(soort);
          expect(status.veiligeUitersteDatum).toBe(soort === 'in-beroep' || soort === 'open' ? verwacht.veilig : undefined);
          expect(status.opent).toBe(soort === 'nog-niet-open' ? verwacht.opent : undefined);
          expect(status.oudRegime).toBe(soort === 'nog-niet-open' && !verwacht.opent && context.oudRegime ? true : undefined);
          if (soort === 'onherroepelijk') {
            // The day after the last term, or the day a beroep ended, whichever is later (§6).
            const afgerond = beroepen.flatMap((b) => (b.afgerond !== null && b.afgerond <= PEILDATUM ? [b.afgerond] : []));
            expect(status.sinds).toBe([addDagen(verwacht.laatsteEinde!, 1), ...afgerond].reduce((a, b) => (b > a ? b : a)));
            if (verwacht.alleenBeschermend)
              expect(status.twijfel).toContain(
                context.wachtOpGewijzigdeTariefbeschikking
                  ? 'geen gewijzigde tariefbeschikking'
                  : 'geen tariefbeschikking met goedgekeurde productieafspraken onder deze contracteerruimte',
              );
            else expect(status.twijfel).toBeUndefined();
            // Art. 6:9 lid 2 Awb (termijnregels §6): the postal week while the last day closed it and at most seven days have passed.
            const perPost = status.sinds === addDagen(verwacht.laatsteEinde!, 1) && PEILDATUM <= addDagen(verwacht.laatsteEinde!, 7);
            expect(status.perPostUiterlijkOntvangen).toBe(perPost ? addDagen(verwacht.laatsteEinde!, 7) : undefined);
          } else {
            // Each doubt once, the terms' own before the amendment's (§7: an amendment never silently moves a safe date).
            const wijziging = verwacht.tegenEerdereVersie && context.contracteerruimte ? wijzigingTwijfel(context.contracteerruimte) : undefined;
            const delen = wijziging && !verwacht.twijfels.includes(wijziging) ? [...verwacht.twijfels, wijziging] : verwacht.twijfels;
            expect(status.twijfel).toBe(delen.length > 0 ? delen.join('\n\n') : undefined);
          }
          if (soort === 'in-beroep') expect(status.toelichting).toContain(`ingesteld op ${formatDatumKort(lopend.map((b) => b.ingesteld).sort()[0]!)}`);
          if (soort === 'open') {
            // §7: with several last days each is named, the earliest is the safe one; the region-year points to the parties.
            if (verwacht.eindes.length > 1) expect(status.toelichting).toContain(`(${verwacht.eindes.map(formatDatumKort).join(', ')})`);
            else expect(status.toelichting).not.toContain('verschillende laatste dagen');
            expect(status.toelichting.includes('zie de stand per partij')).toBe(verwacht.eindes.length > 1 && !partij);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    {
      geval: 'overlapping terms: the earliest last day is the safe date, every last day named (§7)',
      eindes: ['2027-04-01', '2027-03-20', '2027-04-01'] as IsoDatum[],
      veilig: '2027-03-20',
      tekst: 'verschillende laatste dagen (20 maart 2027, 1 april 2027)',
    },
    {
      geval: 'one last day shared by every term: no overlap to tell (§7)',
      eindes: ['2027-04-01', '2027-04-01'] as IsoDatum[],
      veilig: '2027-04-01',
      tekst: undefined,
    },
  ])('$geval', ({ eindes, veilig, tekst }) => {
    const context: StatusContext = {
      regio: 'Groningen',
      jaar: 2027,
      peildatum: PEILDATUM,
      oudRegime: false,
      inwerkingtreding: undefined,
      wachtOpGewijzigdeTariefbeschikking: false,
      contracteerruimte: 'CR-1',
      versie: 1,
    };
    const termijnen: StatusTermijn[] = eindes.map((einde) => ({
      einde,
      aanvang: '2027-03-01',
      twijfel: undefined,
      versie: 1,
      soort: 'termijn',
      partij: undefined,
      bekendgemaakt: '2027-02-01',
    }));
    const status = computeStatus(summarizeStatusTermijnen(termijnen, context), [], context);
    expect(status.status).toBe('open');
    expect(status.veiligeUitersteDatum).toBe(veilig);
    if (tekst) expect(status.toelichting).toContain(tekst);
    else expect(status.toelichting).not.toContain('verschillende laatste dagen');
  });
});

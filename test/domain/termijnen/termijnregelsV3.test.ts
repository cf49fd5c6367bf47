import { describe, expect, it } from 'vitest';
import { createAtwKalender } from '../../../src/domain/kalender/atwKalender';
import { describeAfleiding } from '../../../src/domain/termijnen/afleiding';
import { describeToelichting } from '../../../src/domain/termijnen/termijnToelichting';
import { splitTwijfels, TWIJFEL_INWERKINGTREDING } from '../../../src/domain/termijnen/twijfelTeksten';
import type { Termijn, TermijnConfig } from '../../../src/domain/termijnen/termijn';
import { beroep, CONFIG, cr, run, tb, tbVoor } from './scenarioBouwer';

// Worked examples for the rules as corrected on 2026-12-07 (termijnregels §4, §5, §6, §8, §9, §10; cli-termijnen.md
// "Version 3 changes"). Every date below was worked out by hand from the articles named, not taken from the engine:
// six weeks = bekendmaking + 42 days (art. 6:7, 6:8 lid 1 Awb), a lid-3 window 1 March – 11 April (art. 105 lid 3 Wmg),
// the end moved by art. 1 and 3 Atw.

const ZK_TWENTE = { partij: 'Zorgkantoor Twente', soort: 'zorgkantoor' as const, regio: 'Twente' };
const ZK_UTRECHT = { partij: 'Zorgkantoor Utrecht', soort: 'zorgkantoor' as const, regio: 'Utrecht' };
const beroepen = (u: ReturnType<typeof run>, besluit: string) => u.termijnen.filter((t) => t.rechtsmiddel === 'beroep' && t.besluit === besluit);
const teksten = (t: Termijn, config: TermijnConfig = CONFIG) =>
  [describeToelichting(t, config), t.twijfel ?? '', ...describeAfleiding(t, config).map((s) => s.stap)].join('\n');

describe('termijnregels §4 (v3): a besluit for a year that is not future, without a tariefbeschikking — no party without a date', () => {
  it('the zorgkantoor asked for gets a possibly fatal date from the besluit’s own bekendmaking (art. 6:7, 6:8 lid 1 Awb)', () => {
    // Wijziging for 2030 made known Tuesday 12 February 2030: 13 February – Tuesday 26 March 2030.
    const u = run({ besluiten: [cr('CR-W', '2030-02-12', [2030], 'wijziging', 'Twente')], partijen: [ZK_TWENTE], peildatum: '2030-02-20' });
    expect(beroepen(u, 'CR-W')).toEqual([
      expect.objectContaining({
        partij: 'Zorgkantoor Twente',
        soort: 'beschermend',
        regel: 'besluit-zonder-tariefbeschikking',
        aanvang: '2030-02-13',
        einde: '2030-03-26',
        grondslag: ['art. 6:7 Awb', 'art. 6:8 lid 1 Awb'],
      }),
    ]);
    expect(beroepen(u, 'CR-W')[0]!.twijfel).toContain('Mogelijk fatale datum');
    expect(u.partijStatus).toEqual([expect.objectContaining({ partij: 'Zorgkantoor Twente', status: 'open', veiligeUitersteDatum: '2030-03-26' })]);
    expect(u.status[0]).toMatchObject({ status: 'open', veiligeUitersteDatum: '2030-03-26' });
  });

  it('a provider with an earlier tariefbeschikking in the region is a party too; a tariefbeschikking that follows adds its lid-2 term and the earliest is safe (§7)', () => {
    // A: tariefbeschikking 2029 (5 March 2029). Vaststelling 2030 made known 15 January 2030 → 26 February 2030; TB 2030
    // to A on 5 February 2030 → 19 March 2030 (art. 105 lid 2 Wmg).
    const besluiten = [tbVoor('A', 'TB-A29', '2029-03-05', 2029), cr('CR-30', '2030-01-15', [2030]), tbVoor('A', 'TB-A30', '2030-02-05', 2030)];
    const u = run({ besluiten, peildatum: '2030-02-10' });
    // A's own date, and — the zorgkantoor not being named — one for every party of the region (no party without a date).
    expect(beroepen(u, 'CR-30').map((t) => [t.partij, t.soort, t.einde])).toEqual([
      [undefined, 'beschermend', '2030-02-26'],
      ['A', 'beschermend', '2030-02-26'],
    ]);
    expect(beroepen(u, 'TB-A30')).toEqual([expect.objectContaining({ partij: 'A', soort: 'termijn', einde: '2030-03-19' })]);
    expect(u.partijStatus.find((p) => p.partij === 'A' && p.jaar === 2030)).toMatchObject({ status: 'open', veiligeUitersteDatum: '2030-02-26' });
  });

  it('a possibly fatal date does not close beroep (lid 4): a tariefbeschikking after it still opens its own term', () => {
    // The date ran out on 26 February 2030; A's tariefbeschikking of 5 March 2030 opens 6 March – 16 April 2030.
    const besluiten = [tbVoor('A', 'TB-A29', '2029-03-05', 2029), cr('CR-30', '2030-01-15', [2030]), tbVoor('A', 'TB-A30', '2030-03-05', 2030)];
    const u = run({ besluiten, peildatum: '2030-03-06' });
    expect(beroepen(u, 'TB-A30')).toEqual([expect.objectContaining({ partij: 'A', soort: 'termijn', einde: '2030-04-16' })]);
    expect(u.uitsluitingen.filter((x) => x.reden === 'onherroepelijk')).toEqual([]);
    expect(u.partijStatus.find((p) => p.partij === 'A' && p.jaar === 2030)).toMatchObject({ status: 'open', veiligeUitersteDatum: '2030-04-16' });
  });

  it.each([
    // Vaststelling 2030 made known Tuesday 5 February 2030: six weeks to Tuesday 19 March 2030.
    ['a tariefbeschikking for another year on the same day', '2030-02-05', 2029, ['2030-03-19']],
    ['a first tariefbeschikking for another year while the six weeks run', '2030-02-20', 2029, ['2030-03-19']],
    // A tariefbeschikking for 2030 itself on 12 February 2030 opens its lid-2 term to 26 March 2030: no §4 date besides.
    ['a first tariefbeschikking for this year after the besluit: its lid-2 term only', '2030-02-12', 2030, ['2030-03-26']],
  ])('a provider that becomes a party of the region around the besluit — %s', (_naam, bekendgemaakt, jaar, eindes) => {
    const u = run({
      besluiten: [cr('CR-30', '2030-02-05', [2030]), tbVoor('P', 'TB-P', bekendgemaakt, jaar)],
      partijen: [ZK_UTRECHT],
      peildatum: '2030-02-25',
    });
    const vanP = u.termijnen.filter((t) => t.rechtsmiddel === 'beroep' && t.partij === 'P' && t.jaar === 2030).map((t) => t.einde);
    expect(vanP).toEqual(eindes);
    expect(u.partijStatus.find((p) => p.partij === 'P' && p.jaar === 2030)).toMatchObject({ status: 'open', veiligeUitersteDatum: eindes[0] });
  });

  it('the zorgkantoor named: every party has its own date, so none for the region (cli-termijnen.md v3)', () => {
    const besluiten = [tbVoor('A', 'TB-A29', '2029-03-05', 2029), cr('CR-30', '2030-01-15', [2030])];
    const u = run({ besluiten, partijen: [ZK_UTRECHT], peildatum: '2030-02-10' });
    expect(beroepen(u, 'CR-30').map((t) => t.partij)).toEqual(['A', 'Zorgkantoor Utrecht']);
  });

  it('the texts speak of the day of bekendmaking: a tariefbeschikking registered later does not make them untrue', () => {
    const besluiten = [tbVoor('A', 'TB-A29', '2029-03-05', 2029), cr('CR-30', '2030-01-15', [2030]), tbVoor('A', 'TB-A30', '2030-02-05', 2030)];
    const [t] = beroepen(run({ besluiten }), 'CR-30');
    expect(t!.twijfel).toContain('op de dag van bekendmaking was voor Utrecht 2030 nog geen tariefbeschikking bekendgemaakt');
    expect(describeToelichting(t!, CONFIG)).toContain('toen nog zonder tariefbeschikking');
  });

  it('with no party known, one date for the region, open to every party (like a lid-3 window)', () => {
    const u = run({ besluiten: [cr('CR-30', '2030-01-15', [2030])], peildatum: '2030-01-20' });
    const [t] = beroepen(u, 'CR-30');
    expect(t).toMatchObject({ soort: 'beschermend', aanvang: '2030-01-16', einde: '2030-02-26' });
    expect(t!.partij).toBeUndefined();
    expect(u.status[0]).toMatchObject({ status: 'open', veiligeUitersteDatum: '2030-02-26' });
  });

  it('a past year too; a future year keeps its lid-3 window and gets no such date', () => {
    const u = run({ besluiten: [cr('CR', '2030-01-15', [2029, 2031])], partijen: [ZK_UTRECHT], peildatum: '2030-01-20' });
    expect(beroepen(u, 'CR').map((t) => [t.jaar, t.regel, t.einde])).toEqual([
      [2029, 'besluit-zonder-tariefbeschikking', '2030-02-26'],
      // 1 March – 11 April 2031, Goede Vrijdag (art. 3 lid 2 Atw), Easter, tweede Paasdag → Tuesday 15 April 2031.
      [2031, 'art-105-lid-3', '2031-04-15'],
    ]);
  });
});

describe('termijnregels §5 (v3): "no tariefbeschikking yet" read at the bekendmaking; one before 1 March gives both terms with the doubt', () => {
  it('a lid-3 window and the lid-2 term of a tariefbeschikking made known before 1 March: both, the earliest safe', () => {
    const u = run({ besluiten: [cr('CR-31', '2030-11-12', [2031]), tbVoor('A', 'TB-A', '2030-12-10', 2031)], peildatum: '2030-12-15' });
    const [venster] = beroepen(u, 'CR-31');
    expect(venster).toMatchObject({ regel: 'art-105-lid-3', aanvang: '2031-03-01', einde: '2031-04-15' });
    expect(venster!.twijfel).toContain('1 maart');
    expect(venster!.twijfel).toContain('10 december 2030');
    expect(beroepen(u, 'TB-A')).toEqual([expect.objectContaining({ partij: 'A', einde: '2031-01-21' })]);
    // The lid-2 term carries the same doubt: which of the two applies depends on the moment lid 3 is read.
    expect(beroepen(u, 'TB-A')[0]!.twijfel).toContain('1 maart');
    expect(u.partijStatus.find((p) => p.partij === 'A')).toMatchObject({ status: 'open', veiligeUitersteDatum: '2031-01-21' });
  });

  it('a tariefbeschikking after 1 March raises no such doubt', () => {
    const u = run({ besluiten: [cr('CR-31', '2030-11-12', [2031]), tbVoor('A', 'TB-A', '2031-03-04', 2031)], peildatum: '2031-03-05' });
    expect(beroepen(u, 'CR-31')[0]!.twijfel).toBeUndefined();
  });
});

describe('termijnregels §6 (v3): a newcomer after a lid-3 window keeps its term (art. 1:2 Awb; art. 105 lid 2 and 4 Wmg)', () => {
  // Window 1 March – Thursday 11 April 2030. A had a tariefbeschikking in Utrecht before it closed; N did not.
  const besluiten = [
    cr('CR-31', '2029-10-16', [2031]),
    tbVoor('A', 'TB-A30', '2029-12-04', 2030),
    tbVoor('A', 'TB-A31', '2030-11-19', 2031),
    tbVoor('N', 'TB-N31', '2030-11-19', 2031),
  ];

  it('the newcomer gets a statutory term with the doubt; the party that could use the window gets the lid-4 exclusion', () => {
    const u = run({ besluiten, partijen: [ZK_UTRECHT], peildatum: '2030-11-25' });
    expect(beroepen(u, 'TB-N31')).toEqual([expect.objectContaining({ partij: 'N', soort: 'termijn', regel: 'art-105-lid-2', einde: '2030-12-31' })]);
    expect(beroepen(u, 'TB-N31')[0]!.twijfel).toContain('art. 1:2 Awb');
    expect(u.uitsluitingen.filter((x) => x.besluit === 'TB-N31' && x.partij === 'N')).toEqual([]);
    expect(u.uitsluitingen.find((x) => x.besluit === 'TB-A31' && x.partij === 'A')).toMatchObject({ reden: 'onherroepelijk', eindeAlsToch: '2030-12-31' });
    // The zorgkantoor was belanghebbende while the window ran: never a newcomer.
    expect(u.uitsluitingen.find((x) => x.besluit === 'TB-N31' && x.partij === 'Zorgkantoor Utrecht')).toMatchObject({ reden: 'onherroepelijk' });
    const stand = (partij: string) => u.partijStatus.find((p) => p.partij === partij && p.jaar === 2031);
    expect(stand('N')).toMatchObject({ status: 'open', veiligeUitersteDatum: '2030-12-31' });
    expect(stand('A')).toMatchObject({ status: 'onherroepelijk', sinds: '2030-04-12' });
    expect(u.status.find((s) => s.jaar === 2031)).toMatchObject({ status: 'open', veiligeUitersteDatum: '2030-12-31' });
  });

  it('after its own term the newcomer is a party like any other: a later tariefbeschikking without amendment opens nothing (lid 4)', () => {
    const u = run({ besluiten: [...besluiten, tbVoor('N', 'TB-N31W', '2031-03-04', 2031, 'wijziging')], peildatum: '2031-03-05' });
    expect(u.uitsluitingen.find((x) => x.besluit === 'TB-N31W' && x.partij === 'N')).toMatchObject({ reden: 'onherroepelijk', eindeAlsToch: '2031-04-15' });
  });
});

describe('termijnregels §6 and §9 (v3): the postal week on a status that has just turned onherroepelijk (art. 6:9 lid 2 Awb)', () => {
  // TB made known Tuesday 5 March 2030: last day Tuesday 16 April 2030; the postal week runs to Tuesday 23 April 2030.
  const besluiten = [cr('CR-30', '2029-11-13', [2030]), tbVoor('A', 'TB-A', '2030-03-05', 2030)];
  it('while the peildatum is at most seven days after the last day', () => {
    const u = run({ besluiten: [tbVoor('A', 'TB-A', '2030-03-05', 2030)], peildatum: '2030-04-23' });
    expect(u.partijStatus[0]).toMatchObject({ status: 'onherroepelijk', sinds: '2030-04-17', perPostUiterlijkOntvangen: '2030-04-23' });
    expect(u.status[0]).toMatchObject({ status: 'onherroepelijk', perPostUiterlijkOntvangen: '2030-04-23' });
    expect(run({ besluiten: [tbVoor('A', 'TB-A', '2030-03-05', 2030)], peildatum: '2030-04-24' }).partijStatus[0]!.perPostUiterlijkOntvangen).toBeUndefined();
  });
  it('not when an uitspraak, not a last day, made it onherroepelijk', () => {
    const u = run({ besluiten, beroepen: [beroep('TB-A', 2030, '2030-04-01', '2030-04-18')], peildatum: '2030-04-20' });
    expect(u.partijStatus.find((p) => p.partij === 'A')).toMatchObject({ status: 'onherroepelijk', sinds: '2030-04-18' });
    expect(u.partijStatus.find((p) => p.partij === 'A')!.perPostUiterlijkOntvangen).toBeUndefined();
  });
});

describe('termijnregels §8 (v3): near the entry into force an oud-regime exclusion carries the doubt and the date', () => {
  const OP_1_JULI: TermijnConfig = { inwerkingtreding: '2026-07-01', kalender: createAtwKalender() };
  it('a tariefbeschikking made known the day before, whose six weeks run past it (30 June → 11 August 2026)', () => {
    const u = run({ besluiten: [tbVoor('A', 'TB-A', '2026-06-30', 2026)] }, OP_1_JULI);
    const x = u.uitsluitingen.find((y) => y.besluit === 'TB-A' && y.rechtsmiddel === 'beroep');
    expect(x).toMatchObject({ reden: 'oud-regime', partij: 'A', eindeAlsToch: '2026-08-11' });
    expect(x!.twijfel).toContain('uiterlijk op dinsdag 11 augustus 2026');
  });
  it('a lid-3 window that falls wholly after it (besluit 30 June 2026 for 2027 → 1 March – Monday 12 April 2027)', () => {
    const u = run({ besluiten: [cr('CR-27', '2026-06-30', [2027])] }, OP_1_JULI);
    const x = u.uitsluitingen.find((y) => y.besluit === 'CR-27' && y.rechtsmiddel === 'beroep');
    expect(x).toMatchObject({ reden: 'oud-regime', eindeAlsToch: '2027-04-12' });
    expect(x!.twijfel).toContain('venster vanaf 1 maart');
  });
  it('far before it: the plain exclusion, no doubt (1 April → 13 May 2026)', () => {
    const x = run({ besluiten: [tbVoor('A', 'TB-A', '2026-04-01', 2026)] }, OP_1_JULI).uitsluitingen.find((y) => y.reden === 'oud-regime');
    expect(x!.twijfel).toBeUndefined();
    expect(x!.eindeAlsToch).toBeUndefined();
  });
  it('a sluittarief never: lid 2 excludes it whatever the regime', () => {
    const x = run({ besluiten: [tb('TB-S', '2026-06-30', 2025, 'sluittarief')] }, OP_1_JULI).uitsluitingen.find((y) => y.reden === 'oud-regime');
    expect(x!.twijfel).toBeUndefined();
  });
});

describe('termijnregels §10 (v3): the grondslag of a lid-3 window departs from art. 6:8 lid 1 Awb', () => {
  it.each([
    ['not moved: window to Thursday 11 April 2030', '2029-11-13', 2031, ['art. 6:7 Awb', 'art. 105 lid 3 Wmg']],
    ['moved past Goede Vrijdag 2031 (art. 1 Atw)', '2030-11-12', 2032, ['art. 6:7 Awb', 'art. 105 lid 3 Wmg', 'art. 1 Atw']],
  ])('%s', (_naam, bekendgemaakt, jaar, grondslag) => {
    expect(beroepen(run({ besluiten: [cr('CR', bekendgemaakt, [jaar])] }), 'CR')[0]!.grondslag).toEqual(grondslag);
  });
  it('a lid-2 term keeps art. 6:8 lid 1 Awb', () => {
    expect(beroepen(run({ besluiten: [tbVoor('A', 'TB', '2030-03-05', 2030)] }), 'TB')[0]!.grondslag).toEqual([
      'art. 6:7 Awb',
      'art. 6:8 lid 1 Awb',
      'art. 105 lid 2 Wmg',
    ]);
  });
});

describe('texts that state only what is true of the case (issue 27, point 5)', () => {
  it('one pair of brackets: 5 May 2027 (Bevrijdingsdag), Hemelvaartsdag and the KB day of 7 May 2027 → Monday 10 May 2027 (art. 1 and 3 Atw)', () => {
    const [t] = beroepen(run({ besluiten: [tbVoor('A', 'TB', '2027-03-24', 2027)] }), 'TB');
    expect(t!.einde).toBe('2027-05-10');
    const toelichting = describeToelichting(t!, CONFIG);
    expect(toelichting).toContain('Bevrijdingsdag (woensdag)');
    expect(toelichting).not.toMatch(/\)\s*\(/);
  });

  it('a first vaststelling after tariefbeschikkingen is no "wijzigingsbesluit"', () => {
    const u = run({ besluiten: [tbVoor('A', 'TB-A', '2030-01-08', 2030), cr('CR-V', '2030-02-12', [2030])], peildatum: '2030-02-13' });
    const [t] = beroepen(u, 'CR-V');
    expect(t).toMatchObject({ regel: 'wijziging-zonder-tariefbeschikking', einde: '2030-03-26' });
    expect(teksten(t!)).not.toContain('wijzigingsbesluit');
    expect(teksten(t!)).toContain('contracteerruimtebesluit CR-V');
  });

  it('"zolang geen gewijzigde tariefbeschikking volgt" only while none was registered', () => {
    const zonder = [tbVoor('A', 'TB-A', '2030-01-08', 2030), cr('CR-W', '2030-06-04', [2030], 'wijziging')];
    const voor = beroepen(run({ besluiten: zonder }), 'CR-W')[0]!;
    expect(describeToelichting(voor, CONFIG)).toContain('er is (nog) geen gewijzigde tariefbeschikking aan deze partij geregistreerd');
    const na = beroepen(run({ besluiten: [...zonder, tbVoor('A', 'TB-AW', '2030-06-25', 2030, 'wijziging')] }), 'CR-W')[0]!;
    expect(teksten(na)).not.toContain('geen gewijzigde tariefbeschikking aan deze partij');
    expect(describeToelichting(na, CONFIG)).toContain('tariefbeschikking TB-AW aan A volgde op 25 juni 2030');
  });

  it('one doubt per paragraph: the zorgkantoor’s date with the entry into force unknown', () => {
    const onbekend: TermijnConfig = { inwerkingtreding: undefined, kalender: createAtwKalender() };
    const u = run({ besluiten: [tbVoor('A', 'TB-A', '2030-03-05', 2030)], partijen: [ZK_UTRECHT] }, onbekend);
    const t = beroepen(u, 'TB-A').find((x) => x.partij === 'Zorgkantoor Utrecht')!;
    const delen = splitTwijfels(t.twijfel!);
    expect(delen).toHaveLength(2);
    expect(delen[1]).toBe(TWIJFEL_INWERKINGTREDING);
    expect(t.twijfel).toBe(delen.join('\n\n'));
  });
});

describe('art. 105 lid 2 Wmg: a sluittarief opens beroep for nobody — the zorgkantoor asked for is told so too', () => {
  it('the exclusion names the zorgkantoor as well as the addressee', () => {
    const u = run({ besluiten: [tbVoor('A', 'TB-S', '2030-03-05', 2029, 'sluittarief')], partijen: [ZK_UTRECHT] });
    expect(u.uitsluitingen.filter((x) => x.besluit === 'TB-S').map((x) => [x.partij, x.reden])).toEqual(
      expect.arrayContaining([
        ['A', 'sluittarief-nacalculatie'],
        ['Zorgkantoor Utrecht', 'sluittarief-nacalculatie'],
      ]),
    );
  });
});

describe('second legal reading of engine v3 (hand-made cases, 7 December 2026)', () => {
  it('art. 6:19 Awb extends a pending beroep to a later besluit, never to the besluit it is against itself', () => {
    // Beroep of A against CR-R30 itself, filed early (1 October 2029) — a matter of art. 6:10, not of 6:19.
    const u = run({
      besluiten: [cr('CR-R30', '2029-10-16', [2030], 'vaststelling', 'Rotterdam')],
      beroepen: [beroep('CR-R30', 2030, '2029-10-01', null, 'A')],
      peildatum: '2029-10-20',
    });
    expect(u.termijnen.filter((t) => t.regel === 'art-6-19-voorzorg')).toEqual([]);
    expect(beroepen(u, 'CR-R30')).toEqual([expect.objectContaining({ regel: 'art-105-lid-3', aanvang: '2030-03-01', einde: '2030-04-11' })]);
    expect(u.partijStatus.find((p) => p.partij === 'A')).toMatchObject({ status: 'in-beroep' });
    expect(u.partijStatus.find((p) => p.partij === 'A')!.veiligeUitersteDatum).toBeUndefined();
    expect(u.waarschuwingen.map((w) => w.code)).toContain('beroep-voor-besluit');
  });

  it('§8: while the date of an oud-regime exclusion near the entry into force runs, the status is open with that date; after it, as before', () => {
    // Entry into force 1 January 2029; besluit for 2028 made known Sunday 31 December 2028: six weeks to Sunday 11 February
    // 2029 → Monday 12 February 2029 (art. 1 Atw).
    const config: TermijnConfig = { inwerkingtreding: '2029-01-01', kalender: createAtwKalender() };
    const invoer = {
      besluiten: [cr('CR-ZW28', '2028-12-31', [2028], 'vaststelling', 'Zwolle')],
      partijen: [{ partij: 'ZK Zwolle', soort: 'zorgkantoor' as const, regio: 'Zwolle' }],
    };
    const lopend = run({ ...invoer, peildatum: '2029-01-20' }, config);
    expect(lopend.uitsluitingen.find((x) => x.reden === 'oud-regime')).toMatchObject({ eindeAlsToch: '2029-02-12' });
    expect(lopend.partijStatus[0]).toMatchObject({ partij: 'ZK Zwolle', status: 'open', veiligeUitersteDatum: '2029-02-12' });
    expect(lopend.partijStatus[0]!.twijfel).toContain('vóór de inwerkingtreding');
    expect(lopend.status[0]).toMatchObject({ status: 'open', veiligeUitersteDatum: '2029-02-12' });
    const later = run({ ...invoer, peildatum: '2029-03-01' }, config);
    expect(later.status[0]).toMatchObject({ status: 'nog-niet-open', oudRegime: true });
  });

  it('art. 6:9 lid 2 Awb on the region-year: another party’s uitspraak does not close a party’s postal week', () => {
    // B: made known 11 December 2029, last day 22 January 2030, beroep 15 January – 1 February 2030. A: made known 18
    // December 2029, last day 29 January 2030, postal week to 5 February 2030.
    const u = run({
      besluiten: [
        tb('TB-B30', '2029-12-11', 2030, 'vaststelling', 'Zuidoost-Brabant', 'B'),
        tb('TB-A30', '2029-12-18', 2030, 'vaststelling', 'Zuidoost-Brabant', 'A'),
      ],
      beroepen: [beroep('TB-B30', 2030, '2030-01-15', '2030-02-01')],
      peildatum: '2030-02-03',
    });
    expect(u.partijStatus.find((p) => p.partij === 'A')).toMatchObject({
      status: 'onherroepelijk',
      sinds: '2030-01-30',
      perPostUiterlijkOntvangen: '2030-02-05',
    });
    expect(u.partijStatus.find((p) => p.partij === 'B')!.perPostUiterlijkOntvangen).toBeUndefined();
    expect(u.status[0]).toMatchObject({ status: 'onherroepelijk', sinds: '2030-02-01', perPostUiterlijkOntvangen: '2030-02-05' });
    expect(u.status[0]!.toelichting).toContain('art. 6:9 lid 2 Awb');
  });

  it('a KB day’s source keeps one pair of brackets (28 April 2028 → Monday 1 May 2028)', () => {
    const [t] = beroepen(run({ besluiten: [tbVoor('A', 'TB', '2028-03-17', 2028)] }), 'TB');
    expect(t!.einde).toBe('2028-05-01');
    const toelichting = describeToelichting(t!, CONFIG);
    expect(toelichting).toContain('KB');
    expect(toelichting).not.toMatch(/\([^()]*\(/);
  });

  it('the zorgkantoor’s texts speak of the zorgkantoor: no "deze partij", no "zolang", no earliest of terms it does not have', () => {
    const u = run({ besluiten: [tbVoor('A', 'TB-A', '2030-01-08', 2030), cr('CR-V', '2030-02-12', [2030])], partijen: [ZK_UTRECHT], peildatum: '2030-02-13' });
    const datum = beroepen(u, 'CR-V').find((t) => t.partij === 'Zorgkantoor Utrecht')!;
    for (const tekst of [datum.twijfel!, describeToelichting(datum, CONFIG)]) {
      expect(tekst).not.toContain('deze partij');
      expect(tekst).not.toContain('zolang');
      expect(tekst).not.toContain('na een wijziging');
    }
    // The zorgkantoor could use the window (1 March – 11 April 2030): a later tariefbeschikking gives it an exclusion.
    const v = run({
      besluiten: [cr('CR-31', '2029-10-16', [2031]), tbVoor('A', 'TB-A31', '2030-11-19', 2031)],
      partijen: [ZK_UTRECHT],
      peildatum: '2030-11-20',
    });
    const uitsluiting = v.uitsluitingen.find((x) => x.besluit === 'TB-A31' && x.partij === 'Zorgkantoor Utrecht');
    expect(uitsluiting).toMatchObject({ reden: 'onherroepelijk' });
    expect(uitsluiting!.twijfel).not.toContain('De vroegste van deze termijnen');
    expect(splitTwijfels(uitsluiting!.twijfel!).length).toBeGreaterThan(1);
  });
});

describe('review of the engine v3 diff (7 December 2026)', () => {
  it('§4: a later nacalculatie in the cell does not take away the date of a provider that became a party during the six weeks', () => {
    // P's first tariefbeschikking in Utrecht (for 2027) came on 10 May 2026, within the six weeks of CR-1 (to 12 June 2026).
    const u = run({
      besluiten: [cr('CR-1', '2026-05-01', [2026]), tbVoor('P', 'TB-P27', '2026-05-10', 2027), tbVoor('P', 'NC-P26', '2027-06-01', 2026, 'nacalculatie')],
      partijen: [ZK_UTRECHT],
      peildatum: '2026-05-20',
    });
    expect(beroepen(u, 'CR-1').find((t) => t.partij === 'P')).toMatchObject({ soort: 'beschermend', einde: '2026-06-12' });
  });

  it('§5: after a same-day tariefbeschikking, a later one before 1 March still carries the doubt, and so does the same-day one', () => {
    const u = run({ besluiten: [cr('CR-1', '2025-11-14', [2027]), tbVoor('A', 'TB-A', '2025-11-14', 2027), tbVoor('B', 'TB-B', '2026-01-15', 2027)] });
    expect(beroepen(u, 'TB-A')[0]!.twijfel).toContain('1 maart');
    expect(beroepen(u, 'TB-B')[0]!.twijfel).toContain('1 maart');
  });

  it('art. 6:10: a beroep that had ended before the later besluit came is not extended by art. 6:19 — warned as early', () => {
    const u = run({
      besluiten: [cr('CR-1', '2025-11-14', [2026]), cr('CR-2', '2026-06-01', [2026], 'wijziging')],
      beroepen: [beroep('CR-2', 2026, '2026-04-01', '2026-05-01', 'A')],
      peildatum: '2026-06-10',
    });
    expect(u.waarschuwingen.map((w) => w.code)).toContain('beroep-voor-besluit');
  });

  // §4 with §7 (review of issue 31): a first tariefbeschikking of the besluit's own day opens lid 2 at most for its
  // addressee; every other party keeps its §4 date, with a doubt that says what happened that day — never a claim that
  // no tariefbeschikking existed, and never no date at all.
  it('§4: a tariefbeschikking on the besluit’s own day opens its lid-2 term; the region keeps its §4 date, with the same-day doubt', () => {
    const u = run({ besluiten: [cr('CR-1', '2026-05-01', [2026], 'wijziging'), tbVoor('A', 'TB-A', '2026-05-01', 2026)] });
    expect(beroepen(u, 'TB-A')).toEqual([expect.objectContaining({ partij: 'A', einde: '2026-06-12' })]);
    const [regio] = beroepen(u, 'CR-1');
    expect(beroepen(u, 'CR-1')).toHaveLength(1);
    expect(regio).toMatchObject({ partij: undefined, regel: 'besluit-zonder-tariefbeschikking', soort: 'beschermend', einde: '2026-06-12' });
    expect(regio!.twijfel).toContain('op dezelfde dag is de eerste tariefbeschikking voor Utrecht 2026 bekendgemaakt');
    expect(regio!.twijfel).not.toContain('nog geen tariefbeschikking bekendgemaakt');
    expect(regio!.twijfel).not.toContain('nog geen partij in de regio bekend');
  });

  it('§4: a provider with an earlier tariefbeschikking in the region keeps its date when another’s tariefbeschikking comes the same day', () => {
    const besluiten = [tbVoor('B', 'TB-B25', '2025-06-02', 2025), cr('CR-26', '2026-03-10', [2026], 'wijziging'), tbVoor('A', 'TB-A', '2026-03-10', 2026)];
    const u = run({ besluiten, peildatum: '2026-03-20' });
    expect(beroepen(u, 'CR-26').map((t) => [t.partij, t.einde])).toEqual([
      [undefined, '2026-04-21'],
      ['B', '2026-04-21'],
    ]);
    expect(u.partijStatus.find((s) => s.partij === 'B' && s.jaar === 2026)).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-04-21' });
  });

  it('§4: the zorgkantoor asked for keeps its date when the same-day tariefbeschikking is a nacalculatie (no lid-2 term at all)', () => {
    const besluiten = [cr('CR-26', '2026-03-10', [2026], 'wijziging'), tbVoor('A', 'TB-N', '2026-03-10', 2026, 'nacalculatie')];
    const u = run({ besluiten, partijen: [ZK_UTRECHT], peildatum: '2026-03-20' });
    expect(beroepen(u, 'CR-26')).toEqual([expect.objectContaining({ partij: ZK_UTRECHT.partij, einde: '2026-04-21', soort: 'beschermend' })]);
    const status = u.partijStatus.find((s) => s.partij === ZK_UTRECHT.partij && s.jaar === 2026)!;
    expect(status).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-04-21' });
    expect(status.toelichting).not.toContain('nog geen tariefbeschikking');
  });

  it('§6: the newcomers of one window share one doubt, so a status names it once', () => {
    const u = run({
      besluiten: [cr('CR-31', '2029-10-16', [2031]), tbVoor('N', 'TB-N', '2030-11-19', 2031), tbVoor('M', 'TB-M', '2030-11-19', 2031)],
      peildatum: '2030-11-25',
    });
    expect(beroepen(u, 'TB-N')[0]!.twijfel).toBe(beroepen(u, 'TB-M')[0]!.twijfel);
    expect(splitTwijfels(u.status.find((s) => s.jaar === 2031)!.twijfel!)).toHaveLength(1);
  });
});

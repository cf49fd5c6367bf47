import { describe, expect, it } from 'vitest';
import { createAtwKalender } from '../../../src/domain/kalender/atwKalender';
import { describeToelichting } from '../../../src/domain/termijnen/termijnToelichting';
import { beroep, CONFIG, cr, run, tb, tbVoor } from './scenarioBouwer';
import { describeAfleiding } from '../../../src/domain/termijnen/afleiding';

const termijn = (uitkomst: ReturnType<typeof run>, besluit: string, rechtsmiddel: 'bezwaar' | 'beroep', jaar?: number) =>
  uitkomst.termijnen.filter((t) => t.besluit === besluit && t.rechtsmiddel === rechtsmiddel && (jaar === undefined || t.jaar === jaar));
const statusVan = (uitkomst: ReturnType<typeof run>, jaar: number, regio = 'Utrecht') => uitkomst.status.find((s) => s.jaar === jaar && s.regio === regio);

describe('art. 6:7 and 6:8 lid 1 Awb: six weeks from the day after bekendmaking', () => {
  it.each([
    ['spec example: Tuesday 10 March 2026', '2026-03-10', '2026-03-11', '2026-04-21'],
    ['leap year: across 29 February 2028', '2028-01-20', '2028-01-21', '2028-03-02'],
    ['no leap year: 2027', '2027-01-20', '2027-01-21', '2027-03-03'],
    ['across the spring switch to summer time (29 March 2026)', '2026-03-20', '2026-03-21', '2026-05-01'],
    ['across the autumn switch to winter time (25 October 2026)', '2026-10-20', '2026-10-21', '2026-12-01'],
    ['start on a Sunday does not move (bekendgemaakt on a Saturday)', '2026-11-14', '2026-11-15', '2026-12-28'],
  ])('%s', (_wat, bekendgemaakt, aanvang, einde) => {
    const uitkomst = run({ besluiten: [tb('TB', bekendgemaakt, 2026)] });
    const [bezwaar] = termijn(uitkomst, 'TB', 'bezwaar');
    expect(bezwaar).toMatchObject({ tegen: 'tariefbeschikking', aanvang, einde });
  });
});

describe('art. 105 lid 2 Wmg: beroep against the contracteerruimte via the tariefbeschikking', () => {
  it('opens bezwaar and beroep on the same day with the same last day', () => {
    const uitkomst = run({ besluiten: [tb('TB-1', '2026-03-10', 2026)] });
    expect(termijn(uitkomst, 'TB-1', 'bezwaar')[0]).toMatchObject({
      tegen: 'tariefbeschikking',
      aanvang: '2026-03-11',
      einde: '2026-04-21',
      grondslag: ['art. 6:7 Awb', 'art. 6:8 lid 1 Awb'],
    });
    expect(termijn(uitkomst, 'TB-1', 'beroep')[0]).toMatchObject({
      tegen: 'contracteerruimte',
      regio: 'Utrecht',
      jaar: 2026,
      aanvang: '2026-03-11',
      einde: '2026-04-21',
      grondslag: ['art. 6:7 Awb', 'art. 6:8 lid 1 Awb', 'art. 105 lid 2 Wmg'],
    });
  });

  it('a gewijzigde tariefbeschikking (herschikking) opens a new beroep term while the contracteerruimte is not onherroepelijk', () => {
    const uitkomst = run({
      besluiten: [tb('TB-1', '2026-03-10', 2026), tb('TB-2', '2026-04-01', 2026, 'wijziging')],
      peildatum: '2026-04-05',
    });
    expect(termijn(uitkomst, 'TB-2', 'beroep')[0]).toMatchObject({ aanvang: '2026-04-02', einde: '2026-05-13' });
    expect(describeToelichting(termijn(uitkomst, 'TB-2', 'beroep')[0]!, CONFIG)).toContain('gewijzigde tariefbeschikking');
  });

  it('adds art. 1 Atw to the grondslag, with the reason, when the end moves', () => {
    const [t] = termijn(run({ besluiten: [tb('TB', '2026-11-13', 2026)] }), 'TB', 'beroep');
    expect(t).toMatchObject({ einde: '2026-12-28', grondslag: ['art. 6:7 Awb', 'art. 6:8 lid 1 Awb', 'art. 105 lid 2 Wmg', 'art. 1 Atw'] });
    expect(describeToelichting(t!, CONFIG)).toContain('25 december 2026 is eerste Kerstdag');
    expect(describeToelichting(t!, CONFIG)).toContain('tot en met maandag 28 december 2026 (art. 1 Atw)');
  });

  it('sluittarief in the nacalculatie: no beroep against the contracteerruimte, bezwaar still open (lid 2, last sentence)', () => {
    const uitkomst = run({ besluiten: [tb('TB-S', '2026-06-01', 2024, 'sluittarief')] });
    expect(termijn(uitkomst, 'TB-S', 'beroep')).toEqual([]);
    expect(termijn(uitkomst, 'TB-S', 'bezwaar')[0]).toMatchObject({ aanvang: '2026-06-02', einde: '2026-07-13' });
    expect(uitkomst.uitsluitingen).toEqual([
      expect.objectContaining({
        besluit: 'TB-S',
        rechtsmiddel: 'beroep',
        tegen: 'contracteerruimte',
        jaar: 2024,
        reden: 'sluittarief-nacalculatie',
        grondslag: ['art. 105 lid 2 Wmg'],
      }),
    ]);
    expect(uitkomst.uitsluitingen[0]!.toelichting).toMatch(/Wlz-sluittarief.*nacalculatie.*Bezwaar tegen de beschikking zelf staat wel open/);
  });

  it.each(['nacalculatie', 'vereffening'] as const)('%s: only bezwaar, no beroep (geen productieafspraken)', (soort) => {
    const uitkomst = run({ besluiten: [tb('TB-N', '2026-06-01', 2025, soort)] });
    expect(termijn(uitkomst, 'TB-N', 'beroep')).toEqual([]);
    expect(termijn(uitkomst, 'TB-N', 'bezwaar')).toHaveLength(1);
    expect(uitkomst.uitsluitingen.map((u) => u.reden)).toEqual(['geen-productieafspraken']);
  });

  it('art. 7:1 Awb with Bijlage 1: no bezwaar against a contracteerruimtebesluit, per year it fixes', () => {
    const uitkomst = run({ besluiten: [cr('CR', '2025-11-14', [2026, 2027])] });
    const geenBezwaar = uitkomst.uitsluitingen.filter((u) => u.reden === 'geen-bezwaar-tegen-contracteerruimte');
    expect(geenBezwaar.map((u) => [u.rechtsmiddel, u.tegen, u.jaar])).toEqual([
      ['bezwaar', 'contracteerruimte', 2026],
      ['bezwaar', 'contracteerruimte', 2027],
    ]);
    expect(geenBezwaar[0]!.grondslag).toContain('art. 7:1 Awb');
    expect(uitkomst.termijnen.filter((t) => t.rechtsmiddel === 'bezwaar')).toEqual([]);
  });
});

describe('art. 105 lid 3 Wmg: future years start on 1 March of the next year', () => {
  it('spec example: made known 14 November 2025 fixing 2027 → 1 March 2026 to Monday 13 April 2026 (11 April is a Saturday)', () => {
    const [t] = termijn(run({ besluiten: [cr('CR-1', '2025-11-14', [2027])] }), 'CR-1', 'beroep');
    expect(t).toMatchObject({
      aanvang: '2026-03-01',
      einde: '2026-04-13',
      eindeVoorAtw: '2026-04-11',
      grondslag: ['art. 6:7 Awb', 'art. 105 lid 3 Wmg', 'art. 1 Atw'],
    });
    expect(describeToelichting(t!, CONFIG)).toContain('11 april 2026 is een zaterdag');
  });

  it('2039: 11 April is tweede Paasdag → the term ends Tuesday 12 April 2039', () => {
    const [t] = termijn(run({ besluiten: [cr('CR', '2038-10-01', [2040])] }), 'CR', 'beroep');
    expect(t).toMatchObject({ aanvang: '2039-03-01', einde: '2039-04-12' });
    expect(describeToelichting(t!, CONFIG)).toContain('11 april 2039 is tweede Paasdag');
  });

  it('2031: 11 April is Goede Vrijdag (art. 3 lid 2 Atw) → past Easter and tweede Paasdag to Tuesday 15 April 2031', () => {
    const [t] = termijn(run({ besluiten: [cr('CR', '2030-06-01', [2032])] }), 'CR', 'beroep');
    expect(t).toMatchObject({
      aanvang: '2031-03-01',
      einde: '2031-04-15',
      grondslag: ['art. 6:7 Awb', 'art. 105 lid 3 Wmg', 'art. 1 Atw'],
    });
    expect(describeToelichting(t!, CONFIG)).toContain('11 april 2031 is Goede Vrijdag');
  });

  it('2032: 11 April is a Sunday → Monday 12 April 2032; 2030: 11 April is a Thursday and stays', () => {
    expect(termijn(run({ besluiten: [cr('CR', '2031-06-01', [2033])] }), 'CR', 'beroep')[0]).toMatchObject({ einde: '2032-04-12' });
    expect(termijn(run({ besluiten: [cr('CR', '2029-06-01', [2031])] }), 'CR', 'beroep')[0]).toMatchObject({
      einde: '2030-04-11',
      grondslag: ['art. 6:7 Awb', 'art. 105 lid 3 Wmg'],
    });
  });

  it('besluiten made known in one calendar year share one window', () => {
    const uitkomst = run({ besluiten: [cr('CR-A', '2025-02-03', [2026]), cr('CR-B', '2025-12-30', [2027], 'wijziging')] });
    const vensters = uitkomst.termijnen.filter((t) => t.regel === 'art-105-lid-3').map((t) => [t.aanvang, t.einde]);
    expect(vensters).toEqual([
      ['2026-03-01', '2026-04-13'],
      ['2026-03-01', '2026-04-13'],
    ]);
  });

  it('a besluit covering the current year (tariefbeschikkingen issued) and a future year decides per year', () => {
    const uitkomst = run({
      besluiten: [tb('TB-26', '2025-12-15', 2026), cr('CR', '2026-02-01', [2026, 2027], 'wijziging')],
      peildatum: '2026-02-10',
    });
    // 2026 (tariefbeschikkingen issued): no lid-3 window, but a possibly fatal date for the provider (§6).
    expect(termijn(uitkomst, 'CR', 'beroep', 2026)).toEqual([
      expect.objectContaining({ soort: 'beschermend', partij: 'TB-26', regel: 'wijziging-zonder-tariefbeschikking', einde: '2026-03-16' }),
    ]);
    expect(termijn(uitkomst, 'CR', 'beroep', 2027)[0]).toMatchObject({ aanvang: '2027-03-01', einde: '2027-04-12', regel: 'art-105-lid-3' });
    expect(termijn(uitkomst, 'CR', 'beroep', 2027)[0]!.tariefbeschikkingVooraf).toBeUndefined();
    expect(statusVan(uitkomst, 2026)).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-03-16' });
    expect(statusVan(uitkomst, 2026)!.twijfel).toContain('zo nodig');
    expect(statusVan(uitkomst, 2027)).toMatchObject({ status: 'nog-niet-open', opent: '2027-03-01' });
  });

  it('a tariefbeschikking made known before the year’s first vaststelling: the lid-3 window too, with the doubt (art. 105 lid 3 Wmg; termijnregels §7)', () => {
    const besluiten = [tbVoor('A', 'TB-vroeg', '2025-01-01', 2026), cr('CR', '2025-01-02', [2026]), tbVoor('A', 'TB-1', '2026-03-03', 2026)];
    const uitkomst = run({ besluiten, peildatum: '2026-03-04' });
    const [venster] = uitkomst.termijnen.filter((t) => t.regel === 'art-105-lid-3');
    expect(venster).toMatchObject({ besluit: 'CR', aanvang: '2026-03-01', einde: '2026-04-13', tariefbeschikkingVooraf: '2025-01-01' });
    expect(venster!.twijfel).toContain('was al een tariefbeschikking bekendgemaakt (1 januari 2025) voordat er een contracteerruimtebesluit');
    expect(describeAfleiding(venster!, CONFIG).map((s) => s.stap)).toContain(
      '2026 is een toekomstig jaar; voor Utrecht was al een tariefbeschikking bekendgemaakt vóór dit besluit (zie de twijfel)',
    );
    // The earliest last day is the safe one, said with the doubt; the lid-2 term of TB-1 stays.
    expect(uitkomst.partijStatus.find((p) => p.partij === 'A')).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-04-13' });
    expect(uitkomst.partijStatus.find((p) => p.partij === 'A')!.twijfel).toContain('was al een tariefbeschikking bekendgemaakt');
    expect(termijn(uitkomst, 'TB-1', 'beroep')[0]).toMatchObject({ regel: 'art-105-lid-2', einde: '2026-04-14' });
  });

  it('that doubtful window does not count as an opened term for lid 4: a later newcomer still gets its lid-2 term (art. 105 lid 4 Wmg)', () => {
    const besluiten = [tbVoor('A', 'TB-vroeg', '2025-01-01', 2026), cr('CR', '2025-01-02', [2026]), tbVoor('B', 'TB-B', '2026-06-01', 2026)];
    const uitkomst = run({ besluiten, peildatum: '2026-06-02' });
    expect(termijn(uitkomst, 'TB-B', 'beroep')[0]).toMatchObject({ regel: 'art-105-lid-2', partij: 'B', einde: '2026-07-13' });
    expect(uitkomst.uitsluitingen.filter((u) => u.besluit === 'TB-B' && u.reden === 'onherroepelijk')).toEqual([]);
  });

  it('a future year for which a tariefbeschikking was already issued gets no lid-3 window: beroep waits for the gewijzigde tariefbeschikking', () => {
    const uitkomst = run({ besluiten: [tb('TB-27', '2026-10-01', 2027), cr('CR', '2026-11-02', [2027], 'wijziging')] });
    expect(termijn(uitkomst, 'CR', 'beroep').map((t) => [t.regel, t.partij, t.einde])).toEqual([['wijziging-zonder-tariefbeschikking', 'TB-27', '2026-12-14']]);
  });
});

describe('art. 105 lid 4 Wmg: onherroepelijk stays onherroepelijk unless the NZa amends', () => {
  const basis = [cr('CR-1', '2025-11-14', [2026]), tbVoor('A', 'TB-1', '2026-03-10', 2026)];

  it('without an amendment a later tariefbeschikking to the same provider opens bezwaar only, flagged with lid 4', () => {
    const uitkomst = run({ besluiten: [...basis, tbVoor('A', 'TB-2', '2026-10-01', 2026, 'wijziging')] });
    expect(termijn(uitkomst, 'TB-2', 'beroep')).toEqual([]);
    expect(termijn(uitkomst, 'TB-2', 'bezwaar')[0]).toMatchObject({ aanvang: '2026-10-02', einde: '2026-11-12' });
    const uitsluiting = uitkomst.uitsluitingen.find((u) => u.besluit === 'TB-2');
    expect(uitsluiting).toMatchObject({ reden: 'onherroepelijk', grondslag: ['art. 105 lid 4 Wmg'], partij: 'A', eindeAlsToch: '2026-11-12' });
    expect(uitsluiting!.toelichting).toContain('sinds 22 april 2026 onherroepelijk');
    expect(uitsluiting!.twijfel).toContain('Controleer of de NZa de contracteerruimte Utrecht 2026 sinds 22 april 2026 heeft gewijzigd');
    expect(statusVan(uitkomst, 2026)).toMatchObject({ status: 'onherroepelijk', sinds: '2026-04-22' });
  });

  it('after an amendment the gewijzigde tariefbeschikking opens beroep again (lid 2)', () => {
    const besluiten = [...basis, cr('CR-2', '2026-09-15', [2026], 'wijziging'), tbVoor('A', 'TB-2', '2026-10-01', 2026, 'wijziging')];
    const uitkomst = run({ besluiten, peildatum: '2026-11-01' });
    expect(termijn(uitkomst, 'TB-2', 'beroep')[0]).toMatchObject({ aanvang: '2026-10-02', einde: '2026-11-12', regel: 'art-105-lid-2', partij: 'A' });
    expect(uitkomst.uitsluitingen.filter((u) => u.reden === 'onherroepelijk')).toEqual([]);
    // The possibly fatal date after the amendment (2026-10-27) is the earlier one, so it is the safe date until it passes.
    expect(statusVan(uitkomst, 2026)).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-11-12' });
    const tussenin = run({ besluiten, peildatum: '2026-09-20' });
    expect(statusVan(tussenin, 2026)).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-10-27' });
    const metBeide = run({ besluiten, peildatum: '2026-10-05' });
    expect(statusVan(metBeide, 2026)).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-10-27' });
  });

  it('an amendment of a future year without tariefbeschikkingen reopens from 1 March of the next year (lid 3)', () => {
    const uitkomst = run({
      besluiten: [cr('CR-1', '2025-11-14', [2027]), cr('CR-2', '2026-06-01', [2027], 'wijziging')],
      peildatum: '2026-11-22',
    });
    expect(termijn(uitkomst, 'CR-2', 'beroep')[0]).toMatchObject({ aanvang: '2027-03-01', einde: '2027-04-12' });
    expect(statusVan(uitkomst, 2027)).toMatchObject({ status: 'nog-niet-open', opent: '2027-03-01' });
  });

  it('a pending beroep keeps the year in beroep; once decided it is onherroepelijk since the uitspraak', () => {
    const lopend = run({ besluiten: basis, beroepen: [beroep('CR-1', 2026, '2026-04-01')] });
    expect(statusVan(lopend, 2026)).toMatchObject({ status: 'in-beroep' });
    const beslist = run({ besluiten: basis, beroepen: [beroep('CR-1', 2026, '2026-04-01', '2026-10-15')] });
    expect(statusVan(beslist, 2026)).toMatchObject({ status: 'onherroepelijk', sinds: '2026-10-15' });
  });

  it('a tariefbeschikking made known while a beroep is pending still opens a beroep term', () => {
    const uitkomst = run({
      besluiten: [...basis, tbVoor('A', 'TB-2', '2026-06-01', 2026, 'wijziging')],
      beroepen: [beroep('TB-1', 2026, '2026-04-15')],
    });
    expect(termijn(uitkomst, 'TB-2', 'beroep')).toEqual([expect.objectContaining({ partij: 'A', soort: 'termijn' })]);
  });

  it('mentions the postal grace of art. 6:9 lid 2 Awb when it has only just turned onherroepelijk', () => {
    const net = run({ besluiten: basis, peildatum: '2026-04-24' });
    expect(statusVan(net, 2026)).toMatchObject({ status: 'onherroepelijk', sinds: '2026-04-22' });
    expect(statusVan(net, 2026)!.toelichting).toContain('art. 6:9 lid 2 Awb');
    expect(statusVan(run({ besluiten: basis, peildatum: '2026-05-10' }), 2026)!.toelichting).not.toContain('6:9');
  });
});

describe('par. 7: overlapping terms and the veilige uiterste datum', () => {
  const besluiten = [cr('CR-1', '2025-11-14', [2026]), tb('TB-1', '2026-03-10', 2026)];

  it.each([
    ['before the lid-3 window opens', '2026-02-15', { status: 'nog-niet-open', opent: '2026-03-01' }],
    ['in the lid-3 window before the tariefbeschikking', '2026-03-05', { status: 'open', veiligeUitersteDatum: '2026-04-13' }],
    ['both terms running: the earliest last day is safe', '2026-03-20', { status: 'open', veiligeUitersteDatum: '2026-04-13' }],
    ['the lid-3 window ended, the lid-2 term still runs', '2026-04-15', { status: 'open', veiligeUitersteDatum: '2026-04-21' }],
    ['both ended', '2026-04-22', { status: 'onherroepelijk', sinds: '2026-04-22' }],
  ])('%s (%s)', (_wat, peildatum, verwacht) => {
    expect(statusVan(run({ besluiten, peildatum }), 2026)).toMatchObject(verwacht);
  });

  it('says in plain words that the terms overlap', () => {
    expect(statusVan(run({ besluiten, peildatum: '2026-03-20' }), 2026)!.toelichting).toContain('verschillende laatste dagen');
  });
});

describe('par. 8: transitional law', () => {
  it('decisions made known before entry into force get no direct beroep, explained as oud-regime', () => {
    const uitkomst = run({ besluiten: [cr('CR-0', '2024-11-15', [2025, 2026]), tb('TB-0', '2024-12-02', 2025)] });
    expect(uitkomst.termijnen.filter((t) => t.rechtsmiddel === 'beroep')).toEqual([]);
    expect(uitkomst.uitsluitingen.map((u) => [u.besluit, u.jaar, u.reden])).toEqual([
      ['CR-0', 2025, 'oud-regime'],
      ['TB-0', 2025, 'oud-regime'],
      ['CR-0', 2026, 'oud-regime'],
    ]);
    expect(termijn(uitkomst, 'TB-0', 'bezwaar')).toHaveLength(1);
    expect(uitkomst.uitsluitingen[0]!.toelichting).toContain('exceptief');
    expect(statusVan(uitkomst, 2026)).toMatchObject({ status: 'nog-niet-open', oudRegime: true });
  });

  it('the entry-into-force date is configuration', () => {
    const eerder = { ...CONFIG, inwerkingtreding: '2024-01-01' };
    const uitkomst = run({ besluiten: [cr('CR-0', '2024-11-15', [2026])] }, eerder);
    expect(termijn(uitkomst, 'CR-0', 'beroep')[0]).toMatchObject({ aanvang: '2025-03-01', einde: '2025-04-11' });
  });
});

describe('output order and configuration', () => {
  it('sorts terms by einde, then regio, then jaar', () => {
    const uitkomst = run({
      besluiten: [
        tb('B', '2026-05-01', 2026, 'vaststelling', 'Zeeland'),
        tb('A', '2026-05-01', 2026, 'vaststelling', 'Amsterdam'),
        tb('C', '2026-03-10', 2027),
      ],
    });
    expect(uitkomst.termijnen.map((t) => `${t.einde} ${t.regio} ${t.rechtsmiddel}`)).toEqual([
      '2026-04-21 Utrecht bezwaar',
      '2026-04-21 Utrecht beroep',
      '2026-06-12 Amsterdam bezwaar',
      '2026-06-12 Amsterdam beroep',
      '2026-06-12 Zeeland bezwaar',
      '2026-06-12 Zeeland beroep',
    ]);
  });

  it('honours days equated to a feestdag by decree (art. 3 lid 3 Atw, extended by configuration)', () => {
    const config = { ...CONFIG, kalender: createAtwKalender([{ datum: '2026-04-21', naam: 'gelijkgestelde dag' }]) };
    const [t] = termijn(run({ besluiten: [tb('TB', '2026-03-10', 2026)] }, config), 'TB', 'bezwaar');
    expect(t!.einde).toBe('2026-04-22');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAtwKalender } from '../../../src/domain/kalender/atwKalender';
import { findZorgkantoorregio } from '../../../src/domain/regios/zorgkantoorregios';
import { computeTermijnen } from '../../../src/domain/termijnen/computeTermijnen';
import { describeAfleiding } from '../../../src/domain/termijnen/afleiding';
import { describeToelichting } from '../../../src/domain/termijnen/termijnToelichting';
import { listTermijnNoten } from '../../../src/domain/termijnen/termijnNoten';
import { TWIJFEL_INWERKINGTREDING } from '../../../src/domain/termijnen/twijfelTeksten';
import type { Besluit } from '../../../src/domain/besluiten/besluit';
import { beroep, CONFIG, cr, run, tb, tbVoor } from './scenarioBouwer';

const ONBEKEND = { inwerkingtreding: undefined, kalender: createAtwKalender() };
type Uitkomst = ReturnType<typeof run>;
const beroepstermijnen = (u: Uitkomst, filter: { besluit?: string; partij?: string } = {}) =>
  u.termijnen.filter((t) => t.rechtsmiddel === 'beroep' && (!filter.besluit || t.besluit === filter.besluit) && (!filter.partij || t.partij === filter.partij));
const partijStatus = (u: Uitkomst, partij: string, jaar = 2026) => u.partijStatus.find((s) => s.partij === partij && s.jaar === jaar);

describe('art. 105 lid 2 and lid 4 Wmg: terms belong to a party, not to a region-year (termijnregels §4, §6)', () => {
  it('a second provider whose tariefbeschikking comes after the first provider’s term ended gets its own term, with the doubt', () => {
    const u = run({ besluiten: [tbVoor('A', 'TB-A', '2026-03-10', 2026), tbVoor('B', 'TB-B', '2026-07-28', 2026)], peildatum: '2026-08-01' });
    const [b] = beroepstermijnen(u, { besluit: 'TB-B' });
    expect(b).toMatchObject({ partij: 'B', soort: 'termijn', aanvang: '2026-07-29', einde: '2026-09-08' });
    expect(b!.twijfel).toContain('Art. 105 lid 4 Wmg kan zo worden gelezen');
    expect(u.uitsluitingen.filter((x) => x.reden === 'onherroepelijk')).toEqual([]);
    expect(partijStatus(u, 'A')).toMatchObject({ status: 'onherroepelijk', sinds: '2026-04-22' });
    expect(partijStatus(u, 'B')).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-09-08' });
    expect(u.status[0]).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-09-08' });
  });

  it('without `aanbieder` each tariefbeschikking stands for its own addressee (cli-termijnen.md v2)', () => {
    const u = run({ besluiten: [tb('TB-1', '2026-03-10', 2026), tb('TB-2', '2026-09-01', 2026, 'wijziging')] });
    expect(beroepstermijnen(u, { besluit: 'TB-2' })).toEqual([expect.objectContaining({ partij: 'TB-2' })]);
  });

  it('lid 4: the region-year is onherroepelijk only when it is so for every party that had a term', () => {
    const besluiten = [tbVoor('A', 'TB-A', '2026-03-10', 2026), tbVoor('B', 'TB-B', '2026-04-01', 2026)];
    expect(run({ besluiten, peildatum: '2026-04-30' }).status[0]).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-05-13' });
    expect(run({ besluiten, peildatum: '2026-05-14' }).status[0]).toMatchObject({ status: 'onherroepelijk', sinds: '2026-05-14' });
  });

  it('lid 4 (termijnregels §6, corrected 2026-12-07): a newcomer after a lid-3 window keeps its term, with the doubt; no exclusion', () => {
    const u = run({ besluiten: [cr('CR-1', '2025-11-14', [2027]), tbVoor('N', 'TB-N', '2026-10-01', 2027)], peildatum: '2026-10-20' });
    expect(u.uitsluitingen.filter((y) => y.besluit === 'TB-N' && y.rechtsmiddel === 'beroep')).toEqual([]);
    const [t] = beroepstermijnen(u, { besluit: 'TB-N' });
    expect(t).toMatchObject({ partij: 'N', soort: 'termijn', regel: 'art-105-lid-2', einde: '2026-11-12' });
    expect(t!.twijfel).toContain('art. 1:2 Awb');
    expect(t!.twijfel).toContain('art. 105 lid 4 Wmg');
    expect(u.partijStatus.find((p) => p.partij === 'N')).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-11-12' });
  });

  it('lid 4: a provider that had a tariefbeschikking in the region before the window closed is no newcomer', () => {
    const u = run({
      besluiten: [cr('CR-1', '2025-11-14', [2027]), tbVoor('A', 'TB-26', '2026-01-15', 2026), tbVoor('A', 'TB-27', '2026-10-01', 2027)],
    });
    const [x] = u.uitsluitingen.filter((y) => y.besluit === 'TB-27' && y.rechtsmiddel === 'beroep');
    expect(x!.reden).toBe('onherroepelijk');
    expect(u.termijnen.filter((t) => t.besluit === 'TB-27' && t.rechtsmiddel === 'beroep')).toEqual([]);
  });

  it('art. 105 lid 2 Wmg: the zorgkantoor’s terms on request, each with the doubt; its safe date is the earliest', () => {
    const u = run({
      besluiten: [tbVoor('A', 'TB-A', '2026-03-10', 2026), tbVoor('B', 'TB-B', '2026-04-01', 2026)],
      partijen: [{ partij: 'Zilveren Kruis Zorgkantoor', soort: 'zorgkantoor', regio: 'Utrecht' }],
      peildatum: '2026-04-02',
    });
    const zk = beroepstermijnen(u, { partij: 'Zilveren Kruis Zorgkantoor' });
    expect(zk.map((t) => t.einde)).toEqual(['2026-04-21', '2026-05-13']);
    expect(zk.every((t) => t.twijfel?.includes('zorgkantoor'))).toBe(true);
    expect(partijStatus(u, 'Zilveren Kruis Zorgkantoor')).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-04-21' });
  });
});

describe('termijnregels §6: no date is ever missing after an amendment', () => {
  const basis = [tbVoor('A', 'TB-A', '2026-06-09', 2026), cr('CR-2', '2026-09-15', [2026], 'wijziging')];

  it('an amendment without a gewijzigde tariefbeschikking gives a possibly fatal date, six weeks from the wijzigingsbesluit', () => {
    const u = run({ besluiten: basis, peildatum: '2026-09-20' });
    const [t] = beroepstermijnen(u, { besluit: 'CR-2' });
    expect(t).toMatchObject({
      partij: 'A',
      soort: 'beschermend',
      einde: '2026-10-27',
      grondslag: ['art. 6:7 Awb', 'art. 6:8 lid 1 Awb', 'art. 105 lid 4 Wmg'],
    });
    expect(t!.twijfel).toMatch(/Mogelijk fatale datum.*art\. 6:10 lid 1 sub a Awb/);
    expect(partijStatus(u, 'A')).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-10-27' });
  });

  it('a gewijzigde tariefbeschikking after the amendment opens its own term too; the safe date is the earliest', () => {
    const u = run({ besluiten: [...basis, tbVoor('A', 'TB-A2', '2026-10-20', 2026, 'wijziging')], peildatum: '2026-10-21' });
    expect(beroepstermijnen(u, { partij: 'A' }).map((t) => [t.besluit, t.soort, t.einde])).toEqual([
      ['TB-A', 'termijn', '2026-07-21'],
      ['CR-2', 'beschermend', '2026-10-27'],
      ['TB-A2', 'termijn', '2026-12-01'],
    ]);
    expect(partijStatus(u, 'A')).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-10-27' });
  });

  it('art. 6:19 Awb: a pending beroep follows the amendment; the status stays in-beroep with a precaution date for a letter with gronden', () => {
    const u = run({ besluiten: basis, beroepen: [beroep('TB-A', 2026, '2026-07-01')], peildatum: '2026-09-20' });
    const [t] = beroepstermijnen(u, { besluit: 'CR-2' });
    expect(t).toMatchObject({ partij: 'A', soort: 'beschermend', regel: 'art-6-19-voorzorg', einde: '2026-10-27' });
    expect(t!.grondslag).toEqual(['art. 6:7 Awb', 'art. 6:8 lid 1 Awb', 'art. 6:19 Awb']);
    expect(t!.twijfel).toContain('brief met gronden');
    expect(partijStatus(u, 'A')).toMatchObject({ status: 'in-beroep', veiligeUitersteDatum: '2026-10-27' });
  });

  it('art. 6:19 Awb reaches the same year only: a multi-year besluit’s other year gets no precaution for that beroep', () => {
    const u = run({
      besluiten: [tbVoor('A', 'TB-A', '2026-06-09', 2026), cr('CR-2', '2026-09-15', [2026, 2028], 'wijziging')],
      beroepen: [beroep('TB-A', 2026, '2026-07-01')],
    });
    expect(beroepstermijnen(u, { besluit: 'CR-2' }).map((t) => [t.jaar, t.regel])).toEqual([
      [2026, 'art-6-19-voorzorg'],
      [2028, 'art-105-lid-3'],
    ]);
  });

  it('other parties get their new terms while one party is in beroep', () => {
    const u = run({
      besluiten: [tbVoor('A', 'TB-A', '2026-06-09', 2026), tbVoor('B', 'TB-B', '2026-06-10', 2026), cr('CR-2', '2026-09-15', [2026], 'wijziging')],
      beroepen: [beroep('TB-A', 2026, '2026-07-01')],
      peildatum: '2026-09-20',
    });
    expect(beroepstermijnen(u, { besluit: 'CR-2' }).map((t) => [t.partij, t.regel])).toEqual([
      ['A', 'art-6-19-voorzorg'],
      ['B', 'wijziging-zonder-tariefbeschikking'],
    ]);
    expect(partijStatus(u, 'B')).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-10-27' });
    expect(u.status[0]).toMatchObject({ status: 'in-beroep' });
  });
});

describe('second legal reading (review of 29 November 2026): gaps closed', () => {
  it('art. 6:19 Awb: an appellant without a tariefbeschikking for that year still gets the precaution date (lid-3 beroep)', () => {
    const u = run({
      besluiten: [cr('CR-1', '2025-11-14', [2026, 2027]), tbVoor('A', 'TB-A', '2026-01-10', 2026), cr('CR-3', '2026-10-01', [2027], 'wijziging')],
      beroepen: [beroep('CR-1', 2027, '2026-03-15', null, 'A')],
      peildatum: '2026-10-05',
    });
    expect(beroepstermijnen(u, { besluit: 'CR-3', partij: 'A' })).toEqual([
      expect.objectContaining({ jaar: 2027, regel: 'art-6-19-voorzorg', aanvang: '2026-10-02', einde: '2026-11-12' }),
    ]);
    expect(partijStatus(u, 'A', 2027)).toMatchObject({ status: 'in-beroep', veiligeUitersteDatum: '2026-11-12' });
  });

  it('art. 6:19 Awb: a beroep without a named party is named by itself and keeps its precaution date', () => {
    const u = run({
      besluiten: [cr('CR-1', '2025-11-14', [2027]), cr('CR-3', '2026-10-01', [2027], 'wijziging')],
      beroepen: [beroep('CR-1', 2027, '2026-03-15')],
      peildatum: '2026-10-05',
    });
    const [t] = beroepstermijnen(u, { besluit: 'CR-3' }).filter((x) => x.regel === 'art-6-19-voorzorg');
    expect(t).toMatchObject({ partij: 'indiener van het beroep tegen CR-1 van 15 maart 2026', einde: '2026-11-12' });
  });

  it('MvT bij art. 105 lid 2 (Kamerstuk 36 486 nr. 3): the zorgkantoor may make bezwaar against the tariefbeschikking — a term with the doubt', () => {
    const u = run({
      besluiten: [tbVoor('A', 'TB-A', '2026-03-10', 2026)],
      partijen: [{ partij: 'ZK', soort: 'zorgkantoor', regio: 'Utrecht' }],
    });
    const bezwaar = u.termijnen.filter((t) => t.rechtsmiddel === 'bezwaar' && t.partij === 'ZK');
    expect(bezwaar).toEqual([expect.objectContaining({ einde: '2026-04-21', twijfel: expect.stringContaining('geen adressaat') })]);
  });

  it('art. 6:7 Awb: a term belongs to its own party even when that party is named exactly like a doubt the cell carries', () => {
    const partijen = [{ partij: 'ZK', soort: 'zorgkantoor' as const, regio: 'Utrecht' }];
    const twijfel = run({ besluiten: [tbVoor('A', 'TB-A', '2026-03-10', 2026)], partijen }).termijnen.find((t) => t.partij === 'ZK')!.twijfel!;
    // The engine keeps parties and doubts in per-cell tables: a name equal to a doubt must not take the doubt's number.
    const u = run({ besluiten: [tbVoor('A', 'TB-A', '2026-03-10', 2026), tbVoor(twijfel, 'TB-X', '2026-03-11', 2026)], partijen });
    const vanX = u.termijnen.filter((t) => t.besluit === 'TB-X' && t.partijSoort === 'zorgaanbieder');
    expect(vanX.map((t) => [t.rechtsmiddel, t.partij])).toEqual([
      ['bezwaar', twijfel],
      ['beroep', twijfel],
    ]);
  });

  it('art. 105 lid 4 with the entry into force unknown: the exclusion says its date may be the fatal one', () => {
    const u = computeTermijnen(
      {
        peildatum: '2026-07-02',
        beroepen: [],
        besluiten: [cr('CR-1', '2025-11-14', [2026]), tbVoor('A', 'TB-A', '2025-12-10', 2026), tbVoor('A', 'TB-A2', '2026-07-01', 2026, 'wijziging')],
      },
      ONBEKEND,
    );
    const [x] = u.uitsluitingen.filter((y) => y.besluit === 'TB-A2' && y.rechtsmiddel === 'beroep');
    expect(x).toMatchObject({ reden: 'onherroepelijk', eindeAlsToch: '2026-08-12' });
    expect(x!.twijfel).toContain('inwerkingtreding');
    expect(x!.twijfel).toContain('woensdag 12 augustus 2026 de fatale datum');
  });

  it('art. 105 lid 4: the newcomer is told to file by its date (a term, not an exclusion: termijnregels §6 as corrected)', () => {
    const u = run({ besluiten: [cr('CR-1', '2025-11-14', [2027]), tbVoor('N', 'TB-N', '2026-10-01', 2027)] });
    expect(beroepstermijnen(u, { besluit: 'TB-N' })[0]!.twijfel).toContain('stel beroep in uiterlijk op deze datum');
  });

  it('art. 105 lid 4 for the zorgkantoor: the exclusion carries the zorgkantoor doubt', () => {
    const u = run({
      besluiten: [tbVoor('A', 'TB-A', '2026-03-10', 2026), tbVoor('A', 'TB-A2', '2026-09-01', 2026, 'wijziging')],
      partijen: [{ partij: 'ZK', soort: 'zorgkantoor', regio: 'Utrecht' }],
    });
    const zk = u.uitsluitingen.find((y) => y.besluit === 'TB-A2' && y.partij === 'ZK');
    expect(zk!.twijfel).toContain('geen adressaat');
  });

  it('art. 105 lid 4: the party’s status repeats the doubt of its exclusion once that tariefbeschikking is made known (§6)', () => {
    const besluiten = [
      tbVoor('A', 'TB-A', '2026-03-10', 2026),
      tbVoor('A', 'TB-A2', '2026-09-01', 2026, 'wijziging'),
      tbVoor('A', 'TB-A3', '2026-10-01', 2026, 'wijziging'),
    ];
    const voor = run({ besluiten, peildatum: '2026-08-31' });
    expect(partijStatus(voor, 'A')).toMatchObject({ status: 'onherroepelijk' });
    expect(partijStatus(voor, 'A')!.twijfel).toBeUndefined();
    for (const [peildatum, besluit] of [
      ['2026-09-01', 'TB-A2'],
      ['2026-10-01', 'TB-A3'],
    ] as const) {
      const u = run({ besluiten, peildatum });
      const uitsluiting = u.uitsluitingen.find((y) => y.besluit === besluit && y.reden === 'onherroepelijk');
      expect(uitsluiting!.twijfel).toContain(`tariefbeschikking ${besluit} wel beroep`);
      // The last exclusion made known by the peildatum: its doubt, word for word.
      expect(partijStatus(u, 'A')).toMatchObject({ status: 'onherroepelijk', twijfel: uitsluiting!.twijfel });
    }
  });

  it('art. 105 lid 3: a tariefbeschikking on the same day as the besluit — the window carries the doubt', () => {
    const u = run({ besluiten: [cr('CR', '2025-11-14', [2026]), tbVoor('A', 'TB', '2025-11-14', 2026)] });
    const [venster] = u.termijnen.filter((t) => t.regel === 'art-105-lid-3');
    expect(venster!.twijfel).toContain('Op dezelfde dag');
    expect(beroepstermijnen(u, { besluit: 'TB' })).toHaveLength(1);
  });

  it('art. 6:10 lid 1 sub a Awb: a beroep before the tariefbeschikking but after the contracteerruimtebesluit is not too early', () => {
    const u = run({
      besluiten: [cr('CR-1', '2026-01-15', [2026]), tbVoor('A', 'TB-A', '2026-02-10', 2026)],
      beroepen: [beroep('TB-A', 2026, '2026-02-01')],
    });
    expect(u.waarschuwingen.map((w) => w.code)).toEqual(['beroep-voor-aanvang']);
  });
});

describe('termijnregels §7 and §9: the safe date after an amendment, each doubt once, the notes beside a term', () => {
  it('§7: a lid-2 term against the previous version that still runs when the NZa amends keeps counting for the safe date, with a doubt', () => {
    // TB-A opens a term to 21 July 2026; the amendment of 1 July comes while it runs and gives a possibly fatal date of 12 August.
    const u = run({ besluiten: [tbVoor('A', 'TB-A', '2026-06-09', 2026), cr('CR-2', '2026-07-01', [2026], 'wijziging')], peildatum: '2026-07-02' });
    expect(partijStatus(u, 'A')).toMatchObject({ status: 'open', veiligeUitersteDatum: '2026-07-21' });
    expect(partijStatus(u, 'A')!.twijfel).toContain('liep nog toen dat besluit verscheen');
  });

  it('§8: a status does not repeat the unknown entry into force (every page says it), a term does', () => {
    const u = computeTermijnen({ peildatum: '2026-06-10', beroepen: [], besluiten: [tbVoor('A', 'TB', '2026-06-09', 2026)] }, ONBEKEND);
    expect(beroepstermijnen(u)[0]!.twijfel).toBe(TWIJFEL_INWERKINGTREDING);
    expect(u.status[0]!.twijfel).toBeUndefined();
  });

  it.each([
    ['beroep', ['art. 6:9 lid 2 Awb', 'art. 6:10 lid 1 sub a Awb', 'art. 6:15 leden 2–3 Awb']],
    ['bezwaar', ['art. 6:9 lid 2 Awb', 'art. 7:1a Awb', 'art. 7:10 Awb']],
  ] as const)('§9: a %s term carries the notes on %j', (rechtsmiddel, artikelen) => {
    const t = run({ besluiten: [tbVoor('A', 'TB', '2026-06-09', 2026)] }).termijnen.find((x) => x.rechtsmiddel === rechtsmiddel)!;
    const noten = listTermijnNoten(t).join(' ');
    for (const artikel of artikelen) expect(noten).toContain(artikel);
  });
});

describe('termijnregels §4, §7: exclusions that could be wrong say so', () => {
  it.each(['nacalculatie', 'vereffening'] as const)('art. 105 lid 2 Wmg names only the sluittarief: %s carries the doubt and the date', (soort) => {
    const [x] = run({ besluiten: [tb('TB-N', '2026-06-01', 2025, soort)] }).uitsluitingen;
    expect(x).toMatchObject({ reden: 'geen-productieafspraken', eindeAlsToch: '2026-07-13' });
    expect(x!.twijfel).toContain('alleen het Wlz-sluittarief');
  });

  it('art. 105 lid 2, last sentence: the sluittarief exclusion is certain — no doubt', () => {
    const [x] = run({ besluiten: [tb('TB-S', '2026-06-01', 2025, 'sluittarief')] }).uitsluitingen;
    expect(x!.twijfel).toBeUndefined();
  });
});

describe('termijnregels §8: the entry-into-force date is unknown', () => {
  it('computes the new regime for every decision, each beroep term with the doubt, and warns once', () => {
    const u = computeTermijnen(
      { peildatum: '2026-11-22', beroepen: [], besluiten: [cr('CR-0', '2024-11-15', [2025]), tb('TB-0', '2024-12-02', 2025)] },
      ONBEKEND,
    );
    expect(u.uitsluitingen.filter((x) => x.reden === 'oud-regime')).toEqual([]);
    expect(beroepstermijnen(u).map((t) => t.besluit)).toEqual(['TB-0', 'CR-0']);
    expect(beroepstermijnen(u).every((t) => t.twijfel?.includes('inwerkingtreding'))).toBe(true);
    expect(u.waarschuwingen.filter((w) => w.code === 'inwerkingtreding-onbekend')).toHaveLength(1);
  });

  it('with a known date there is no such warning', () => {
    expect(run({ besluiten: [tb('TB', '2026-03-10', 2026)] }).waarschuwingen.map((w) => w.code)).not.toContain('inwerkingtreding-onbekend');
  });
});

describe('termijnregels §10: every term carries its afleiding', () => {
  it('lid 2, spec example: bekendgemaakt 10 March 2026 → start 11 March → six weeks → no move', () => {
    const [t] = beroepstermijnen(run({ besluiten: [tbVoor('A', 'TB-1', '2026-03-10', 2026)] }));
    const afleiding = describeAfleiding(t!, CONFIG);
    expect(afleiding.map((s) => [s.datum, s.grondslag])).toEqual([
      ['2026-03-10', 'art. 3:41 Awb'],
      ['2026-03-10', 'art. 105 lid 2 Wmg'],
      ['2026-03-10', 'art. 105 Wmg'],
      ['2026-03-11', 'art. 6:8 lid 1 Awb'],
      ['2026-04-21', 'art. 6:7 Awb'],
      ['2026-04-21', 'art. 1 lid 1 Atw'],
    ]);
    expect(afleiding[0]!.stap).toBe('tariefbeschikking TB-1 (vaststelling, Utrecht 2026) bekendgemaakt aan A op dinsdag 10 maart 2026');
    expect(afleiding[3]!.stap).toBe('termijn vangt aan op woensdag 11 maart 2026, de dag na de bekendmaking');
    expect(afleiding[5]!.stap).toBe('geen verschuiving: dinsdag 21 april 2026 is een werkdag');
    expect(afleiding[2]!.stap).toContain('1 januari 2025');
  });

  it.each([
    [
      'art. 105 lid 3 Wmg',
      { besluiten: [cr('CR', '2025-11-14', [2027])] },
      'art-105-lid-3',
      [
        'art. 3:41 en 3:42 Awb',
        'art. 105 lid 3 Wmg',
        'art. 105 Wmg',
        'art. 105 lid 3 Wmg',
        'art. 6:7 Awb',
        'art. 1 lid 1 Atw',
        'art. 1 lid 1 Atw',
        'art. 1 lid 1 Atw',
      ],
    ],
    [
      'termijnregels §6 (possibly fatal)',
      { besluiten: [tbVoor('A', 'TB', '2026-06-09', 2026), cr('CR', '2026-09-15', [2026], 'wijziging')] },
      'wijziging-zonder-tariefbeschikking',
      ['art. 3:41 en 3:42 Awb', 'art. 105 lid 4 Wmg; art. 6:8 lid 1 Awb', 'art. 105 Wmg', 'art. 6:8 lid 1 Awb', 'art. 6:7 Awb', 'art. 1 lid 1 Atw'],
    ],
    [
      'art. 6:19 Awb (precaution)',
      { besluiten: [tbVoor('A', 'TB', '2026-06-09', 2026), cr('CR', '2026-09-15', [2026], 'wijziging')], beroepen: [beroep('TB', 2026, '2026-07-01')] },
      'art-6-19-voorzorg',
      ['art. 3:41 en 3:42 Awb', 'art. 6:19 lid 1 Awb', 'art. 6:8 lid 1 Awb', 'art. 6:7 Awb', 'art. 1 lid 1 Atw'],
    ],
  ] as const)('%s: the afleiding cites each step', (_regel, invoer, regel, grondslagen) => {
    const t = run(invoer as unknown as Parameters<typeof run>[0]).termijnen.find((x) => x.regel === regel)!;
    const afleiding = describeAfleiding(t, CONFIG);
    expect(afleiding.map((s) => s.grondslag)).toEqual(grondslagen);
    expect(afleiding.at(-1)!.datum).toBe(t.einde);
  });

  it('a KB day names its source (art. 3 lid 3 Atw): Hemelvaart 14 May 2026 → KB day 15 May → Monday 18 May', () => {
    const [t] = run({ besluiten: [tbVoor('A', 'TB', '2026-04-02', 2026)] }).termijnen;
    expect(t).toMatchObject({ einde: '2026-05-18', perPostUiterlijkOntvangen: '2026-05-25' });
    const kb = describeAfleiding(t!, CONFIG).find((s) => s.grondslag === 'art. 3 lid 3 Atw');
    expect(kb!.stap).toContain('Stcrt. 2025, 24713');
    expect(describeToelichting(t!, CONFIG)).toContain('Stcrt. 2025, 24713');
  });

  it('art. 6:9 lid 2 Awb: perPostUiterlijkOntvangen is the last day plus seven days', () => {
    const [t] = run({ besluiten: [tbVoor('A', 'TB', '2026-07-14', 2026)] }).termijnen;
    expect(t).toMatchObject({ einde: '2026-08-25', perPostUiterlijkOntvangen: '2026-09-01' });
  });
});

describe('termijnregels §3, §7: plausibility warnings and what the shipped data cannot tell', () => {
  it('art. 3 lid 3 Atw: an end date in a year no shipped KB covers gives kb-onbekend', () => {
    const u = run({ besluiten: [tbVoor('A', 'TB', '2029-03-01', 2029)], peildatum: '2029-03-02' });
    expect(u.waarschuwingen.map((w) => w.code)).toContain('kb-onbekend');
    expect(run({ besluiten: [tbVoor('A', 'TB', '2027-03-01', 2027)], peildatum: '2027-03-02' }).waarschuwingen.map((w) => w.code)).not.toContain('kb-onbekend');
  });

  it('art. 3 lid 3 Atw with §8: the last day an oud-regime exclusion advises (eindeAlsToch) counts as an end date for kb-onbekend', () => {
    // Found by the reference engine (test/referentie): made known before the entry into force, its lid-3 window falls after
    // it; the exclusion advises filing by 11 April 2029 (a Wednesday), in a year no shipped KB covers.
    const besluit = cr('CR1', '2028-11-14', [2030]);
    const u = run({ besluiten: [besluit], peildatum: '2029-02-01' }, { ...CONFIG, inwerkingtreding: '2029-01-01' });
    expect(u.termijnen).toEqual([]);
    expect(u.uitsluitingen.find((x) => x.reden === 'oud-regime')).toMatchObject({ eindeAlsToch: '2029-04-11' });
    expect(u.waarschuwingen.filter((w) => w.code === 'kb-onbekend').map((w) => w.jaar)).toEqual([2029]);
  });

  it.each([
    ['a bekendmaking after the peildatum', { besluiten: [tb('TB', '2026-12-01', 2026)], peildatum: '2026-11-22' }, 'bekendmaking-in-toekomst'],
    [
      'a beroep before its besluit (art. 6:10 Awb)',
      { besluiten: [cr('CR', '2026-03-01', [2026])], beroepen: [beroep('CR', 2026, '2026-02-01')] },
      'beroep-voor-besluit',
    ],
    [
      'a beroep before 1 March under lid 3 is not too early (art. 6:10 lid 1 sub a Awb)',
      { besluiten: [cr('CR', '2025-11-14', [2027])], beroepen: [beroep('CR', 2027, '2025-12-01')] },
      'beroep-voor-aanvang',
    ],
    [
      'a tariefbeschikking for a year the contracteerruimte does not cover',
      { besluiten: [cr('CR', '2025-11-14', [2026]), tb('TB', '2026-03-10', 2031)] },
      'jaar-niet-gedekt',
    ],
  ] as const)('%s', (_wat, invoer, code) => {
    expect(run(invoer as unknown as Parameters<typeof run>[0]).waarschuwingen.map((w) => w.code)).toContain(code);
  });

  it('termijnregels §7: decisions made known after the peildatum are each named in the order entered; past 25 they fold into one', () => {
    const later = ['2026-12-20', '2026-12-01', '2026-12-10'].map((datum, i) => tb(`TB-${i}`, datum, 2026));
    const gemeld = (besluiten: Besluit[]) => run({ besluiten, peildatum: '2026-11-22' }).waarschuwingen.filter((w) => w.code === 'bekendmaking-in-toekomst');
    expect(gemeld([tb('TB-eerder', '2026-11-02', 2026), ...later]).map((w) => w.besluit)).toEqual(['TB-0', 'TB-1', 'TB-2']);
    const veel = Array.from({ length: 26 }, (_, i) => tb(`TB-${i}`, i % 2 ? '2026-12-01' : '2026-12-15', 2026));
    const [samen, ...rest] = gemeld(veel);
    expect(rest).toEqual([]);
    expect(samen!.melding).toContain('26 besluiten zijn bekendgemaakt na de peildatum 22 november 2026 (onder meer TB-0, TB-1, TB-2, TB-3, TB-4)');
  });

  it('art. 6:8 Awb with termijnregels §3: a bekendmaking before 1994 or after 2200 is refused, never computed', () => {
    expect(() => run({ besluiten: [tb('TB', '1993-12-31', 1994)] })).toThrow(RangeError);
    expect(() => run({ besluiten: [tb('TB', '2201-01-01', 2201)] })).toThrow(RangeError);
  });
});

describe('termijnregels §11: regions as reference data', () => {
  it('ships the 31 regions of the current CBS division with ZKnn codes, and says what was not checked', async () => {
    const { ZORGKANTOORREGIOS, REGIO_INDELING } = await import('../../../src/domain/regios/zorgkantoorregios');
    expect(ZORGKANTOORREGIOS).toHaveLength(31);
    expect(ZORGKANTOORREGIOS.every((r) => /^ZK\d\d$/.test(r.code))).toBe(true);
    expect(new Set(ZORGKANTOORREGIOS.map((r) => r.code)).size).toBe(31);
    expect(REGIO_INDELING.nietGecontroleerd).toContain('niet tegen de officiële PDOK-dienst');
  });

  it.each([
    ['ZK23', 'Utrecht'],
    ['zk26', 'Zaanstreek/Waterland'],
    ['Apeldoorn/Zutphen e.o.', 'Apeldoorn/Zutphen'],
    ['Delft Westland Oostland', 'Delft/Westland/Oostland'],
  ])('finds %s → %s (by code, alias or an ended region)', (invoer, naam) => {
    expect(findZorgkantoorregio(invoer)?.naam).toBe(naam);
  });

  it('an ended region names its successor', () => {
    expect(findZorgkantoorregio('Nieuwe Waterweg Noord')).toMatchObject({ geldigTot: '2015-12-31', opgevolgdDoor: 'ZK33' });
  });
});

describe('termijnregels §11: region names match across typographic variants', () => {
  it.each([
    ['’t Gooi', "'t Gooi"],
    ['‘T GOOI', "'t Gooi"],
    ['Zaanstreek-Waterland', 'Zaanstreek/Waterland'],
    ['Zaanstreek – Waterland', 'Zaanstreek/Waterland'],
  ])('%s → %s', (invoer, officieel) => {
    expect(findZorgkantoorregio(invoer)?.naam).toBe(officieel);
  });
});

// Properties over scenarios of tariefbeschikkingen to three providers and amendments, 2025–2027.
const dag = fc.integer({ min: 0, max: 900 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
const besluitArb: fc.Arbitrary<Besluit> = fc.oneof(
  fc
    .record({ aanbieder: fc.constantFrom('A', 'B', 'C'), datum: dag, soort: fc.constantFrom('vaststelling', 'wijziging', 'sluittarief') })
    .map(({ aanbieder, datum, soort }) => tbVoor(aanbieder, `TB-${aanbieder}-${datum}-${soort}`, datum, 2026, soort as 'vaststelling')),
  fc
    .record({ datum: dag, soort: fc.constantFrom('vaststelling', 'wijziging') })
    .map(({ datum, soort }) => cr(`CR-${datum}-${soort}`, datum, [2026], soort as 'wijziging')),
);
const uniek = (besluiten: Besluit[]) => [...new Map(besluiten.map((b) => [b.id, b])).values()];

describe('properties of parties (termijnregels §4, §6, §7)', () => {
  // One exception is the law's own: an earlier tariefbeschikking of anyone ends art. 105 lid 3 for that year, so a
  // lid-3 window may go; a term of A that then no longer opens stays visible as a lid-4 exclusion with its date.
  it('per-party independence: adding a tariefbeschikking for provider B never removes a term of provider A without leaving its date', () => {
    fc.assert(
      fc.property(fc.array(besluitArb, { maxLength: 8 }), dag, (besluiten, datum) => {
        const zonder = uniek(besluiten.filter((b) => b.type !== 'tariefbeschikking' || b.aanbieder !== 'B'));
        const na = run({ besluiten: [...zonder, tbVoor('B', 'TB-B-extra', datum, 2026)] });
        const sleutel = (t: { besluit: string; rechtsmiddel: string; einde: string }) => `${t.besluit}|${t.rechtsmiddel}|${t.einde}`;
        const termijnenNa = new Set(na.termijnen.filter((t) => t.partij === 'A').map(sleutel));
        const alsToch = new Set(na.uitsluitingen.filter((x) => x.partij === 'A' && x.twijfel).map((x) => `${x.besluit}|${x.rechtsmiddel}|${x.eindeAlsToch}`));
        return run({ besluiten: zonder })
          .termijnen.filter((t) => t.partij === 'A')
          .every((t) => termijnenNa.has(sleutel(t)) || alsToch.has(sleutel(t)));
      }),
      { numRuns: 300 },
    );
  });

  it('adding any decision never makes a party’s safe date later without a doubt saying why', () => {
    fc.assert(
      fc.property(fc.array(besluitArb, { maxLength: 6 }), besluitArb, dag, (besluiten, extra, peildatum) => {
        const voor = run({ besluiten: uniek(besluiten), peildatum });
        const na = run({ besluiten: uniek([...besluiten, extra]), peildatum });
        // The law's own exceptions: a tariefbeschikking made known before a besluit ends a rule that needs "no
        // tariefbeschikking yet", with no doubt, and a party's later date is then its own lid-2 term. Art. 105 lid 3 Wmg:
        // a wijzigingsbesluit's window goes (the vaststelling it amends, not registered, carries the tariefbeschikking;
        // for a first vaststelling the window stays, with the doubt: termijnregels §5, §7). §4: the possibly fatal dates
        // of a besluit for a year that is not future go, as lid 2 now runs through the tariefbeschikkingen.
        const eindigtRegel = (regel: string, alleenWijziging: boolean) =>
          extra.type === 'tariefbeschikking' &&
          voor.termijnen.some(
            (t) =>
              t.regel === regel &&
              (!alleenWijziging || t.besluitSoort === 'wijziging') &&
              t.bekendgemaakt > extra.bekendgemaakt &&
              !na.termijnen.some((n) => n.regel === regel && n.besluit === t.besluit),
          );
        if (eindigtRegel('art-105-lid-3', true) || eindigtRegel('besluit-zonder-tariefbeschikking', false)) return true;
        return voor.partijStatus.every((s) => {
          if (!s.veiligeUitersteDatum) return true;
          const later = na.partijStatus.find((n) => n.partij === s.partij && n.jaar === s.jaar)!;
          // Later: a safe date after the earlier one, or a term that now only opens after it.
          const isLater =
            (later.veiligeUitersteDatum !== undefined && later.veiligeUitersteDatum > s.veiligeUitersteDatum) ||
            (later.status === 'nog-niet-open' && later.opent !== undefined && later.opent > s.veiligeUitersteDatum);
          // The doubt may stand on the status, or on a date of the party for that year that ran out already (after an
          // amendment without a gewijzigde tariefbeschikking: termijnregels §6), which the status no longer repeats.
          const verklaard =
            Boolean(later.twijfel) || na.termijnen.some((t) => t.partij === s.partij && t.jaar === s.jaar && t.soort === 'beschermend' && t.twijfel);
          return !isLater || verklaard;
        });
      }),
      // Seeded, so that the suite is the same on every run: this seed found the §4 exception above (random seeds were run
      // 80,000 times by hand after both exceptions, all green).
      { numRuns: 300, seed: -1424632037 },
    );
  });

  it('the start never moves: a lid-2 term starts the day after its tariefbeschikking, whatever day that is', () => {
    fc.assert(
      fc.property(fc.array(besluitArb, { maxLength: 8 }), (besluiten) =>
        run({ besluiten: uniek(besluiten) })
          .termijnen.filter((t) => t.regel === 'art-105-lid-2' || t.regel === 'awb-bezwaar')
          .every((t) => Date.parse(t.aanvang) - Date.parse(t.bekendgemaakt) === 86_400_000),
      ),
      { numRuns: 300 },
    );
  });
});

it('the engine configuration used here knows its entry into force (sanity check of the fixtures)', () => {
  expect(CONFIG.inwerkingtreding).toBe('2025-01-01');
});

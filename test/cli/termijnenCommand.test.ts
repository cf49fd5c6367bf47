import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runTermijnenCommand } from '../../src/cli/termijnenCommand';
import { CONFIG } from '../domain/termijnen/scenarioBouwer';

const SPEC_VOORBEELD = {
  peildatum: '2026-11-22',
  besluiten: [
    { id: 'CR-1', type: 'contracteerruimte', soort: 'vaststelling', regio: 'Utrecht', bekendgemaakt: '2025-11-14', jaren: [2026, 2027, 2028] },
    { id: 'TB-1', type: 'tariefbeschikking', soort: 'vaststelling', regio: 'Utrecht', jaar: 2026, bekendgemaakt: '2026-03-10' },
  ],
  beroepen: [{ tegen: 'CR-1', jaar: 2027, ingesteld: '2026-04-01', afgerond: null }],
};

async function runCommand(invoer: unknown) {
  const tekst = typeof invoer === 'string' ? invoer : JSON.stringify(invoer);
  return runTermijnenCommand([], async () => tekst, '2026-11-22', CONFIG);
}

describe('termijnen command (spec/cli-termijnen.md)', () => {
  it('passes the spec example', async () => {
    const { exitCode, stdout, stderr } = await runCommand(SPEC_VOORBEELD);
    expect(exitCode).toBe(0);
    expect(stderr).toBe('');
    const uitvoer = JSON.parse(stdout);
    expect(Object.keys(uitvoer)).toEqual(['termijnen', 'uitsluitingen', 'status', 'partijStatus', 'waarschuwingen']);
    expect(uitvoer.termijnen).toContainEqual({
      besluit: 'TB-1',
      rechtsmiddel: 'bezwaar',
      tegen: 'tariefbeschikking',
      regio: 'Utrecht',
      jaar: 2026,
      partij: 'TB-1',
      soort: 'termijn',
      aanvang: '2026-03-11',
      einde: '2026-04-21',
      perPostUiterlijkOntvangen: '2026-04-28',
      grondslag: ['art. 6:7 Awb', 'art. 6:8 lid 1 Awb'],
      toelichting: expect.any(String),
      afleiding: expect.arrayContaining([{ stap: expect.any(String), datum: '2026-03-11', grondslag: 'art. 6:8 lid 1 Awb' }]),
      noten: expect.arrayContaining([expect.stringContaining('art. 7:1a Awb')]),
    });
    expect(uitvoer.termijnen).toContainEqual(
      expect.objectContaining({
        besluit: 'TB-1',
        rechtsmiddel: 'beroep',
        tegen: 'contracteerruimte',
        einde: '2026-04-21',
        grondslag: ['art. 6:7 Awb', 'art. 6:8 lid 1 Awb', 'art. 105 lid 2 Wmg'],
      }),
    );
    expect(uitvoer.termijnen).toContainEqual(expect.objectContaining({ besluit: 'CR-1', jaar: 2027, aanvang: '2026-03-01', einde: '2026-04-13' }));
    expect(uitvoer.status).toEqual([
      { regio: 'Utrecht', jaar: 2026, status: 'onherroepelijk', sinds: '2026-04-22' },
      { regio: 'Utrecht', jaar: 2027, status: 'in-beroep' },
      { regio: 'Utrecht', jaar: 2028, status: 'onherroepelijk', sinds: '2026-04-14' },
    ]);
    const eindes = uitvoer.termijnen.map((t: { einde: string }) => t.einde);
    expect(eindes).toEqual([...eindes].sort());
  });

  it('reports the sluittarief exclusion in the shape of the spec', async () => {
    const { stdout } = await runCommand({
      peildatum: '2026-11-22',
      besluiten: [{ id: 'TB-9', type: 'tariefbeschikking', soort: 'sluittarief', regio: 'utrecht', jaar: 2025, bekendgemaakt: '2026-06-01' }],
    });
    expect(JSON.parse(stdout).uitsluitingen).toEqual([
      {
        besluit: 'TB-9',
        rechtsmiddel: 'beroep',
        tegen: 'contracteerruimte',
        regio: 'Utrecht',
        jaar: 2025,
        partij: 'TB-9',
        reden: 'sluittarief-nacalculatie',
        grondslag: ['art. 105 lid 2 Wmg'],
        toelichting: expect.stringContaining('sluittarief'),
      },
    ]);
  });

  it('version 2 input: aanbieder, partij of a beroep, partijen, gelijkgesteldeDagen and inwerkingtreding', async () => {
    const { exitCode, stdout, stderr } = await runCommand({
      peildatum: '2030-04-20',
      inwerkingtreding: '2026-07-01',
      gelijkgesteldeDagen: ['2030-05-31'],
      besluiten: [
        { id: 'TB-A', type: 'tariefbeschikking', soort: 'vaststelling', regio: '’t Gooi', jaar: 2030, bekendgemaakt: '2030-04-19', aanbieder: 'A' },
        {
          id: 'TB-O',
          type: 'tariefbeschikking',
          soort: 'vaststelling',
          regio: 'Zaanstreek-Waterland',
          jaar: 2026,
          bekendgemaakt: '2026-03-10',
          aanbieder: 'O',
        },
      ],
      beroepen: [{ tegen: 'TB-A', jaar: 2030, ingesteld: '2030-04-20', afgerond: null, partij: 'A' }],
      partijen: [{ partij: 'ZK Gooi', soort: 'zorgkantoor', regio: "'t gooi" }],
    });
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    const uitvoer = JSON.parse(stdout);
    // 19 April 2030 + 42 days = Friday 31 May 2030, equated for this scenario → Monday 3 June 2030.
    expect(uitvoer.termijnen).toContainEqual(
      expect.objectContaining({ besluit: 'TB-A', rechtsmiddel: 'beroep', partij: 'A', regio: "'t Gooi", einde: '2030-06-03' }),
    );
    expect(uitvoer.termijnen).toContainEqual(expect.objectContaining({ besluit: 'TB-A', partij: 'ZK Gooi', twijfel: expect.stringContaining('zorgkantoor') }));
    expect(uitvoer.uitsluitingen).toContainEqual(expect.objectContaining({ besluit: 'TB-O', regio: 'Zaanstreek/Waterland', reden: 'oud-regime' }));
    expect(uitvoer.partijStatus).toContainEqual(expect.objectContaining({ partij: 'A', regio: "'t Gooi", jaar: 2030, status: 'in-beroep' }));
    expect(uitvoer.waarschuwingen.map((w: { code: string }) => w.code)).not.toContain('inwerkingtreding-onbekend');
    expect(uitvoer.waarschuwingen.map((w: { code: string }) => w.code)).not.toContain('kb-onbekend');
  });

  it('refuses a decision for a region that no longer existed on its bekendmaking (termijnregels §11)', async () => {
    const { exitCode, stderr } = await runCommand({
      besluiten: [{ id: 'TB', type: 'tariefbeschikking', soort: 'vaststelling', regio: 'Nieuwe Waterweg Noord', jaar: 2026, bekendgemaakt: '2026-03-10' }],
    });
    expect(exitCode).toBe(2);
    expect(stderr).toBe(
      'besluiten[0].regio: "Nieuwe Waterweg Noord" bestond op 10 maart 2026 niet meer als zorgkantoorregio (tot en met 31 december 2015; opgevolgd door Westland Schieland Delfland)\n',
    );
  });

  it('refuses a bekendmaking before 1994 or after 2200 (termijnregels §3)', async () => {
    const { exitCode, stderr } = await runCommand({
      besluiten: [{ id: 'TB', type: 'tariefbeschikking', soort: 'vaststelling', regio: 'Utrecht', jaar: 1993, bekendgemaakt: '1993-12-31' }],
    });
    expect(exitCode).toBe(2);
    expect(stderr).toContain('besluiten[0].bekendgemaakt: "1993-12-31" ligt buiten het bereik van de rekenregels');
  });

  it('uses today as the default peildatum', async () => {
    const { peildatum: _weg, ...zonder } = SPEC_VOORBEELD;
    const { exitCode, stdout } = await runCommand(zonder);
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout).status[1].status).toBe('in-beroep');
  });

  it.each([
    [
      'an impossible date',
      { ...SPEC_VOORBEELD, besluiten: [SPEC_VOORBEELD.besluiten[0], { ...SPEC_VOORBEELD.besluiten[1], bekendgemaakt: '2026-02-30' }] },
      ['besluiten[1].bekendgemaakt: "2026-02-30" is geen geldige datum'],
    ],
    ['an unknown region', { besluiten: [{ ...SPEC_VOORBEELD.besluiten[1], regio: 'Utrech' }] }, ['besluiten[0].regio: "Utrech" is geen zorgkantoorregio']],
    [
      'an unknown soort',
      { besluiten: [{ ...SPEC_VOORBEELD.besluiten[1], soort: 'herziening' }] },
      [
        'besluiten[0].soort: "herziening" is geen geldige soort voor een tariefbeschikking (toegestaan: vaststelling, wijziging, nacalculatie, sluittarief, vereffening)',
      ],
    ],
    [
      'a contracteerruimte soort that only tariefbeschikkingen have',
      { besluiten: [{ ...SPEC_VOORBEELD.besluiten[0], soort: 'sluittarief' }] },
      ['besluiten[0].soort: "sluittarief" is geen geldige soort voor een contracteerruimtebesluit (toegestaan: vaststelling, wijziging)'],
    ],
    [
      'a year as a string',
      { besluiten: [{ ...SPEC_VOORBEELD.besluiten[1], jaar: '2026' }] },
      ['besluiten[0].jaar: verwacht een jaartal als geheel getal, niet "2026"'],
    ],
    [
      'an unknown type',
      { besluiten: [{ id: 'X', type: 'besluit' }] },
      ['besluiten[0].type: "besluit" is geen geldig type (toegestaan: contracteerruimte, tariefbeschikking)'],
    ],
    ['a missing date', { besluiten: [{ ...SPEC_VOORBEELD.besluiten[1], bekendgemaakt: undefined }] }, ['besluiten[0].bekendgemaakt: ontbreekt']],
    ['besluiten not a list', { besluiten: 'CR-1' }, ['besluiten: verwacht een lijst besluiten, niet "CR-1"']],
    ['a top-level array', [1, 2], ['invoer: verwacht een JSON-object met besluiten, niet [1,2]']],
    ['an unknown field', { besluiten: [{ ...SPEC_VOORBEELD.besluiten[1], bekendgemaak: '2026-01-01' }] }, ['besluiten[0].bekendgemaak: onbekend veld']],
    ['a duplicate id', { besluiten: [SPEC_VOORBEELD.besluiten[1], SPEC_VOORBEELD.besluiten[1]] }, ['besluiten[1].id: "TB-1" komt al voor bij besluiten[0]']],
    [
      'a beroep against an unknown besluit',
      { besluiten: [SPEC_VOORBEELD.besluiten[1]], beroepen: [{ tegen: 'CR-9', jaar: 2026, ingesteld: '2026-04-01', afgerond: null }] },
      ['beroepen[0].tegen: "CR-9" is geen besluit uit besluiten'],
    ],
    [
      'a beroep for a year the besluit does not fix',
      { besluiten: [SPEC_VOORBEELD.besluiten[0]], beroepen: [{ tegen: 'CR-1', jaar: 2030, ingesteld: '2026-04-01', afgerond: null }] },
      ['beroepen[0].jaar: 2030 valt niet onder besluit "CR-1" (2026, 2027, 2028)'],
    ],
    [
      'a beroep decided before it was filed',
      { besluiten: [SPEC_VOORBEELD.besluiten[0]], beroepen: [{ tegen: 'CR-1', jaar: 2026, ingesteld: '2026-04-01', afgerond: '2026-03-01' }] },
      ['beroepen[0].afgerond: ligt vóór de datum waarop het beroep is ingesteld'],
    ],
    ['invalid JSON', '{"besluiten": [', [expect.stringMatching(/^invoer: geen geldige JSON \(.+\)$/)]],
  ])('rejects %s with exit 2, nothing on stdout and one line per problem', async (_wat, invoer, regels) => {
    const { exitCode, stdout, stderr } = await runCommand(invoer);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual(regels);
  });

  it('lists every problem, one line each', async () => {
    const { stderr } = await runCommand({
      besluiten: [{ id: 'A', type: 'tariefbeschikking', soort: 'x', regio: 'y', jaar: 1.5, bekendgemaakt: '2026-13-01' }],
    });
    expect(stderr.trimEnd().split('\n')).toHaveLength(4);
  });
});

describe('npm run -s cli -- termijnen (the real process)', () => {
  const exec = promisify(execFile);
  const map = mkdtempSync(join(tmpdir(), 'termijnen-'));

  it('reads a FILE and prints JSON with exit 0', async () => {
    const bestand = join(map, 'scenario.json');
    writeFileSync(bestand, JSON.stringify(SPEC_VOORBEELD));
    const { stdout } = await exec('npm', ['run', '-s', 'cli', '--', 'termijnen', bestand]);
    expect(JSON.parse(stdout).status).toHaveLength(3);
  });

  it('reads stdin and exits 2 on bad input with the message on stderr only', async () => {
    const kind = execFile('npm', ['run', '-s', 'cli', '--', 'termijnen']);
    let stdout = '';
    let stderr = '';
    kind.stdout!.on('data', (d) => (stdout += d));
    kind.stderr!.on('data', (d) => (stderr += d));
    kind.stdin!.end(JSON.stringify({ besluiten: [{ ...SPEC_VOORBEELD.besluiten[1], bekendgemaakt: '2026-02-30' }] }));
    const code = await new Promise((resolve) => kind.on('close', resolve));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('besluiten[0].bekendgemaakt: "2026-02-30" is geen geldige datum\n');
  });
});

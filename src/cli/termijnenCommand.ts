import { readFile } from 'node:fs/promises';
import { computeTermijnen, type TermijnConfig } from '../domain/termijnen/computeTermijnen';
import { createAtwKalender } from '../domain/kalender/atwKalender';
import type { GelijkgesteldeDag } from '../domain/kalender/feestdagen';
import { toTermijnUitkomstJson } from '../domain/termijnen/termijnUitkomstJson';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import { formatVeldFout } from '../validation/velden';
import { parseTermijnScenario } from './termijnScenario';

export interface CommandResultaat {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** `termijnen [FILE]`: scenario JSON in, the engine's result as JSON out; exit 2 with one line per problem. */
export async function runTermijnenCommand(
  args: readonly string[],
  readStdin: () => Promise<string>,
  vandaag: IsoDatum,
  config: TermijnConfig,
  /** The configured extra days (art. 3 lid 3 Atw), to which a scenario's own `gelijkgesteldeDagen` are added. */
  gelijkgesteldeDagen: readonly GelijkgesteldeDag[] = [],
): Promise<CommandResultaat> {
  if (args.length > 1) return fout([`gebruik: termijnen [BESTAND] (kreeg ${args.length} argumenten)`]);
  let tekst: string;
  try {
    tekst = args[0] ? await readFile(args[0], 'utf8') : await readStdin();
  } catch (e) {
    return fout([`invoer: bestand ${args[0]} kan niet worden gelezen (${(e as NodeJS.ErrnoException).code ?? 'onbekende fout'})`]);
  }
  let ruw: unknown;
  try {
    ruw = JSON.parse(tekst);
  } catch (e) {
    return fout([`invoer: geen geldige JSON (${(e as Error).message.replace(/\s+/g, ' ')})`]);
  }
  const parsed = parseTermijnScenario(ruw, vandaag);
  if (!parsed.ok) return fout(parsed.fouten.map(formatVeldFout));
  const scenarioConfig = {
    inwerkingtreding: parsed.inwerkingtreding ?? config.inwerkingtreding,
    kalender:
      parsed.gelijkgesteldeDagen.length > 0
        ? createAtwKalender([
            ...gelijkgesteldeDagen,
            ...parsed.gelijkgesteldeDagen.map((datum) => ({ datum, naam: 'gelijkgestelde dag (scenario)', bron: 'opgegeven in het scenario' })),
          ])
        : config.kalender,
  };
  const uitkomst = computeTermijnen(parsed.invoer, scenarioConfig);
  return { exitCode: 0, stdout: `${JSON.stringify(toTermijnUitkomstJson(uitkomst, scenarioConfig), null, 2)}\n`, stderr: '' };
}

function fout(regels: string[]): CommandResultaat {
  return { exitCode: 2, stdout: '', stderr: regels.map((r) => `${r}\n`).join('') };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { findVrijePoort } from './vrijePoort';

/**
 * A real server process (`node --import tsx src/server/main.ts`, as `npm run dev`) on a given database file, with its
 * output collected: for tests of what only a process shows (start checks, signals, kill -9, log lines, file modes).
 */
export interface ServerProces {
  kind: ChildProcess;
  url: string;
  /** Everything the process wrote so far (stdout and stderr). */
  uitvoer(): string;
  stdout(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  einde: Promise<number | string>;
}

const BASIS_ENV = (databasePad: string, port: number): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH!,
  DATABASE_PATH: databasePad,
  PORT: String(port),
  HERINNERINGEN: 'uit',
  SESSION_SECRET: 'test-geheim-van-minstens-16',
  WMG105_INWERKINGTREDING: '2025-01-01',
});

/** Starts the process; does not wait for it to serve (see `waitServing`). */
export async function spawnServer(databasePad: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<ServerProces> {
  const port = await findVrijePoort();
  const kind = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...BASIS_ENV(databasePad, port), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let uit = '';
  let std = '';
  kind.stdout!.on('data', (d: Buffer) => ((uit += d.toString()), (std += d.toString())));
  kind.stderr!.on('data', (d: Buffer) => (uit += d.toString()));
  const einde = new Promise<number | string>((resolve) => kind.on('exit', (code, signaal) => resolve(code ?? signaal ?? -1)));
  return { kind, url: `http://127.0.0.1:${port}`, uitvoer: () => uit, stdout: () => std, einde };
}

export async function waitServing(p: ServerProces, timeoutMs = 40_000): Promise<void> {
  const begin = Date.now();
  while (!p.uitvoer().includes('serving')) {
    if (p.kind.exitCode !== null || p.kind.signalCode !== null) throw new Error(`server exited: ${p.uitvoer()}`);
    if (Date.now() - begin > timeoutMs) throw new Error(`server did not start in time: ${p.uitvoer()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startServer(databasePad: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<ServerProces> {
  const p = await spawnServer(databasePad, extraEnv);
  await waitServing(p);
  return p;
}

/** The operator's command line, as a process: `node --import tsx src/cli/main.ts …` (what `npm run -s cli --` runs). */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv) {
  const kind = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { PATH: process.env.PATH!, SESSION_SECRET: 'test-geheim-van-minstens-16', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  kind.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  kind.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const klaar = new Promise<{ code: number | string; stdout: string; stderr: string }>((resolve) =>
    kind.on('close', (code, signaal) => resolve({ code: code ?? signaal ?? -1, stdout, stderr })),
  );
  return { kind, klaar };
}

export const runCli = (args: string[], env: NodeJS.ProcessEnv) => spawnCli(args, env).klaar;

import { SMTPServer } from 'smtp-server';
import { findVrijePoort } from './vrijePoort';

export interface TestSmtp {
  poort: number;
  sluit(): Promise<void>;
}

/**
 * A real SMTP server on loopback for tests: every message arrives whole at `ontvang`, which answers the client through
 * `klaar` (accepted, or an error with its SMTP code) — or never, to play a server that hangs.
 */
export async function startTestSmtp(ontvang: (bericht: Buffer, klaar: (fout?: Error | null) => void) => void): Promise<TestSmtp> {
  const poort = await findVrijePoort();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _sessie, klaar) {
      const delen: Buffer[] = [];
      stream.on('data', (d: Buffer) => delen.push(d));
      stream.on('end', () => ontvang(Buffer.concat(delen), klaar));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(poort, '127.0.0.1', () => resolve()));
  return { poort, sluit: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

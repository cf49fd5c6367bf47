import { createTestApp } from '../support/testApp';
import { planHerinneringen, sendVerschuldigde } from '../../src/herinneringen/herinneringService';
import type { Verzender } from '../../src/mail/verzender';
import { addDagen } from '../../src/domain/kalender/kalenderdatum';

/** One scan of the reminder job over 200,000 pending reminders (a few of them due), on one core. */
export async function runHerinneringBench(): Promise<void> {
  const t = createTestApp();
  try {
    const vandaag = '2026-11-23';
    let verstuurd = 0;
    const verzender: Verzender = { soort: 'outbox', send: async () => void verstuurd++ };
    const deps = {
      db: t.db,
      termijnen: t.termijnen,
      verzender,
      mail: { afzender: 'x <x@x.local>', appUrl: 'http://x' },
      klok: { vandaag: () => vandaag, nuMs: () => Date.parse('2026-11-23T08:00:00Z') },
    };
    planHerinneringen(deps);
    const gebruiker = (t.db.$client.prepare('SELECT id FROM gebruikers LIMIT 1').get() as { id: number }).id;
    const insert = t.db.$client.prepare(
      `INSERT INTO herinneringen (sleutel, soort, gebruiker_id, einde, werkdagen_vooraf, moment) VALUES (?, 'herinnering', ?, ?, ?, ?)`,
    );
    t.db.$client.transaction(() => {
      for (let i = 0; i < 200_000; i++) insert.run(`bench:${i}`, gebruiker, addDagen(vandaag, 30 + (i % 700)), i % 5, addDagen(vandaag, 1 + (i % 690)));
    })();
    const pending = (t.db.$client.prepare(`SELECT count(*) AS n FROM herinneringen WHERE status = 'gepland'`).get() as { n: number }).n;
    const tijden: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      await sendVerschuldigde(deps);
      tijden.push(performance.now() - start);
    }
    console.log(
      `reminders: one scan over ${pending.toLocaleString('en')} pending reminders — first ${tijden[0]!.toFixed(1)} ms (sent ${verstuurd} due), then ${tijden
        .slice(1)
        .map((x) => x.toFixed(1))
        .join(' / ')} ms`,
    );
    // The planning step compares every pending row with the open cases (worst case here: almost all become vervallen).
    const plan = performance.now();
    const { vervallen } = planHerinneringen(deps);
    console.log(
      `reminders: planning over the same ledger ${(performance.now() - plan).toFixed(0)} ms (${vervallen.toLocaleString('en')} rows marked vervallen)`,
    );
  } finally {
    t.sluit();
  }
}

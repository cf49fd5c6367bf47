import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/verbinding';
import { findGebruikerByAgendaToken } from '../../src/services/toegang/actorService';
import { createOudeDatabase } from '../support/oudeDatabase';

/** Issue 28.6: calendar feed tokens stored by older versions as typed are hashed at the first start; their URLs keep working. */
const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-geheimopslag-'));
afterAll(() => rmSync(map, { recursive: true, force: true }));

describe('feed tokens from before the hash', () => {
  it('are replaced by their hash at start, and the subscribed URL still opens the feed', () => {
    const s = createOudeDatabase(map, 'oud.sqlite', '0012');
    const pad = s.name;
    s.prepare("INSERT INTO organisaties (naam, soort) VALUES ('Kantoor', 'advocatenkantoor')").run();
    const token = 'oude-agendatoken-aaaaaaaaaaaaaaaa';
    s.prepare("INSERT INTO gebruikers (naam, email, organisatie_id, rol, agenda_token) VALUES ('A', 'a@b.example', 1, 'jurist', ?)").run(token);
    s.close();

    const db = openDatabase(pad, 'test-geheim-van-minstens-16');
    const rij = db.$client.prepare('SELECT agenda_token AS oud, agenda_token_hash AS hash FROM gebruikers').get() as { oud: string | null; hash: string };
    expect(rij.oud).toBeNull();
    expect(rij.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(db.$client.prepare('SELECT * FROM gebruikers').all())).not.toContain(token);
    expect(findGebruikerByAgendaToken(db, token)?.naam).toBe('A');
    expect(findGebruikerByAgendaToken(db, rij.hash)).toBeUndefined();
    db.$client.close();
  });
});

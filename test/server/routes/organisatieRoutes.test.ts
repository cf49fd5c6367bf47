import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../../support/testApp';
import { buildVCalendar } from '../../../src/agenda/icalendar';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

describe('members (/organisatie/leden)', () => {
  it("strips control, bidi and zero-width characters from a new member's name, and says so (issue 28.7)", async () => {
    const getypt = 'mr. A.\u202E nabeL\u202C\u200B Bakker\r\nX\u0007';
    const r = await post(DEMO.beheerder, '/organisatie/leden', { naam: getypt, email: 'a.bakker@vandamkuipers.example', rol: 'jurist' });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('De naam bevatte onzichtbare tekens, stuurtekens of regeleinden; die zijn verwijderd.');
    const opgeslagen = (t.db.$client.prepare('SELECT naam FROM gebruikers WHERE email = ?').get('a.bakker@vandamkuipers.example') as { naam: string }).naam;
    expect(opgeslagen).toBe('mr. A. nabeL Bakker X');
    // The invitation e-mail carries the cleaned name.
    const mail = t.db.$client.prepare('SELECT tekst FROM uitgaande_mail ORDER BY id DESC LIMIT 1').get() as { tekst: string };
    expect(mail.tekst).toContain('Beste mr. A. nabeL Bakker X,');
    // A name without such characters gets no note.
    const gewoon = await post(DEMO.beheerder, '/organisatie/leden', { naam: '  mr. B. de Vries ', email: 'b.devries@vandamkuipers.example', rol: 'lezer' });
    expect(await gewoon.text()).not.toContain('De naam bevatte');
  });

  it('escapes a lone CR in the calendar name (issue 28.7)', () => {
    const ics = buildVCalendar('Termijnen A\rB', [], new Date('2026-11-22T10:00:00Z'));
    expect(ics).toContain('X-WR-CALNAME:Termijnen A\\nB');
  });
});

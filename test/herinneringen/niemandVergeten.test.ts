import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp } from '../support/testApp';
import { loadTeHerinneren } from '../../src/services/herinneringen/openTermijnen';
import { chooseOntvangers, type Persoon } from '../../src/services/herinneringen/ontvangers';
import { loadActor } from '../../src/services/toegang/actorService';
import { loadZaken } from '../../src/services/zaken/zaakOverzicht';
import { findZaakTermijnen } from '../../src/services/termijnen/zaakTermijnen';

/**
 * Issue 30.1: every open term reaches a named person, always. Over random settings of the demo organisations — a
 * standaardverantwoordelijke or none, responsible persons on cases or none, members' roles, members removed — every open
 * term of every counsel organisation's clients is reminded to at least one member of that organisation: through a case
 * not yet filed that holds it, or as a term of its own. Only a filed or closed case ends a term's reminders. The open
 * terms are listed here from the engine's result directly, not through the reminder code.
 */
const t = createTestApp();
afterAll(() => t.sluit());
const sql = t.db.$client;
const VANDAAG = '2026-11-23';

type Lid = { id: number; organisatie_id: number };
const leden = sql
  .prepare("SELECT g.id, g.organisatie_id FROM gebruikers g JOIN organisaties o ON o.id = g.organisatie_id WHERE o.soort <> 'nza'")
  .all() as Lid[];
const organisaties = [...new Set(leden.map((l) => l.organisatie_id))];
const zaken = sql.prepare("SELECT id, organisatie_id FROM zaken WHERE organisatie_id IN (SELECT id FROM organisaties WHERE soort <> 'nza')").all() as {
  id: number;
  organisatie_id: number;
}[];

const instelling = fc.record({
  standaard: fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: organisaties.length, maxLength: organisaties.length }),
  verantwoordelijke: fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: zaken.length, maxLength: zaken.length }),
  rollen: fc.array(fc.constantFrom('jurist', 'beheerder', 'lezer'), { minLength: leden.length, maxLength: leden.length }),
  /** Members detached from every setting (as a member who left would be): never all of an organisation. */
  weg: fc.array(fc.boolean(), { minLength: leden.length, maxLength: leden.length }),
});

type Instelling = typeof instelling extends fc.Arbitrary<infer T> ? T : never;

function apply(i: Instelling): Map<number, number[]> {
  const aanwezig = new Map<number, number[]>();
  for (const org of organisaties) {
    const vanOrg = leden.filter((l) => l.organisatie_id === org);
    const blijft = vanOrg.filter((l) => !i.weg[leden.indexOf(l)]);
    aanwezig.set(
      org,
      (blijft.length ? blijft : vanOrg.slice(0, 1)).map((l) => l.id),
    );
  }
  const kies = (org: number, n: number | undefined) => {
    const ids = aanwezig.get(org)!;
    return n === undefined ? null : ids[n % ids.length]!;
  };
  sql.transaction(() => {
    organisaties.forEach((org, k) =>
      sql
        .prepare('UPDATE organisaties SET standaard_verantwoordelijke_id = ?, reserve_verantwoordelijke_id = NULL WHERE id = ?')
        .run(kies(org, i.standaard[k]), org),
    );
    zaken.forEach((z, k) => sql.prepare('UPDATE zaken SET verantwoordelijke_id = ? WHERE id = ?').run(kies(z.organisatie_id, i.verantwoordelijke[k]), z.id));
    leden.forEach((l, k) => sql.prepare('UPDATE gebruikers SET organisatie_rol = ? WHERE id = ?').run(i.rollen[k], l.id));
  })();
  return aanwezig;
}

describe('no term without a person (issue 30.1)', () => {
  it('chooses the responsible person, else the default person, else every jurist and beheerder, else every member', () => {
    const p = (id: number, rol: string) => ({ id, naam: `P${id}`, email: `p${id}@x.example`, organisatieId: 1, rol });
    const naam = (o: { personen: Persoon[] } | undefined) => o?.personen.map((x) => x.id);
    expect(chooseOntvangers(p(1, 'lezer'), p(2, 'jurist'), [p(3, 'jurist')])).toMatchObject({ via: 'verantwoordelijke' });
    expect(chooseOntvangers(undefined, p(2, 'jurist'), [p(3, 'jurist')])).toMatchObject({ via: 'standaardverantwoordelijke' });
    expect(naam(chooseOntvangers(undefined, undefined, [p(3, 'jurist'), p(4, 'lezer'), p(5, 'beheerder')]))).toEqual([3, 5]);
    expect(naam(chooseOntvangers(undefined, undefined, [p(4, 'lezer')]))).toEqual([4]);
    expect(chooseOntvangers(undefined, undefined, [])).toBeUndefined();
  });

  it('a filed beroep is still reminded of its precaution date (art. 6:19 lid 1 Awb, termijnregels §6): the later besluit it may not reach', () => {
    apply({
      standaard: organisaties.map(() => undefined),
      verantwoordelijke: zaken.map(() => 0),
      rollen: leden.map(() => 'jurist'),
      weg: leden.map(() => false),
    });
    const zaak = sql.prepare("SELECT id FROM zaken WHERE cbb_zaaknummer = '26/0417'").pluck().get() as number;
    const voorzorg = loadTeHerinneren(t.db, t.termijnen, VANDAAG).filter((o) => o.zaak?.id === zaak);
    expect(voorzorg.map((o) => [o.termijn.besluit, o.termijn.einde, o.termijn.soort])).toEqual([['NZa/CR/2026-121', '2026-12-28', 'beschermend']]);
    expect(voorzorg[0]!.ontvangers.via).toBe('verantwoordelijke');
  });

  it('every open term of every organisation’s clients is reminded to a member of that organisation, whatever the settings', () => {
    fc.assert(
      fc.property(instelling, (i) => {
        apply(i);
        const teHerinneren = loadTeHerinneren(t.db, t.termijnen, VANDAAG);
        const gemist: string[] = [];
        for (const org of organisaties) {
          const lid = leden.find((l) => l.organisatie_id === org)!;
          const actor = loadActor(t.db, lid.id)!;
          const berekend = t.termijnen.computeVoorActor(actor, VANDAAG);
          const leden_ = new Set(leden.filter((l) => l.organisatie_id === org).map((l) => l.id));
          const vanOrg = teHerinneren.filter((o) => o.organisatieId === org);
          for (const o of vanOrg) if (!o.ontvangers.personen.every((p) => leden_.has(p.id))) gemist.push(`${o.termijnSleutel} reminds a non-member`);
          const clienten = new Set([...berekend.tariefbeschikkingen.values()].map((tb) => tb.zorgaanbieder));
          const cellen = new Set([...berekend.tariefbeschikkingen.values()].map((tb) => `${tb.regio}|${tb.jaar}`));
          const zakenVanOrg = loadZaken(t.db, actor);
          for (const term of berekend.uitkomst.termijnen) {
            if (term.einde < VANDAAG || term.partijSoort === 'zorgkantoor') continue;
            if (term.partij !== undefined ? !clienten.has(term.partij) : !cellen.has(`${term.regio}|${term.jaar}`)) continue;
            const houdt = (z: (typeof zakenVanOrg)[number], ook: 'beschermend' | 'termijn') => {
              const g = findZaakTermijnen(berekend, z);
              return [...g.termijnen, ...(ook === 'beschermend' ? g.beschermendeDatums : [])].some(
                (x) => x.besluit === term.besluit && x.einde === term.einde && x.partij === term.partij && x.rechtsmiddel === term.rechtsmiddel,
              );
            };
            // A filed or closed case that holds the term as its own ends its reminders; a precaution date stays.
            if (zakenVanOrg.some((z) => z.status !== 'concept' && houdt(z, 'termijn'))) continue;
            const zelfde = (o: (typeof vanOrg)[number]) =>
              o.termijn.besluit === term.besluit &&
              o.termijn.regio === term.regio &&
              o.termijn.jaar === term.jaar &&
              o.termijn.rechtsmiddel === term.rechtsmiddel;
            const gedekt =
              vanOrg.some((o) => zelfde(o) && o.ontvangers.personen.length > 0) ||
              zakenVanOrg.some((z) => z.status === 'concept' && houdt(z, 'beschermend') && vanOrg.some((o) => o.zaak?.id === z.id));
            if (!gedekt) gemist.push(`org ${org}: ${term.rechtsmiddel} ${term.besluit} ${term.regio} ${term.jaar} ${term.partij ?? ''} t/m ${term.einde}`);
          }
        }
        expect(gemist).toEqual([]);
      }),
      { numRuns: 25, seed: 3001 },
    );
  });
});

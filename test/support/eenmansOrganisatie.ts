import type { Db } from '../../src/db/verbinding';
import { loadActorByEmail } from '../../src/services/toegang/actorService';
import { createClient } from '../../src/services/zaken/clientService';
import { createGebruiker, createOrganisatie } from '../../src/services/toegang/gebruikerBeheer';
import { SESSIE_GEHEIM } from './testApp';

/** The one member of the one-person in-house department the four-eyes tests make (issue 30.2). */
export const EENMANS = 'e.alleen@eenmans.example';

/**
 * A one-person organisation (issue 30.2): an in-house department whose only member, a beheerder, has its own client
 * record (KvK 90000099). Whatever it registers, nobody of it but that member can check.
 */
export function createEenmansOrganisatie(db: Db): void {
  const organisatieId = createOrganisatie(db, { naam: 'Stichting Eenmans Zorg', soort: 'zorgaanbieder' });
  createGebruiker(db, SESSIE_GEHEIM, { email: EENMANS, naam: 'mr. E. Alleen', organisatieId, rol: 'beheerder' }, new Date());
  const client = createClient(db, loadActorByEmail(db, EENMANS)!, { naam: 'Stichting Eenmans Zorg', kvk: '90000099' });
  if (!client.ok) throw new Error('the one-person organisation got no client record');
}

/** The one-person organisation's own tariefbeschikking, as the form registers it: nobody of it but its member can check. */
export const EENMANS_BESLUIT = {
  kenmerk: 'NZa/TB/2026-9600',
  zorgaanbieder: '90000099',
  regio: 'Utrecht',
  jaar: '2026',
  soort: 'wijziging',
  besluitdatum: '16-11-2026',
  bekendgemaakt: '18-11-2026',
};

/** Its last day: 18 November + six weeks = 30 December 2026, a working day (art. 6:7, 6:8 lid 1 Awb; art. 1 Atw). */
export const EENMANS_DATUM = { partij: 'Stichting Eenmans Zorg', regio: 'Utrecht', jaar: '2026', einde: '2026-12-30' };

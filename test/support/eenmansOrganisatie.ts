import type { Db } from '../../src/db/verbinding';
import { loadActorByEmail } from '../../src/services/actorService';
import { createClient } from '../../src/services/clientService';
import { createGebruiker, createOrganisatie } from '../../src/services/gebruikerBeheer';
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

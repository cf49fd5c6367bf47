import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import { loadClienten } from '../zaken/clientService';
import { assertCan } from '../toegang/permissies';
import type { BerekendOverzicht } from '../termijnen/termijnService';
import { buildZaakOpenen, findTermijnBijSleutel, loadZaakPerTermijn } from './termijnWerk';
import { formatTermijnSleutel } from '../termijnen/termijnSleutel';
import { createZaak, type ZaakOpenen } from '../zaken/zaakRegistratie';

export type ZaakVanTermijn = { ok: true; id: number } | { ok: false; fouten: { veld: string; melding: string }[] } | { ok: false; bestaat: number };

/**
 * Opens the case of a term named by its API key (issue 32.2): the same fields the overview's button sends (buildZaakOpenen),
 * through the same createZaak. A beroep against a contracteerruimtebesluit needs its client: the term's party when the
 * organisation has a client by that name, else `zorgaanbiederId`. A term that already has a case answers with that case.
 */
export function createZaakVoorTermijn(
  db: Db,
  actor: Actor,
  berekend: BerekendOverzicht,
  invoer: { termijn: string; zorgaanbiederId?: number | undefined },
  vandaag: IsoDatum,
): ZaakVanTermijn {
  assertCan(actor, 'zaak.openen');
  const termijn = findTermijnBijSleutel(berekend, invoer.termijn);
  if (!termijn) return { ok: false, fouten: [{ veld: 'termijn', melding: 'onbekende termijn: neem de sleutel over uit GET /api/v1/termijnen' }] };
  const bestaand = loadZaakPerTermijn(db, berekend, actor).get(formatTermijnSleutel(termijn));
  if (bestaand) return { ok: false, bestaat: bestaand.id };
  const velden = buildZaakOpenen(berekend, termijn);
  if (!velden) return { ok: false, fouten: [{ veld: 'termijn', melding: 'voor deze termijn kan geen zaak worden geopend' }] };
  let openen: ZaakOpenen;
  if ('tariefbeschikkingId' in velden) openen = { soort: velden.soort as ZaakOpenen['soort'], tariefbeschikkingId: Number(velden.tariefbeschikkingId) };
  else {
    const zorgaanbiederId = invoer.zorgaanbiederId ?? loadClienten(db, actor).find((c) => c.naam === termijn.partij)?.id;
    if (zorgaanbiederId === undefined)
      return { ok: false, fouten: [{ veld: 'zorgaanbiederId', melding: 'kies de cliënt voor wie het beroep is (zorgaanbiederId)' }] };
    openen = {
      soort: 'beroep',
      contracteerruimtebesluitId: Number(velden.contracteerruimtebesluitId),
      regio: termijn.regio,
      jaar: termijn.jaar,
      zorgaanbiederId,
    };
  }
  return createZaak(db, actor, openen, vandaag);
}

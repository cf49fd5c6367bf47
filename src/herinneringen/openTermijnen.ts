import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/verbinding';
import { gebruikers, zaken } from '../db/schema';
import { parseSchema, STANDAARD_SCHEMA } from '../domain/herinneringen/herinneringsmomenten';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import { formatDatumKort } from '../domain/kalender/kalenderdatum';
import type { WeergaveTermijn } from '../services/termijnWeergave';
import type { AgendaTermijn } from '../agenda/icalendar';
import type { TermijnService } from '../services/termijnService';
import { loadZaak, type ZaakOverzichtRij } from '../services/zaakRegistratie';
import { findZaakTermijnen } from '../services/zaakTermijnen';
import { loadActor } from '../services/actorService';

export interface OpenZaakTermijn {
  zaak: ZaakOverzichtRij;
  gebruiker: { id: number; naam: string; email: string };
  termijn: WeergaveTermijn;
  schema: number[];
}

/**
 * Every case not yet filed that has a responsible person and a term: what reminders and calendar feeds are about.
 * Filing it (status ingediend) or closing it ends its reminders.
 */
export function loadOpenZaakTermijnen(db: Db, termijnen: TermijnService, vandaag: IsoDatum, alleenGebruiker?: number): OpenZaakTermijn[] {
  const rijen = db
    .select({ zaakId: zaken.id, gebruikerId: gebruikers.id, zaakSchema: zaken.herinneringsschema, gebruikerSchema: gebruikers.herinneringsschema })
    .from(zaken)
    .innerJoin(gebruikers, eq(zaken.verantwoordelijkeId, gebruikers.id))
    .where(and(eq(zaken.status, 'concept'), isNotNull(zaken.verantwoordelijkeId), alleenGebruiker ? eq(gebruikers.id, alleenGebruiker) : undefined))
    .all();
  const uitkomst: OpenZaakTermijn[] = [];
  for (const rij of rijen) {
    // The case is seen through its responsible person's organisation: the same terms that person sees.
    const actor = loadActor(db, rij.gebruikerId);
    const zaak = actor && loadZaak(db, actor, rij.zaakId);
    if (!actor || !zaak) continue;
    // The date that matters now: the earliest last day not yet passed (after an amendment a case can have several).
    const gevonden = findZaakTermijnen(termijnen.computeVoorActor(actor, vandaag), zaak);
    const zaakTermijnen = [...gevonden.termijnen, ...gevonden.beschermendeDatums].sort((a, b) => (a.einde < b.einde ? -1 : a.einde > b.einde ? 1 : 0));
    const termijn = zaakTermijnen.find((t) => t.einde >= vandaag) ?? zaakTermijnen[0];
    if (!termijn) continue;
    const schema = parseSchema(rij.zaakSchema ?? '') ?? parseSchema(rij.gebruikerSchema ?? '') ?? [...STANDAARD_SCHEMA];
    uitkomst.push({ zaak, gebruiker: { id: actor.gebruikerId, naam: actor.naam, email: actor.email }, termijn, schema });
  }
  return uitkomst;
}

/** A case's term as a calendar event; the UID names the case and the remedy, never the date, so a moved date updates it. */
export function toAgendaTermijn(o: Pick<OpenZaakTermijn, 'zaak' | 'termijn'>, appUrl: string): AgendaTermijn {
  const wat = o.termijn.rechtsmiddel === 'beroep' ? 'beroep CBb' : 'bezwaar NZa';
  return {
    uid: `zaak-${o.zaak.id}-${o.termijn.rechtsmiddel}@termijnbewaking`,
    einde: o.termijn.einde,
    samenvatting: `Laatste dag ${wat}: ${o.termijn.regio} ${o.termijn.jaar} (${o.termijn.besluit})`,
    beschrijving:
      `${o.termijn.toelichting}\n\n` +
      (o.termijn.twijfel ? `Twijfel: ${o.termijn.twijfel}\n\n` : '') +
      `Hoe is deze datum berekend?\n${o.termijn.afleiding.map((s) => `- ${formatDatumKort(s.datum)}: ${s.stap} (${s.grondslag})`).join('\n')}\n\n` +
      `Grondslag: ${o.termijn.grondslag.join(', ')}\nZaak: ${appUrl}/zaken/${o.zaak.id}`,
    url: `${appUrl}/zaken/${o.zaak.id}`,
    alarmen: [7, 1, 0],
  };
}

import { createHash } from 'node:crypto';
import type { Actor } from '../../actor/actor';
import { isNza } from '../../actor/actor';
import type { AgendaTermijn } from '../../agenda/icalendar';
import type { Db } from '../../db/verbinding';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { Termijn } from '../../domain/termijnen/termijn';
import { formatDatumKort, formatRegioJaarPad } from '../../opmaak/opmaak';
import { findGeldigeControle, loadFataleDatumControles, type FataleDatumControle } from '../controle/controleWeergave';
import { isFataleDatum } from '../controle/vierOgen';
import { createClientFilter, findEersteVanaf, loadZaakPerTermijn, type TermijnZaak } from './termijnWerk';
import { formatTermijnSleutel } from '../termijnen/termijnSleutel';
import type { TermijnService } from '../termijnen/termijnService';
import { toWeergaveTermijn } from '../termijnen/termijnWeergave';

/**
 * A term's calendar UID: its identity (decision, remedy, region, year, party, rule), never its date — a corrected
 * bekendmaking moves the event instead of adding one — and never a case, so opening a case later changes nothing.
 */
export function formatAgendaUid(t: Termijn): string {
  const sleutel = `${formatTermijnSleutel(t)}|${t.regel}`;
  return `termijn-${createHash('sha256').update(sleutel).digest('hex').slice(0, 32)}@termijnbewaking`;
}

/** A term as a calendar event, with its toelichting and afleiding (how the date was derived) in the description. */
export function toAgendaEvent(
  t: Termijn,
  berekend: Parameters<typeof toWeergaveTermijn>[1],
  appUrl: string,
  extra: { zaak?: TermijnZaak | undefined; controle?: FataleDatumControle | undefined } = {},
): AgendaTermijn {
  const w = toWeergaveTermijn(t, berekend);
  const wat = t.rechtsmiddel === 'beroep' ? 'beroep CBb' : 'bezwaar NZa';
  const url = extra.zaak ? `${appUrl}/zaken/${extra.zaak.id}` : `${appUrl}${formatRegioJaarPad(t.regio, t.jaar)}`;
  const vierOgen = isFataleDatum(t)
    ? extra.controle
      ? `Gecontroleerd door ${extra.controle.door} op ${extra.controle.opTekst} (vier ogen).\n\n`
      : 'NIET GECONTROLEERD: laat een tweede jurist deze datum bevestigen.\n\n'
    : '';
  return {
    uid: formatAgendaUid(t),
    einde: t.einde,
    samenvatting: `${t.soort === 'beschermend' ? 'Beschermende datum' : 'Laatste dag'} ${wat}: ${t.partij ? `${t.partij}, ` : ''}${t.regio} ${t.jaar} (${t.besluit})`,
    beschrijving:
      `${w.toelichting}\n\n` +
      (w.twijfel ? `Twijfel: ${w.twijfel}\n\n` : '') +
      vierOgen +
      `Hoe is deze datum berekend?\n${w.afleiding.map((s) => `- ${formatDatumKort(s.datum)}: ${s.stap} (${s.grondslag})`).join('\n')}\n\n` +
      `Grondslag: ${w.grondslag.join(', ')}\n${extra.zaak ? `Zaak ${extra.zaak.id}` : 'Regio en jaar'}: ${url}`,
    url,
    alarmen: [7, 1, 0],
  };
}

/**
 * The calendar of a member of a counsel organisation: every open term of the organisation's clients (last day today
 * or later), case or not, from the one engine result. The NZa files nothing: its feed is empty.
 */
export function listOrganisatieAgenda(db: Db, termijnen: TermijnService, actor: Actor, vandaag: IsoDatum, appUrl: string): AgendaTermijn[] {
  if (isNza(actor)) return [];
  const berekend = termijnen.computeVoorActor(actor, vandaag);
  const zaken = loadZaakPerTermijn(db, berekend, actor);
  const controles = loadFataleDatumControles(db, actor.organisatieId);
  const lijst = berekend.uitkomst.termijnen;
  const vanClienten = createClientFilter(berekend);
  const uit: AgendaTermijn[] = [];
  for (let i = findEersteVanaf(lijst, vandaag); i < lijst.length; i++) {
    const t = lijst[i]!;
    if (!vanClienten(t)) continue;
    const zaak = zaken.get(formatTermijnSleutel(t));
    if (zaak && zaak.status !== 'concept') continue; // filed or closed: nothing left to do by this date
    uit.push(toAgendaEvent(t, berekend.config, appUrl, { zaak, controle: findGeldigeControle(controles, t) }));
  }
  return uit;
}

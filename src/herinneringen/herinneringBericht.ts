import type { Db } from '../db/verbinding';
import { herinneringen } from '../db/schema';
import { addDagen, type IsoDatum } from '../domain/kalender/kalenderdatum';
import { formatRegioJaarPad } from '../opmaak/opmaak';
import { composeEscalatie, composeHerinnering, composeStukHerinnering, composeWeekoverzicht } from '../mail/herinneringMail';
import { listOngecontroleerdeFataleTermijnen } from '../services/controle/fataleDatumControle';
import type { MailConfig } from '../mail/mailConfig';
import type { TermijnService } from '../services/termijnen/termijnService';
import { loadActor } from '../services/toegang/actorService';
import { toAgendaTermijn, type StukTeHerinneren, type TeHerinneren } from '../services/herinneringen/openTermijnen';

// Which e-mail a row of the reminder ledger becomes at the moment of sending (herinneringService.ts sends it): the
// weekly digest, a reminder or an escalation of a term or of a stuk's term, each with the term as a calendar event;
// none when the term no longer applies.

/**
 * The e-mail of one ledger row; undefined when it no longer applies (the case was filed or closed, the term ended or
 * moved, the addressee is gone).
 */
export function composeMail(
  deps: { db: Db; termijnen: TermijnService; mail: Pick<MailConfig, 'appUrl'> },
  rij: typeof herinneringen.$inferSelect,
  open: Map<string, TeHerinneren | StukTeHerinneren>,
  inhaal: boolean,
  vandaag: IsoDatum,
) {
  const messageId = `<herinnering-${rij.id}@termijnbewaking.local>`;
  const appUrl = deps.mail.appUrl;
  if (rij.soort === 'weekoverzicht') {
    const actor = loadActor(deps.db, rij.gebruikerId);
    if (!actor) return undefined;
    const berekend = deps.termijnen.computeVoorActor(actor, vandaag);
    const tot = addDagen(vandaag, 21);
    const lijst = berekend.uitkomst.termijnen
      .filter((t) => t.einde >= vandaag && t.einde <= tot)
      .map((t) => ({
        termijn: t,
        url: `${appUrl}${formatRegioJaarPad(t.regio, t.jaar)}`,
        zorgaanbieder: t.besluitType === 'tariefbeschikking' ? (berekend.tariefbeschikkingen.get(t.besluit)?.zorgaanbieder ?? null) : null,
      }));
    // The four-eyes check (issue 14): the organisation's fatal dates in the same window that nobody confirmed yet.
    const ongecontroleerd = listOngecontroleerdeFataleTermijnen(deps.db, deps.termijnen, actor.organisatieId, vandaag, { totEnMet: tot }).map((t) => ({
      termijn: t,
      url: `${appUrl}${formatRegioJaarPad(t.regio, t.jaar)}`,
    }));
    return composeWeekoverzicht({ aan: actor.email, naam: actor.naam, vandaag, messageId, termijnen: lijst, ongecontroleerd });
  }
  const o = rij.termijn ? open.get(rij.termijn) : undefined;
  // The case was filed or closed, the term ended, or its date moved since planning: this reminder no longer applies.
  if (!o || o.termijn.einde !== rij.einde) return undefined;
  if ('soort' in o) return composeStukMail(o, rij, appUrl, vandaag, messageId);
  const termijnUrl = o.zaak ? `${appUrl}/zaken/${o.zaak.id}` : `${appUrl}${formatRegioJaarPad(o.termijn.regio, o.termijn.jaar)}`;
  const gezienUrl = `${appUrl}/herinneringen/${rij.id}`;
  if (rij.soort === 'escalatie') {
    const aan = o.escalatie.find((p) => p.id === rij.gebruikerId);
    if (!aan) return undefined;
    return composeEscalatie({
      aan: aan.email,
      naam: aan.naam,
      verantwoordelijke: o.ontvangers.personen.map((p) => p.naam).join(', '),
      termijn: o.termijn,
      termijnUrl,
      gezienUrl,
      zorgaanbieder: o.zorgaanbieder,
      vandaag,
      messageId,
    });
  }
  const ontvanger = o.ontvangers.personen.find((p) => p.id === rij.gebruikerId);
  if (!ontvanger) return undefined;
  return composeHerinnering({
    aan: ontvanger.email,
    naam: ontvanger.naam,
    termijn: o.termijn,
    zaakUrl: termijnUrl,
    heeftZaak: Boolean(o.zaak),
    gezienUrl,
    zorgaanbieder: o.zorgaanbieder,
    vandaag,
    inhaal,
    messageId,
    agenda: o.zaak ? toAgendaTermijn({ zaak: o.zaak, termijn: o.termijn }, appUrl) : toTermijnAgenda(o, termijnUrl),
  });
}

/** How a case is named in a mail: its kind, number, region and year, client and CBb case number where known. */
function describeZaak(z: StukTeHerinneren['zaak']): string {
  const waar = [z.regio ?? z.tariefbeschikkingRegio, z.jaar ?? z.tariefbeschikkingJaar].filter((x) => x !== null).join(' ');
  return [`${z.soort} (zaak ${z.id})`, waar, z.zorgaanbieder, z.cbbZaaknummer ? `CBb ${z.cbbZaaknummer}` : null].filter(Boolean).join(', ');
}

/** A stuk term's reminder or escalation (issue 13), with the term as a calendar event. */
function composeStukMail(o: StukTeHerinneren, rij: typeof herinneringen.$inferSelect, appUrl: string, vandaag: IsoDatum, messageId: string) {
  const zaakUrl = `${appUrl}/zaken/${o.zaak.id}`;
  const aan = (rij.soort === 'escalatie' ? o.escalatie : o.ontvangers.personen).find((p) => p.id === rij.gebruikerId);
  if (!aan) return undefined;
  const wat = o.soort === 'hersteltermijn' ? 'gronden aanvullen (art. 6:6 Awb)' : 'griffierecht bijgeschreven (art. 8:41 lid 5 Awb)';
  return composeStukHerinnering({
    aan: aan.email,
    naam: aan.naam,
    soort: o.soort,
    termijn: o.termijn,
    zaak: describeZaak(o.zaak),
    zaakUrl,
    gezienUrl: `${appUrl}/herinneringen/${rij.id}`,
    ...(rij.soort === 'escalatie' ? { nietGezienDoor: o.ontvangers.personen.map((p) => p.naam).join(', ') } : {}),
    vandaag,
    messageId,
    agenda: {
      uid: `${o.termijnSleutel}@termijnbewaking`,
      einde: o.termijn.einde,
      samenvatting: `Laatste dag ${wat}: ${describeZaak(o.zaak)}`,
      beschrijving: `${o.termijn.toelichting}\n\nGrondslag: ${o.termijn.grondslag.join(', ')}\nZaak: ${zaakUrl}`,
      url: zaakUrl,
      alarmen: [7, 1, 0],
    },
  });
}

/** A term without a case as a calendar event; the UID names the term, never the date. */
function toTermijnAgenda(o: TeHerinneren, url: string) {
  const wat = o.termijn.rechtsmiddel === 'beroep' ? 'beroep CBb' : 'bezwaar NZa';
  return {
    uid: `${o.termijnSleutel.replace(/[^A-Za-z0-9.-]/g, '-')}@termijnbewaking`,
    einde: o.termijn.einde,
    samenvatting: `Laatste dag ${wat}: ${o.termijn.regio} ${o.termijn.jaar} (${o.termijn.besluit})`,
    beschrijving: `${o.termijn.toelichting}\n\nGrondslag: ${o.termijn.grondslag.join(', ')}\n${url}`,
    url,
    alarmen: [7, 1, 0],
  };
}

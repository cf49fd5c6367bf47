import Handlebars from 'handlebars';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import { dagenTussen, formatDagenOver, formatDatumKort, formatDatumLang } from '../opmaak/opmaak';
import type { Termijn } from '../domain/termijnen/termijn';
import { buildVCalendar, type AgendaTermijn } from '../agenda/icalendar';
import type { Mail } from './verzender';

const escape = (t: string) => Handlebars.escapeExpression(t);

/** A reminder for one term: plain text and HTML, in Dutch, with the term as an .ics attachment. */
export function composeHerinnering(invoer: {
  aan: string;
  naam: string;
  termijn: Termijn & { toelichting: string };
  /** The case, or (without a case) the region and year page. */
  zaakUrl: string;
  /** False: a term of a client without a case, reminded to the organisation's default person (issue 14). */
  heeftZaak?: boolean;
  /** The page where the recipient marks the reminder seen ("gezien"); unseen, it escalates before the end. */
  gezienUrl?: string;
  zorgaanbieder: string | null;
  vandaag: IsoDatum;
  inhaal: boolean;
  messageId: string;
  agenda: AgendaTermijn;
}): Mail {
  const { termijn: t } = invoer;
  const dagen = dagenTussen(invoer.vandaag, t.einde);
  const wat = t.rechtsmiddel === 'beroep' ? 'Beroep bij het CBb tegen de contracteerruimte' : 'Bezwaar bij de NZa tegen de tariefbeschikking';
  // A catch-up after downtime is one plain reminder: the same subject, no alarm; the body says it once, calmly.
  const onderwerp = `Herinnering: ${wat[0]!.toLowerCase()}${wat.slice(1)} ${t.regio} ${t.jaar} — laatste dag ${formatDatumKort(t.einde)} (${formatDagenOver(dagen)})`;
  const regels: [string, string][] = [
    ['Termijn', `${wat} ${t.regio} ${t.jaar}`],
    ['Laatste dag', formatDatumLang(t.einde)],
    ['Dagen over', formatDagenOver(dagen)],
    ['Besluit', `${t.besluit} (bekendgemaakt ${formatDatumKort(t.bekendgemaakt)})${invoer.zorgaanbieder ? `, ${invoer.zorgaanbieder}` : ''}`],
    ['Grondslag', t.grondslag.join(', ')],
  ];
  const inhaalZin = invoer.inhaal ? 'Eerdere herinneringsmomenten voor deze termijn zijn in deze ene herinnering samengenomen.' : '';
  const heeftZaak = invoer.heeftZaak ?? true;
  const linkTekst = heeftZaak ? 'Open de zaak' : 'Open de termijn';
  const slot = heeftZaak
    ? 'Deze herinnering stopt zodra de zaak als ingediend is geregistreerd.'
    : 'Voor deze termijn is nog geen zaak geopend; u krijgt deze herinnering als standaardverantwoordelijke van uw organisatie. Open een zaak om de termijn aan een collega toe te wijzen.';
  const gezienZin = invoer.gezienUrl
    ? `Markeer deze herinnering als gezien: ${invoer.gezienUrl} — niet gezien twee werkdagen voor de laatste dag, dan gaat er bericht naar de vervanger en de beheerder.`
    : '';
  const tekst = [
    `Beste ${invoer.naam},`,
    '',
    ...(inhaalZin ? [inhaalZin, ''] : []),
    ...regels.map(([k, v]) => `${k}: ${v}`),
    '',
    t.toelichting,
    '',
    `${heeftZaak ? 'Zaak' : 'Termijn'}: ${invoer.zaakUrl}`,
    '',
    ...(gezienZin ? [gezienZin, ''] : []),
    'Een per post verzonden stuk is tijdig als het uiterlijk op de laatste dag ter post is bezorgd en binnen een week binnenkomt (art. 6:9 lid 2 Awb).',
    '',
    slot,
  ].join('\n');
  const html = `<!doctype html><html lang="nl"><body style="font-family:Calibri,Arial,sans-serif;color:#1b2430">
<p>Beste ${escape(invoer.naam)},</p>
${inhaalZin ? `<p>${escape(inhaalZin)}</p>` : ''}
<table cellpadding="4" style="border-collapse:collapse">${regels.map(([k, v]) => `<tr><th align="left" style="color:#5a6472">${escape(k)}</th><td>${k === 'Laatste dag' ? `<strong>${escape(v)}</strong>` : escape(v)}</td></tr>`).join('')}</table>
<p>${escape(t.toelichting)}</p>
<p><a href="${escape(invoer.zaakUrl)}">${linkTekst}</a>${invoer.gezienUrl ? ` · <a href="${escape(invoer.gezienUrl)}">Markeer als gezien</a>` : ''}</p>
<p style="font-size:12px;color:#5a6472">Een per post verzonden stuk is tijdig als het uiterlijk op de laatste dag ter post is bezorgd en binnen een week binnenkomt (art. 6:9 lid 2 Awb). ${escape(slot)}</p>
</body></html>`;
  return {
    aan: invoer.aan,
    onderwerp,
    tekst,
    html,
    messageId: invoer.messageId,
    bijlagen: [buildAgendaBijlage(invoer.agenda, invoer.vandaag)],
  };
}

/** The weekly digest: the terms running out in the next 21 days. */
export function composeWeekoverzicht(invoer: {
  aan: string;
  naam: string;
  vandaag: IsoDatum;
  messageId: string;
  termijnen: { termijn: Termijn; url: string; zorgaanbieder: string | null }[];
  /** Fatal dates in the same window that no second lawyer has confirmed yet (issue 14: four-eyes check). */
  ongecontroleerd?: { termijn: Termijn; url: string }[];
}): Mail {
  const ongecontroleerd = invoer.ongecontroleerd ?? [];
  const controleRegels = ongecontroleerd.map(
    ({ termijn: t }) =>
      `${formatDatumKort(t.einde)} — ${t.rechtsmiddel} tegen ${t.tegen}, ${t.regio} ${t.jaar}, ${t.besluit}${t.partij ? `, ${t.partij}` : ''}`,
  );
  const controleKop = `Nog niet gecontroleerd door een tweede jurist (${ongecontroleerd.length}): laat deze laatste dagen nakijken en bevestigen.`;
  const regels = invoer.termijnen.map(
    ({ termijn: t, zorgaanbieder }) =>
      `${formatDatumKort(t.einde)} (${formatDagenOver(dagenTussen(invoer.vandaag, t.einde))}) — ${t.rechtsmiddel} tegen ${t.tegen}, ${t.regio} ${t.jaar}, ${t.besluit}${zorgaanbieder ? `, ${zorgaanbieder}` : ''}`,
  );
  const tekst = [
    `Beste ${invoer.naam},`,
    '',
    invoer.termijnen.length ? 'Deze termijnen lopen de komende 21 dagen af:' : 'De komende 21 dagen loopt geen termijn af.',
    '',
    ...regels.map((r) => `- ${r}`),
    ...(ongecontroleerd.length ? ['', controleKop, '', ...controleRegels.map((r) => `- ${r}`)] : []),
  ].join('\n');
  const html = `<!doctype html><html lang="nl"><body style="font-family:Calibri,Arial,sans-serif"><p>Beste ${escape(invoer.naam)},</p><p>${invoer.termijnen.length ? 'Deze termijnen lopen de komende 21 dagen af:' : 'De komende 21 dagen loopt geen termijn af.'}</p><ul>${invoer.termijnen
    .map((x, i) => `<li><a href="${escape(x.url)}">${escape(regels[i]!)}</a></li>`)
    .join('')}</ul>${
    ongecontroleerd.length
      ? `<p><strong>${escape(controleKop)}</strong></p><ul>${ongecontroleerd.map((x, i) => `<li><a href="${escape(x.url)}">${escape(controleRegels[i]!)}</a></li>`).join('')}</ul>`
      : ''
  }</body></html>`;
  return {
    aan: invoer.aan,
    onderwerp: `Weekoverzicht termijnen vanaf ${formatDatumKort(invoer.vandaag)}`,
    tekst,
    html,
    messageId: invoer.messageId,
    bijlagen: [],
  };
}

/** The escalation (issue 14): the reminder of a term was not marked seen two working days before its last day. */
export function composeEscalatie(invoer: {
  aan: string;
  naam: string;
  verantwoordelijke: string;
  termijn: Termijn;
  termijnUrl: string;
  gezienUrl: string;
  zorgaanbieder: string | null;
  vandaag: IsoDatum;
  messageId: string;
}): Mail {
  const { termijn: t } = invoer;
  const wat = t.rechtsmiddel === 'beroep' ? 'beroep bij het CBb tegen de contracteerruimte' : 'bezwaar bij de NZa tegen de tariefbeschikking';
  const dagen = dagenTussen(invoer.vandaag, t.einde);
  const onderwerp = `Niet gezien: ${wat} ${t.regio} ${t.jaar} — laatste dag ${formatDatumKort(t.einde)} (${formatDagenOver(dagen)})`;
  const zinnen = [
    `Beste ${invoer.naam},`,
    '',
    `De herinnering voor deze termijn aan ${invoer.verantwoordelijke} is nog niet als gezien gemarkeerd. U ontvangt dit bericht als vervanger of beheerder.`,
    '',
    `Termijn: ${wat} ${t.regio} ${t.jaar}${invoer.zorgaanbieder ? `, ${invoer.zorgaanbieder}` : ''}`,
    `Laatste dag: ${formatDatumLang(t.einde)} (${formatDagenOver(dagen)})`,
    `Besluit: ${t.besluit} (bekendgemaakt ${formatDatumKort(t.bekendgemaakt)})`,
    `Grondslag: ${t.grondslag.join(', ')}`,
    '',
    `Termijn: ${invoer.termijnUrl}`,
    `Gezien en opgepakt? Markeer het hier: ${invoer.gezienUrl}`,
  ];
  const html = formatZinnenHtml(zinnen, [
    [invoer.termijnUrl, 'Open de termijn'],
    [invoer.gezienUrl, 'Markeer als gezien'],
  ]);
  return { aan: invoer.aan, onderwerp, tekst: zinnen.join('\n'), html, messageId: invoer.messageId, bijlagen: [] };
}

/**
 * A reminder (or, not seen in time, its escalation) for a term a filing left behind (issue 13): the griffier's
 * hersteltermijn (art. 6:6 Awb) or the griffierecht (art. 8:41 lid 5 Awb), with its derivation.
 */
export function composeStukHerinnering(invoer: {
  aan: string;
  naam: string;
  soort: 'hersteltermijn' | 'griffierecht';
  termijn: { einde: IsoDatum; toelichting: string; grondslag: readonly string[]; afleiding: readonly { stap: string; datum: IsoDatum; grondslag: string }[] };
  /** The case as named in the mail (kind, number, region and year, client). */
  zaak: string;
  zaakUrl: string;
  gezienUrl: string;
  /** Set for the escalation: whose reminder was not marked seen. */
  nietGezienDoor?: string;
  vandaag: IsoDatum;
  messageId: string;
  agenda: AgendaTermijn;
}): Mail {
  const t = invoer.termijn;
  const dagen = dagenTussen(invoer.vandaag, t.einde);
  const wat =
    invoer.soort === 'hersteltermijn'
      ? 'gronden aanvullen (hersteltermijn van de griffier, art. 6:6 Awb)'
      : 'griffierecht bijgeschreven op de rekening van het gerecht (art. 8:41 lid 5 Awb)';
  const onderwerp = `${invoer.nietGezienDoor ? 'Niet gezien' : 'Herinnering'}: ${wat} — laatste dag ${formatDatumKort(t.einde)} (${formatDagenOver(dagen)})`;
  const zinnen = [
    `Beste ${invoer.naam},`,
    '',
    ...(invoer.nietGezienDoor
      ? [
          `De herinnering voor deze termijn aan ${invoer.nietGezienDoor} is nog niet als gezien gemarkeerd. U ontvangt dit bericht als vervanger of beheerder.`,
          '',
        ]
      : []),
    `Termijn: ${wat}`,
    `Zaak: ${invoer.zaak}`,
    `Laatste dag: ${formatDatumLang(t.einde)} (${formatDagenOver(dagen)})`,
    `Grondslag: ${t.grondslag.join(', ')}`,
    '',
    t.toelichting,
    '',
    'Hoe is deze datum berekend?',
    ...t.afleiding.map((s) => `- ${formatDatumKort(s.datum)}: ${s.stap} (${s.grondslag})`),
    '',
    `Zaak: ${invoer.zaakUrl}`,
    `Markeer deze herinnering als gezien: ${invoer.gezienUrl}`,
  ];
  const html = formatZinnenHtml(zinnen, [
    [invoer.zaakUrl, 'Open de zaak'],
    [invoer.gezienUrl, 'Markeer als gezien'],
  ]);
  return {
    aan: invoer.aan,
    onderwerp,
    tekst: zinnen.join('\n'),
    html,
    messageId: invoer.messageId,
    bijlagen: [buildAgendaBijlage(invoer.agenda, invoer.vandaag)],
  };
}

/** The term as a calendar file attached to a reminder. */
function buildAgendaBijlage(agenda: AgendaTermijn, vandaag: IsoDatum) {
  return {
    bestandsnaam: `termijn-${agenda.einde}.ics`,
    inhoud: buildVCalendar('Termijn', [agenda], new Date(`${vandaag}T08:00:00Z`)),
    contentType: 'text/calendar; charset=utf-8',
  };
}

/** A plain-text mail's lines as HTML paragraphs (empty lines dropped), then its links on one line. */
function formatZinnenHtml(zinnen: readonly string[], links: readonly [url: string, tekst: string][]): string {
  const alinea = zinnen
    .filter((r) => r !== '')
    .map((r) => `<p>${escape(r)}</p>`)
    .join('');
  const koppelingen = links.map(([url, tekst]) => `<a href="${escape(url)}">${escape(tekst)}</a>`).join(' · ');
  return `<!doctype html><html lang="nl"><body style="font-family:Calibri,Arial,sans-serif;color:#1b2430">${alinea}<p>${koppelingen}</p></body></html>`;
}

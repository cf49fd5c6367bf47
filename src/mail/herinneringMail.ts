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
  zaakUrl: string;
  zorgaanbieder: string | null;
  vandaag: IsoDatum;
  inhaal: boolean;
  messageId: string;
  agenda: AgendaTermijn;
}): Mail {
  const { termijn: t } = invoer;
  const dagen = dagenTussen(invoer.vandaag, t.einde);
  const wat = t.rechtsmiddel === 'beroep' ? 'Beroep bij het CBb tegen de contracteerruimte' : 'Bezwaar bij de NZa tegen de tariefbeschikking';
  const onderwerp = `${invoer.inhaal ? 'Inhaalherinnering' : 'Herinnering'}: ${wat[0]!.toLowerCase()}${wat.slice(1)} ${t.regio} ${t.jaar} — laatste dag ${formatDatumKort(t.einde)} (${formatDagenOver(dagen)})`;
  const regels: [string, string][] = [
    ['Termijn', `${wat} ${t.regio} ${t.jaar}`],
    ['Laatste dag', formatDatumLang(t.einde)],
    ['Dagen over', formatDagenOver(dagen)],
    ['Besluit', `${t.besluit} (bekendgemaakt ${formatDatumKort(t.bekendgemaakt)})${invoer.zorgaanbieder ? `, ${invoer.zorgaanbieder}` : ''}`],
    ['Grondslag', t.grondslag.join(', ')],
  ];
  const inhaalZin = invoer.inhaal ? 'Eerdere herinneringen voor deze termijn konden niet op tijd worden verstuurd; dit is de enige inhaalherinnering.' : '';
  const tekst = [
    `Beste ${invoer.naam},`,
    '',
    ...(inhaalZin ? [inhaalZin, ''] : []),
    ...regels.map(([k, v]) => `${k}: ${v}`),
    '',
    t.toelichting,
    '',
    `Zaak: ${invoer.zaakUrl}`,
    '',
    'Een per post verzonden stuk is tijdig als het uiterlijk op de laatste dag ter post is bezorgd en binnen een week binnenkomt (art. 6:9 lid 2 Awb).',
    '',
    'Deze herinnering stopt zodra de zaak als ingediend is geregistreerd.',
  ].join('\n');
  const html = `<!doctype html><html lang="nl"><body style="font-family:Calibri,Arial,sans-serif;color:#1b2430">
<p>Beste ${escape(invoer.naam)},</p>
${inhaalZin ? `<p><strong>${escape(inhaalZin)}</strong></p>` : ''}
<table cellpadding="4" style="border-collapse:collapse">${regels.map(([k, v]) => `<tr><th align="left" style="color:#5a6472">${escape(k)}</th><td>${k === 'Laatste dag' ? `<strong>${escape(v)}</strong>` : escape(v)}</td></tr>`).join('')}</table>
<p>${escape(t.toelichting)}</p>
<p><a href="${escape(invoer.zaakUrl)}">Open de zaak</a></p>
<p style="font-size:12px;color:#5a6472">Een per post verzonden stuk is tijdig als het uiterlijk op de laatste dag ter post is bezorgd en binnen een week binnenkomt (art. 6:9 lid 2 Awb). Deze herinnering stopt zodra de zaak als ingediend is geregistreerd.</p>
</body></html>`;
  return {
    aan: invoer.aan,
    onderwerp,
    tekst,
    html,
    messageId: invoer.messageId,
    bijlagen: [
      {
        bestandsnaam: `termijn-${t.einde}.ics`,
        inhoud: buildVCalendar('Termijn', [invoer.agenda], new Date(`${invoer.vandaag}T08:00:00Z`)),
        contentType: 'text/calendar; charset=utf-8',
      },
    ],
  };
}

/** The weekly digest: the terms running out in the next 21 days. */
export function composeWeekoverzicht(invoer: {
  aan: string;
  naam: string;
  vandaag: IsoDatum;
  messageId: string;
  termijnen: { termijn: Termijn; url: string; zorgaanbieder: string | null }[];
}): Mail {
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
  ].join('\n');
  const html = `<!doctype html><html lang="nl"><body style="font-family:Calibri,Arial,sans-serif"><p>Beste ${escape(invoer.naam)},</p><p>${invoer.termijnen.length ? 'Deze termijnen lopen de komende 21 dagen af:' : 'De komende 21 dagen loopt geen termijn af.'}</p><ul>${invoer.termijnen
    .map((x, i) => `<li><a href="${escape(x.url)}">${escape(regels[i]!)}</a></li>`)
    .join('')}</ul></body></html>`;
  return {
    aan: invoer.aan,
    onderwerp: `Weekoverzicht termijnen vanaf ${formatDatumKort(invoer.vandaag)}`,
    tekst,
    html,
    messageId: invoer.messageId,
    bijlagen: [],
  };
}

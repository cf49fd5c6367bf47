import { randomUUID } from 'node:crypto';
import type { MailConfig } from '../../mail/mailConfig';
import type { Verzender } from '../../mail/verzender';

const escape = (s: string) => s.replace(/[&<>"']/g, (t) => `&#${t.charCodeAt(0)};`);

/**
 * The Message-ID prefixes of e-mails that carry a sign-in link (an invitation, a reset): no outbox another person can
 * read lists or serves them (issue 28.5, src/services/herinneringen/outboxService.ts).
 */
export const AANMELDLINK_MAILS = ['<uitnodiging-', '<herstel-', '<controle-'] as const;

/** The invitation e-mail (Dutch, text and HTML) with the one-time link, through the app's sender (SMTP or outbox). */
export async function sendUitnodiging(
  verzender: Verzender,
  mail: MailConfig,
  u: { aan: string; naam: string; organisatie: string; door: string; token: string },
): Promise<void> {
  await sendAanmeldlink(verzender, mail, u, {
    soort: 'uitnodiging',
    onderwerp: `Uitnodiging: Termijnbewaking Wmg 105 (${u.organisatie})`,
    aanleiding: `${u.door} nodigt u uit voor de Termijnbewaking Wmg 105 van ${u.organisatie}.`,
    opdracht: 'Richt uw account in via deze link (7 dagen geldig, één keer te gebruiken):',
    knop: 'Account inrichten',
    slot: [
      'U kiest een wachtwoord en koppelt een authenticator-app voor de tweestapsverificatie.',
      'Verwachtte u deze uitnodiging niet, negeer dan dit bericht.',
    ],
  });
}

/** The reset e-mail (Dutch, text and HTML): the member confirms by following the link and setting new credentials. */
export async function sendHerstelVerzoek(
  verzender: Verzender,
  mail: MailConfig,
  u: { aan: string; naam: string; organisatie: string; door: string; token: string },
): Promise<void> {
  await sendAanmeldlink(verzender, mail, u, {
    soort: 'herstel',
    onderwerp: `Herstel van uw account: Termijnbewaking Wmg 105 (${u.organisatie})`,
    aanleiding:
      `${u.door} heeft voor uw account bij de Termijnbewaking Wmg 105 van ${u.organisatie} een herstel aangevraagd ` +
      '(wachtwoord vergeten of authenticator-app kwijt).',
    opdracht: 'Bevestig het herstel via deze link (7 dagen geldig, één keer te gebruiken) en stel een nieuw wachtwoord en een nieuwe tweestapsverificatie in:',
    knop: 'Herstel bevestigen',
    slot: [
      'Zodra u dat hebt gedaan, worden al uw sessies beëindigd. Tot dan blijven uw huidige wachtwoord en tweestapsverificatie gelden.',
      'Hebt u geen herstel gevraagd, negeer dit bericht dan en meld het aan uw beheerder.',
    ],
  });
}

/**
 * A mail with a one-time sign-in link (an invitation, a reset): greeting, reason, the link, and the Message-ID prefix that
 * keeps it out of every outbox another person can read (`AANMELDLINK_MAILS`).
 */
async function sendAanmeldlink(
  verzender: Verzender,
  mail: MailConfig,
  u: { aan: string; naam: string; token: string },
  inhoud: { soort: 'uitnodiging' | 'herstel'; onderwerp: string; aanleiding: string; opdracht: string; knop: string; slot: string[] },
): Promise<void> {
  const link = `${mail.appUrl}/welkom/${u.token}`;
  const tekst = [`Beste ${u.naam},`, '', inhoud.aanleiding, '', inhoud.opdracht, link, '', ...inhoud.slot].join('\n');
  const html =
    `<p>Beste ${escape(u.naam)},</p><p>${escape(inhoud.aanleiding)}</p>` +
    `<p><a href="${escape(link)}">${escape(inhoud.knop)}</a> (7 dagen geldig, één keer te gebruiken).</p>` +
    `<p>${inhoud.slot.map(escape).join(' ')}</p>`;
  await verzender.send({
    aan: u.aan,
    onderwerp: inhoud.onderwerp,
    tekst,
    html,
    messageId: `<${inhoud.soort}-${randomUUID()}@termijnbewaking>`,
    bijlagen: [],
  });
}

/**
 * To the holder of an address a beheerder of another organisation tried to invite (issue 28.7): the beheerder is
 * told nothing more than for any invitation; the holder learns of it here. No link.
 */
export async function sendUitnodigingAdresInGebruik(
  verzender: Verzender,
  mail: MailConfig,
  u: { aan: string; organisatie: string; door: string },
): Promise<void> {
  const tekst = [
    'Beste gebruiker van de Termijnbewaking Wmg 105,',
    '',
    `${u.door} van ${u.organisatie} heeft dit e-mailadres uitgenodigd. Het hoort al bij een account bij een andere organisatie, en een e-mailadres kan maar bij één organisatie horen; daarom is er niets aangemaakt.`,
    '',
    `Wilt u ook voor ${u.organisatie} werken, neem dan contact op met ${u.door} over een ander e-mailadres. Verwachtte u dit niet, negeer dan dit bericht.`,
  ].join('\n');
  const html = `<p>Beste gebruiker van de Termijnbewaking Wmg 105,</p><p>${escape(u.door)} van ${escape(u.organisatie)} heeft dit e-mailadres uitgenodigd. Het hoort al bij een account bij een andere organisatie, en een e-mailadres kan maar bij één organisatie horen; daarom is er niets aangemaakt.</p><p>Wilt u ook voor ${escape(u.organisatie)} werken, neem dan contact op met ${escape(u.door)} over een ander e-mailadres. Verwachtte u dit niet, negeer dan dit bericht.</p>`;
  await verzender.send({
    aan: u.aan,
    onderwerp: `Uitnodiging: Termijnbewaking Wmg 105 (${u.organisatie})`,
    tekst,
    html,
    messageId: `<uitnodiging-elders-${randomUUID()}@termijnbewaking>`,
    bijlagen: [],
  });
}

/**
 * To an external checker (issue 30.2): who asks, what to compare, the one-time link (no account; it shows that one
 * date's besluit and afleiding) and until when it works.
 */
export async function sendControleUitnodiging(
  verzender: Verzender,
  mail: MailConfig,
  u: { aan: string; naam: string; organisatie: string; door: string; token: string; verlooptTekst: string },
): Promise<void> {
  const link = `${mail.appUrl}/controle/${u.token}`;
  const aanleiding = `${u.door} van ${u.organisatie} vraagt u één fatale termijn te controleren als tweede paar ogen: leg het besluit naast de berekening en bevestig de laatste dag als die klopt.`;
  const slot = 'U ziet alleen dat besluit en hoe de datum is berekend. Verwachtte u dit niet, negeer dan dit bericht.';
  await verzender.send({
    aan: u.aan,
    onderwerp: `Verzoek om controle van een termijn (${u.organisatie})`,
    tekst: [`Beste ${u.naam},`, '', aanleiding, '', `De link werkt tot ${u.verlooptTekst}, één keer:`, link, '', slot].join('\n'),
    html:
      `<p>Beste ${escape(u.naam)},</p><p>${escape(aanleiding)}</p>` +
      `<p><a href="${escape(link)}">Termijn controleren</a> (werkt tot ${escape(u.verlooptTekst)}, één keer).</p><p>${escape(slot)}</p>`,
    messageId: `<controle-${randomUUID()}@termijnbewaking>`,
    bijlagen: [],
  });
}

import { randomUUID } from 'node:crypto';
import type { MailConfig } from '../mail/mailConfig';
import type { Verzender } from '../mail/verzender';

const escape = (s: string) => s.replace(/[&<>"']/g, (t) => `&#${t.charCodeAt(0)};`);

/** The invitation e-mail (Dutch, text and HTML) with the one-time link, through the app's sender (SMTP or outbox). */
export async function sendUitnodiging(
  verzender: Verzender,
  mail: MailConfig,
  u: { aan: string; naam: string; organisatie: string; door: string; token: string },
): Promise<void> {
  const link = `${mail.appUrl}/welkom/${u.token}`;
  const tekst = [
    `Beste ${u.naam},`,
    '',
    `${u.door} nodigt u uit voor de Termijnbewaking Wmg 105 van ${u.organisatie}.`,
    '',
    'Richt uw account in via deze link (7 dagen geldig, één keer te gebruiken):',
    link,
    '',
    'U kiest een wachtwoord en koppelt een authenticator-app voor de tweestapsverificatie.',
    'Verwachtte u deze uitnodiging niet, negeer dan dit bericht.',
  ].join('\n');
  const html = `<p>Beste ${escape(u.naam)},</p><p>${escape(u.door)} nodigt u uit voor de Termijnbewaking Wmg 105 van ${escape(u.organisatie)}.</p><p><a href="${escape(link)}">Account inrichten</a> (7 dagen geldig, één keer te gebruiken).</p><p>U kiest een wachtwoord en koppelt een authenticator-app voor de tweestapsverificatie. Verwachtte u deze uitnodiging niet, negeer dan dit bericht.</p>`;
  await verzender.send({
    aan: u.aan,
    onderwerp: `Uitnodiging: Termijnbewaking Wmg 105 (${u.organisatie})`,
    tekst,
    html,
    messageId: `<uitnodiging-${randomUUID()}@termijnbewaking>`,
    bijlagen: [],
  });
}

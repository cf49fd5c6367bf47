import nodemailer from 'nodemailer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/verbinding';
import { writeTransaction } from '../db/transactie';
import { uitgaandeMail } from '../db/schema';
import type { MailConfig } from './mailConfig';

export interface Mail {
  aan: string;
  onderwerp: string;
  tekst: string;
  html: string;
  /** Deterministic per reminder, so a retry is recognisable as the same message. */
  messageId: string;
  bijlagen: { bestandsnaam: string; inhoud: string; contentType: string }[];
}

export interface Verzender {
  readonly soort: 'smtp' | 'outbox';
  send(mail: Mail): Promise<void>;
}

function naarNodemailer(config: MailConfig, mail: Mail) {
  return {
    from: config.afzender,
    to: mail.aan,
    subject: mail.onderwerp,
    text: mail.tekst,
    html: mail.html,
    messageId: mail.messageId,
    attachments: mail.bijlagen.map((b) => ({ filename: b.bestandsnaam, content: b.inhoud, contentType: b.contentType })),
  };
}

export function createSmtpVerzender(config: MailConfig & { smtp: NonNullable<MailConfig['smtp']> }): Verzender {
  const transport = nodemailer.createTransport({
    host: config.smtp.host,
    port: config.smtp.port,
    secure: config.smtp.secure,
    ...(config.smtp.auth ? { auth: config.smtp.auth } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    soort: 'smtp',
    async send(mail) {
      await transport.sendMail(naarNodemailer(config, mail));
    },
  };
}

/**
 * The embedded default: the complete message (RFC 5322, as SMTP would carry it) is stored in the database and written
 * to `map` as .eml. Storing is idempotent on the Message-ID, so the same reminder can never appear twice.
 */
export function createOutboxVerzender(db: Db, config: MailConfig, map: string): Verzender {
  const bouwer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  mkdirSync(map, { recursive: true });
  return {
    soort: 'outbox',
    async send(mail) {
      const info = await bouwer.sendMail(naarNodemailer(config, mail));
      const eml = (info.message as Buffer).toString('utf8');
      writeTransaction(db, (tx) =>
        tx
          .insert(uitgaandeMail)
          .values({ messageId: mail.messageId, aan: mail.aan, onderwerp: mail.onderwerp, tekst: mail.tekst, eml })
          .onConflictDoNothing()
          .run(),
      );
      writeFileSync(join(map, `${mail.messageId.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`), eml);
    },
  };
}

export function createVerzender(db: Db, config: MailConfig, outboxMap: string): Verzender {
  return config.smtp ? createSmtpVerzender({ ...config, smtp: config.smtp }) : createOutboxVerzender(db, config, outboxMap);
}

import { z } from 'zod';

export interface MailConfig {
  /** Absent: e-mails go to the embedded outbox. */
  smtp?: { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };
  afzender: string;
  /** Base URL for links in e-mails and calendar events. */
  appUrl: string;
}

const env = z.object({
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  APP_URL: z.string().url().optional(),
});

/** SMTP_HOST, SMTP_PORT (587), SMTP_SECURE (TLS from the start; otherwise STARTTLS when offered), SMTP_USER, SMTP_PASS, MAIL_FROM, APP_URL. */
export function loadMailConfig(omgeving: NodeJS.ProcessEnv = process.env): MailConfig {
  const e = env.parse(omgeving);
  const poort = e.SMTP_PORT ?? (e.SMTP_SECURE === 'true' ? 465 : 587);
  return {
    ...(e.SMTP_HOST
      ? { smtp: { host: e.SMTP_HOST, port: poort, secure: e.SMTP_SECURE === 'true', ...(e.SMTP_USER ? { auth: { user: e.SMTP_USER, pass: e.SMTP_PASS ?? '' } } : {}) } }
      : {}),
    afzender: e.MAIL_FROM ?? 'Termijnbewaking <termijnen@termijnbewaking.local>',
    appUrl: (e.APP_URL ?? `http://localhost:${omgeving.PORT ?? 3000}`).replace(/\/$/, ''),
  };
}

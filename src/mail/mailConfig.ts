/** Where reminders go; built from the environment by src/config/config.ts (SMTP_*, MAIL_FROM, APP_URL). */
export interface MailConfig {
  /** Absent: e-mails go to the embedded outbox. */
  smtp?: { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };
  afzender: string;
  /** Base URL for links in e-mails and calendar events. */
  appUrl: string;
}

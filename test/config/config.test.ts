import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigFout, loadConfig } from '../../src/config/config';
import { createTermijnConfig, loadTermijnConfig } from '../../src/config/termijnConfig';

const fout = (omgeving: Record<string, string>): string => {
  try {
    loadConfig(omgeving);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigFout);
    return (e as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

const PRODUCTIE = { BASIS_URL: 'https://termijnen.example.nl', SESSION_SECRET: 'een-geheim-van-minstens-16-tekens' };

describe('configuration from the environment', () => {
  it('has a default for every variable', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      databasePad: 'data/termijnbewaking.sqlite',
      port: 3000,
      host: '127.0.0.1',
      seedDemo: true,
      inwerkingtreding: null,
      gelijkgesteldeDagen: [],
      herinneringen: { aan: true, intervalMinuten: 5 },
      mail: { afzender: 'Termijnbewaking <termijnen@termijnbewaking.local>', appUrl: 'http://localhost:3000' },
    });
    expect(config.mail.smtp).toBeUndefined();
    expect(config.sessionSecret).toBeUndefined();
  });

  it('reads typed values', () => {
    const config = loadConfig({
      PORT: '8080',
      SEED_DEMO: 'false',
      HERINNERINGEN: 'uit',
      HERINNERING_INTERVAL_MINUTEN: '15',
      WMG105_INWERKINGTREDING: '2026-07-01',
      ATW_GELIJKGESTELDE_DAGEN: '[{"datum":"2030-05-06","naam":"Bevrijdingsdag (verschoven)"}]',
      SMTP_HOST: 'smtp.example.nl',
      SMTP_SECURE: 'true',
      SMTP_USER: 'u',
      SMTP_PASS: 'p',
      APP_URL: 'https://termijnen.example.nl/',
    });
    expect(config.port).toBe(8080);
    expect(config.seedDemo).toBe(false);
    expect(config.herinneringen).toEqual({ aan: false, intervalMinuten: 15 });
    expect(config.inwerkingtreding).toBe('2026-07-01');
    expect(config.gelijkgesteldeDagen).toEqual([{ datum: '2030-05-06', naam: 'Bevrijdingsdag (verschoven)' }]);
    expect(config.mail).toEqual({
      smtp: { host: 'smtp.example.nl', port: 465, secure: true, auth: { user: 'u', pass: 'p' } },
      afzender: 'Termijnbewaking <termijnen@termijnbewaking.local>',
      appUrl: 'https://termijnen.example.nl',
    });
  });

  it('reads the backup and log settings (issue 12), with defaults next to the database', () => {
    expect(loadConfig({ DATABASE_PATH: '/srv/tb/app.sqlite' })).toMatchObject({ backup: { map: '/srv/tb/backups', bewaarDagen: 14 }, logNiveau: 'info' });
    expect(loadConfig({ BACKUP_MAP: '/backup/tb', BACKUP_BEWAAR_DAGEN: '0', LOG_NIVEAU: 'warn' })).toMatchObject({
      backup: { map: '/backup/tb', bewaarDagen: 0 },
      logNiveau: 'warn',
    });
    expect(fout({ BACKUP_BEWAAR_DAGEN: '-1' })).toContain('BACKUP_BEWAAR_DAGEN: een geheel aantal dagen van 0 (geen dagelijkse backup) tot en met 3650');
    expect(fout({ LOG_NIVEAU: 'veel' })).toContain('LOG_NIVEAU: ongeldige waarde; toegestaan: "fatal", "error", "warn", "info", "debug", "trace", "silent"');
  });

  it('reads the webhook settings (issue 32.3): in production https only and no internal address unless allowed', () => {
    const prod = { ...PRODUCTIE, NODE_ENV: 'production', WMG105_INWERKINGTREDING: 'onbekend' };
    expect(loadConfig({}).webhooks).toEqual({ aan: true, intervalMs: 30_000, verlooptWerkdagen: 5, beleid: { alleenHttps: false, interneAdressen: true } });
    expect(loadConfig(prod).webhooks.beleid).toEqual({ alleenHttps: true, interneAdressen: false });
    expect(loadConfig({ ...prod, WEBHOOK_INTERNE_ADRESSEN: 'toestaan' }).webhooks.beleid).toEqual({ alleenHttps: true, interneAdressen: true });
    expect(loadConfig({ WEBHOOK_INTERNE_ADRESSEN: 'weigeren' }).webhooks.beleid.interneAdressen).toBe(false);
    expect(loadConfig({ WEBHOOKS: 'uit', WEBHOOK_INTERVAL_SECONDEN: '5', WEBHOOK_VERLOOPT_WERKDAGEN: '10' }).webhooks).toMatchObject({
      aan: false,
      intervalMs: 5000,
      verlooptWerkdagen: 10,
    });
    expect(fout({ WEBHOOK_INTERNE_ADRESSEN: 'ja' })).toContain('WEBHOOK_INTERNE_ADRESSEN: ongeldige waarde; toegestaan: "toestaan", "weigeren"');
    expect(fout({ WEBHOOK_VERLOOPT_WERKDAGEN: '61' })).toContain('WEBHOOK_VERLOOPT_WERKDAGEN: een geheel aantal werkdagen van 0 tot en met 60');
    expect(fout({ WEBHOOK_INTERVAL_SECONDEN: '0' })).toContain('WEBHOOK_INTERVAL_SECONDEN: een geheel aantal seconden van 1 tot en met 3600');
  });

  it('reads the watcher of the official sources (issue 33): off by default, the real URLs as defaults', () => {
    expect(loadConfig({}).bronnen).toEqual({
      aan: false,
      intervalMinuten: 60,
      timeoutMs: 30_000,
      rechtspraakUrl: 'https://data.rechtspraak.nl/uitspraken',
      sruUrl: 'https://repository.overheid.nl/sru',
    });
    expect(
      loadConfig({
        BRONNEN: 'aan',
        BRONNEN_INTERVAL_MINUTEN: '15',
        BRONNEN_TIMEOUT_SECONDEN: '5',
        BRONNEN_RECHTSPRAAK_URL: 'http://127.0.0.1:8080/uitspraken/',
        BRONNEN_SRU_URL: 'http://127.0.0.1:8080/sru',
      }).bronnen,
    ).toEqual({ aan: true, intervalMinuten: 15, timeoutMs: 5000, rechtspraakUrl: 'http://127.0.0.1:8080/uitspraken', sruUrl: 'http://127.0.0.1:8080/sru' });
    expect(fout({ BRONNEN: 'ja' })).toContain('BRONNEN: ongeldige waarde; toegestaan: "aan", "uit"');
    expect(fout({ BRONNEN_INTERVAL_MINUTEN: '1' })).toContain('BRONNEN_INTERVAL_MINUTEN: een geheel aantal minuten van 5 tot en met 10080');
    expect(fout({ BRONNEN_TIMEOUT_SECONDEN: '0' })).toContain('BRONNEN_TIMEOUT_SECONDEN: een geheel aantal seconden van 1 tot en met 600');
    expect(fout({ BRONNEN_SRU_URL: 'ftp://x' })).toContain('BRONNEN_SRU_URL: een http(s)-URL');
  });

  it('bases every link in e-mails and calendar events on BASIS_URL (issue 14: mail links pointed to localhost)', () => {
    expect(loadConfig({ BASIS_URL: 'https://termijnen.example.nl', APP_URL: 'http://localhost:3000' }).mail.appUrl).toBe('https://termijnen.example.nl');
    expect(loadConfig({ BASIS_URL: 'https://termijnen.example.nl' }).mail.appUrl).toBe('https://termijnen.example.nl');
    expect(
      loadConfig({ NODE_ENV: 'production', BASIS_URL: 'https://termijnen.example.nl', SESSION_SECRET: 'x'.repeat(20), WMG105_INWERKINGTREDING: 'onbekend' })
        .mail.appUrl,
    ).toBe('https://termijnen.example.nl');
  });

  it('refuses a number that is not one, naming the variable and the accepted values', () => {
    expect(fout({ HERINNERING_INTERVAL_MINUTEN: 'abc' })).toContain('HERINNERING_INTERVAL_MINUTEN: een geheel aantal minuten van 1 tot en met 1440');
    expect(fout({ HERINNERING_INTERVAL_MINUTEN: '0' })).toContain('HERINNERING_INTERVAL_MINUTEN');
    expect(fout({ PORT: '70000' })).toContain('PORT: een poortnummer van 1 tot en met 65535');
    expect(fout({ SMTP_PORT: '25x' })).toContain('SMTP_PORT');
  });

  it('refuses a value outside a list of choices', () => {
    expect(fout({ SEED_DEMO: 'nee' })).toContain('SEED_DEMO: ongeldige waarde; toegestaan: "true", "false"');
    expect(fout({ HERINNERINGEN: 'soms' })).toContain('HERINNERINGEN: ongeldige waarde; toegestaan: "aan", "uit"');
    expect(fout({ NODE_ENV: 'prod' })).toContain('NODE_ENV: ongeldige waarde; toegestaan: "development", "production", "test"');
    expect(fout({ SMTP_SECURE: 'yes' })).toContain('SMTP_SECURE');
  });

  it('refuses a bad date, URL, JSON list or short secret', () => {
    expect(fout({ WMG105_INWERKINGTREDING: '2026-02-30' })).toContain('WMG105_INWERKINGTREDING: een datum JJJJ-MM-DD of "onbekend"');
    expect(fout({ APP_URL: 'termijnen' })).toContain('APP_URL: een http(s)-URL');
    expect(fout({ ATW_GELIJKGESTELDE_DAGEN: '[{' })).toContain('ATW_GELIJKGESTELDE_DAGEN: geen geldige JSON');
    expect(fout({ ATW_GELIJKGESTELDE_DAGEN: '[{"datum":"2030-13-01","naam":"x"}]' })).toContain('ATW_GELIJKGESTELDE_DAGEN[0.datum]: geen geldige datum');
    expect(fout({ SESSION_SECRET: 'kort' })).toContain('SESSION_SECRET: minstens 16 tekens');
  });

  it('reads griffierecht amounts only as dated rows with a source that never overlap (art. 8:41 Awb)', () => {
    const rij = (van: string, tot: string, bron = 'rechtspraak.nl, gelezen op 5 januari 2026') => ({
      geldigVanaf: van,
      geldigTot: tot,
      rechtspersoonCenten: 50_000,
      bron,
    });
    const goed = [rij('2026-01-01', '2026-12-31'), rij('2027-01-01', '2027-12-31')];
    expect(loadConfig({ NODE_ENV: 'test', GRIFFIERECHT_TARIEVEN: JSON.stringify(goed) }).griffierechtTarieven).toEqual(goed);
    expect(loadConfig({ NODE_ENV: 'test' }).griffierechtTarieven).toEqual([]);
    expect(fout({ GRIFFIERECHT_TARIEVEN: JSON.stringify([rij('2026-01-01', '2026-12-31'), rij('2026-12-31', '2027-12-31')]) })).toContain(
      'GRIFFIERECHT_TARIEVEN: twee tarieven gelden op dezelfde dag',
    );
    expect(fout({ GRIFFIERECHT_TARIEVEN: JSON.stringify([rij('2026-01-01', '2026-12-31', '')]) })).toContain('noem de bron');
    expect(fout({ GRIFFIERECHT_TARIEVEN: JSON.stringify([rij('2026-12-31', '2026-01-01')]) })).toContain('geldigVanaf ligt na geldigTot');
  });

  it('reports every bad variable at once', () => {
    const melding = fout({ PORT: 'x', SEED_DEMO: 'x' });
    expect(melding).toContain('PORT');
    expect(melding).toContain('SEED_DEMO');
  });

  describe('WMG105_INWERKINGTREDING', () => {
    it('is a date, "onbekend", or unknown when unset', () => {
      expect(loadConfig({ WMG105_INWERKINGTREDING: '2025-01-01' }).inwerkingtreding).toBe('2025-01-01');
      expect(loadConfig({ WMG105_INWERKINGTREDING: 'onbekend' }).inwerkingtreding).toBeNull();
      expect(loadConfig({}).inwerkingtreding).toBeNull();
    });

    it('must be set explicitly in production', () => {
      expect(fout({ NODE_ENV: 'production' })).toContain('WMG105_INWERKINGTREDING: niet gezet; in productie moet u expliciet een datum JJJJ-MM-DD');
      expect(loadConfig({ NODE_ENV: 'production', WMG105_INWERKINGTREDING: 'onbekend', ...PRODUCTIE }).inwerkingtreding).toBeNull();
    });

    it('reaches the engine as 2025-01-01 while unknown (until engine v2)', () => {
      // Termijnregels §8: no invented default — unknown stays unknown for the engine.
      expect(createTermijnConfig({ inwerkingtreding: null, gelijkgesteldeDagen: [] }).inwerkingtreding).toBeUndefined();
      expect(loadTermijnConfig({}).inwerkingtreding).toBeUndefined();
      expect(loadTermijnConfig({ WMG105_INWERKINGTREDING: 'onbekend' }).inwerkingtreding).toBeUndefined();
      expect(loadTermijnConfig({ WMG105_INWERKINGTREDING: '2026-07-01' }).inwerkingtreding).toBe('2026-07-01');
      expect(() => loadTermijnConfig({ WMG105_INWERKINGTREDING: 'morgen' })).toThrow(/WMG105_INWERKINGTREDING/);
    });
  });

  it('stops the server start with the message and a non-zero exit code', () => {
    const start = (omgeving: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: { PATH: process.env.PATH!, ...omgeving },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const slecht = start({ HERINNERING_INTERVAL_MINUTEN: 'abc', DATABASE_PATH: ':memory:' });
    expect(slecht.status).toBe(78);
    expect(slecht.stderr).toContain('HERINNERING_INTERVAL_MINUTEN: een geheel aantal minuten van 1 tot en met 1440');
    expect(slecht.stdout).not.toContain('serving');
    const productie = start({ NODE_ENV: 'production', DATABASE_PATH: ':memory:' });
    expect(productie.status).toBe(78);
    expect(productie.stderr).toContain('WMG105_INWERKINGTREDING: niet gezet');
    // Issue 11: production refuses to start without its own address and a session secret, and never seeds demo users.
    expect(productie.stderr).toContain('BASIS_URL: niet gezet');
    expect(productie.stderr).toContain('SESSION_SECRET: niet gezet');
    expect(productie.stdout).not.toContain('Demo-wachtwoord');
    const metDemo = start({ NODE_ENV: 'production', DATABASE_PATH: ':memory:', WMG105_INWERKINGTREDING: 'onbekend', ...PRODUCTIE, SEED_DEMO: 'true' });
    expect(metDemo.status).toBe(78);
    expect(metDemo.stderr).toContain('SEED_DEMO: in productie worden nooit demogebruikers geladen');
  }, 120_000);
});

// Vigil's settings, read once from the environment at start (`vigil start`, the CLI, tests).
import { resolve, join } from 'node:path';
import { atMost, integer } from './config/read.ts';
import { networkFromEnv, type Network } from './config/network.ts';
import { hostList, onionUrl } from './config/hosts.ts';
import { backupFromEnv, type BackupSchedule } from './config/backup.ts';
import { noticesFromEnv, type Notices } from './config/notices.ts';

export { ConfigError } from './config/read.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Keyed hashes use a secret kept outside the database. Put it on another volume if you can. */
  secretFile: string;
  /** Reports a client may send per minute (keyed by a daily-rotated hash of the address, never the address). */
  intakePerMinute: number;
  /** Login, setup and invitation attempts a client may make per minute (0 = no limit). */
  loginPerMinute: number;
  /** Status checks a client may make per minute (each costs an scrypt). */
  statusPerMinute: number;
  /**
   * Leading zero bits of SHA-256 a reporter's browser must find before a report, evidence or status
   * check goes past the per-client limit (VIGIL_POW_BITS; 0 = no proofs, every request counted).
   */
  powBits: number;
  /** Where "quick exit" goes. Our own neutral page by default, so it makes no third-party request. */
  exitUrl: string;
  /** Set cookies with Secure; on when VIGIL_PUBLIC_URL is https. */
  secureCookies: boolean;
  publicUrl: string;
  publicUrlGiven: boolean;
  /**
   * Other names Vigil is reached at besides VIGIL_PUBLIC_URL's (VIGIL_HOSTS, comma-separated, e.g.
   * an .onion address; "name" or "name:port"). Requests for any other Host are refused (421), which
   * defeats DNS rebinding; localhost, 127.0.0.1 and [::1] are accepted when listening on loopback.
   */
  hosts: string[];
  /**
   * The onion service's address (VIGIL_ONION_URL, http://<56 letters>.onion): public pages served at
   * another address say so in an Onion-Location header, and its name is accepted as a Host.
   */
  onionUrl: string | null;
  /** Minutes without activity before a workspace session locks (keys forgotten, passphrase again). */
  idleMinutes: number;
  /** Largest attachment accepted, in bytes (VIGIL_ATTACHMENT_MB, default 50). */
  attachmentBytes: number;
  /** SMTP server for alert emails (VIGIL_SMTP_URL, e.g. smtps://user:pass@mail.example.org); none = no email alerts. */
  smtpUrl: string | undefined;
  /** The From address of alert emails (VIGIL_MAIL_FROM). */
  mailFrom: string | undefined;
  /** Subscriptions a client may ask for per minute (VIGIL_SUBSCRIBE_PER_MINUTE, 0 = no limit). */
  subscribePerMinute: number;
  /** Waits before each retry of a failed alert delivery, in ms (VIGIL_ALERT_RETRY_MS, comma-separated). */
  alertRetryMs: number[];
  /** How long one webhook call or SMTP exchange may take, in ms (VIGIL_ALERT_TIMEOUT_MS). */
  alertTimeoutMs: number;
  /** Members' notices (issue 14): see Notices below. */
  notices: Notices;
  /** The network's limits: see Network below. */
  network: Network;
  backup: BackupSchedule;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer('PORT', env.PORT, 8080);
  const host = env.HOST || '127.0.0.1';
  const dataDir = resolve(env.VIGIL_DATA || 'data');
  const onion = onionUrl(env.VIGIL_ONION_URL);
  const publicUrl = (env.VIGIL_PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/$/, '');
  return {
    port,
    host,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    secretFile: resolve(env.VIGIL_SECRET_FILE || join(dataDir, 'server.secret')),
    intakePerMinute: integer('VIGIL_INTAKE_PER_MINUTE', env.VIGIL_INTAKE_PER_MINUTE, 30),
    loginPerMinute: integer('VIGIL_LOGIN_PER_MINUTE', env.VIGIL_LOGIN_PER_MINUTE, 10),
    statusPerMinute: integer('VIGIL_STATUS_PER_MINUTE', env.VIGIL_STATUS_PER_MINUTE, 20),
    powBits: atMost('VIGIL_POW_BITS', integer('VIGIL_POW_BITS', env.VIGIL_POW_BITS, 15), 32),
    exitUrl: env.VIGIL_EXIT_URL || '/exit',
    secureCookies: publicUrl.startsWith('https:'),
    publicUrl,
    publicUrlGiven: !!env.VIGIL_PUBLIC_URL,
    hosts: [...new Set([...hostList(env.VIGIL_HOSTS), ...(onion ? [new URL(onion).hostname] : [])])],
    onionUrl: onion,
    idleMinutes: integer('VIGIL_IDLE_MINUTES', env.VIGIL_IDLE_MINUTES, 15) || 15,
    attachmentBytes: (integer('VIGIL_ATTACHMENT_MB', env.VIGIL_ATTACHMENT_MB, 50) || 50) * 1024 * 1024,
    smtpUrl: env.VIGIL_SMTP_URL || undefined,
    mailFrom: env.VIGIL_MAIL_FROM || undefined,
    subscribePerMinute: integer('VIGIL_SUBSCRIBE_PER_MINUTE', env.VIGIL_SUBSCRIBE_PER_MINUTE, 5),
    alertRetryMs: (env.VIGIL_ALERT_RETRY_MS || '60000,300000,1800000,7200000,21600000').split(',').map((v) => integer('VIGIL_ALERT_RETRY_MS', v.trim(), 60000)),
    alertTimeoutMs: integer('VIGIL_ALERT_TIMEOUT_MS', env.VIGIL_ALERT_TIMEOUT_MS, 15000) || 15000,
    notices: noticesFromEnv(env),
    network: networkFromEnv(env),
    backup: backupFromEnv(env),
  };
}

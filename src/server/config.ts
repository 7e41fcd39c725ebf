import proxyAddr from 'proxy-addr';
import type { FastifyRequest } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import { resolve, join } from 'node:path';
import { parseEvery } from '../core/backups/schedule.ts';

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

/** Scheduled backups (VIGIL_BACKUP_DIR, VIGIL_BACKUP_EVERY, VIGIL_BACKUP_KEEP). */
export interface BackupSchedule {
  /** Where the server writes its backups; null = no schedule (`vigil backup` still works). */
  dir: string | null;
  /** How often, in ms (VIGIL_BACKUP_EVERY: 30m, 6h, 1d; default 1d). */
  everyMs: number;
  /** How many of its own files it keeps (VIGIL_BACKUP_KEEP, default 7); older ones it deletes. */
  keep: number;
}

/** How members are told of new work (VIGIL_NOTICE_EVERY_MIN, VIGIL_NOTICE_DEADLINE_HOUR). */
export interface Notices {
  /** At most one message per member in this many ms (VIGIL_NOTICE_EVERY_MIN, minutes, default 10; decimals allowed). */
  everyMs: number;
  /** The hour (0–23, the organization's time zone) of the daily look for deadlines due tomorrow (default 8). */
  deadlineHour: number;
}

/** A setting the server cannot start with: `vigil start` says so and exits 2. */
export class ConfigError extends Error {}

/** What one client may hold of the server's connections, time and memory. */
export interface Network {
  /**
   * Proxies whose X-Forwarded-For is believed: addresses or CIDRs (VIGIL_TRUST_PROXY, comma-separated;
   * none by default). Only then is a limit per client a limit per person behind nginx or Caddy.
   */
  trustProxy: string[];
  /** Connections at once in all (VIGIL_MAX_CONNECTIONS; 0 = what the open-file limit leaves room for). */
  maxConnections: number;
  /** Connections at once from one address that is not a trusted proxy (VIGIL_CONNECTIONS_PER_CLIENT). */
  connectionsPerClient: number;
  /** Seconds a client has to send a request's headers (VIGIL_HEADERS_SECONDS). */
  headersSeconds: number;
  /** Seconds an open connection may sit idle (VIGIL_IDLE_SECONDS): between requests, or mid-request. */
  idleSeconds: number;
  /** Seconds any one request may take to arrive whole, however fast it moves (VIGIL_REQUEST_SECONDS). */
  requestSeconds: number;
  /** Seconds a body may take before its pace is judged (VIGIL_BODY_GRACE_SECONDS). */
  bodyGraceSeconds: number;
  /** After the grace, a body must have averaged this many bytes a second (VIGIL_BODY_MIN_BYTES_PER_SECOND). */
  bodyMinBytesPerSecond: number;
  /** A loopback port for a Tor onion service to connect to (VIGIL_ONION_PORT; 0 = none). */
  onionPort: number;
  /** Tor exports each visitor's circuit on that port (VIGIL_ONION_CIRCUIT_IDS=1, with HiddenServiceExportCircuitID haproxy). */
  onionCircuitIds: boolean;
  /** Memory reporters' uploads may hold at once, in bytes (VIGIL_UPLOAD_MEMORY_MB). */
  uploadMemoryBytes: number;
}

/** A comma-separated setting's entries, trimmed, empty ones dropped. */
const commaList = (value: string | undefined): string[] => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);

/** Addresses, CIDRs or proxy-addr's names (loopback, uniquelocal); checked now so a typo stops the start. */
function proxyList(value: string | undefined): string[] {
  const list = commaList(value);
  try {
    proxyAddr.compile(list);
  } catch {
    throw new ConfigError(`VIGIL_TRUST_PROXY must be addresses or CIDRs separated by commas (e.g. 127.0.0.1,10.0.0.0/8), got "${value}"`);
  }
  return list;
}

function networkFromEnv(env: NodeJS.ProcessEnv): Network {
  const positive = (name: string, fallback: number) => integer(name, env[name], fallback) || fallback;
  return {
    trustProxy: proxyList(env.VIGIL_TRUST_PROXY),
    maxConnections: integer('VIGIL_MAX_CONNECTIONS', env.VIGIL_MAX_CONNECTIONS, 0),
    connectionsPerClient: positive('VIGIL_CONNECTIONS_PER_CLIENT', 32),
    headersSeconds: positive('VIGIL_HEADERS_SECONDS', 20),
    idleSeconds: positive('VIGIL_IDLE_SECONDS', 120),
    requestSeconds: positive('VIGIL_REQUEST_SECONDS', 3600),
    bodyGraceSeconds: positive('VIGIL_BODY_GRACE_SECONDS', 10),
    bodyMinBytesPerSecond: positive('VIGIL_BODY_MIN_BYTES_PER_SECOND', 2048),
    onionPort: integer('VIGIL_ONION_PORT', env.VIGIL_ONION_PORT, 0),
    onionCircuitIds: env.VIGIL_ONION_CIRCUIT_IDS === '1',
    uploadMemoryBytes: positive('VIGIL_UPLOAD_MEMORY_MB', 256) * 1024 * 1024,
  };
}

function backupFromEnv(env: NodeJS.ProcessEnv): BackupSchedule {
  const every = env.VIGIL_BACKUP_EVERY?.trim() || '';
  const everyMs = every === '' ? parseEvery('1d')! : parseEvery(every);
  if (everyMs === null) throw new ConfigError(`VIGIL_BACKUP_EVERY must be a whole number of minutes, hours or days (e.g. 30m, 6h, 1d), got "${every}"`);
  if (every !== '' && !env.VIGIL_BACKUP_DIR) throw new ConfigError('VIGIL_BACKUP_EVERY is set but VIGIL_BACKUP_DIR is not: say which folder the backups go to');
  const keep = integer('VIGIL_BACKUP_KEEP', env.VIGIL_BACKUP_KEEP, 7);
  if (keep < 1) throw new ConfigError('VIGIL_BACKUP_KEEP must be at least 1');
  return { dir: env.VIGIL_BACKUP_DIR ? resolve(env.VIGIL_BACKUP_DIR) : null, everyMs, keep };
}

function noticesFromEnv(env: NodeJS.ProcessEnv): Notices {
  const every = env.VIGIL_NOTICE_EVERY_MIN?.trim() || '10';
  const minutes = Number(every);
  // Decimals allowed (a test's window of a few seconds); a message a second at most.
  if (!/^\d+(\.\d+)?$/.test(every) || minutes * 60_000 < 1000) throw new ConfigError(`VIGIL_NOTICE_EVERY_MIN must be a number of minutes (at least 1 second's worth), got "${every}"`);
  return { everyMs: Math.round(minutes * 60_000), deadlineHour: atMost('VIGIL_NOTICE_DEADLINE_HOUR', integer('VIGIL_NOTICE_DEADLINE_HOUR', env.VIGIL_NOTICE_DEADLINE_HOUR, 8), 23) };
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number, got "${value}"`);
  return n;
}

const LABEL = '[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?';
const HOST = new RegExp(`^(\\[[0-9a-f:.]+\\]|${LABEL}(?:\\.${LABEL})*)\\.?(?::(\\d{1,5}))?$`);

/** "Name" or "name:port", lower case, without a trailing dot; null when it is not a host at all. */
export function normalHost(value: string): string | null {
  const match = HOST.exec(value.trim().toLowerCase());
  if (!match) return null;
  const [, name, port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return null;
  return port === undefined ? name! : `${name}:${Number(port)}`;
}

function hostList(value: string | undefined): string[] {
  return commaList(value).map((h) => {
    const host = normalHost(h);
    if (host === null) throw new ConfigError(`VIGIL_HOSTS must list host names (name or name:port), got "${h}"`);
    return host;
  });
}

const ONION_URL = /^http:\/\/([a-z2-7]{56})\.onion\/?$/;

/** A v3 onion service's address, without a trailing slash; null when not set. */
function onionUrl(value: string | undefined): string | null {
  if (!value) return null;
  const match = ONION_URL.exec(value.trim().toLowerCase());
  if (!match) throw new ConfigError(`VIGIL_ONION_URL must be an onion service's address, http://<56 letters and digits>.onion (torrc's HiddenServiceDir/hostname), got "${value}"`);
  return `http://${match[1]}.onion`;
}

function atMost(name: string, n: number, most: number): number {
  if (n > most) throw new ConfigError(`${name} must be at most ${most}, got ${n}`);
  return n;
}

export interface LimitOptions {
  /**
   * Count the request after its (small, bounded) body is read, so a refused form comes back filled
   * in and in the reader's language. Without it the request is counted on arrival, before its body.
   */
  afterBody?: boolean;
  /** Requests this says yes to are not counted against their client (e.g. a member's known device). */
  allowList?: (request: FastifyRequest, key: string) => boolean | Promise<boolean>;
}

/** Route options for a per-client limit; none when the limit is 0 (turned off). */
export function perMinute(max: number, options: LimitOptions = {}): { rateLimit?: RateLimitOptions } {
  if (max <= 0) return {};
  return {
    rateLimit: {
      max,
      timeWindow: '1 minute',
      ...(options.afterBody ? { hook: 'preHandler' as const } : {}),
      ...(options.allowList ? { allowList: options.allowList } : {}),
    },
  };
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

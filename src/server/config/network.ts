import proxyAddr from 'proxy-addr';
import { ConfigError, commaList, integer } from './read.ts';

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

export function networkFromEnv(env: NodeJS.ProcessEnv): Network {
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

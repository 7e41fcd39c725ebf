// The names Vigil answers to: VIGIL_HOSTS and the onion service's address (VIGIL_ONION_URL).
import { ConfigError, commaList } from './read.ts';

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

export function hostList(value: string | undefined): string[] {
  return commaList(value).map((h) => {
    const host = normalHost(h);
    if (host === null) throw new ConfigError(`VIGIL_HOSTS must list host names (name or name:port), got "${h}"`);
    return host;
  });
}

const ONION_URL = /^http:\/\/([a-z2-7]{56})\.onion\/?$/;

/** A v3 onion service's address, without a trailing slash; null when not set. */
export function onionUrl(value: string | undefined): string | null {
  if (!value) return null;
  const match = ONION_URL.exec(value.trim().toLowerCase());
  if (!match) throw new ConfigError(`VIGIL_ONION_URL must be an onion service's address, http://<56 letters and digits>.onion (torrc's HiddenServiceDir/hostname), got "${value}"`);
  return `http://${match[1]}.onion`;
}

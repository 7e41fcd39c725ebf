// Who counts as one client, for limits and connection caps — and only ever as a keyed hash: the
// address (or Tor circuit) is hashed with the server secret and the day, held in memory only, and
// never stored or logged. An IPv4 address is one client; an IPv6 address is its /64, since anyone
// with a server has a whole /64 to draw fresh addresses from.
import ipaddr from 'ipaddr.js';
import type { FastifyRequest } from 'fastify';
import type { ServerSecret } from '../secret.ts';
import { circuitOf } from './onion.ts';

export function clientAddress(address: string): string {
  try {
    const parsed = ipaddr.process(address);
    if (parsed.kind() === 'ipv4') return parsed.toString();
    return `${(parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16)).join(':')}::/64`;
  } catch {
    return address;
  }
}

/** A client, keyed with the server secret and the day: rotated daily, short, never the client itself. */
const dailyKey = (secret: ServerSecret, client: string) => secret.keyedHash('rate-limit', `${new Date().toISOString().slice(0, 10)} ${client}`).slice(0, 24);

/** The key of a client's address. */
export const addressKey = (secret: ServerSecret, address: string): string => dailyKey(secret, clientAddress(address));

/** The key a request's limits count: its Tor circuit when Tor exported one, else its (forwarded) address. */
export function clientKey(secret: ServerSecret, request: FastifyRequest): string {
  const circuit = circuitOf(request.raw.socket);
  return circuit ? dailyKey(secret, `circuit ${circuit}`) : addressKey(secret, request.ip);
}

// A Tor onion service's own port. Tor connects from loopback and says nothing about who the client
// is, so every onion visitor is one client to us: connections arriving here are exempt from the
// cap per address (they are many people), and any X-Forwarded-For on them was written by the
// visitor, not by a proxy — it is dropped, even when loopback is a trusted proxy for nginx.
//
// With `HiddenServiceExportCircuitID haproxy` in torrc (and VIGIL_ONION_CIRCUIT_IDS=1), Tor begins
// each connection with a PROXY protocol line naming the visitor's circuit (an address in
// fc00:dead:beef:4dad::/64), and a connection without one is refused. Then the
// circuit is the client: limits count per circuit, and one circuit holds only its share of
// connections — a flood must build circuits, which Tor's own proof of work makes costly.
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { FastifyRequest } from 'fastify';

/** Each onion connection, with its circuit when Tor exported one. */
const onionSockets = new WeakMap<Socket, string | null>();

export const cameThroughOnion = (socket: Socket): boolean => onionSockets.has(socket);

/** The Tor circuit this connection came on; null when not an onion connection or none was exported. */
export const circuitOf = (socket: Socket): string | null => onionSockets.get(socket) ?? null;

/**
 * Where the same page is on the onion service (VIGIL_ONION_URL), for an Onion-Location header: Tor
 * Browser then offers it to a visitor who came by the clearnet address. None when the request came
 * over the onion port or to the .onion name already, or when its path is not plain ASCII (a header
 * cannot carry it as it is).
 */
export function onionLocation(onionUrl: string | null, request: FastifyRequest): string | null {
  if (!onionUrl || cameThroughOnion(request.raw.socket)) return null;
  if (/\.onion\.?(:\d+)?$/i.test(request.host)) return null;
  return /^\/[\x21-\x7e]*$/.test(request.url) ? `${onionUrl}${request.url}` : null;
}

/** Forwarding headers a visitor could use to pose as many clients, or as another address. */
export function dropForwarding(headers: IncomingHttpHeaders): void {
  for (const name of ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded']) delete headers[name];
}

/** A PROXY protocol v1 line is at most 107 bytes with its CRLF (haproxy's proxy-protocol.txt). */
const PROXY_LINE_MAX = 107;
const TOR_CIRCUIT = /^PROXY TCP6 (fc00:dead:beef:4dad::[0-9a-f]{1,4}:[0-9a-f]{1,4}) \S+ \d{1,5} \d{1,5}$/i;

/** The circuit address a PROXY line from Tor names; null for anything else. */
export function circuitFromProxyLine(line: string): string | null {
  return TOR_CIRCUIT.exec(line)?.[1]?.toLowerCase() ?? null;
}

/**
 * Reads the PROXY line Tor begins the connection with and gives back whatever followed it; 'bad'
 * when the connection does not begin with one of Tor's.
 */
function readProxyLine(socket: Socket, timeoutMs: number): Promise<string | 'bad'> {
  return new Promise((resolve) => {
    let seen = Buffer.alloc(0);
    const done = (result: string | 'bad', rest: Buffer) => {
      clearTimeout(timer);
      socket.removeListener('data', onData);
      socket.pause();
      if (rest.length > 0) socket.unshift(rest);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]);
      const end = seen.indexOf('\r\n');
      if (end === -1) return seen.length > PROXY_LINE_MAX ? done('bad', Buffer.alloc(0)) : undefined;
      const circuit = circuitFromProxyLine(seen.subarray(0, end).toString('latin1'));
      done(circuit ?? 'bad', seen.subarray(end + 2));
    };
    const timer = setTimeout(() => done('bad', Buffer.alloc(0)), timeoutMs);
    socket.on('data', onData);
  });
}

/**
 * Listens on loopback `port` and hands each connection, marked (with its circuit, if Tor sent
 * one), to the HTTP server; a circuit past its share of connections is closed.
 */
export function listenForOnion(server: Server, port: number, options: { circuitIds: boolean; total: number; perClient: number; headersMs: number }): Promise<NetServer> {
  const perCircuit = new Map<string, number>();
  const onion = createServer(async (socket) => {
    socket.on('error', () => undefined);
    // Only when torrc exports circuits: otherwise the visitor's own bytes come first, and a PROXY
    // line of their making would buy them a fresh count on every connection.
    const circuit = options.circuitIds ? await readProxyLine(socket, options.headersMs) : null;
    if (circuit === 'bad') return socket.destroy();
    if (circuit) {
      const count = (perCircuit.get(circuit) ?? 0) + 1;
      if (count > options.perClient) return socket.destroy();
      perCircuit.set(circuit, count);
      socket.once('close', () => {
        const left = (perCircuit.get(circuit) ?? 1) - 1;
        if (left > 0) perCircuit.set(circuit, left);
        else perCircuit.delete(circuit);
      });
    }
    onionSockets.set(socket, circuit);
    server.emit('connection', socket);
    socket.resume();
  });
  onion.maxConnections = options.total;
  return new Promise((resolve, reject) => {
    onion.once('error', reject);
    onion.listen(port, '127.0.0.1', () => resolve(onion));
  });
}

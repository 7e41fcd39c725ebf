// Admission at the socket: how many connections the server holds, how many one client may hold, and
// how long a client may take to say what it wants. A client that opens hundreds of sockets and
// trickles bytes into them must run out of its own share, never the server's file descriptors.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import proxyAddr from 'proxy-addr';
import type { Network } from '../config/network.ts';
import { CSP } from './security.ts';
import { cameThroughOnion, dropForwarding } from './onion.ts';
import { addressKey } from './client-address.ts';
import type { ServerSecret } from '../secret.ts';

/** Descriptors kept free for the database, files and outgoing mail whatever the clients do. */
export const DESCRIPTOR_HEADROOM = 256;

export interface ConnectionLimits {
  /** Connections at once in all. */
  total: number;
  perClient: number;
}

/** Whether a socket address is one of the proxies whose X-Forwarded-For we believe. */
export function trustedProxy(network: Network): (address: string) => boolean {
  if (network.trustProxy.length === 0) return () => false;
  // proxy-addr's own parser, as Fastify uses it: the same list means the same thing in both.
  const trust = proxyAddr.compile(network.trustProxy);
  return (address) => trust(address, 0);
}

/** The total cap: as configured, and never closer than the headroom to the open-file limit. */
export function connectionLimits(network: Network, openFiles: number | null): ConnectionLimits {
  const room = openFiles === null ? Infinity : Math.max(16, openFiles - DESCRIPTOR_HEADROOM);
  const total = network.maxConnections > 0 ? Math.min(network.maxConnections, room) : room === Infinity ? 10_000 : room;
  return { total, perClient: Math.min(network.connectionsPerClient, total) };
}

/**
 * Fastify's server factory: Node's HTTP server with bounded header, request and idle times, a
 * cap on connections in all, and one per client address (a trusted proxy and the onion service's
 * port speak for many, so only the total applies to them).
 */
export function guardedServerFactory(network: Network, limits: ConnectionLimits, secret: ServerSecret) {
  const isProxy = trustedProxy(network);
  return (handler: (req: IncomingMessage, res: ServerResponse) => void): Server => {
    const server = createServer(
      {
        headersTimeout: network.headersSeconds * 1000,
        requestTimeout: network.requestSeconds * 1000,
        // How often Node looks for requests past those times (its default is every 30 s).
        connectionsCheckingInterval: 1000,
        keepAliveTimeout: 5000,
        // A request without Host reaches the host check, which refuses it with our headers.
        requireHostHeader: false,
      },
      (req, res) => {
        if (cameThroughOnion(req.socket)) dropForwarding(req.headers);
        handler(req, res);
      },
    );
    server.maxConnections = limits.total;
    server.setTimeout(network.idleSeconds * 1000, (socket: Socket) => socket.destroy());
    const open = new Map<string, number>();
    // Node's own cap counts only what this server accepted; the onion port's connections are
    // handed over, so the total is also counted here, over both.
    let live = 0;
    server.prependListener('connection', (socket: Socket) => {
      if (live >= limits.total) {
        socket.destroy();
        return;
      }
      live += 1;
      socket.once('close', () => (live -= 1));
      const address = socket.remoteAddress ?? '';
      if (isProxy(address) || cameThroughOnion(socket)) return;
      const client = addressKey(secret, address);
      const count = (open.get(client) ?? 0) + 1;
      if (count > limits.perClient) {
        socket.destroy();
        return;
      }
      open.set(client, count);
      socket.once('close', () => {
        const left = (open.get(client) ?? 1) - 1;
        if (left > 0) open.set(client, left);
        else open.delete(client);
      });
    });
    return server;
  };
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * What a client gets when it breaks HTTP before there is a request to answer (headers too large,
 * too slow, malformed): a status line with the headers every answer carries, then the socket closes.
 */
export function answerClientError(error: { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  if (!socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code: 'bad-request', message: STATUS_TEXT[status] } });
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    `content-security-policy: ${CSP.api}`,
    'cache-control: no-store',
    'referrer-policy: no-referrer',
    'x-content-type-options: nosniff',
    'x-frame-options: DENY',
    'connection: close',
  ];
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
}

// A Tor onion service's own port. Tor connects from loopback and says nothing about who the client
// is, so every onion visitor is one client to us: connections arriving here are exempt from the
// cap per address (they are many people), and any X-Forwarded-For on them was written by the
// visitor, not by a proxy — it is dropped, even when loopback is a trusted proxy for nginx.
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import type { IncomingHttpHeaders, Server } from 'node:http';

const onionSockets = new WeakSet<Socket>();

export const cameThroughOnion = (socket: Socket): boolean => onionSockets.has(socket);

/** Forwarding headers a visitor could use to pose as many clients, or as another address. */
export function dropForwarding(headers: IncomingHttpHeaders): void {
  for (const name of ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded']) delete headers[name];
}

/** Listens on loopback `port` and hands each connection, marked, to the HTTP server. */
export function listenForOnion(server: Server, port: number, maxConnections: number): Promise<NetServer> {
  const onion = createServer((socket) => {
    onionSockets.add(socket);
    server.emit('connection', socket);
  });
  onion.maxConnections = maxConnections;
  return new Promise((resolve, reject) => {
    onion.once('error', reject);
    onion.listen(port, '127.0.0.1', () => resolve(onion));
  });
}

// A body must keep moving. Node's own timers bound the headers and the whole request, but a client
// that sends one byte every few seconds never trips an idle timer and would hold its socket (and an
// upload's memory slot) for as long as the request timeout allows. After a grace period, a body
// that has not averaged the minimum pace loses its connection.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Network } from '../config/network.ts';

interface Watched {
  started: number;
  bytesAtStart: number;
}

/** Whether a body that started `elapsedMs` ago and has brought `received` bytes keeps up the pace. */
export function keepsPace(received: number, elapsedMs: number, network: Pick<Network, 'bodyGraceSeconds' | 'bodyMinBytesPerSecond'>): boolean {
  const judged = elapsedMs / 1000 - network.bodyGraceSeconds;
  return judged <= 0 || received >= judged * network.bodyMinBytesPerSecond;
}

/** A body this small may be drained after an early answer rather than cost a new connection. */
const SMALL_REST = 64 * 1024;

const hasBody = (raw: IncomingMessage) => raw.headers['transfer-encoding'] !== undefined || Number(raw.headers['content-length'] ?? 0) > 0;

export function watchBodyPace(app: FastifyInstance, network: Network): void {
  const watched = new Map<IncomingMessage, Watched>();

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const raw = request.raw;
    if (raw.complete || !hasBody(raw)) return;
    watched.set(raw, { started: Date.now(), bytesAtStart: raw.socket.bytesRead });
  });

  // An answer given before a large body arrived whole (refused on arrival, too large): the rest
  // is not waited for; the connection closes once the answer is out. A small rest is let in (Node
  // drains it to keep the connection), still watched for pace until it has arrived.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.raw.complete && hasBody(request.raw) && !(Number(request.raw.headers['content-length'] ?? Infinity) <= SMALL_REST)) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async (request) => {
    if (request.raw.complete) watched.delete(request.raw);
  });

  const sweep = () => {
    const now = Date.now();
    for (const [raw, entry] of watched) {
      // A request's socket is let go once it is done with.
      const socket = raw.socket as IncomingMessage['socket'] | null;
      if (raw.complete || !socket || socket.destroyed) {
        watched.delete(raw);
      } else if (!keepsPace(socket.bytesRead - entry.bytesAtStart, now - entry.started, network)) {
        watched.delete(raw);
        socket.destroy();
      }
    }
  };
  const timer = setInterval(sweep, 1000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

// Reporters' uploads are admitted before their bodies are read: the declared length must be there
// and within the route's real limit, and there must be memory left for it. A flood of large
// anonymous uploads gets "busy, try again shortly" on arrival instead of the server's memory.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors.ts';
import { clientKey } from '../http/client-address.ts';
import type { ServerSecret } from '../secret.ts';

/**
 * Memory shared by every reporter's upload in flight, reserved by declared length; one upload in
 * flight per client, so that holding the memory takes as many clients as uploads.
 */
export function uploadMemory(capacity: number, secret: ServerSecret) {
  let used = 0;
  const inFlight = new Set<string>();
  return {
    get used() {
      return used;
    },
    /**
     * A route's preParsing hook (after its rate limit, before its body): `limit` is the largest body
     * the route can take, `holds` how many bytes of memory one body byte costs while it is handled.
     */
    admit(limit: number, holds = 1) {
      return async (request: FastifyRequest, reply: FastifyReply) => {
        const declared = declaredLength(request);
        if (declared > limit) throw new HttpError(413, 'too-large');
        const cost = declared * holds;
        const client = clientKey(secret, request);
        if (used + cost > capacity || inFlight.has(client)) {
          reply.header('retry-after', '30');
          throw new HttpError(503, 'unavailable');
        }
        used += cost;
        inFlight.add(client);
        const release = () => {
          used -= cost;
          inFlight.delete(client);
        };
        // The answer's end, however it comes (sent, refused, or the connection cut), gives it back.
        if (reply.raw.writableFinished || request.raw.socket.destroyed) release();
        else reply.raw.once('close', release);
      };
    },
  };
}

/** The body's declared length: required, since a chunked body could not be judged before it is read. */
function declaredLength(request: FastifyRequest): number {
  const header = request.headers['content-length'];
  if (request.headers['transfer-encoding'] !== undefined || header === undefined) throw new HttpError(411, 'length-required');
  const length = Number(header);
  if (!Number.isSafeInteger(length) || length < 0) throw new HttpError(400, 'bad-request');
  return length;
}

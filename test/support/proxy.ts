// A small reverse proxy on loopback in front of several Vigil servers, doing what nginx's
// `hash $remote_addr consistent` or Caddy's `lb_policy client_ip_hash` do: each client goes to one
// server, chosen by a hash of its address, so that client's rate-limit counter lives in one server's
// memory. When that server refuses the connection (it is down), the request goes to the next one,
// as their passive health checks do. Only a refused connection moves on: once a server has accepted
// the connection the request is its own, so a body is never sent to two servers.
//
// Every test client is 127.0.0.1, so a test names its simulated client in X-Forwarded-For; the proxy
// hashes that name as it would hash the remote address, and passes the header on with the address
// it saw appended (as nginx's $proxy_add_x_forwarded_for does). Servers behind it trust 127.0.0.1.
import { createHash } from 'node:crypto';
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

export interface Target {
  host: string;
  port: number;
}

export interface ProxyOptions {
  /** How long a server may take to answer a request (then 504). */
  answerMs?: number;
  /** How long a client may take to send a whole request, and an idle connection may stay open. */
  clientMs?: number;
  /** The port to listen on (127.0.0.1); any free one by default. */
  port?: number;
}

export interface LoopbackProxy {
  url: string;
  /** Requests each target was sent, by index in `targets`. */
  sent: number[];
  /** Requests sent to another target than their own because their own refused the connection. */
  movedOn: number;
  /** The target a client address is routed to while every target is up. */
  targetOf(client: string): number;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function withoutHopByHop(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  return kept;
}

/** The client's address as the proxy would hash it: the test's stand-in in X-Forwarded-For, else the socket's. */
function clientOf(incoming: IncomingMessage): string {
  const forwarded = String(incoming.headers['x-forwarded-for'] ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  return forwarded.at(-1) ?? incoming.socket.remoteAddress ?? '';
}

/** The target (of `count`) a client address is routed to while every target is up. */
export const targetIndex = (client: string, count: number): number => createHash('sha256').update(client).digest().readUInt32BE(0) % count;

export async function startProxy(targets: Target[], options: ProxyOptions = {}): Promise<LoopbackProxy> {
  const answerMs = options.answerMs ?? 30_000;
  const clientMs = options.clientMs ?? 30_000;
  // Keep-alive towards the servers, bounded, as nginx's upstream keepalive.
  const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: 64, timeout: answerMs }));
  const sent = targets.map(() => 0);
  let movedOn = 0;
  const targetOf = (client: string) => targetIndex(client, targets.length);

  function forward(incoming: IncomingMessage, outgoing: ServerResponse, first: number, tried: number): void {
    const index = (first + tried) % targets.length;
    const target = targets[index]!;
    const headers = withoutHopByHop(incoming.headers);
    headers['x-forwarded-for'] = [incoming.headers['x-forwarded-for'], incoming.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = request({ host: target.host, port: target.port, method: incoming.method, path: incoming.url, headers, agent: agents[index], timeout: answerMs });
    let accepted = false;
    upstream.on('socket', (socket) => {
      const start = () => {
        accepted = true;
        sent[index]!++;
        // The body is read from the client only now, so a refused connection has consumed none of it.
        incoming.pipe(upstream);
      };
      if (socket.connecting) socket.once('connect', start);
      else start();
    });
    upstream.on('response', (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.pipe(outgoing);
      answer.on('error', () => outgoing.destroy());
    });
    upstream.on('timeout', () => upstream.destroy(Object.assign(new Error('no answer in time'), { code: 'ETIMEDOUT' })));
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (!accepted && error.code === 'ECONNREFUSED' && tried + 1 < targets.length) {
        movedOn++;
        forward(incoming, outgoing, first, tried + 1);
      } else if (!outgoing.headersSent) {
        outgoing.writeHead(error.code === 'ETIMEDOUT' ? 504 : 502, { 'content-type': 'text/plain', connection: 'close' }).end('bad gateway\n');
      } else {
        outgoing.destroy();
      }
    });
  }

  const server = createServer((incoming, outgoing) => {
    incoming.on('error', () => outgoing.destroy());
    forward(incoming, outgoing, targetOf(clientOf(incoming)), 0);
  });
  server.requestTimeout = clientMs;
  server.headersTimeout = Math.min(clientMs, 10_000);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    get movedOn() {
      return movedOn;
    },
    targetOf,
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      agents.forEach((agent) => agent.destroy());
      await closed;
    },
  };
}

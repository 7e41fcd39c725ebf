// An attacker's tools, on loopback only: raw sockets from a chosen 127.x address that trickle a
// request, and an ordinary request from another address to show the site still serves others.
import { connect, type Socket } from 'node:net';
import { request } from 'node:http';

export interface Trickle {
  socket: Socket;
  /** Resolves when the server closes (or refuses) the connection. */
  closed: Promise<void>;
  /** Whether the server closed it (rather than the test at the end). */
  closedByServer(): boolean;
  /** What the server answered, if anything. */
  answer(): string;
  stop(): void;
}

/**
 * Sends `head` at once, then one more byte every `everyMs`, at most `maxBytes` of them: a body
 * that never keeps pace. The loop is bounded by `maxBytes`; `stop()` ends it early.
 */
export function trickle(port: number, from: string, head: string, everyMs = 1000, maxBytes = 30): Trickle {
  const socket = connect({ port, host: '127.0.0.1', localAddress: from });
  let answer = '';
  let byServer = true;
  let sent = 0;
  let timer: NodeJS.Timeout | undefined;
  socket.on('data', (d) => (answer += d.toString('latin1')));
  socket.on('error', () => undefined);
  socket.on('connect', () => {
    socket.write(head);
    timer = setInterval(() => {
      if (sent++ >= maxBytes || socket.destroyed) clearInterval(timer);
      else socket.write('a');
    }, everyMs);
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => {
    clearInterval(timer);
    resolve();
  }));
  return {
    socket,
    closed,
    closedByServer: () => byServer && socket.destroyed,
    answer: () => answer,
    stop() {
      byServer = false;
      clearInterval(timer);
      socket.destroy();
    },
  };
}

/** A request's head as a browser at 127.0.0.1:`port` sends it (the Host check wants the port). */
export const head = (port: number, requestLine: string, headers: string[] = []) => [requestLine, `Host: 127.0.0.1:${port}`, ...headers].join('\r\n') + '\r\n';

/** A form post's head that promises `length` bytes and sends the first one. */
export const slowFormHead = (port: number, path: string, length = 200_000) =>
  `${head(port, `POST ${path} HTTP/1.1`, ['Content-Type: application/x-www-form-urlencoded', `Content-Length: ${length}`])}\r\na`;

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One request from `from` (another client), given up after `timeoutMs` — the bound keeps a
 * failing test from hanging, it is not a speed target.
 */
export function requestFrom(from: string, url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array; timeoutMs?: number } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, localAddress: from, timeout: init.timeoutMs ?? 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${init.timeoutMs ?? 5000} ms`)));
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Waits until `ready()` or `ms` have passed (polling every 50 ms); says which. */
export async function eventually(ready: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!ready() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return ready();
}

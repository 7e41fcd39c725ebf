// A local HTTP server standing in for a Telegram/Signal/Matrix bridge: records every webhook call;
// a path may be told to fail its first calls.
import { createServer } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface WebhookCall {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  at: number;
}

export interface WebhookReceiver {
  url: string;
  calls: WebhookCall[];
  /** How many more calls to this path answer 500. */
  failures: Map<string, number>;
  /** How long calls to this path wait before their answer, in ms (a slow bridge). */
  delays: Map<string, number>;
  waitFor(path: string, count?: number): Promise<WebhookCall[]>;
  close(): Promise<void>;
}

/** What a bridge does with each call (the README shows the same): check the HMAC and the timestamp's age. */
export function verifySignature(secret: string, call: WebhookCall, maxAgeSeconds = 300): boolean {
  const timestamp = String(call.headers['vigil-timestamp']);
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${call.body}`).digest('hex')}`);
  const given = Buffer.from(String(call.headers['vigil-signature']));
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= maxAgeSeconds;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const calls: WebhookCall[] = [];
  const failures = new Map<string, number>();
  const delays = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', async () => {
      const path = request.url ?? '/';
      calls.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      if (delays.has(path)) await new Promise((r) => setTimeout(r, delays.get(path)));
      const left = failures.get(path) ?? 0;
      if (path.startsWith('/redirect')) {
        response.writeHead(302, { location: '/ok' }).end();
      } else if (left > 0) {
        failures.set(path, left - 1);
        response.writeHead(500).end('not now');
      } else response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    failures,
    delays,
    async waitFor(path, count = 1) {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const found = calls.filter((c) => c.path === path);
        if (found.length >= count) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`webhook ${path} got fewer than ${count} calls`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

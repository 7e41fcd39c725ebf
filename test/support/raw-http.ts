// Requests fetch() cannot make: an explicit Host header (fetch sets its own), or raw bytes on a
// socket (HTTP/1.0 without Host). Loopback only; each waits for one answer.
import { request } from 'node:http';
import { connect } from 'node:net';
import type { TestServer } from './server.ts';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request to the test server carrying the given Host header, whatever its real address. */
export function requestWithHost(
  server: TestServer,
  host: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', setHost: false, headers: { host, ...options.headers } },
      (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/**
 * Writes the bytes as they are on a fresh connection to 127.0.0.1:`port` and returns everything the
 * server sends until it closes (nothing, if it refuses). The socket is not half-closed: a server
 * waiting for more must close it itself.
 */
export function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => undefined);
    socket.once('close', () => resolve(received));
  });
}

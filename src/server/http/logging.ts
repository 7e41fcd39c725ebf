// What the log may hold: the route pattern, the status and our own errors' messages, to the hour.
// Never the client's address, user agent, headers, query or body.
import type { FastifyError, FastifyServerOptions } from 'fastify';
import type { Writable } from 'node:stream';
import { HttpError } from './errors.ts';

export interface LogOptions {
  /** Where log lines go (tests capture them to prove no plaintext reaches them). */
  logStream?: Writable;
  logLevel?: string;
}

export function loggerOptions(options: LogOptions): FastifyServerOptions['logger'] {
  return {
    level: options.logLevel ?? 'info',
    // Log times to the hour only: a precise time beside a route could date someone's report.
    timestamp: () => `,"time":"${new Date().toISOString().slice(0, 13)}:00Z"`,
    ...(options.logStream ? { stream: options.logStream } : {}),
    // The request by its route pattern only.
    serializers: {
      req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched' }),
      res: (res) => ({ statusCode: res.statusCode }),
      // Messages of errors we did not make (drivers, libraries) may quote input, so only ours are kept.
      err: (err: FastifyError) => ({
        type: err.name,
        code: err.code,
        message: err instanceof HttpError || err.code?.startsWith('FST_') ? err.message : '(withheld)',
        stack: err.stack?.split('\n').slice(1, 6).join('\n') ?? '',
      }),
    },
  };
}

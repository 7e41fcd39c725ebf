// A per-client limit as route options (@fastify/rate-limit, registered in app.ts).
import type { FastifyRequest } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';

export interface LimitOptions {
  /**
   * Count the request after its (small, bounded) body is read, so a refused form comes back filled
   * in and in the reader's language. Without it the request is counted on arrival, before its body.
   */
  afterBody?: boolean;
  /** Requests this says yes to are not counted against their client (e.g. a member's known device). */
  allowList?: (request: FastifyRequest, key: string) => boolean | Promise<boolean>;
}

/** Route options for a per-client limit; none when the limit is 0 (turned off). */
export function perMinute(max: number, options: LimitOptions = {}): { rateLimit?: RateLimitOptions } {
  if (max <= 0) return {};
  return {
    rateLimit: {
      max,
      timeWindow: '1 minute',
      ...(options.afterBody ? { hook: 'preHandler' as const } : {}),
      ...(options.allowList ? { allowList: options.allowList } : {}),
    },
  };
}

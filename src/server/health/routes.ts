// `GET /healthz` for a proxy's or container runtime's health check: up or down, nothing else. No
// version, no counts, no setup state — anyone who can reach it learns only that something answers.
// It is not rate-limited (the proxy asks every few seconds for everyone) and works before setup; the
// Host check still applies, so ask with a name Vigil answers at (127.0.0.1:PORT from the machine
// itself, or the public name from a proxy: see deploy/).
import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { Storage } from '../storage/open.ts';

/** An unreachable PostgreSQL can leave a connection attempt hanging for minutes: down before then. */
const ANSWER_WITHIN_MS = 3000;

/** Whether the database answers a trivial query in time. */
export async function databaseAnswers(storage: Storage, withinMs = ANSWER_WITHIN_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), withinMs)));
  const asked = sql`select 1`.execute(storage.db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** How long one probe's answer is reused: however many ask, the database is asked at most this often. */
const REUSE_MS = 1000;

/** One probe at a time: while the database hangs, health checks must not queue for its connections. */
function sharedProbe(storage: Storage) {
  // endedAt null: the probe is still waiting (reused: it is the one in flight).
  let last: { endedAt: number | null; up: Promise<boolean> } | null = null;
  return () => {
    if (!last || (last.endedAt !== null && Date.now() - last.endedAt >= REUSE_MS)) {
      const probe: { endedAt: number | null; up: Promise<boolean> } = { endedAt: null, up: databaseAnswers(storage) };
      void probe.up.then(() => (probe.endedAt = Date.now()));
      last = probe;
    }
    return last.up;
  };
}

export const healthRoutes: FastifyPluginAsync = async (app) => {
  const probe = sharedProbe(app.vigil.storage);
  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) => {
    const up = await probe();
    return reply.code(up ? 200 : 503).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(up ? 'ok' : 'unavailable');
  });
};

// What one server changes that the others cache: they are told through PostgreSQL's LISTEN/NOTIFY
// and forget their copy. A notification missed while the listening connection was down cannot be
// replayed, so (re)connecting forgets everything, and while it is down `listening` is false and
// caches read through to the database. A connection that went quiet (half-open: no error, no
// notifications) is found by a trivial query every few seconds. On SQLite there is one server (the data-folder lock): the
// feed only tells this process.
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';

/** 'caches': the organization, its intake key or its guides changed; 'lockdown': the organization was locked down. */
export const CHANGES = ['caches', 'lockdown'] as const;
export type Change = (typeof CHANGES)[number];
/** 'all': something may have changed unheard (the feed reconnected). */
export type Heard = Change | 'all';

export interface ChangeFeed {
  /** Tells this server at once and every other one within milliseconds. Call after the change commits. */
  publish(change: Change): Promise<void>;
  subscribe(listener: (change: Heard) => void): void;
  /** Whether changes elsewhere are being heard now; when not, nothing may be served from a cache. */
  readonly listening: boolean;
  close(): Promise<void>;
}

const CHANNEL = 'vigil_changes';

function listeners() {
  const all: ((change: Heard) => void)[] = [];
  return {
    add: (listener: (change: Heard) => void) => void all.push(listener),
    tell: (change: Heard) => all.forEach((listener) => listener(change)),
  };
}

export function localChangeFeed(): ChangeFeed {
  const heard = listeners();
  return {
    listening: true,
    publish: async (change) => heard.tell(change),
    subscribe: heard.add,
    close: async () => {},
  };
}

export interface ReconnectTiming {
  firstMs: number;
  mostMs: number;
  /** How often the listening connection is asked a trivial query: a half-open connection hears nothing and says nothing. */
  checkEveryMs?: number;
}

const CHECK_EVERY_MS = 5_000;
const CHECK_WITHIN_MS = 2_000;

/** The feed over PostgreSQL: one connection of its own that listens, reconnecting with back-off. */
export async function postgresChangeFeed(db: Kysely<Database>, databaseUrl: string, timing: ReconnectTiming = { firstMs: 100, mostMs: 5_000 }): Promise<ChangeFeed> {
  const heard = listeners();
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retryMs = timing.firstMs;
  let retry: NodeJS.Timeout | undefined;
  const check = setInterval(() => void stillThere(), timing.checkEveryMs ?? CHECK_EVERY_MS);
  check.unref();

  /** A trivial query on the listening connection, in time, or it is treated as lost. */
  async function stillThere(): Promise<void> {
    const current = client;
    if (!current || !listening) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CHECK_WITHIN_MS)));
    const answered = current.query('select 1').then(() => true, () => false);
    const ok = await Promise.race([answered, late]);
    clearTimeout(timer);
    if (!ok && client === current) lost();
  }

  const lost = () => {
    if (!listening && client === null) return;
    listening = false;
    client?.removeAllListeners();
    void client?.end().catch(() => undefined);
    client = null;
    heard.tell('all');
    if (!closed) retry = setTimeout(connect, retryMs).unref();
    retryMs = Math.min(retryMs * 2, timing.mostMs);
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
    next.on('error', lost);
    next.on('end', lost);
    next.on('notification', (message) => {
      if ((CHANGES as readonly string[]).includes(message.payload ?? '')) heard.tell(message.payload as Change);
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch {
      lost();
      return;
    }
    if (closed) return void next.end().catch(() => undefined);
    listening = true;
    retryMs = timing.firstMs;
    // Whatever changed while nobody listened is forgotten now.
    heard.tell('all');
  }

  await connect();
  return {
    get listening() {
      return listening;
    },
    async publish(change) {
      heard.tell(change);
      await sql`select pg_notify(${CHANNEL}, ${change})`.execute(db);
    },
    subscribe: heard.add,
    async close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(check);
      const last = client;
      client = null;
      listening = false;
      last?.removeAllListeners();
      await last?.end().catch(() => undefined);
    },
  };
}

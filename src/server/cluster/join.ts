// A server joins the servers on its database: its instance row (heartbeat) and the change feed.
import type { Config } from '../config.ts';
import type { Storage } from '../storage/open.ts';
import { localChangeFeed, postgresChangeFeed, type ChangeFeed } from './changes.ts';
import { startInstance } from './instance.ts';

export interface Membership {
  instanceId: string;
  changes: ChangeFeed;
  /** Stops listening and beating (a clean stop: its work is ended by itself, not waited for). */
  leave(): Promise<void>;
}

export async function joinCluster(storage: Storage, config: Pick<Config, 'databaseUrl'>): Promise<Membership> {
  const changes = storage.kind === 'postgres' && config.databaseUrl ? await postgresChangeFeed(storage.db, config.databaseUrl) : localChangeFeed();
  const instance = await startInstance(storage.db);
  return {
    instanceId: instance.id,
    changes,
    async leave() {
      await changes.close();
      await instance.stop();
    },
  };
}

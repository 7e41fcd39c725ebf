// `npm start`: lock the data folder, open the database, serve.
import { ConfigError, configFromEnv, type Config } from './config.ts';
import { lockDataFolder, DataFolderLockedError } from './data-lock.ts';
import { openStorage } from './storage/open.ts';
import { openServerSecret, SecretMismatchError } from './secret-check.ts';
import { createContext } from './context.ts';
import { buildApp, type AppOptions } from './app.ts';
import { issueSetupToken } from './setup/service.ts';
import { purgeExpiredSessions } from './auth/sessions.ts';
import { purgeEndedFailures } from './auth/failures.ts';
import { joinCluster } from './cluster/join.ts';
import { forgetStoppedInstances } from './cluster/instance.ts';
import { useHpkeSuite } from '../core/crypto/suite.ts';
import { nodeHpkeSuite } from './crypto/node-x25519.ts';
import { describeNetwork } from './http/network-summary.ts';
import { listenForOnion } from './http/onion.ts';
import { startBackupSchedule } from './backup/scheduled.ts';
import { everyLabel } from '../core/backups/schedule.ts';

export interface RunningServer {
  url: string;
  setupUrl: string | null;
  /** Where the onion service's connections go (127.0.0.1), if VIGIL_ONION_PORT is set. */
  onionPort: number | null;
  close(): Promise<void>;
}

export async function startServer(config: Config, options: AppOptions = {}): Promise<RunningServer> {
  // Files we create (database, WAL, secret) are readable by this user only.
  process.umask(0o077);
  useHpkeSuite(nodeHpkeSuite());
  const unlock = lockDataFolder(config.dataDir);
  try {
    const storage = await openStorage(config);
    const secret = await openServerSecret(storage.db, config.secretFile).catch(async (error: unknown) => {
      await storage.close();
      throw error;
    });
    const cluster = await joinCluster(storage, config).catch(async (error: unknown) => {
      await storage.close();
      throw error;
    });
    const vigil = createContext(config, storage, secret, cluster);
    const app = await buildApp(vigil, options);
    const token = await issueSetupToken(storage.db, cluster.instanceId);
    const purge = () => Promise.all([purgeExpiredSessions(vigil), purgeEndedFailures(storage.db), forgetStoppedInstances(storage.db)]).catch(() => undefined);
    await purge();
    const purgeTimer = setInterval(purge, 3600_000).unref();
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const { network } = config;
    const onion = network.onionPort
      ? await listenForOnion(app.server, network.onionPort, { circuitIds: network.onionCircuitIds, total: app.server.maxConnections, perClient: Math.min(network.connectionsPerClient, app.server.maxConnections), headersMs: network.headersSeconds * 1000 })
      : null;
    const onionAddress = onion?.address();
    // With PORT=0 the real port is known only now; an explicit VIGIL_PUBLIC_URL is kept as given.
    const base = config.publicUrlGiven ? config.publicUrl : config.publicUrl.replace(/:\d+$/, `:${port}`);
    // Invitation links and passkeys use the real address.
    config.publicUrl = base;
    // Only once the server is up: a server that fails to start makes no backups.
    const backups = (vigil.backupSchedule = startBackupSchedule(vigil, app.log));
    return {
      url: base,
      setupUrl: token ? `${base}/setup/${token}` : null,
      onionPort: typeof onionAddress === 'object' && onionAddress ? onionAddress.port : null,
      async close() {
        clearInterval(purgeTimer);
        // A backup under way ends (whole) before the database closes.
        await backups?.stop();
        // Stop taking onion connections; closing the app ends the ones it has.
        const onionClosed = new Promise((resolve) => (onion ? onion.close(resolve) : resolve(undefined)));
        await app.close();
        await onionClosed;
        await cluster.leave();
        await storage.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

export async function main(): Promise<void> {
  let config: Config;
  let server: RunningServer;
  try {
    config = configFromEnv();
    server = await startServer(config);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataFolderLockedError || error instanceof SecretMismatchError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  console.log(`Vigil is running at ${server.url} (${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`})`);
  console.log(describeNetwork(config.network));
  const { backup } = config;
  console.log(backup.dir ? `Backups: every ${everyLabel(backup.everyMs)} into ${backup.dir}, keeping the last ${backup.keep}` : 'Backups: none scheduled (VIGIL_BACKUP_DIR); `vigil backup --out FILE` makes one');
  if (server.onionPort) console.log(`Onion service port: 127.0.0.1:${server.onionPort} (HiddenServicePort 80 127.0.0.1:${server.onionPort})`);
  if (server.setupUrl) console.log(`\nSet up your organization (one-time link, keep it private):\n  ${server.setupUrl}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

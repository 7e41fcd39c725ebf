// Several servers on PostgreSQL (issue 15): sealed (JavaScript) and no-JavaScript intake with one
// server, with one server behind the loopback proxy and with two behind it, each as a ratio to a
// static page on the same path in the same run (bench/intake.ts's phases); and (runClusterInboxBench)
// the inbox bench for 10,000 reports on PostgreSQL (bench/inbox.ts). The proxy (test/support/proxy.ts) runs in this
// process and the load generator in a worker thread of its own, so the two do not share a thread.
// Load comes from 200 simulated clients (X-Forwarded-For), so the proxy's hash spreads them over
// both servers as it would spread real people; limits are off, since the bench is one machine.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { startProxy, targetIndex, type LoopbackProxy } from '../test/support/proxy.ts';
import { startTwoServers, type TwoServers } from '../test/support/cluster.ts';
import { createTestDatabase } from '../test/support/backends.ts';
import { setUpOrganization } from '../test/support/org.ts';
import { CONNECTIONS, SECONDS, intakePhases, printPhases, type Phase } from './intake.ts';
import { runInboxBench } from './inbox.ts';
import { benchPostgres, freePort, startVigil, stopChild } from './support.ts';

/**
 * Every connection walks the same list from its start, so the list alternates between clients the
 * proxy sends to one server and to the other: a short run spreads as evenly as a long one.
 */
const CLIENTS = (() => {
  const addresses = Array.from({ length: 200 }, (_, i) => `10.20.${i}.${1 + (i % 250)}`);
  const [first, second] = [0, 1].map((t) => addresses.filter((a) => targetIndex(a, 2) === t));
  return first!.flatMap((a, i) => (second![i] ? [a, second![i]!] : [a])).map((a) => ({ 'x-forwarded-for': a }));
})();
/** The load generator in a worker thread: this thread is the proxy's. */
const LOAD = { workers: 1 };
/** What each server is allowed when the load is 200 clients on one machine. */
const UNLIMITED = { VIGIL_INTAKE_PER_MINUTE: '0', VIGIL_LOGIN_PER_MINUTE: '0', VIGIL_STATUS_PER_MINUTE: '0', VIGIL_CONNECTIONS_PER_CLIENT: '1000' };

interface Run {
  setup: string;
  phases: Phase[];
  /** Requests each server took, when behind the proxy. */
  spread?: number[];
}

async function oneServer(): Promise<Run[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigil-bench-cluster-'));
  const database = await createTestDatabase();
  let child: ChildProcess | undefined;
  let proxy: LoopbackProxy | undefined;
  try {
    // Reached through the proxy too, at the proxy's address: a name it answers only when listed.
    const proxyPort = await freePort();
    const server = await startVigil(dataDir, { DATABASE_URL: database.url, VIGIL_TRUST_PROXY: '127.0.0.1', VIGIL_HOSTS: `127.0.0.1:${proxyPort}`, ...UNLIMITED });
    child = server.child;
    process.stderr.write('one server on PostgreSQL, direct…\n');
    const direct = await intakePhases(server.base, { headers: CLIENTS, load: LOAD });
    proxy = await startProxy([{ host: '127.0.0.1', port: Number(new URL(server.base).port) }], { port: proxyPort });
    process.stderr.write('one server on PostgreSQL, behind the proxy…\n');
    const behind = await intakePhases(proxy.url, { headers: CLIENTS, load: LOAD });
    return [
      { setup: 'one server, direct', phases: direct },
      { setup: 'one server behind the proxy', phases: behind, spread: [...proxy.sent] },
    ];
  } finally {
    await proxy?.close();
    if (child) await stopChild(child);
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function twoServers(): Promise<Run> {
  let two: TwoServers | undefined;
  try {
    two = await startTwoServers(UNLIMITED);
    await setUpOrganization(two);
    process.stderr.write('two servers on PostgreSQL behind the proxy…\n');
    const phases = await intakePhases(two.proxy.url, { headers: CLIENTS, load: LOAD });
    return { setup: 'two servers behind the proxy', phases, spread: [...two.proxy.sent] };
  } finally {
    await two?.close();
  }
}

export async function runClusterBench(): Promise<void> {
  benchPostgres();
  const runs = [...(await oneServer()), await twoServers()];
  const cpu = cpus();
  console.log(`\nIntake on PostgreSQL, one and two servers: ${CONNECTIONS} connections from ${CLIENTS.length} clients, ${SECONDS} s per target`);
  console.log(`Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}; PostgreSQL, the servers, the proxy and the load generator share it\n`);
  for (const run of runs) {
    console.log(`${run.setup}${run.spread ? ` (requests per server: ${run.spread.join(' / ')})` : ''}`);
    printPhases(run.phases, false);
  }
  const rate = (run: Run, phase: number) => run.phases[phase]!.result.requests.average;
  const [, behindOne, behindTwo] = runs as [Run, Run, Run];
  console.log(`Two servers against one, both behind the proxy: sealed ×${(rate(behindTwo, 1) / rate(behindOne, 1)).toFixed(2)}, no-JS ×${(rate(behindTwo, 2) / rate(behindOne, 2)).toFixed(2)}, static page ×${(rate(behindTwo, 0) / rate(behindOne, 0)).toFixed(2)}`);
  const errors = runs.flatMap((r) => r.phases.map((p) => p.errors));
  console.log(`Errors: ${errors.join(' / ')}${errors.every((n) => n === 0) ? ' (none)' : ''}\n`);
}

/**
 * The inbox bench for 10,000 reports on PostgreSQL, in a process of its own (bench/run.ts): run in
 * the same process after the intake load, its sealing once waited for ever.
 */
export async function runClusterInboxBench(): Promise<void> {
  benchPostgres();
  await runInboxBench({ backend: 'postgres', sizes: [10_000] });
}

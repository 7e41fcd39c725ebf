// `npm run bench`: runs each benchmark in turn, each in its own Node process (so one bench's
// leftovers — servers, browsers, pending work — cannot stall the next; running the inbox bench in
// the same process after the intake bench once left it waiting forever). Benches print a report
// and never fail on a missed target; only a bench that cannot run exits non-zero.
import { spawnSync } from 'node:child_process';

const BENCHES = [
  ['intake.ts', 'runIntakeBench'],
  ['inbox.ts', 'runInboxBench'],
  ['cluster.ts', 'runClusterBench'],
  ['cluster.ts', 'runClusterInboxBench'],
  ['records.ts', 'runRecordsBench'],
  ['dashboard.ts', 'runDashboardBench'],
  ['export.ts', 'runExportBench'],
  ['csv-writer.ts', 'runCsvWriterBench'],
  ['backup.ts', 'runBackupBench'],
  ['attack.ts', 'runAttackBench'],
  ['pow.ts', 'runPowBench'],
  ['linkage.ts', 'runLinkageBench'],
  ['estimate.ts', 'runEstimateBench'],
  ['estimate-histories.ts', 'runEstimateHistoriesBench'],
] as const;

for (const [file, run] of BENCHES) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', `import('./bench/${file}').then((m) => m.${run}()).catch((e) => { console.error(e); process.exit(1); })`], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Benchmark ${file} could not run (exit ${result.status ?? result.signal}).`);
    process.exitCode = 1;
  }
}

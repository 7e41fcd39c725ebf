// `npm run bench`: runs each benchmark in turn. Benches print a report and never fail on a
// missed target; only a bench that cannot run (e.g. the server does not start) exits non-zero.
import { runIntakeBench } from './intake.ts';
import { runInboxBench } from './inbox.ts';
import { runRecordsBench } from './records.ts';

try {
  await runIntakeBench();
  await runInboxBench();
  await runRecordsBench();
} catch (error) {
  console.error('Benchmark could not run:', error);
  process.exitCode = 1;
}

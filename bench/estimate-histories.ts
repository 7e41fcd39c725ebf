// The estimate's capture histories at scale (issue 12): 100,000 people (2 % of them groups), 150,000
// acts over a year in 2,000 incidents, about 260,000 sources in five channels, in a fresh SQLite
// database. Measures the histories query (captureHistories, as GET /api/estimate/histories runs it
// before its cache), for every act and for half a year; median of 5 calls.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { openStorage } from '../src/server/storage/open.ts';
import { migrateToLatest } from '../src/server/storage/migrate.ts';
import { captureHistories } from '../src/server/estimate/histories.ts';
import { median } from './support.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const TARGET_MS = 2000;

export function seed(file: string): string[] {
  const db = new SqliteDatabase(file);
  const now = new Date().toISOString();
  const record = `key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by`;
  const values = `'k', ?, ?, 1, '${now}', 'bench', '${now}', 'bench'`;
  const channel = db.prepare(`insert into channels (id, kind, version, retired, created_at, created_by, updated_at, updated_by) values (?, 'media', 1, 0, '${now}', 'bench', '${now}', 'bench')`);
  const incident = db.prepare(`insert into incidents (id, ${record}, date_start, date_start_precision, date_end_precision, place_ids, monitoring_status) values (?, ${values}, '2026-01-01', 'day', 'unknown', '[]', 'open')`);
  const person = db.prepare(`insert into persons (id, ${record}, counting_unit, age_range, consent_sharing, name_preference, reprisal_risk) values (?, ${values}, ?, 'unknown', 'un', 'initials', 'high')`);
  const act = db.prepare(`insert into acts (id, ${record}, date_start, date_start_precision, date_end_precision, incident_id, person_id, type_code, place_id) values (?, ${values}, ?, 'day', 'unknown', ?, ?, '030101000000', null)`);
  const source = db.prepare(`insert into sources (id, ${record}, target_type, target_id, report_id, connection, reliability, credibility, source_date, channel_id) values (?, ${values}, ?, ?, null, 'victim', 'B', '2', null, ?)`);
  const sealed = () => randomBytes(200);
  const channels = Array.from({ length: 5 }, () => randomUUID());
  db.transaction(() => {
    for (const id of channels) channel.run(id);
    const incidents = Array.from({ length: 2000 }, () => {
      const id = randomUUID();
      incident.run(id, sealed(), sealed());
      return id;
    });
    for (let i = 0; i < PEOPLE; i++) {
      const who = randomUUID();
      person.run(who, sealed(), sealed(), i % 50 === 0 ? 'group' : 'individual');
      for (let a = 0; a < 1 + (i % 2); a++) {
        const id = randomUUID();
        act.run(id, sealed(), sealed(), `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`, incidents[i % 2000], who);
        channels.forEach((c, k) => (i * 7 + a * 3 + k * 5) % 10 < 3 && source.run(randomUUID(), sealed(), sealed(), 'act', id, c));
      }
      if (i % 3 === 0) source.run(randomUUID(), sealed(), sealed(), 'person', who, channels[i % 5]);
    }
  })();
  // As a running server's database would be: the seeding's write-ahead log folded in.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return channels;
}

export async function runEstimateHistoriesBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-estimate-'));
  try {
    const storage = await openStorage({ dataDir: dir });
    await migrateToLatest(storage.db);
    const channels = seed(join(dir, 'vigil.sqlite'));
    console.log(`Estimate histories: ${PEOPLE.toLocaleString('en')} people, 5 channels (SQLite; target ${TARGET_MS} ms)`);
    // Baseline: reading every act's plain columns, the least any count of people by act must do.
    const timed = async (run: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
      }
      return median(times);
    };
    const baseline = await timed(() => storage.db.selectFrom('acts').select(['id', 'person_id', 'date_start']).execute());
    console.log(`  baseline, every act read: median ${baseline.toFixed(0)} ms`);
    for (const [label, filter] of [['every act', {}], ['half a year', { from: '2026-01-01', to: '2026-06-30' }]] as const) {
      const { documented } = await captureHistories(storage.db, channels, filter);
      const took = await timed(() => captureHistories(storage.db, channels, filter));
      console.log(`  ${label}: ${documented.toLocaleString('en')} documented, median ${took.toFixed(0)} ms (×${(took / baseline).toFixed(1)} the baseline) ${took <= TARGET_MS ? '(ok)' : '(over target)'}`);
    }
    await storage.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Records at scale: 100,000 acts (50,000 people, 2,000 incidents, 12,000 detentions of whom 3,000
// are held now) in a fresh SQLite database. Measures the server time of the currently-held board
// and of filtered lists (median of 15 calls, against GET /api/me in the same run as baseline), and
// the time Chromium takes to draw the board after the page is asked for.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../test/support/browser.ts';
import { logIn } from '../test/support/org.ts';
import { ACT_TYPES } from '../src/core/records/vocabulary.ts';
import { IN_CUSTODY } from '../src/core/records/vocabulary-words.ts';
import { addDays } from '../src/core/records/custody.ts';
import { BENCH_EMAIL, BENCH_PASSPHRASE, initVigil, launchVigil, median, stopChild } from './support.ts';

const ACTS = Number(process.env.BENCH_ACTS ?? 100_000);
const TARGET_SERVER_MS = 100;
const TARGET_RENDER_MS = 500;

function seed(dataDir: string): string {
  const db = new SqliteDatabase(join(dataDir, 'vigil.sqlite'));
  const by = (db.prepare('select id from members limit 1').get() as { id: string }).id;
  const keyId = (db.prepare("select id from intake_keys where purpose = 'records'").get() as { id: string }).id;
  const now = new Date().toISOString();
  const sealed = () => randomBytes(600);
  const place = randomUUID();
  db.prepare("insert into registry (id, kind, code, labels, place_kind, appeal_days, created_at, created_by) values (?, 'place', 'bench-police', ?, 'police', null, ?, ?)").run(place, JSON.stringify({ en: 'Police', az: 'Polis', ru: 'Полиция' }), now, by);
  const common = [keyId, now, by, now, by];
  const incident = db.prepare("insert into incidents (id, key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by, date_start, date_start_precision, date_end_precision, place_ids, monitoring_status) values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 'day', 'unknown', ?, 'open')");
  const person = db.prepare("insert into persons (id, key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by, counting_unit, age_range, consent_sharing, name_preference, reprisal_risk) values (?, ?, ?, ?, 1, ?, ?, ?, ?, 'individual', 'unknown', 'un', 'initials', 'high')");
  const act = db.prepare("insert into acts (id, key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by, date_start, date_start_precision, date_end_precision, incident_id, person_id, type_code, place_id) values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 'day', 'unknown', ?, ?, ?, ?)");
  const detention = db.prepare("insert into detentions (act_id, status, held_at, custody_start, lawyer_access, family_access, decision, detention_days, expected_release, version, updated_at, updated_by) values (?, ?, ?, ?, ?, 'unknown', ?, ?, ?, 1, ?, ?)");
  const incidents: string[] = [];
  const persons: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) {
      const id = randomUUID();
      incidents.push(id);
      incident.run(id, keyId, sealed(), sealed(), now, by, now, by, addDays('2026-01-01', i % 300), JSON.stringify([place]));
    }
    for (let i = 0; i < ACTS / 2; i++) {
      const id = randomUUID();
      persons.push(id);
      person.run(id, keyId, sealed(), sealed(), now, by, now, by);
    }
    const detentionTypes = ACT_TYPES.filter((a) => a.detention).map((a) => a.code);
    for (let i = 0; i < ACTS; i++) {
      const id = randomUUID();
      const isDetention = i % 8 === 0 && i / 8 < 12_000;
      const type = isDetention ? detentionTypes[i % detentionTypes.length]! : ACT_TYPES[i % ACT_TYPES.length]!.code;
      const start = addDays('2026-01-01', i % 330);
      act.run(id, ...common.slice(0, 1), sealed(), sealed(), ...common.slice(1), start, incidents[i % incidents.length], persons[i % persons.length], type, place);
      if (isDetention) {
        const held = i / 8 < 3000;
        detention.run(id, held ? IN_CUSTODY[i % IN_CUSTODY.length] : 'released', place, start, ['none', 'ngo', 'unknown', 'yes'][i % 4], i % 3 ? 'detention' : 'pending', i % 3 ? 30 : null, i % 3 ? addDays(start, 30) : null, now, by);
      }
    }
  })();
  db.close();
  return incidents[0]!;
}


async function timed(call: () => Promise<Response>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    const response = await call();
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function runRecordsBench(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigil-bench-records-'));
  let child: ChildProcess | undefined;
  try {
    await initVigil(dataDir);
    process.stderr.write(`writing ${ACTS} acts…\n`);
    const incidentId = seed(dataDir);
    const server = await launchVigil(dataDir);
    child = server.child;
    const member = await logIn({ url: server.base } as never, BENCH_EMAIL, BENCH_PASSPHRASE);
    const rows = [
      ['baseline: GET /api/me', '/api/me'],
      ['currently-held board', '/api/board/held'],
      ['due soon (365 days)', '/api/board/due?days=365'],
      ['acts of one type, newest 100', `/api/records/act?typeCode=${ACT_TYPES[7]!.code}&limit=100`],
      ['acts of one incident', `/api/records/act?incidentId=${incidentId}&limit=1000`],
      ['incidents, newest 200', '/api/records/incident?limit=200'],
    ] as const;
    const results: { what: string; ms: number }[] = [];
    for (const [what, path] of rows) results.push({ what, ms: await timed(() => member.get(path)) });

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    let renderMs = NaN;
    let heldRows = 0;
    try {
      const page = await browser.newPage();
      await page.goto(`${server.base}/app`);
      await page.fill('#email', BENCH_EMAIL);
      await page.fill('#passphrase', BENCH_PASSPHRASE);
      await page.click('button[type=submit]');
      await page.getByRole('heading', { name: /Inbox/ }).waitFor({ timeout: 60_000 });
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        await page.evaluate(() => (location.hash = '#due'));
        await page.getByRole('heading', { name: 'Due soon' }).waitFor();
        const start = (await page.evaluate('performance.now()')) as number;
        await page.evaluate(() => (location.hash = '#held'));
        await page.locator('[data-board=held] tbody tr').first().waitFor({ timeout: 60_000 });
        times.push(((await page.evaluate('performance.now()')) as number) - start);
      }
      renderMs = median(times);
      heldRows = await page.locator('[data-board=held] tbody tr').count();
    } finally {
      await browser.close();
    }

    const baseline = results[0]!.ms;
    console.log(`\nRecords benchmark (${ACTS} acts; median of 15 calls; baseline = GET /api/me, same run)`);
    console.table(results.map((r) => ({ request: r.what, 'server ms': r.ms.toFixed(1), 'vs baseline': (r.ms / baseline).toFixed(1) })));
    console.log(`Held-now board drawn in Chromium (${heldRows} rows): ${renderMs.toFixed(0)} ms (median of 5)`);
    console.log('Targets:');
    for (const r of results.slice(1)) console.log(`  ${r.ms <= TARGET_SERVER_MS ? 'PASS' : 'FAIL'}  ${r.what} ≤ ${TARGET_SERVER_MS} ms (${r.ms.toFixed(1)} ms)`);
    console.log(`  ${renderMs <= TARGET_RENDER_MS ? 'PASS' : 'FAIL'}  board rendered ≤ ${TARGET_RENDER_MS} ms (${renderMs.toFixed(0)} ms)`);
  } finally {
    if (child) await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

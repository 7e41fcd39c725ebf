// Scheduled backups' settings (VIGIL_BACKUP_DIR, _EVERY, _KEEP) and when administrators are warned;
// a bad setting stops `vigil start` with a clear message. No database.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vigil } from './support/cli.ts';
import { ConfigError, configFromEnv } from '../src/server/config.ts';
import { backupWarning, everyLabel, parseEvery } from '../src/core/backups/schedule.ts';

describe('backup settings', () => {
  it('reads VIGIL_BACKUP_EVERY as minutes, hours or days, and refuses anything else', () => {
    assert.deepEqual(['30m', '6h', '1d', ' 2d '].map(parseEvery), [1_800_000, 21_600_000, 86_400_000, 172_800_000]);
    for (const bad of ['', '0h', '6', '6x', '1.5h', '-1d', 'h', '6 h']) assert.equal(parseEvery(bad), null, bad);
    assert.deepEqual([1_800_000, 21_600_000, 172_800_000, 5_400_000].map(everyLabel), ['30m', '6h', '2d', '90m']);
    const backup = (env: Record<string, string>) => configFromEnv({ VIGIL_DATA: '/tmp/unused', ...env }).backup;
    assert.deepEqual(backup({}), { dir: null, everyMs: 86_400_000, keep: 7 });
    assert.deepEqual(backup({ VIGIL_BACKUP_DIR: '/backups', VIGIL_BACKUP_EVERY: '6h', VIGIL_BACKUP_KEEP: '3' }), { dir: '/backups', everyMs: 21_600_000, keep: 3 });
    const refused: [Record<string, string>, RegExp][] = [
      [{ VIGIL_BACKUP_DIR: '/b', VIGIL_BACKUP_EVERY: '6x' }, /VIGIL_BACKUP_EVERY must be a whole number of minutes, hours or days \(e\.g\. 30m, 6h, 1d\), got "6x"/],
      [{ VIGIL_BACKUP_EVERY: '6h' }, /VIGIL_BACKUP_DIR is not/],
      [{ VIGIL_BACKUP_DIR: '/b', VIGIL_BACKUP_KEEP: '0' }, /VIGIL_BACKUP_KEEP must be at least 1/],
      [{ VIGIL_BACKUP_DIR: '/b', VIGIL_BACKUP_KEEP: 'all' }, /VIGIL_BACKUP_KEEP must be a whole number/],
    ];
    for (const [env, message] of refused) assert.throws(() => backup(env), (e: unknown) => e instanceof ConfigError && message.test(e.message), JSON.stringify(env));
  });

  it('warns after a day without a success, or when a schedule never succeeded', () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    assert.equal(backupWarning('2026-11-19T13:00:00Z', true, now), null);
    assert.equal(backupWarning('2026-11-19T11:00:00Z', false, now), 'none-for-a-day');
    assert.equal(backupWarning(null, true, now), 'none-yet');
    assert.equal(backupWarning(null, false, now), null, 'no schedule and never a backup: nothing is late');
  });
});

describe('vigil start with a bad backup setting', () => {
  it('says which and exits 2, without a stack trace', async () => {
    const data = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
    try {
      const result = await vigil(['start'], undefined, [], { VIGIL_DATA: data, PORT: '0', VIGIL_BACKUP_DIR: data, VIGIL_BACKUP_EVERY: '6 hours' });
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /VIGIL_BACKUP_EVERY must be a whole number of minutes, hours or days/);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});

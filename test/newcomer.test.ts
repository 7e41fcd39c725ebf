// What a newcomer sees first (issue 14): `npm ci` used to sit silent for three minutes while
// better-sqlite3 compiled. The root package's preinstall script (which npm prints) says why.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

it('npm ci says at once that the install takes minutes, and why', () => {
  const scripts = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;
  assert.ok(scripts.preinstall, 'a preinstall script');
  const printed = execFileSync('npm', ['run', '--silent', 'preinstall'], { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });
  assert.match(printed, /better-sqlite3/);
  assert.match(printed, /3 minutes/);
});

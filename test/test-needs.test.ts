// A new machine (issue 15): `npm test` first checks the Debian packages the tests need
// (scripts/test-needs.sh, reading scripts/test-packages.txt). Here it looks into an empty folder instead
// of / (VIGIL_TEST_NEEDS_ROOT), is told its uid (VIGIL_TEST_NEEDS_UID) and calls a fake apt-get that
// records its arguments and "installs" by creating the files the list looks for.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const REPO = new URL('..', import.meta.url).pathname;
const LIST = join(REPO, 'scripts', 'test-packages.txt');

/** The list's lines: a package, the file pattern that shows it is installed, the variable standing in for it. */
const packages = readFileSync(LIST, 'utf8')
  .split('\n')
  .map((line) => line.replace(/#.*/, '').trim().split(/\s+/))
  .filter(([name]) => name)
  .map(([name, probe, instead]) => ({ name: name!, probe: probe!, instead }));
const ALL = packages.map((p) => p.name);
const NOT_INSTEAD_OF = (variable: string) => packages.filter((p) => p.instead !== variable).map((p) => p.name);

const work = mkdtempSync(join(tmpdir(), 'vigil-test-needs-'));
after(() => rmSync(work, { recursive: true, force: true }));
let machines = 0;

/** A machine without the packages: an empty root folder, and a fake apt-get whose calls land in `log`. */
function newMachine(options: { aptInstalls?: boolean } = {}) {
  const dir = join(work, String(machines++));
  const root = join(dir, 'root');
  const log = join(dir, 'apt-get.log');
  mkdirSync(root, { recursive: true });
  // What "installing" a package creates: its probe, with a version number for the pattern's *.
  for (const p of packages) writeFileSync(join(dir, `installs-${p.name}`), root + p.probe.replaceAll('*', '15'));
  const aptGet = join(dir, 'apt-get');
  writeFileSync(
    aptGet,
    `#!/bin/sh
echo "DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*" >> '${log}'
if [ "$1" = install ]; then '${root}/usr/sbin/policy-rc.d' >/dev/null 2>&1; echo "policy-rc.d answered $?" >> '${log}'; fi
[ "$1" = install ] && [ ${options.aptInstalls === false ? 'no' : 'yes'} = yes ] || exit 0
for package; do
  [ -f '${dir}'/installs-"$package" ] || continue
  file=$(cat '${dir}'/installs-"$package"); mkdir -p "$(dirname "$file")"; : > "$file"
done
`,
  );
  chmodSync(aptGet, 0o755);
  const aptCalls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
  const install = (name: string) => {
    const file = readFileSync(join(dir, `installs-${name}`), 'utf8');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');
  };
  return { dir, root, aptGet, aptCalls, install };
}

/** Runs a script of the repository with the machine's overrides on top of a tidy environment. */
function run(script: string, machine: ReturnType<typeof newMachine>, uid: number, env: Record<string, string> = {}) {
  const { VIGIL_TEST_PG_URL: _url, CHROMIUM_PATH: _chromium, ...rest } = process.env;
  const result = spawnSync('sh', [script], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...rest, VIGIL_TEST_NEEDS_ROOT: machine.root, VIGIL_TEST_NEEDS_UID: String(uid), VIGIL_TEST_NEEDS_APT_GET: machine.aptGet, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const check = (machine: ReturnType<typeof newMachine>, uid: number, env: Record<string, string> = {}) => run('scripts/test-needs.sh', machine, uid, env);

describe('not root, packages missing', () => {
  it('stops with the exact apt-get command and installs nothing', () => {
    const machine = newMachine();
    const { code, stdout, stderr } = check(machine, 1000);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.ok(stderr.includes(`not installed: ${ALL.join(' ')}.`), stderr);
    assert.ok(stderr.includes(`\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${ALL.join(' ')}\n`), stderr);
    assert.match(stderr, /instead of chromium, set CHROMIUM_PATH; instead of postgresql, set VIGIL_TEST_PG_URL/);
    assert.deepEqual(machine.aptCalls(), []);
  });

  it('names only what is missing', () => {
    const machine = newMachine();
    const missing = ['postgresql', 'postgresql-client'];
    for (const name of ALL.filter((p) => !missing.includes(p))) machine.install(name);
    const { code, stderr } = check(machine, 1000);
    assert.equal(code, 1);
    assert.ok(stderr.includes(`sudo apt-get install -y --no-install-recommends ${missing.join(' ')}\n`), stderr);
    assert.doesNotMatch(stderr, /CHROMIUM_PATH/);
  });

  it('npm test stops before the build: no npm, no npx, no PostgreSQL started', () => {
    const machine = newMachine();
    // npm and npx on PATH are fakes that record being called.
    const bin = join(machine.dir, 'bin');
    mkdirSync(bin);
    for (const tool of ['npm', 'npx', 'node']) {
      writeFileSync(join(bin, tool), `#!/bin/sh\necho ${tool} >> '${join(machine.dir, 'called')}'\n`);
      chmodSync(join(bin, tool), 0o755);
    }
    const { code, stderr } = run('scripts/test.sh', machine, 1000, { PATH: `${bin}:${process.env.PATH}` });
    assert.equal(code, 1);
    assert.match(stderr, /sudo apt-get install/);
    assert.equal(existsSync(join(machine.dir, 'called')), false, 'nothing ran after the check');
  });
});

describe('root, packages missing', () => {
  it('says what it installs, then runs apt-get update and apt-get install with the list', () => {
    const machine = newMachine();
    const { code, stderr } = check(machine, 0);
    assert.equal(code, 0, stderr);
    assert.ok(stderr.includes(`installing what the tests need from Debian: ${ALL.join(' ')} `), stderr);
    assert.deepEqual(machine.aptCalls(), [
      'DEBIAN_FRONTEND=noninteractive update -qq',
      `DEBIAN_FRONTEND=noninteractive install -y -q --no-install-recommends ${ALL.join(' ')}`,
      'policy-rc.d answered 101', // no service (nginx, caddy, tor, PostgreSQL) started by installing
    ]);
    assert.equal(existsSync(join(machine.root, 'usr/sbin/policy-rc.d')), false, 'the policy is removed afterwards');
    // Installed now: the next run says nothing and calls nothing.
    const again = check(machine, 0);
    assert.deepEqual([again.code, again.stdout, again.stderr], [0, '', '']);
    assert.equal(machine.aptCalls().length, 3);
  });

  it('fails when apt-get succeeded but a package is still not there', () => {
    const machine = newMachine({ aptInstalls: false });
    const { code, stderr } = check(machine, 0);
    assert.equal(code, 1);
    assert.ok(stderr.includes(`still missing: ${ALL.join(' ')} `), stderr);
  });
});

describe('variables standing in for packages', () => {
  it('VIGIL_TEST_PG_URL: no PostgreSQL server needed (its client still is, for pg_dump)', () => {
    const machine = newMachine();
    check(machine, 0, { VIGIL_TEST_PG_URL: 'postgres://postgres@127.0.0.1:5432/postgres' });
    assert.equal(machine.aptCalls()[1], `DEBIAN_FRONTEND=noninteractive install -y -q --no-install-recommends ${NOT_INSTEAD_OF('VIGIL_TEST_PG_URL').join(' ')}`);
    assert.ok(NOT_INSTEAD_OF('VIGIL_TEST_PG_URL').includes('postgresql-client'));
  });

  it('CHROMIUM_PATH: the named file instead of Debian chromium; a missing one is an error apt-get cannot fix', () => {
    const own = join(work, 'own-chromium');
    writeFileSync(own, '');
    const machine = newMachine();
    check(machine, 0, { CHROMIUM_PATH: own });
    assert.equal(machine.aptCalls()[1], `DEBIAN_FRONTEND=noninteractive install -y -q --no-install-recommends ${NOT_INSTEAD_OF('CHROMIUM_PATH').join(' ')}`);

    const wrong = newMachine();
    const { code, stderr } = check(wrong, 0, { CHROMIUM_PATH: join(work, 'no-such-chromium') });
    assert.equal(code, 1);
    assert.match(stderr, /no such file: CHROMIUM_PATH=\S+no-such-chromium/);
    assert.deepEqual(wrong.aptCalls(), []);
  });
});

it('.ci/run installs the same list', () => {
  const listed = spawnSync('sh', ['scripts/test-needs.sh', '--list'], { cwd: REPO, encoding: 'utf8' }).stdout;
  assert.equal(listed, `${ALL.join(' ')}\n`);
  const ci = readFileSync(join(REPO, '.ci', 'run'), 'utf8');
  assert.match(ci, /^packages=\$\(sh scripts\/test-needs\.sh --list\)$/m);
  assert.match(ci, /^apt-get install [^\n]*\$packages/m);
  // Installed with no service started (a policy-rc.d saying no while apt-get runs).
  assert.ok(ci.indexOf('exit 101') < ci.indexOf('apt-get install') && ci.indexOf('exit 101') > ci.indexOf('apt-get update'));
});

it('on this machine, where everything is installed, the real check passes and says nothing', () => {
  // Real paths, real uid; apt-get stays the fake so that a gap here would show instead of installing.
  const machine = newMachine();
  const result = spawnSync('sh', ['scripts/test-needs.sh'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, VIGIL_TEST_NEEDS_APT_GET: machine.aptGet } });
  assert.deepEqual([result.status, result.stdout, result.stderr], [0, '', '']);
  assert.deepEqual(machine.aptCalls(), []);
});

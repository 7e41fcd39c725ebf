// The deployment files (deploy/, issue 15) checked by the tools that will read them: systemd's unit
// verifier, tor's, Caddy's and nginx's own config checks, and docker-compose's validation against
// the Compose Specification's JSON schema. A tool that is missing fails its test with the Debian
// package to install (.ci/run installs them all): nothing here is skipped.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEPLOY = join(import.meta.dirname, '..', 'deploy');
const read = (file: string) => readFileSync(join(DEPLOY, file), 'utf8');
const scratch = () => mkdtempSync(join(tmpdir(), 'vigil-deploy-'));

/** Runs a tool; a missing one fails the test saying which Debian package brings it. */
function run(tool: string, debianPackage: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(tool, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    assert.fail(`${tool} is not installed: apt-get install -y ${debianPackage} (.ci/run installs it)`);
  }
  return result;
}

/** Lines of a unit file's [Service] settings, comments left out. */
const settings = (unit: string) => unit.split('\n').filter((line) => /^[A-Z]\w*=/.test(line));

describe('deploy/systemd/vigil.service', () => {
  const unit = read('systemd/vigil.service');

  it('passes systemd-analyze verify without a warning', () => {
    // The unit names /usr/bin/node; verify checks that it exists, so point it at this Node.
    const dir = scratch();
    const copy = join(dir, 'vigil.service');
    writeFileSync(copy, unit.replace('ExecStart=/usr/bin/node ', `ExecStart=${process.execPath} `));
    const result = run('systemd-analyze', 'systemd', ['verify', copy]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr.trim(), '', 'no warning (an unknown or misspelt setting is only a warning)');
  });

  it('is sandboxed, with the open-file limit for Vigil’s connection caps, and runs the built server', () => {
    const lines = settings(unit);
    for (const setting of ['ProtectSystem=strict', 'ReadWritePaths=/var/lib/vigil', 'NoNewPrivileges=yes', 'PrivateTmp=yes', 'ProtectHome=yes', 'SystemCallFilter=@system-service', 'Restart=on-failure', 'LimitNOFILE=65536', 'EnvironmentFile=/etc/vigil/vigil.env', 'User=vigil']) {
      assert.ok(lines.includes(setting), setting);
    }
    assert.ok(lines.some((l) => l.startsWith('RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX')));
    // Node's JIT writes and then runs code: MemoryDenyWriteExecute would stop it; the file says why.
    assert.ok(!lines.some((l) => l.startsWith('MemoryDenyWriteExecute')));
    assert.match(unit, /# Not MemoryDenyWriteExecute=yes: .*V8/);
    assert.match(unit, /^ExecStart=\/usr\/bin\/node \/opt\/vigil\/dist\/server\/server\/cli\/run\.js start$/m);
    // dist/server/ is src/ compiled (tsconfig.build.json): the entry point is there.
    assert.ok(existsSync(join(DEPLOY, '..', 'src', 'server', 'cli', 'run.ts')));
  });
});

describe('deploy/backup: the copy off the machine', () => {
  it('its service and timer pass systemd-analyze verify without a warning, and the script parses', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'vigil-offsite.service'), read('backup/vigil-offsite.service').replace('ExecStart=/usr/local/bin/vigil-offsite', 'ExecStart=/usr/bin/true'));
    writeFileSync(join(dir, 'vigil-offsite.timer'), read('backup/vigil-offsite.timer'));
    const result = run('systemd-analyze', 'systemd', ['verify', join(dir, 'vigil-offsite.service'), join(dir, 'vigil-offsite.timer')]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr.trim(), '');
    const script = run('sh', 'dash', ['-n', join(DEPLOY, 'backup', 'vigil-offsite.sh')]);
    assert.equal(script.status, 0, script.stderr);
  });

  it('copies whole backups only, never over or instead of a copy already there', () => {
    const script = read('backup/vigil-offsite.sh');
    assert.match(script, /--include='\*\.backup' --exclude='\*'/);
    assert.match(script, /--ignore-existing/);
    assert.doesNotMatch(script.replace(/^#.*$/gm, ''), /--delete/);
  });
});

describe('deploy/tor/torrc', () => {
  const torrc = read('tor/torrc');

  function verify(text: string) {
    const dir = scratch();
    writeFileSync(join(dir, 'torrc'), text);
    const result = run('tor', 'tor', ['--verify-config', '-f', join(dir, 'torrc')]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Configuration was valid/);
  }

  it('passes tor --verify-config, with proof of work and circuit ids for Vigil’s onion port', () => {
    verify(torrc);
    assert.match(torrc, /^HiddenServicePoWDefensesEnabled 1$/m);
    assert.match(torrc, /^HiddenServiceExportCircuitID haproxy$/m);
    assert.match(torrc, /^HiddenServicePort 80 127\.0\.0\.1:8081$/m);
  });

  it('the several-servers variant passes too', () => {
    const variant = torrc.replace(/^#   (HiddenServicePort .*)$/gm, '$1').replace(/^HiddenServicePort 80 127\.0\.0\.1:8081\n/m, '');
    assert.equal(variant.match(/^HiddenServicePort /gm)?.length, 2);
    verify(variant);
  });
});

describe('deploy/caddy/Caddyfile', () => {
  const env = { VIGIL_DOMAIN: 'notes.example.org', VIGIL_UPSTREAMS: 'vigil1:8080 vigil2:8080' };

  it('passes caddy validate', () => {
    // Caddy keeps its local CA and settings under these: a scratch folder, not this machine's.
    const dir = scratch();
    const result = run('caddy', 'caddy', ['validate', '--adapter', 'caddyfile', '--config', join(DEPLOY, 'caddy', 'Caddyfile')], { ...env, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir, HOME: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout + result.stderr, /Valid configuration/);
  });

  it('hashes client addresses over both servers, checks /healthz with the public name, logs no access, limits bodies', () => {
    const result = run('caddy', 'caddy', ['adapt', '--adapter', 'caddyfile', '--config', join(DEPLOY, 'caddy', 'Caddyfile')], env);
    assert.equal(result.status, 0, result.stderr);
    const config = JSON.parse(result.stdout.split('\n')[0]!);
    const server = config.apps.http.servers.srv0;
    assert.equal(server.logs, undefined, 'no access log');
    // Nor the error loggers, which write a failed request's address and user agent.
    assert.deepEqual(config.logging.logs.default.exclude, ['http.log.error', 'http.handlers.reverse_proxy']);
    const handlers = server.routes[0].handle[0].routes.flatMap((r: { handle: unknown[] }) => r.handle);
    const proxy = handlers.find((h: { handler: string }) => h.handler === 'reverse_proxy');
    assert.deepEqual(proxy.upstreams, [{ dial: 'vigil1:8080' }, { dial: 'vigil2:8080' }]);
    assert.equal(proxy.load_balancing.selection_policy.policy, 'ip_hash');
    assert.equal(proxy.health_checks.active.uri, '/healthz');
    assert.deepEqual(proxy.health_checks.active.headers.Host, ['notes.example.org']);
    const body = handlers.find((h: { handler: string }) => h.handler === 'request_body');
    assert.ok(body.max_size >= 2.3 * 50 * 2 ** 20, 'room for a 50 MB upload and its working copy');
  });
});

describe('deploy/nginx/vigil.conf', () => {
  const conf = read('nginx/vigil.conf');

  it('passes nginx -t (with a scratch certificate in place of the real one)', () => {
    const dir = scratch();
    const cert = run('openssl', 'openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=notes.example.org', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]);
    assert.equal(cert.status, 0, cert.stderr);
    const copy = conf
      .replace('/etc/letsencrypt/live/notes.example.org/fullchain.pem', join(dir, 'cert.pem'))
      .replace('/etc/letsencrypt/live/notes.example.org/privkey.pem', join(dir, 'key.pem'))
      .replaceAll('/var/log/nginx/', `${dir}/`);
    writeFileSync(join(dir, 'vigil.conf'), copy);
    writeFileSync(join(dir, 'nginx.conf'), `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  include ${dir}/vigil.conf;\n}\n`);
    const result = run('nginx', 'nginx', ['-t', '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /test is successful/);
  });

  it('hashes client addresses, forwards the visitor, logs no access, keeps plain-text bodies off the disk', () => {
    for (const line of ['hash $remote_addr consistent;', 'access_log off;', 'proxy_set_header X-Forwarded-For $remote_addr;', 'proxy_set_header Host $host;', 'client_max_body_size 120m;', 'proxy_max_temp_file_size 0;', 'proxy_request_buffering off;']) {
      assert.ok(conf.includes(line), line);
    }
    assert.doesNotMatch(conf, /^\s*access_log (?!off)/m);
  });
});

describe('deploy/compose.yaml and deploy/Containerfile', () => {
  const env = { POSTGRES_PASSWORD: 'compose-test', VIGIL_DOMAIN: 'notes.example.org', VIGIL_ONION_URL: '' };

  /** docker-compose validates the file against the Compose Specification schema, then prints it resolved. */
  function resolved() {
    const result = run('docker-compose', 'docker-compose', ['--project-directory', DEPLOY, '-f', join(DEPLOY, 'compose.yaml'), 'config'], env);
    assert.equal(result.status, 0, result.stderr);
    // Read as JSON with the YAML parser docker-compose itself uses (Debian's python3-yaml).
    const parsed = spawnSync('/usr/bin/python3', ['-c', 'import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'], { input: result.stdout, encoding: 'utf8' });
    assert.equal(parsed.status, 0, parsed.stderr);
    return JSON.parse(parsed.stdout);
  }

  it('is valid, and says which setting is missing when one is', () => {
    resolved();
    const missing = run('docker-compose', 'docker-compose', ['--project-directory', DEPLOY, '-f', join(DEPLOY, 'compose.yaml'), 'config', '-q'], { POSTGRES_PASSWORD: '', VIGIL_DOMAIN: 'notes.example.org' });
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /set POSTGRES_PASSWORD in deploy\/.env/);
  });

  it('runs PostgreSQL, two Vigil servers on one database and one secret, Caddy and tor', () => {
    const { services, secrets, volumes } = resolved();
    assert.deepEqual(Object.keys(services).sort(), ['caddy', 'postgres', 'tor', 'vigil1', 'vigil2']);
    const [one, two] = [services.vigil1, services.vigil2];
    for (const vigil of [one, two]) {
      assert.equal(vigil.build.dockerfile, 'deploy/Containerfile');
      assert.equal(vigil.depends_on.postgres.condition, 'service_healthy');
      assert.deepEqual(vigil.secrets.map((s: { source: string }) => s.source), ['vigil_server_secret']);
      assert.equal(vigil.environment.VIGIL_SECRET_FILE, '/run/secrets/vigil_server_secret');
      assert.match(vigil.environment.DATABASE_URL, /^postgres:\/\/vigil:compose-test@postgres:5432\/vigil$/);
      // Only Caddy's forwarded addresses are believed.
      assert.equal(vigil.environment.VIGIL_TRUST_PROXY, services.caddy.networks.front.ipv4_address);
    }
    assert.equal(one.environment.DATABASE_URL, two.environment.DATABASE_URL);
    // A core dump would hold what reporters typed without JavaScript.
    for (const vigil of [one, two]) assert.equal(vigil.ulimits.core, 0);
    assert.match(secrets.vigil_server_secret.file, /deploy\/secrets\/server\.secret$/);
    // Each server its own data folder; backups scheduled on one only.
    // docker-compose 1.29 prints volumes as "source:target:mode".
    const mounts = (s: { volumes: string[] }) => s.volumes.map((v) => v.split(':'));
    const dataOf = (s: { volumes: string[] }) => mounts(s).find(([, target]) => target === '/var/lib/vigil')?.[0];
    assert.notEqual(dataOf(one), dataOf(two));
    assert.ok(dataOf(one)! in volumes && dataOf(two)! in volumes);
    assert.equal(one.environment.VIGIL_BACKUP_DIR, '/backups');
    assert.equal(two.environment.VIGIL_BACKUP_DIR, undefined);
    assert.ok(services.postgres.healthcheck.test.includes('pg_isready'));
    assert.equal(services.postgres.networks.back, null);
    // tor reaches vigil1's onion port on its loopback, the port the torrc names.
    assert.equal(services.tor.network_mode, 'service:vigil1');
    assert.match(read('tor/torrc'), new RegExp(`^HiddenServicePort 80 127\\.0\\.0\\.1:${one.environment.VIGIL_ONION_PORT}$`, 'm'));
    assert.equal(one.environment.VIGIL_ONION_CIRCUIT_IDS, '1');
    assert.ok(mounts(services.tor).some(([source, target]) => source === 'tor-keys' && target === '/var/lib/tor/vigil'));
    assert.equal(services.caddy.environment.VIGIL_UPSTREAMS, 'vigil1:8080 vigil2:8080');
    assert.ok(existsSync(join(DEPLOY, 'tor', services.tor.build.dockerfile)));
  });

  it('the Containerfile builds on Node 20 / Debian 12, runs as a user, keeps data in a volume, checks /healthz', () => {
    const file = read('Containerfile');
    assert.equal(file.match(/^FROM node:20-bookworm-slim/gm)?.length, 2);
    for (const line of ['RUN npm ci --no-audit --no-fund', 'RUN npm run build && npm prune --omit=dev', 'USER vigil', 'VOLUME /var/lib/vigil']) assert.ok(file.includes(line), line);
    assert.match(file, /^HEALTHCHECK .*\n.*\/healthz/m);
    assert.match(file, /^CMD \["node", "dist\/server\/server\/cli\/run\.js", "start"\]$/m);
  });
});

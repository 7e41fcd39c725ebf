// Under attack: the public form page and form intake timed from an ordinary client while 1,000
// slow sockets (spread over addresses, each within its per-client share, re-opened as the server
// cuts them) and anonymous uploads (two declaring 400 MB; two of the largest size accepted, for a
// real codename, spoiled at their very end so they are read whole) are in flight — as ratios to the
// same figures before the attack, in the same run; the server's memory growth; and the same figures
// after the attack. Every loop is bounded in count and time and targets loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { median, procKb, startVigil, stopChild } from './support.ts';
import { requestFrom, slowFormHead, trickle, type Trickle } from '../test/support/attack.ts';
import { encodeParts } from '../src/core/api/parts-frame.ts';
import { sealAttachment } from '../src/core/evidence/attachment.ts';
import { fromBase64Url, randomBytes, toBase64Url } from '../src/core/crypto/bytes.ts';
import { statusKeyOf } from '../src/core/crypto/status-key.ts';

const ATTACK_SECONDS = Number(process.env.BENCH_ATTACK_SECONDS || 30);
const SLOW_SOCKETS = 1000;
const PER_ADDRESS = 25;
/** At most this many slow sockets are opened in all, however fast the server cuts them. */
const MAX_OPENS = 20_000;
const SAMPLES = 40;
const CLIENT = '127.0.0.200';
const TARGETS = { servedWithinMs: 1000, rssGrowthMb: 300 };
const FORM = new URLSearchParams([['lang', 'en'], ['what', 'detained'], ['city', 'Baku'], ['stillHeld', 'yes'], ['story', 'Taken from the flat at night; not at the district station.']]).toString();

interface Timings {
  page: number[];
  intake: number[];
  failures: number;
}

const max = (xs: number[]) => Math.max(...xs);

/** The ordinary client: the form page, then a report through the plain form, SAMPLES times. */
async function timeClient(base: string, samples = SAMPLES): Promise<Timings> {
  const timings: Timings = { page: [], intake: [], failures: 0 };
  for (let i = 0; i < samples; i++) {
    for (const [list, init, path] of [
      [timings.page, {}, '/?lang=en'],
      [timings.intake, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: FORM }, '/report?lang=en'],
    ] as const) {
      const started = performance.now();
      try {
        const answer = await requestFrom(CLIENT, `${base}${path}`, { ...init, timeoutMs: 10_000 });
        if (answer.status !== 200) timings.failures++;
      } catch {
        timings.failures++;
      }
      list.push(performance.now() - started);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return timings;
}

/** Keeps SLOW_SOCKETS trickling form posts open until `until`, re-opening those the server cuts. */
function slowSockets(port: number, until: number) {
  const open = new Set<Trickle>();
  let opened = 0;
  const addresses = SLOW_SOCKETS / PER_ADDRESS;
  const fill = () => {
    while (open.size < SLOW_SOCKETS && opened < MAX_OPENS && Date.now() < until) {
      // Round robin over the addresses, so each holds about its share at any time.
      const t = trickle(port, `127.0.10.${(opened % addresses) + 1}`, slowFormHead(port, '/report'), 2000, ATTACK_SECONDS);
      opened++;
      open.add(t);
      void t.closed.then(() => {
        open.delete(t);
        if (Date.now() < until) setTimeout(fill, 100);
      });
    }
  };
  fill();
  return {
    opened: () => opened,
    async stop() {
      for (const t of open) t.stop();
      await Promise.all([...open].map((t) => t.closed));
    },
  };
}

/** POSTs `body` (or only a head declaring `declared` bytes) to /api/evidence, as fast as loopback goes. */
function upload(base: string, from: string, declared: number, body?: Uint8Array): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${base}/api/evidence`, { method: 'POST', localAddress: from, headers: { 'content-type': 'application/vnd.vigil.attachment', 'content-length': String(declared) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    if (body) req.end(body);
    else req.flushHeaders();
  });
}

/**
 * The heaviest upload an attacker can make the server read: a real codename (anyone can file a
 * report), one file at the attachment limit sealed to the intake key (it is public), and a working
 * copy spoiled in its first byte, so the server reads both copies whole before it refuses them.
 */
async function heaviestUpload(base: string): Promise<Uint8Array> {
  const page = await (await fetch(`${base}/?lang=en`)).text();
  const key = { publicKey: fromBase64Url(/data-key="([^"]+)"/.exec(page)![1]!)!, keyId: /data-key-id="([^"]+)"/.exec(page)![1]! };
  const receipt = await (await fetch(`${base}/report?lang=en`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: FORM })).text();
  const codename = /data-codename="(\d+)"/.exec(receipt)![1]!;
  const bytes = new Uint8Array(50 * 1024 * 1024);
  for (let at = 0; at < bytes.length; at += 65536) bytes.set(randomBytes(Math.min(65536, bytes.length - at)), at);
  const id = crypto.randomUUID();
  const sealed = await sealAttachment(id, { name: 'x.bin', type: 'application/octet-stream', bytes }, { type: 'application/octet-stream', bytes }, key);
  sealed.working![0] = 0xff;
  return encodeParts({ v: 1, statusKey: toBase64Url(await statusKeyOf(codename)), files: [{ id, size: bytes.length }] }, [sealed.keyEnvelope, sealed.meta, sealed.original, sealed.working, sealed.receipt]);
}

/** Two uploads at a time, repeatedly, until `until` (at most 200 rounds). */
async function uploadFlood(base: string, until: number, body: Uint8Array) {
  const statuses: Record<string, number> = {};
  for (let round = 0; round < 200 && Date.now() < until; round++) {
    const results = await Promise.all([
      upload(base, `127.0.9.${(round % 50) + 1}`, 400_000_000),
      upload(base, `127.0.9.${(round % 50) + 101}`, 400_000_000),
      upload(base, `127.0.8.${(round % 50) + 1}`, body.length, body),
      upload(base, `127.0.8.${(round % 50) + 101}`, body.length, body),
    ]);
    for (const [i, s] of results.entries()) statuses[`${i < 2 ? '400 MB' : 'heaviest'} → ${s}`] = (statuses[`${i < 2 ? '400 MB' : 'heaviest'} → ${s}`] ?? 0) + 1;
  }
  return statuses;
}

/**
 * The attacker, in a process of its own so that its work does not slow the ordinary client's
 * timings: prepares, says "ready", attacks until its time is up, prints what the uploads got.
 */
export async function runAttacker(base: string, seconds: number, only?: string): Promise<void> {
  const heaviest = await heaviestUpload(base);
  process.stdout.write('ready\n');
  const until = Date.now() + seconds * 1000;
  const sockets = slowSockets(Number(new URL(base).port), only === 'uploads' ? 0 : until);
  const statuses = only === 'sockets' ? {} : await uploadFlood(base, until, heaviest);
  await new Promise((r) => setTimeout(r, Math.max(0, until - Date.now())));
  await sockets.stop();
  process.stdout.write(`${JSON.stringify({ opened: sockets.opened(), statuses })}\n`);
}

function startAttacker(base: string): { child: ChildProcess; ready: Promise<void>; done: Promise<{ opened: number; statuses: Record<string, number> }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import('./bench/attack.ts').then((m) => m.runAttacker(${JSON.stringify(base)}, ${ATTACK_SECONDS}, process.env.BENCH_ATTACK_ONLY))`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  let signalReady: () => void;
  const ready = new Promise<void>((r) => (signalReady = r));
  child.stdout!.on('data', (d) => {
    output += d;
    if (output.includes('ready\n')) signalReady();
  });
  const done = new Promise<{ opened: number; statuses: Record<string, number> }>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output.split('\n').filter(Boolean).pop()!)) : reject(new Error(`attacker exited with ${code}`)))),
  );
  return { child, ready, done };
}

export async function runAttackBench(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigil-bench-attack-'));
  let child: ChildProcess | undefined;
  let attacker: ChildProcess | undefined;
  try {
    // The server's own network defaults (startVigil widens the share per client for the other
    // benches' load generators: set back here); intake's per-client limit is off, so the ordinary
    // client's reports are not what is measured.
    const server = await startVigil(dataDir, { VIGIL_CONNECTIONS_PER_CLIENT: '32' });
    child = server.child;
    const pid = child.pid!;
    const rssMb = async () => ((await procKb(pid, 'VmRSS')) ?? 0) / 1024;

    process.stderr.write('before the attack…\n');
    await timeClient(server.base, 10); // warm-up, not counted
    const before = await timeClient(server.base);
    const rssBefore = await rssMb();

    const attack = startAttacker(server.base);
    attacker = attack.child;
    await attack.ready;
    process.stderr.write(`attack for ${ATTACK_SECONDS} s…\n`);
    let rssPeak = rssBefore;
    const sampler = setInterval(async () => (rssPeak = Math.max(rssPeak, await rssMb())), 200);
    await new Promise((r) => setTimeout(r, 3000)); // let the attack build up
    const during = await timeClient(server.base, Math.max(10, Math.floor(((ATTACK_SECONDS - 5) * 1000) / 250)));
    const { opened, statuses } = await attack.done;
    clearInterval(sampler);
    const rssEnd = await rssMb();

    process.stderr.write('after the attack…\n');
    await new Promise((r) => setTimeout(r, 2000));
    const after = await timeClient(server.base);
    const rssAfter = await rssMb();
    report({ before, during, after }, { rssBefore, rssPeak, rssEnd, rssAfter }, opened, statuses);
  } finally {
    if (attacker && attacker.exitCode === null) attacker.kill('SIGKILL');
    if (child) await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

function report(t: { before: Timings; during: Timings; after: Timings }, rss: { rssBefore: number; rssPeak: number; rssEnd: number; rssAfter: number }, opened: number, statuses: Record<string, number>): void {
  const cpu = cpus();
  console.log(`\nUnder attack: ${SLOW_SOCKETS} slow sockets (${PER_ADDRESS} per address, ${opened} opened in ${ATTACK_SECONDS} s) + uploads (2 × 400 MB declared, 2 × heaviest accepted) on loopback`);
  console.log(`Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}\n`);
  const row = (name: string, x: Timings) => ({
    phase: name,
    'page median ms': median(x.page).toFixed(1),
    'page max ms': max(x.page).toFixed(0),
    'intake median ms': median(x.intake).toFixed(1),
    'intake max ms': max(x.intake).toFixed(0),
    'page ×': (median(x.page) / median(t.before.page)).toFixed(2),
    'intake ×': (median(x.intake) / median(t.before.intake)).toFixed(2),
    failures: x.failures,
  });
  console.table([row('before', t.before), row('during', t.during), row('after', t.after)]);
  console.log('Uploads answered:', statuses);
  const growth = rss.rssPeak - rss.rssBefore;
  console.log(`Server RSS: ${rss.rssBefore.toFixed(0)} MB before, peak ${rss.rssPeak.toFixed(0)} MB (+${growth.toFixed(0)}), ${rss.rssEnd.toFixed(0)} MB at the end, ${rss.rssAfter.toFixed(0)} MB after\n`);
  const worst = max([...t.during.page, ...t.during.intake]);
  const checks: [string, boolean][] = [
    [`another client served within ${TARGETS.servedWithinMs} ms throughout (worst ${worst.toFixed(0)} ms, ${t.during.failures} failures)`, worst <= TARGETS.servedWithinMs && t.during.failures === 0],
    [`RSS growth ≤ ${TARGETS.rssGrowthMb} MB (+${growth.toFixed(0)})`, growth <= TARGETS.rssGrowthMb],
    [`after the attack, as before (page ×${(median(t.after.page) / median(t.before.page)).toFixed(2)}, intake ×${(median(t.after.intake) / median(t.before.intake)).toFixed(2)}, ${t.after.failures} failures)`, t.after.failures === 0 && median(t.after.page) <= 2 * median(t.before.page) + 2 && median(t.after.intake) <= 2 * median(t.before.intake) + 2],
  ];
  console.log('Targets:');
  for (const [label, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}`);
}

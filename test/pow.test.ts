// Proofs of work against a real server on loopback, on SQLite and PostgreSQL. Every client here
// comes from 127.0.0.1, as every client does behind an onion service: once the shared limit is
// used up, a request without a proof is refused and one with a proof still goes through.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { codenameIn, postForm, setUpOrganization } from './support/org.ts';
import { countReports, query } from './support/db.ts';
import { postJson, publicKeyOfPage, sealedSubmission } from './support/intake.ts';
import { PROOF_FIELD, PROOF_HEADER, solve, type PowFamily } from '../src/core/pow/proof.ts';
import { DEFAULT_RULE } from '../src/core/pow/difficulty.ts';
import { sealAttachment } from '../src/core/evidence/attachment.ts';
import { encodeParts } from '../src/core/api/parts-frame.ts';
import { statusKeyOf } from '../src/core/crypto/status-key.ts';
import { toBase64Url, utf8 } from '../src/core/crypto/bytes.ts';
import { SpentInMemory } from '../src/core/pow/spent.ts';
import { SpentInDatabase, spentProofsFor } from '../src/server/pow/spent.ts';
import type { Storage } from '../src/server/storage/open.ts';
import { openTestStorage, type TestStorage } from './support/storage.ts';
import { until } from './support/until.ts';

const BITS = 8;
const LIMITS = { VIGIL_INTAKE_PER_MINUTE: '2', VIGIL_STATUS_PER_MINUTE: '2', VIGIL_POW_BITS: String(BITS) };

async function challengeFrom(server: TestServer, family: PowFamily): Promise<{ challenge: string; bits: number }> {
  const response = await fetch(`${server.url}/api/pow?for=${family}`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  return (await response.json()) as { challenge: string; bits: number };
}

/** What the public script does: ask for a challenge and solve it. */
const proofFrom = async (server: TestServer, family: PowFamily) => solve((await challengeFrom(server, family)).challenge);

const evidenceCount = async (server: TestServer) => Number((await query<{ n: number | string }>(server, 'select count(*) as n from attachments'))[0]!.n);

/** One small file sealed in "the browser", for the report whose codename this is. */
async function evidenceFrame(server: TestServer, codename: string): Promise<Uint8Array> {
  const id = randomUUID();
  const bytes = utf8('a scanned summons');
  const sealed = await sealAttachment(id, { name: 'summons.txt', type: 'text/plain', bytes }, null, await publicKeyOfPage(server));
  return encodeParts({ v: 1, statusKey: toBase64Url(await statusKeyOf(codename)), files: [{ id, size: bytes.length }] }, [sealed.keyEnvelope, sealed.meta, sealed.original, sealed.working, sealed.receipt]);
}
const postEvidence = (server: TestServer, body: Uint8Array, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/evidence`, { method: 'POST', headers: { 'content-type': 'application/vnd.vigil.attachment', ...headers }, body: body as BodyInit });

for (const backend of BACKENDS) {
  describe(`proof of work on ${backend}`, () => {
    let server: TestServer;
    /** A stored report's codename, for the status and evidence checks. */
    let codename = '';

    before(async () => {
      server = await startTestServer(backend, LIMITS);
      await setUpOrganization(server);
    });
    after(async () => {
      await server?.close();
    });

    it('hands out a challenge per family at the configured difficulty; anything else is a 400', async () => {
      for (const family of ['report', 'evidence', 'status'] as const) {
        const { challenge, bits } = await challengeFrom(server, family);
        assert.equal(bits, BITS);
        assert.match(challenge, new RegExp(`^1\\.${family}\\.${BITS}\\.\\d+\\.[A-Za-z0-9_-]{22}\\.[0-9a-f]{32}$`));
      }
      for (const query of ['', '?for=admin', '?for=report&for=status', '?for[]=report']) {
        const response = await fetch(`${server.url}/api/pow${query}`);
        assert.equal(response.status, 400, query);
      }
    });

    it('reports: past the shared limit only with a fresh proof, and each proof once', async () => {
      for (let i = 0; i < 2; i++) assert.equal((await postJson(server, '/api/reports', (await sealedSubmission(server, `within the limit ${i}`)).body)).status, 201);
      const third = await sealedSubmission(server, 'a real reporter during a flood');
      assert.equal((await postJson(server, '/api/reports', third.body)).status, 429);
      const before = await countReports(server);

      const proof = await proofFrom(server, 'report');
      assert.equal((await postJson(server, '/api/reports', third.body, { [PROOF_HEADER]: proof })).status, 201);
      assert.equal(await countReports(server), before + 1);

      const replay = await postJson(server, '/api/reports?lang=en', (await sealedSubmission(server, 'replayed')).body, { [PROOF_HEADER]: proof });
      assert.equal(replay.status, 400);
      assert.match(((await replay.json()) as { error: { message: string } }).error.message, /anti-flood check did not pass/);
      assert.equal(await countReports(server), before + 1, 'nothing stored for a replayed proof');
    });

    it('reports: a proof for another family, or a malformed one, is a 400 and stores nothing', async () => {
      const before = await countReports(server);
      const { body } = await sealedSubmission(server, 'with a bad proof');
      const statusProof = await proofFrom(server, 'status');
      const good = await proofFrom(server, 'report');
      const bad = [statusProof, '', 'x', good.replace(/\.\d+$/, '.'), `${good}0`, good.slice(0, -2), '%C3%A9'.repeat(100), '1.report.8.0.AAAAAAAAAAAAAAAAAAAAAA.00000000000000000000000000000000.1', good.repeat(50)];
      for (const proof of bad) {
        const response = await postJson(server, '/api/reports?lang=ru', body, { [PROOF_HEADER]: proof });
        assert.equal(response.status, 400, proof.slice(0, 60));
        assert.match(((await response.json()) as { error: { message: string } }).error.message, /Проверка защиты от наплыва/);
      }
      // The same header twice arrives as one joined value: not a proof either.
      const twice = await fetch(`${server.url}/api/reports`, { method: 'POST', headers: [['content-type', 'application/json'], [PROOF_HEADER, good], [PROOF_HEADER, good]], body: JSON.stringify(body) });
      assert.equal(twice.status, 400);
      assert.equal(await countReports(server), before);
      // The good proof was never spent by any of that.
      assert.equal((await postJson(server, '/api/reports', body, { [PROOF_HEADER]: good })).status, 201);
    });

    it('the form without JavaScript still works within the limit, and gets the words back past it', async () => {
      const fields: [string, string][] = [['lang', 'en'], ['what', 'raid'], ['story', 'They came at night.']];
      const first = await postForm(server, '/report?lang=en', fields);
      assert.equal(first.status, 200);
      codename = codenameIn(await first.text());
      assert.equal((await postForm(server, '/report?lang=en', fields)).status, 200);
      const refused = await postForm(server, '/report?lang=en', fields);
      assert.equal(refused.status, 429);
      assert.match(await refused.text(), /They came at night\./);
    });

    it('status checks: a proof in the form lifts the limit; a stale one counts as none', async () => {
      for (let i = 0; i < 2; i++) assert.equal((await postForm(server, '/status?lang=en', [['codename', codename]])).status, 200);
      assert.equal((await postForm(server, '/status?lang=en', [['codename', codename]])).status, 429);
      const proof = await proofFrom(server, 'status');
      const checked = await postForm(server, '/status?lang=en', [['codename', codename], [PROOF_FIELD, proof]]);
      assert.equal(checked.status, 200);
      assert.match(await checked.text(), /Not read yet/);
      // A page sent again (back button, reload) carries the spent proof: counted, so refused now.
      assert.equal((await postForm(server, '/status?lang=en', [['codename', codename], [PROOF_FIELD, proof]])).status, 429);
      for (const junk of ['', 'x'.repeat(3000), await proofFrom(server, 'report')]) {
        assert.equal((await postForm(server, '/status?lang=en', [['codename', codename], [PROOF_FIELD, junk]])).status, 429);
      }
      const answered = await postForm(server, '/status/answer?lang=en', [['codename', codename], ['answer', 'He is home now.'], [PROOF_FIELD, await proofFrom(server, 'status')]]);
      assert.equal(answered.status, 200);
      assert.match(await answered.text(), /Sent\. The team will see it\./);
    });

    it('evidence: past the shared limit only with a fresh proof, and each proof once', async () => {
      const before = await evidenceCount(server);
      for (let i = 0; i < 2; i++) assert.equal((await postEvidence(server, await evidenceFrame(server, codename))).status, 201);
      const frame = await evidenceFrame(server, codename);
      assert.equal((await postEvidence(server, frame)).status, 429);
      const proof = await proofFrom(server, 'evidence');
      assert.equal((await postEvidence(server, frame, { [PROOF_HEADER]: proof })).status, 201);
      assert.equal((await postEvidence(server, await evidenceFrame(server, codename), { [PROOF_HEADER]: proof })).status, 400);
      assert.equal((await postEvidence(server, await evidenceFrame(server, codename), { [PROOF_HEADER]: await proofFrom(server, 'report') })).status, 400);
      assert.equal(await evidenceCount(server), before + 3);
    });

    it('asks for one bit more once proofs come faster than a busy day brings, for that family only', async () => {
      const early = await proofFrom(server, 'report');
      // Enough proofs in this minute to pass the threshold (some were spent above already).
      for (let i = 0; i <= DEFAULT_RULE.threshold; i++) {
        const response = await fetch(`${server.url}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json', [PROOF_HEADER]: await proofFrom(server, 'report') }, body: '{}' });
        assert.equal(response.status, 400);
        assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'bad-envelope', 'past the limit, then refused for its body');
      }
      assert.equal((await challengeFrom(server, 'report')).bits, BITS + 1);
      assert.equal((await challengeFrom(server, 'status')).bits, BITS);
      const stale = await postJson(server, '/api/reports', (await sealedSubmission(server, 'solved before the rise')).body, { [PROOF_HEADER]: early });
      assert.equal(stale.status, 400, 'solved when less was asked: the script solves again');
      assert.equal((await postJson(server, '/api/reports', (await sealedSubmission(server, 'solved again')).body, { [PROOF_HEADER]: await proofFrom(server, 'report') })).status, 201);
    });
  });
}

describe('proof of work turned off (VIGIL_POW_BITS=0)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('sqlite', { ...LIMITS, VIGIL_POW_BITS: '0' });
    await setUpOrganization(server);
  });
  after(async () => {
    await server?.close();
  });

  it('hands out no challenges and lets no request past the limit', async () => {
    assert.equal((await fetch(`${server.url}/api/pow?for=report`)).status, 404);
    const proof = 'anything';
    for (let i = 0; i < 2; i++) assert.equal((await postJson(server, '/api/reports', (await sealedSubmission(server, `r${i}`)).body, { [PROOF_HEADER]: proof })).status, 201);
    assert.equal((await postJson(server, '/api/reports', (await sealedSubmission(server, 'r3')).body, { [PROOF_HEADER]: proof })).status, 429);
  });
});

describe('spent proofs with several servers on one PostgreSQL', () => {
  let storage: TestStorage;
  before(async () => (storage = await openTestStorage('postgres')));
  after(async () => storage?.remove());

  it('a proof spent on one server is refused on the other; expired ids are swept', async () => {
    const [one, other] = [spentProofsFor(storage), spentProofsFor(storage)];
    assert.ok(one instanceof SpentInDatabase);
    const now = 1_800_000_000;
    assert.equal(await one.spend('challenge-a', now + 600, now), 'fresh');
    assert.equal(await other.spend('challenge-a', now + 600, now), 'replayed');
    assert.equal(await one.spend('challenge-a', now + 600, now), 'replayed');
    // Both at once: one of them spends it.
    assert.deepEqual((await Promise.all([one.spend('challenge-b', now + 600, now), other.spend('challenge-b', now + 600, now)])).sort(), ['fresh', 'replayed']);
    // Twice at once on one server (one batch, one statement): spent once.
    assert.deepEqual((await Promise.all([one.spend('challenge-d', now + 600, now), one.spend('challenge-d', now + 600, now)])).sort(), ['fresh', 'replayed']);
    // Past its challenge's expiry, an id is swept by the next spend (at most once a minute a server).
    await other.spend('challenge-c', now + 1200, now + 700);
    await until(async () => (await storage.db.selectFrom('pow_spent').select('id').orderBy('id').execute()).map((r) => r.id), (ids) => ids.length === 1);
    assert.deepEqual((await storage.db.selectFrom('pow_spent').select('id').execute()).map((r) => r.id), ['challenge-c']);
  });

  it('SQLite (one server) keeps them in memory', async () => {
    assert.ok(spentProofsFor({ kind: 'sqlite' } as Storage) instanceof SpentInMemory);
  });
});

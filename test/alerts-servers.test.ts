// Alert delivery with several servers on one database: each webhook call is made once whichever
// server claims it, and an email whose addresses only its owner's memory holds is interrupted once
// that owner stops or stops beating — never while it runs, whoever else starts.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKENDS, type Backend } from './support/backends.ts';
import { openTestStorage, type TestStorage } from './support/storage.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';
import { until } from './support/until.ts';
import { createDelivery, type Delivery } from '../src/server/alerts/delivery.ts';
import { startInstance, type Instance } from '../src/server/cluster/instance.ts';
import { loadServerSecret, type ServerSecret } from '../src/server/secret.ts';
import type { VigilContext } from '../src/server/context.ts';
import { utf8 } from '../src/core/crypto/bytes.ts';

const TEXTS = JSON.stringify({ en: { title: 'Checkpoints on the ring road tonight', body: 'Avoid the ring road.' } });

const aSecret = () => loadServerSecret(join(mkdtempSync(join(tmpdir(), 'vigil-secret-')), 'server.secret'));

/** Just what delivery reads of a running server's context: its storage, secret, id and timings. */
function serverContext(storage: TestStorage, secret: ServerSecret, instanceId: string): VigilContext {
  return { storage, secret, instanceId, config: { alertRetryMs: [100, 200], alertTimeoutMs: 3000, publicUrl: 'http://127.0.0.1:9' } } as unknown as VigilContext;
}

async function publish(storage: TestStorage, delivery: Delivery, emails = 0) {
  const id = randomUUID();
  const recipients = Array.from({ length: emails }, (_, n) => ({ recipient: { subscriberId: randomUUID(), email: `reader${n}@example.net`, languages: ['en' as const], unsubscribeToken: 'x'.repeat(43) }, n: n + 1 }));
  return storage.db.transaction().execute(async (trx) => {
    await trx.insertInto('alerts').values({ id, texts: TEXTS, status: 'published', published_at: '2026-12-06T07:00:00Z', corrected_at: null, published_by: randomUUID() }).execute();
    return { id, ...(await delivery.plan(trx, id, recipients)) };
  });
}

const statuses = async (storage: TestStorage, channel: 'email' | 'webhook') =>
  (await storage.db.selectFrom('alert_deliveries').select(['id', 'status', 'owner']).where('channel', '=', channel).orderBy('seq').execute());

for (const backend of BACKENDS) {
  describe(`alert delivery with several servers (${backend})`, () => {
    let storage: TestStorage;
    let secret: ServerSecret;
    const started: { delivery: Delivery; instance: Instance }[] = [];

    /** A server as far as delivery goes: its heartbeat row and its delivery, started. */
    async function startServerDelivery() {
      const instance = await startInstance(storage.db);
      const delivery = createDelivery(serverContext(storage, secret, instance.id), null);
      await delivery.start();
      started.push({ delivery, instance });
      return { delivery, instance };
    }

    before(async () => {
      storage = await openTestStorage(backend as Backend);
      secret = aSecret();
    });
    after(async () => {
      for (const { delivery, instance } of started) {
        await delivery.stop();
        await instance.stop();
      }
      await storage?.remove();
    });

    it('a second server starting leaves the first one’s emails pending; a clean stop interrupts its own only', async () => {
      const first = await startServerDelivery();
      await publish(storage, first.delivery, 2);
      assert.deepEqual((await statuses(storage, 'email')).map((r) => [r.status, r.owner]), [['pending', first.instance.id], ['pending', first.instance.id]]);
      const second = await startServerDelivery();
      await second.delivery.interruptAbandoned();
      assert.deepEqual((await statuses(storage, 'email')).map((r) => r.status), ['pending', 'pending'], 'a living neighbour’s emails are left');

      // The second server holds emails of its own; the first stops cleanly.
      await publish(storage, second.delivery, 1);
      await first.delivery.stop();
      const after = await statuses(storage, 'email');
      assert.deepEqual(after.map((r) => [r.status, r.owner === first.instance.id]), [['interrupted', true], ['interrupted', true], ['pending', false]]);
    });

    it('a dead owner’s pending emails (its heartbeat stale, or its row gone) become interrupted', async () => {
      const survivor = started.at(-1)!;
      const stale = randomUUID();
      const gone = randomUUID();
      const longAgo = new Date(Date.now() - 3_600_000).toISOString();
      await storage.db.insertInto('server_instances').values({ id: stale, started_at: longAgo, seen_at: longAgo }).execute();
      const { id } = await publish(storage, survivor.delivery, 3);
      const rows = await storage.db.selectFrom('alert_deliveries').select('id').where('alert_id', '=', id).orderBy('seq').execute();
      await storage.db.updateTable('alert_deliveries').set({ owner: stale }).where('id', '=', rows[0]!.id).execute();
      await storage.db.updateTable('alert_deliveries').set({ owner: gone }).where('id', '=', rows[1]!.id).execute();
      // The periodic sweep, run now.
      await survivor.delivery.interruptAbandoned();
      const after = await storage.db.selectFrom('alert_deliveries').select(['status']).where('alert_id', '=', id).orderBy('seq').execute();
      assert.deepEqual(after.map((r) => r.status), ['interrupted', 'interrupted', 'pending']);
    });
  });
}

describe('two servers on one PostgreSQL deliver each webhook call once', () => {
  let storage: TestStorage;
  let receiver: WebhookReceiver;
  const servers: { delivery: Delivery; instance: Instance }[] = [];

  before(async () => {
    storage = await openTestStorage('postgres');
    receiver = await startWebhookReceiver();
  });
  after(async () => {
    for (const { delivery, instance } of servers) {
      await delivery.stop();
      await instance.stop();
    }
    await receiver?.close();
    await storage?.remove();
  });

  it('30 calls due at once, claimed by both servers, each made exactly once', async () => {
    const secret = aSecret();
    for (const path of ['/a', '/b', '/c']) {
      await storage.db.insertInto('alert_webhooks').values({ id: randomUUID(), url: `${receiver.url}${path}`, secret: secret.encrypt('webhook', utf8('s'.repeat(32))), created_at: new Date().toISOString(), created_by: randomUUID() }).execute();
    }
    for (let i = 0; i < 2; i++) {
      const instance = await startInstance(storage.db);
      servers.push({ instance, delivery: createDelivery(serverContext(storage, secret, instance.id), null) });
    }
    // Planned before either polls, so both find the same 30 rows due at their first look.
    for (let i = 0; i < 10; i++) await publish(storage, servers[0]!.delivery);
    await Promise.all(servers.map(({ delivery }) => delivery.start()));
    servers.forEach(({ delivery }) => delivery.hold([]));
    const rows = await until(() => statuses(storage, 'webhook'), (r) => r.every((d) => d.status === 'sent'));
    assert.equal(rows.length, 30);
    assert.ok(rows.every((d) => d.status === 'sent'));
    const calls = receiver.calls.map((c) => String(c.headers['vigil-delivery']));
    assert.equal(calls.length, 30, 'no call made twice');
    assert.deepEqual(new Set(calls), new Set(rows.map((r) => r.id)));
  });
});

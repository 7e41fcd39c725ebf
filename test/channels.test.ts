// Channels (issue 12) through the API, on SQLite and PostgreSQL: who may see and define them, the
// built-in report form, names sealed, retiring, the channel of a source (reports' automatic, others
// chosen, changed by coordinators), a report's source pointed at an act by an edit, a bundle's partner
// channel, and merges keeping channels.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { logIn, organizationWithTeam, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { findPlaintext, query } from './support/db.ts';
import { createRecord, recordsKey, type Made } from './support/records.ts';
import { channelName, channelRequest, createChannel, listChannels } from './support/channels.ts';
import { exportBundle, partnerKeyOf, seedOrganization } from './support/partners.ts';
import { FORM_CHANNEL_ID, type ChannelView } from '../src/core/records/channels.ts';
import { openBundle } from '../src/core/bundle/envelope.ts';
import { newRecordKey, sealFields } from '../src/core/records/sealing.ts';
import { planImport } from '../src/core/bundle/plan.ts';

const error = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
const sourcePlain = (targetId: string, extra: Record<string, unknown> = {}) => ({ targetType: 'person', targetId, reportId: null, connection: 'lawyer', reliability: 'B', credibility: '2', sourceDate: null, ...extra });
const personPlain = { countingUnit: 'individual', groupSize: null, ageRange: 'unknown', consentSharing: 'none', namePreference: 'initials', reprisalRisk: 'high' };

for (const backend of BACKENDS) {
  describe(`channels on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let coordinator: LoggedIn;
    let documenter: LoggedIn;
    let viewer: LoggedIn;
    let lawyers: ChannelView;
    let hotline: ChannelView;
    let person: Made;

    const channelOf = async (sourceId: string) => (await query<{ channel_id: string | null }>(server, `select channel_id from sources where id = '${sourceId}'`))[0]!.channel_id;
    const count = async (table: string) => Number((await query<{ n: number | string }>(server, `select count(*) as n from ${table}`))[0]!.n);
    /** A source's sealed part, as a documenter's browser makes it. */
    const sealed = async (id: string) => sealFields(await newRecordKey(await recordsKey(documenter)), 'source', id, {});
    const source = async (id: string) => ((await (await documenter.get(`/api/records/source/${id}`)).json()) as { record: { version: number; plain: Record<string, unknown> } }).record;

    before(async () => {
      server = await startTestServer(backend);
      ({ admin, coordinator, documenter, viewer } = await organizationWithTeam(server));
      person = await createRecord(documenter, 'person', personPlain, { name: 'Kamran' });
    });
    after(async () => {
      await server?.close();
    });

    it('lists the built-in report form first, to every member who reads records', async () => {
      for (const member of [viewer, documenter, coordinator, admin]) {
        assert.deepEqual(await listChannels(member), [{ id: FORM_CHANNEL_ID, kind: 'form', secret: null, version: 1, retired: false }]);
      }
    });

    it('coordinators and administrators add channels; the name is sealed and opens in the browser', async () => {
      lawyers = await createChannel(coordinator, 'lawyers', 'Lawyers of the Baku bar, secret group');
      hotline = await createChannel(admin, 'hotline', 'Rainbow night line');
      assert.equal(lawyers.kind, 'lawyers');
      assert.equal(lawyers.version, 1);
      assert.equal(lawyers.retired, false);
      const listed = await listChannels(documenter);
      assert.deepEqual(listed.map((c) => c.id), [FORM_CHANNEL_ID, lawyers.id, hotline.id]);
      assert.equal(await channelName(documenter, listed[1]!), 'Lawyers of the Baku bar, secret group');
      assert.deepEqual(await findPlaintext(server, ['Lawyers of the Baku bar', 'Rainbow night line']), []);
      const audit = ((await (await admin.get('/api/audit')).json()) as { entries: { action: string; object: string; detail: unknown }[] }).entries;
      const made = audit.filter((e) => e.action === 'channel.created');
      assert.deepEqual(made.map((e) => [e.object, e.detail]).sort(), [[lawyers.id, { kind: 'lawyers' }], [hotline.id, { kind: 'hotline' }]].sort());
    });

    it('refuses documenters and viewers, a second form, malformed input and a taken id, storing nothing', async () => {
      const before = await count('channels');
      for (const member of [documenter, viewer]) assert.equal((await member.post('/api/channels', await channelRequest(admin, 'media', 'x'))).status, 403);
      assert.equal(await error(await admin.post('/api/channels', await channelRequest(admin, 'form', 'Another form'))), 'bad-request');
      assert.equal((await admin.post('/api/channels', { record: (await channelRequest(admin, 'media', 'x')).record })).status, 400);
      assert.equal((await admin.post('/api/channels', 'not an object')).status, 400);
      const broken = await channelRequest(admin, 'media', 'x');
      assert.equal(await error(await admin.post('/api/channels', { ...broken, record: { ...broken.record, secret: { ...broken.record.secret, sealed: 'AAAA' } } })), 'bad-envelope');
      assert.equal(await error(await admin.post('/api/channels', await channelRequest(admin, 'media', 'x', lawyers.id))), 'edit-conflict');
      // An id in capitals (browsers make lower case ones) could never be matched by an estimate.
      const shouting = await channelRequest(admin, 'media', 'x', randomUUID().toUpperCase());
      assert.equal(await error(await admin.post('/api/channels', shouting)), 'bad-request');
      assert.equal(await count('channels'), before);
    });

    it('renames from the version read (409 when stale), never the report form; 404 for an unknown channel', async () => {
      const renamed = await channelRequest(coordinator, 'lawyers', 'Lawyers (both groups)', lawyers.id);
      for (const member of [documenter, viewer]) assert.equal((await member.post(`/api/channels/${lawyers.id}`, { version: 1, record: renamed.record })).status, 403);
      assert.equal((await coordinator.post(`/api/channels/${lawyers.id}`, { version: 1, record: { kind: 'nope', secret: renamed.record.secret } })).status, 400);
      const response = await coordinator.post(`/api/channels/${lawyers.id}`, { version: 1, record: renamed.record });
      assert.equal(response.status, 200);
      lawyers = ((await response.json()) as { channel: ChannelView }).channel;
      assert.equal(lawyers.version, 2);
      assert.equal(await channelName(admin, lawyers), 'Lawyers (both groups)');
      assert.equal(await error(await coordinator.post(`/api/channels/${lawyers.id}`, { version: 1, record: renamed.record })), 'edit-conflict');
      const form = await channelRequest(coordinator, 'other', 'Our form', FORM_CHANNEL_ID);
      const refused = await coordinator.post(`/api/channels/${FORM_CHANNEL_ID}?lang=en`, { version: 1, record: form.record });
      assert.equal(refused.status, 409);
      assert.match(((await refused.json()) as { error: { message: string } }).error.message, /report form's channel is built in/);
      assert.equal((await coordinator.post(`/api/channels/${randomUUID()}`, { version: 1, record: renamed.record })).status, 404);
      assert.equal((await coordinator.post('/api/channels/not-an-id', { version: 1, record: renamed.record })).status, 404);
      assert.deepEqual((await listChannels(viewer))[0], { id: FORM_CHANNEL_ID, kind: 'form', secret: null, version: 1, retired: false });
    });

    it('a source names its channel; a report of the inbox is always the form’s, whatever is sent', async () => {
      const chosen = await createRecord(documenter, 'source', sourcePlain(person.id, { channelId: lawyers.id }), { description: 'the lawyer' });
      assert.equal(await channelOf(chosen.id), lawyers.id);
      assert.equal((await source(chosen.id)).plain.channelId, lawyers.id, 'the records API shows the channel');
      const none = await createRecord(documenter, 'source', sourcePlain(person.id), { description: 'no channel yet' });
      assert.equal((await source(none.id)).plain.channelId, null);
      await postForm(server, '/report?lang=en', [['story', 'They took him at the metro.'], ['stillHeld', 'yes']]);
      const reportId = (await query<{ id: string }>(server, 'select id from reports'))[0]!.id;
      for (const channelId of [lawyers.id, null, undefined]) {
        const report = await createRecord(documenter, 'source', sourcePlain(person.id, { reportId, connection: 'victim', channelId }), {});
        assert.equal(await channelOf(report.id), FORM_CHANNEL_ID);
      }
    });

    it('refuses the form for another source, an unknown channel and a malformed id, storing nothing', async () => {
      const before = await count('sources');
      const post = async (channelId: unknown) => {
        const id = randomUUID();
          const secret = await sealed(id);
        return documenter.post('/api/records/source', { id, record: { ...sourcePlain(person.id), channelId, secret } });
      };
      assert.equal(await error(await post(FORM_CHANNEL_ID)), 'wrong-channel');
      assert.equal(await error(await post(randomUUID())), 'unknown-channel');
      assert.equal(await error(await post('lawyers')), 'bad-request');
      assert.equal(await count('sources'), before);
    });

    it('an edit keeps the channel; a different one is refused there (it has its own route)', async () => {
      const made = await createRecord(documenter, 'source', sourcePlain(person.id, { channelId: hotline.id }), { description: 'a caller' });
      const secret = await sealed(made.id);
      const edit = (extra: Record<string, unknown>) => documenter.post(`/api/records/source/${made.id}`, { version: 1, record: { ...sourcePlain(person.id, { reliability: 'A' }), ...extra, secret } });
      assert.equal(await error(await edit({ channelId: lawyers.id })), 'wrong-channel');
      assert.equal((await edit({ channelId: hotline.id })).status, 200);
      assert.equal(await channelOf(made.id), hotline.id);
      const edited = await source(made.id);
      assert.equal(edited.version, 2);
      assert.equal(edited.plain.reliability, 'A');
    });

    it('an edit points a report’s source from its incident at one person’s act, kept in the form; its history shows it', async () => {
      const incident = await createRecord(documenter, 'incident', { start: { date: '2026-11-02', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [], monitoringStatus: 'open' }, { title: 'Round-up' });
      const act = await createRecord(documenter, 'act', { incidentId: incident.id, personId: person.id, typeCode: '030101000000', start: { date: '2026-11-02', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeId: null }, {});
      const reportId = (await query<{ id: string }>(server, 'select id from reports'))[0]!.id;
      const made = await createRecord(documenter, 'source', sourcePlain(incident.id, { targetType: 'incident', reportId }), { description: 'Report #1' });
      const secret = await sealed(made.id);
      const edit = (target: Record<string, unknown>) => documenter.post(`/api/records/source/${made.id}`, { version: 1, record: { ...sourcePlain(incident.id, { reportId, channelId: FORM_CHANNEL_ID }), ...target, secret } });
      // An unknown act, an incident or a person named as an act, a target of no kind, another channel: 400, nothing changed.
      for (const target of [{ targetType: 'act', targetId: randomUUID() }, { targetType: 'act', targetId: incident.id }, { targetType: 'act', targetId: person.id }]) {
        assert.equal(await error(await edit(target)), 'unknown-reference', JSON.stringify(target));
      }
      assert.equal(await error(await edit({ targetType: 'report', targetId: act.id })), 'bad-request');
      assert.equal(await error(await edit({ targetType: 'act', targetId: 'not-an-id' })), 'bad-request');
      assert.equal(await error(await edit({ targetType: 'act', targetId: act.id, channelId: lawyers.id })), 'wrong-channel');
      const untouched = await source(made.id);
      assert.deepEqual([untouched.version, untouched.plain.targetType, untouched.plain.targetId], [1, 'incident', incident.id]);
      assert.equal((await query<{ n: number | string }>(server, `select count(*) as n from record_versions where record_id = '${made.id}'`))[0]!.n.toString(), '1');

      assert.equal((await edit({ targetType: 'act', targetId: act.id })).status, 200);
      assert.equal(await channelOf(made.id), FORM_CHANNEL_ID);
      const history = ((await (await documenter.get(`/api/records/source/${made.id}`)).json()) as { history: { version: number; plain: Record<string, unknown> }[] }).history;
      assert.deepEqual(history.map((h) => [h.version, h.plain.target_type, h.plain.target_id, h.plain.report_id]), [[1, 'incident', incident.id, reportId], [2, 'act', act.id, reportId]]);
    });

    it('coordinators move a source to another channel (a new version); reports stay in the form', async () => {
      const made = await createRecord(documenter, 'source', sourcePlain(person.id), { description: 'a neighbour' });
      const move = (member: LoggedIn, channelId: unknown, id = made.id) => member.post(`/api/sources/${id}/channel`, { channelId });
      assert.equal((await move(documenter, lawyers.id)).status, 403);
      assert.equal((await move(viewer, lawyers.id)).status, 403);
      assert.equal(await error(await move(coordinator, FORM_CHANNEL_ID)), 'wrong-channel');
      assert.equal(await error(await move(coordinator, randomUUID())), 'unknown-channel');
      assert.equal((await move(coordinator, 'x')).status, 400);
      assert.equal((await move(coordinator, lawyers.id, randomUUID())).status, 404);
      assert.equal((await source(made.id)).version, 1, 'nothing changed by the refusals');
      const moved = await move(coordinator, lawyers.id);
      assert.deepEqual(await moved.json(), { id: made.id, version: 2, channelId: lawyers.id });
      const history = ((await (await documenter.get(`/api/records/source/${made.id}`)).json()) as { history: { version: number; plain: Record<string, unknown> }[] }).history;
      assert.deepEqual(history.map((h) => [h.version, h.plain.channel_id]), [[1, null], [2, lawyers.id]]);
      assert.deepEqual(await (await move(admin, null)).json(), { id: made.id, version: 3, channelId: null });
      const [report] = await query<{ id: string }>(server, 'select id from sources where report_id is not null');
      assert.equal(await error(await move(coordinator, lawyers.id, report!.id)), 'wrong-channel');
      assert.equal(await error(await move(coordinator, FORM_CHANNEL_ID, report!.id)), 'wrong-channel');
      const audit = ((await (await admin.get('/api/audit')).json()) as { entries: { action: string; object: string; detail: unknown }[] }).entries;
      const changes = audit.filter((e) => e.action === 'source.channel-changed' && e.object === made.id).map((e) => e.detail as { version: number });
      assert.deepEqual(changes.sort((x, y) => x.version - y.version), [{ channel: lawyers.id, version: 2 }, { channel: null, version: 3 }]);
    });

    it('a retired channel stays on its sources but is not offered for new ones; restored, it is', async () => {
      const kept = await createRecord(documenter, 'source', sourcePlain(person.id, { channelId: hotline.id }), {});
      for (const member of [documenter, viewer]) assert.equal((await member.post(`/api/channels/${hotline.id}/retire`)).status, 403);
      assert.equal(await error(await coordinator.post(`/api/channels/${FORM_CHANNEL_ID}/retire`)), 'form-channel');
      assert.equal((await coordinator.post(`/api/channels/${randomUUID()}/retire`)).status, 404);
      const retired = ((await (await coordinator.post(`/api/channels/${hotline.id}/retire`)).json()) as { channel: ChannelView }).channel;
      assert.equal(retired.retired, true);
      assert.equal((await listChannels(viewer)).find((c) => c.id === hotline.id)!.retired, true);
      assert.equal(await channelOf(kept.id), hotline.id);
      const before = await count('sources');
      const id = randomUUID();
      const secret = await sealed(id);
      assert.equal(await error(await documenter.post('/api/records/source', { id, record: { ...sourcePlain(person.id), channelId: hotline.id, secret } })), 'unknown-channel');
      assert.equal(await count('sources'), before);
      // An edit of a source on a retired channel keeps it.
      const keptSecret = await sealed(kept.id);
      assert.equal((await documenter.post(`/api/records/source/${kept.id}`, { version: 1, record: { ...sourcePlain(person.id), channelId: hotline.id, secret: keptSecret } })).status, 200);
      assert.equal(await channelOf(kept.id), hotline.id);
      const restored = ((await (await admin.post(`/api/channels/${hotline.id}/restore`)).json()) as { channel: ChannelView }).channel;
      assert.deepEqual([restored.retired, restored.version], [false, retired.version + 1]);
      await createRecord(documenter, 'source', sourcePlain(person.id, { channelId: hotline.id }), {});
    });

    it('a merge keeps each source in its channel: the survivor is seen by both lists', async () => {
      const other = await createRecord(documenter, 'person', personPlain, { name: 'Kamran M.' });
      const a = await createRecord(documenter, 'source', sourcePlain(person.id, { channelId: lawyers.id }), {});
      const b = await createRecord(documenter, 'source', sourcePlain(other.id, { channelId: hotline.id }), {});
      const version = async (id: string) => ((await (await documenter.get(`/api/records/person/${id}`)).json()) as { record: { version: number } }).record.version;
      const merged = await documenter.post('/api/linkage/merges', { survivor: { id: person.id, version: await version(person.id) }, merged: { id: other.id, version: await version(other.id) } });
      assert.equal(merged.status, 201, await merged.clone().text());
      const rows = await query<{ id: string; target_id: string; channel_id: string }>(server, `select id, target_id, channel_id from sources where id in ('${a.id}', '${b.id}') order by channel_id`);
      assert.deepEqual(rows.map((r) => [r.id, r.target_id, r.channel_id]).sort(), [[a.id, person.id, lawyers.id], [b.id, person.id, hotline.id]].sort());
    });
  });

  describe(`a bundle's partner channel on ${backend}`, () => {
    let a: TestServer;
    let b: TestServer;
    let adminA: LoggedIn;
    let adminB: LoggedIn;
    let file: Uint8Array;

    before(async () => {
      [a, b] = await Promise.all([startTestServer(backend), startTestServer(backend)]);
      await Promise.all([setUpOrganization(a), setUpOrganization(b)]);
      [adminA, adminB] = await Promise.all([logIn(a), logIn(b)]);
      const seeded = await seedOrganization(adminA);
      ({ file } = await exportBundle(adminA, await partnerKeyOf(adminB), [seeded.incident.id]));
    });
    after(async () => {
      await Promise.all([a?.close(), b?.close()]);
    });

    const plan = async (channelId: string | null) => {
      const doc = await openBundle(file, adminB.keyring);
      const { entries } = (await (await adminB.get('/api/registry')).json()) as { entries: { id: string; kind: string; code: string }[] };
      return { ...(await planImport(doc, entries, await recordsKey(adminB))), channelId };
    };

    it('needs a partner channel still offered, and stores nothing otherwise', async () => {
      const media = await createChannel(adminB, 'media', 'Meydan TV monitoring');
      const retired = await createChannel(adminB, 'partner', 'An old partner');
      assert.equal((await adminB.post(`/api/channels/${retired.id}/retire`)).status, 200);
      assert.equal(await error(await adminB.post('/api/bundles/import', await plan(media.id))), 'wrong-channel');
      assert.equal(await error(await adminB.post('/api/bundles/import', await plan(FORM_CHANNEL_ID))), 'wrong-channel');
      assert.equal(await error(await adminB.post('/api/bundles/import', await plan(retired.id))), 'unknown-channel');
      assert.equal(await error(await adminB.post('/api/bundles/import', await plan(randomUUID()))), 'unknown-channel');
      for (const table of ['bundle_imports', 'sources', 'incidents', 'registry']) assert.deepEqual(await query(b, `select * from ${table}`), [], table);
    });

    it("puts every source it brings in the partner's channel, and remembers it for the bundle", async () => {
      const partner = await createChannel(adminB, 'partner', 'Test defenders');
      const response = await adminB.post('/api/bundles/import', await plan(partner.id));
      assert.equal(response.status, 200, await response.clone().text());
      const sources = await query<{ channel_id: string }>(b, 'select channel_id from sources');
      assert.equal(sources.length, 2);
      assert.ok(sources.every((s) => s.channel_id === partner.id));
      assert.deepEqual((await query<{ channel_id: string }>(b, 'select channel_id from bundle_imports')).map((r) => r.channel_id), [partner.id]);
      // Again (a retry): the bundle stays in its channel; another channel is refused.
      const other = await createChannel(adminB, 'partner', 'Someone else');
      assert.equal(await error(await adminB.post('/api/bundles/import', await plan(other.id))), 'wrong-channel');
      assert.equal((await adminB.post('/api/bundles/import', await plan(null))).status, 200);
      assert.deepEqual((await query<{ channel_id: string }>(b, 'select channel_id from bundle_imports')).map((r) => r.channel_id), [partner.id]);
    });
  });
}

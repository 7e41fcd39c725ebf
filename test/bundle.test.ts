// Bundles for a partner organization, on SQLite and PostgreSQL: org A's coordinator exports an
// incident sealed to org B's partner key (the same core functions the browser runs), org B's
// administrator imports it. Records, counts, opened fields and provenance match; identity travels
// only with consent; importing twice adds nothing; a changed, cut or misaddressed bundle is refused
// with nothing stored; both sides' audit logs record it, without content.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { apiGet, exportBundle, importBundle, partnerKeyOf, seedOrganization, type Seeded } from './support/partners.ts';
import { collectBundle } from '../src/core/bundle/collect.ts';
import { BundleError, openBundle, sealBundle } from '../src/core/bundle/envelope.ts';
import { parsePartnerKey, partnerFingerprint, PartnerKeyError } from '../src/core/bundle/partner-key.ts';
import { planImport } from '../src/core/bundle/plan.ts';
import { openFields } from '../src/core/records/sealing.ts';
import { recordsKey } from './support/records.ts';
import type { BundleDocument } from '../src/core/bundle/document.ts';
import type { ImportResult, ProvenanceView } from '../src/core/bundle/import-request.ts';
import { fingerprintOf } from '../src/core/crypto/fingerprint.ts';

type View = { id: string; code: string; plain: Record<string, unknown>; secret: never };
const RECORD_TABLES = ['incidents', 'persons', 'acts', 'detentions', 'transfers', 'involvements', 'sources', 'provenance', 'bundle_imports'];

async function counts(server: TestServer): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of RECORD_TABLES) out[table] = Number((await query<{ n: number }>(server, `select count(*) as n from ${table}`))[0]!.n);
  return out;
}

for (const backend of BACKENDS) {
  describe(`partner bundles on ${backend}`, () => {
    let a: TestServer;
    let b: TestServer;
    let adminA: LoggedIn;
    let coordinatorA: LoggedIn;
    let adminB: LoggedIn;
    let seeded: Seeded;
    let doc: BundleDocument;
    let file: Uint8Array;
    let result: ImportResult;

    before(async () => {
      [a, b] = await Promise.all([startTestServer(backend), startTestServer(backend)]);
      await Promise.all([setUpOrganization(a), setUpOrganization(b)]);
      [adminA, adminB] = await Promise.all([logIn(a), logIn(b)]);
      coordinatorA = await addMember(a, adminA, 'coordinator', 'coordinator@a.example');
      seeded = await seedOrganization(adminA);
    });
    after(async () => {
      await Promise.all([a?.close(), b?.close()]);
    });

    it("reads a partner key: the key id must match, and both sides compute the same fingerprint", async () => {
      const text = await partnerKeyOf(adminB);
      assert.match(text, /^vigil-partner-key\/1\.[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
      const parsed = await parsePartnerKey(`  ${text.slice(0, 30)}\n${text.slice(30)} `);
      const own = await recordsKey(adminB);
      assert.equal(parsed.keyId, own.keyId);
      assert.equal(await partnerFingerprint(parsed), await fingerprintOf(own.publicKey));
      for (const bad of ['', 'vigil-partner-key/1', text.slice(0, -2), text.replace(/\.[0-9a-f]{4}/, '.0000'), `${text}.x`, text.replace('/1.', '/2.')]) {
        await assert.rejects(parsePartnerKey(bad), PartnerKeyError, bad);
      }
    });

    it('exports an incident sealed to the partner key, and records the export in the audit log', async () => {
      ({ doc, file } = await exportBundle(coordinatorA, await partnerKeyOf(adminB), [seeded.incident.id]));
      assert.equal(doc.format, 'vigil-bundle/1');
      assert.equal(doc.organization.name, 'Test defenders');
      assert.match(doc.exportedOn, /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual(
        { incidents: doc.incidents.length, persons: doc.persons.length, acts: doc.acts.length, involvements: doc.involvements.length, sources: doc.sources.length },
        { incidents: 1, persons: 2, acts: 2, involvements: 1, sources: 2 },
      );
      assert.deepEqual(doc.incidents[0]!.originalCode, seeded.incident.code);
      // The identity rule: no consent to share, no identity — and gender identity never.
      const consenting = doc.persons.find((p) => p.originalId === seeded.consenting.id)!;
      const withheld = doc.persons.find((p) => p.originalId === seeded.withheld.id)!;
      assert.deepEqual(consenting.fields, { name: 'Orxan Məmmədov', contacts: '+994 50 000 00 01' });
      assert.equal(consenting.identityWithheld, false);
      assert.deepEqual(withheld.fields, {});
      assert.equal(withheld.identityWithheld, true);
      assert.equal(withheld.consentSharing, 'none');
      assert.deepEqual(doc.sources.find((s) => s.originalId === seeded.personSource.id)!.fields, {}, 'who spoke about him could name him');
      // Nothing of it is readable in the file.
      const text = Buffer.from(file).toString('latin1');
      for (const secret of ['Orxan', 'Hotel', 'hooliganism', 'binagadi', 'Test defenders', seeded.incident.code]) assert.ok(!text.includes(secret), secret);
      const { entries } = (await (await adminA.get('/api/audit')).json()) as { entries: { action: string; object: string; detail: Record<string, unknown> }[] };
      const made = entries.find((e) => e.action === 'export.made' && e.object === doc.bundleId)!;
      assert.deepEqual(made.detail, { format: 'vigil-bundle/1', partnerKey: (await recordsKey(adminB)).keyId, incidents: 1, persons: 2, acts: 2, detentions: 1, involvements: 1, sources: 2 });
      // Only those who speak for the organization may send bundles.
      const documenter = await addMember(a, adminA, 'documenter', 'doc@a.example');
      assert.equal((await documenter.post('/api/bundles/exported', { bundleId: doc.bundleId, partnerKeyId: '0'.repeat(16), counts: { incidents: 0, persons: 0, acts: 0, detentions: 0, involvements: 0, sources: 0 } })).status, 403);
    });

    it('refuses a bundle sealed to another key, a changed one and a cut one: a clear error, nothing stored', async () => {
      const before = await counts(b);
      const wrong = await sealBundle(doc, await parsePartnerKey(await partnerKeyOf(adminA)));
      await assert.rejects(openBundle(wrong, adminB.keyring), (e) => e instanceof BundleError && e.problem === 'wrong-key');
      const changed = file.slice();
      changed[changed.length - 100]! ^= 1;
      await assert.rejects(openBundle(changed, adminB.keyring), (e) => e instanceof BundleError && e.problem === 'damaged');
      await assert.rejects(openBundle(file.subarray(0, file.length - 700), adminB.keyring), (e) => e instanceof BundleError && e.problem === 'damaged');
      await assert.rejects(openBundle(new TextEncoder().encode('id,name\n1,x\n'), adminB.keyring), (e) => e instanceof BundleError && e.problem === 'not-a-bundle');
      assert.match(new BundleError('damaged').message, /Nothing was imported/);
      // A request that fails half-way (an act pointing nowhere) leaves nothing behind either.
      const opened = await openBundle(file, adminB.keyring);
      const { entries } = (await (await adminB.get('/api/registry')).json()) as { entries: { id: string; kind: string; code: string }[] };
      const plan = await planImport(opened, entries, await recordsKey(adminB));
      const act = plan.records.find((r) => r.type === 'act')!;
      (act.record as Record<string, unknown>).personId = crypto.randomUUID();
      const broken = await adminB.post('/api/bundles/import', plan);
      assert.equal(broken.status, 400);
      assert.equal(((await broken.json()) as { error: { code: string } }).error.code, 'unknown-reference');
      assert.equal((await adminB.post('/api/bundles/import', { ...plan, records: 'x' })).status, 400);
      assert.deepEqual(await counts(b), before);
      assert.equal((await query(b, 'select * from registry')).length, 0, 'no registry entry left over from the failed import');
    });

    it('imports on the partner: records, counts, opened fields and provenance match; identity only with consent', async () => {
      const response = await importBundle(adminB, file);
      assert.equal(response.status, 200, await response.clone().text());
      result = (await response.json()) as ImportResult;
      assert.deepEqual(result.created, { incident: 1, person: 2, act: 2, involvement: 1, source: 2 });
      assert.equal(result.skipped, 0);
      assert.equal(result.registryAdded, 6);
      const stored = await counts(b);
      assert.deepEqual(stored, { incidents: 1, persons: 2, acts: 2, detentions: 1, transfers: 1, involvements: 1, sources: 2, provenance: 8, bundle_imports: 1 });

      const get = apiGet(adminB);
      const idOf = (made: { id: string }) => result.ids[made.id]!;
      const incident = ((await get(`/api/records/incident/${idOf(seeded.incident)}`)) as { record: View }).record;
      assert.deepEqual(await openFields(incident.secret, 'incident', incident.id, adminB.keyring), { title: 'Hotel entrapment, Binagadi', description: 'Two men arrested on arrival at a hotel.' });
      assert.equal(incident.plain.monitoringStatus, 'verified');
      assert.equal(incident.plain.dateStart, '2026-11-01');
      const consenting = ((await get(`/api/records/person/${idOf(seeded.consenting)}`)) as { record: View }).record;
      assert.deepEqual(await openFields(consenting.secret, 'person', consenting.id, adminB.keyring), { name: 'Orxan Məmmədov', contacts: '+994 50 000 00 01' });
      const withheld = ((await get(`/api/records/person/${idOf(seeded.withheld)}`)) as { record: View }).record;
      assert.deepEqual(await openFields(withheld.secret, 'person', withheld.id, adminB.keyring), {}, 'no identity for a person who did not consent');
      assert.equal(withheld.plain.consentSharing, 'none');
      assert.equal(withheld.plain.reprisalRisk, 'high');
      // The detention on the partner's side: same decision, expected release computed again, the transfer kept.
      const detention = (await get(`/api/acts/${idOf(seeded.detention)}/detention`)) as { detention: Record<string, unknown>; transfers: { onDay: string; atTime: string; toPlaceId: string }[] };
      assert.equal(detention.detention.expectedRelease, '2026-12-01');
      assert.equal(detention.detention.appealDeadline, '2026-11-12');
      assert.equal(detention.detention.chargedArticle, '510', 'the article charged under travels with the detention');
      assert.deepEqual(detention.transfers.map((t) => [t.onDay, t.atTime]), [['2026-11-03', '09:15']]);
      const { entries } = (await get('/api/registry')) as { entries: { id: string; code: string }[] };
      assert.equal(entries.find((e) => e.id === detention.transfers[0]!.toPlaceId)!.code, 'umbaki');
      const eviction = ((await get(`/api/records/act/${idOf(seeded.eviction)}`)) as { record: View }).record;
      assert.equal(eviction.plain.typeCode, '990301000000', 'a local act type arrives with its registry entry');
      // Everything B made is B's: the ids are new, sealed to B's records key.
      assert.notEqual(incident.id, seeded.incident.id);
      assert.equal((incident.secret as { keyId: string }).keyId, (await recordsKey(adminB)).keyId);

      // Provenance: the partner's code, the day; who sent it opens only with the records key.
      const { provenance } = (await get(`/api/provenance/${incident.id}`)) as { provenance: ProvenanceView };
      assert.equal(provenance.originalCode, seeded.incident.code);
      assert.equal(provenance.bundleId, doc.bundleId);
      assert.deepEqual(await openFields(provenance.origin, 'bundle', provenance.bundleId, adminB.keyring), { organization: 'Test defenders', exportedOn: doc.exportedOn });
      assert.deepEqual(((await get(`/api/provenance/${withheld.id}`)) as { provenance: ProvenanceView }).provenance.originalCode, seeded.withheld.code);
      const [row] = await query<{ sealed: Uint8Array }>(b, 'select sealed from bundle_imports');
      assert.ok(!Buffer.from(row!.sealed).toString('latin1').includes('Test defenders'), 'the partner\u2019s name is sealed');
      // The audit log: who imported which bundle, the counts, no content.
      const { entries: audit } = (await (await adminB.get('/api/audit')).json()) as { entries: { action: string; object: string; detail: Record<string, unknown> }[] };
      const imported = audit.find((e) => e.action === 'bundle.imported')!;
      assert.equal(imported.object, doc.bundleId);
      assert.deepEqual(imported.detail, { incidents: 1, persons: 2, acts: 2, detentions: 1, involvements: 1, sources: 2, skipped: 0, registry: 6 });
    });

    it('importing the same bundle again adds nothing', async () => {
      const before = await counts(b);
      assert.deepEqual(((await (await adminB.get(`/api/bundles/${doc.bundleId}`)).json()) as { imported: number }).imported, 8);
      const again = await importBundle(adminB, file);
      assert.equal(again.status, 200);
      const second = (await again.json()) as ImportResult;
      assert.deepEqual(second.created, { incident: 0, person: 0, act: 0, involvement: 0, source: 0 });
      assert.equal(second.skipped, 8);
      assert.deepEqual(second.ids, result.ids, 'the originals map to the records made the first time');
      assert.deepEqual(await counts(b), before);
    });

    it('two members importing the same new bundle at once make one copy, never a 500', async () => {
      const { file: fresh } = await exportBundle(coordinatorA, await partnerKeyOf(adminB), [seeded.incident.id]);
      const before = await counts(b);
      const coordinatorB = await addMember(b, adminB, 'coordinator', 'coordinator@b.example');
      const statuses = (await Promise.all([importBundle(adminB, fresh), importBundle(coordinatorB, fresh)])).map((r) => r.status);
      assert.ok(statuses.includes(200) && statuses.every((s) => s === 200 || s === 409), String(statuses));
      const retry = (await (await importBundle(coordinatorB, fresh)).json()) as ImportResult;
      assert.equal(retry.skipped, 8);
      const after = await counts(b);
      assert.equal(after.incidents, before.incidents! + 1, 'a new bundle of the same incident is a new copy, made once');
      assert.equal(after.bundle_imports, before.bundle_imports! + 1);
    });

    it('a purged record stays purged when the bundle comes again; one missing from an earlier import is made, pointing at what is there', async () => {
      const withheldId = result.ids[seeded.withheld.id]!;
      const evictionId = result.ids[seeded.eviction.id]!;
      const code = ((await (await adminB.get(`/api/records/act/${evictionId}`)).json()) as { record: View }).record.code;
      assert.equal((await adminB.post(`/api/records/act/${evictionId}/purge`, { confirm: code })).status, 204);
      assert.deepEqual(await query(b, `select original_code from provenance where record_id = '${evictionId}'`), [{ original_code: '' }], 'the partner\u2019s code for it goes with it');
      const repeat = (await (await importBundle(adminB, file)).json()) as ImportResult;
      assert.deepEqual(repeat.created, { incident: 0, person: 0, act: 0, involvement: 0, source: 0 }, 'its provenance row keeps a re-import from restoring it');
      // Without that row (as if the earlier import had not made it), only the missing act is made.
      await query(b, `delete from provenance where record_id = '${evictionId}'`);
      const again = (await (await importBundle(adminB, file)).json()) as ImportResult;
      assert.deepEqual(again.created, { incident: 0, person: 0, act: 1, involvement: 0, source: 0 });
      const act = ((await (await adminB.get(`/api/records/act/${again.ids[seeded.eviction.id]}`)).json()) as { record: View }).record;
      assert.equal(act.plain.personId, withheldId);
      assert.equal(act.plain.incidentId, result.ids[seeded.incident.id]);
    });

    it('shares a merged person only as the most careful of their records allows: no identity once a "none" record is merged in, again after the undo', async () => {
      const version = async (id: string) => ((await (await coordinatorA.get(`/api/records/person/${id}`)).json()) as { record: { version: number } }).record.version;
      const collect = () => collectBundle(apiGet(coordinatorA), coordinatorA.keyring, { incidentIds: [seeded.incident.id], organization: 'x' });
      const merged = await coordinatorA.post('/api/linkage/merges', { survivor: { id: seeded.consenting.id, version: await version(seeded.consenting.id) }, merged: { id: seeded.withheld.id, version: await version(seeded.withheld.id) } });
      assert.equal(merged.status, 201, await merged.clone().text());
      const mergedDoc = await collect();
      assert.deepEqual(mergedDoc.persons.map((p) => [p.originalId, p.identityWithheld, p.consentSharing, p.fields]), [[seeded.consenting.id, true, 'none', {}]], 'one person, shared without identity');
      assert.deepEqual(mergedDoc.acts.map((act) => act.person), [seeded.consenting.id, seeded.consenting.id]);
      assert.deepEqual(mergedDoc.sources.find((source) => source.originalId === seeded.personSource.id)!.fields, {}, 'who spoke about them could name them');

      const { id } = (await merged.json()) as { id: string };
      assert.equal((await coordinatorA.post(`/api/linkage/merges/${id}/undo`, {})).status, 200);
      const undoneDoc = await collect();
      const consenting = undoneDoc.persons.find((p) => p.originalId === seeded.consenting.id)!;
      assert.deepEqual([consenting.identityWithheld, consenting.consentSharing, consenting.fields], [false, 'un', { name: 'Orxan Məmmədov', contacts: '+994 50 000 00 01' }]);
      assert.equal(undoneDoc.persons.find((p) => p.originalId === seeded.withheld.id)!.identityWithheld, true);
    });

    it('collects only what the exporting member can open, and refuses roles that do not speak for the organization', async () => {
      const viewer = await addMember(b, adminB, 'viewer', 'viewer@b.example');
      assert.equal((await viewer.get(`/api/bundles/${doc.bundleId}`)).status, 403);
      assert.equal((await viewer.post('/api/bundles/import', {})).status, 403);
      assert.equal((await viewer.get(`/api/provenance/${result.ids[seeded.incident.id]}`)).status, 200, 'everyone sees where a record came from (the partner\u2019s name stays sealed)');
      await assert.rejects(collectBundle(apiGet(viewer), viewer.keyring, { incidentIds: [result.ids[seeded.incident.id]!], organization: 'x' }));
    });
  });
}

// Evidence through the API, on SQLite and PostgreSQL: a reporter with JavaScript off adds a photo
// with EXIF GPS and a PDF to their report; the working copy comes out stripped, the original
// unaltered and hash-verified; a documenter attaches a file to a record; the custody log records
// every opening; nothing readable is stored; bad input gets a clear 4xx.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, codenameIn, logIn, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { findPlaintext, query } from './support/db.ts';
import { fromBase64Url, toBase64Url } from '../src/core/crypto/bytes.ts';
import { encodeParts } from '../src/core/api/parts-frame.ts';
import { openAttachmentKey, openAttachmentMeta, openAttachmentPart, openCustodyDetail, openVerifiedOriginal, sealAttachment, sealCustodyDetail, sha256Hex } from '../src/core/evidence/attachment.ts';
import type { OrgKeyView } from '../src/core/api/keys.ts';

const ATTACHMENT_TYPE = 'application/vnd.vigil.attachment';

async function photoWithGps(): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 64, height: 48, channels: 3, background: 'red' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'SecretPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 23/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '49/1 52/1 0/1' } })
      .toBuffer(),
  );
}
const hasGpsPointer = (exif: Buffer | undefined) => !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Author (Jane Witness) >> endobj\n%%EOF\n');

async function currentKey(member: LoggedIn, purpose: 'intake' | 'records') {
  const { keys } = (await (await member.get('/api/keys')).json()) as { keys: OrgKeyView[] };
  const key = keys.find((k) => k.purpose === purpose && k.current)!;
  return { keyId: key.keyId, publicKey: fromBase64Url(key.publicKey)! };
}

function upload(server: TestServer, codename: string, files: { name: string; type: string; bytes: Uint8Array }[], lang = 'en'): Promise<Response> {
  const form = new FormData();
  form.set('lang', lang);
  form.set('codename', codename);
  for (const f of files) form.append('files', new Blob([f.bytes as BlobPart], { type: f.type }), f.name);
  return fetch(`${server.url}/status/evidence?lang=${lang}`, { method: 'POST', body: form });
}

interface Listed {
  id: string;
  keyId: string;
  keyEnvelope: string;
  meta: string;
  hasWorkingCopy: boolean;
  fromReporter: boolean;
  createdAt: string;
}

for (const backend of BACKENDS) {
  describe(`evidence on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let documenter: LoggedIn;
    let viewer: LoggedIn;
    let codename: string;
    let reportId: string;
    let photo: Uint8Array;
    let listed: Listed[];

    before(async () => {
      server = await startTestServer(backend, { VIGIL_ATTACHMENT_MB: '1' });
      await setUpOrganization(server);
      admin = await logIn(server);
      documenter = await addMember(server, admin, 'documenter', 'doc@example.org');
      viewer = await addMember(server, admin, 'viewer', 'viewer@example.org');
      const response = await postForm(server, '/report?lang=en', [['story', 'They searched my phone at the station.'], ['stillHeld', 'no']]);
      codename = codenameIn(await response.text());
      reportId = (await query<{ id: string }>(server, 'select id from reports'))[0]!.id;
      photo = await photoWithGps();
    });
    after(async () => {
      await server?.close();
    });

    it('offers the evidence form on the receipt, with JavaScript off', async () => {
      const receipt = await (await postForm(server, '/report?lang=ru', [['story', 'Второе сообщение'], ['stillHeld', 'no']])).text();
      assert.match(receipt, /enctype="multipart\/form-data"/);
      assert.match(receipt, /Добавить фото или документы/);
    });

    it('takes a photo and a PDF from the reporter: sealed in memory, stored only encrypted', async () => {
      assert.ok(hasGpsPointer((await sharp(photo).metadata()).exif), 'the test photo carries GPS');
      const response = await upload(server, codename, [
        { name: 'IMG_0042.jpg', type: 'image/jpeg', bytes: photo },
        { name: 'statement.pdf', type: 'application/pdf', bytes: PDF },
      ]);
      assert.equal(response.status, 200);
      assert.match(await response.text(), /Received 2 file/);
      const rows = await query<{ created_at: string; created_by: string | null }>(server, 'select created_at, created_by from attachments');
      assert.equal(rows.length, 2);
      for (const r of rows) {
        assert.match(r.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:00Z$/, 'a reporter’s upload is timed to the hour');
        assert.equal(r.created_by, null);
      }
      assert.deepEqual(await findPlaintext(server, ['SecretPhone', 'PhoneMaker', 'Jane Witness', 'IMG_0042', 'statement.pdf']), []);
    });

    it('the working copy is stripped; the original is unaltered and matches the hash taken at receipt', async () => {
      ({ attachments: listed } = (await (await documenter.get(`/api/attachments?ownerId=${reportId}`)).json()) as { attachments: Listed[] });
      assert.equal(listed.length, 2);
      const intake = { privateKey: documenter.keyring.get(listed[0]!.keyId)!, keyId: listed[0]!.keyId };
      const key = await openAttachmentKey(fromBase64Url(listed[0]!.keyEnvelope)!, intake);
      const meta = await openAttachmentMeta(key, listed[0]!.id, fromBase64Url(listed[0]!.meta)!);
      assert.equal(meta.name, 'IMG_0042.jpg');
      assert.equal(meta.stripped, 'image-reencoded');
      assert.equal(meta.sha256, await sha256Hex(photo));

      const working = await openAttachmentPart(key, listed[0]!.id, 'working', new Uint8Array(await (await documenter.get(`/api/attachments/${listed[0]!.id}/working`)).arrayBuffer()));
      const workingMeta = await sharp(working).metadata();
      assert.equal(workingMeta.exif, undefined, 'no EXIF (GPS, device) in the working copy');
      assert.equal(workingMeta.width, 64);
      assert.ok(!Buffer.from(working).includes('SecretPhone'));
      assert.equal(await sha256Hex(working), meta.workingSha256);

      const original = await openVerifiedOriginal(key, listed[0]!.id, meta, new Uint8Array(await (await documenter.get(`/api/attachments/${listed[0]!.id}/original`)).arrayBuffer()));
      assert.ok(original.verified, 'the original matches the hash recorded at receipt');
      assert.deepEqual(original.bytes, photo, 'byte for byte');

      // A PDF: no working copy (only the encrypted original), and the workspace is told so.
      const pdfKey = await openAttachmentKey(fromBase64Url(listed[1]!.keyEnvelope)!, intake);
      const pdfMeta = await openAttachmentMeta(pdfKey, listed[1]!.id, fromBase64Url(listed[1]!.meta)!);
      assert.equal(pdfMeta.stripped, 'none');
      assert.equal(listed[1]!.hasWorkingCopy, false);
      assert.equal((await documenter.get(`/api/attachments/${listed[1]!.id}/working`)).status, 404);
      // Parts cannot be swapped: the working copy does not open as the original.
      await assert.rejects(openAttachmentPart(key, listed[0]!.id, 'original', working));
    });

    it('logs custody: received, viewed, opened, verified — with the hashes sealed', async () => {
      const intake = { privateKey: documenter.keyring.get(listed[0]!.keyId)!, keyId: listed[0]!.keyId };
      const publicKey = (await currentKey(documenter, 'intake')).publicKey;
      const detail = await sealCustodyDetail({ publicKey, keyId: listed[0]!.keyId }, { sha256: await sha256Hex(photo) });
      assert.equal((await documenter.post(`/api/attachments/${listed[0]!.id}/custody`, { action: 'verified', detail: toBase64Url(detail) })).status, 204);
      assert.equal((await viewer.post(`/api/attachments/${listed[0]!.id}/custody`, { action: 'verified', detail: null })).status, 403);
      assert.equal((await viewer.get(`/api/attachments/${listed[0]!.id}/original`)).status, 403, 'viewers see working copies only');
      const { entries } = (await (await admin.get(`/api/attachments/${listed[0]!.id}/custody`)).json()) as { entries: { action: string; by: string; detail: string | null }[] };
      assert.deepEqual(entries.map((e) => [e.action, e.by]), [['received', 'the reporter'], ['viewed-working', 'doc@example.org'], ['opened-original', 'doc@example.org'], ['verified', 'doc@example.org']]);
      assert.equal((await openCustodyDetail(fromBase64Url(entries[0]!.detail!)!, intake)).sha256, await sha256Hex(photo), 'the receipt entry holds the hash taken on arrival');
    });

    it('takes a documenter’s attachment to a record, sealed to the records key', async () => {
      const incidentId = randomUUID();
      await query(server, `insert into incidents (id, key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by, date_start_precision, date_end_precision, place_ids, monitoring_status) values ('${incidentId}', 'x', ${backend === 'sqlite' ? "x'00'" : "'\\x00'"}, ${backend === 'sqlite' ? "x'00'" : "'\\x00'"}, 1, 'now', 'x', 'now', 'x', 'unknown', 'unknown', '[]', 'open')`);
      const records = await currentKey(documenter, 'records');
      const id = randomUUID();
      const file = { name: 'court-decision.jpg', type: 'image/jpeg', bytes: photo };
      const sealed = await sealAttachment(id, file, { type: 'image/jpeg', bytes: new Uint8Array(await sharp(photo).jpeg().toBuffer()) }, records);
      const body = (header: Record<string, unknown>, s = sealed) => encodeParts({ id, ownerType: 'incident', ownerId: incidentId, keyId: s.keyId, size: photo.length, ...header }, [s.keyEnvelope, s.meta, s.original, s.working, s.receipt]);
      const send = (bytes: Uint8Array, member = documenter) => fetch(`${server.url}/api/attachments`, { method: 'POST', headers: { cookie: member.cookie, 'content-type': ATTACHMENT_TYPE, 'x-vigil-request': '1' }, body: bytes as BodyInit });
      assert.equal((await send(body({}), viewer)).status, 403);
      assert.equal((await send(body({ ownerId: randomUUID() }))).status, 400, 'an unknown record');
      const toIntake = await sealAttachment(id, file, null, await currentKey(documenter, 'intake'));
      assert.equal((await send(body({}, toIntake))).status, 409, 'a record’s evidence must be sealed to the records key');
      assert.equal((await send(new Uint8Array([1, 0, 0, 0, 9, 1, 2]))).status, 400);
      assert.equal((await send(body({}))).status, 201);
      assert.equal((await send(body({}))).status, 409, 'the same id twice');
      const { attachments } = (await (await documenter.get(`/api/attachments?ownerId=${incidentId}`)).json()) as { attachments: Listed[] };
      assert.equal(attachments.length, 1);
      assert.equal(attachments[0]!.fromReporter, false);
    });

    it('refuses bad evidence with a clear message and stores nothing', async () => {
      const before = Number((await query<{ n: number }>(server, 'select count(*) as n from attachments'))[0]!.n);
      // One digit wrong: the check digit catches every single-digit error.
      const typo = await upload(server, codename.slice(0, -1) + String((Number(codename.at(-1)) + 1) % 10), [{ name: 'a.jpg', type: 'image/jpeg', bytes: photo }], 'az');
      assert.equal(typo.status, 400);
      assert.match(await typo.text(), /class="error"/);
      const none = await upload(server, codename, []);
      assert.equal(none.status, 400);
      const big = await upload(server, codename, [{ name: 'big.bin', type: 'application/octet-stream', bytes: new Uint8Array(1024 * 1024 + 10) }]);
      assert.equal(big.status, 413);
      const plain = await fetch(`${server.url}/status/evidence`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `codename=${codename}` });
      assert.ok([400, 415].includes(plain.status), String(plain.status));
      assert.equal((await documenter.get('/api/attachments?ownerId=nope')).status, 400);
      assert.equal(Number((await query<{ n: number }>(server, 'select count(*) as n from attachments'))[0]!.n), before);
    });
  });
}

// The backup file format alone (src/core/backup), no database: a body survives the round trip byte
// for byte; a part cut off, moved, altered or added, and a file sealed to another organization's
// backup key, are each caught and named.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { ByteReader, PART_BYTES, encodeHeader, openParts, readHeader, sealParts } from '../src/core/backup/file.ts';
import { newBackupHeader, openContentKey, backupKeyFromPassphrase } from '../src/core/backup/unlock.ts';
import { BackupError, type BackupProblem } from '../src/core/backup/errors.ts';
import { decodeRow, encodeRow } from '../src/core/backup/values.ts';
import { generateKeyPair, keyIdOf } from '../src/core/crypto/keys.ts';
import { randomBytes } from 'node:crypto';
import { concat, fromBase64Url } from '../src/core/crypto/bytes.ts';
import { Keyring, prepareMember, grantsFor } from '../src/core/keyring.ts';

const PASSPHRASE = 'a long administrator passphrase';

async function* chunksOf(bytes: Uint8Array, size = 64 * 1024) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for await (const piece of source) pieces.push(piece);
  return concat(...pieces);
}

describe('the backup file format', () => {
  const body = new Uint8Array(randomBytes(PART_BYTES * 2 + 12345));
  let file: Uint8Array;
  let backupPrivateKey: Uint8Array;
  /** Where each part starts, to cut and move them. */
  let parts: { start: number; end: number }[];

  let contentKey: CryptoKey;

  /** Opens a file as `vigil restore` would (the content key, opened once with the passphrase, is kept: Argon2id is slow). */
  async function open(bytes: Uint8Array): Promise<Uint8Array> {
    const reader = new ByteReader(chunksOf(bytes));
    const { binding } = await readHeader(reader);
    return collect(openParts(reader, contentKey, binding));
  }
  const refused = (bytes: Uint8Array, problem: BackupProblem, where?: RegExp) =>
    assert.rejects(open(bytes), (error: unknown) => error instanceof BackupError && error.problem === problem && (!where || where.test(error.message)));

  before(async () => {
    const backup = await generateKeyPair();
    backupPrivateKey = backup.privateKey;
    const admin = await prepareMember('admin@example.org', PASSPHRASE);
    const keyId = await keyIdOf(backup.publicKey);
    const [grant] = await grantsFor(fromBase64Url(admin.publicKey)!, Keyring.of([{ keyId, purpose: 'backup', privateKey: backup.privateKey }]));
    const slot = { member: admin.id, kdf: admin.kdf, publicKey: admin.publicKey, wrappedPrivateKey: admin.wrappedPrivateKey, grant: grant!.sealed };
    const made = await newBackupHeader({ backupKey: { publicKey: backup.publicKey, keyId }, administrators: [slot], kit: null });
    const encoded = await encodeHeader(made.header);
    const sealed: Uint8Array[] = [];
    for await (const part of sealParts(chunksOf(body), made.contentKey, encoded.binding)) sealed.push(part);
    file = concat(encoded.bytes, ...sealed);
    const { header: read } = await readHeader(new ByteReader(chunksOf(file)));
    contentKey = await openContentKey(read, (await backupKeyFromPassphrase(read, PASSPHRASE)).backupKey);
    let at = encoded.bytes.length;
    parts = sealed.map((p) => ({ start: at, end: (at += p.length) }));
  });

  it('gives back the body byte for byte, its size rounded up (Padmé), its header a whole block and every part the same length', async () => {
    assert.deepEqual(await open(file), body);
    assert.equal(parts[0]!.start % 4096, 0);
    assert.ok(parts.length >= 3);
    assert.deepEqual(new Set(parts.map((p) => p.end - p.start)).size, 1, 'the last data part is as long as the others');
  });

  it('names a file cut at a part boundary or mid-part, a part altered, moved or added after the last', async () => {
    await refused(file.subarray(0, parts.at(-1)!.start), 'truncated');
    await refused(file.subarray(0, parts[1]!.end - 10), 'truncated', /in part 2/);
    const altered = new Uint8Array(file);
    altered[parts[1]!.start + 100]! ^= 0x40;
    await refused(altered, 'altered', /part 2/);
    const [first, second] = [file.subarray(parts[0]!.start, parts[0]!.end), file.subarray(parts[1]!.start, parts[1]!.end)];
    await refused(concat(file.subarray(0, parts[0]!.start), second, first, file.subarray(parts[1]!.end)), 'reordered', /part 2 is where part 1 belongs/);
    await refused(concat(file, file.subarray(parts[0]!.start, parts[0]!.end)), 'altered', /after its last part/);
    await refused(new TextEncoder().encode('VIGILBAK'), 'truncated', /header/);
    await refused(new TextEncoder().encode('PK\u0003\u0004 a zip file'), 'not-a-backup');
  });

  it('names a file whose content key is sealed to another backup key than its slots grant (foreign), and a wrong passphrase', async () => {
    const reader = new ByteReader(chunksOf(file));
    const { header } = await readHeader(reader);
    const stranger = await generateKeyPair();
    const foreign = await newBackupHeader({ backupKey: { publicKey: stranger.publicKey, keyId: await keyIdOf(stranger.publicKey) }, administrators: header.administrators, kit: null });
    await assert.rejects(openContentKey(foreign.header, backupPrivateKey), (e: unknown) => e instanceof BackupError && e.problem === 'foreign');
    await assert.rejects(backupKeyFromPassphrase(header, 'not the passphrase'), (e: unknown) => e instanceof BackupError && e.problem === 'wrong-passphrase');
    assert.equal((await openContentKey(header, backupPrivateKey)).type, 'secret', 'its own backup key opens it');
  });

  it('keeps every value exact, PostgreSQL bigint text as an integer', () => {
    const values = [null, 'Ağdam — «text»', new Uint8Array([0, 255, 7]), 42, -7, 1.5, '9007199254740993'];
    assert.deepEqual(decodeRow(encodeRow(values, ['other', 'other', 'other', 'integer', 'integer', 'other', 'integer']), values.length), [null, 'Ağdam — «text»', new Uint8Array([0, 255, 7]), 42, -7, 1.5, '9007199254740993']);
    assert.deepEqual(decodeRow(encodeRow(['12'], ['integer']), 1), [12]);
    assert.throws(() => decodeRow(encodeRow([1, 2]), 3), (e: unknown) => e instanceof BackupError && e.problem === 'altered');
  });
});

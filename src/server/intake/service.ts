// Storing reports. The server only ever holds sealed envelopes: either the reporter's browser
// sealed it, or (no JavaScript) we seal it here in memory before anything is written.
import { randomUUID, scrypt as scryptCallback } from 'node:crypto';
import { promisify } from 'node:util';
import { GroupCommit } from '../storage/group-commit.ts';
import type { VigilContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { EnvelopeError } from '../../core/crypto/errors.ts';
import { SealedKind, inspectSealed, sealTo } from '../../core/crypto/sealed.ts';
import { newCodename } from '../../core/crypto/codename.ts';
import { reporterKeyPair } from '../../core/crypto/reporter-key.ts';
import { STATUS_KEY_PARAMS } from '../../core/crypto/status-key.ts';
import { utf8 } from '../../core/crypto/bytes.ts';
import type { ReportAnswers } from '../../core/report/answers.ts';

const scrypt = promisify(scryptCallback) as (pw: string, salt: string, len: number, opts: object) => Promise<Buffer>;

/** The same function as statusKeyOf in core (hash-wasm), with Node's native scrypt for speed. */
export function serverStatusKey(codenameDigits: string): Promise<Buffer> {
  const { N, r, p, length, salt } = STATUS_KEY_PARAMS;
  return scrypt(codenameDigits, salt, length, { N, r, p });
}

/** Stored to the hour: fine enough to count by day, too coarse to match against other logs. */
export const currentHour = (now = new Date()): string => `${now.toISOString().slice(0, 13)}:00Z`;

interface NewReport {
  id: string;
  key_id: string;
  envelope: Uint8Array;
  received_hour: string;
  status_lookup: string;
  reporter_key: Uint8Array | null;
}

export function createIntake(vigil: VigilContext) {
  const writes = new GroupCommit<NewReport>(async (rows) => {
    await vigil.storage.db.transaction().execute((trx) => trx.insertInto('reports').values(rows).execute());
  });

  async function store(envelope: Uint8Array, keyId: string, statusKey: Uint8Array, reporterKey: Uint8Array | null): Promise<{ receivedHour: string }> {
    const received_hour = currentHour();
    await writes.add({
      id: randomUUID(),
      key_id: keyId,
      envelope,
      received_hour,
      status_lookup: vigil.secret.keyedHash('status', statusKey),
      reporter_key: reporterKey,
    });
    return { receivedHour: received_hour };
  }

  return {
    /** JS path: the browser sealed the report and computed the status key from its codename. */
    async storeSealed(envelope: Uint8Array, statusKey: Uint8Array, reporterKey: Uint8Array | null) {
      const key = await vigil.intakeKey();
      if (!key) throw new HttpError(503, 'not-ready');
      let keyId: string;
      try {
        keyId = inspectSealed(envelope, SealedKind.report).keyId;
      } catch (error) {
        if (error instanceof EnvelopeError) throw new HttpError(error.code === 'too-large' ? 413 : 400, error.code === 'too-large' ? 'too-large' : 'bad-envelope');
        throw error;
      }
      // Sealed to a key we no longer (or never) hold: the page was stale; nobody could read it.
      if (keyId !== key.keyId) throw new HttpError(409, 'stale-key');
      if (statusKey.length !== STATUS_KEY_PARAMS.length) throw new HttpError(400, 'bad-envelope');
      if (reporterKey && reporterKey.length !== 32) throw new HttpError(400, 'bad-envelope');
      return store(envelope, keyId, statusKey, reporterKey);
    },

    /** No-JS path: seal in memory, then forget the plaintext. */
    async sealAndStore(answers: ReportAnswers) {
      const key = await vigil.intakeKey();
      if (!key) throw new HttpError(503, 'not-ready');
      const codename = newCodename();
      const [envelope, statusKey, reporter] = await Promise.all([
        sealTo(SealedKind.report, key, utf8(JSON.stringify(answers))),
        serverStatusKey(codename),
        reporterKeyPair(codename),
      ]);
      reporter.privateKey.fill(0);
      const { receivedHour } = await store(envelope, key.keyId, statusKey, reporter.publicKey);
      return { codename, receivedHour };
    },
  };
}

export type Intake = ReturnType<typeof createIntake>;

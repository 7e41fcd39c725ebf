// The opened-report cache. Opening a report's HPKE envelope costs ~0.1 ms of a core (X25519 and
// HKDF); 100,000 of them on every login is most of a minute of CPU on a small laptop. So the first
// member who opens a report stores its answers again, AES-256-GCM under a key derived from the same
// intake private key (HKDF), and later logins decrypt that (~0.02 ms) instead.
//
//   intake private key --HKDF-SHA256 (salt "vigil/report-cache/v1", info key id)--> cache key
//   cache key --AES-256-GCM (wrapped v1, kind 6; context = report id)--> the answers as JSON
//
// Whoever holds the intake key holds the cache key: the cache reveals nothing the envelope does
// not. What it adds is a way for one member to show others different answers. So the server keeps
// the first copy written (never overwritten), and every workspace re-opens the real envelopes in
// the background after the inbox is shown, replacing and flagging any copy that does not match.
import { fromUtf8, utf8 } from '../crypto/bytes.ts';
import { WrappedKind, unwrapSecret, wrapSecret } from '../crypto/wrapped.ts';

const SALT = utf8('vigil/report-cache/v1');

export async function reportCacheKey(intakePrivateKey: Uint8Array, keyId: string): Promise<CryptoKey> {
  const ikm = await crypto.subtle.importKey('raw', intakePrivateKey as BufferSource, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: SALT as BufferSource, info: utf8(keyId) as BufferSource }, ikm, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const context = (reportId: string) => `vigil/report-cache/v1/${reportId}`;

export function sealReportCache(key: CryptoKey, reportId: string, answersJson: string): Promise<Uint8Array> {
  return wrapSecret(WrappedKind.reportCache, key, utf8(answersJson), context(reportId));
}

export async function openReportCache(key: CryptoKey, reportId: string, blob: Uint8Array): Promise<string> {
  return fromUtf8(await unwrapSecret(WrappedKind.reportCache, key, blob, context(reportId)));
}

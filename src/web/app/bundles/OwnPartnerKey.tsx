// This organization's partner key: what a partner needs to seal a bundle to us, and its
// fingerprint to read to them by phone or in person.
import { useEffect, useState } from 'preact/hooks';
import type { Vault } from '../vault.ts';
import { fetchOrgKey } from '../org-key.ts';
import { formatPartnerKey, partnerFingerprint } from '../../../core/bundle/partner-key.ts';
import { Feedback } from '../Feedback.tsx';

export function OwnPartnerKey({ vault }: { vault: Vault }) {
  const [key, setKey] = useState<{ text: string; fingerprint: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchOrgKey('records', vault.keyring)
      .then(async (k) => setKey({ text: formatPartnerKey(k), fingerprint: await partnerFingerprint(k) }))
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <section aria-labelledby="own-key-heading">
      <h2 id="own-key-heading">Our partner key</h2>
      <p>Give this key to a partner organization so they can send you records. It is public: it only lets them seal bundles that your team alone can open.</p>
      <Feedback error={error} />
      {key && (
        <>
          <label for="own-partner-key">Partner key</label>
          <textarea id="own-partner-key" readOnly rows={3} value={key.text} onFocus={(e) => e.currentTarget.select()} />
          <p>
            Fingerprint, to read to the partner by phone or in person: <strong data-own-fingerprint>{key.fingerprint}</strong>
          </p>
        </>
      )}
    </section>
  );
}

// This organization's partner key: what a partner needs to seal a bundle to us, and its
// fingerprint to read to them by phone or in person.
import { useEffect, useState } from 'preact/hooks';
import type { Vault } from '../session/vault.ts';
import { fetchOrgKey } from '../session/org-key.ts';
import { formatPartnerKey, partnerFingerprint } from '../../../core/bundle/partner-key.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { bundlesWords } from './words.ts';

export function OwnPartnerKey({ vault }: { vault: Vault }) {
  const t = useWords(bundlesWords);
  const [key, setKey] = useState<{ text: string; fingerprint: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchOrgKey('records', vault.keyring)
      .then(async (k) => setKey({ text: formatPartnerKey(k), fingerprint: await partnerFingerprint(k) }))
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <section aria-labelledby="own-key-heading">
      <h2 id="own-key-heading">{t('ownKeyHeading')}</h2>
      <p>{t('ownKeyIntro')}</p>
      <Feedback error={error} />
      {key && (
        <>
          <label for="own-partner-key">{t('partnerKey')}</label>
          <textarea id="own-partner-key" readOnly rows={3} value={key.text} onFocus={(e) => e.currentTarget.select()} />
          <p>
            {t('ownFingerprint')} <strong data-own-fingerprint>{key.fingerprint}</strong>
          </p>
        </>
      )}
    </section>
  );
}

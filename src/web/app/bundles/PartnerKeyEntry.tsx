// Whom a bundle is sealed for: their partner key pasted here, its fingerprint compared with them
// (by phone, in person), and a name for them used only in what this page says.
import { useState } from 'preact/hooks';
import { PartnerKeyError, parsePartnerKey, partnerFingerprint, type PartnerKey } from '../../../core/bundle/partner-key.ts';
import { useWords } from '../i18n/context.tsx';
import { bundlesWords } from './words.ts';

export function usePartner() {
  const t = useWords(bundlesWords);
  const [keyText, setKeyText] = useState('');
  const [partner, setPartner] = useState<{ key: PartnerKey; fingerprint: string } | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [compared, setCompared] = useState(false);

  async function readKey(text: string) {
    setKeyText(text);
    setCompared(false);
    setPartner(null);
    if (!text.trim()) return setKeyError(null);
    try {
      const key = await parsePartnerKey(text);
      setPartner({ key, fingerprint: await partnerFingerprint(key) });
      setKeyError(null);
    } catch (e) {
      setKeyError(e instanceof PartnerKeyError ? t('badKey') : (e as Error).message);
    }
  }

  return { keyText, readKey, partner, keyError, label, setLabel, compared, setCompared };
}

export type Partner = ReturnType<typeof usePartner>;

export function PartnerKeyEntry({ partner: p }: { partner: Partner }) {
  const t = useWords(bundlesWords);
  return (
    <>
      <label for="partner-key">{t('theirKey')}</label>
      <textarea id="partner-key" rows={3} value={p.keyText} onInput={(e) => void p.readKey(e.currentTarget.value)} aria-describedby="partner-key-hint" />
      <p id="partner-key-hint" class="hint">
        {t('theirKeyHint')}
      </p>
      {p.keyError && (
        <p class="error" role="alert">
          {p.keyError}
        </p>
      )}
      <label for="partner-label">{t('forWhom')}</label>
      <input id="partner-label" value={p.label} onInput={(e) => p.setLabel(e.currentTarget.value)} />
      {p.partner && (
        <>
          <p>
            {t('theirFingerprint')} <strong data-partner-fingerprint>{p.partner.fingerprint}</strong>
          </p>
          <p class="choice">
            <input id="fingerprint-compared" type="checkbox" checked={p.compared} onChange={(e) => p.setCompared(e.currentTarget.checked)} />{' '}
            <label for="fingerprint-compared">{t('compared')}</label>
          </p>
        </>
      )}
    </>
  );
}

// A new passphrase re-wraps the member's private key here, in the browser; the server checks the
// old login key and stores the new wrapped copy. Other sessions end.
import { useState } from 'preact/hooks';
import { api, ApiError, messageOf } from '../session/api.ts';
import { deriveMemberKeys, openMemberKey, rewrapMember, type KdfParams } from '../../../core/keyring.ts';
import { toBase64Url } from '../../../core/crypto/bytes.ts';
import type { Vault } from '../session/vault.ts';
import { MIN_PASSPHRASE } from '../entry/passphrase-rules.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { accountWords } from './words.ts';

export function ChangePassphrase({ vault }: { vault: Vault }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const t = useWords(accountWords);

  async function submit(event: Event) {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const current = String(form.get('current') ?? '');
    const next = String(form.get('next') ?? '');
    say('');
    if (next.length < MIN_PASSPHRASE) return setError(t('tooShort', { min: MIN_PASSPHRASE }));
    if (next !== form.get('again')) return setError(t('notSame'));
    if (next === current) return setError(t('sameAsCurrent'));
    setError(null);
    setBusy(true);
    let privateKey: Uint8Array | null = null;
    try {
      const { kdf } = await api<{ kdf: KdfParams }>('/api/auth/kdf', { email: vault.me.email });
      const old = await deriveMemberKeys(current, kdf);
      try {
        privateKey = await openMemberKey(vault.login, old.wrapKey);
      } catch {
        throw new ApiError(403, 'login-failed', t('currentWrong'));
      }
      const rewrapped = await rewrapMember(vault.me.id, privateKey, next);
      await api('/api/me/passphrase', { currentLoginKey: toBase64Url(old.loginKey), ...rewrapped });
      vault.login = { ...vault.login, keys: { ...vault.login.keys, wrappedPrivateKey: rewrapped.wrappedPrivateKey } };
      formElement.reset();
      say(t('changed'));
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'login-failed' ? t('currentWrong') : messageOf(e, t('changeFailed')));
    } finally {
      privateKey?.fill(0);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="passphrase-title">
      <h2 id="passphrase-title">{t('passphraseTitle')}</h2>
      <p>
        <strong>{t('forgetWarning')}</strong>
      </p>
      <form onSubmit={submit}>
        <label for="current-passphrase">{t('currentPassphrase')}</label>
        <input id="current-passphrase" name="current" type="password" required autoComplete="current-password" />
        <label for="new-passphrase">{t('newPassphrase')}</label>
        <p class="hint" id="new-passphrase-hint">
          {t('newPassphraseHint', { min: MIN_PASSPHRASE })}
        </p>
        <input id="new-passphrase" name="next" type="password" required minLength={MIN_PASSPHRASE} autoComplete="new-password" aria-describedby="new-passphrase-hint" />
        <label for="new-passphrase-again">{t('newPassphraseAgain')}</label>
        <input id="new-passphrase-again" name="again" type="password" required autoComplete="new-password" />
        <Feedback error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('changing') : t('change')}
        </button>
      </form>
      <p role="status" class="status">
        {said}
      </p>
    </section>
  );
}

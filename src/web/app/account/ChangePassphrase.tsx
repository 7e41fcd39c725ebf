// A new passphrase re-wraps the member's private key here, in the browser; the server checks the
// old login key and stores the new wrapped copy. Other sessions end.
import { useState } from 'preact/hooks';
import { api, ApiError, messageOf } from '../api.ts';
import { deriveMemberKeys, openMemberKey, rewrapMember, type KdfParams } from '../../../core/keyring.ts';
import { toBase64Url } from '../../../core/crypto/bytes.ts';
import type { Vault } from '../vault.ts';
import { MIN_PASSPHRASE } from '../passphrase-rules.ts';
import { Feedback } from '../Feedback.tsx';

export function ChangePassphrase({ vault }: { vault: Vault }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const current = String(form.get('current') ?? '');
    const next = String(form.get('next') ?? '');
    say('');
    if (next.length < MIN_PASSPHRASE) return setError(`The new passphrase must have at least ${MIN_PASSPHRASE} characters.`);
    if (next !== form.get('again')) return setError('The two new passphrases are not the same.');
    if (next === current) return setError('The new passphrase is the same as the current one.');
    setError(null);
    setBusy(true);
    let privateKey: Uint8Array | null = null;
    try {
      const { kdf } = await api<{ kdf: KdfParams }>('/api/auth/kdf', { email: vault.me.email });
      const old = await deriveMemberKeys(current, kdf);
      try {
        privateKey = await openMemberKey(vault.login, old.wrapKey);
      } catch {
        throw new ApiError(403, 'login-failed', 'The current passphrase is not right.');
      }
      const rewrapped = await rewrapMember(vault.me.id, privateKey, next);
      await api('/api/me/passphrase', { currentLoginKey: toBase64Url(old.loginKey), ...rewrapped });
      vault.login = { ...vault.login, keys: { ...vault.login.keys, wrappedPrivateKey: rewrapped.wrappedPrivateKey } };
      formElement.reset();
      say('Your passphrase was changed. Your other sessions were ended; use the new passphrase from now on.');
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'login-failed' ? 'The current passphrase is not right.' : messageOf(e, 'The passphrase could not be changed.'));
    } finally {
      privateKey?.fill(0);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="passphrase-title">
      <h2 id="passphrase-title">Change your passphrase</h2>
      <p>
        <strong>If you forget your passphrase, only an administrator can invite you again; nobody can recover it.</strong>
      </p>
      <form onSubmit={submit}>
        <label for="current-passphrase">Current passphrase</label>
        <input id="current-passphrase" name="current" type="password" required autoComplete="current-password" />
        <label for="new-passphrase">New passphrase</label>
        <p class="hint" id="new-passphrase-hint">
          At least {MIN_PASSPHRASE} characters; four or more random words are best.
        </p>
        <input id="new-passphrase" name="next" type="password" required minLength={MIN_PASSPHRASE} autoComplete="new-password" aria-describedby="new-passphrase-hint" />
        <label for="new-passphrase-again">New passphrase again</label>
        <input id="new-passphrase-again" name="again" type="password" required autoComplete="new-password" />
        <Feedback error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Changing…' : 'Change passphrase'}
        </button>
      </form>
      <p role="status" class="status">
        {said}
      </p>
    </section>
  );
}

// A new passphrase re-wraps the member's private key here, in the browser; the server checks the
// old login key and stores the new wrapped copy. Other sessions end.
import { useState } from 'preact/hooks';
import { api, ApiError, messageOf } from '../session/api.ts';
import { deriveMemberKeys, openMemberKey, rewrapMember, type KdfParams } from '../../../core/keyring.ts';
import { toBase64Url } from '../../../core/crypto/bytes.ts';
import type { Vault } from '../session/vault.ts';
import { MIN_PASSPHRASE, passphraseProblem } from '../entry/passphrase-rules.ts';
import { KeysForm } from '../entry/KeysForm.tsx';
import { NewPassphrase } from '../entry/NewPassphrase.tsx';
import { useWords } from '../i18n/context.tsx';
import { accountWords } from './words.ts';

export function ChangePassphrase({ vault }: { vault: Vault }) {
  const [said, say] = useState('');
  const t = useWords(accountWords);

  function problem(form: FormData): string | null {
    say('');
    const wrong = passphraseProblem(form, 'next', 'again');
    if (wrong) return wrong === 'tooShort' ? t('tooShort', { min: MIN_PASSPHRASE }) : t('notSame');
    return form.get('next') === form.get('current') ? t('sameAsCurrent') : null;
  }

  async function change(form: FormData, formElement: HTMLFormElement) {
    const current = String(form.get('current') ?? '');
    const next = String(form.get('next') ?? '');
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
    } finally {
      privateKey?.fill(0);
    }
  }

  return (
    <section aria-labelledby="passphrase-title">
      <h2 id="passphrase-title">{t('passphraseTitle')}</h2>
      <p>
        <strong>{t('forgetWarning')}</strong>
      </p>
      <KeysForm
        problem={problem}
        make={change}
        failed={(e) => (e instanceof ApiError && e.code === 'login-failed' ? t('currentWrong') : messageOf(e, t('changeFailed')))}
        label={t('change')}
        busyLabel={t('changing')}
      >
        <label for="current-passphrase">{t('currentPassphrase')}</label>
        <input id="current-passphrase" name="current" type="password" required autoComplete="current-password" />
        <NewPassphrase id="new-passphrase" name="next" againId="new-passphrase-again" againName="again" label={t('newPassphrase')} againLabel={t('newPassphraseAgain')} hint={t('newPassphraseHint', { min: MIN_PASSPHRASE })} />
      </KeysForm>
      <p role="status" class="status">
        {said}
      </p>
    </section>
  );
}

// /invite/<token>: the invitee makes their own keys here; only the public key and a locked copy
// of the private key go to the server. Then they read their safety code to the administrator.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../session/api.ts';
import { prepareMember } from '../../../core/keyring.ts';
import { fingerprintOf } from '../../../core/crypto/fingerprint.ts';
import { fromBase64Url } from '../../../core/crypto/bytes.ts';
import { SafetyCode } from '../ui/SafetyCode.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { MIN_PASSPHRASE } from './passphrase-rules.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { entryWords } from './words.ts';
import { useTabTitle } from '../shell/tab-title.ts';

export function Invitation({ token }: { token: string }) {
  const t = useWords(entryWords);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  useTabTitle(t(code ? 'safetyCodeTitle' : 'joinTitle'));

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const email = String(form.get('email') ?? '').trim();
    const passphrase = String(form.get('passphrase') ?? '');
    if (passphrase.length < MIN_PASSPHRASE) return setError(t('passphraseTooShort', { min: MIN_PASSPHRASE }));
    if (passphrase !== form.get('confirm')) return setError(t('passphrasesDiffer'));
    setError(null);
    setBusy(true);
    try {
      const member = await prepareMember(email, passphrase);
      await api('/api/invitations/accept', { token, member });
      setCode(await fingerprintOf(fromBase64Url(member.publicKey)!));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setError(t('invitationGone'));
      else if (e instanceof ApiError && e.code === 'already-member') setError(t('alreadyMember'));
      else setError(e instanceof ApiError ? e.message : t('keysNotMade'));
      setBusy(false);
    }
  }

  if (code) {
    return (
      <main class="narrow">
        <LanguageSwitch />
        <PageHeading>{t('safetyCodeTitle')}</PageHeading>
        <SafetyCode code={code} />
        <p>
          <strong>{t('readCode')}</strong>
        </p>
        <p>{t('notSameChannel')}</p>
        <p>
          <a href="/app">{t('logInToWorkspace')}</a>
        </p>
      </main>
    );
  }
  return (
    <main class="narrow">
      <LanguageSwitch />
      <PageHeading>{t('joinTitle')}</PageHeading>
      <p>{t('joinIntro')}</p>
      <form onSubmit={submit}>
        <label for="email">{t('yourEmail')}</label>
        <input id="email" name="email" type="email" required autoComplete="username" />
        <label for="passphrase">{t('passphrase')}</label>
        <p class="hint" id="passphrase-hint">
          {t('passphraseHint', { min: MIN_PASSPHRASE })}
        </p>
        <input id="passphrase" name="passphrase" type="password" required minLength={MIN_PASSPHRASE} autoComplete="new-password" aria-describedby="passphrase-hint" />
        <label for="confirm">{t('passphraseAgain')}</label>
        <input id="confirm" name="confirm" type="password" required autoComplete="new-password" />
        <Feedback error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('makingKeys') : t('makeKeysAndJoin')}
        </button>
      </form>
    </main>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../../core/i18n/languages.ts';
import { api, ApiError } from '../session/api.ts';
import { deriveMemberKeys, openKeyring, type KdfParams, type Keyring } from '../../../core/keyring.ts';
import { toBase64Url } from '../../../core/crypto/bytes.ts';
import type { LoginResponse } from '../../../core/api/auth.ts';
import { SecondFactorStep, type SecondFactorChallenge } from './SecondFactorStep.tsx';
import { startDecryptWorkers, stopSpareWorkers } from '../decrypt/pool.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { LockedDown } from './LockedDown.tsx';
import type { Session } from '../session/session.ts';
import { useWords } from '../i18n/context.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { entryWords } from './words.ts';
import { useTabTitle } from '../ui/tab-title.ts';


type LoginStep = LoginResponse | { secondFactor: SecondFactorChallenge };

export function Login({ onOpen, onLanguage }: { onOpen: (session: Session) => void; onLanguage?: (language: Language) => void }) {
  const t = useWords(entryWords);
  useTabTitle(t('tabTitle'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Between the passphrase and the second factor: the wrapping key waits here, in memory.
  const [pending, setPending] = useState<{ challenge: SecondFactorChallenge; wrapKey: CryptoKey } | null>(null);
  // Said before anyone types: after a lockdown no passphrase opens anything here.
  const [lockedDown, setLockedDown] = useState(false);
  useEffect(() => {
    api<{ lockedDown: boolean }>('/api/lockdown').then((answer) => setLockedDown(!!answer?.lockedDown), () => undefined);
  }, []);

  async function open(login: LoginResponse, wrapKey: CryptoKey) {
    const { keyring, memberKey } = await openKeyring(login, wrapKey);
    performance.mark('vigil:login:keys-open');
    onOpen({ login, keyring, memberKey });
  }

  if (lockedDown) return <LockedDown />;
  if (pending) {
    return (
      <SecondFactorStep
        challenge={pending.challenge}
        onDone={(login) => open(login, pending.wrapKey).catch(() => setError(t('keysNotOpened')))}
        onRestart={(message) => {
          setPending(null);
          setBusy(false);
          setError(message);
        }}
      />
    );
  }

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const email = String(form.get('email') ?? '').trim();
    const passphrase = String(form.get('passphrase') ?? '');
    setBusy(true);
    setError(null);
    startDecryptWorkers();
    try {
      const { kdf } = await api<{ kdf: KdfParams }>('/api/auth/kdf', { email });
      const { loginKey, wrapKey } = await deriveMemberKeys(passphrase, kdf);
      const step = await api<LoginStep>('/api/auth/login', { email, loginKey: toBase64Url(loginKey) });
      if ('secondFactor' in step) {
        setPending({ challenge: step.secondFactor, wrapKey });
        return;
      }
      await open(step, wrapKey);
    } catch (e) {
      stopSpareWorkers();
      if (e instanceof ApiError && e.code === 'locked-down') setLockedDown(true);
      setError(e instanceof ApiError ? e.message : t('wrongPassphrase'));
      setBusy(false);
    }
  }

  return (
    <main class="narrow">
      <LanguageSwitch {...(onLanguage ? { onChange: onLanguage } : {})} />
      <h1>{t('loginTitle')}</h1>
      <p>{t('loginIntro')}</p>
      <form onSubmit={submit}>
        <label for="email">{t('email')}</label>
        <input id="email" name="email" type="email" required autoComplete="username" />
        <label for="passphrase">{t('passphrase')}</label>
        <input id="passphrase" name="passphrase" type="password" required autoComplete="current-password" />
        <Feedback error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('unlocking') : t('logIn')}
        </button>
      </form>
    </main>
  );
}

// The second step of logging in: a code from the authenticator app, a passkey, or a one-time
// recovery code. The passphrase-derived wrapping key stays in memory from the first step.
import { useState } from 'preact/hooks';
import { startAuthentication } from '@simplewebauthn/browser';
import { api, ApiError } from '../session/api.ts';
import { SECOND_FACTOR_TRIES, type LoginResponse } from '../../../core/api/auth.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { entryWords } from './words.ts';

export interface SecondFactorChallenge {
  token: string;
  methods: string[];
}

export function SecondFactorStep({ challenge, onDone, onRestart }: { challenge: SecondFactorChallenge; onDone: (login: LoginResponse) => void; onRestart: (message: string) => void }) {
  const t = useWords(entryWords);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const [wrong, setWrong] = useState(0);

  async function run(step: () => Promise<LoginResponse>) {
    setBusy(true);
    setError(null);
    try {
      onDone(await step());
    } catch (e) {
      // The server ends the challenge on the last wrong try: start again from the passphrase.
      if (e instanceof ApiError && e.status === 401 && wrong + 1 >= SECOND_FACTOR_TRIES) return onRestart(t('tooManyCodes'));
      if (e instanceof ApiError && e.status === 401) setWrong(wrong + 1);
      setError(e instanceof ApiError ? e.message : t('secondFactorFailed'));
      setBusy(false);
    }
  }

  function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const value = String(form.get('code') ?? '').trim();
    void run(() => api<LoginResponse>('/api/auth/second-factor', useRecovery ? { token: challenge.token, recoveryCode: value } : { token: challenge.token, code: value.replace(/\s/g, '') }));
  }

  function passkey() {
    void run(async () => {
      const optionsJSON = await api<Parameters<typeof startAuthentication>[0]['optionsJSON']>('/api/auth/passkey/options', { token: challenge.token });
      const response = await startAuthentication({ optionsJSON });
      return api<LoginResponse>('/api/auth/passkey/verify', { token: challenge.token, response });
    });
  }

  const hasTotp = challenge.methods.includes('totp');
  return (
    <main class="narrow">
      <h1>{t('secondStep')}</h1>
      {challenge.methods.includes('passkey') && (
        <p>
          <button type="button" onClick={passkey} disabled={busy}>
            {t('usePasskey')}
          </button>
        </p>
      )}
      {(hasTotp || useRecovery) && (
        <form onSubmit={submit}>
          <label for="code">{useRecovery ? t('recoveryCode') : t('authenticatorCode')}</label>
          <input id="code" name="code" autoComplete="one-time-code" inputMode={useRecovery ? 'text' : 'numeric'} required />
          <button type="submit" disabled={busy}>
            {busy ? t('checking') : t('continue')}
          </button>
        </form>
      )}
      <p>
        <button type="button" class="link" onClick={() => setUseRecovery(!useRecovery)}>
          {useRecovery ? t('useAuthenticator') : t('useRecoveryCode')}
        </button>
      </p>
      <Feedback error={error} />
    </main>
  );
}

// A member's second factors: add an authenticator app (TOTP) or a passkey, remove one, and get
// new recovery codes. Recovery codes are shown once, right after they are made.
import { useEffect, useState } from 'preact/hooks';
import { startRegistration } from '@simplewebauthn/browser';
import { api, ApiError } from '../api.ts';
import { Feedback } from '../Feedback.tsx';

interface Factors {
  required: boolean;
  factors: { id: string; kind: 'totp' | 'passkey'; name: string; createdAt: string }[];
  recoveryCodesLeft: number;
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div class="alert" role="status">
      <p>
        <strong>Your recovery codes.</strong> Each works once, if you lose your phone or passkey. Write them down now and
        keep them apart from your devices: they are not shown again.
      </p>
      <ol class="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function SecondFactors({ mustEnrol }: { mustEnrol: boolean }) {
  const [state, setState] = useState<Factors | null>(null);
  const [totp, setTotp] = useState<{ id: string; secret: string; uri: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = () => api<Factors>('/api/me/second-factors').then(setState, (e) => setError(e instanceof ApiError ? e.message : String(e)));
  useEffect(() => void reload(), []);

  async function act(step: () => Promise<void>) {
    setError(null);
    try {
      await step();
      await reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'That did not work.');
    }
  }

  const confirmTotp = (event: Event) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget as HTMLFormElement).get('totp-code') ?? '').replace(/\s/g, '');
    void act(async () => {
      const result = await api<{ recoveryCodes: string[] | null }>('/api/me/totp/confirm', { id: totp!.id, code });
      setTotp(null);
      if (result.recoveryCodes) setCodes(result.recoveryCodes);
    });
  };

  const addPasskey = () =>
    act(async () => {
      const optionsJSON = await api<Parameters<typeof startRegistration>[0]['optionsJSON']>('/api/me/passkeys/options', {});
      const response = await startRegistration({ optionsJSON });
      const result = await api<{ recoveryCodes: string[] | null }>('/api/me/passkeys/verify', { name: 'Passkey', response });
      if (result.recoveryCodes) setCodes(result.recoveryCodes);
    });

  return (
    <section aria-labelledby="second-factor-title">
      <h2 id="second-factor-title">Second factor</h2>
      {mustEnrol && (
        <p class="alert" role="alert">
          Your organization requires a second factor. Add one to reach reports again.
        </p>
      )}
      {codes && <RecoveryCodes codes={codes} />}
      {state && (
        <>
          {state.factors.length === 0 ? (
            <p>None yet. With one, your password alone no longer opens your account.</p>
          ) : (
            <ul>
              {state.factors.map((f) => (
                <li key={f.id}>
                  {f.kind === 'totp' ? 'Authenticator app' : f.name} (added {f.createdAt.slice(0, 10)}){' '}
                  <button type="button" onClick={() => act(() => api(`/api/me/second-factors/${f.id}/remove`, {}))}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          {state.factors.length > 0 && (
            <p>
              Recovery codes left: {state.recoveryCodesLeft}.{' '}
              <button type="button" onClick={() => act(async () => setCodes((await api<{ recoveryCodes: string[] }>('/api/me/recovery-codes', {})).recoveryCodes))}>
                Make new recovery codes
              </button>
            </p>
          )}
        </>
      )}
      {totp ? (
        <form onSubmit={confirmTotp}>
          <p>
            In your authenticator app, add an account with this key (type it in), or open the link on the phone that has
            the app:
          </p>
          <p>
            <code class="totp-secret" data-totp-secret={totp.secret}>
              {totp.secret.replace(/(.{4})/g, '$1 ').trim()}
            </code>
          </p>
          <p>
            <a href={totp.uri}>Open in authenticator app</a>
          </p>
          <label for="totp-code">The 6-digit code the app shows now</label>
          <input id="totp-code" name="totp-code" inputMode="numeric" autoComplete="one-time-code" required />
          <button type="submit">Confirm</button>
        </form>
      ) : (
        <p>
          <button type="button" onClick={() => act(async () => setTotp(await api('/api/me/totp/start', {})))}>
            Add an authenticator app
          </button>{' '}
          <button type="button" onClick={() => void addPasskey()}>
            Add a passkey
          </button>
        </p>
      )}
      <Feedback error={error} />
    </section>
  );
}

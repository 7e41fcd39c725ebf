// A member's second factors: add an authenticator app (TOTP) or a passkey, remove one, and get
// new recovery codes. Recovery codes are shown once, right after they are made.
import { useEffect, useState } from 'preact/hooks';
import { startRegistration } from '@simplewebauthn/browser';
import { api, ApiError } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { accountWords } from './words.ts';

interface Factors {
  required: boolean;
  factors: { id: string; kind: 'totp' | 'passkey'; name: string; createdAt: string }[];
  recoveryCodesLeft: number;
}

type TotpStart = { id: string; secret: string; uri: string };

function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useWords(accountWords);
  return (
    <div class="alert" role="status">
      <p>
        <strong>{t('codesTitle')}</strong> {t('codesText')}
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

type Act = (step: () => Promise<void>) => Promise<void>;

/** The member's factors, reloaded after each change; `act` runs a change and says what went wrong. */
function useFactors() {
  const t = useWords(accountWords);
  const [state, setState] = useState<Factors | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = () => api<Factors>('/api/me/second-factors').then(setState, (e) => setError(e instanceof ApiError ? e.message : String(e)));
  useEffect(() => void reload(), []);

  async function act(step: () => Promise<void>) {
    setError(null);
    try {
      await step();
      await reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('didNotWork'));
    }
  }
  return { state, error, act };
}

export function SecondFactors({ mustEnrol }: { mustEnrol: boolean }) {
  const { state, error, act } = useFactors();
  const [totp, setTotp] = useState<TotpStart | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const t = useWords(accountWords);

  const confirmTotp = (code: string) =>
    act(async () => {
      const result = await api<{ recoveryCodes: string[] | null }>('/api/me/totp/confirm', { id: totp!.id, code });
      setTotp(null);
      if (result.recoveryCodes) setCodes(result.recoveryCodes);
    });

  const addPasskey = () =>
    act(async () => {
      const optionsJSON = await api<Parameters<typeof startRegistration>[0]['optionsJSON']>('/api/me/passkeys/options', {});
      const response = await startRegistration({ optionsJSON });
      const result = await api<{ recoveryCodes: string[] | null }>('/api/me/passkeys/verify', { name: 'Passkey', response }); // not words: a stored label; shown by its kind, in the member's language
      if (result.recoveryCodes) setCodes(result.recoveryCodes);
    });

  return (
    <section aria-labelledby="second-factor-title">
      <h2 id="second-factor-title">{t('secondFactorTitle')}</h2>
      {mustEnrol && (
        <p class="alert" role="alert">
          {t('mustEnrol')}
        </p>
      )}
      {codes && <RecoveryCodes codes={codes} />}
      {state && <FactorList state={state} act={act} onCodes={setCodes} />}
      {totp ? (
        <TotpForm totp={totp} onConfirm={(code) => void confirmTotp(code)} />
      ) : (
        <p>
          <button type="button" onClick={() => act(async () => setTotp(await api('/api/me/totp/start', {})))}>
            {t('addApp')}
          </button>{' '}
          <button type="button" onClick={() => void addPasskey()}>
            {t('addPasskey')}
          </button>
        </p>
      )}
      <Feedback error={error} />
    </section>
  );
}

/** The factors enrolled, each removable, and the recovery codes left (with new ones on request). */
function FactorList({ state, act, onCodes }: { state: Factors; act: Act; onCodes: (codes: string[]) => void }) {
  const t = useWords(accountWords);
  const common = useWords(commonWords);
  const f = useFormats();
  const factorName = (kind: 'totp' | 'passkey') => t(kind === 'totp' ? 'authenticatorApp' : 'passkey');
  return (
    <>
      {state.factors.length === 0 ? (
        <p>{t('noFactor')}</p>
      ) : (
        <ul>
          {state.factors.map((factor) => (
            <li key={factor.id}>
              {t('factorAdded', { factor: factorName(factor.kind), date: f.date(factor.createdAt) })}{' '}
              <button type="button" onClick={() => act(() => api(`/api/me/second-factors/${factor.id}/remove`, {}))}>
                {common('remove')}
                <span class="visually-hidden"> {t('factorSuffix', { factor: factorName(factor.kind), date: f.date(factor.createdAt) })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {state.factors.length > 0 && (
        <p>
          {t('codesLeft', { count: state.recoveryCodesLeft })}{' '}
          <button type="button" onClick={() => act(async () => onCodes((await api<{ recoveryCodes: string[] }>('/api/me/recovery-codes', {})).recoveryCodes))}>
            {t('newCodes')}
          </button>
        </p>
      )}
    </>
  );
}

/** An authenticator app's secret to add, and the code it then shows, to confirm it. */
function TotpForm({ totp, onConfirm }: { totp: TotpStart; onConfirm: (code: string) => void }) {
  const t = useWords(accountWords);
  const submit = (event: Event) => {
    event.preventDefault();
    onConfirm(String(new FormData(event.currentTarget as HTMLFormElement).get('totp-code') ?? '').replace(/\s/g, ''));
  };
  return (
    <form onSubmit={submit}>
      <p>{t('totpIntro')}</p>
      <p>
        <code class="totp-secret" data-totp-secret={totp.secret}>
          {totp.secret.replace(/(.{4})/g, '$1 ').trim()}
        </code>
      </p>
      <p>
        <a href={totp.uri}>{t('openInApp')}</a>
      </p>
      <label for="totp-code">{t('totpCode')}</label>
      <input id="totp-code" name="totp-code" inputMode="numeric" autoComplete="one-time-code" required />
      <button type="submit">{t('confirm')}</button>
    </form>
  );
}

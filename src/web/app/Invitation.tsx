// /invite/<token>: the invitee makes their own keys here; only the public key and a locked copy
// of the private key go to the server. Then they read their safety code to the administrator.
import { useState } from 'preact/hooks';
import { api, ApiError } from './api.ts';
import { prepareMember } from '../../core/keyring.ts';
import { fingerprintOf } from '../../core/crypto/fingerprint.ts';
import { fromBase64Url } from '../../core/crypto/bytes.ts';
import { SafetyCode } from './SafetyCode.tsx';
import { PageHeading } from './PageHeading.tsx';
import { MIN_PASSPHRASE } from './passphrase-rules.ts';
import { Feedback } from './Feedback.tsx';

export function Invitation({ token }: { token: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const email = String(form.get('email') ?? '').trim();
    const passphrase = String(form.get('passphrase') ?? '');
    if (passphrase.length < MIN_PASSPHRASE) return setError(`The passphrase must have at least ${MIN_PASSPHRASE} characters; four or more random words are best.`);
    if (passphrase !== form.get('confirm')) return setError('The two passphrases are not the same.');
    setError(null);
    setBusy(true);
    try {
      const member = await prepareMember(email, passphrase);
      await api('/api/invitations/accept', { token, member });
      setCode(await fingerprintOf(fromBase64Url(member.publicKey)!));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setError('This invitation link no longer works: it was used, revoked or has expired. Ask the administrator for a new one.');
      else if (e instanceof ApiError && e.code === 'already-member') setError('This email address already belongs to a member. Use another one, or log in.');
      else setError(e instanceof ApiError ? e.message : 'Your keys could not be made in this browser.');
      setBusy(false);
    }
  }

  if (code) {
    return (
      <main class="narrow">
        <PageHeading>Your safety code</PageHeading>
        <SafetyCode code={code} />
        <p>
          <strong>
            Read this code to the administrator who invited you, in person or by phone. They will grant you access only if
            it matches what they see.
          </strong>
        </p>
        <p>Do not send it by the same channel as the invitation link. Until the administrator confirms, you can log in but not read reports.</p>
        <p>
          <a href="/app">Log in to the workspace</a>
        </p>
      </main>
    );
  }
  return (
    <main class="narrow">
      <PageHeading>Join your team</PageHeading>
      <p>
        This page makes your keys in this browser. Your passphrase never leaves it and nobody can recover it: if you forget
        it, an administrator must invite you again.
      </p>
      <form onSubmit={submit}>
        <label for="email">Your email</label>
        <input id="email" name="email" type="email" required autoComplete="username" />
        <label for="passphrase">Passphrase</label>
        <p class="hint" id="passphrase-hint">
          At least {MIN_PASSPHRASE} characters; four or more random words are best.
        </p>
        <input id="passphrase" name="passphrase" type="password" required minLength={MIN_PASSPHRASE} autoComplete="new-password" aria-describedby="passphrase-hint" />
        <label for="confirm">Passphrase again</label>
        <input id="confirm" name="confirm" type="password" required autoComplete="new-password" />
        <Feedback error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Making keys…' : 'Make my keys and join'}
        </button>
      </form>
    </main>
  );
}

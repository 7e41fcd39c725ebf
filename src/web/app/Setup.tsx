import { useState } from 'preact/hooks';
import { api } from './api.ts';
import { prepareOrganization } from '../../core/keyring.ts';
import { LANGUAGES, type Language } from '../../core/report/answers.ts';
import { MESSAGES } from '../../core/i18n/index.ts';
import { Feedback } from './Feedback.tsx';

const MIN_PASSPHRASE = 12;

export function Setup({ token }: { token: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const languages = LANGUAGES.filter((l) => form.getAll('languages').includes(l));
    const passphrase = String(form.get('passphrase') ?? '');
    if (languages.length === 0) return setError('Choose at least one language for the public pages.');
    if (passphrase.length < MIN_PASSPHRASE) return setError(`The passphrase must have at least ${MIN_PASSPHRASE} characters; four or more random words are best.`);
    if (passphrase !== form.get('confirm')) return setError('The two passphrases are not the same.');
    setError(null);
    setBusy(true);
    try {
      const request = await prepareOrganization(
        {
          name: String(form.get('name') ?? ''),
          publicTitle: String(form.get('publicTitle') ?? ''),
          languages: languages as Language[],
          adminEmail: String(form.get('email') ?? ''),
          passphrase,
        },
        token,
      );
      await api('/api/setup', request);
      setDone(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Setup failed.');
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <main class="narrow">
        <h1>Your organization is ready</h1>
        <p>The keys were made in this browser; the server holds only public keys and locked copies.</p>
        <p>
          Next, on the workspace's <strong>Recovery</strong> page, split a recovery kit among trustees (say any 3 of 5): without
          it, a forgotten passphrase or an arrested administrator can lose the organization's memory for good.
        </p>
        <p>
          <a href="/app">Log in to the workspace</a>
        </p>
      </main>
    );
  }
  return (
    <main class="narrow">
      <h1>Set up Vigil</h1>
      <p>
        This page makes your organization's keys in this browser. The server never sees your passphrase and cannot recover
        it: if it is forgotten, another administrator must invite you again.
      </p>
      <form onSubmit={submit}>
        <label for="name">Organization name (private, shown to members only)</label>
        <input id="name" name="name" required maxLength={200} />
        <label for="publicTitle">Public title of the site</label>
        <p class="hint" id="publicTitle-hint">Shown to reporters. Choose something neutral: it must not announce what the site is.</p>
        <input id="publicTitle" name="publicTitle" required maxLength={100} value="Community notes" aria-describedby="publicTitle-hint" />
        <fieldset>
          <legend>Languages of the public pages</legend>
          {LANGUAGES.map((l) => (
            <div class="choice" key={l}>
              <input type="checkbox" id={`lang-${l}`} name="languages" value={l} checked />
              <label for={`lang-${l}`}>{MESSAGES[l].languageName}</label>
            </div>
          ))}
        </fieldset>
        <label for="email">Your email (the first administrator)</label>
        <input id="email" name="email" type="email" required autoComplete="username" />
        <label for="passphrase">Passphrase</label>
        <input id="passphrase" name="passphrase" type="password" required minLength={MIN_PASSPHRASE} autoComplete="new-password" />
        <label for="confirm">Passphrase again</label>
        <input id="confirm" name="confirm" type="password" required autoComplete="new-password" />
        <Feedback error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Making keys…' : 'Create organization'}
        </button>
      </form>
    </main>
  );
}

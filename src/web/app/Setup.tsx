// First-run setup: the organization's keys and the first administrator's are made in this browser
// from the form's answers; the server receives public keys and locked copies only.
import { useState } from 'preact/hooks';
import { api } from './api.ts';
import { prepareOrganization } from '../../core/keyring.ts';
import { Feedback } from './Feedback.tsx';
import { OrganizationReady } from './setup/OrganizationReady.tsx';
import { SetupFields, readSetupForm } from './setup/SetupFields.tsx';

export function Setup({ token }: { token: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const input = readSetupForm(new FormData(event.currentTarget as HTMLFormElement));
    if ('error' in input) return setError(input.error);
    setError(null);
    setBusy(true);
    try {
      await api('/api/setup', await prepareOrganization(input, token));
      setDone(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Setup failed.');
    } finally {
      setBusy(false);
    }
  }

  if (done) return <OrganizationReady />;
  return (
    <main class="narrow">
      <h1>Set up Vigil</h1>
      <p>
        This page makes your organization's keys in this browser. The server never sees your passphrase and cannot recover
        it: if it is forgotten, another administrator must invite you again.
      </p>
      <form onSubmit={submit}>
        <SetupFields />
        <Feedback error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Making keys…' : 'Create organization'}
        </button>
      </form>
    </main>
  );
}

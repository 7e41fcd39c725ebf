// For the day the server may be seized or a passphrase coerced: the organization is locked down, and
// nothing on this server opens again. Typing the organization's name is the confirmation.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { Feedback } from '../Feedback.tsx';

export function EmergencyLockdown({ organizationName, onLockedDown }: { organizationName: string; onLockedDown: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function lockDown(event: Event) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget as HTMLFormElement).get('organization-name') ?? '');
    setBusy(true);
    setError(null);
    try {
      await api('/api/lockdown', { organizationName: typed });
      onLockedDown();
    } catch (e) {
      setError(messageOf(e, 'The organization could not be locked down.'));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="lockdown-title" class="emergency">
      <h2 id="lockdown-title">Emergency lockdown</h2>
      <p>
        If the server may be seized, or a member forced to give up their passphrase, lock the organization down. Every
        session ends, and every member's locked keys and key grants on this server are destroyed (the trustees' too):
        no passphrase opens anything here again, yours included. Reports stay on the server, sealed, and the public
        form keeps taking new ones; nobody can read them here.
      </p>
      <p>
        The backups this server made in its own backup folder are deleted too: each holds the keys destroyed here. There
        is no undo on this server. To work again, the team restores the latest backup kept off this server on a new
        server and recovers with the trustees' shares.
      </p>
      <form onSubmit={lockDown}>
        <label for="lockdown-name">
          To confirm, type the organization's name: <strong>{organizationName}</strong>
        </label>
        <input id="lockdown-name" name="organization-name" required autoComplete="off" spellcheck={false} />
        <Feedback error={error} />
        <button type="submit" class="danger" disabled={busy}>
          {busy ? 'Locking down…' : 'Lock down the organization'}
        </button>
      </form>
    </section>
  );
}

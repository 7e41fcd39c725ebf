// "Rotate now": new intake, records and backup keys made in this browser and sealed to exactly the
// members whose role holds each (and to the trustees' recovery kit), for when keys may have leaked.
import { useState } from 'preact/hooks';
import { messageOf } from '../api.ts';
import type { Vault } from '../vault.ts';
import { Feedback } from '../Feedback.tsx';
import { rotateNow } from './key-changes.ts';
import { keysNamed } from './key-names.ts';

export function RotateNow({ vault, onRotated }: { vault: Vault; onRotated: () => void }) {
  const [busy, setBusy] = useState(false);
  const [said, say] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function rotate() {
    setBusy(true);
    setError(null);
    try {
      const purposes = await rotateNow(vault);
      say(`New keys were made: ${keysNamed(purposes)}. Everything from now on is sealed to them; members receive them without logging in again.`);
      onRotated();
    } catch (e) {
      setError(messageOf(e, 'The keys could not be rotated.'));
      say('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="rotate-title">
      <h2 id="rotate-title">Rotate the keys</h2>
      <p>
        If a device with an open session was lost or taken, or you suspect someone kept keys they should not have, rotate
        now. This browser makes new intake, records and backup keys and gives each only to the members whose role holds
        it (and to the trustees' recovery kit). Old reports and records stay readable; whoever took the old keys cannot
        read anything that arrives after this.
      </p>
      <button type="button" disabled={busy} onClick={rotate}>
        {busy ? 'Rotating…' : 'Rotate now'}
      </button>
      <Feedback error={error} said={said} />
    </section>
  );
}

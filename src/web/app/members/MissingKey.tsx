// An organization set up before records (or backups) existed has no key of that purpose: an
// administrator's browser makes it and seals it to its holders. Shown only while it is missing.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { Vault } from '../vault.ts';
import type { KeyPurpose, OrgKeyView } from '../../../core/api/schemas.ts';
import { existingPurposes } from '../../../core/key-holders.ts';
import { Feedback } from '../Feedback.tsx';
import { makeFirstKey } from './key-changes.ts';
import { KEY_NAMES } from './key-names.ts';

const WHY: Record<Exclude<KeyPurpose, 'intake'>, string> = {
  records:
    'This organization was set up before records existed and has no records key. Make it here: your browser creates it and seals it to every administrator, coordinator and documenter.',
  backup:
    'This organization was set up before backups existed and has no backup key, so no backup can be made yet. Make it here: your browser creates it and seals it to every administrator (and the trustees’ recovery kit).',
};

export function MissingKey({ vault, purpose }: { vault: Vault; purpose: Exclude<KeyPurpose, 'intake'> }) {
  const [missing, setMissing] = useState(false);
  const [said, say] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ keys: OrgKeyView[] }>('/api/keys').then((r) => setMissing(existingPurposes(r.keys, [purpose]).length === 0), () => undefined);
  }, [purpose]);
  if (!missing && !said) return null;
  const name = KEY_NAMES[purpose];

  async function create() {
    setError(null);
    try {
      await makeFirstKey(vault, purpose);
      setMissing(false);
      say(`The ${name} was made and sealed to every member whose role holds it. They receive it without logging in again.`);
    } catch (e) {
      setError(messageOf(e, `The ${name} could not be made.`));
    }
  }
  return (
    <section class="card">
      <h2>{name[0]!.toUpperCase() + name.slice(1)}</h2>
      {missing && <p>{WHY[purpose]}</p>}
      <Feedback error={error} said={said} />
      {missing && (
        <button type="button" onClick={create}>
          Make the {name}
        </button>
      )}
    </section>
  );
}

// An organization set up before records (or backups) existed has no key of that purpose: an
// administrator's browser makes it and seals it to its holders. Shown only while it is missing.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import type { KeyPurpose, OrgKeyView } from '../../../core/api/keys.ts';
import { existingPurposes } from '../../../core/key-holders.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { makeFirstKey } from './key-changes.ts';
import { useWords } from '../i18n/context.tsx';
import { membersWords } from './words.ts';

const WHY = { records: 'whyRecords', backup: 'whyBackup' } as const;

export function MissingKey({ vault, purpose }: { vault: Vault; purpose: Exclude<KeyPurpose, 'intake'> }) {
  const [missing, setMissing] = useState(false);
  const [said, say] = useState('');
  const [error, setError] = useState<string | null>(null);
  const t = useWords(membersWords);
  useEffect(() => {
    api<{ keys: OrgKeyView[] }>('/api/keys').then((r) => setMissing(existingPurposes(r.keys, [purpose]).length === 0), () => undefined);
  }, [purpose]);
  if (!missing && !said) return null;

  async function create() {
    setError(null);
    try {
      await makeFirstKey(vault, purpose);
      setMissing(false);
      say(t('keyMade', { purpose }));
    } catch (e) {
      setError(messageOf(e, t('keyFailed', { purpose })));
    }
  }
  return (
    <section class="card">
      <h2>{t('keyTitle', { purpose })}</h2>
      {missing && <p>{t(WHY[purpose])}</p>}
      <Feedback error={error} said={said} />
      {missing && (
        <button type="button" onClick={create}>
          {t('makeKey', { purpose })}
        </button>
      )}
    </section>
  );
}

// Recovery (administrators): make the trustees' kit. The browser makes the kit's key, checks that
// every M of the N shares give it back, shows each share once as a printable sheet, then stores
// the kit (its public half and every key sealed to it). The server never sees a share or the
// kit's private key.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { Vault } from '../vault.ts';
import type { OrgKeyView } from '../../../core/api/schemas.ts';
import type { RecoveryKitRequest, RecoveryStatus } from '../../../core/api/recovery.ts';
import { missingKeys, newKit } from '../../../core/recovery/requests.ts';
import { PageHeading } from '../PageHeading.tsx';
import { Feedback } from '../Feedback.tsx';
import { HandingOut, type Handing } from './HandingOut.tsx';

const TRUSTEES = [2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Fewer trustees never leave a threshold above them. */
const withShares = (split: { threshold: number }, shares: number) => ({ shares, threshold: Math.min(split.threshold, shares) });

export function RecoveryPage({ vault }: { vault: Vault }) {
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  const [keys, setKeys] = useState<OrgKeyView[]>([]);
  const [split, setSplit] = useState({ shares: 5, threshold: 3 });
  const [handing, setHanding] = useState<Handing | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');

  useEffect(() => {
    Promise.all([api<RecoveryStatus>('/api/recovery'), api<{ keys: OrgKeyView[] }>('/api/keys')])
      .then(([s, k]) => (setStatus(s), setKeys(k.keys)))
      .catch((e) => setError(messageOf(e, 'The recovery kit could not be read.')));
  }, []);
  const missing = missingKeys(vault.keyring, keys);

  async function make(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const kit = await newKit(vault.keyring, keys, split);
      setHanding({ sheets: kit.sheets, request: kit.request });
      setSaid('');
    } catch {
      setError('The kit could not be made in this browser. Nothing was stored.');
    } finally {
      setBusy(false);
    }
  }

  async function store(request: RecoveryKitRequest) {
    setBusy(true);
    try {
      await api('/api/recovery/kits', request);
      setStatus(await api<RecoveryStatus>('/api/recovery'));
      setSaid('The kit is stored. Its shares now work; any earlier kit\'s shares no longer do.');
    } catch (e) {
      setError(messageOf(e, 'The kit could not be stored. Its sheets do not work: destroy them and make a new kit.'));
    } finally {
      // Stored or not, this browser keeps no sheet: a kit not stored is made again, not retried.
      setHanding(null);
      setBusy(false);
    }
  }

  if (handing) {
    return (
      <HandingOut
        handing={handing}
        busy={busy}
        error={error}
        onNext={() => setHanding({ ...handing, sheets: handing.sheets.slice(1) })}
        onStore={() => store(handing.request)}
      />
    );
  }
  return (
    <main>
      <PageHeading>Recovery</PageHeading>
      <p>
        Trustees keep the organization alive when no administrator can: a forgotten passphrase, an arrested administrator, a
        seized server. Each of N trustees gets one share on paper; any M of them together can give every key to an
        administrator, or lock the organization down. Fewer than M learn nothing. Choose people who will not be arrested
        together, and keep the sheets apart.
      </p>
      <p role="status">
        {status?.kit
          ? `Current kit: any ${status.kit.threshold} of ${status.kit.shares} trustees, made ${status.kit.createdAt.slice(0, 10)}. A new kit replaces it.`
          : status && 'No recovery kit yet.'}
      </p>
      {missing.length > 0 && (
        <p class="error" role="alert">
          Your keys lack {missing.length} of the organization's keys ({missing.map((k) => `${k.purpose} ${k.keyId}`).join(', ')}): a kit
          made here could not open them. An administrator who holds every key must make the kit.
        </p>
      )}
      <KitForm split={split} onSplit={setSplit} disabled={busy || !status || missing.length > 0} label={busy ? 'Making and checking the kit…' : status?.kit ? 'Make a new kit' : 'Make the kit'} onMake={make} />
      <Feedback error={error} said={said} />
    </main>
  );
}

type Split = { shares: number; threshold: number };

/** How many trustees, and how many of them together open the kit (2 ≤ M ≤ N ≤ 10). */
function KitForm({ split, onSplit, disabled, label, onMake }: { split: Split; onSplit: (s: Split) => void; disabled: boolean; label: string; onMake: (e: Event) => void }) {
  return (
    <form onSubmit={onMake}>
      <label for="trustees">Trustees (N)</label>
      <select id="trustees" value={split.shares} onChange={(e) => onSplit(withShares(split, Number(e.currentTarget.value)))}>
        {TRUSTEES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <label for="threshold">Needed together (M)</label>
      <select id="threshold" value={split.threshold} onChange={(e) => onSplit({ ...split, threshold: Number(e.currentTarget.value) })}>
        {TRUSTEES.filter((m) => m <= split.shares).map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      <button type="submit" disabled={disabled}>
        {label}
      </button>
    </form>
  );
}

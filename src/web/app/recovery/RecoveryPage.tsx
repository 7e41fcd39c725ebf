// Recovery (administrators): make the trustees' kit. The browser makes the kit's key, checks that
// every M of the N shares give it back, shows each share once as a printable sheet, then stores
// the kit (its public half, every key sealed to it, and its token's hash). The server never sees
// a share or the kit's private key.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { Vault } from '../vault.ts';
import type { OrgKeyView } from '../../../core/api/schemas.ts';
import type { RecoveryKitRequest, RecoveryStatus } from '../../../core/api/recovery.ts';
import type { ShareSheet } from '../../../core/recovery/shares.ts';
import { missingKeys, newKit } from '../../../core/recovery/requests.ts';
import { PageHeading } from '../PageHeading.tsx';
import { Feedback } from '../Feedback.tsx';
import { ShareSheetView } from './ShareSheetView.tsx';

const TRUSTEES = [2, 3, 4, 5, 6, 7, 8, 9, 10];

interface Handing {
  sheets: ShareSheet[];
  at: number;
  request: RecoveryKitRequest;
}

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
      setHanding({ sheets: kit.sheets, at: 0, request: kit.request });
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
      setHanding(null);
      setStatus(await api<RecoveryStatus>('/api/recovery'));
      setSaid('The kit is stored. Its shares now work; any earlier kit\'s shares no longer do.');
    } catch (e) {
      setError(messageOf(e, 'The kit could not be stored. Its sheets do not work: destroy them and make a new kit.'));
    } finally {
      setBusy(false);
    }
  }

  if (handing) {
    const sheet = handing.sheets[handing.at]!;
    const last = handing.at === handing.sheets.length - 1;
    return (
      <main class="recovery-handing">
        <PageHeading>Hand out share {sheet.number} of {sheet.of}</PageHeading>
        <p class="no-print">
          Every {sheet.threshold} of these {sheet.of} shares were checked to give back the kit's key. Print this sheet (or let
          trustee {sheet.number} copy the words by hand) and give it to them alone. It is shown once: after "Next", this
          browser forgets it.
        </p>
        <ShareSheetView sheet={sheet} organization={vault.login.organization.name} />
        <div class="no-print actions">
          <button type="button" onClick={() => print()}>
            Print this sheet
          </button>
          {!last && (
            <button type="button" onClick={() => setHanding({ ...handing, at: handing.at + 1 })}>
              Next: share {sheet.number + 1}
            </button>
          )}
          {last && (
            <button type="button" disabled={busy} onClick={() => store(handing.request)}>
              {busy ? 'Storing…' : 'All shares handed out: store the kit'}
            </button>
          )}
        </div>
        <Feedback error={error} />
      </main>
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
      <form onSubmit={make}>
        <label for="trustees">Trustees (N)</label>
        <select id="trustees" value={split.shares} onChange={(e) => { const shares = Number(e.currentTarget.value); setSplit({ shares, threshold: Math.min(split.threshold, shares) }); }}>
          {TRUSTEES.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
        <label for="threshold">Needed together (M)</label>
        <select id="threshold" value={split.threshold} onChange={(e) => setSplit({ ...split, threshold: Number(e.currentTarget.value) })}>
          {TRUSTEES.filter((m) => m <= split.shares).map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
        <button type="submit" disabled={busy || !status || missing.length > 0}>
          {busy ? 'Making and checking the kit…' : status?.kit ? 'Make a new kit' : 'Make the kit'}
        </button>
      </form>
      <Feedback error={error} said={said} />
    </main>
  );
}

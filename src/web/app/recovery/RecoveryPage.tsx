// Recovery (administrators): make the trustees' kit. The browser makes the kit's key, checks that
// every M of the N shares give it back, shows each share once as a printable sheet, then stores
// the kit (its public half and every key sealed to it). The server never sees a share or the
// kit's private key.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import type { OrgKeyView } from '../../../core/api/keys.ts';
import type { RecoveryKitRequest, RecoveryStatus } from '../../../core/api/recovery.ts';
import { missingKeys, newKit } from '../../../core/recovery/requests.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { HandingOut, type Handing } from './HandingOut.tsx';
import { useFormats, useWords } from '../i18n/context.tsx';
import { keysWithIds } from '../members/key-names.ts';
import { recoveryWords } from './words.ts';

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
  const t = useWords(recoveryWords);
  const f = useFormats();

  useEffect(() => {
    Promise.all([api<RecoveryStatus>('/api/recovery'), api<{ keys: OrgKeyView[] }>('/api/keys')])
      .then(([s, k]) => (setStatus(s), setKeys(k.keys)))
      .catch((e) => setError(messageOf(e, t('kitUnreadable'))));
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
      setError(t('kitNotMade'));
    } finally {
      setBusy(false);
    }
  }

  async function store(request: RecoveryKitRequest) {
    setBusy(true);
    try {
      await api('/api/recovery/kits', request);
      setStatus(await api<RecoveryStatus>('/api/recovery'));
      setSaid(t('kitStored'));
    } catch (e) {
      setError(messageOf(e, t('kitNotStored')));
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
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <p role="status">
        {status?.kit
          ? t('currentKit', { threshold: status.kit.threshold, shares: status.kit.shares, date: f.date(status.kit.createdAt) })
          : status && t('noKitYet')}
      </p>
      {missing.length > 0 && (
        <p class="error" role="alert">
          {t('missingKeys', { count: missing.length, list: keysWithIds(missing, f.language) })}
        </p>
      )}
      <KitForm split={split} onSplit={setSplit} disabled={busy || !status || missing.length > 0} label={busy ? t('making') : status?.kit ? t('makeNewKit') : t('makeKit')} onMake={make} />
      <Feedback error={error} said={said} />
    </main>
  );
}

type Split = { shares: number; threshold: number };

/** How many trustees, and how many of them together open the kit (2 ≤ M ≤ N ≤ 10). */
function KitForm({ split, onSplit, disabled, label, onMake }: { split: Split; onSplit: (s: Split) => void; disabled: boolean; label: string; onMake: (e: Event) => void }) {
  const t = useWords(recoveryWords);
  const f = useFormats();
  return (
    <form onSubmit={onMake}>
      <label for="trustees">{t('trustees')}</label>
      <select id="trustees" value={split.shares} onChange={(e) => onSplit(withShares(split, Number(e.currentTarget.value)))}>
        {TRUSTEES.map((n) => (
          <option key={n} value={n}>
            {f.number(n)}
          </option>
        ))}
      </select>
      <label for="threshold">{t('needed')}</label>
      <select id="threshold" value={split.threshold} onChange={(e) => onSplit({ ...split, threshold: Number(e.currentTarget.value) })}>
        {TRUSTEES.filter((m) => m <= split.shares).map((m) => (
          <option key={m} value={m}>
            {f.number(m)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={disabled}>
        {label}
      </button>
    </form>
  );
}

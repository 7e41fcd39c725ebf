// A record's history: every version, who made it and when, and which fields it changed — the
// sealed ones compared here, after opening both versions in this browser.
import { useEffect, useState } from 'preact/hooks';
import type { Vault } from '../vault.ts';
import type { RecordType, SecretPart } from '../../../core/records/schemas.ts';
import { openFields } from '../../../core/records/sealing.ts';

export interface VersionView {
  version: number;
  changedAt: string;
  changedBy: string | null;
  plain: Record<string, unknown>;
  secret: SecretPart | null;
}

/** Field names, plain and sealed, whose values differ between two versions. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>): string[] {
  if (!before) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

const BOOKKEEPING = new Set(['consent_recorded_by', 'consent_recorded_at']);
const readable = (name: string) => name.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export function History({ vault, type, id, versions }: { vault: Vault; type: RecordType; id: string; versions: VersionView[] }) {
  const [changes, setChanges] = useState<string[][] | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const opened = await Promise.all(versions.map((v) => (v.secret ? openFields(v.secret, type, id, vault.keyring).catch(() => null) : null)));
      const all = versions.map((v, i) => ({ ...v.plain, ...(opened[i] ?? {}) }));
      const result = all.map((state, i) => changedFields(i === 0 ? null : all[i - 1]!, state).filter((k) => !BOOKKEEPING.has(k)));
      if (live) setChanges(result);
    })();
    return () => {
      live = false;
    };
  }, [versions.map((v) => v.version).join()]);
  return (
    <section aria-labelledby={`history-${id}`}>
      <h2 id={`history-${id}`}>History</h2>
      <ol class="history" data-history>
        {versions.map((v, i) => (
          <li key={v.version} data-version={v.version}>
            Version {v.version} · {v.changedAt.replace('T', ' ').slice(0, 16)} UTC · {v.changedBy ?? 'unknown member'} ·{' '}
            {i === 0 ? 'created' : changes?.[i] ? `changed: ${changes[i].map(readable).join(', ') || 'nothing visible to you'}` : '…'}
          </li>
        ))}
      </ol>
    </section>
  );
}

// A record's history: every version, who made it and when, and which fields it changed — the
// sealed ones compared here, after opening both versions in this browser.
import { useEffect, useState } from 'preact/hooks';
import type { Vault } from '../session/vault.ts';
import type { RecordType, SecretPart } from '../../../core/records/schemas.ts';
import { openFields } from '../../../core/records/sealing.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { incidentWords } from './incident-words.ts';

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

/** The words naming each field a version may change: plain ones in snake_case, sealed ones in camelCase. */
const FIELD_WORDS = {
  title: 'fieldTitle',
  description: 'fieldDescription',
  date_start: 'fieldDateStart',
  date_start_precision: 'fieldDateStartPrecision',
  date_end: 'fieldDateEnd',
  date_end_precision: 'fieldDateEndPrecision',
  monitoring_status: 'fieldMonitoringStatus',
  place_ids: 'fieldPlaceIds',
  counting_unit: 'fieldCountingUnit',
  group_size: 'fieldGroupSize',
  age_range: 'fieldAgeRange',
  consent_sharing: 'fieldConsentSharing',
  name_preference: 'fieldNamePreference',
  reprisal_risk: 'fieldReprisalRisk',
  merged_into: 'fieldMergedInto',
  name: 'fieldName',
  otherNames: 'fieldOtherNames',
  contacts: 'fieldContacts',
  genderIdentity: 'fieldGenderIdentity',
  birthYear: 'fieldBirthYear',
} as const satisfies Record<string, keyof (typeof incidentWords)['en']>;

/** A field another version of Vigil added, not named above, is shown by its name. */
const readable = (name: string) => name.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export function History({ vault, type, id, versions }: { vault: Vault; type: RecordType; id: string; versions: VersionView[] }) {
  const t = useWords(incidentWords);
  const f = useFormats();
  const fieldName = (name: string) => (name in FIELD_WORDS ? t(FIELD_WORDS[name as keyof typeof FIELD_WORDS]) : readable(name));
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
      <h2 id={`history-${id}`}>{t('history')}</h2>
      <ol class="history" data-history>
        {versions.map((v, i) => (
          <li key={v.version} data-version={v.version}>
            {t('version', { version: v.version })} · {f.dateTime(v.changedAt)} · {v.changedBy ?? t('unknownMember')} ·{' '}
            {i === 0 ? t('created') : changes?.[i] ? t('changed', { fields: changes[i].map(fieldName).join(', ') || t('nothingVisible') }) : '…'}
          </li>
        ))}
      </ol>
    </section>
  );
}

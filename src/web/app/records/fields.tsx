// Form fields for records: choices from a vocabulary or a registry, labelled for screen readers.
import type { Language } from '../../../core/report/answers.ts';
import { ACT_TYPES, type Term } from '../../../core/records/vocabulary.ts';
import { offeredEntries, type RecordView, type RegistryEntry } from './client.ts';

export function TermSelect<K extends string>({ id, label, terms, value, onChange }: { id: string; label: string; terms: readonly Term<K>[]; value: K; onChange: (value: K) => void }) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as K)}>
        {terms.map((t) => (
          <option key={t.key} value={t.key}>
            {t.labels.en}
          </option>
        ))}
      </select>
    </>
  );
}

/** A registry entry, or none (`noneLabel`: e.g. "All places" where the choice filters: retired entries are offered there too). */
export function EntrySelect({ id, label, entries, kind, value, onChange, noneLabel }: { id: string; label: string; entries: RegistryEntry[]; kind: RegistryEntry['kind']; value: string | null; onChange: (value: string | null) => void; noneLabel?: string }) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">{noneLabel ?? '— not known / none —'}</option>
        {offeredEntries(entries, kind, value, noneLabel !== undefined).map((e) => (
          <option key={e.id} value={e.id}>
            {e.labels.en}
          </option>
        ))}
      </select>
    </>
  );
}

/** An act type: Vigil's vocabulary, then the team's own types; or any (`anyLabel`, value ''). */
export function ActTypeSelect({ id, label, entries, value, onChange, anyLabel }: { id: string; label: string; entries: RegistryEntry[]; value: string; onChange: (code: string) => void; anyLabel?: string }) {
  const local = offeredEntries(entries, 'act-type', value, anyLabel !== undefined);
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {[...ACT_TYPES, ...local].map((t) => (
          <option key={t.code} value={t.code}>
            {t.labels.en}
          </option>
        ))}
      </select>
    </>
  );
}

/** An incident to filter by, by its code and opened title; or all (value ''). */
export function IncidentSelect({ id, incidents, titles, value, onChange }: { id: string; incidents: RecordView[]; titles: Map<string, { title?: string } | null>; value: string; onChange: (id: string) => void }) {
  return (
    <>
      <label for={id}>Incident</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">All incidents</option>
        {incidents.map((i) => (
          <option key={i.id} value={i.id}>
            {i.code} {titles.get(i.id)?.title ?? ''}
          </option>
        ))}
      </select>
    </>
  );
}

export function TextField({ id, label, value, onChange, type = 'text', hint }: { id: string; label: string; value: string; onChange: (value: string) => void; type?: 'text' | 'date' | 'number' | 'time'; hint?: string }) {
  return (
    <>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      <input id={id} type={type as 'text'} value={value} onInput={(e) => onChange(e.currentTarget.value)} aria-describedby={hint ? `${id}-hint` : undefined} />
    </>
  );
}

export const termLabel = (terms: readonly Term[], key: string | null | undefined, language: Language = 'en'): string => terms.find((t) => t.key === key)?.labels[language] ?? (key ?? '');

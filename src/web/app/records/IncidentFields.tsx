// The fields of an incident, as the new-incident form and the change form both show them.
import { MONITORING_STATUSES } from '../../../core/records/vocabulary.ts';
import type { RegistryEntry } from './client.ts';
import { EntrySelect, TermSelect, TextField } from './fields.tsx';

export interface IncidentDraft {
  title: string;
  description: string;
  /** As typed: '2026-11-03', '2026-11', '2026' or '' (see draft.ts partialDateOf). */
  date: string;
  placeId: string | null;
  status: (typeof MONITORING_STATUSES)[number]['key'];
}

export function IncidentFields({ prefix, value, onChange, entries }: { prefix: string; value: IncidentDraft; onChange: (next: IncidentDraft) => void; entries: RegistryEntry[] }) {
  const set = <K extends keyof IncidentDraft>(key: K) => (v: IncidentDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <>
      <TextField id={`${prefix}-title`} label="Title" value={value.title} onChange={set('title')} />
      <label for={`${prefix}-description`}>What happened</label>
      <textarea id={`${prefix}-description`} rows={4} value={value.description} onInput={(e) => set('description')(e.currentTarget.value)} />
      <TextField id={`${prefix}-date`} label="Date" hint="2026-11-03, or 2026-11 or 2026 if that is all that is known; empty if unknown" value={value.date} onChange={set('date')} />
      <EntrySelect id={`${prefix}-place`} label="Place" entries={entries} kind="place" value={value.placeId} onChange={set('placeId')} />
      <TermSelect id={`${prefix}-status`} label="Monitoring status" terms={MONITORING_STATUSES} value={value.status} onChange={set('status')} />
    </>
  );
}

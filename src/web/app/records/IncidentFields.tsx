// The fields of an incident, as the new-incident form and the change form both show them.
import { MONITORING_STATUSES } from '../../../core/records/vocabulary-words.ts';
import type { RegistryEntry } from './client.ts';
import { EntrySelect, PartialDateField } from './fields.tsx';
import { TermSelect, TextField } from '../ui/fields.tsx';
import { useWords } from '../i18n/context.tsx';
import { incidentWords } from './incident-words.ts';

export interface IncidentDraft {
  title: string;
  description: string;
  /** As typed: '2026-11-03', '2026-11', '2026' or '' (see draft.ts partialDateOf). */
  date: string;
  placeId: string | null;
  status: (typeof MONITORING_STATUSES)[number]['key'];
}

export function IncidentFields({ prefix, value, onChange, entries }: { prefix: string; value: IncidentDraft; onChange: (next: IncidentDraft) => void; entries: RegistryEntry[] }) {
  const t = useWords(incidentWords);
  const set = <K extends keyof IncidentDraft>(key: K) => (v: IncidentDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <>
      <TextField id={`${prefix}-title`} label={t('title')} value={value.title} onChange={set('title')} />
      <label for={`${prefix}-description`}>{t('whatHappened')}</label>
      <textarea id={`${prefix}-description`} rows={4} value={value.description} onInput={(e) => set('description')(e.currentTarget.value)} />
      <PartialDateField id={`${prefix}-date`} label={t('date')} value={value.date} onChange={set('date')} />
      <EntrySelect id={`${prefix}-place`} label={t('place')} entries={entries} kind="place" value={value.placeId} onChange={set('placeId')} />
      <TermSelect id={`${prefix}-status`} label={t('monitoringStatus')} terms={MONITORING_STATUSES} value={value.status} onChange={set('status')} />
    </>
  );
}

// Form fields for records: choices from a vocabulary or a registry, labelled for screen readers,
// in the member's language; one control for dates as precise as they are known.
import { useState } from 'preact/hooks';
import { ACT_TYPES } from '../../../core/records/vocabulary.ts';
import { offeredEntries, type RecordView, type RegistryEntry } from './client.ts';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { incidentWords } from './incident-words.ts';

/** A registry entry, or none (`noneLabel`: e.g. "All places" where the choice filters: retired entries are offered there too). */
export function EntrySelect({ id, label, entries, kind, value, onChange, noneLabel }: { id: string; label: string; entries: RegistryEntry[]; kind: RegistryEntry['kind']; value: string | null; onChange: (value: string | null) => void; noneLabel?: string }) {
  const t = useWords(incidentWords);
  const { language } = useLanguage();
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">{noneLabel ?? t('noneOrUnknown')}</option>
        {offeredEntries(entries, kind, value, noneLabel !== undefined).map((e) => (
          <option key={e.id} value={e.id}>
            {e.labels[language]}
          </option>
        ))}
      </select>
    </>
  );
}

/** An act type: Vigil's vocabulary, then the team's own types; or any (`anyLabel`, value ''). */
export function ActTypeSelect({ id, label, entries, value, onChange, anyLabel }: { id: string; label: string; entries: RegistryEntry[]; value: string; onChange: (code: string) => void; anyLabel?: string }) {
  const local = offeredEntries(entries, 'act-type', value, anyLabel !== undefined);
  const { language } = useLanguage();
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {[...ACT_TYPES, ...local].map((t) => (
          <option key={t.code} value={t.code}>
            {t.labels[language]}
          </option>
        ))}
      </select>
    </>
  );
}

/** An incident to filter by, by its code and opened title; or all (value ''). */
export function IncidentSelect({ id, incidents, titles, value, onChange }: { id: string; incidents: RecordView[]; titles: Map<string, { title?: string } | null>; value: string; onChange: (id: string) => void }) {
  const t = useWords(incidentWords);
  return (
    <>
      <label for={id}>{t('incident')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('allIncidents')}</option>
        {incidents.map((i) => (
          <option key={i.id} value={i.id}>
            {i.code} {titles.get(i.id)?.title ?? ''}
          </option>
        ))}
      </select>
    </>
  );
}

type Precision = 'day' | 'month' | 'year';

/** How precise a typed date is: null while it is empty (or half typed). */
export function precisionOf(value: string): Precision | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}$/.test(value)) return 'year';
  return null;
}

/** The date kept as far as the new precision allows: a day keeps its month and year, a year cannot become a day. */
export function atPrecision(value: string, next: Precision): string {
  const now = precisionOf(value);
  const order: Precision[] = ['year', 'month', 'day'];
  if (!now || order.indexOf(next) > order.indexOf(now)) return '';
  return value.slice(0, next === 'year' ? 4 : next === 'month' ? 7 : 10);
}

/**
 * A date the records model may know only in part (an incident's or an act's): the exact day in the
 * browser's date picker, or only the month, or only the year — chosen beside it. The value is
 * '2026-11-03', '2026-11', '2026' or '' (not known), as draft.ts partialDateOf reads it.
 */
export function PartialDateField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  const t = useWords(incidentWords);
  const [chosen, setChosen] = useState<Precision>(() => precisionOf(value) ?? 'day');
  const precision = precisionOf(value) ?? chosen;
  const choose = (next: Precision) => {
    setChosen(next);
    onChange(atPrecision(value, next));
  };
  const common = { id, value, 'aria-describedby': `${id}-hint`, onInput: (e: Event) => onChange((e.currentTarget as HTMLInputElement).value) };
  return (
    <div class="partial-date" data-precision={precision}>
      <label for={id}>{label}</label>
      <p id={`${id}-hint`} class="hint">
        {t('dateHint')}
      </p>
      {precision === 'day' && <input type="date" {...common} />}
      {precision === 'month' && <input type="month" placeholder={t('monthPlaceholder')} pattern="\d{4}-\d{2}" {...common} />}
      {precision === 'year' && <input type="number" min={1900} max={2100} step={1} inputMode="numeric" {...common} />}
      <label for={`${id}-precision`} class="inline">
        {t('precision')}
      </label>
      <select id={`${id}-precision`} value={precision} onChange={(e) => choose(e.currentTarget.value as Precision)}>
        <option value="day">{t('precisionDay')}</option>
        <option value="month">{t('precisionMonth')}</option>
        <option value="year">{t('precisionYear')}</option>
      </select>
    </div>
  );
}

/** A registry entry's name in the member's language ('' for none). */
export function useEntryLabel(entries: RegistryEntry[]): (id: string | null | undefined) => string {
  const t = useWords(incidentWords);
  const { language } = useLanguage();
  return (id) => (id ? (entries.find((e) => e.id === id)?.labels[language] ?? t('unknownPlace')) : '');
}

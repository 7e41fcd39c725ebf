// Correcting what was recorded about an act (its type, day, place, stated reason): a new version,
// the earlier one kept.
import { useState } from 'preact/hooks';
import { messageOf } from '../api.ts';
import type { Vault } from '../vault.ts';
import { ACT_TYPES } from '../../../core/records/vocabulary.ts';
import { openRecord, updateRecord, type RecordView, type RegistryEntry } from './client.ts';
import { EntrySelect, TextField } from './fields.tsx';
import { partialDateOf } from './draft.ts';
import { Feedback } from '../Feedback.tsx';

type ActPlain = { incidentId: string; personId: string; typeCode: string; dateStart: string | null; dateEnd: string | null; dateEndPrecision: string; placeId: string | null };

export function EditAct({ vault, act, entries, onSaved }: { vault: Vault; act: RecordView<ActPlain>; entries: RegistryEntry[]; onSaved: () => void }) {
  const [typeCode, setTypeCode] = useState(act.plain.typeCode);
  const [date, setDate] = useState(act.plain.dateStart ?? '');
  const [placeId, setPlaceId] = useState(act.plain.placeId);
  const [reason, setReason] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = (name: string) => `edit-act-${name}-${act.id}`;

  async function open() {
    const fields = await openRecord<{ statedReason?: string }>(vault, 'act', act);
    setReason(fields?.statedReason ?? '');
  }
  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const fields = (await openRecord(vault, 'act', act)) ?? {};
      const plain = {
        incidentId: act.plain.incidentId,
        personId: act.plain.personId,
        typeCode,
        start: partialDateOf(date),
        end: { date: act.plain.dateEnd, precision: act.plain.dateEndPrecision },
        placeId,
      };
      await updateRecord(vault, 'act', act, plain, { ...fields, statedReason: (reason ?? '').trim() });
      onSaved();
    } catch (e) {
      setError(messageOf(e, 'The act could not be saved.'));
    }
  }
  const localTypes = entries.filter((e) => e.kind === 'act-type');
  return (
    <details class="edit" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && reason === null && void open()}>
      <summary>Correct this act</summary>
      <form onSubmit={save}>
        <label for={id('type')}>What was done</label>
        <select id={id('type')} value={typeCode} onChange={(e) => setTypeCode(e.currentTarget.value)}>
          {[...ACT_TYPES.map((a) => ({ code: a.code, label: a.labels.en })), ...localTypes.map((t) => ({ code: t.code, label: t.labels.en }))].map((t) => (
            <option key={t.code} value={t.code}>
              {t.label}
            </option>
          ))}
        </select>
        <TextField id={id('date')} label="When" hint="2026-11-03, 2026-11 or 2026; empty if unknown" value={date} onChange={setDate} />
        <EntrySelect id={id('place')} label="Where" entries={entries} kind="place" value={placeId} onChange={setPlaceId} />
        <TextField id={id('reason')} label="Stated reason" value={reason ?? ''} onChange={setReason} />
        <Feedback error={error} />
        <button type="submit" class="small">
          Save the correction
        </button>
      </form>
    </details>
  );
}

// Correcting what was recorded about an act (its type, day, place, stated reason): a new version,
// the earlier one kept.
import { useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { openRecord, updateRecord, type RecordView, type RegistryEntry } from './client.ts';
import { ActTypeSelect, EntrySelect, PartialDateField, TextField } from './fields.tsx';
import { partialDateOf } from './draft.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { incidentWords } from './incident-words.ts';

type ActPlain = { incidentId: string; personId: string; typeCode: string; dateStart: string | null; dateEnd: string | null; dateEndPrecision: string; placeId: string | null };

export function EditAct({ vault, act, entries, onSaved }: { vault: Vault; act: RecordView<ActPlain>; entries: RegistryEntry[]; onSaved: () => void }) {
  const [typeCode, setTypeCode] = useState(act.plain.typeCode);
  const [date, setDate] = useState(act.plain.dateStart ?? '');
  const [placeId, setPlaceId] = useState(act.plain.placeId);
  const [reason, setReason] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = (name: string) => `edit-act-${name}-${act.id}`;
  const t = useWords(incidentWords);

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
      setError(messageOf(e, t('actNotSaved')));
    }
  }
  return (
    <details class="edit" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && reason === null && void open()}>
      <summary>{t('correctAct')}</summary>
      <form onSubmit={save}>
        <ActTypeSelect id={id('type')} label={t('whatWasDone')} entries={entries} value={typeCode} onChange={setTypeCode} />
        <PartialDateField id={id('date')} label={t('when')} value={date} onChange={setDate} />
        <EntrySelect id={id('place')} label={t('where')} entries={entries} kind="place" value={placeId} onChange={setPlaceId} />
        <TextField id={id('reason')} label={t('statedReason')} value={reason ?? ''} onChange={setReason} />
        <Feedback error={error} />
        <button type="submit" class="small">
          {t('saveCorrection')}
        </button>
      </form>
    </details>
  );
}

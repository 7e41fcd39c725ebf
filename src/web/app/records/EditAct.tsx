// Correcting what was recorded about an act (its type, day, place, stated reason): a new version,
// the earlier one kept.
import { useState } from 'preact/hooks';
import type { Vault } from '../session/vault.ts';
import { openRecord, updateRecord, type RecordView, type RegistryEntry } from './client.ts';
import { ActTypeSelect, EntrySelect, PartialDateField } from './fields.tsx';
import { TextField } from '../ui/fields.tsx';
import { partialDateOf } from './draft.ts';
import { EditForm } from './EditForm.tsx';
import type { ActPlain } from './incident-load.ts';
import { useWords } from '../i18n/context.tsx';
import { incidentWords } from './incident-words.ts';

export function EditAct({ vault, act, entries, onSaved }: { vault: Vault; act: RecordView<ActPlain>; entries: RegistryEntry[]; onSaved: () => void }) {
  const [typeCode, setTypeCode] = useState(act.plain.typeCode);
  const [date, setDate] = useState(act.plain.dateStart ?? '');
  const [placeId, setPlaceId] = useState(act.plain.placeId);
  const [reason, setReason] = useState<string | null>(null);
  const id = (name: string) => `edit-act-${name}-${act.id}`;
  const t = useWords(incidentWords);

  async function open() {
    const fields = await openRecord<{ statedReason?: string }>(vault, 'act', act);
    setReason(fields?.statedReason ?? '');
  }
  async function save() {
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
  }
  return (
    <EditForm summary={t('correctAct')} submit={t('saveCorrection')} small failure={t('actNotSaved')} onSave={save} onToggle={(opened) => opened && reason === null && void open()}>
      <ActTypeSelect id={id('type')} label={t('whatWasDone')} entries={entries} value={typeCode} onChange={setTypeCode} />
      <PartialDateField id={id('date')} label={t('when')} value={date} onChange={setDate} />
      <EntrySelect id={id('place')} label={t('where')} entries={entries} kind="place" value={placeId} onChange={setPlaceId} />
      <TextField id={id('reason')} label={t('statedReason')} value={reason ?? ''} onChange={setReason} />
    </EditForm>
  );
}

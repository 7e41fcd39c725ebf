// On an incident's page: its follow-up (interventions), with due days that feed the due-soon list
// (DueList.tsx). Adding one starts closed, behind its summary, and closes once saved.
import { useState } from 'preact/hooks';
import type { Vault } from '../session/vault.ts';
import { INTERVENTION_STATUSES, INTERVENTION_TYPES, PRIORITIES } from '../../../core/records/vocabulary-words.ts';
import { createRecord, type RecordView } from './client.ts';
import { TermSelect, TextField, termLabel } from '../ui/fields.tsx';
import { AddForm } from './AddForm.tsx';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { sourcesWords } from './sources-words.ts';

export type InterventionPlain = { incidentId: string | null; personId: string | null; actId: string | null; type: string; onDay: string | null; status: string; priority: string; dueOn: string | null };

export function FollowUp({ vault, incidentId, interventions, onSaved }: { vault: Vault; incidentId: string; interventions: RecordView<InterventionPlain>[]; onSaved: () => void }) {
  const t = useWords(sourcesWords);
  const f = useFormats();
  const { language } = useLanguage();
  return (
    <section aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('followUp')}</h2>
      {interventions.length === 0 && <p>{t('noFollowUp')}</p>}
      <ul>
        {interventions.map((i) => (
          <li key={i.id} data-intervention={i.code}>
            {i.code} · {termLabel(INTERVENTION_TYPES, i.plain.type, language)} · {termLabel(INTERVENTION_STATUSES, i.plain.status, language)} · {termLabel(PRIORITIES, i.plain.priority, language)}
            {i.plain.dueOn && ` · ${t('dueOn', { day: f.day(i.plain.dueOn) })}`}
          </li>
        ))}
      </ul>
      {vault.canTriage && <AddFollowUp vault={vault} incidentId={incidentId} onSaved={onSaved} />}
    </section>
  );
}

function AddFollowUp({ vault, incidentId, onSaved }: { vault: Vault; incidentId: string; onSaved: () => void }) {
  const [type, setType] = useState<(typeof INTERVENTION_TYPES)[number]['key']>('legal-aid');
  const [status, setStatus] = useState<(typeof INTERVENTION_STATUSES)[number]['key']>('planned');
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number]['key']>('normal');
  const [dueOn, setDueOn] = useState('');
  const [notes, setNotes] = useState('');
  const t = useWords(sourcesWords);
  const make = () => createRecord(vault, 'intervention', { incidentId, personId: null, actId: null, type, onDay: null, status, priority, dueOn: dueOn || null }, { notes: notes.trim() });
  const reset = () => {
    setNotes('');
    setDueOn('');
  };
  return (
    <AddForm name="follow-up" summary={t('addFollowUp')} submit={t('addTheFollowUp')} failure={t('followUpNotSaved')} make={make} reset={reset} onSaved={onSaved}>
      <TermSelect id="intervention-type" label={t('what')} terms={INTERVENTION_TYPES} value={type} onChange={setType} />
      <TermSelect id="intervention-status" label={t('status')} terms={INTERVENTION_STATUSES} value={status} onChange={setStatus} />
      <TermSelect id="intervention-priority" label={t('priority')} terms={PRIORITIES} value={priority} onChange={setPriority} />
      <TextField id="intervention-due" label={t('dueBy')} type="date" value={dueOn} onChange={setDueOn} />
      <TextField id="intervention-notes" label={t('notes')} value={notes} onChange={setNotes} />
    </AddForm>
  );
}

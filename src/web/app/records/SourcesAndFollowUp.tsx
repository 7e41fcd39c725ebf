// On an incident's page: its sources, graded (Admiralty: reliability A–F, credibility 1–6), with
// how many independent sources corroborate it; and its follow-up (interventions) with due days
// that feed the due-soon list.
import { useState } from 'preact/hooks';
import { messageOf } from '../api.ts';
import type { Vault } from '../vault.ts';
import { CREDIBILITY, RELIABILITY, SOURCE_CONNECTIONS, INTERVENTION_STATUSES, INTERVENTION_TYPES, PRIORITIES } from '../../../core/records/vocabulary.ts';
import { createRecord, openRecord, updateRecord, type RecordView } from './client.ts';
import { TermSelect, TextField, termLabel } from './fields.tsx';
import { Feedback } from '../Feedback.tsx';

export type SourcePlain = { targetType: string; targetId: string; reportId: string | null; connection: string; reliability: string; credibility: string; sourceDate: string | null };
export type InterventionPlain = { incidentId: string | null; personId: string | null; actId: string | null; type: string; onDay: string | null; status: string; priority: string; dueOn: string | null };

export function Sources({ vault, sources, onSaved }: { vault: Vault; sources: RecordView<SourcePlain>[]; onSaved: () => void }) {
  // Independent: different reports, or sources not from the inbox (each its own account).
  const independent = new Set(sources.map((s) => s.plain.reportId ?? s.id)).size;
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      <p data-corroboration={independent}>{independent === 1 ? 'One independent source.' : `${independent} independent sources corroborate this incident.`}</p>
      <ul class="cards">
        {sources.map((s) => (
          <SourceRow key={`${s.id}@${s.version}`} vault={vault} source={s} onSaved={onSaved} />
        ))}
      </ul>
    </section>
  );
}

function SourceRow({ vault, source, onSaved }: { vault: Vault; source: RecordView<SourcePlain>; onSaved: () => void }) {
  const [connection, setConnection] = useState(source.plain.connection as (typeof SOURCE_CONNECTIONS)[number]['key']);
  const [reliability, setReliability] = useState(source.plain.reliability);
  const [credibility, setCredibility] = useState(source.plain.credibility);
  const [error, setError] = useState<string | null>(null);
  const grade = (value: string, label: string) => ({ key: value, labels: { en: label, az: label, ru: label } });

  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const fields = (await openRecord(vault, 'source', source)) ?? {};
      await updateRecord(vault, 'source', source, { ...source.plain, connection, reliability, credibility }, fields);
      onSaved();
    } catch (e) {
      setError(messageOf(e, 'The grade could not be saved.'));
    }
  }
  const id = (name: string) => `${name}-${source.id}`;
  return (
    <li data-source={source.code}>
      <strong>{source.code}</strong> · {source.plain.reportId ? 'a report of the inbox' : 'another source'} · {termLabel(SOURCE_CONNECTIONS, source.plain.connection)} · graded {source.plain.reliability}
      {source.plain.credibility}
      {vault.canTriage && (
        <form onSubmit={save} class="inline-form">
          <TermSelect id={id('connection')} label="Connection" terms={SOURCE_CONNECTIONS} value={connection} onChange={setConnection} />
          <TermSelect id={id('reliability')} label="Source reliability" terms={RELIABILITY.map((r) => grade(r, r))} value={reliability} onChange={setReliability} />
          <TermSelect id={id('credibility')} label="Information credibility" terms={CREDIBILITY.map((c) => grade(c, c))} value={credibility} onChange={setCredibility} />
          <button type="submit" class="small">
            Save the grade
          </button>
          <Feedback error={error} />
        </form>
      )}
    </li>
  );
}

export function FollowUp({ vault, incidentId, interventions, onSaved }: { vault: Vault; incidentId: string; interventions: RecordView<InterventionPlain>[]; onSaved: () => void }) {
  const [type, setType] = useState<(typeof INTERVENTION_TYPES)[number]['key']>('legal-aid');
  const [status, setStatus] = useState<(typeof INTERVENTION_STATUSES)[number]['key']>('planned');
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number]['key']>('normal');
  const [dueOn, setDueOn] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');

  async function add(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const made = await createRecord(vault, 'intervention', { incidentId, personId: null, actId: null, type, onDay: null, status, priority, dueOn: dueOn || null }, { notes: notes.trim() });
      say(`${made.code} added.`);
      setNotes('');
      setDueOn('');
      onSaved();
    } catch (e) {
      setError(messageOf(e, 'The follow-up could not be saved.'));
    }
  }
  return (
    <section aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">Follow-up</h2>
      {interventions.length === 0 && <p>No follow-up recorded.</p>}
      <ul>
        {interventions.map((i) => (
          <li key={i.id} data-intervention={i.code}>
            {i.code} · {termLabel(INTERVENTION_TYPES, i.plain.type)} · {termLabel(INTERVENTION_STATUSES, i.plain.status)} · {termLabel(PRIORITIES, i.plain.priority)}
            {i.plain.dueOn && ` · due ${i.plain.dueOn}`}
          </li>
        ))}
      </ul>
      {vault.canTriage && (
        <form class="card" onSubmit={add} aria-label="Add follow-up">
          <TermSelect id="intervention-type" label="What" terms={INTERVENTION_TYPES} value={type} onChange={setType} />
          <TermSelect id="intervention-status" label="Status" terms={INTERVENTION_STATUSES} value={status} onChange={setStatus} />
          <TermSelect id="intervention-priority" label="Priority" terms={PRIORITIES} value={priority} onChange={setPriority} />
          <TextField id="intervention-due" label="Due by" type="date" value={dueOn} onChange={setDueOn} />
          <TextField id="intervention-notes" label="Notes (encrypted)" value={notes} onChange={setNotes} />
          <Feedback error={error} said={said} />
          <button type="submit">Add the follow-up</button>
        </form>
      )}
    </section>
  );
}

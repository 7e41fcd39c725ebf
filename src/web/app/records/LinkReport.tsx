// Linking a report to an incident or a person already recorded, instead of making a duplicate: the
// report becomes one more source of it (graded on the incident's page).
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { Vault } from '../vault.ts';
import { createRecord, useOpened, type RecordView } from './client.ts';
import { Feedback } from '../Feedback.tsx';

export function LinkReport({ vault, reportId, reportSeq }: { vault: Vault; reportId: string; reportSeq: number }) {
  const [incidents, setIncidents] = useState<RecordView<{ dateStart: string | null }>[]>([]);
  const [persons, setPersons] = useState<RecordView[]>([]);
  const [asked, setAsked] = useState(false);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  // Loaded (and their titles and names opened) only when asked for: not for every report looked at.
  useEffect(() => {
    if (!asked) return;
    api<{ records: RecordView<{ dateStart: string | null }>[] }>('/api/records/incident?limit=1000').then((r) => setIncidents(r.records), (e) => setError(messageOf(e, 'The incidents could not be loaded.')));
    api<{ records: RecordView[] }>('/api/records/person?limit=500').then((r) => setPersons(r.records), (e) => setError(messageOf(e, 'The people could not be loaded.')));
  }, [asked]);
  const titles = useOpened<{ title?: string }>(vault, 'incident', incidents);
  const names = useOpened<{ name?: string }>(vault, 'person', persons);
  if (!asked) {
    return (
      <button type="button" class="small secondary" onClick={() => setAsked(true)}>
        Link to an incident or person already recorded…
      </button>
    );
  }

  async function link(event: Event) {
    event.preventDefault();
    if (!chosen) return;
    setError(null);
    try {
      const [targetType, targetId] = chosen.split(':') as ['incident' | 'person', string];
      await createRecord(vault, 'source', { targetType, targetId, reportId, connection: 'other', reliability: 'F', credibility: '6', sourceDate: null }, { description: `Report #${reportSeq}` });
      const target = [...incidents, ...persons].find((r) => r.id === targetId)!;
      say(`Report #${reportSeq} is now a source of ${target.code}.`);
    } catch (e) {
      setError(messageOf(e, 'The report could not be linked.'));
    }
  }
  const id = `link-${reportId}`;
  return (
    <form class="link-report" onSubmit={link}>
      <label for={id}>Or link this report to an incident or a person already recorded</label>
      <select id={id} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
        <option value="">Choose an incident or a person</option>
        <optgroup label="Incidents">
          {incidents.map((i) => (
            <option key={i.id} value={`incident:${i.id}`}>
              {i.code} {titles.get(i.id)?.title ?? ''} {i.plain.dateStart ? `(${i.plain.dateStart})` : ''}
            </option>
          ))}
        </optgroup>
        <optgroup label="People">
          {persons.map((p) => (
            <option key={p.id} value={`person:${p.id}`}>
              {p.code} {names.get(p.id)?.name ?? ''}
            </option>
          ))}
        </optgroup>
      </select>{' '}
      <button type="submit" class="small" disabled={!chosen}>
        Link as a source
      </button>
      <Feedback error={error} said={said} />
    </form>
  );
}

// Linking a report to an incident already recorded, instead of making a duplicate: the report
// becomes one more source of that incident (graded on the incident's page).
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { Vault } from '../vault.ts';
import { createRecord, useOpened, type RecordView } from './client.ts';
import { Feedback } from '../Feedback.tsx';

export function LinkReport({ vault, reportId, reportSeq }: { vault: Vault; reportId: string; reportSeq: number }) {
  const [incidents, setIncidents] = useState<RecordView<{ dateStart: string | null }>[]>([]);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  useEffect(() => {
    api<{ records: RecordView<{ dateStart: string | null }>[] }>('/api/records/incident?limit=200').then((r) => setIncidents(r.records), () => setIncidents([]));
  }, []);
  const titles = useOpened<{ title?: string }>(vault, 'incident', incidents);
  if (incidents.length === 0) return null;

  async function link(event: Event) {
    event.preventDefault();
    if (!chosen) return;
    setError(null);
    try {
      await createRecord(vault, 'source', { targetType: 'incident', targetId: chosen, reportId, connection: 'other', reliability: 'F', credibility: '6', sourceDate: null }, { description: `Report #${reportSeq}` });
      const incident = incidents.find((i) => i.id === chosen)!;
      say(`Report #${reportSeq} is now a source of ${incident.code}.`);
    } catch (e) {
      setError(messageOf(e, 'The report could not be linked.'));
    }
  }
  const id = `link-${reportId}`;
  return (
    <form class="link-report" onSubmit={link}>
      <label for={id}>Or link this report to an incident already recorded</label>
      <select id={id} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
        <option value="">Choose an incident</option>
        {incidents.map((i) => (
          <option key={i.id} value={i.id}>
            {i.code} {titles.get(i.id)?.title ?? ''} {i.plain.dateStart ? `(${i.plain.dateStart})` : ''}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="small" disabled={!chosen}>
        Link as a source
      </button>
      <Feedback error={error} said={said} />
    </form>
  );
}

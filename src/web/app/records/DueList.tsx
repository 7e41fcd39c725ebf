// What is due soon or overdue: appeal deadlines no appeal was recorded for, and interventions with
// a due day.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { PageHeading } from '../PageHeading.tsx';
import { INTERVENTION_TYPES, PRIORITIES } from '../../../core/records/vocabulary.ts';
import { termLabel } from './fields.tsx';
import { Feedback } from '../Feedback.tsx';

interface Due {
  kind: 'intervention' | 'appeal';
  id: string;
  code: string;
  type: string;
  priority: string;
  due: string;
  incidentId: string | null;
}

export function DueList() {
  const [data, setData] = useState<{ today: string; items: Due[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ today: string; items: Due[] }>('/api/board/due?days=14').then(setData, (e) => setError(messageOf(e, 'The list could not be loaded.')));
  }, []);
  return (
    <main class="wide-ish">
      <PageHeading>Due soon</PageHeading>
      <p>Deadlines in the next 14 days, and any already passed.</p>
      <Feedback error={error} />
      {data && data.items.length === 0 && <p>Nothing is due.</p>}
      <ul class="cards">
        {data?.items.map((i) => (
          <li key={`${i.kind}-${i.id}`} class="card" data-due={i.kind}>
            <strong>{i.due}</strong> {i.due < data.today && <span class="badge urgent">Overdue</span>} {i.kind === 'appeal' ? `Appeal deadline for ${i.code}` : `${termLabel(INTERVENTION_TYPES, i.type)} (${i.code})`} ·{' '}
            {termLabel(PRIORITIES, i.priority)}
          </li>
        ))}
      </ul>
    </main>
  );
}

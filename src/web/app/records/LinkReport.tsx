// Linking a report to an incident or a person already recorded, instead of making a duplicate: the
// report becomes one more source of it (graded on the incident's page). The incidents and people it
// may concern are suggested first, with the reason (likely.ts): a name written in it that is like a
// person on record, an incident within a few days at a place it mentions.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { Vault } from '../vault.ts';
import type { ReportAnswers } from '../../../core/report/answers.ts';
import { createRecord, useOpened, type RecordView } from './client.ts';
import { likelyForReport, shortDay, type IncidentLikely, type PersonLikely } from './likely.ts';
import { percent } from '../linkage/reasons.ts';
import { canLink, linkerOf } from '../linkage/linker.ts';
import { Feedback } from '../Feedback.tsx';

type Target = { type: 'incident' | 'person'; id: string; code: string };

/** The report's words that may name people and places (not the reporter's own contact). */
const textOf = (a: ReportAnswers) => [a.story, a.whatOther, a.city, a.place, a.whenRough].filter(Boolean).join('\n');

export function LinkReport({ vault, reportId, reportSeq, answers, receivedHour }: { vault: Vault; reportId: string; reportSeq: number; answers: ReportAnswers; receivedHour: string }) {
  const [incidents, setIncidents] = useState<RecordView<{ dateStart: string | null }>[]>([]);
  const [persons, setPersons] = useState<RecordView[]>([]);
  const [likely, setLikely] = useState<{ people: PersonLikely[]; incidents: IncidentLikely[] } | null>(null);
  const [asked, setAsked] = useState(false);
  // People are suggested from this session's linkage when there is one; otherwise only when asked,
  // as comparing everyone on record takes a while on a large list.
  const linkable = canLink(vault);
  const [lookForPeople, setLookForPeople] = useState(() => linkable && linkerOf(vault).last !== null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  // Suggestions as the report opens: incidents from plain dates and places; people as said above.
  useEffect(() => {
    let live = true;
    setLikely(null);
    // The day it tells of, else the day it arrived (reports follow events within days).
    const day = answers.whenExact ?? receivedHour.slice(0, 10);
    likelyForReport(vault, textOf(answers), day, { people: lookForPeople }).then((l) => live && setLikely(l), () => live && setLikely({ people: [], incidents: [] }));
    return () => {
      live = false;
    };
  }, [reportId, lookForPeople]);
  // The full lists are loaded (and their titles and names opened) only when asked for.
  useEffect(() => {
    if (!asked) return;
    api<{ records: RecordView<{ dateStart: string | null }>[] }>('/api/records/incident?limit=1000').then((r) => setIncidents(r.records), (e) => setError(messageOf(e, 'The incidents could not be loaded.')));
    api<{ records: RecordView[] }>('/api/records/person?limit=500&merged=exclude').then((r) => setPersons(r.records), (e) => setError(messageOf(e, 'The people could not be loaded.')));
  }, [asked]);
  const suggestedIncidents = likely?.incidents.map((l) => l.incident) ?? [];
  const titles = useOpened<{ title?: string }>(vault, 'incident', [...suggestedIncidents, ...incidents]);
  const names = useOpened<{ name?: string }>(vault, 'person', persons);

  async function link(target: Target) {
    setError(null);
    try {
      await createRecord(vault, 'source', { targetType: target.type, targetId: target.id, reportId, connection: 'other', reliability: 'F', credibility: '6', sourceDate: null }, { description: `Report #${reportSeq}` });
      say(`Report #${reportSeq} is now a source of ${target.code}.`);
    } catch (e) {
      setError(messageOf(e, 'The report could not be linked.'));
    }
  }

  function linkChosen(event: Event) {
    event.preventDefault();
    const [type, id] = chosen.split(':') as ['incident' | 'person', string];
    const target = [...incidents, ...persons].find((r) => r.id === id);
    if (target) void link({ type, id, code: target.code });
  }

  const id = `link-${reportId}`;
  const suggested = likely && likely.people.length + likely.incidents.length > 0;
  return (
    <div class="link-report">
      {suggested && (
        <section aria-labelledby={`${id}-likely`} data-suggestions>
          <h3 id={`${id}-likely`}>This report may concern</h3>
          <ul class="plain-list">
            {likely.incidents.map(({ incident, place, day }) => (
              <li key={incident.id} data-suggested-incident={incident.code}>
                <a href={`#records/${incident.id}`}>{incident.code}</a> {titles.get(incident.id)?.title ?? ''} — {place.labels.en}, {shortDay(day)}{' '}
                <button type="button" class="small secondary" onClick={() => void link({ type: 'incident', id: incident.id, code: incident.code })}>
                  Link as a source<span class="visually-hidden"> of {incident.code}</span>
                </button>
              </li>
            ))}
            {likely.people.map(({ person, probability, as, reasons }) => (
              <li key={person.id} data-suggested-person={person.code}>
                mentions “{as}” — may be <a href={`#person/${person.id}`}>{person.code}</a> {person.name} ({percent(probability)} likely{reasons ? `: ${reasons}` : ''}){' '}
                <button type="button" class="small secondary" onClick={() => void link({ type: 'person', id: person.id, code: person.code })}>
                  Link as a source<span class="visually-hidden"> of {person.code}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {linkable && !lookForPeople && (
        <p>
          <button type="button" class="small secondary" onClick={() => setLookForPeople(true)}>
            Suggest people this report may concern
          </button>{' '}
          (compares the names in it with everyone on record, in this browser)
        </p>
      )}
      {asked ? (
        <form onSubmit={linkChosen}>
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
        </form>
      ) : (
        <button type="button" class="small secondary" onClick={() => setAsked(true)}>
          Link to an incident or person already recorded…
        </button>
      )}
      <Feedback error={error} said={said} />
    </div>
  );
}

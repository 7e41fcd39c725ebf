// Linking a report to an incident or a person already recorded, instead of making a duplicate: the
// report becomes one more source of it (graded on the incident's page). The incidents and people it
// may concern are suggested first, with the reason (likely.ts): a name written in it that is like a
// person on record, an incident within a few days at a place it mentions. Any other is found by a
// search over the incidents and people on record (codes, titles, names, days), opened in this
// browser: the first matches as a list of choices, however many there are on record.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import type { ReportAnswers } from '../../../core/report/answers.ts';
import { createRecord, useOpened, type RecordView } from '../records/client.ts';
import { likelyForReport, type IncidentLikely, type PersonLikely } from '../records/likely.ts';
import { percent } from '../linkage/reasons.ts';
import { canLink, linkerOf } from '../linkage/linker.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { linkWords } from './link-words.ts';

type Target = { type: 'incident' | 'person'; id: string; code: string };

/** The report's words that may name people and places (not the reporter's own contact). */
const textOf = (a: ReportAnswers) => [a.story, a.whatOther, a.city, a.place, a.whenRough].filter(Boolean).join('\n');

/** At most this many matches are listed: a short list to read, whatever is on record. */
export const MOST_MATCHES = 20;

/** A record as the search finds it: its kind, code, what it reads as, and the text searched. */
export interface Findable {
  type: 'incident' | 'person';
  id: string;
  code: string;
  label: string;
  text: string;
}

/** Lower case without accents (Həsənov ~ Hasanov is the linkage's job; this only folds case and marks). */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The records every word of `query` is found in (in their code, title or name, day), in list order. */
export function findRecords(records: readonly Findable[], query: string): Findable[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  return records.filter((r) => words.every((w) => r.text.includes(w)));
}

/** A message with one of its values an element (a link): the message is formatted whole, then split there. */
function withElement(text: string, marker: string, element: ComponentChildren): ComponentChildren {
  const at = text.indexOf(marker);
  return at < 0 ? text : [text.slice(0, at), element, text.slice(at + marker.length)];
}
const MARK = '\u2063';

export function LinkReport({ vault, reportId, reportSeq, answers, receivedHour }: { vault: Vault; reportId: string; reportSeq: number; answers: ReportAnswers; receivedHour: string }) {
  const t = useWords(linkWords);
  const f = useFormats();
  const { language } = useLanguage();
  const [incidents, setIncidents] = useState<RecordView<{ dateStart: string | null }>[] | null>(null);
  const [persons, setPersons] = useState<RecordView[] | null>(null);
  const [likely, setLikely] = useState<{ people: PersonLikely[]; incidents: IncidentLikely[] } | null>(null);
  const [asked, setAsked] = useState(false);
  // People are suggested from this session's linkage when there is one; otherwise only when asked,
  // as comparing everyone on record takes a while on a large list.
  const linkable = canLink(vault);
  const [lookForPeople, setLookForPeople] = useState(() => linkable && linkerOf(vault).last !== null);
  const [query, setQuery] = useState('');
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
    api<{ records: RecordView<{ dateStart: string | null }>[] }>('/api/records/incident?limit=1000').then((r) => setIncidents(r.records), (e) => {
      setIncidents([]);
      setError(messageOf(e, t('incidentsNotLoaded')));
    });
    api<{ records: RecordView[] }>('/api/records/person?limit=500&merged=exclude').then((r) => setPersons(r.records), (e) => {
      setPersons([]);
      setError(messageOf(e, t('peopleNotLoaded')));
    });
  }, [asked]);
  const suggestedIncidents = likely?.incidents.map((l) => l.incident) ?? [];
  const titles = useOpened<{ title?: string }>(vault, 'incident', [...suggestedIncidents, ...(incidents ?? [])]);
  const names = useOpened<{ name?: string }>(vault, 'person', persons ?? []);
  const findable = useMemo<Findable[]>(() => {
    const all: (Omit<Findable, 'text'> & { day: string | null })[] = [
      ...(incidents ?? []).map((i) => {
        const day = i.plain.dateStart;
        return { type: 'incident' as const, id: i.id, code: i.code, label: [i.code, titles.get(i.id)?.title, day && `(${f.day(day)})`].filter(Boolean).join(' '), day };
      }),
      ...(persons ?? []).map((p) => ({ type: 'person' as const, id: p.id, code: p.code, label: [p.code, names.get(p.id)?.name].filter(Boolean).join(' '), day: null })),
    ];
    // A day is found as typed (2026-11-03) and as shown (3 Nov 2026).
    return all.map(({ day, ...r }) => ({ ...r, text: folded(`${r.label} ${day ?? ''}`) }));
  }, [incidents, persons, titles, names, language]);
  const found = findRecords(findable, query);
  const shown = found.slice(0, MOST_MATCHES);

  async function link(target: Target) {
    setError(null);
    try {
      await createRecord(vault, 'source', { targetType: target.type, targetId: target.id, reportId, connection: 'other', reliability: 'F', credibility: '6', sourceDate: null }, { description: t('reportNumber', { seq: reportSeq }) });
      say(t('linked', { seq: reportSeq, code: target.code }));
    } catch (e) {
      setError(messageOf(e, t('notLinked')));
    }
  }

  function linkChosen(event: Event) {
    event.preventDefault();
    const target = findable.find((r) => r.id === chosen);
    if (target) void link({ type: target.type, id: target.id, code: target.code });
  }

  const id = `link-${reportId}`;
  const suggested = likely && likely.people.length + likely.incidents.length > 0;
  const loaded = incidents !== null && persons !== null;
  return (
    <div class="link-report">
      {suggested && (
        <section aria-labelledby={`${id}-likely`} data-suggestions>
          <h3 id={`${id}-likely`}>{t('mayConcern')}</h3>
          <ul class="plain-list">
            {likely.incidents.map(({ incident, place, day }) => (
              <li key={incident.id} data-suggested-incident={incident.code}>
                <a href={`#records/${incident.id}`}>{incident.code}</a> {titles.get(incident.id)?.title ?? ''} — {place.labels[language]}, {f.day(day)}{' '}
                <button type="button" class="small secondary" aria-label={t('linkAsSourceOf', { code: incident.code })} onClick={() => void link({ type: 'incident', id: incident.id, code: incident.code })}>
                  {t('linkAsSource')}
                </button>
              </li>
            ))}
            {likely.people.map(({ person, probability, as, reasons }) => {
              const values = { as, code: MARK, name: person.name, percent: percent(probability), reasons };
              return (
                <li key={person.id} data-suggested-person={person.code}>
                  {withElement(reasons ? t('mayBePersonBecause', values) : t('mayBePerson', values), MARK, <a href={`#person/${person.id}`}>{person.code}</a>)}{' '}
                  <button type="button" class="small secondary" aria-label={t('linkAsSourceOf', { code: person.code })} onClick={() => void link({ type: 'person', id: person.id, code: person.code })}>
                    {t('linkAsSource')}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {linkable && !lookForPeople && (
        <p>
          <button type="button" class="small secondary" onClick={() => setLookForPeople(true)}>
            {t('suggestPeople')}
          </button>{' '}
          {t('suggestPeopleHint')}
        </p>
      )}
      {asked ? (
        <form onSubmit={linkChosen} class="find-record" data-find-record>
          <label for={id}>{t('findLabel')}</label>
          <p id={`${id}-hint`} class="hint">
            {t('findHint')}
          </p>
          <input id={id} type="search" autoComplete="off" value={query} onInput={(e) => setQuery(e.currentTarget.value)} aria-describedby={`${id}-hint ${id}-count`} aria-controls={`${id}-matches`} />
          <p id={`${id}-count`} class="hint" role="status" data-matches={found.length}>
            {!loaded ? t('loadingRecords') : found.length > shown.length ? t('matchesSome', { shown: shown.length, count: found.length }) : t('matchesAll', { count: found.length })}
          </p>
          {shown.length > 0 && (
            <fieldset id={`${id}-matches`} class="matches">
              <legend class="visually-hidden">{t('matchesLegend')}</legend>
              {shown.map((r) => (
                <label key={r.id} class="inline" data-match-type={r.type} data-match-code={r.code}>
                  <input type="radio" name={`${id}-choice`} value={r.id} checked={chosen === r.id} onChange={() => setChosen(r.id)} /> {r.label}
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit" class="small" disabled={!shown.some((r) => r.id === chosen)}>
            {t('linkAsSource')}
          </button>
        </form>
      ) : (
        <button type="button" class="small secondary" onClick={() => setAsked(true)}>
          {t('openSearch')}
        </button>
      )}
      <Feedback error={error} said={said} />
    </div>
  );
}

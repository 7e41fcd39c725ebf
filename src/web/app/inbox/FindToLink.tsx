// Any incident or person on record, found by a search (codes, titles, names, days) over them all,
// opened in this browser when asked for: the first matches as a list of choices, however many
// there are on record.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { useOpened, type RecordView } from '../records/client.ts';
import { MOST_MATCHES, findRecords, folded, type Findable, type Target } from './find-records.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { linkWords } from './link-words.ts';

interface Props {
  vault: Vault;
  id: string;
  onLink: (target: Target) => void;
  onError: (message: string) => void;
}

export function FindToLink(props: Props) {
  const t = useWords(linkWords);
  const [asked, setAsked] = useState(false);
  return asked ? (
    <FindForm {...props} />
  ) : (
    <button type="button" class="small secondary" onClick={() => setAsked(true)}>
      {t('openSearch')}
    </button>
  );
}

/** Every incident and person on record, with what they read as (titles and names opened here); loaded once asked for. */
function useFindable(vault: Vault, onError: (message: string) => void) {
  const t = useWords(linkWords);
  const f = useFormats();
  const { language } = useLanguage();
  const [incidents, setIncidents] = useState<RecordView<{ dateStart: string | null }>[] | null>(null);
  const [persons, setPersons] = useState<RecordView[] | null>(null);
  useEffect(() => {
    api<{ records: RecordView<{ dateStart: string | null }>[] }>('/api/records/incident?limit=1000').then((r) => setIncidents(r.records), (e) => {
      setIncidents([]);
      onError(messageOf(e, t('incidentsNotLoaded')));
    });
    api<{ records: RecordView[] }>('/api/records/person?limit=500&merged=exclude').then((r) => setPersons(r.records), (e) => {
      setPersons([]);
      onError(messageOf(e, t('peopleNotLoaded')));
    });
  }, []);
  const titles = useOpened<{ title?: string }>(vault, 'incident', incidents ?? []);
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
  return { findable, loaded: incidents !== null && persons !== null };
}

function FindForm({ vault, id, onLink, onError }: Props) {
  const t = useWords(linkWords);
  const { findable, loaded } = useFindable(vault, onError);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState('');
  const found = findRecords(findable, query);
  const shown = found.slice(0, MOST_MATCHES);

  function linkChosen(event: Event) {
    event.preventDefault();
    const target = findable.find((r) => r.id === chosen);
    if (target) onLink({ type: target.type, id: target.id, code: target.code });
  }

  return (
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
  );
}

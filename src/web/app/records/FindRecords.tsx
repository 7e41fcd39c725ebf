// Finding people and incidents on record by name, title or description, however they were spelt
// ("Гасанов" finds Həsənov Elvin; "sobe" finds an incident at a şöbə). Everything is opened and
// searched in this browser, once the member starts typing; the query never leaves the page.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { listAllRecords, openRecord } from './client.ts';
import { loadLinkagePeople } from '../linkage/people.ts';
import { FoldedWords, searchMatcher, searchTextOf } from '../../../core/linkage/search.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useFormats, useWords } from '../i18n/context.tsx';
import { recordsWords } from './words.ts';

/** At most this many of each kind are shown: a longer list is a query to narrow. */
const SHOWN = 50;

interface Found {
  id: string;
  code: string;
  /** What is shown: a name (and other names), or a title. */
  label: string;
  /** An incident's day, as recorded ('' if not known); none for a person. */
  day?: string;
  /** The opened text, folded for search. */
  folded: string;
}

interface Index {
  people: Found[];
  incidents: Found[];
}

type IncidentPlain = { dateStart: string | null };

/** Everyone on record (merged records' names under the person they joined) and every incident, opened and folded. */
async function loadIndex(vault: Vault): Promise<Index> {
  const [people, incidents] = await Promise.all([loadLinkagePeople(vault), listAllRecords<IncidentPlain>('incident')]);
  const memo = new FoldedWords();
  const titles = await Promise.all(incidents.map((i) => openRecord<{ title?: string; description?: string }>(vault, 'incident', i)));
  return {
    people: people.map((p) => {
      const names = [p.name, ...(p.otherNames ?? [])];
      return { id: p.id, code: p.code, label: names.join(' · '), folded: searchTextOf(names.join('\n'), memo) };
    }),
    incidents: incidents.flatMap((incident, i) => {
      const fields = titles[i];
      if (!fields) return [];
      return [{ id: incident.id, code: incident.code, label: fields.title ?? '', day: incident.plain.dateStart ?? '', folded: searchTextOf(`${fields.title ?? ''}\n${fields.description ?? ''}`, memo) }];
    }),
  };
}

export function FindRecords({ vault }: { vault: Vault }) {
  const t = useWords(recordsWords);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState<Index | null>(null);
  const [error, setError] = useState<string | null>(null);
  const wanted = query.trim() !== '';
  // Opened only when the member starts typing: not for every visit to the records page.
  useEffect(() => {
    if (!wanted || index) return;
    let live = true;
    loadIndex(vault).then((i) => live && setIndex(i), (e) => live && setError(messageOf(e, t('searchNotOpened'))));
    return () => {
      live = false;
    };
  }, [wanted]);
  const found = useMemo(() => {
    if (!index || !wanted) return null;
    const matches = searchMatcher(query);
    const pick = (list: Found[]) => list.filter((f) => matches([f.folded]));
    return { people: pick(index.people), incidents: pick(index.incidents) };
  }, [index, query]);

  return (
    <section aria-labelledby="find-records" class="find-records">
      <h2 id="find-records">{t('findTitle')}</h2>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="records-search">{t('searchLabel')}</label>
        <input id="records-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} autoComplete="off" spellcheck={false} />
      </form>
      <Feedback error={error} />
      {wanted && !found && !error && <p role="status">{t('openingRecords')}</p>}
      {found && (
        <>
          <p role="status">{t('found', { people: found.people.length, incidents: found.incidents.length })}</p>
          <FoundList kind="person" heading={t('people')} found={found.people} href={(id) => `#person/${id}`} />
          <FoundList kind="incident" heading={t('incidents')} found={found.incidents} href={(id) => `#records/${id}`} />
        </>
      )}
    </section>
  );
}

function FoundList({ kind, heading, found, href }: { kind: 'person' | 'incident'; heading: string; found: Found[]; href: (id: string) => string }) {
  const t = useWords(recordsWords);
  const f = useFormats();
  if (found.length === 0) return null;
  return (
    <>
      <h3>{heading}</h3>
      <ul class="found">
        {found.slice(0, SHOWN).map((r) => (
          <li key={r.id} {...{ [`data-found-${kind}`]: r.code }}>
            <a href={href(r.id)}>{r.code}</a> {r.day === undefined ? r.label : t('foundIncident', { title: r.label, day: r.day ? f.day(r.day) : t('dateUnknown') })}
          </li>
        ))}
      </ul>
      {found.length > SHOWN && <p>{t('firstShown', { count: SHOWN })}</p>}
    </>
  );
}

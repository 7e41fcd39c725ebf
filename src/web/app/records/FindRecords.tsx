// Finding people and incidents on record by name, title or description, however they were spelt
// ("Гасанов" finds Həsənov Elvin; "sobe" finds an incident at a şöbə). Everything is opened and
// searched in this browser, once the member starts typing; the query never leaves the page.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { messageOf } from '../api.ts';
import type { Vault } from '../vault.ts';
import { listAllRecords, openRecord } from './client.ts';
import { loadLinkagePeople } from '../linkage/people.ts';
import { FoldedWords, searchMatcher, searchTextOf } from '../../../core/linkage/search.ts';
import { Feedback } from '../Feedback.tsx';

/** At most this many of each kind are shown: a longer list is a query to narrow. */
const SHOWN = 50;

interface Found {
  id: string;
  code: string;
  /** What is shown: a name (and other names), or a title and date. */
  label: string;
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
      const label = `${fields.title ?? ''} (${incident.plain.dateStart ?? 'date unknown'})`;
      return [{ id: incident.id, code: incident.code, label, folded: searchTextOf(`${fields.title ?? ''}\n${fields.description ?? ''}`, memo) }];
    }),
  };
}

export function FindRecords({ vault }: { vault: Vault }) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState<Index | null>(null);
  const [error, setError] = useState<string | null>(null);
  const wanted = query.trim() !== '';
  // Opened only when the member starts typing: not for every visit to the records page.
  useEffect(() => {
    if (!wanted || index) return;
    let live = true;
    loadIndex(vault).then((i) => live && setIndex(i), (e) => live && setError(messageOf(e, 'The records could not be opened for search.')));
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
      <h2 id="find-records">Find people and incidents</h2>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="records-search">Name, title or words of a description, in any script</label>
        <input id="records-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} autoComplete="off" spellcheck={false} />
      </form>
      <Feedback error={error} />
      {wanted && !found && !error && <p role="status">Opening the records…</p>}
      {found && (
        <>
          <p role="status">
            {found.people.length} {found.people.length === 1 ? 'person' : 'people'} and {found.incidents.length} {found.incidents.length === 1 ? 'incident' : 'incidents'} found.
          </p>
          <FoundList kind="person" heading="People" found={found.people} href={(id) => `#person/${id}`} />
          <FoundList kind="incident" heading="Incidents" found={found.incidents} href={(id) => `#records/${id}`} />
        </>
      )}
    </section>
  );
}

function FoundList({ kind, heading, found, href }: { kind: 'person' | 'incident'; heading: string; found: Found[]; href: (id: string) => string }) {
  if (found.length === 0) return null;
  return (
    <>
      <h3>{heading}</h3>
      <ul class="found">
        {found.slice(0, SHOWN).map((f) => (
          <li key={f.id} {...{ [`data-found-${kind}`]: f.code }}>
            <a href={href(f.id)}>{f.code}</a> {f.label}
          </li>
        ))}
      </ul>
      {found.length > SHOWN && <p>The first {SHOWN} are shown: add a word to narrow the search.</p>}
    </>
  );
}

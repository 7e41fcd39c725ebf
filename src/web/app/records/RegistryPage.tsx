// Administrators keep the registries (places, perpetrator units, legal provisions with their
// appeal days, local act types), and give an organization made before records its records key.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { PageHeading } from '../PageHeading.tsx';
import type { Vault } from '../vault.ts';
import { MissingKey } from '../members/MissingKey.tsx';
import { PLACE_KINDS } from '../../../core/records/vocabulary.ts';
import { REGISTRY_KINDS, type RegistryKind } from '../../../core/records/schemas.ts';
import { useRegistry } from './client.ts';
import { TermSelect, TextField, termLabel } from './fields.tsx';
import { Feedback } from '../Feedback.tsx';

const KIND_NAMES: Record<RegistryKind, string> = { place: 'Place', unit: 'Perpetrator unit', provision: 'Legal provision', 'act-type': 'Local act type' };

export function RegistryPage({ vault }: { vault: Vault }) {
  const { entries, reload } = useRegistry(vault);
  const [kind, setKind] = useState<RegistryKind>('place');
  const [code, setCode] = useState('');
  const [en, setEn] = useState('');
  const [az, setAz] = useState('');
  const [ru, setRu] = useState('');
  const [placeKind, setPlaceKind] = useState<(typeof PLACE_KINDS)[number]['key']>('police');
  const [appealDays, setAppealDays] = useState('');
  const [said, say] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      await api('/api/registry', {
        kind,
        code: code.trim(),
        labels: { en: en.trim(), az: az.trim(), ru: ru.trim() },
        placeKind: kind === 'place' ? placeKind : null,
        appealDays: kind === 'provision' && appealDays.trim() ? Number(appealDays) : null,
      });
      say(`${KIND_NAMES[kind]} “${en.trim()}” added.`);
      setCode('');
      setEn('');
      setAz('');
      setRu('');
      reload();
    } catch (e) {
      setError(messageOf(e, 'It could not be added.'));
    }
  }

  return (
    <main class="wide-ish">
      <PageHeading>Registries</PageHeading>
      <MissingKey vault={vault} purpose="records" />
      <form class="card" onSubmit={add} aria-labelledby="add-entry">
        <h2 id="add-entry">Add an entry</h2>
        <label for="entry-kind">Kind</label>
        <select id="entry-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as RegistryKind)}>
          {REGISTRY_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_NAMES[k]}
            </option>
          ))}
        </select>
        <TextField id="entry-code" label="Code" hint={kind === 'act-type' ? 'Twelve digits starting with 99, e.g. 990301000000' : 'A short name, e.g. binagadi-police or CAO-510'} value={code} onChange={setCode} />
        <TextField id="entry-en" label="Name in English" value={en} onChange={setEn} />
        <TextField id="entry-az" label="Name in Azerbaijani" value={az} onChange={setAz} />
        <TextField id="entry-ru" label="Name in Russian" value={ru} onChange={setRu} />
        {kind === 'place' && <TermSelect id="entry-place-kind" label="Kind of place" terms={PLACE_KINDS} value={placeKind} onChange={setPlaceKind} />}
        {kind === 'provision' && <TextField id="entry-appeal" label="Days to appeal a decision under it" type="number" value={appealDays} onChange={setAppealDays} />}
        <Feedback error={error} said={said} />
        <button type="submit">Add</button>
      </form>
      {REGISTRY_KINDS.map((k) => (
        <section key={k}>
          <h2>{KIND_NAMES[k]}s</h2>
          <ul>
            {entries
              .filter((e) => e.kind === k)
              .map((e) => (
                <li key={e.id}>
                  <code>{e.code}</code> {e.labels.en} · {e.labels.az} · {e.labels.ru}
                  {e.placeKind && ` (${termLabel(PLACE_KINDS, e.placeKind)})`}
                  {e.appealDays && ` — appeal within ${e.appealDays} days`}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </main>
  );
}

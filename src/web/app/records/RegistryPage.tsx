// Administrators keep the registries (places, perpetrator units, legal provisions with their
// appeal days, local act types), and give an organization made before records its records key.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { PageHeading } from '../PageHeading.tsx';
import type { Vault } from '../vault.ts';
import { rotateKey } from '../../../core/keyring.ts';
import { fromBase64Url } from '../../../core/crypto/bytes.ts';
import { ROLE_KEYS, type MembersResponse, type OrgKeyView } from '../../../core/api/schemas.ts';
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
      <RecordsKeySetup vault={vault} />
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

/** Shown only where the organization has no records key yet (set up before records existed). */
function RecordsKeySetup({ vault }: { vault: Vault }) {
  const [missing, setMissing] = useState(false);
  const [said, say] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ keys: OrgKeyView[] }>('/api/keys').then((r) => setMissing(!r.keys.some((k) => k.purpose === 'records' && k.current)), () => undefined);
  }, []);
  if (!missing && !said) return null;

  async function create() {
    setError(null);
    try {
      const { members } = await api<MembersResponse>('/api/members');
      const holders = members.filter((m) => m.status === 'active' && ROLE_KEYS[m.role].includes('records'));
      const made = await rotateKey(holders.map((m) => ({ id: m.id, publicKey: fromBase64Url(m.publicKey)! })), vault.keyring);
      await api('/api/keys/records', made);
      vault.release('records-key');
      setMissing(false);
      say('The records key was made and sealed to every member whose role holds it. They receive it at their next login.');
    } catch (e) {
      setError(messageOf(e, 'The records key could not be made.'));
    }
  }
  return (
    <section class="card">
      <h2>Records key</h2>
      {missing && <p>This organization was set up before records existed and has no records key. Make it here: your browser creates it and seals it to every administrator, coordinator and documenter.</p>}
      <Feedback error={error} said={said} />
      {missing && (
        <button type="button" onClick={create}>
          Make the records key
        </button>
      )}
    </section>
  );
}

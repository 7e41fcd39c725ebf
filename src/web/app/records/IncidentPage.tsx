// One incident: what happened (opened here), its people and what was done to each (acts), each
// detention with its decision and expected release, and the sources. Adds a person with an act.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, messageOf } from '../api.ts';
import { PageHeading } from '../PageHeading.tsx';
import type { Vault } from '../vault.ts';
import { ACT_TYPES, AGE_RANGES, CONSENT_SHARING, MONITORING_STATUSES, NAME_PREFERENCES, RISK_LEVELS, actType } from '../../../core/records/vocabulary.ts';
import { actTypeLabel, createRecord, labelOf, openRecord, updateRecord, useOpened, useRegistry, type RecordView, type RegistryEntry } from './client.ts';
import { EntrySelect, TermSelect, TextField, termLabel } from './fields.tsx';
import { partialDateOf } from './draft.ts';
import { birthYearField } from './birth-year.ts';
import { LikelyMatches } from '../linkage/LikelyMatches.tsx';
import { linkerOf } from '../linkage/linker.ts';
import { DetentionEditor, type DetentionState } from './DetentionEditor.tsx';
import { Attachments } from '../evidence/Attachments.tsx';
import { Purge } from './Purge.tsx';
import { Involvements } from './Involvements.tsx';
import { EditAct } from './EditAct.tsx';
import { History, type VersionView } from './History.tsx';
import { IncidentFields, type IncidentDraft } from './IncidentFields.tsx';
import { FollowUp, Sources, type InterventionPlain, type SourcePlain } from './SourcesAndFollowUp.tsx';
import { Feedback } from '../Feedback.tsx';
import { Provenance } from '../bundles/Provenance.tsx';

type ActPlain = { incidentId: string; personId: string; typeCode: string; dateStart: string | null; dateEnd: string | null; dateEndPrecision: string; placeId: string | null };
type PersonFields = { name?: string; otherNames?: string; contacts?: string; genderIdentity?: string; birthYear?: number | null };

type IncidentPlain = { dateStart: string | null; dateStartPrecision: string; dateEnd: string | null; dateEndPrecision: string; monitoringStatus: string; placeIds: string[] };

interface Loaded {
  incident: RecordView<IncidentPlain>;
  history: VersionView[];
  fields: { title?: string; description?: string } | null;
  acts: RecordView<ActPlain>[];
  persons: Map<string, RecordView>;
  detentions: Map<string, DetentionState>;
  sources: RecordView<SourcePlain>[];
  interventions: RecordView<InterventionPlain>[];
}

async function load(vault: Vault, incidentId: string): Promise<Loaded> {
  const { record: incident, history } = await api<{ record: Loaded['incident']; history: VersionView[] }>(`/api/records/incident/${incidentId}`);
  const [{ records: acts }, { records: sources }, { records: interventions }] = await Promise.all([
    api<{ records: RecordView<ActPlain>[] }>(`/api/records/act?incidentId=${incidentId}&limit=1000`),
    api<{ records: Loaded['sources'] }>(`/api/records/source?targetId=${incidentId}&limit=1000`),
    api<{ records: Loaded['interventions'] }>(`/api/records/intervention?incidentId=${incidentId}&limit=1000`),
  ]);
  // Sources about what was done to its people are this incident's sources too.
  const aboutActs = await Promise.all(acts.map((a) => api<{ records: Loaded['sources'] }>(`/api/records/source?targetId=${a.id}&limit=1000`)));
  const allSources = [...sources, ...aboutActs.flatMap((r) => r.records)].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const persons = new Map<string, RecordView>();
  for (const id of new Set(acts.map((a) => a.plain.personId))) persons.set(id, (await api<{ record: RecordView }>(`/api/records/person/${id}`)).record);
  const detentions = new Map<string, DetentionState>();
  for (const act of acts.filter((a) => actType(a.plain.typeCode)?.detention)) {
    try {
      detentions.set(act.id, await api<DetentionState>(`/api/acts/${act.id}/detention`));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
  }
  return { incident, history, fields: await openRecord(vault, 'incident', incident), acts, persons, detentions, sources: allSources, interventions: interventions.reverse() };
}

export function IncidentPage({ vault, incidentId }: { vault: Vault; incidentId: string }) {
  const { entries } = useRegistry(vault);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const reload = () => setRound((n) => n + 1);
  useEffect(() => {
    load(vault, incidentId).then(setData, (e) => setError(messageOf(e, 'The incident could not be loaded.')));
  }, [incidentId, round]);
  const people = useOpened<PersonFields>(vault, 'person', data ? [...data.persons.values()] : []);

  if (error) {
    return (
      <main class="wide-ish">
        <PageHeading>Incident</PageHeading>
        <p class="error" role="alert">
          {error}
        </p>
      </main>
    );
  }
  if (!data) return <main class="wide-ish">Opening the incident…</main>;
  const { incident, fields } = data;
  const nameOf = (personId: string) => {
    const person = data.persons.get(personId);
    const opened = people.get(personId);
    return `${person ? codeOf(person) : ''}${opened?.name ? ` — ${opened.name}` : ''}`;
  };
  return (
    <main class="wide-ish" data-incident-page={incident.code}>
      <p>
        <a href="#records">All incidents</a>
      </p>
      <PageHeading>
        {incident.code} {fields?.title ?? ''}
      </PageHeading>
      <p class="facts">
        {incident.plain.dateStart ?? 'Date unknown'} ·{' '}
        {incident.plain.placeIds.length === 0
          ? 'place unknown'
          : incident.plain.placeIds.map((p, i) => (
              <span key={p}>
                {i > 0 && ', '}
                <a href={`#place/${p}`}>{labelOf(entries, p)}</a>
              </span>
            ))}{' '}
        · {termLabel(MONITORING_STATUSES, incident.plain.monitoringStatus)}
      </p>
      <Provenance vault={vault} recordId={incident.id} />
      {fields === null && <p>Your role does not hold the records key: names and narratives stay sealed.</p>}
      {fields?.description && <blockquote class="story">{fields.description}</blockquote>}
      {vault.canTriage && fields !== null && <EditIncident key={incident.version} vault={vault} incident={incident} fields={fields} entries={entries} onSaved={reload} />}

      <h2>People and what happened to them</h2>
      {data.acts.length === 0 && <p>No one recorded yet.</p>}
      <ul class="cards">
        {data.acts.map((act) => (
          <li key={act.id} class="card" data-act={act.code}>
            <h3>
              <a href={`#person/${act.plain.personId}`}>{nameOf(act.plain.personId)}</a>: {actTypeLabel(entries, act.plain.typeCode)}
            </h3>
            <p class="facts">
              {act.code} · {act.plain.dateStart ?? 'date unknown'} {act.plain.placeId && `· ${labelOf(entries, act.plain.placeId)}`}
            </p>
            {vault.canTriage && <EditAct key={act.version} vault={vault} act={act} entries={entries} onSaved={reload} />}
            <Involvements vault={vault} actId={act.id} entries={entries} />
            {actType(act.plain.typeCode)?.detention && <DetentionEditor act={act} state={data.detentions.get(act.id) ?? null} entries={entries} canEdit={vault.canTriage} onSaved={reload} />}
          </li>
        ))}
      </ul>
      {vault.canTriage && <AddPerson key={round} vault={vault} incidentId={incident.id} existing={[...data.persons.values()]} nameOf={nameOf} onSaved={reload} />}

      <Attachments vault={vault} owner={{ type: 'incident', id: incident.id }} />

      <Sources vault={vault} incidentId={incident.id} sources={data.sources} subjects={data.acts.map((act) => ({ actId: act.id, label: `${nameOf(act.plain.personId)} (${actTypeLabel(entries, act.plain.typeCode)}, ${act.code})` }))} onSaved={reload} />
      <FollowUp vault={vault} incidentId={incident.id} interventions={data.interventions} onSaved={reload} />
      <History vault={vault} type="incident" id={incident.id} versions={data.history} />
      {vault.isAdmin && <Purge type="incident" id={incident.id} code={incident.code} then="#records" />}
    </main>
  );
}

const codeOf = (record: RecordView) => record.code;

function AddPerson({ vault, incidentId, existing, nameOf, onSaved }: { vault: Vault; incidentId: string; existing: RecordView[]; nameOf: (id: string) => string; onSaved: () => void }) {
  const { entries } = useRegistry(vault);
  const [personId, setPersonId] = useState('');
  /** People on record chosen from the likely matches, offered beside this incident's own. */
  const [chosen, setChosen] = useState<{ id: string; code: string }[]>([]);
  const [name, setName] = useState('');
  const [contacts, setContacts] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [ageRange, setAgeRange] = useState<(typeof AGE_RANGES)[number]['key']>('unknown');
  const [consent, setConsent] = useState<(typeof CONSENT_SHARING)[number]['key']>('none');
  const [namePreference, setNamePreference] = useState<(typeof NAME_PREFERENCES)[number]['key']>('initials');
  const [risk, setRisk] = useState<(typeof RISK_LEVELS)[number]['key']>('unknown');
  const [typeCode, setTypeCode] = useState(ACT_TYPES[1]!.code);
  const [date, setDate] = useState('');
  const [placeId, setPlaceId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const localTypes = entries.filter((e) => e.kind === 'act-type');

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let victim = personId;
      if (!victim) {
        const year = birthYearField(birthYear);
        const person = await createRecord(vault, 'person', { countingUnit: 'individual', groupSize: null, ageRange, consentSharing: consent, namePreference, reprisalRisk: risk }, { name: name.trim(), contacts: contacts.trim(), ...(year ? { birthYear: year } : {}) });
        victim = person.id;
        linkerOf(vault).invalidate();
      }
      const act = await createRecord(vault, 'act', { incidentId, personId: victim, typeCode, start: partialDateOf(date), end: { date: null, precision: 'unknown' }, placeId }, { statedReason: reason.trim() });
      say(`${act.code} saved.`);
      setName('');
      setContacts('');
      setBirthYear('');
      setReason('');
      setPersonId('');
      onSaved();
    } catch (e) {
      setError(messageOf(e, e instanceof Error ? e.message : 'Could not be saved.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={submit} aria-labelledby="add-person">
      <h2 id="add-person">Add a person and what happened to them</h2>
      <label for="act-person">Person</label>
      <select id="act-person" value={personId} onChange={(e) => setPersonId(e.currentTarget.value)}>
        <option value="">A new person</option>
        {existing.map((p) => (
          <option key={p.id} value={p.id}>
            {nameOf(p.id)}
          </option>
        ))}
        {chosen
          .filter((c) => !existing.some((p) => p.id === c.id))
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.code} (already on record)
            </option>
          ))}
      </select>
      {!personId && (
        <fieldset>
          <legend>The new person (name and contacts are encrypted here, in your browser)</legend>
          <TextField id="person-name" label="Name" value={name} onChange={setName} />
          <TextField id="person-birth-year" label="Year of birth" hint="e.g. 1998; empty if unknown" value={birthYear} onChange={setBirthYear} />
          <TextField id="person-contacts" label="Contacts" value={contacts} onChange={setContacts} />
          <LikelyMatches
            vault={vault}
            person={{ name, birthYear, placeId, date, typeCode }}
            onChoose={(id, code) => {
              setChosen((c) => [...c, { id, code }]);
              setPersonId(id);
            }}
          />
          <TermSelect id="person-age" label="Age range" terms={AGE_RANGES} value={ageRange} onChange={setAgeRange} />
          <TermSelect id="person-consent" label="Consent to share" terms={CONSENT_SHARING} value={consent} onChange={setConsent} />
          <TermSelect id="person-name-preference" label="In documents, name them by" terms={NAME_PREFERENCES} value={namePreference} onChange={setNamePreference} />
          <TermSelect id="person-risk" label="Risk of reprisal" terms={RISK_LEVELS} value={risk} onChange={setRisk} />
        </fieldset>
      )}
      <label for="act-type">What was done</label>
      <select id="act-type" value={typeCode} onChange={(e) => setTypeCode(e.currentTarget.value)}>
        {ACT_TYPES.map((a) => (
          <option key={a.code} value={a.code}>
            {a.labels.en}
          </option>
        ))}
        {localTypes.map((t) => (
          <option key={t.code} value={t.code}>
            {t.labels.en}
          </option>
        ))}
      </select>
      <TextField id="act-date" label="When" hint="2026-11-03, 2026-11 or 2026; empty if unknown" value={date} onChange={setDate} />
      <EntrySelect id="act-place" label="Where" entries={entries} kind="place" value={placeId} onChange={setPlaceId} />
      <TextField id="act-reason" label="Stated reason" value={reason} onChange={setReason} />
      <Feedback error={error} said={said} />
      <button type="submit" disabled={busy || (!personId && !name.trim())}>
        Save
      </button>
    </form>
  );
}

/** An incident's own fields change as more is learnt: a new version each time (History shows it). */
function EditIncident({ vault, incident, fields, entries, onSaved }: { vault: Vault; incident: Loaded['incident']; fields: { title?: string; description?: string }; entries: RegistryEntry[]; onSaved: () => void }) {
  const [draft, setDraft] = useState<IncidentDraft>({
    title: fields.title ?? '',
    description: fields.description ?? '',
    date: incident.plain.dateStart ?? '',
    placeId: incident.plain.placeIds[0] ?? null,
    status: incident.plain.monitoringStatus as IncidentDraft['status'],
  });
  const [error, setError] = useState<string | null>(null);
  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const { title, description, date, placeId, status } = draft;
      const plain = {
        start: partialDateOf(date),
        end: { date: incident.plain.dateEnd, precision: incident.plain.dateEndPrecision },
        placeIds: placeId ? [placeId, ...incident.plain.placeIds.filter((p) => p !== placeId)] : incident.plain.placeIds.slice(1),
        monitoringStatus: status,
      };
      await updateRecord(vault, 'incident', incident, plain, { ...fields, title: title.trim(), description: description.trim() });
      onSaved();
    } catch (e) {
      setError(messageOf(e, 'The changes could not be saved.'));
    }
  }
  return (
    <details class="edit">
      <summary>Change the incident</summary>
      <form onSubmit={save}>
        <IncidentFields prefix="edit-incident" value={draft} onChange={setDraft} entries={entries} />
        <Feedback error={error} />
        <button type="submit">Save the changes</button>
      </form>
    </details>
  );
}

// One incident: what happened (opened here), its people and what was done to each (acts), each
// detention with its decision and expected release, and the sources. Adds a person with an act.
// Every form starts closed (a <details> or a button) and closes once saved: the page reads as a
// record, not as a stack of forms.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { Vault } from '../session/vault.ts';
import { ACT_TYPES, AGE_RANGES, CONSENT_SHARING, MONITORING_STATUSES, NAME_PREFERENCES, RISK_LEVELS, actType } from '../../../core/records/vocabulary.ts';
import { actTypeLabel, createRecord, openRecord, updateRecord, useOpened, useRegistry, type RecordView, type RegistryEntry } from './client.ts';
import { ActTypeSelect, EntrySelect, PartialDateField, TermSelect, TextField, termLabel, useEntryLabel } from './fields.tsx';
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
import { Feedback } from '../ui/Feedback.tsx';
import { Provenance } from './Provenance.tsx';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { incidentWords } from './incident-words.ts';

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
  const t = useWords(incidentWords);
  const f = useFormats();
  const { language } = useLanguage();
  const { entries } = useRegistry(vault);
  const placeLabel = useEntryLabel(entries);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const reload = () => setRound((n) => n + 1);
  useEffect(() => {
    load(vault, incidentId).then(setData, (e) => setError(messageOf(e, t('couldNotLoadIncident'))));
  }, [incidentId, round]);
  const people = useOpened<PersonFields>(vault, 'person', data ? [...data.persons.values()] : []);

  if (error) {
    return (
      <main class="wide-ish">
        <PageHeading>{t('incident')}</PageHeading>
        <p class="error" role="alert">
          {error}
        </p>
      </main>
    );
  }
  if (!data) return <main class="wide-ish">{t('opening')}</main>;
  const { incident, fields } = data;
  const nameOf = (personId: string) => {
    const person = data.persons.get(personId);
    const opened = people.get(personId);
    return `${person ? codeOf(person) : ''}${opened?.name ? ` — ${opened.name}` : ''}`;
  };
  const typeOf = (code: string) => actTypeLabel(entries, code, language);
  return (
    <main class="wide-ish" data-incident-page={incident.code}>
      <p>
        <a href="#records">{t('allIncidents')}</a>
      </p>
      <PageHeading>
        {incident.code} {fields?.title ?? ''}
      </PageHeading>
      <p class="facts">
        {incident.plain.dateStart ? f.day(incident.plain.dateStart) : t('dateUnknown')} ·{' '}
        {incident.plain.placeIds.length === 0
          ? t('placeUnknown')
          : incident.plain.placeIds.map((p, i) => (
              <span key={p}>
                {i > 0 && ', '}
                <a href={`#place/${p}`}>{placeLabel(p)}</a>
              </span>
            ))}{' '}
        · {termLabel(MONITORING_STATUSES, incident.plain.monitoringStatus, language)}
      </p>
      <Provenance vault={vault} recordId={incident.id} />
      {fields === null && <p>{t('sealedForRole')}</p>}
      {fields?.description && <blockquote class="story">{fields.description}</blockquote>}
      {vault.canTriage && fields !== null && <EditIncident key={incident.version} vault={vault} incident={incident} fields={fields} entries={entries} onSaved={reload} />}

      <h2>{t('peopleTitle')}</h2>
      {data.acts.length === 0 && <p>{t('noOneYet')}</p>}
      <ul class="cards">
        {data.acts.map((act) => (
          <li key={act.id} class="card" data-act={act.code}>
            <h3>
              <a href={`#person/${act.plain.personId}`}>{nameOf(act.plain.personId)}</a>: {typeOf(act.plain.typeCode)}
            </h3>
            <p class="facts">
              {act.code} · {act.plain.dateStart ? f.day(act.plain.dateStart) : t('actDateUnknown')} {act.plain.placeId && `· ${placeLabel(act.plain.placeId)}`}
            </p>
            {vault.canTriage && <EditAct key={act.version} vault={vault} act={act} entries={entries} onSaved={reload} />}
            <Involvements vault={vault} actId={act.id} entries={entries} />
            {actType(act.plain.typeCode)?.detention && <DetentionEditor act={act} state={data.detentions.get(act.id) ?? null} entries={entries} canEdit={vault.canTriage} onSaved={reload} />}
          </li>
        ))}
      </ul>
      {vault.canTriage && <AddPerson vault={vault} incidentId={incident.id} existing={[...data.persons.values()]} nameOf={nameOf} onSaved={reload} />}

      <Attachments vault={vault} owner={{ type: 'incident', id: incident.id }} />

      <Sources vault={vault} incidentId={incident.id} sources={data.sources} subjects={data.acts.map((act) => ({ actId: act.id, label: `${nameOf(act.plain.personId)} (${typeOf(act.plain.typeCode)}, ${act.code})` }))} onSaved={reload} />
      <FollowUp vault={vault} incidentId={incident.id} interventions={data.interventions} onSaved={reload} />
      <History vault={vault} type="incident" id={incident.id} versions={data.history} />
      {vault.isAdmin && <Purge type="incident" id={incident.id} code={incident.code} then="#records" />}
    </main>
  );
}

const codeOf = (record: RecordView) => record.code;

/**
 * A person and what was done to them, behind its summary until asked for. Once saved it closes,
 * says the act's code, and the next person starts from empty fields (a fresh form: nothing of the
 * previous person's age, consent or risk carries over).
 */
function AddPerson({ vault, incidentId, existing, nameOf, onSaved }: { vault: Vault; incidentId: string; existing: RecordView[]; nameOf: (id: string) => string; onSaved: () => void }) {
  const t = useWords(incidentWords);
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  const [said, say] = useState('');
  /** People on record chosen from the likely matches, offered beside this incident's own (kept across forms). */
  const [chosen, setChosen] = useState<{ id: string; code: string }[]>([]);
  return (
    <>
      <details class="edit add" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)} data-add-person>
        <summary>{t('addPerson')}</summary>
        <PersonForm
          key={round}
          vault={vault}
          incidentId={incidentId}
          existing={existing}
          nameOf={nameOf}
          chosen={chosen}
          onChosen={(c) => setChosen((was) => [...was, c])}
          onSaved={(code) => {
            say(t('actSaved', { code }));
            setOpen(false);
            setRound((n) => n + 1);
            onSaved();
          }}
        />
      </details>
      <Feedback error={null} said={said} />
    </>
  );
}

function PersonForm({ vault, incidentId, existing, nameOf, chosen, onChosen, onSaved }: { vault: Vault; incidentId: string; existing: RecordView[]; nameOf: (id: string) => string; chosen: { id: string; code: string }[]; onChosen: (c: { id: string; code: string }) => void; onSaved: (code: string) => void }) {
  const t = useWords(incidentWords);
  const common = useWords(commonWords);
  const { entries } = useRegistry(vault);
  const [personId, setPersonId] = useState('');
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
      onSaved(act.code);
    } catch (e) {
      setError(messageOf(e, e instanceof Error ? e.message : common('couldNotSave')));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={t('addPerson')}>
      <label for="act-person">{t('person')}</label>
      <select id="act-person" value={personId} onChange={(e) => setPersonId(e.currentTarget.value)}>
        <option value="">{t('newPerson')}</option>
        {existing.map((p) => (
          <option key={p.id} value={p.id}>
            {nameOf(p.id)}
          </option>
        ))}
        {chosen
          .filter((c) => !existing.some((p) => p.id === c.id))
          .map((c) => (
            <option key={c.id} value={c.id}>
              {t('alreadyOnRecord', { code: c.code })}
            </option>
          ))}
      </select>
      {!personId && (
        <fieldset>
          <legend>{t('newPersonLegend')}</legend>
          <TextField id="person-name" label={t('name')} value={name} onChange={setName} />
          <TextField id="person-birth-year" label={t('birthYear')} hint={t('birthYearHint')} value={birthYear} onChange={setBirthYear} />
          <TextField id="person-contacts" label={t('contacts')} value={contacts} onChange={setContacts} />
          <LikelyMatches
            vault={vault}
            person={{ name, birthYear, placeId, date, typeCode }}
            onChoose={(id, code) => {
              onChosen({ id, code });
              setPersonId(id);
            }}
          />
          <TermSelect id="person-age" label={t('ageRange')} terms={AGE_RANGES} value={ageRange} onChange={setAgeRange} />
          <TermSelect id="person-consent" label={t('consent')} terms={CONSENT_SHARING} value={consent} onChange={setConsent} />
          <TermSelect id="person-name-preference" label={t('namePreference')} terms={NAME_PREFERENCES} value={namePreference} onChange={setNamePreference} />
          <TermSelect id="person-risk" label={t('risk')} terms={RISK_LEVELS} value={risk} onChange={setRisk} />
        </fieldset>
      )}
      <ActTypeSelect id="act-type" label={t('whatWasDone')} entries={entries} value={typeCode} onChange={setTypeCode} />
      <PartialDateField id="act-date" label={t('when')} value={date} onChange={setDate} />
      <EntrySelect id="act-place" label={t('where')} entries={entries} kind="place" value={placeId} onChange={setPlaceId} />
      <TextField id="act-reason" label={t('statedReason')} value={reason} onChange={setReason} />
      <Feedback error={error} />
      <button type="submit" disabled={busy || (!personId && !name.trim())}>
        {common('save')}
      </button>
    </form>
  );
}

/** An incident's own fields change as more is learnt: a new version each time (History shows it). */
function EditIncident({ vault, incident, fields, entries, onSaved }: { vault: Vault; incident: Loaded['incident']; fields: { title?: string; description?: string }; entries: RegistryEntry[]; onSaved: () => void }) {
  const t = useWords(incidentWords);
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
      setError(messageOf(e, t('changesNotSaved')));
    }
  }
  return (
    <details class="edit">
      <summary>{t('changeIncident')}</summary>
      <form onSubmit={save}>
        <IncidentFields prefix="edit-incident" value={draft} onChange={setDraft} entries={entries} />
        <Feedback error={error} />
        <button type="submit">{t('saveChanges')}</button>
      </form>
    </details>
  );
}

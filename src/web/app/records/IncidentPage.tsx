// One incident: what happened (opened here), its people and what was done to each (acts), each
// detention with its decision and expected release, and the sources. Adds a person with an act.
// Every form starts closed (a <details> or a button) and closes once saved: the page reads as a
// record, not as a stack of forms.
import { useState } from 'preact/hooks';
import type { Vault } from '../session/vault.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { actType } from '../../../core/records/vocabulary.ts';
import { MONITORING_STATUSES } from '../../../core/records/vocabulary-words.ts';
import { actTypeLabel, updateRecord, useOpened, useRegistry, type RecordView, type RegistryEntry } from './client.ts';
import { useEntryLabel } from './fields.tsx';
import { termLabel } from '../ui/fields.tsx';
import { partialDateOf } from './draft.ts';
import { loadIncident, type ActPlain, type LoadedIncident } from './incident-load.ts';
import { NotLoaded, useRecordPage } from './page-loading.tsx';
import { EditForm } from './EditForm.tsx';
import { AddPerson } from './AddPerson.tsx';
import { DetentionEditor, type DetentionState } from './DetentionEditor.tsx';
import { Attachments } from '../evidence/Attachments.tsx';
import { Purge } from './Purge.tsx';
import { Involvements } from './Involvements.tsx';
import { EditAct } from './EditAct.tsx';
import { History } from './History.tsx';
import { IncidentFields, type IncidentDraft } from './IncidentFields.tsx';
import { Sources } from './Sources.tsx';
import { FollowUp } from './FollowUp.tsx';
import { Provenance } from './Provenance.tsx';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { incidentWords } from './incident-words.ts';

type PersonFields = { name?: string; otherNames?: string; contacts?: string; genderIdentity?: string; birthYear?: number | null };

export function IncidentPage({ vault, incidentId }: { vault: Vault; incidentId: string }) {
  const t = useWords(incidentWords);
  const { language } = useLanguage();
  const { entries } = useRegistry(vault);
  const { data, error, reload } = useRecordPage(incidentId, () => loadIncident(vault, incidentId), t('couldNotLoadIncident'));
  const people = useOpened<PersonFields>(vault, 'person', data ? [...data.persons.values()] : []);

  if (error || !data) return <NotLoaded title={t('incident')} error={error} opening={t('opening')} />;
  const { incident, fields } = data;
  const nameOf = (personId: string) => {
    const person = data.persons.get(personId);
    const opened = people.get(personId);
    return `${person ? person.code : ''}${opened?.name ? ` — ${opened.name}` : ''}`;
  };
  const typeOf = (code: string) => actTypeLabel(entries, code, language);
  const subjects = data.acts.map((act) => ({ actId: act.id, label: `${nameOf(act.plain.personId)} (${typeOf(act.plain.typeCode)}, ${act.code})` }));
  return (
    <main class="wide-ish" data-incident-page={incident.code}>
      <p>
        <a href="#records">{t('allIncidents')}</a>
      </p>
      <PageHeading>
        {incident.code} {fields?.title ?? ''}
      </PageHeading>
      <IncidentFacts incident={incident} entries={entries} />
      <Provenance vault={vault} recordId={incident.id} />
      {fields === null && <p>{t('sealedForRole')}</p>}
      {fields?.description && <blockquote class="story">{fields.description}</blockquote>}
      {vault.canTriage && fields !== null && <EditIncident key={incident.version} vault={vault} incident={incident} fields={fields} entries={entries} onSaved={reload} />}

      <h2>{t('peopleTitle')}</h2>
      {data.acts.length === 0 && <p>{t('noOneYet')}</p>}
      <ul class="cards">
        {data.acts.map((act) => (
          <ActCard key={act.id} vault={vault} act={act} who={nameOf(act.plain.personId)} detention={data.detentions.get(act.id) ?? null} entries={entries} onSaved={reload} />
        ))}
      </ul>
      {vault.canTriage && <AddPerson vault={vault} incidentId={incident.id} existing={[...data.persons.values()]} nameOf={nameOf} onSaved={reload} />}

      <Attachments vault={vault} owner={{ type: 'incident', id: incident.id }} />

      <Sources vault={vault} incidentId={incident.id} sources={data.sources} subjects={subjects} onSaved={reload} />
      <FollowUp vault={vault} incidentId={incident.id} interventions={data.interventions} onSaved={reload} />
      <History vault={vault} type="incident" id={incident.id} versions={data.history} />
      {vault.isAdmin && <Purge type="incident" id={incident.id} code={incident.code} then="#records" />}
    </main>
  );
}

/** When, where (each place a link) and how far the monitoring has come. */
function IncidentFacts({ incident, entries }: { incident: LoadedIncident['incident']; entries: RegistryEntry[] }) {
  const t = useWords(incidentWords);
  const f = useFormats();
  const { language } = useLanguage();
  const placeLabel = useEntryLabel(entries);
  return (
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
  );
}

/** One person of the incident and what was done to them: the act, who took part, the detention. */
function ActCard({ vault, act, who, detention, entries, onSaved }: { vault: Vault; act: RecordView<ActPlain>; who: string; detention: DetentionState | null; entries: RegistryEntry[]; onSaved: () => void }) {
  const t = useWords(incidentWords);
  const f = useFormats();
  const { language } = useLanguage();
  const placeLabel = useEntryLabel(entries);
  return (
    <li class="card" data-act={act.code}>
      <h3>
        <a href={`#person/${act.plain.personId}`}>{who}</a>: {actTypeLabel(entries, act.plain.typeCode, language)}
      </h3>
      <p class="facts">
        {act.code} · {act.plain.dateStart ? f.day(act.plain.dateStart) : t('actDateUnknown')} {act.plain.placeId && `· ${placeLabel(act.plain.placeId)}`}
      </p>
      {vault.canTriage && <EditAct key={act.version} vault={vault} act={act} entries={entries} onSaved={onSaved} />}
      <Involvements vault={vault} actId={act.id} entries={entries} />
      {actType(act.plain.typeCode)?.detention && <DetentionEditor act={act} state={detention} entries={entries} canEdit={vault.canTriage} onSaved={onSaved} />}
    </li>
  );
}

/** An incident's own fields change as more is learnt: a new version each time (History shows it). */
function EditIncident({ vault, incident, fields, entries, onSaved }: { vault: Vault; incident: LoadedIncident['incident']; fields: { title?: string; description?: string }; entries: RegistryEntry[]; onSaved: () => void }) {
  const t = useWords(incidentWords);
  const [draft, setDraft] = useState<IncidentDraft>({
    title: fields.title ?? '',
    description: fields.description ?? '',
    date: incident.plain.dateStart ?? '',
    placeId: incident.plain.placeIds[0] ?? null,
    status: incident.plain.monitoringStatus as IncidentDraft['status'],
  });
  async function save() {
    const { title, description, date, placeId, status } = draft;
    const plain = {
      start: partialDateOf(date),
      end: { date: incident.plain.dateEnd, precision: incident.plain.dateEndPrecision },
      placeIds: placeId ? [placeId, ...incident.plain.placeIds.filter((p) => p !== placeId)] : incident.plain.placeIds.slice(1),
      monitoringStatus: status,
    };
    await updateRecord(vault, 'incident', incident, plain, { ...fields, title: title.trim(), description: description.trim() });
    onSaved();
  }
  return (
    <EditForm summary={t('changeIncident')} submit={t('saveChanges')} failure={t('changesNotSaved')} onSave={save}>
      <IncidentFields prefix="edit-incident" value={draft} onChange={setDraft} entries={entries} />
    </EditForm>
  );
}

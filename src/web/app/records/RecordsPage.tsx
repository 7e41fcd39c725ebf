// Incidents: the list (newest first, titles opened in this browser), a search over people and
// incidents (FindRecords.tsx) and a new incident, possibly from a report of the inbox. An incident's own page is #records/<id>.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { Vault } from '../session/vault.ts';
import { ACT_TYPES } from '../../../core/records/vocabulary.ts';
import { MONITORING_STATUSES } from '../../../core/records/vocabulary-words.ts';
import { createRecord, useOpened, useRegistry, type RecordView } from './client.ts';
import { termLabel } from '../ui/fields.tsx';
import { IncidentFields, type IncidentDraft } from './IncidentFields.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { DraftHolder, partialDateOf } from './draft.ts';
import { IncidentPage } from './IncidentPage.tsx';
import { FindRecords } from './FindRecords.tsx';
import { canLink } from '../linkage/linker.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { recordsWords } from './words.ts';
import { AddPlace } from './AddPlace.tsx';
import { useCreating } from './use-creating.ts';

type IncidentPlain = { dateStart: string | null; monitoringStatus: string; placeIds: string[] };
type IncidentFields = { title: string; description: string };

export function RecordsPage({ vault, incidentId }: { vault: Vault; incidentId: string | null }) {
  if (incidentId) return <IncidentPage vault={vault} incidentId={incidentId} />;
  return <IncidentList vault={vault} />;
}

function IncidentList({ vault }: { vault: Vault }) {
  const t = useWords(recordsWords);
  const f = useFormats();
  const { language } = useLanguage();
  const [incidents, setIncidents] = useState<RecordView<IncidentPlain>[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    api<{ records: RecordView<IncidentPlain>[] }>(`/api/records/incident?limit=200${status ? `&monitoringStatus=${status}` : ''}`).then(
      (r) => {
        setIncidents(r.records);
        setLoaded(true);
      },
      (e) => setError(messageOf(e, t('incidentsNotLoaded'))),
    );
  }, [status]);
  const opened = useOpened<IncidentFields>(vault, 'incident', incidents);
  return (
    <main class="wide-ish">
      <PageHeading>{t('records')}</PageHeading>
      <Feedback error={error} />
      {/* Names and titles are sealed: only roles holding the records key can search them. */}
      {canLink(vault) && <FindRecords vault={vault} />}
      {vault.canTriage && <NewIncident vault={vault} />}
      <h2>{t('incidents')}</h2>
      <ChoiceSelect id="incident-filter" label={t('show')} none={t('allIncidents')} choices={MONITORING_STATUSES.map((s) => [s.key, s.labels[language]])} value={status} onChange={setStatus} />
      {loaded && incidents.length === 0 && status && <p>{t('noIncidentsWithStatus')}</p>}
      {loaded && incidents.length === 0 && !status && (
        <p data-empty="incidents">
          {t('noIncidentsYet')} {vault.canTriage && t('firstIncidentHint')}
        </p>
      )}
      <ul class="cards">
        {incidents.map((i) => (
          <li key={i.id} class="card" data-incident={i.code}>
            <a href={`#records/${i.id}`}>
              {i.code} {opened.get(i.id)?.title ?? ''}
            </a>{' '}
            · {i.plain.dateStart ? f.day(i.plain.dateStart) : t('dateUnknown')} · {termLabel(MONITORING_STATUSES, i.plain.monitoringStatus, language)}
          </li>
        ))}
      </ul>
      <ActsByType />
    </main>
  );
}

/** A quick filter across every incident: the newest acts of one type (e.g. every forced examination). */
function ActsByType() {
  const t = useWords(recordsWords);
  const f = useFormats();
  const { language } = useLanguage();
  const [typeCode, setTypeCode] = useState('');
  const [acts, setActs] = useState<RecordView<{ incidentId: string; personId: string; dateStart: string | null }>[]>([]);
  useEffect(() => {
    if (!typeCode) return setActs([]);
    api<{ records: typeof acts }>(`/api/records/act?typeCode=${typeCode}&limit=100`).then((r) => setActs(r.records), () => setActs([]));
  }, [typeCode]);
  return (
    <section aria-labelledby="acts-by-type">
      <h2 id="acts-by-type">{t('actsByType')}</h2>
      <ChoiceSelect id="act-type-filter" label={t('typeOfAct')} none={t('chooseType')} choices={ACT_TYPES.map((a) => [a.code, a.labels[language]])} value={typeCode} onChange={setTypeCode} />
      {typeCode && acts.length === 0 && <p>{t('noneRecorded')}</p>}
      <ul data-acts-of-type={typeCode}>
        {acts.map((a) => (
          <li key={a.id}>
            {a.plain.dateStart ? f.day(a.plain.dateStart) : t('dateUnknown')} · <a href={`#person/${a.plain.personId}`}>{a.code}</a> · <a href={`#records/${a.plain.incidentId}`}>{t('incident')}</a>
          </li>
        ))}
      </ul>
      {acts.length === 100 && <p>{t('newestShown', { count: 100 })}</p>}
    </section>
  );
}

function NewIncident({ vault }: { vault: Vault }) {
  const holder = vault.hold('record-draft', () => new DraftHolder());
  const draft = holder.draft;
  const t = useWords(recordsWords);
  const { entries, reload } = useRegistry(vault);
  const [incident, setIncident] = useState<IncidentDraft>({ title: draft?.title ?? '', description: draft?.description ?? '', date: draft?.date ?? '', placeId: null, status: 'open' });
  const { busy, error, submit } = useCreating(t('incidentNotSaved'));

  async function make() {
    const { title, description, date, placeId, status } = incident;
    const made = await createRecord(vault, 'incident', { start: partialDateOf(date), end: { date: null, precision: 'unknown' }, placeIds: placeId ? [placeId] : [], monitoringStatus: status }, { title: title.trim(), description: description.trim() });
    // The report it came from is the incident's first source (grade it on the incident's page).
    if (draft) {
      await createRecord(vault, 'source', { targetType: 'incident', targetId: made.id, reportId: draft.reportId, connection: 'other', reliability: 'F', credibility: '6', sourceDate: null }, { description: t('reportAsSource', { seq: String(draft.reportSeq) }) });
      holder.draft = null;
    }
    location.hash = `#records/${made.id}`;
  }

  return (
    <form class="card" onSubmit={submit(make)} aria-labelledby="new-incident">
      <h2 id="new-incident">{draft ? t('newIncidentFromReport', { seq: String(draft.reportSeq) }) : t('newIncident')}</h2>
      <IncidentFields prefix="incident" value={incident} onChange={setIncident} entries={entries} />
      <AddPlace vault={vault} idPrefix="incident" reload={reload} onAdded={(placeId) => setIncident((now) => ({ ...now, placeId }))} />
      <Feedback error={error} />
      <button type="submit" disabled={busy || !incident.title.trim()}>
        {t('saveIncident')}
      </button>
    </form>
  );
}

/** A choice among a list, or none of them (the first option). */
function ChoiceSelect({ id, label, none, choices, value, onChange }: { id: string; label: string; none: string; choices: [string, string][]; value: string; onChange: (value: string) => void }) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{none}</option>
        {choices.map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
    </>
  );
}

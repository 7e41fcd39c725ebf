// One person: their code everywhere, their identity only for those holding the records key, their
// consent, and their timeline across every incident (detained → transferred → sentenced → released).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { Vault } from '../session/vault.ts';
import { AGE_RANGES, CONSENT_SHARING, NAME_PREFERENCES, RISK_LEVELS, actType } from '../../../core/records/vocabulary.ts';
import { actTypeLabel, labelOf, openRecord, updateRecord, useRegistry, type RecordView } from './client.ts';
import { termLabel } from './fields.tsx';
import { Purge } from './Purge.tsx';
import { History, type VersionView } from './History.tsx';
import { TermSelect, TextField } from './fields.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { Provenance } from './Provenance.tsx';
import { birthYearField, yearOf } from './birth-year.ts';
import { canLink, linkerOf } from '../linkage/linker.ts';
import { loadDecisions } from '../linkage/decisions-client.ts';
import { timelineOf, type TimelineAct, type TimelineDetention } from './timeline.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { recordsWords } from './words.ts';
import { Linked } from './linked.tsx';

type PersonPlain = { mergedInto?: string | null; countingUnit: string; groupSize: number | null; ageRange: string; consentSharing: string; namePreference: string; reprisalRisk: string; consentRecordedAt: string | null };
type ActPlain = { incidentId: string; typeCode: string; dateStart: string | null };
type PersonFields = { name?: string; contacts?: string; birthYear?: number | string | null };

interface Loaded {
  person: RecordView<PersonPlain>;
  history: VersionView[];
  sources: number;
  fields: PersonFields | null;
  acts: RecordView<ActPlain>[];
  detentions: Map<string, TimelineDetention>;
  transfers: Map<string, { toPlaceId: string; onDay: string; atTime: string | null }[]>;
  /** The incidents naming this person: code and (where it opens) title, for their links. */
  incidents: { id: string; code: string; title: string | null }[];
  /** The person this record was merged into, and the records merged into this one (issue 11). */
  mergedInto: { id: string; code: string } | null;
  alsoRecordedAs: { id: string; code: string }[];
}

/** Where this record stands among merges: merged into someone, or others merged into it. */
async function mergesOf(vault: Vault, person: RecordView<PersonPlain>): Promise<Pick<Loaded, 'mergedInto' | 'alsoRecordedAs'>> {
  const into = person.plain.mergedInto;
  const mergedInto = into ? { id: into, code: (await api<{ record: RecordView }>(`/api/records/person/${into}`)).record.code } : null;
  // Decisions are for members who review duplicates (they read names); others see the merge only.
  const decisions = canLink(vault) ? await loadDecisions() : { merges: [] };
  const alsoRecordedAs = decisions.merges.filter((m) => m.survivorId === person.id && !m.undone && m.mergedCode).map((m) => ({ id: m.mergedId, code: m.mergedCode! }));
  return { mergedInto, alsoRecordedAs };
}

async function load(vault: Vault, personId: string): Promise<Loaded> {
  const { record: person, history } = await api<{ record: RecordView<PersonPlain>; history: VersionView[] }>(`/api/records/person/${personId}`);
  const [{ records: acts }, { records: sources }] = await Promise.all([
    api<{ records: RecordView<ActPlain>[] }>(`/api/records/act?personId=${personId}&limit=1000`),
    api<{ records: RecordView<{ reportId: string | null }>[] }>(`/api/records/source?targetId=${personId}&limit=1000`),
  ]);
  const detentions = new Map<string, TimelineDetention>();
  const transfers = new Map<string, { toPlaceId: string; onDay: string; atTime: string | null }[]>();
  for (const act of acts.filter((a) => actType(a.plain.typeCode)?.detention)) {
    try {
      const d = await api<{ detention: TimelineDetention; transfers: { toPlaceId: string; onDay: string; atTime: string | null }[] }>(`/api/acts/${act.id}/detention`);
      detentions.set(act.id, d.detention);
      transfers.set(act.id, d.transfers);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
  }
  const independent = new Set(sources.map((s) => s.plain.reportId ?? s.id)).size;
  const incidents = await incidentsOf(vault, acts);
  return { person, history, sources: independent, fields: await openRecord(vault, 'person', person), acts, detentions, transfers, incidents, ...(await mergesOf(vault, person)) };
}

/** The incidents the person's acts are in, each with its code and title (opened here). */
async function incidentsOf(vault: Vault, acts: RecordView<ActPlain>[]): Promise<Loaded['incidents']> {
  const ids = [...new Set(acts.map((a) => a.plain.incidentId))];
  return Promise.all(
    ids.map(async (id) => {
      const { record } = await api<{ record: RecordView }>(`/api/records/incident/${id}`);
      const fields = await openRecord<{ title?: string }>(vault, 'incident', record);
      return { id, code: record.code, title: fields?.title ?? null };
    }),
  );
}

export function PersonPage({ vault, personId }: { vault: Vault; personId: string }) {
  const { entries } = useRegistry(vault);
  const t = useWords(recordsWords);
  const f = useFormats();
  const { language } = useLanguage();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    load(vault, personId).then(setData, (e) => setError(messageOf(e, t('personNotLoaded'))));
  }, [personId, round]);
  if (error) {
    return (
      <main class="wide-ish">
        <PageHeading>{t('person')}</PageHeading>
        <p class="error" role="alert">
          {error}
        </p>
      </main>
    );
  }
  if (!data) return <main class="wide-ish">{t('opening')}</main>;
  const { person, fields } = data;
  const acts: TimelineAct[] = data.acts.map((a) => ({ id: a.id, code: a.code, typeCode: a.plain.typeCode, dateStart: a.plain.dateStart }));
  const timeline = timelineOf(acts, data.detentions, data.transfers, (id) => labelOf(entries, id, language), (code) => actTypeLabel(entries, code, language));
  return (
    <main class="wide-ish" data-person-page={person.code}>
      <PageHeading>
        {person.code}
        {fields?.name ? ` — ${fields.name}` : ''}
      </PageHeading>
      {fields === null && <p>{t('sealedIdentity')}</p>}
      {data.mergedInto && (
        <p class="notice-inline" data-merged-into={data.mergedInto.code}>
          <Linked t={t} message="mergedInto" parts={{ code: <a href={`#person/${data.mergedInto.id}`}>{data.mergedInto.code}</a> }} />
        </p>
      )}
      {data.alsoRecordedAs.length > 0 && (
        <p data-also-recorded-as={data.alsoRecordedAs.map((r) => r.code).join(' ')}>
          <Linked
            t={t}
            message="alsoRecordedAs"
            parts={{
              codes: data.alsoRecordedAs.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ', '}
                  <a href={`#person/${r.id}`}>{r.code}</a>
                </span>
              )),
            }}
          />
        </p>
      )}
      <Provenance vault={vault} recordId={person.id} />
      <dl class="facts-list">
        {fields?.contacts && (
          <>
            <dt>{t('contacts')}</dt>
            <dd>{fields.contacts}</dd>
          </>
        )}
        {yearOf(fields?.birthYear) && (
          <>
            <dt>{t('yearOfBirth')}</dt>
            <dd>{yearOf(fields?.birthYear)}</dd>
          </>
        )}
        <dt>{t('age')}</dt>
        <dd>{termLabel(AGE_RANGES, person.plain.ageRange, language)}</dd>
        <dt>{t('consent')}</dt>
        <dd>
          {t('consentValue', { sharing: termLabel(CONSENT_SHARING, person.plain.consentSharing, language), naming: termLabel(NAME_PREFERENCES, person.plain.namePreference, language).toLocaleLowerCase(language) })}
          {person.plain.consentRecordedAt && ` ${t('consentRecordedOn', { day: f.date(person.plain.consentRecordedAt) })}`}
        </dd>
        <dt>{t('riskOfReprisal')}</dt>
        <dd>{termLabel(RISK_LEVELS, person.plain.reprisalRisk, language)}</dd>
        <dt>{t('sourcesAboutThem')}</dt>
        <dd data-person-sources={data.sources}>{data.sources === 0 ? t('noSourcesYet') : f.number(data.sources)}</dd>
      </dl>
      {vault.canTriage && fields !== null && <EditPerson key={person.version} vault={vault} person={person} fields={fields} onSaved={() => setRound((n) => n + 1)} />}
      <h2>{t('timeline')}</h2>
      {timeline.length === 0 && <p>{t('nothingRecordedYet')}</p>}
      <ol class="timeline" data-timeline>
        {timeline.map((e, i) => (
          <li key={i} data-step={e.what}>
            <strong>{e.day ? f.day(e.day) : t('dateUnknown')}</strong> · {e.text} <small>({e.actCode})</small>
          </li>
        ))}
      </ol>
      <History vault={vault} type="person" id={person.id} versions={data.history} />
      {vault.isAdmin && <Purge type="person" id={person.id} code={person.code} then="#records" />}
      <h2>{t('incidents')}</h2>
      {data.incidents.length === 0 && <p>{t('noIncidentsOfPerson')}</p>}
      <ul data-person-incidents>
        {data.incidents.map((i) => (
          <li key={i.id}>
            <a href={`#records/${i.id}`}>{t('recordLabel', { code: i.code, title: i.title ?? '' }).trim()}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** Consent and identity change over time (a person withdraws consent, a lawyer gives a new number): a new version each time. */
function EditPerson({ vault, person, fields, onSaved }: { vault: Vault; person: RecordView<PersonPlain>; fields: PersonFields; onSaved: () => void }) {
  const t = useWords(recordsWords);
  const [consent, setConsent] = useState(person.plain.consentSharing as (typeof CONSENT_SHARING)[number]['key']);
  const [namePreference, setNamePreference] = useState(person.plain.namePreference as (typeof NAME_PREFERENCES)[number]['key']);
  const [risk, setRisk] = useState(person.plain.reprisalRisk as (typeof RISK_LEVELS)[number]['key']);
  const [name, setName] = useState(fields.name ?? '');
  const [contacts, setContacts] = useState(fields.contacts ?? '');
  const [birthYear, setBirthYear] = useState(String(yearOf(fields.birthYear) ?? ''));
  const [error, setError] = useState<string | null>(null);
  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const { countingUnit, groupSize, ageRange } = person.plain;
      const plain = { countingUnit, groupSize, ageRange, consentSharing: consent, namePreference, reprisalRisk: risk };
      // An emptied year is left out (undefined is not sealed), not kept from the last version.
      await updateRecord(vault, 'person', person, plain, { ...fields, name: name.trim(), contacts: contacts.trim(), birthYear: birthYearField(birthYear) ?? undefined });
      linkerOf(vault).invalidate();
      onSaved();
    } catch (e) {
      setError(messageOf(e, e instanceof Error ? e.message : t('changesNotSaved')));
    }
  }
  return (
    <details class="edit">
      <summary>{t('changeConsentOrIdentity')}</summary>
      <form onSubmit={save}>
        <TermSelect id="edit-consent" label={t('consentToShare')} terms={CONSENT_SHARING} value={consent} onChange={setConsent} />
        <TermSelect id="edit-name-preference" label={t('nameThemBy')} terms={NAME_PREFERENCES} value={namePreference} onChange={setNamePreference} />
        <TermSelect id="edit-risk" label={t('riskOfReprisal')} terms={RISK_LEVELS} value={risk} onChange={setRisk} />
        <TextField id="edit-name" label={t('name')} value={name} onChange={setName} />
        <TextField id="edit-birth-year" label={t('yearOfBirth')} hint={t('birthYearHint')} value={birthYear} onChange={setBirthYear} />
        <TextField id="edit-contacts" label={t('contacts')} value={contacts} onChange={setContacts} />
        <Feedback error={error} />
        <button type="submit">{t('saveChanges')}</button>
      </form>
    </details>
  );
}

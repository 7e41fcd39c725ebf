// One person: their code everywhere, their identity only for those holding the records key, their
// consent, and their timeline across every incident (detained → transferred → sentenced → released).
import { useState } from 'preact/hooks';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { Vault } from '../session/vault.ts';
import { AGE_RANGES, CONSENT_SHARING, NAME_PREFERENCES, RISK_LEVELS } from '../../../core/records/vocabulary-words.ts';
import { actTypeLabel, labelOf, updateRecord, useRegistry, type RecordView } from './client.ts';
import { TermSelect, TextField, termLabel } from '../ui/fields.tsx';
import { Purge } from './Purge.tsx';
import { History } from './History.tsx';
import { EditForm } from './EditForm.tsx';
import { NotLoaded, useRecordPage } from './page-loading.tsx';
import { loadPerson, type LoadedPerson, type PersonFields, type PersonPlain } from './person-load.ts';
import { Provenance } from './Provenance.tsx';
import { birthYearField, yearOf } from './birth-year.ts';
import { linkerOf } from '../linkage/linker.ts';
import { timelineOf, type TimelineAct } from './timeline.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { recordsWords } from './words.ts';
import { Linked } from '../ui/Linked.tsx';

export function PersonPage({ vault, personId }: { vault: Vault; personId: string }) {
  const t = useWords(recordsWords);
  const { data, error, reload } = useRecordPage(personId, () => loadPerson(vault, personId), t('personNotLoaded'));
  if (error || !data) return <NotLoaded title={t('person')} error={error} opening={t('opening')} />;
  const { person, fields } = data;
  return (
    <main class="wide-ish" data-person-page={person.code}>
      <PageHeading>
        {person.code}
        {fields?.name ? ` — ${fields.name}` : ''}
      </PageHeading>
      {fields === null && <p>{t('sealedIdentity')}</p>}
      <Merges data={data} />
      <Provenance vault={vault} recordId={person.id} />
      <PersonFacts data={data} />
      {vault.canTriage && fields !== null && <EditPerson key={person.version} vault={vault} person={person} fields={fields} onSaved={reload} />}
      <Timeline vault={vault} data={data} />
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

/** The person this record was merged into, or the records merged into it. */
function Merges({ data }: { data: LoadedPerson }) {
  const t = useWords(recordsWords);
  const { mergedInto, alsoRecordedAs } = data;
  return (
    <>
      {mergedInto && (
        <p class="notice-inline" data-merged-into={mergedInto.code}>
          <Linked t={t} message="mergedInto" parts={{ code: <a href={`#person/${mergedInto.id}`}>{mergedInto.code}</a> }} />
        </p>
      )}
      {alsoRecordedAs.length > 0 && (
        <p data-also-recorded-as={alsoRecordedAs.map((r) => r.code).join(' ')}>
          <Linked
            t={t}
            message="alsoRecordedAs"
            parts={{
              codes: alsoRecordedAs.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ', '}
                  <a href={`#person/${r.id}`}>{r.code}</a>
                </span>
              )),
            }}
          />
        </p>
      )}
    </>
  );
}

/** Contacts and year of birth (where opened), age, consent, risk, and how many sources speak of them. */
function PersonFacts({ data }: { data: LoadedPerson }) {
  const t = useWords(recordsWords);
  const f = useFormats();
  const { language } = useLanguage();
  const { person, fields } = data;
  return (
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
  );
}

/** What was done to them across every incident, day by day (timeline.ts). */
function Timeline({ vault, data }: { vault: Vault; data: LoadedPerson }) {
  const t = useWords(recordsWords);
  const f = useFormats();
  const { language } = useLanguage();
  const { entries } = useRegistry(vault);
  const acts: TimelineAct[] = data.acts.map((a) => ({ id: a.id, code: a.code, typeCode: a.plain.typeCode, dateStart: a.plain.dateStart }));
  const timeline = timelineOf(acts, data.detentions, data.transfers, (id) => labelOf(entries, id, language), (code) => actTypeLabel(entries, code, language));
  return (
    <>
      <h2>{t('timeline')}</h2>
      {timeline.length === 0 && <p>{t('nothingRecordedYet')}</p>}
      <ol class="timeline" data-timeline>
        {timeline.map((e, i) => (
          <li key={i} data-step={e.what}>
            <strong>{e.day ? f.day(e.day) : t('dateUnknown')}</strong> · {e.text} <small>({e.actCode})</small>
          </li>
        ))}
      </ol>
    </>
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
  async function save() {
    const { countingUnit, groupSize, ageRange } = person.plain;
    const plain = { countingUnit, groupSize, ageRange, consentSharing: consent, namePreference, reprisalRisk: risk };
    // An emptied year is left out (undefined is not sealed), not kept from the last version.
    await updateRecord(vault, 'person', person, plain, { ...fields, name: name.trim(), contacts: contacts.trim(), birthYear: birthYearField(birthYear) ?? undefined });
    linkerOf(vault).invalidate();
    onSaved();
  }
  // A year that cannot be recorded says so in its own words (birth-year.ts).
  const failure = (e: unknown) => (e instanceof Error ? e.message : t('changesNotSaved'));
  return (
    <EditForm summary={t('changeConsentOrIdentity')} submit={t('saveChanges')} failure={failure} onSave={save}>
      <TermSelect id="edit-consent" label={t('consentToShare')} terms={CONSENT_SHARING} value={consent} onChange={setConsent} />
      <TermSelect id="edit-name-preference" label={t('nameThemBy')} terms={NAME_PREFERENCES} value={namePreference} onChange={setNamePreference} />
      <TermSelect id="edit-risk" label={t('riskOfReprisal')} terms={RISK_LEVELS} value={risk} onChange={setRisk} />
      <TextField id="edit-name" label={t('name')} value={name} onChange={setName} />
      <TextField id="edit-birth-year" label={t('yearOfBirth')} hint={t('birthYearHint')} value={birthYear} onChange={setBirthYear} />
      <TextField id="edit-contacts" label={t('contacts')} value={contacts} onChange={setContacts} />
    </EditForm>
  );
}

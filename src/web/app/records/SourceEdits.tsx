// Changing a source of an incident: its grade, what it is about, and (coordinators) its channel.
// Each a new version of the source, behind a closed summary (EditForm.tsx).
import { useState } from 'preact/hooks';
import type { Vault } from '../session/vault.ts';
import { CREDIBILITY, RELIABILITY, SOURCE_CONNECTIONS } from '../../../core/records/vocabulary-words.ts';
import { createRecord, openRecord, updateRecord, type RecordView } from './client.ts';
import { TermSelect } from '../ui/fields.tsx';
import { EditForm } from './EditForm.tsx';
import { AboutSelect, ChannelSelect, grade, offered, type SourcePlain, type Subject } from './source-fields.tsx';
import { NO_CHANNEL, moveSource, type Channel } from '../channels/client.ts';
import { useWords } from '../i18n/context.tsx';
import { sourcesWords } from './sources-words.ts';

export function GradeSource({ vault, source, onSaved }: { vault: Vault; source: RecordView<SourcePlain>; onSaved: () => void }) {
  const [connection, setConnection] = useState(source.plain.connection as (typeof SOURCE_CONNECTIONS)[number]['key']);
  const [reliability, setReliability] = useState(source.plain.reliability);
  const [credibility, setCredibility] = useState(source.plain.credibility);
  const t = useWords(sourcesWords);
  async function save() {
    const fields = (await openRecord(vault, 'source', source)) ?? {};
    await updateRecord(vault, 'source', source, { ...source.plain, connection, reliability, credibility }, fields);
    onSaved();
  }
  const id = (name: string) => `${name}-${source.id}`;
  return (
    <EditForm summary={t('changeGrade')} label={t('changeGrade')} submit={t('saveGrade')} failure={t('gradeNotSaved')} onSave={save} inline>
      <TermSelect id={id('connection')} label={t('connection')} terms={SOURCE_CONNECTIONS} value={connection} onChange={setConnection} />
      <TermSelect id={id('reliability')} label={t('reliability')} terms={RELIABILITY.map(grade)} value={reliability} onChange={setReliability} />
      <TermSelect id={id('credibility')} label={t('credibility')} terms={CREDIBILITY.map(grade)} value={credibility} onChange={setCredibility} />
    </EditForm>
  );
}

/**
 * A source about the whole incident counts for no one in an estimate, and most are reports made into
 * an incident, which name its people: it is pointed at one person's act (a new version of it). A
 * report may also be copied to the others it names: one source per person, the same report, so still
 * one independent account (another source copied would corroborate the incident with itself).
 */
export function RetargetSource({ vault, source, subjects, onSaved }: { vault: Vault; source: RecordView<SourcePlain>; subjects: Subject[]; onSaved: () => void }) {
  const [actId, setActId] = useState(subjects[0]!.actId);
  const [also, setAlso] = useState<string[]>([]);
  const t = useWords(sourcesWords);
  const others = source.plain.reportId ? subjects.filter((s) => s.actId !== actId) : [];
  const toggle = (other: string, on: boolean) => setAlso((was) => (on ? [...was, other] : was.filter((a) => a !== other)));

  async function retarget() {
    const fields = (await openRecord(vault, 'source', source)) ?? {};
    const about = (targetId: string) => ({ ...source.plain, targetType: 'act', targetId });
    await updateRecord(vault, 'source', source, about(actId), fields);
    for (const other of others.filter((s) => also.includes(s.actId))) await createRecord(vault, 'source', about(other.actId), fields);
    onSaved();
  }
  return (
    <EditForm summary={t('aboutSummary')} label={t('whatIsAbout', { code: source.code })} submit={t('saveAbout')} failure={t('aboutNotChanged')} onSave={retarget} inline>
      <AboutSelect id={`about-${source.id}`} subjects={subjects} value={actId} onChange={setActId} />
      {others.length > 0 && (
        <fieldset>
          <legend>{t('alsoOthers')}</legend>
          {others.map((s) => (
            <label key={s.actId}>
              <input type="checkbox" checked={also.includes(s.actId)} onChange={(e) => toggle(s.actId, e.currentTarget.checked)} /> {s.label}
            </label>
          ))}
        </fieldset>
      )}
    </EditForm>
  );
}

/** Coordinators put a source in another channel (a report's stays in the form's). */
export function MoveSource({ source, channels, onSaved }: { source: RecordView<SourcePlain>; channels: Channel[]; onSaved: () => void }) {
  const [channelId, setChannelId] = useState(source.plain.channelId ?? NO_CHANNEL);
  const t = useWords(sourcesWords);
  async function move() {
    await moveSource(source.id, channelId || null);
    onSaved();
  }
  return (
    <EditForm summary={t('moveSummary')} label={t('channelOf', { code: source.code })} submit={t('changeChannel')} failure={t('channelNotChanged')} onSave={move} inline>
      <ChannelSelect id={`channel-${source.id}`} channels={offered(channels, source.plain.channelId)} value={channelId} onChange={setChannelId} />
    </EditForm>
  );
}

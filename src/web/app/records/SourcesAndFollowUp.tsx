// On an incident's page: its sources, graded (Admiralty: reliability A–F, credibility 1–6), with
// how many independent sources corroborate it, what each is about (the whole incident, or what was
// done to one of its people) and the channel each came through (the lists of an estimate); and its
// follow-up (interventions) with due days that feed the due-soon list. Each form to add or change
// something starts closed, behind its summary, and closes once saved.
import { useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { CREDIBILITY, RELIABILITY, SOURCE_CONNECTIONS, INTERVENTION_STATUSES, INTERVENTION_TYPES, PRIORITIES } from '../../../core/records/vocabulary.ts';
import { FORM_CHANNEL_ID, type ChannelKind } from '../../../core/records/channels.ts';
import type { Term } from '../../../core/records/vocabulary.ts';
import { createRecord, openRecord, updateRecord, type RecordView } from './client.ts';
import { TermSelect, TextField, termLabel } from './fields.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { channelTitle, kindLabel, moveSource, useChannels, type Channel } from '../channels/client.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { sourcesWords } from './sources-words.ts';

export type SourcePlain = { targetType: string; targetId: string; reportId: string | null; connection: string; reliability: string; credibility: string; sourceDate: string | null; channelId: string | null };
export type InterventionPlain = { incidentId: string | null; personId: string | null; actId: string | null; type: string; onDay: string | null; status: string; priority: string; dueOn: string | null };

const grade = (value: string): Term => ({ key: value, labels: { en: value, az: value, ru: value } });
const NO_CHANNEL = '';
const WHOLE_INCIDENT = '';

/** What a source may be about besides the whole incident: an act of the incident, named by its person. */
export type Subject = { actId: string; label: string };

/** Adding a record from a form: says its code, clears what was typed, closes the form and reloads; or says why not. */
function useAdding(failure: string, onSaved: () => void) {
  const t = useWords(sourcesWords);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const [open, setOpen] = useState(false);
  const add = (save: () => Promise<{ code: string }>, reset: () => void) => async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const made = await save();
      say(t('added', { code: made.code }));
      reset();
      setOpen(false);
      onSaved();
    } catch (e) {
      setError(messageOf(e, failure));
    }
  };
  const toggle = (event: Event) => setOpen((event.currentTarget as HTMLDetailsElement).open);
  return { error, said, add, open, toggle };
}

/** The channels a source may be put in now: the team's, not retired (plus the one it is in). */
const offered = (channels: Channel[], current: string | null = null) => channels.filter((c) => c.id !== FORM_CHANNEL_ID && (!c.retired || c.id === current));

function ChannelSelect({ id, channels, value, onChange }: { id: string; channels: Channel[]; value: string; onChange: (value: string) => void }) {
  const t = useWords(sourcesWords);
  return (
    <>
      <label for={id}>{t('channel')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value={NO_CHANNEL}>{t('noChannelYet')}</option>
        {channels.map((c) => (
          <option key={c.id} value={c.id}>
            {channelTitle(c)} ({kindLabel(c.kind)})
          </option>
        ))}
      </select>
    </>
  );
}

export function Sources({ vault, incidentId, sources, subjects, onSaved }: { vault: Vault; incidentId: string; sources: RecordView<SourcePlain>[]; subjects: Subject[]; onSaved: () => void }) {
  const t = useWords(sourcesWords);
  const { channels, reload } = useChannels(vault);
  const saved = () => {
    reload();
    onSaved();
  };
  // Independent: different reports, or sources not from the inbox (each its own account).
  const independent = new Set(sources.map((s) => s.plain.reportId ?? s.id)).size;
  const aboutOf = (s: RecordView<SourcePlain>) => (s.plain.targetType === 'act' ? (subjects.find((x) => x.actId === s.plain.targetId)?.label ?? t('oneOfItsPeople')) : t('wholeIncident'));
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">{t('sources')}</h2>
      <p data-corroboration={independent}>{t('corroboration', { count: independent })}</p>
      <ul class="cards">
        {sources.map((s) => (
          <SourceRow key={`${s.id}@${s.version}`} vault={vault} source={s} about={aboutOf(s)} subjects={subjects} channels={channels ?? []} onSaved={saved} />
        ))}
      </ul>
      {vault.canTriage && <AddSource vault={vault} incidentId={incidentId} subjects={subjects} channels={channels ?? []} onSaved={saved} />}
    </section>
  );
}

/**
 * A source the team learnt of otherwise than by a report of the inbox: graded, with its channel, and
 * about the whole incident or what was done to one of its people. Only the latter puts someone on an
 * estimate's list: an article about a round-up does not say which of its people it saw.
 */
function AddSource({ vault, incidentId, subjects, channels, onSaved }: { vault: Vault; incidentId: string; subjects: Subject[]; channels: Channel[]; onSaved: () => void }) {
  const [about, setAbout] = useState(WHOLE_INCIDENT);
  const [connection, setConnection] = useState<(typeof SOURCE_CONNECTIONS)[number]['key']>('witness');
  const [reliability, setReliability] = useState<string>('C');
  const [credibility, setCredibility] = useState<string>('3');
  const [sourceDate, setSourceDate] = useState('');
  const [channelId, setChannelId] = useState(NO_CHANNEL);
  const [description, setDescription] = useState('');
  const t = useWords(sourcesWords);
  const { error, said, add, open, toggle } = useAdding(t('sourceNotSaved'), onSaved);

  const save = () => {
    const target = about === WHOLE_INCIDENT ? { targetType: 'incident', targetId: incidentId } : { targetType: 'act', targetId: about };
    const plain = { ...target, reportId: null, connection, reliability, credibility, sourceDate: sourceDate || null, channelId: channelId || null };
    return createRecord(vault, 'source', plain, { description: description.trim() });
  };
  const reset = () => {
    setDescription('');
    setSourceDate('');
  };
  return (
    <>
      <details class="edit add" open={open} onToggle={toggle} data-add-source>
        <summary>{t('addSource')}</summary>
        <form onSubmit={add(save, reset)} aria-label={t('addSource')}>
          <p class="hint">{t('reportHint')}</p>
          <AboutSelect id="source-about" subjects={subjects} value={about} onChange={setAbout} whole />
          <ChannelSelect id="source-channel" channels={offered(channels)} value={channelId} onChange={setChannelId} />
          <TermSelect id="source-connection" label={t('connection')} terms={SOURCE_CONNECTIONS} value={connection} onChange={setConnection} />
          <TermSelect id="source-reliability" label={t('reliability')} terms={RELIABILITY.map(grade)} value={reliability} onChange={setReliability} />
          <TermSelect id="source-credibility" label={t('credibility')} terms={CREDIBILITY.map(grade)} value={credibility} onChange={setCredibility} />
          <TextField id="source-date" label={t('dayOfAccount')} type="date" value={sourceDate} onChange={setSourceDate} />
          <TextField id="source-description" label={t('whoAndHow')} value={description} onChange={setDescription} />
          <Feedback error={error} />
          <button type="submit">{t('addTheSource')}</button>
        </form>
      </details>
      <Feedback error={null} said={said} />
    </>
  );
}

/** What a source is about: one of the incident's people's acts, or (when `whole`) the incident as a whole. */
function AboutSelect({ id, subjects, value, onChange, whole = false }: { id: string; subjects: Subject[]; value: string; onChange: (value: string) => void; whole?: boolean }) {
  const t = useWords(sourcesWords);
  return (
    <>
      <label for={id}>{t('about')}</label>
      <p id={`${id}-hint`} class="hint">
        {t('aboutHint')}
      </p>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} aria-describedby={`${id}-hint`}>
        {whole && <option value={WHOLE_INCIDENT}>{t('incidentAsWhole')}</option>}
        {subjects.map((s) => (
          <option key={s.actId} value={s.actId}>
            {s.label}
          </option>
        ))}
      </select>
    </>
  );
}

function SourceRow({ vault, source, about, subjects, channels, onSaved }: { vault: Vault; source: RecordView<SourcePlain>; about: string; subjects: Subject[]; channels: Channel[]; onSaved: () => void }) {
  const [connection, setConnection] = useState(source.plain.connection as (typeof SOURCE_CONNECTIONS)[number]['key']);
  const [reliability, setReliability] = useState(source.plain.reliability);
  const [credibility, setCredibility] = useState(source.plain.credibility);
  const [error, setError] = useState<string | null>(null);
  const t = useWords(sourcesWords);
  const { language } = useLanguage();

  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const fields = (await openRecord(vault, 'source', source)) ?? {};
      await updateRecord(vault, 'source', source, { ...source.plain, connection, reliability, credibility }, fields);
      onSaved();
    } catch (e) {
      setError(messageOf(e, t('gradeNotSaved')));
    }
  }
  const id = (name: string) => `${name}-${source.id}`;
  return (
    <li data-source={source.code}>
      <strong>{source.code}</strong> · {source.plain.reportId ? t('fromInbox') : t('anotherSource')} · {termLabel(SOURCE_CONNECTIONS, source.plain.connection, language)} · {t('graded', { grade: `${source.plain.reliability}${source.plain.credibility}` })} · {t('aboutLabel')}{' '}
      <span data-source-about>{about}</span> · {t('channelLabel')} <span data-source-channel>{sourceChannelTitle(source, channels, t('noneYet'))}</span>
      {vault.canTriage && (
        <details class="edit">
          <summary>{t('changeGrade')}</summary>
          <form onSubmit={save} class="inline-form" aria-label={t('changeGrade')}>
            <TermSelect id={id('connection')} label={t('connection')} terms={SOURCE_CONNECTIONS} value={connection} onChange={setConnection} />
            <TermSelect id={id('reliability')} label={t('reliability')} terms={RELIABILITY.map(grade)} value={reliability} onChange={setReliability} />
            <TermSelect id={id('credibility')} label={t('credibility')} terms={CREDIBILITY.map(grade)} value={credibility} onChange={setCredibility} />
            <button type="submit" class="small">
              {t('saveGrade')}
            </button>
            <Feedback error={error} />
          </form>
        </details>
      )}
      {vault.canTriage && source.plain.targetType === 'incident' && subjects.length > 0 && <RetargetSource vault={vault} source={source} subjects={subjects} onSaved={onSaved} />}
      {vault.isCoordinator && !source.plain.reportId && <MoveSource source={source} channels={channels} onSaved={onSaved} />}
    </li>
  );
}

/**
 * A source about the whole incident counts for no one in an estimate, and most are reports made into
 * an incident, which name its people: it is pointed at one person's act (a new version of it). A
 * report may also be copied to the others it names: one source per person, the same report, so still
 * one independent account (another source copied would corroborate the incident with itself).
 */
function RetargetSource({ vault, source, subjects, onSaved }: { vault: Vault; source: RecordView<SourcePlain>; subjects: Subject[]; onSaved: () => void }) {
  const [actId, setActId] = useState(subjects[0]!.actId);
  const [also, setAlso] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const t = useWords(sourcesWords);
  const others = source.plain.reportId ? subjects.filter((s) => s.actId !== actId) : [];
  const toggle = (other: string, on: boolean) => setAlso((was) => (on ? [...was, other] : was.filter((a) => a !== other)));

  async function retarget(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const fields = (await openRecord(vault, 'source', source)) ?? {};
      const about = (targetId: string) => ({ ...source.plain, targetType: 'act', targetId });
      await updateRecord(vault, 'source', source, about(actId), fields);
      for (const other of others.filter((s) => also.includes(s.actId))) await createRecord(vault, 'source', about(other.actId), fields);
      onSaved();
    } catch (e) {
      setError(messageOf(e, t('aboutNotChanged')));
    }
  }
  const id = (name: string) => `${name}-${source.id}`;
  return (
    <details class="edit">
      <summary>{t('aboutSummary')}</summary>
      <form onSubmit={retarget} class="inline-form" aria-label={t('whatIsAbout', { code: source.code })}>
        <AboutSelect id={id('about')} subjects={subjects} value={actId} onChange={setActId} />
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
        <button type="submit" class="small">
          {t('saveAbout')}
        </button>
        <Feedback error={error} />
      </form>
    </details>
  );
}

/** A report's source is the form's, named by the workspace; another's is its channel's name, or none. */
function sourceChannelTitle(source: RecordView<SourcePlain>, channels: Channel[], none: string): string {
  if (source.plain.reportId) return kindLabel('form' satisfies ChannelKind);
  const channel = channels.find((c) => c.id === source.plain.channelId);
  return channel ? channelTitle(channel) : none;
}

/** Coordinators put a source in another channel (a report's stays in the form's). */
function MoveSource({ source, channels, onSaved }: { source: RecordView<SourcePlain>; channels: Channel[]; onSaved: () => void }) {
  const [channelId, setChannelId] = useState(source.plain.channelId ?? NO_CHANNEL);
  const [error, setError] = useState<string | null>(null);
  const t = useWords(sourcesWords);
  async function move(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      await moveSource(source.id, channelId || null);
      onSaved();
    } catch (e) {
      setError(messageOf(e, t('channelNotChanged')));
    }
  }
  return (
    <details class="edit">
      <summary>{t('moveSummary')}</summary>
      <form onSubmit={move} class="inline-form" aria-label={t('channelOf', { code: source.code })}>
        <ChannelSelect id={`channel-${source.id}`} channels={offered(channels, source.plain.channelId)} value={channelId} onChange={setChannelId} />
        <button type="submit" class="small">
          {t('changeChannel')}
        </button>
        <Feedback error={error} />
      </form>
    </details>
  );
}

export function FollowUp({ vault, incidentId, interventions, onSaved }: { vault: Vault; incidentId: string; interventions: RecordView<InterventionPlain>[]; onSaved: () => void }) {
  const [type, setType] = useState<(typeof INTERVENTION_TYPES)[number]['key']>('legal-aid');
  const [status, setStatus] = useState<(typeof INTERVENTION_STATUSES)[number]['key']>('planned');
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number]['key']>('normal');
  const [dueOn, setDueOn] = useState('');
  const [notes, setNotes] = useState('');
  const t = useWords(sourcesWords);
  const f = useFormats();
  const { language } = useLanguage();
  const { error, said, add, open, toggle } = useAdding(t('followUpNotSaved'), onSaved);

  const save = () => createRecord(vault, 'intervention', { incidentId, personId: null, actId: null, type, onDay: null, status, priority, dueOn: dueOn || null }, { notes: notes.trim() });
  const reset = () => {
    setNotes('');
    setDueOn('');
  };
  return (
    <section aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('followUp')}</h2>
      {interventions.length === 0 && <p>{t('noFollowUp')}</p>}
      <ul>
        {interventions.map((i) => (
          <li key={i.id} data-intervention={i.code}>
            {i.code} · {termLabel(INTERVENTION_TYPES, i.plain.type, language)} · {termLabel(INTERVENTION_STATUSES, i.plain.status, language)} · {termLabel(PRIORITIES, i.plain.priority, language)}
            {i.plain.dueOn && ` · ${t('dueOn', { day: f.day(i.plain.dueOn) })}`}
          </li>
        ))}
      </ul>
      {vault.canTriage && (
        <details class="edit add" open={open} onToggle={toggle} data-add-follow-up>
          <summary>{t('addFollowUp')}</summary>
          <form onSubmit={add(save, reset)} aria-label={t('addFollowUp')}>
            <TermSelect id="intervention-type" label={t('what')} terms={INTERVENTION_TYPES} value={type} onChange={setType} />
            <TermSelect id="intervention-status" label={t('status')} terms={INTERVENTION_STATUSES} value={status} onChange={setStatus} />
            <TermSelect id="intervention-priority" label={t('priority')} terms={PRIORITIES} value={priority} onChange={setPriority} />
            <TextField id="intervention-due" label={t('dueBy')} type="date" value={dueOn} onChange={setDueOn} />
            <TextField id="intervention-notes" label={t('notes')} value={notes} onChange={setNotes} />
            <Feedback error={error} />
            <button type="submit">{t('addTheFollowUp')}</button>
          </form>
        </details>
      )}
      <Feedback error={null} said={said} />
    </section>
  );
}

// On an incident's page: its sources, graded (Admiralty: reliability A–F, credibility 1–6), with
// how many independent sources corroborate it, what each is about (the whole incident, or what was
// done to one of its people) and the channel each came through (the lists of an estimate). Each
// form to add or change something starts closed, behind its summary, and closes once saved.
import { useState } from 'preact/hooks';
import type { Vault } from '../session/vault.ts';
import { CREDIBILITY, RELIABILITY, SOURCE_CONNECTIONS } from '../../../core/records/vocabulary-words.ts';
import { createRecord, type RecordView } from './client.ts';
import { TermSelect, TextField, termLabel } from '../ui/fields.tsx';
import { AddForm } from './AddForm.tsx';
import { AboutSelect, ChannelSelect, WHOLE_INCIDENT, grade, offered, sourceChannelTitle, type SourcePlain, type Subject } from './source-fields.tsx';
import { GradeSource, MoveSource, RetargetSource } from './SourceEdits.tsx';
import { NO_CHANNEL, useChannels, type Channel } from '../channels/client.ts';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { sourcesWords } from './sources-words.ts';

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

  const make = () => {
    const target = about === WHOLE_INCIDENT ? { targetType: 'incident', targetId: incidentId } : { targetType: 'act', targetId: about };
    const plain = { ...target, reportId: null, connection, reliability, credibility, sourceDate: sourceDate || null, channelId: channelId || null };
    return createRecord(vault, 'source', plain, { description: description.trim() });
  };
  const reset = () => {
    setDescription('');
    setSourceDate('');
  };
  return (
    <AddForm name="source" summary={t('addSource')} submit={t('addTheSource')} failure={t('sourceNotSaved')} make={make} reset={reset} onSaved={onSaved}>
      <p class="hint">{t('reportHint')}</p>
      <AboutSelect id="source-about" subjects={subjects} value={about} onChange={setAbout} whole />
      <ChannelSelect id="source-channel" channels={offered(channels)} value={channelId} onChange={setChannelId} />
      <TermSelect id="source-connection" label={t('connection')} terms={SOURCE_CONNECTIONS} value={connection} onChange={setConnection} />
      <TermSelect id="source-reliability" label={t('reliability')} terms={RELIABILITY.map(grade)} value={reliability} onChange={setReliability} />
      <TermSelect id="source-credibility" label={t('credibility')} terms={CREDIBILITY.map(grade)} value={credibility} onChange={setCredibility} />
      <TextField id="source-date" label={t('dayOfAccount')} type="date" value={sourceDate} onChange={setSourceDate} />
      <TextField id="source-description" label={t('whoAndHow')} value={description} onChange={setDescription} />
    </AddForm>
  );
}

function SourceRow({ vault, source, about, subjects, channels, onSaved }: { vault: Vault; source: RecordView<SourcePlain>; about: string; subjects: Subject[]; channels: Channel[]; onSaved: () => void }) {
  const t = useWords(sourcesWords);
  const { language } = useLanguage();
  return (
    <li data-source={source.code}>
      <strong>{source.code}</strong> · {source.plain.reportId ? t('fromInbox') : t('anotherSource')} · {termLabel(SOURCE_CONNECTIONS, source.plain.connection, language)} · {t('graded', { grade: `${source.plain.reliability}${source.plain.credibility}` })} · {t('aboutLabel')}{' '}
      <span data-source-about>{about}</span> · {t('channelLabel')} <span data-source-channel>{sourceChannelTitle(source, channels, t('noneYet'))}</span>
      {vault.canTriage && <GradeSource vault={vault} source={source} onSaved={onSaved} />}
      {vault.canTriage && source.plain.targetType === 'incident' && subjects.length > 0 && <RetargetSource vault={vault} source={source} subjects={subjects} onSaved={onSaved} />}
      {vault.isCoordinator && !source.plain.reportId && <MoveSource source={source} channels={channels} onSaved={onSaved} />}
    </li>
  );
}

// The parts of an incident's source forms: what a source is about, the channel it came through
// (the lists of an estimate), and the grades (Admiralty: reliability A–F, credibility 1–6).
import { useWords } from '../i18n/context.tsx';
import { FORM_CHANNEL_ID, type ChannelKind } from '../../../core/records/channels.ts';
import type { Term } from '../../../core/records/term.ts';
import type { RecordView } from './client.ts';
import { NO_CHANNEL, channelTitle, kindLabel, type Channel } from '../channels/client.ts';
import { sourcesWords } from './sources-words.ts';

export type SourcePlain = { targetType: string; targetId: string; reportId: string | null; connection: string; reliability: string; credibility: string; sourceDate: string | null; channelId: string | null };

/** What a source may be about besides the whole incident: an act of the incident, named by its person. */
export type Subject = { actId: string; label: string };

/** A grade is its own label in every language. */
export const grade = (value: string): Term => ({ key: value, labels: { en: value, az: value, ru: value } });
export const WHOLE_INCIDENT = '';

/** The channels a source may be put in now: the team's, not retired (plus the one it is in). */
export const offered = (channels: Channel[], current: string | null = null) => channels.filter((c) => c.id !== FORM_CHANNEL_ID && (!c.retired || c.id === current));

export function ChannelSelect({ id, channels, value, onChange }: { id: string; channels: Channel[]; value: string; onChange: (value: string) => void }) {
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

/** What a source is about: one of the incident's people's acts, or (when `whole`) the incident as a whole. */
export function AboutSelect({ id, subjects, value, onChange, whole = false }: { id: string; subjects: Subject[]; value: string; onChange: (value: string) => void; whole?: boolean }) {
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

/** A report's source is the form's, named by the workspace; another's is its channel's name, or none. */
export function sourceChannelTitle(source: RecordView<SourcePlain>, channels: Channel[], none: string): string {
  if (source.plain.reportId) return kindLabel('form' satisfies ChannelKind);
  const channel = channels.find((c) => c.id === source.plain.channelId);
  return channel ? channelTitle(channel) : none;
}

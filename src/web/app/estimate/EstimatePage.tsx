// Estimate (#estimate, issue 12): how many people the lists missed. A coordinator chooses 2–8
// channels as lists, a period and optionally a stratum; the server counts the people documented by
// pattern of lists (plain ids only) and this page fits the log-linear models (src/core/estimate),
// names the lists (opened here) and says the figures and their warnings in the chosen language.
import { useState } from 'preact/hooks';
import { messageOf } from '../api.ts';
import { PageHeading } from '../PageHeading.tsx';
import { UnreviewedDuplicates } from '../linkage/LinkStatus.tsx';
import { Feedback } from '../Feedback.tsx';
import { LanguageSelect } from '../LanguageSelect.tsx';
import type { Vault } from '../vault.ts';
import { actTypeLabel, useIncidents, useRegistry, type RecordView, type RegistryEntry } from '../records/client.ts';
import { ActTypeSelect, EntrySelect, IncidentSelect } from '../records/fields.tsx';
import { channelTitle, useChannels, type Channel } from '../channels/client.ts';
import { addToReport } from './for-report.ts';
import { EstimateFigures } from './figures.tsx';
import { compute, type Choice, type Computed } from './compute.ts';
import type { Criterion } from '../../../core/estimate/select.ts';
import { MAX_LISTS, MIN_LISTS } from '../../../core/estimate/histories.ts';
import { sentenceOf, whyNotReportable, type NotReportable } from '../../../core/estimate/words.ts';
import type { Language } from '../../../core/report/answers.ts';

export function EstimatePage({ vault }: { vault: Vault }) {
  const { entries } = useRegistry(vault);
  const { channels, error: channelsError } = useChannels(vault);
  const { incidents, titles } = useIncidents(vault);
  const [language, setLanguage] = useState<Language>('en');
  const [computed, setComputed] = useState<Computed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);

  async function estimate(choice: Choice) {
    setError(null);
    if (choice.channels.length < MIN_LISTS || choice.channels.length > MAX_LISTS) return setError(`Choose between ${MIN_LISTS} and ${MAX_LISTS} channels as lists.`);
    setBusy(true);
    setSaid('Counting and fitting the models…');
    try {
      const done = await compute(choice, channels!);
      setComputed(done);
      setSaid(done.result?.model ? `Estimated with ${done.result.models.length} models fitted.` : 'Nothing to estimate: nobody in this selection is on the chosen lists.');
    } catch (e) {
      setSaid('');
      setError(messageOf(e, 'The estimate could not be computed.'));
    } finally {
      setBusy(false);
    }
  }

  function addSentence(c: Computed, teamNames: boolean) {
    const sentence = c.result && sentenceOf(c.result, { documented: c.view.documented, lists: [], period: c.choice.from || c.choice.to ? { from: c.choice.from || null, to: c.choice.to || null } : undefined });
    if (!sentence) return;
    addToReport(vault, { ...sentence, lists: c.lists, teamNames });
    setSaid('Added: the Situation report page now offers to include this estimate.');
  }

  return (
    <main class="wide-ish dashboard estimate">
      <PageHeading>Estimate</PageHeading>
      <UnreviewedDuplicates vault={vault} />
      <About />
      <EstimateForm channels={channels} loading={!channels && !channelsError} entries={entries} incidents={incidents} titles={titles} language={language} onLanguage={setLanguage} busy={busy} onEstimate={estimate} />
      <Feedback error={error ?? (channelsError ? 'The channels could not be loaded.' : null)} said={said} />
      {computed && (
        <>
          <IncidentSourcesNote count={computed.view.incidentSources} />
          <EstimateFigures computed={computed} language={language} stratum={stratumText(computed.choice, incidents, entries)} />
          <ForReport computed={computed} onAdd={(teamNames) => addSentence(computed, teamNames)} />
        </>
      )}
    </main>
  );
}

interface FormProps {
  channels: Channel[] | null;
  loading: boolean;
  entries: RegistryEntry[];
  incidents: RecordView[];
  titles: Map<string, { title?: string } | null>;
  language: Language;
  onLanguage: (language: Language) => void;
  busy: boolean;
  onEstimate: (choice: Choice) => void;
}

/** What to estimate: the lists, the period, the stratum and the criterion; the language of the figures. */
function EstimateForm({ channels, loading, entries, incidents, titles, language, onLanguage, busy, onEstimate }: FormProps) {
  const [choice, setChoice] = useState<Choice>({ channels: [], from: '', to: '', incident: '', place: null, actType: '', select: 'aic' });
  const set = <K extends keyof Choice>(key: K) => (value: Choice[K]) => setChoice((c) => ({ ...c, [key]: value }));
  const toggle = (id: string, on: boolean) => set('channels')(channels!.map((c) => c.id).filter((c) => (c === id ? on : choice.channels.includes(c))));
  const submit = (e: Event) => {
    e.preventDefault();
    onEstimate(choice);
  };
  return (
    <form class="filters estimate-form" aria-label="What to estimate" onSubmit={submit}>
      <fieldset class="checks">
        <legend>
          Lists ({MIN_LISTS} to {MAX_LISTS} channels that learn of people independently)
        </legend>
        {loading && <p class="hint">Loading the channels…</p>}
        {channels?.map((c) => (
          <div key={c.id}>
            <input type="checkbox" id={`estimate-channel-${c.id}`} checked={choice.channels.includes(c.id)} onChange={(e) => toggle(c.id, e.currentTarget.checked)} />{' '}
            <label for={`estimate-channel-${c.id}`}>
              {channelTitle(c)}
              {c.retired ? ' (no longer used)' : ''}
            </label>
          </div>
        ))}
      </fieldset>
      <div>
        <label for="estimate-from">Acts from</label>
        <input id="estimate-from" type="date" value={choice.from} onInput={(e) => set('from')(e.currentTarget.value)} />
      </div>
      <div>
        <label for="estimate-to">Acts to</label>
        <input id="estimate-to" type="date" value={choice.to} onInput={(e) => set('to')(e.currentTarget.value)} />
      </div>
      <div>
        <IncidentSelect id="estimate-incident" incidents={incidents} titles={titles} value={choice.incident} onChange={set('incident')} />
      </div>
      <div>
        <EntrySelect id="estimate-place" label="Place (the act’s or its incident’s)" entries={entries} kind="place" value={choice.place} onChange={set('place')} noneLabel="All places" />
      </div>
      <div>
        <ActTypeSelect id="estimate-act-type" label="Act type" entries={entries} value={choice.actType} onChange={set('actType')} anyLabel="All act types" />
      </div>
      <div>
        <label for="estimate-select">Choose the model by</label>
        <select id="estimate-select" value={choice.select} onChange={(e) => set('select')(e.currentTarget.value as Criterion)}>
          <option value="aic">AIC (fits the data more closely)</option>
          <option value="bic">BIC (prefers simpler models)</option>
        </select>
      </div>
      <div>
        <LanguageSelect id="estimate-language" label="Language of the figures" value={language} onChange={onLanguage} />
      </div>
      <button type="submit" disabled={busy || !channels}>
        Estimate
      </button>
    </form>
  );
}

/** Sources about whole incidents put no one on a list (see histories.ts): say how many, and how to count them. */
function IncidentSourcesNote({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p class="notice-inline" data-incident-sources={count}>
      {count === 1 ? 'One source in these channels is' : `${count} sources in these channels are`} about whole incidents and {count === 1 ? 'is' : 'are'} not counted: an incident’s source does not say which of its
      people it saw. Say which people each names with its “About…” on the incident’s page.
    </p>
  );
}

/** What the selection covers, in the workspace's words. */
function stratumText(c: Choice, incidents: RecordView[], entries: RegistryEntry[]): string {
  const parts = [c.from || c.to ? `acts ${c.from || '…'} to ${c.to || '…'}` : 'acts of any date'];
  if (c.incident) parts.push(`incident ${incidents.find((i) => i.id === c.incident)?.code ?? ''}`);
  if (c.place) parts.push(`at ${entries.find((e) => e.id === c.place)?.labels.en ?? 'the chosen place'}`);
  if (c.actType) parts.push(actTypeLabel(entries, c.actType));
  return parts.join(', ');
}

/** Why the page will not put an estimate in a report, in the workspace's language. */
const NOT_REPORTABLE: Record<NotReportable | 'none', string | null> = {
  none: null,
  'no-model': 'No model could be fitted, so there is no estimate to report.',
  'no-interval': 'The chosen model has no interval, so it cannot be reported.',
  unbounded: 'The interval of the chosen model has no upper end: the data cannot say how many were missed, so the estimate cannot go into a report.',
  unreliable: 'The chosen model is not reliable here (see what to keep in mind below): its estimate cannot go into a report. Try other lists, a longer period or BIC.',
  'outside-interval': 'The chosen model\'s interval does not hold its own estimate: the data cannot support a figure.',
  'below-documented': 'The estimate and its interval are below the number of people you have documented: the chosen lists miss people the records know of, so the estimate cannot go into a report.',
};

function ForReport({ computed, onAdd }: { computed: Computed; onAdd: (teamNames: boolean) => void }) {
  const [teamNames, setTeamNames] = useState(false);
  const why = computed.result ? NOT_REPORTABLE[whyNotReportable(computed.result, computed.view.documented) ?? 'none'] : NOT_REPORTABLE['no-model'];
  return (
    <section aria-labelledby="estimate-report">
      <h2 id="estimate-report">In the situation report</h2>
      {why ? (
        <p data-not-reportable>{why}</p>
      ) : (
        <>
          <p class="hint">The report states the documented count, the estimate with its 95 % interval, the method and the lists — never the estimate alone.</p>
          <p>
            <label>
              <input type="checkbox" checked={teamNames} onChange={(e) => setTeamNames(e.currentTarget.checked)} /> Name the lists as the team calls them (by default the report names them by kind:
              a channel's own name may point to a lawyer or a partner)
            </label>
          </p>
          <button type="button" onClick={() => onAdd(teamNames)}>
            Add to the situation report
          </button>
        </>
      )}
    </section>
  );
}

function About() {
  return (
    <details class="about-estimate" open>
      <summary>What the estimate means, and when not to trust it</summary>
      <p>
        No list catches everyone: families are afraid, and reporting can out people. When several independent lists (our report form, a lawyers’ network, a partner’s bundles, media monitoring)
        overlap, the size of the overlaps says how many people none of them caught. The estimate is the number of people in the period and stratum, seen or not; its 95 % interval is the range the
        data support. Report the interval with it, never a single number.
      </p>
      <p>
        Do not trust it when the lists are not independent and no model accounts for it (e.g. the lawyers hear of people from our form), when some people are much harder to catch than others (they
        hide, or only one list reaches them), when people came and went during the period, when an overlap is small (fewer than five people), or when the interval has no upper end. Groups are
        left out: their members cannot be told apart. A person counts once after their records are linked: review possible duplicates first.
      </p>
      <p>
        What counts: a channel saw a person when one of its sources is about them or about what was done to them in the period (choose the person when you add a source on the incident’s
        page, or link a report to them from the inbox), or when one of its bundles brought them. A source about a whole incident puts no one on a list: it does not say which of the incident’s
        people it saw, and counting them all would make the lists overlap more than they do, and the estimate too low.
      </p>
    </details>
  );
}

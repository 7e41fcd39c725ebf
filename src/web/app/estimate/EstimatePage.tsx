// Estimate (#estimate, issue 12): how many people the lists missed. A coordinator chooses 2–8
// channels as lists, a period and optionally a stratum; the server counts the people documented by
// pattern of lists (plain ids only) and this page fits the log-linear models (src/core/estimate),
// names the lists (opened here) and says the figures and their warnings in the chosen language.
import { useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { UnreviewedDuplicates } from '../linkage/LinkStatus.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { LanguageSelect } from '../i18n/LanguageSelect.tsx';
import type { Vault } from '../session/vault.ts';
import { actTypeLabel, entryLabel, useIncidents, useRegistry, type RecordView, type RegistryEntry } from '../records/client.ts';
import { ActTypeSelect, EntrySelect, IncidentSelect } from '../records/fields.tsx';
import { channelTitle, useChannels, type Channel } from '../channels/client.ts';
import { addToReport } from './for-report.ts';
import { EstimateFigures } from './figures.tsx';
import { compute, type Choice, type Computed } from './compute.ts';
import type { Criterion } from '../../../core/estimate/select.ts';
import { MAX_LISTS, MIN_LISTS } from '../../../core/estimate/histories.ts';
import { sentenceOf, whyNotReportable, type NotReportable } from '../../../core/estimate/words.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { translator } from '../../../core/i18n/message.ts';
import { formatsFor } from '../../../core/i18n/format.ts';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { estimateWords } from './words.ts';

type Key = keyof (typeof estimateWords)['en'];

export function EstimatePage({ vault }: { vault: Vault }) {
  const { entries } = useRegistry(vault);
  const { channels, error: channelsError } = useChannels(vault);
  const { incidents, titles } = useIncidents(vault);
  const t = useWords(estimateWords);
  // The figures' language is the document's (a report may go out in another): the member's to begin with.
  const { language: memberLanguage } = useLanguage();
  const [language, setLanguage] = useState<Language>(memberLanguage);
  const [computed, setComputed] = useState<Computed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);

  async function estimate(choice: Choice) {
    setError(null);
    if (choice.channels.length < MIN_LISTS || choice.channels.length > MAX_LISTS) return setError(t('chooseLists', { min: MIN_LISTS, max: MAX_LISTS }));
    setBusy(true);
    setSaid(t('computing'));
    try {
      const done = await compute(choice, channels!);
      setComputed(done);
      setSaid(done.result?.model ? t('estimated', { count: done.result.models.length }) : t('nothing'));
    } catch (e) {
      setSaid('');
      setError(messageOf(e, t('couldNotCompute')));
    } finally {
      setBusy(false);
    }
  }

  function addSentence(c: Computed, teamNames: boolean) {
    const sentence = c.result && sentenceOf(c.result, { documented: c.view.documented, lists: [], period: c.choice.from || c.choice.to ? { from: c.choice.from || null, to: c.choice.to || null } : undefined });
    if (!sentence) return;
    addToReport(vault, { ...sentence, lists: c.lists, teamNames });
    setSaid(t('added'));
  }

  return (
    <main class="wide-ish dashboard estimate">
      <PageHeading>{t('title')}</PageHeading>
      <UnreviewedDuplicates vault={vault} />
      <About />
      <EstimateForm channels={channels} loading={!channels && !channelsError} entries={entries} incidents={incidents} titles={titles} language={language} onLanguage={setLanguage} busy={busy} onEstimate={estimate} />
      <Feedback error={error ?? (channelsError ? t('channelsNotLoaded') : null)} said={said} />
      {computed && (
        <>
          <IncidentSourcesNote count={computed.view.incidentSources} />
          <EstimateFigures computed={computed} language={language} stratum={stratumText(computed.choice, incidents, entries, language)} />
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
  const t = useWords(estimateWords);
  const set = <K extends keyof Choice>(key: K) => (value: Choice[K]) => setChoice((c) => ({ ...c, [key]: value }));
  const toggle = (id: string, on: boolean) => set('channels')(channels!.map((c) => c.id).filter((c) => (c === id ? on : choice.channels.includes(c))));
  const submit = (e: Event) => {
    e.preventDefault();
    onEstimate(choice);
  };
  return (
    <form class="filters estimate-form" aria-label={t('whatToEstimate')} onSubmit={submit}>
      <fieldset class="checks">
        <legend>{t('lists', { min: MIN_LISTS, max: MAX_LISTS })}</legend>
        {loading && <p class="hint">{t('loadingChannels')}</p>}
        {channels?.map((c) => (
          <div key={c.id}>
            <input type="checkbox" id={`estimate-channel-${c.id}`} checked={choice.channels.includes(c.id)} onChange={(e) => toggle(c.id, e.currentTarget.checked)} />{' '}
            <label for={`estimate-channel-${c.id}`}>
              {c.retired ? t('noLongerUsed', { name: channelTitle(c) }) : channelTitle(c)}
            </label>
          </div>
        ))}
      </fieldset>
      <div>
        <label for="estimate-from">{t('actsFrom')}</label>
        <input id="estimate-from" type="date" value={choice.from} onInput={(e) => set('from')(e.currentTarget.value)} />
      </div>
      <div>
        <label for="estimate-to">{t('actsTo')}</label>
        <input id="estimate-to" type="date" value={choice.to} onInput={(e) => set('to')(e.currentTarget.value)} />
      </div>
      <div>
        <IncidentSelect id="estimate-incident" incidents={incidents} titles={titles} value={choice.incident} onChange={set('incident')} />
      </div>
      <div>
        <EntrySelect id="estimate-place" label={t('place')} entries={entries} kind="place" value={choice.place} onChange={set('place')} noneLabel={t('allPlaces')} />
      </div>
      <div>
        <ActTypeSelect id="estimate-act-type" label={t('actType')} entries={entries} value={choice.actType} onChange={set('actType')} anyLabel={t('allActTypes')} />
      </div>
      <div>
        <label for="estimate-select">{t('chooseModel')}</label>
        <select id="estimate-select" value={choice.select} onChange={(e) => set('select')(e.currentTarget.value as Criterion)}>
          <option value="aic">{t('byAic')}</option>
          <option value="bic">{t('byBic')}</option>
        </select>
      </div>
      <div>
        <LanguageSelect id="estimate-language" label={t('figuresLanguage')} value={language} onChange={onLanguage} />
      </div>
      <button type="submit" disabled={busy || !channels}>
        {t('estimate')}
      </button>
    </form>
  );
}

/** Sources about whole incidents put no one on a list (see histories.ts): say how many, and how to count them. */
function IncidentSourcesNote({ count }: { count: number }) {
  const t = useWords(estimateWords);
  if (count === 0) return null;
  return (
    <p class="notice-inline" data-incident-sources={count}>
      {t('incidentSources', { count })}
    </p>
  );
}

/** What the selection covers, in the figures' language (it is shown with them). */
function stratumText(c: Choice, incidents: RecordView[], entries: RegistryEntry[], language: Language): string {
  const t = translator(estimateWords, language);
  const day = (d: string) => (d ? formatsFor(language).day(d) : '…');
  const parts = [c.from || c.to ? t('dates', { from: day(c.from), to: day(c.to) }) : t('anyDate')];
  if (c.incident) parts.push(t('incident', { code: incidents.find((i) => i.id === c.incident)?.code ?? '' }));
  if (c.place) {
    const place = entries.find((e) => e.id === c.place);
    parts.push(t('atPlace', { place: place ? entryLabel(place, language) : t('chosenPlace') }));
  }
  if (c.actType) parts.push(actTypeLabel(entries, c.actType, language));
  return parts.join(', ');
}

/** Why the page will not put an estimate in a report, in the workspace's language. */
const NOT_REPORTABLE: Record<NotReportable | 'none', Key | null> = {
  none: null,
  'no-model': 'noModel',
  'no-interval': 'noInterval',
  unbounded: 'unbounded',
  unreliable: 'unreliable',
  'outside-interval': 'outsideInterval',
  'below-documented': 'belowDocumented',
};

function ForReport({ computed, onAdd }: { computed: Computed; onAdd: (teamNames: boolean) => void }) {
  const [teamNames, setTeamNames] = useState(false);
  const t = useWords(estimateWords);
  const why = computed.result ? NOT_REPORTABLE[whyNotReportable(computed.result, computed.view.documented) ?? 'none'] : NOT_REPORTABLE['no-model'];
  return (
    <section aria-labelledby="estimate-report">
      <h2 id="estimate-report">{t('inReport')}</h2>
      {why ? (
        <p data-not-reportable>{t(why)}</p>
      ) : (
        <>
          <p class="hint">{t('reportStates')}</p>
          <p>
            <label>
              <input type="checkbox" checked={teamNames} onChange={(e) => setTeamNames(e.currentTarget.checked)} /> {t('teamNames')}
            </label>
          </p>
          <button type="button" onClick={() => onAdd(teamNames)}>
            {t('addToReport')}
          </button>
        </>
      )}
    </section>
  );
}

function About() {
  const t = useWords(estimateWords);
  return (
    <details class="about-estimate" open>
      <summary>{t('aboutTitle')}</summary>
      <p>{t('aboutOverlap')}</p>
      <p>{t('aboutTrust')}</p>
      <p>{t('aboutCounts')}</p>
    </details>
  );
}

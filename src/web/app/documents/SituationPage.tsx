// The situation report: a coordinator picks the moment, the period and incidents, the language,
// which anonymised accounts to include and the team's requests; the numbers come from the server
// (computed from the records as they stood then), the accounts from records opened here. The
// requests are typed here and never sent to the server.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { UnreviewedDuplicates } from '../linkage/LinkStatus.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import type { Vault } from '../session/vault.ts';
import { useOpened, useRegistry, type RecordView } from '../records/client.ts';
import { PERPETRATOR_TYPES } from '../../../core/records/vocabulary.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { situationDocument } from '../../../core/documents/situation-report.ts';
import type { SituationNumbers } from '../../../core/documents/situation-numbers.ts';
import { today } from '../../../core/records/custody.ts';
import { DocumentView } from './DocumentView.tsx';
import { labeller } from './labels.ts';
import { accountOf, loadBundle } from './accounts.ts';
import { audit, download, fileName, htmlOf, pdfOf } from './files.ts';
import { LanguageSelect } from '../i18n/LanguageSelect.tsx';
import { estimateForReport, sentenceIn } from '../estimate/for-report.ts';
import { translator } from '../../../core/i18n/message.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { documentTextWords, documentsWords } from './words.ts';

export function SituationPage({ vault }: { vault: Vault }) {
  const t = useWords(documentsWords);
  const f = useFormats();
  const { entries } = useRegistry(vault);
  const [incidents, setIncidents] = useState<RecordView[]>([]);
  const titles = useOpened<{ title?: string }>(vault, 'incident', incidents);
  const [asOf, setAsOf] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [language, setLanguage] = useState<Language>(useLanguage().language);
  const [numbers, setNumbers] = useState<SituationNumbers | null>(null);
  const [accounts, setAccounts] = useState<Map<string, string>>(new Map());
  const [requests, setRequests] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);
  // Added on the Estimate page in this session; included unless the coordinator unticks it.
  const estimate = estimateForReport(vault);
  const [includeEstimate, setIncludeEstimate] = useState(estimate !== null);

  useEffect(() => {
    api<{ records: RecordView[] }>('/api/records/incident?limit=1000').then((r) => setIncidents(r.records), (e) => setError(messageOf(e, t('incidentsNotLoaded'))));
  }, []);

  async function compute(e: Event) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const query = new URLSearchParams();
      if (asOf) {
        const moment = new Date(asOf);
        if (Number.isNaN(moment.getTime())) throw new Error('moment');
        query.set('asOf', moment.toISOString());
      }
      if (from) query.set('from', from);
      if (to) query.set('to', to);
      if (chosen.length) query.set('incident', chosen.join(','));
      const n = await api<SituationNumbers>(`/api/situation?${query}`);
      setNumbers(n);
      // Accounts chosen for another scope may not belong to this one.
      setAccounts((old) => new Map([...old].filter(([id]) => n.publicAccounts.some((p) => p.personId === id))));
      setSaid(t('computed', { moment: f.dateTime(n.asOf), acts: n.acts, people: n.people.individuals }));
    } catch (e) {
      setError(messageOf(e, t('numbersFailed')));
    } finally {
      setBusy(false);
    }
  }

  async function toggleAccount(personId: string, on: boolean) {
    if (!on) {
      setAccounts((old) => new Map([...old].filter(([id]) => id !== personId)));
      return;
    }
    try {
      const bundle = await loadBundle([personId]);
      const text = await accountOf(vault, bundle, personId, labeller(entries, language), translator(documentTextWords, language)('nameWithheld'));
      setAccounts((old) => new Map(old).set(personId, text));
    } catch (e) {
      setError(messageOf(e, t('accountNotOpened')));
    }
  }

  const doc = useMemo(() => {
    if (!numbers) return null;
    const label = labeller(entries, language);
    return situationDocument(numbers, {
      language,
      actTypeLabel: label.actType,
      placeLabel: label.entry,
      unitLabel: label.entry,
      perpetratorTypeLabel: (key) => label.term(PERPETRATOR_TYPES, key),
      incidentLabels: incidents.filter((i) => numbers.incidentIds.includes(i.id)).map((i) => i.code),
      accounts: [...accounts.values()].filter((a) => a.trim()),
      requests,
      estimate: estimate && includeEstimate ? sentenceIn(estimate, language) : null,
    });
  }, [numbers, entries, language, accounts, requests, incidents, includeEstimate]);

  async function save(format: 'pdf' | 'html') {
    if (!doc) return;
    setError(null);
    setBusy(true);
    try {
      const day = today();
      if (format === 'pdf') download(await pdfOf(doc), fileName('situation-report', day, language, 'pdf'), 'application/pdf');
      else download(htmlOf(doc), fileName('situation-report', day, language, 'html'), 'text/html');
      await audit('situation-report', 'generated', format, null);
      setSaid(t(format === 'pdf' ? 'pdfReady' : 'htmlReady'));
    } catch (e) {
      setError(messageOf(e, t('fileFailed')));
    } finally {
      setBusy(false);
    }
  }

  async function print() {
    await audit('situation-report', 'generated', 'print', null).catch(() => undefined);
    window.print();
  }

  return (
    <main class="wide-ish document-page">
      <PageHeading>{t('situationTitle')}</PageHeading>
      <UnreviewedDuplicates vault={vault} />
      <p>{t('situationIntro')}</p>
      <form class="document-form" onSubmit={compute} aria-label={t('situationScope')}>
        <div class="grid">
          <div>
            <label for="situation-as-of">{t('asOf')}</label>
            <input id="situation-as-of" type="datetime-local" value={asOf} onInput={(e) => setAsOf(e.currentTarget.value)} />
          </div>
          <div>
            <label for="situation-from">{t('actsFrom')}</label>
            <input id="situation-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </div>
          <div>
            <label for="situation-to">{t('actsTo')}</label>
            <input id="situation-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </div>
          <div>
            <LanguageSelect id="situation-language" label={t('reportLanguage')} value={language} onChange={setLanguage} />
          </div>
        </div>
        <fieldset>
          <legend>{t('incidentsPick')}</legend>
          {incidents.length === 0 && <p class="hint">{t('noIncidents')}</p>}
          <ul class="people-pick">
            {incidents.map((i) => (
              <li key={i.id}>
                <input
                  type="checkbox"
                  id={`situation-incident-${i.id}`}
                  checked={chosen.includes(i.id)}
                  onChange={(e) => setChosen((c) => (e.currentTarget.checked ? [...c, i.id] : c.filter((x) => x !== i.id)))}
                />{' '}
                <label for={`situation-incident-${i.id}`}>
                  {i.code} {titles.get(i.id)?.title ?? ''}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" disabled={busy}>
          {t('compute')}
        </button>
      </form>
      <Feedback error={error} said={said} />
      {numbers && (
        <section aria-labelledby="situation-content">
          <h2 id="situation-content">{t('accountsAndRequests')}</h2>
          {numbers.publicAccounts.length === 0 ? (
            <p>{t('noAccounts')}</p>
          ) : (
            <fieldset>
              <legend>{t('accountsToInclude')}</legend>
              <ul class="people-pick">
                {numbers.publicAccounts.map((p) => (
                  <li key={p.personId}>
                    <input type="checkbox" id={`account-${p.personId}`} checked={accounts.has(p.personId)} onChange={(e) => void toggleAccount(p.personId, e.currentTarget.checked)} />{' '}
                    <label for={`account-${p.personId}`}>{t('accountOf', { code: p.code })}</label>
                    {accounts.has(p.personId) && (
                      <>
                        <label for={`account-text-${p.personId}`}>{t('accountAsItReads', { code: p.code })}</label>
                        <textarea id={`account-text-${p.personId}`} value={accounts.get(p.personId)} onInput={(e) => setAccounts((old) => new Map(old).set(p.personId, e.currentTarget.value))} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <div class="choice">
            <input type="checkbox" id="situation-estimate" checked={includeEstimate} disabled={!estimate} onChange={(e) => setIncludeEstimate(e.currentTarget.checked)} />
            <label for="situation-estimate">{t('includeEstimate')}</label>
          </div>
          <p class="hint">
            {t(estimate ? 'estimateAdded' : 'noEstimate')}
          </p>
          <label for="situation-requests">{t('ourRequests')}</label>
          <textarea id="situation-requests" value={requests} onInput={(e) => setRequests(e.currentTarget.value)} />
          <div class="actions">
            <button type="button" onClick={() => void print()} disabled={busy}>
              {t('print')}
            </button>
            <button type="button" onClick={() => void save('pdf')} disabled={busy}>
              {t('downloadPdf')}
            </button>
            <button type="button" class="secondary" onClick={() => void save('html')} disabled={busy}>
              {t('downloadHtml')}
            </button>
          </div>
        </section>
      )}
      {doc && <DocumentView doc={doc} label={t('situationPreview')} />}
    </main>
  );
}

// What the team adds to the numbers of a situation report: anonymised accounts of people who
// consented to public use (each editable as it will read), the estimate chosen on the Estimate page,
// and the team's requests (typed here, never sent to the server). Then the report itself.
import { useMemo, useState } from 'preact/hooks';
import type { Vault } from '../session/vault.ts';
import type { RecordView, RegistryEntry } from '../records/client.ts';
import { PERPETRATOR_TYPES } from '../../../core/records/vocabulary-words.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { situationDocument } from '../../../core/documents/situation-report.ts';
import type { SituationNumbers } from '../../../core/documents/situation-numbers.ts';
import { today } from '../../../core/records/custody.ts';
import { estimateForReport, sentenceIn } from '../estimate/for-report.ts';
import { useWords } from '../i18n/context.tsx';
import { DocumentActions } from './DocumentActions.tsx';
import { DocumentView } from './DocumentView.tsx';
import { PickBox } from './PickBox.tsx';
import { fileName } from './files.ts';
import { labeller } from './labels.ts';
import type { Accounts } from './use-accounts.ts';
import type { PageFeedback } from '../ui/use-feedback.ts';
import { documentsWords } from './words.ts';

function AccountsChoice({ numbers, accounts }: { numbers: SituationNumbers; accounts: Accounts }) {
  const t = useWords(documentsWords);
  if (numbers.publicAccounts.length === 0) return <p>{t('noAccounts')}</p>;
  return (
    <fieldset>
      <legend>{t('accountsToInclude')}</legend>
      <ul class="people-pick">
        {numbers.publicAccounts.map((p) => (
          <li key={p.personId}>
            <PickBox id={`account-${p.personId}`} checked={accounts.accounts.has(p.personId)} onChange={(on) => void accounts.toggle(p.personId, on)}>
              {t('accountOf', { code: p.code })}
            </PickBox>
            {accounts.accounts.has(p.personId) && (
              <>
                <label for={`account-text-${p.personId}`}>{t('accountAsItReads', { code: p.code })}</label>
                <textarea id={`account-text-${p.personId}`} value={accounts.accounts.get(p.personId)} onInput={(e) => accounts.edit(p.personId, e.currentTarget.value)} />
              </>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

interface Props {
  vault: Vault;
  numbers: SituationNumbers;
  entries: RegistryEntry[];
  incidents: RecordView[];
  language: Language;
  accounts: Accounts;
  feedback: PageFeedback;
}

export function SituationContent({ vault, numbers, entries, incidents, language, accounts, feedback }: Props) {
  const t = useWords(documentsWords);
  const [requests, setRequests] = useState('');
  // Added on the Estimate page in this session; included unless the coordinator unticks it.
  const estimate = estimateForReport(vault);
  const [includeEstimate, setIncludeEstimate] = useState(estimate !== null);

  const doc = useMemo(() => {
    const label = labeller(entries, language);
    return situationDocument(numbers, {
      language,
      actTypeLabel: label.actType,
      placeLabel: label.entry,
      unitLabel: label.entry,
      perpetratorTypeLabel: (key) => label.term(PERPETRATOR_TYPES, key),
      incidentLabels: incidents.filter((i) => numbers.incidentIds.includes(i.id)).map((i) => i.code),
      accounts: [...accounts.accounts.values()].filter((a) => a.trim()),
      requests,
      estimate: estimate && includeEstimate ? sentenceIn(estimate, language) : null,
    });
  }, [numbers, entries, language, accounts.accounts, requests, incidents, includeEstimate]);
  const made = { doc, document: 'situation-report' as const, name: (ext: string) => fileName('situation-report', today(), language, ext), people: null };

  return (
    <>
      <section aria-labelledby="situation-content">
        <h2 id="situation-content">{t('accountsAndRequests')}</h2>
        <AccountsChoice numbers={numbers} accounts={accounts} />
        <div class="choice">
          <input type="checkbox" id="situation-estimate" checked={includeEstimate} disabled={!estimate} onChange={(e) => setIncludeEstimate(e.currentTarget.checked)} />
          <label for="situation-estimate">{t('includeEstimate')}</label>
        </div>
        <p class="hint">{t(estimate ? 'estimateAdded' : 'noEstimate')}</p>
        <label for="situation-requests">{t('ourRequests')}</label>
        <textarea id="situation-requests" value={requests} onInput={(e) => setRequests(e.currentTarget.value)} />
        <DocumentActions made={made} feedback={feedback} />
      </section>
      <DocumentView doc={doc} label={t('situationPreview')} />
    </>
  );
}

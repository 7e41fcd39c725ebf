// The situation report: a coordinator picks the moment, the period and incidents, the language,
// which anonymised accounts to include and the team's requests; the numbers come from the server
// (computed from the records as they stood then), the accounts from records opened here. The
// requests are typed here and never sent to the server.
import { useState } from 'preact/hooks';
import { api } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import type { Vault } from '../session/vault.ts';
import { useRegistry } from '../records/client.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import type { SituationNumbers } from '../../../core/documents/situation-numbers.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { DocumentPage } from './DocumentPage.tsx';
import { SituationContent } from './SituationContent.tsx';
import { SituationScope, WHOLE_SCOPE, situationQuery, useIncidentList } from './SituationScope.tsx';
import { useAccounts } from './use-accounts.ts';
import { useFeedback } from '../ui/use-feedback.ts';
import { documentsWords } from './words.ts';

export function SituationPage({ vault }: { vault: Vault }) {
  const t = useWords(documentsWords);
  const f = useFormats();
  const feedback = useFeedback();
  const { entries } = useRegistry(vault);
  const list = useIncidentList(vault, feedback.setError);
  const [scope, setScope] = useState(WHOLE_SCOPE);
  const [language, setLanguage] = useState<Language>(useLanguage().language);
  const [numbers, setNumbers] = useState<SituationNumbers | null>(null);
  const accounts = useAccounts(vault, entries, language, feedback.setError);

  function compute(e: Event) {
    e.preventDefault();
    void feedback.attempt(async () => {
      const n = await api<SituationNumbers>(`/api/situation?${situationQuery(scope)}`);
      setNumbers(n);
      accounts.keepOnly(n.publicAccounts.map((p) => p.personId));
      feedback.setSaid(t('computed', { moment: f.dateTime(n.asOf), acts: n.acts, people: n.people.individuals }));
    }, t('numbersFailed'));
  }

  return (
    <DocumentPage vault={vault} title={t('situationTitle')} intro={t('situationIntro')}>
      <SituationScope scope={scope} onScope={setScope} language={language} onLanguage={setLanguage} list={list} busy={feedback.busy} onSubmit={compute} />
      <Feedback error={feedback.error} said={feedback.said} />
      {numbers && <SituationContent vault={vault} numbers={numbers} entries={entries} incidents={list.incidents} language={language} accounts={accounts} feedback={feedback} />}
    </DocumentPage>
  );
}

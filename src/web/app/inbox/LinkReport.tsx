// Linking a report to an incident or a person already recorded, instead of making a duplicate: the
// report becomes one more source of it (graded on the incident's page). The incidents and people it
// may concern are suggested first (LinkSuggestions.tsx); any other is found by a search over those
// on record (FindToLink.tsx).
import { useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import type { ReportAnswers } from '../../../core/report/answers.ts';
import { createRecord } from '../records/client.ts';
import type { Target } from './find-records.ts';
import { LinkSuggestions, useSuggestions } from './LinkSuggestions.tsx';
import { FindToLink } from './FindToLink.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { linkWords } from './link-words.ts';

export function LinkReport({ vault, reportId, reportSeq, answers, receivedHour }: { vault: Vault; reportId: string; reportSeq: number; answers: ReportAnswers; receivedHour: string }) {
  const t = useWords(linkWords);
  const { likely, canAskForPeople, askForPeople } = useSuggestions(vault, reportId, answers, receivedHour);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');

  async function link(target: Target) {
    setError(null);
    try {
      await createRecord(vault, 'source', { targetType: target.type, targetId: target.id, reportId, connection: 'other', reliability: 'F', credibility: '6', sourceDate: null }, { description: t('reportNumber', { seq: reportSeq }) });
      say(t('linked', { seq: reportSeq, code: target.code }));
    } catch (e) {
      setError(messageOf(e, t('notLinked')));
    }
  }

  const id = `link-${reportId}`;
  return (
    <div class="link-report">
      {likely && likely.people.length + likely.incidents.length > 0 && <LinkSuggestions vault={vault} id={id} likely={likely} onLink={(target) => void link(target)} />}
      {canAskForPeople && (
        <p>
          <button type="button" class="small secondary" onClick={askForPeople}>
            {t('suggestPeople')}
          </button>{' '}
          {t('suggestPeopleHint')}
        </p>
      )}
      <FindToLink vault={vault} id={id} onLink={(target) => void link(target)} onError={setError} />
      <Feedback error={error} said={said} />
    </div>
  );
}

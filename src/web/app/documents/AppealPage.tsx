// A communication to the UN Special Procedures for chosen people: an urgent appeal if someone is
// still held (suggested from the custody records, changeable) or an allegation letter. Named only
// as each person's consent allows; the rest counted. Made as HTML, PDF and JSON here in the
// browser; "Mark as sent" records a follow-up (intervention 'un-appeal') for each person concerned.
import { useState } from 'preact/hooks';
import type { Vault } from '../session/vault.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useRegistry } from '../records/client.ts';
import { FOLLOW_UP_DAYS, type UnCommunication } from '../../../core/documents/un-communication.ts';
import type { Document } from '../../../core/documents/model.ts';
import { useWords } from '../i18n/context.tsx';
import { DocumentView } from './DocumentView.tsx';
import { DocumentPage } from './DocumentPage.tsx';
import { DocumentActions } from './DocumentActions.tsx';
import { PeopleChoice } from './PeopleChoice.tsx';
import { AppealDetails } from './AppealDetails.tsx';
import { MarkSentButton, useMarkSent } from './MarkSent.tsx';
import { toggled } from './PickBox.tsx';
import { loadBundle } from './accounts.ts';
import { openBundle } from './appeal-draft.ts';
import { fileName, type MadeDocument } from './files.ts';
import { useFeedback } from '../ui/use-feedback.ts';
import { kindArg, useAppealDraft, type Prepared } from './use-appeal-draft.ts';
import { documentsWords } from './words.ts';

/** The communication as files: named by its kind, day and language; the people chosen counted in the audit log. */
const madeOf = (communication: UnCommunication | null, doc: Document | null, people: number): MadeDocument | null =>
  communication && doc ? { doc, document: 'un-communication', name: (ext) => fileName(communication.kind, communication.preparedOn, communication.language, ext), people, data: communication } : null;

export function AppealPage({ vault }: { vault: Vault }) {
  const t = useWords(documentsWords);
  const feedback = useFeedback();
  const { entries } = useRegistry(vault);
  const [chosen, setChosen] = useState<string[]>([]);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const draft = useAppealDraft(prepared, entries);
  const marking = useMarkSent(vault, prepared, draft.fields, feedback);

  async function prepare(e: Event) {
    e.preventDefault();
    feedback.setError(null);
    if (!chosen.length) return feedback.setError(t('chooseSomeone'));
    await feedback.attempt(async () => {
      const bundle = await loadBundle(chosen);
      const next = { bundle, opened: await openBundle(vault, bundle) };
      setPrepared(next);
      feedback.setSaid(t('prepared', { count: chosen.length, kind: kindArg(draft.begin(next)) }));
    }, t('recordsNotOpened'));
  }

  function toggle(personId: string, on: boolean) {
    setPrepared(null);
    setChosen((c) => toggled(c, personId, on));
  }

  const made = madeOf(draft.communication, draft.doc, chosen.length);
  return (
    <DocumentPage vault={vault} title={t('appealTitle')} intro={t('appealIntro')}>
      <PeopleChoice vault={vault} chosen={chosen} busy={feedback.busy} onToggle={toggle} onSubmit={prepare} onError={feedback.setError} />
      <Feedback error={feedback.error ?? draft.problem} said={feedback.said} />
      {prepared && (
        <AppealDetails prepared={prepared} draft={draft}>
          <DocumentActions made={made} feedback={feedback} json>
            <MarkSentButton marking={marking} disabled={feedback.busy || !made} />
          </DocumentActions>
          <p class="hint">{t('followUpHint', { urgentDays: FOLLOW_UP_DAYS['urgent-appeal'], letterDays: FOLLOW_UP_DAYS['allegation-letter'] })}</p>
        </AppealDetails>
      )}
      {draft.doc && <DocumentView doc={draft.doc} label={t('appealPreview')} />}
    </DocumentPage>
  );
}

// "Mark as sent": one follow-up (intervention 'un-appeal') per person concerned, sealed here and sent
// in one request; the server stores them whole and never twice. Which communication was marked
// (kind, day, people) is remembered by the page, so its button stays off and no second follow-up is offered.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { sealNew } from '../session/sealing.ts';
import { today } from '../../../core/records/custody.ts';
import { appealFollowUp } from '../../../core/documents/appeal-sent.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import type { PageFeedback } from '../ui/use-feedback.ts';
import { kindArg, lines, type AppealFields, type Prepared } from './use-appeal-draft.ts';
import { documentsWords } from './words.ts';

export function useMarkSent(vault: Vault, prepared: Prepared | null, fields: AppealFields, feedback: PageFeedback) {
  const t = useWords(documentsWords);
  const f = useFormats();
  const [sending, setSending] = useState(false);
  const [sentFor, setSentFor] = useState<string | null>(null);
  const { kind } = fields;
  const sentKey = prepared ? `${kind} ${today()} ${prepared.bundle.people.map((p) => p.id).join(',')}` : null;

  async function markSent() {
    if (!prepared || !sentKey) return;
    feedback.setError(null);
    setSending(true);
    try {
      const day = today();
      const notes = t('sentNote', { kind: kindArg(kind), day: f.day(day) });
      const parties = lines(fields.addressedTo).join('; ');
      const followUps = await Promise.all(
        prepared.bundle.people.map(async (person) => {
          const id = crypto.randomUUID();
          const incidentId = (prepared.bundle.acts.find((a) => a.plain.personId === person.id)?.plain.incidentId as string | undefined) ?? null;
          return { id, record: { ...appealFollowUp(kind, day, person.id, incidentId), secret: await sealNew(vault, 'intervention', id, { parties, notes }) } };
        }),
      );
      const { recorded } = await api<{ recorded: number; already: number }>('/api/documents/appeal-sent', { kind, day, followUps });
      setSentFor(sentKey);
      const due = appealFollowUp(kind, day, '', null).dueOn;
      feedback.setSaid(recorded > 0 ? t('sentSaid', { count: recorded, day: f.day(day), due: f.day(due) }) : t('alreadySent'));
    } catch (e) {
      feedback.setError(messageOf(e, t('sentFailed')));
    } finally {
      setSending(false);
    }
  }

  return { markSent, sending, sent: sentFor === sentKey };
}

export function MarkSentButton({ marking, disabled }: { marking: ReturnType<typeof useMarkSent>; disabled: boolean }) {
  const t = useWords(documentsWords);
  const { markSent, sending, sent } = marking;
  return (
    <button type="button" class="secondary" onClick={() => void markSent()} disabled={disabled || sending || sent} data-mark-sent>
      {sent ? t('recordedSent') : sending ? t('markingSent') : t('markSent')}
    </button>
  );
}

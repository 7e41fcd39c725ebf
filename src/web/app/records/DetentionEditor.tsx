// A detention: where the person is held, lawyer and family, legal basis, court, decision, and the
// expected release the server computes from it (src/core/records/custody.ts). Saved from the
// version it was read at; a colleague's newer change is not overwritten.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { DECISIONS, DETENTION_STATUSES, FAMILY_ACCESS, LAWYER_ACCESS } from '../../../core/records/vocabulary.ts';
import type { DetentionInput } from '../../../core/records/schemas.ts';
import type { RecordView, RegistryEntry } from './client.ts';
import { EntrySelect, TermSelect, TextField, termLabel, useEntryLabel } from './fields.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { translator } from '../../../core/i18n/message.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { detentionWords } from './detention-words.ts';

export interface DetentionState {
  version: number;
  detention: DetentionInput & { expectedRelease: string | null; appealDeadline: string | null };
  transfers: { toPlaceId: string; onDay: string; atTime: string | null }[];
}

const EMPTY: DetentionInput = {
  status: 'held',
  heldAt: null,
  custodyStart: null,
  lawyerAccess: 'unknown',
  familyAccess: 'unknown',
  legalProvisionId: null,
  courtId: null,
  hearingDate: null,
  decision: 'pending',
  decisionDate: null,
  fineAmount: null,
  detentionDays: null,
  sentenceStart: null,
  releasedOn: null,
};

const orNull = (text: string) => (text.trim() ? text.trim() : null);
const numberOrNull = (text: string) => (text.trim() ? Number(text) : null);

/**
 * A decision as a phrase: "Detention of 30 days" / «Арест на 30 суток» / "30 günlük həbs" with its
 * days filled in, "Fine: 200" with its amount; otherwise the vocabulary's label.
 */
export function decisionLabel(language: Language, d: { decision: string; detentionDays: number | null; fineAmount: number | null }): string {
  const t = translator(detentionWords, language);
  if (d.decision === 'detention' && d.detentionDays !== null) return t('detentionDays', { days: d.detentionDays });
  if (d.decision === 'fine' && d.fineAmount !== null) return t('fineOf', { amount: d.fineAmount });
  return termLabel(DECISIONS, d.decision, language);
}

export function DetentionEditor({ act, state, entries, canEdit, onSaved }: { act: RecordView; state: DetentionState | null; entries: RegistryEntry[]; canEdit: boolean; onSaved: () => void }) {
  const initial = state ? pick(state.detention) : EMPTY;
  const [d, setD] = useState<DetentionInput>(initial);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof DetentionInput>(key: K) => (value: DetentionInput[K]) => setD((current) => ({ ...current, [key]: value }));
  const id = (name: string) => `${name}-${act.id}`;
  const t = useWords(detentionWords);
  const common = useWords(commonWords);
  const f = useFormats();
  const { language } = useLanguage();
  const placeLabel = useEntryLabel(entries);

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // What the form does not show for the chosen decision or status is not sent.
      const detention: DetentionInput = {
        ...d,
        detentionDays: d.decision === 'detention' ? d.detentionDays : null,
        fineAmount: d.decision === 'fine' ? d.fineAmount : null,
        releasedOn: d.status === 'released' ? d.releasedOn : null,
      };
      await api(`/api/acts/${act.id}/detention`, { version: state?.version ?? 0, detention });
      setEditing(false);
      onSaved();
    } catch (e) {
      setError(messageOf(e, t('detentionNotSaved')));
    } finally {
      setBusy(false);
    }
  }

  const shown = state?.detention;
  return (
    <section class="detention" aria-label={t('detentionOf', { code: act.code })}>
      {shown ? (
        <dl>
          <dt>{t('status')}</dt>
          <dd data-detention-status>{termLabel(DETENTION_STATUSES, shown.status, language)}</dd>
          <dt>{t('heldAt')}</dt>
          <dd>{placeLabel(shown.heldAt) || common('notKnown')}</dd>
          <dt>{t('lawyer')}</dt>
          <dd>{termLabel(LAWYER_ACCESS, shown.lawyerAccess, language)}</dd>
          <dt>{t('decision')}</dt>
          <dd data-decision>
            {decisionLabel(language, shown)}
            {shown.legalProvisionId && ` (${placeLabel(shown.legalProvisionId)})`}
          </dd>
          <dt>{t('expectedRelease')}</dt>
          <dd data-expected-release>{shown.expectedRelease ? f.day(shown.expectedRelease) : '—'}</dd>
          {shown.appealDeadline && (
            <>
              <dt>{t('appealBy')}</dt>
              <dd>{f.day(shown.appealDeadline)}</dd>
            </>
          )}
          {state.transfers.length > 0 && (
            <>
              <dt>{t('transfers')}</dt>
              <dd>
                {state.transfers
                  .map((tr) => {
                    const values = { day: f.day(tr.onDay), place: placeLabel(tr.toPlaceId) };
                    return tr.atTime ? t('transferAt', { ...values, time: tr.atTime }) : t('transferOn', values);
                  })
                  .join('; ')}
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p>{t('noDetailsYet')}</p>
      )}
      {canEdit && !editing && (
        <button type="button" class="small" onClick={() => setEditing(true)}>
          {shown ? t('updateDetention') : t('recordDetention')}
        </button>
      )}{' '}
      {canEdit && shown && shown.status !== 'released' && <Transfer act={act} entries={entries} onSaved={onSaved} />}
      {editing && (
        <form onSubmit={save}>
          <TermSelect id={id('status')} label={t('status')} terms={DETENTION_STATUSES} value={d.status} onChange={set('status')} />
          {d.status === 'released' && <TextField id={id('released')} label={t('releasedOn')} type="date" value={d.releasedOn ?? ''} onChange={(v) => set('releasedOn')(orNull(v))} />}
          <EntrySelect id={id('held-at')} label={t('heldAt')} entries={entries} kind="place" value={d.heldAt} onChange={set('heldAt')} />
          <TextField id={id('custody-start')} label={t('custodySince')} hint={t('custodySinceHint')} type="date" value={d.custodyStart ?? ''} onChange={(v) => set('custodyStart')(orNull(v))} />
          <TermSelect id={id('lawyer')} label={t('lawyer')} terms={LAWYER_ACCESS} value={d.lawyerAccess} onChange={set('lawyerAccess')} />
          <TermSelect id={id('family')} label={t('family')} terms={FAMILY_ACCESS} value={d.familyAccess} onChange={set('familyAccess')} />
          <EntrySelect id={id('provision')} label={t('legalBasis')} entries={entries} kind="provision" value={d.legalProvisionId} onChange={set('legalProvisionId')} />
          <EntrySelect id={id('court')} label={t('court')} entries={entries} kind="place" value={d.courtId} onChange={set('courtId')} />
          <TextField id={id('hearing')} label={t('hearing')} type="date" value={d.hearingDate ?? ''} onChange={(v) => set('hearingDate')(orNull(v))} />
          <TermSelect id={id('decision')} label={t('decision')} terms={DECISIONS} value={d.decision} onChange={set('decision')} />
          {d.decision === 'detention' && <TextField id={id('days')} label={t('daysOfDetention')} type="number" value={d.detentionDays === null ? '' : String(d.detentionDays)} onChange={(v) => set('detentionDays')(numberOrNull(v))} />}
          {d.decision === 'fine' && <TextField id={id('fine')} label={t('fineAmount')} type="number" value={d.fineAmount === null ? '' : String(d.fineAmount)} onChange={(v) => set('fineAmount')(numberOrNull(v))} />}
          {d.decision !== 'pending' && <TextField id={id('decision-date')} label={t('decisionDate')} type="date" value={d.decisionDate ?? ''} onChange={(v) => set('decisionDate')(orNull(v))} />}
          {d.decision === 'detention' && <TextField id={id('sentence-start')} label={t('sentenceFrom')} hint={t('sentenceFromHint')} type="date" value={d.sentenceStart ?? ''} onChange={(v) => set('sentenceStart')(orNull(v))} />}
          <Feedback error={error} />
          <button type="submit" disabled={busy}>
            {t('saveDetention')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setEditing(false)}>
            {common('cancel')}
          </button>
        </form>
      )}
    </section>
  );
}

/** The editable fields of a stored detention (the API also returns computed ones). */
function pick(d: DetentionState['detention']): DetentionInput {
  return Object.fromEntries(Object.keys(EMPTY).map((k) => [k, d[k as keyof DetentionInput]])) as DetentionInput;
}

/** A move to another place (police station → court → detention centre): logged, and the detention's place follows. */
function Transfer({ act, entries, onSaved }: { act: RecordView; entries: RegistryEntry[]; onSaved: () => void }) {
  const t = useWords(detentionWords);
  const common = useWords(commonWords);
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<string | null>(null);
  const [day, setDay] = useState('');
  const [time, setTime] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      await api(`/api/acts/${act.id}/transfers`, { fromPlaceId: null, toPlaceId: to, onDay: day, atTime: time || null });
      setOpen(false);
      onSaved();
    } catch (e) {
      setError(messageOf(e, t('transferNotSaved')));
    }
  }
  if (!open) {
    return (
      <button type="button" class="small secondary" onClick={() => setOpen(true)}>
        {t('recordTransfer')}
      </button>
    );
  }
  return (
    <form onSubmit={save} aria-label={t('transferOf', { code: act.code })}>
      <EntrySelect id={`transfer-to-${act.id}`} label={t('movedTo')} entries={entries} kind="place" value={to} onChange={setTo} />
      <TextField id={`transfer-day-${act.id}`} label={t('on')} type="date" value={day} onChange={setDay} />
      <TextField id={`transfer-time-${act.id}`} label={t('atTime')} type="time" value={time} onChange={setTime} />
      <Feedback error={error} />
      <button type="submit" class="small" disabled={!to || !day}>
        {t('saveTransfer')}
      </button>{' '}
      <button type="button" class="small secondary" onClick={() => setOpen(false)}>
        {common('cancel')}
      </button>
    </form>
  );
}

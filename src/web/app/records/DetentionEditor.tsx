// A detention: where the person is held, lawyer and family, legal basis, court, decision, and the
// expected release the server computes from it (src/core/records/custody.ts). Saved from the
// version it was read at; a colleague's newer change is not overwritten.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { DECISIONS, DETENTION_STATUSES, FAMILY_ACCESS, LAWYER_ACCESS } from '../../../core/records/vocabulary.ts';
import type { DetentionInput } from '../../../core/records/schemas.ts';
import { labelOf, type RecordView, type RegistryEntry } from './client.ts';
import { EntrySelect, TermSelect, TextField, termLabel } from './fields.tsx';
import { Feedback } from '../Feedback.tsx';

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

export function DetentionEditor({ act, state, entries, canEdit, onSaved }: { act: RecordView; state: DetentionState | null; entries: RegistryEntry[]; canEdit: boolean; onSaved: () => void }) {
  const initial = state ? pick(state.detention) : EMPTY;
  const [d, setD] = useState<DetentionInput>(initial);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof DetentionInput>(key: K) => (value: DetentionInput[K]) => setD((current) => ({ ...current, [key]: value }));
  const id = (name: string) => `${name}-${act.id}`;

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
      setError(messageOf(e, 'The detention could not be saved.'));
    } finally {
      setBusy(false);
    }
  }

  const shown = state?.detention;
  return (
    <section class="detention" aria-label={`Detention, ${act.code}`}>
      {shown ? (
        <dl>
          <dt>Status</dt>
          <dd data-detention-status>{termLabel(DETENTION_STATUSES, shown.status)}</dd>
          <dt>Held at</dt>
          <dd>{labelOf(entries, shown.heldAt) || 'not known'}</dd>
          <dt>Lawyer</dt>
          <dd>{termLabel(LAWYER_ACCESS, shown.lawyerAccess)}</dd>
          <dt>Decision</dt>
          <dd>
            {termLabel(DECISIONS, shown.decision)}
            {shown.decision === 'detention' && `: ${shown.detentionDays} days`}
            {shown.legalProvisionId && ` (${labelOf(entries, shown.legalProvisionId)})`}
          </dd>
          <dt>Expected release</dt>
          <dd data-expected-release>{shown.expectedRelease ?? '—'}</dd>
          {shown.appealDeadline && (
            <>
              <dt>Appeal by</dt>
              <dd>{shown.appealDeadline}</dd>
            </>
          )}
          {state.transfers.length > 0 && (
            <>
              <dt>Transfers</dt>
              <dd>{state.transfers.map((t) => `${t.onDay}${t.atTime ? ` ${t.atTime}` : ''}: to ${labelOf(entries, t.toPlaceId)}`).join('; ')}</dd>
            </>
          )}
        </dl>
      ) : (
        <p>No detention details yet.</p>
      )}
      {canEdit && !editing && (
        <button type="button" class="small" onClick={() => setEditing(true)}>
          {shown ? 'Update the detention' : 'Record the detention'}
        </button>
      )}{' '}
      {canEdit && shown && shown.status !== 'released' && <Transfer act={act} entries={entries} onSaved={onSaved} />}
      {editing && (
        <form onSubmit={save}>
          <TermSelect id={id('status')} label="Status" terms={DETENTION_STATUSES} value={d.status} onChange={set('status')} />
          {d.status === 'released' && <TextField id={id('released')} label="Released on" type="date" value={d.releasedOn ?? ''} onChange={(v) => set('releasedOn')(orNull(v))} />}
          <EntrySelect id={id('held-at')} label="Held at" entries={entries} kind="place" value={d.heldAt} onChange={set('heldAt')} />
          <TextField id={id('custody-start')} label="In custody since" hint="Leave empty to use the day of the act" type="date" value={d.custodyStart ?? ''} onChange={(v) => set('custodyStart')(orNull(v))} />
          <TermSelect id={id('lawyer')} label="Lawyer" terms={LAWYER_ACCESS} value={d.lawyerAccess} onChange={set('lawyerAccess')} />
          <TermSelect id={id('family')} label="Family" terms={FAMILY_ACCESS} value={d.familyAccess} onChange={set('familyAccess')} />
          <EntrySelect id={id('provision')} label="Legal basis" entries={entries} kind="provision" value={d.legalProvisionId} onChange={set('legalProvisionId')} />
          <EntrySelect id={id('court')} label="Court" entries={entries} kind="place" value={d.courtId} onChange={set('courtId')} />
          <TextField id={id('hearing')} label="Hearing" type="date" value={d.hearingDate ?? ''} onChange={(v) => set('hearingDate')(orNull(v))} />
          <TermSelect id={id('decision')} label="Decision" terms={DECISIONS} value={d.decision} onChange={set('decision')} />
          {d.decision === 'detention' && <TextField id={id('days')} label="Days of detention" type="number" value={d.detentionDays === null ? '' : String(d.detentionDays)} onChange={(v) => set('detentionDays')(numberOrNull(v))} />}
          {d.decision === 'fine' && <TextField id={id('fine')} label="Fine (amount)" type="number" value={d.fineAmount === null ? '' : String(d.fineAmount)} onChange={(v) => set('fineAmount')(numberOrNull(v))} />}
          {d.decision !== 'pending' && <TextField id={id('decision-date')} label="Decision date" type="date" value={d.decisionDate ?? ''} onChange={(v) => set('decisionDate')(orNull(v))} />}
          {d.decision === 'detention' && <TextField id={id('sentence-start')} label="Sentence counted from" hint="Leave empty: it counts from the first day in custody" type="date" value={d.sentenceStart ?? ''} onChange={(v) => set('sentenceStart')(orNull(v))} />}
          <Feedback error={error} />
          <button type="submit" disabled={busy}>
            Save the detention
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setEditing(false)}>
            Cancel
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
      setError(messageOf(e, 'The transfer could not be saved.'));
    }
  }
  if (!open) {
    return (
      <button type="button" class="small secondary" onClick={() => setOpen(true)}>
        Record a transfer
      </button>
    );
  }
  return (
    <form onSubmit={save} aria-label={`Transfer, ${act.code}`}>
      <EntrySelect id={`transfer-to-${act.id}`} label="Moved to" entries={entries} kind="place" value={to} onChange={setTo} />
      <TextField id={`transfer-day-${act.id}`} label="On" type="date" value={day} onChange={setDay} />
      <TextField id={`transfer-time-${act.id}`} label="At (time, if known)" type="time" value={time} onChange={setTime} />
      <Feedback error={error} />
      <button type="submit" class="small" disabled={!to || !day}>
        Save the transfer
      </button>
    </form>
  );
}

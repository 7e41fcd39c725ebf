// A detention: where the person is held, lawyer and family, legal basis, court, decision, and the
// expected release the server computes from it (src/core/records/custody.ts). The form asks for the
// fields of the detention's field table (src/core/records/fields/detention.ts), in its order, each
// labelled by the words of its name. Saved from the version it was read at; a colleague's newer
// change is not overwritten.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { DECISIONS, DETENTION_STATUSES, LAWYER_ACCESS } from '../../../core/records/vocabulary-words.ts';
import type { DetentionInput } from '../../../core/records/schemas.ts';
import { DETENTION_FIELDS } from '../../../core/records/fields/detention.ts';
import { inputFields, snake, type PlainField } from '../../../core/records/fields/field.ts';
import type { RecordView, RegistryEntry } from './client.ts';
import { EntrySelect, useEntryLabel } from './fields.tsx';
import { TermSelect, TextField, termLabel } from '../ui/fields.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { translator } from '../../../core/i18n/message.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { detentionWords } from './detention-words.ts';

type Fields = typeof DETENTION_FIELDS;
/** The fields the form asks for, and those with a hint under them: each has its words. */
type Asked = { [K in keyof Fields]: Fields[K] extends { editor: object } ? K : never }[keyof Fields];
type Hinted = { [K in keyof Fields]: Fields[K] extends { editor: { hint: true } } ? `${K}Hint` : never }[keyof Fields];

export interface DetentionState {
  version: number;
  detention: DetentionInput & { expectedRelease: string | null; appealDeadline: string | null };
  transfers: { toPlaceId: string; onDay: string; atTime: string | null }[];
}

/** A new detention: held, nothing known yet, no decision. */
const EMPTY = {
  ...Object.fromEntries(inputFields(DETENTION_FIELDS).map(([name]) => [name, null])),
  status: 'held',
  lawyerAccess: 'unknown',
  familyAccess: 'unknown',
  decision: 'pending',
} as DetentionInput;

const orNull = (text: string) => (text.trim() ? text.trim() : null);
const numberOrNull = (text: string) => (text.trim() ? Number(text) : null);

/**
 * A decision as a phrase: "Detention of 30 days" / «Арест на 30 суток» / "30 günlük həbs" with its
 * days filled in, "Fine: 200" with its amount; otherwise the vocabulary's label.
 */
export function decisionLabel(language: Language, d: { decision: string; detentionDays: number | null; fineAmount: number | null }): string {
  const t = translator(detentionWords, language);
  if (d.decision === 'detention' && d.detentionDays !== null) return t('detentionOfDays', { days: d.detentionDays });
  if (d.decision === 'fine' && d.fineAmount !== null) return t('fineOf', { amount: d.fineAmount });
  return termLabel(DECISIONS, d.decision, language);
}

export function DetentionEditor({ act, state, entries, canEdit, onSaved }: { act: RecordView; state: DetentionState | null; entries: RegistryEntry[]; canEdit: boolean; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const t = useWords(detentionWords);
  const shown = state?.detention;
  return (
    <section class="detention" aria-label={t('detentionOf', { code: act.code })}>
      {state ? <DetentionFacts state={state} entries={entries} /> : <p>{t('noDetailsYet')}</p>}
      {canEdit && !editing && (
        <button type="button" class="small" onClick={() => setEditing(true)}>
          {shown ? t('updateDetention') : t('recordDetention')}
        </button>
      )}{' '}
      {canEdit && shown && shown.status !== 'released' && <Transfer act={act} entries={entries} onSaved={onSaved} />}
      {editing && (
        <DetentionForm
          act={act}
          state={state}
          entries={entries}
          onClose={(saved) => {
            setEditing(false);
            if (saved) onSaved();
          }}
        />
      )}
    </section>
  );
}

/** What is known of the detention: status, place, lawyer, decision, release, appeal, transfers. */
function DetentionFacts({ state, entries }: { state: DetentionState; entries: RegistryEntry[] }) {
  const t = useWords(detentionWords);
  const common = useWords(commonWords);
  const f = useFormats();
  const { language } = useLanguage();
  const placeLabel = useEntryLabel(entries);
  const shown = state.detention;
  return (
    <dl>
      <dt>{t('status')}</dt>
      <dd data-detention-status>{termLabel(DETENTION_STATUSES, shown.status, language)}</dd>
      <dt>{t('heldAt')}</dt>
      <dd>{placeLabel(shown.heldAt) || common('notKnown')}</dd>
      <dt>{t('lawyerAccess')}</dt>
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
  );
}

/** The form: every field the table asks for, shown where the record's status and decision call for it. */
function DetentionForm({ act, state, entries, onClose }: { act: RecordView; state: DetentionState | null; entries: RegistryEntry[]; onClose: (saved: boolean) => void }) {
  const [d, setD] = useState<DetentionInput>(state ? pick(state.detention) : EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useWords(detentionWords);
  const common = useWords(commonWords);

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
      onClose(true);
    } catch (e) {
      setError(messageOf(e, t('detentionNotSaved')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save}>
      {inputFields(DETENTION_FIELDS).map(([name, field]) =>
        field.editor && (field.editor.when?.(d) ?? true) ? (
          <FieldInput key={name} id={`${snake(name).replaceAll('_', '-')}-${act.id}`} name={name as Asked} field={field} value={d[name as keyof DetentionInput]} entries={entries} onChange={(value) => setD((current) => ({ ...current, [name]: value }))} />
        ) : null,
      )}
      <Feedback error={error} />
      <button type="submit" disabled={busy}>
        {t('saveDetention')}
      </button>{' '}
      <button type="button" class="secondary" onClick={() => onClose(false)}>
        {common('cancel')}
      </button>
    </form>
  );
}

/** One field's input, as its table entry says: a choice, a registry entry, a day, a number or a text. */
function FieldInput({ id, name, field, value, entries, onChange }: { id: string; name: Asked; field: PlainField; value: unknown; entries: RegistryEntry[]; onChange: (value: unknown) => void }) {
  const t = useWords(detentionWords);
  const editor = field.editor!;
  const label = t(name);
  if (editor.input === 'choice') return <TermSelect id={id} label={label} terms={editor.terms} value={value as string} onChange={onChange} />;
  if (editor.input === 'registry') return <EntrySelect id={id} label={label} entries={entries} kind={field.registry!} value={value as string | null} onChange={onChange} />;
  const hint = editor.hint ? t(`${name}Hint` as Hinted) : undefined;
  if (editor.input === 'number') return <TextField id={id} label={label} hint={hint} type="number" value={value === null ? '' : String(value)} onChange={(v) => onChange(numberOrNull(v))} />;
  return <TextField id={id} label={label} hint={hint} type={editor.input} value={(value as string | null) ?? ''} onChange={(v) => onChange(orNull(v))} />;
}

/** The editable fields of a stored detention (the API also returns computed ones). */
function pick(d: DetentionState['detention']): DetentionInput {
  return Object.fromEntries(Object.keys(EMPTY).map((k) => [k, d[k as keyof DetentionInput] ?? null])) as DetentionInput;
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

// A person and what was done to them, added to an incident: someone already on record (this
// incident's people, or one chosen from the likely matches), or a new person with their consent.
import { useState } from 'preact/hooks';
import type { Vault } from '../session/vault.ts';
import { ACT_TYPES } from '../../../core/records/vocabulary.ts';
import { AGE_RANGES, CONSENT_SHARING, NAME_PREFERENCES, RISK_LEVELS } from '../../../core/records/vocabulary-words.ts';
import { createRecord, useRegistry, type RecordView } from './client.ts';
import { ActTypeSelect, EntrySelect, PartialDateField } from './fields.tsx';
import { TermSelect, TextField } from '../ui/fields.tsx';
import { partialDateOf } from './draft.ts';
import { birthYearField } from './birth-year.ts';
import { useCreating } from './use-creating.ts';
import { LikelyMatches } from '../linkage/LikelyMatches.tsx';
import { linkerOf } from '../linkage/linker.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { incidentWords } from './incident-words.ts';

type Key<T extends readonly { key: string }[]> = T[number]['key'];
type Chosen = { id: string; code: string };
type NewPerson = { name: string; contacts: string; birthYear: string; ageRange: Key<typeof AGE_RANGES>; consent: Key<typeof CONSENT_SHARING>; namePreference: Key<typeof NAME_PREFERENCES>; risk: Key<typeof RISK_LEVELS> };
type Act = { typeCode: string; date: string; placeId: string | null; reason: string };

const NO_ONE: NewPerson = { name: '', contacts: '', birthYear: '', ageRange: 'unknown', consent: 'none', namePreference: 'initials', risk: 'unknown' };

interface Props {
  vault: Vault;
  incidentId: string;
  existing: RecordView[];
  nameOf: (id: string) => string;
}

/**
 * Behind its summary until asked for. Once saved it closes, says the act's code, and the next
 * person starts from empty fields (a fresh form: nothing of the previous person's age, consent or
 * risk carries over).
 */
export function AddPerson({ onSaved, ...props }: Props & { onSaved: () => void }) {
  const t = useWords(incidentWords);
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  const [said, say] = useState('');
  /** People on record chosen from the likely matches, offered beside this incident's own (kept across forms). */
  const [chosen, setChosen] = useState<Chosen[]>([]);
  return (
    <>
      <details class="edit add" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)} data-add-person>
        <summary>{t('addPerson')}</summary>
        <PersonForm
          key={round}
          {...props}
          chosen={chosen}
          onChosen={(c) => setChosen((was) => [...was, c])}
          onSaved={(code) => {
            say(t('actSaved', { code }));
            setOpen(false);
            setRound((n) => n + 1);
            onSaved();
          }}
        />
      </details>
      <Feedback error={null} said={said} />
    </>
  );
}

function PersonForm({ vault, incidentId, existing, nameOf, chosen, onChosen, onSaved }: Props & { chosen: Chosen[]; onChosen: (c: Chosen) => void; onSaved: (code: string) => void }) {
  const t = useWords(incidentWords);
  const common = useWords(commonWords);
  const { entries } = useRegistry(vault);
  const [personId, setPersonId] = useState('');
  const [person, setPerson] = useState<NewPerson>(NO_ONE);
  const [act, setAct] = useState<Act>({ typeCode: ACT_TYPES[1]!.code, date: '', placeId: null, reason: '' });
  const { busy, error, submit } = useCreating(common('couldNotSave'));
  const change = (patch: Partial<Act>) => setAct((now) => ({ ...now, ...patch }));

  const save = async () => {
    const victim = personId || (await createPerson(vault, person));
    const made = await createRecord(vault, 'act', { incidentId, personId: victim, typeCode: act.typeCode, start: partialDateOf(act.date), end: { date: null, precision: 'unknown' }, placeId: act.placeId }, { statedReason: act.reason.trim() });
    onSaved(made.code);
  };

  return (
    <form onSubmit={submit(save)} aria-label={t('addPerson')}>
      <label for="act-person">{t('person')}</label>
      <select id="act-person" value={personId} onChange={(e) => setPersonId(e.currentTarget.value)}>
        <option value="">{t('newPerson')}</option>
        {existing.map((p) => (
          <option key={p.id} value={p.id}>
            {nameOf(p.id)}
          </option>
        ))}
        {chosen
          .filter((c) => !existing.some((p) => p.id === c.id))
          .map((c) => (
            <option key={c.id} value={c.id}>
              {t('alreadyOnRecord', { code: c.code })}
            </option>
          ))}
      </select>
      {!personId && (
        <NewPersonFields vault={vault} value={person} onChange={setPerson} act={act} onChoose={(c) => {
          onChosen(c);
          setPersonId(c.id);
        }} />
      )}
      <ActTypeSelect id="act-type" label={t('whatWasDone')} entries={entries} value={act.typeCode} onChange={(typeCode) => change({ typeCode })} />
      <PartialDateField id="act-date" label={t('when')} value={act.date} onChange={(date) => change({ date })} />
      <EntrySelect id="act-place" label={t('where')} entries={entries} kind="place" value={act.placeId} onChange={(placeId) => change({ placeId })} />
      <TextField id="act-reason" label={t('statedReason')} value={act.reason} onChange={(reason) => change({ reason })} />
      <Feedback error={error} />
      <button type="submit" disabled={busy || (!personId && !person.name.trim())}>
        {common('save')}
      </button>
    </form>
  );
}

/** Records the new person (their identity sealed); their id. */
async function createPerson(vault: Vault, p: NewPerson): Promise<string> {
  const year = birthYearField(p.birthYear);
  const plain = { countingUnit: 'individual', groupSize: null, ageRange: p.ageRange, consentSharing: p.consent, namePreference: p.namePreference, reprisalRisk: p.risk };
  const made = await createRecord(vault, 'person', plain, { name: p.name.trim(), contacts: p.contacts.trim(), ...(year ? { birthYear: year } : {}) });
  linkerOf(vault).invalidate();
  return made.id;
}

/** Who the new person is and what they consent to; people on record like them are offered as they are typed. */
function NewPersonFields({ vault, value, onChange, act, onChoose }: { vault: Vault; value: NewPerson; onChange: (value: NewPerson) => void; act: Act; onChoose: (c: Chosen) => void }) {
  const t = useWords(incidentWords);
  const set = <K extends keyof NewPerson>(key: K) => (v: NewPerson[K]) => onChange({ ...value, [key]: v });
  const { name, birthYear } = value;
  return (
    <fieldset>
      <legend>{t('newPersonLegend')}</legend>
      <TextField id="person-name" label={t('name')} value={name} onChange={set('name')} />
      <TextField id="person-birth-year" label={t('birthYear')} hint={t('birthYearHint')} value={birthYear} onChange={set('birthYear')} />
      <TextField id="person-contacts" label={t('contacts')} value={value.contacts} onChange={set('contacts')} />
      <LikelyMatches vault={vault} person={{ name, birthYear, placeId: act.placeId, date: act.date, typeCode: act.typeCode }} onChoose={(id, code) => onChoose({ id, code })} />
      <TermSelect id="person-age" label={t('ageRange')} terms={AGE_RANGES} value={value.ageRange} onChange={set('ageRange')} />
      <TermSelect id="person-consent" label={t('consent')} terms={CONSENT_SHARING} value={value.consent} onChange={set('consent')} />
      <TermSelect id="person-name-preference" label={t('namePreference')} terms={NAME_PREFERENCES} value={value.namePreference} onChange={set('namePreference')} />
      <TermSelect id="person-risk" label={t('risk')} terms={RISK_LEVELS} value={value.risk} onChange={set('risk')} />
    </fieldset>
  );
}

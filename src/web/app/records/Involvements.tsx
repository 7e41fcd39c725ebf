// Who did it (ESF Involvement): for one act, the perpetrator unit from the registry, the type of
// perpetrator and the degree of involvement. Officers' names, if known, are sealed.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { INVOLVEMENT_DEGREES, PERPETRATOR_TYPES } from '../../../core/records/vocabulary-words.ts';
import { createRecord, type RecordView, type RegistryEntry } from './client.ts';
import { EntrySelect, useEntryLabel } from './fields.tsx';
import { TermSelect, TextField, termLabel } from '../ui/fields.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { incidentWords } from './incident-words.ts';

type InvolvementPlain = { unitId: string | null; perpetratorType: string; degree: string };

export function Involvements({ vault, actId, entries }: { vault: Vault; actId: string; entries: RegistryEntry[] }) {
  const [list, setList] = useState<RecordView<InvolvementPlain>[]>([]);
  const [round, setRound] = useState(0);
  const [adding, setAdding] = useState(false);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [type, setType] = useState<(typeof PERPETRATOR_TYPES)[number]['key']>('police');
  const [degree, setDegree] = useState<(typeof INVOLVEMENT_DEGREES)[number]['key']>('perpetrator');
  const [names, setNames] = useState('');
  const [error, setError] = useState<string | null>(null);
  const t = useWords(incidentWords);
  const common = useWords(commonWords);
  const { language } = useLanguage();
  const unitLabel = useEntryLabel(entries);
  useEffect(() => {
    api<{ records: RecordView<InvolvementPlain>[] }>(`/api/records/involvement?actId=${actId}&limit=100`).then((r) => setList(r.records), () => setList([]));
  }, [actId, round]);

  async function add(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      await createRecord(vault, 'involvement', { actId, unitId, perpetratorType: type, degree }, { officers: names.trim() });
      setAdding(false);
      setNames('');
      setRound((n) => n + 1);
    } catch (e) {
      setError(messageOf(e, t('involvementNotSaved')));
    }
  }
  const id = (name: string) => `${name}-${actId}`;
  return (
    <div class="involvements">
      {list.length > 0 && (
        <p data-involvements>
          {t('by', {
            list: list
              .map((v) => `${v.plain.unitId ? unitLabel(v.plain.unitId) : termLabel(PERPETRATOR_TYPES, v.plain.perpetratorType, language)} (${termLabel(INVOLVEMENT_DEGREES, v.plain.degree, language).toLocaleLowerCase(language)})`)
              .join('; '),
          })}
        </p>
      )}
      {vault.canTriage && !adding && (
        <button type="button" class="small secondary" onClick={() => setAdding(true)}>
          {t('addWhoDidIt')}
        </button>
      )}
      {adding && (
        <form onSubmit={add}>
          <EntrySelect id={id('unit')} label={t('unit')} entries={entries} kind="unit" value={unitId} onChange={setUnitId} />
          <TermSelect id={id('perpetrator')} label={t('perpetratorType')} terms={PERPETRATOR_TYPES} value={type} onChange={setType} />
          <TermSelect id={id('degree')} label={t('involvement')} terms={INVOLVEMENT_DEGREES} value={degree} onChange={setDegree} />
          <TextField id={id('officers')} label={t('officers')} value={names} onChange={setNames} />
          <Feedback error={error} />
          <button type="submit" class="small">
            {common('save')}
          </button>{' '}
          <button type="button" class="small secondary" onClick={() => setAdding(false)}>
            {common('cancel')}
          </button>
        </form>
      )}
    </div>
  );
}

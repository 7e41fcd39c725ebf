// The incidents a bundle carries: all on record, narrowed by a range of days (an incident with an
// unknown date is always listed), ticked one by one or all shown at once.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { useOpened, type RecordView } from '../records/client.ts';
import { DayRange } from '../ui/DayRange.tsx';
import { useFormats, useWords } from '../i18n/context.tsx';
import { bundlesWords } from './words.ts';

type IncidentPlain = { dateStart: string | null };

export function useIncidentChoice(vault: Vault, onError: (message: string) => void) {
  const t = useWords(bundlesWords);
  const [incidents, setIncidents] = useState<RecordView<IncidentPlain>[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [chosen, setChosen] = useState(new Set<string>());
  const titles = useOpened<{ title?: string }>(vault, 'incident', incidents);
  useEffect(() => {
    api<{ records: RecordView<IncidentPlain>[] }>('/api/records/incident?limit=1000').then((r) => setIncidents(r.records), (e) => onError(messageOf(e, t('incidentsNotLoaded'))));
  }, []);

  const shown = incidents.filter((i) => !i.plain.dateStart || ((!from || i.plain.dateStart >= from) && (!to || i.plain.dateStart.slice(0, to.length) <= to)));
  const toggle = (id: string) =>
    setChosen((c) => {
      const next = new Set(c);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  /** The ids chosen, in the order of the list. */
  const chosenIds = () => incidents.filter((i) => chosen.has(i.id)).map((i) => i.id);

  return { titles, from, setFrom, to, setTo, chosen, setChosen, shown, toggle, chosenIds };
}

export function IncidentChoice({ choice: c }: { choice: ReturnType<typeof useIncidentChoice> }) {
  const t = useWords(bundlesWords);
  const f = useFormats();
  return (
    <fieldset>
      <legend>{t('incidentsToInclude')}</legend>
      <DayRange id="bundle" from={c.from} to={c.to} onFrom={c.setFrom} onTo={c.setTo} labels={{ from: t('fromDay'), to: t('toDay') }} />
      <p>
        <button type="button" onClick={() => c.setChosen(new Set(c.shown.map((i) => i.id)))}>
          {t('chooseAll', { count: c.shown.length })}
        </button>{' '}
        <button type="button" onClick={() => c.setChosen(new Set())}>
          {t('chooseNone')}
        </button>
      </p>
      {c.shown.length === 0 && <p>{t(c.from || c.to ? 'noIncidentsInDays' : 'noIncidents')}</p>}
      <ul class="plain-list">
        {c.shown.map((i) => (
          <li key={i.id} class="choice">
            <input id={`bundle-${i.id}`} type="checkbox" checked={c.chosen.has(i.id)} onChange={() => c.toggle(i.id)} />{' '}
            <label for={`bundle-${i.id}`}>
              {t('incidentChoice', { code: i.code, title: c.titles.get(i.id)?.title ?? '', date: i.plain.dateStart ? f.day(i.plain.dateStart) : t('dateUnknown') })}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

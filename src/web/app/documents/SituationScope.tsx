// What a situation report counts: the moment the records are taken as they stood, the days of the
// acts, the incidents (none: all), and the report's language.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { useOpened, type RecordView } from '../records/client.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { LanguageSelect } from '../i18n/LanguageSelect.tsx';
import { useWords } from '../i18n/context.tsx';
import { PickBox, toggled } from './PickBox.tsx';
import { documentsWords } from './words.ts';

export interface Scope {
  asOf: string;
  from: string;
  to: string;
  incidents: string[];
}

export const WHOLE_SCOPE: Scope = { asOf: '', from: '', to: '', incidents: [] };

/** The query of GET /api/situation; a moment that is no date throws. */
export function situationQuery({ asOf, from, to, incidents }: Scope): URLSearchParams {
  const query = new URLSearchParams();
  if (asOf) {
    const moment = new Date(asOf);
    if (Number.isNaN(moment.getTime())) throw new Error('moment');
    query.set('asOf', moment.toISOString());
  }
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  if (incidents.length) query.set('incident', incidents.join(','));
  return query;
}

/** The incidents to choose from, with their titles opened here. */
export function useIncidentList(vault: Vault, onError: (message: string) => void) {
  const t = useWords(documentsWords);
  const [incidents, setIncidents] = useState<RecordView[]>([]);
  const titles = useOpened<{ title?: string }>(vault, 'incident', incidents);
  useEffect(() => {
    api<{ records: RecordView[] }>('/api/records/incident?limit=1000').then((r) => setIncidents(r.records), (e) => onError(messageOf(e, t('incidentsNotLoaded'))));
  }, []);
  return { incidents, titles };
}

interface Props {
  scope: Scope;
  onScope: (change: (scope: Scope) => Scope) => void;
  language: Language;
  onLanguage: (language: Language) => void;
  list: ReturnType<typeof useIncidentList>;
  busy: boolean;
  onSubmit: (e: Event) => void;
}

export function SituationScope({ scope, onScope, language, onLanguage, list, busy, onSubmit }: Props) {
  const t = useWords(documentsWords);
  const input = (key: 'asOf' | 'from' | 'to') => (e: { currentTarget: HTMLInputElement }) => {
    const value = e.currentTarget.value;
    onScope((s) => ({ ...s, [key]: value }));
  };
  return (
    <form class="document-form" onSubmit={onSubmit} aria-label={t('situationScope')}>
      <div class="grid">
        <div>
          <label for="situation-as-of">{t('asOf')}</label>
          <input id="situation-as-of" type="datetime-local" value={scope.asOf} onInput={input('asOf')} />
        </div>
        <div>
          <label for="situation-from">{t('actsFrom')}</label>
          <input id="situation-from" type="date" value={scope.from} onInput={input('from')} />
        </div>
        <div>
          <label for="situation-to">{t('actsTo')}</label>
          <input id="situation-to" type="date" value={scope.to} onInput={input('to')} />
        </div>
        <div>
          <LanguageSelect id="situation-language" label={t('reportLanguage')} value={language} onChange={onLanguage} />
        </div>
      </div>
      <fieldset>
        <legend>{t('incidentsPick')}</legend>
        {list.incidents.length === 0 && <p class="hint">{t('noIncidents')}</p>}
        <ul class="people-pick">
          {list.incidents.map((i) => (
            <li key={i.id}>
              <PickBox id={`situation-incident-${i.id}`} checked={scope.incidents.includes(i.id)} onChange={(on) => onScope((s) => ({ ...s, incidents: toggled(s.incidents, i.id, on) }))}>
                {i.code} {list.titles.get(i.id)?.title ?? ''}
              </PickBox>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('compute')}
      </button>
    </form>
  );
}

// What is due soon or overdue: appeal deadlines no appeal was recorded for, and interventions with
// a due day; each says whom it concerns (the person's name opened in this browser, the incident's
// code and title) and links to their records.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { Vault } from '../session/vault.ts';
import type { RecordType } from '../../../core/records/schemas.ts';
import { INTERVENTION_TYPES, PRIORITIES } from '../../../core/records/vocabulary-words.ts';
import { openRecord, type RecordView } from './client.ts';
import { termLabel } from '../ui/fields.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { recordsWords } from './words.ts';

interface Due {
  kind: 'intervention' | 'appeal';
  id: string;
  code: string;
  type: string;
  priority: string;
  due: string;
  incidentId: string | null;
  incidentCode: string | null;
  personId: string | null;
  personCode: string | null;
}

/** Days ahead the list looks. */
const DAYS = 14;

/** The names of the people and titles of the incidents the items concern, opened here (none for a role without the records key). */
function useOpenedNames(vault: Vault, items: Due[]): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());
  const wanted = new Map<string, RecordType>();
  for (const i of items) {
    if (i.personId) wanted.set(i.personId, 'person');
    if (i.incidentId) wanted.set(i.incidentId, 'incident');
  }
  const key = [...wanted.keys()].join();
  useEffect(() => {
    let live = true;
    void Promise.all(
      [...wanted].map(async ([id, type]) => {
        const { record } = await api<{ record: RecordView }>(`/api/records/${type}/${id}`);
        const fields = await openRecord<{ name?: string; title?: string }>(vault, type, record);
        return [id, (type === 'person' ? fields?.name : fields?.title) ?? ''] as const;
      }),
    ).then(
      (pairs) => live && setNames(new Map(pairs)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}

export function DueList({ vault }: { vault: Vault }) {
  const t = useWords(recordsWords);
  const f = useFormats();
  const { language } = useLanguage();
  const [data, setData] = useState<{ today: string; items: Due[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ today: string; items: Due[] }>(`/api/board/due?days=${DAYS}`).then(setData, (e) => setError(messageOf(e, t('dueNotLoaded'))));
  }, []);
  const names = useOpenedNames(vault, data?.items ?? []);
  const named = (code: string, id: string) => t('recordLabel', { code, title: names.get(id) ?? '' }).trim();
  return (
    <main class="wide-ish">
      <PageHeading>{t('dueSoon')}</PageHeading>
      <p>{t('dueIntro', { days: DAYS })}</p>
      <Feedback error={error} />
      {data && data.items.length === 0 && (
        <p data-empty="due">
          {t('nothingDue')} {t('nothingDueHint')}
        </p>
      )}
      <ul class="cards">
        {data?.items.map((i) => (
          <li key={`${i.kind}-${i.id}`} class="card" data-due={i.kind} data-due-day={i.due}>
            <strong>{f.day(i.due)}</strong> {i.due < data.today && <span class="badge urgent">{t('overdue')}</span>}{' '}
            {i.kind === 'appeal' ? t('appealDeadline') : t('followUpCode', { type: termLabel(INTERVENTION_TYPES, i.type, language), code: i.code })} · {termLabel(PRIORITIES, i.priority, language)}
            <br />
            <small>
              {t('dueItemAbout')}{' '}
              {i.personId && i.personCode && (
                <a href={`#person/${i.personId}`} data-due-person={i.personCode}>
                  {named(i.personCode, i.personId)}
                </a>
              )}
              {i.personId && i.incidentId && ' · '}
              {i.incidentId && i.incidentCode && (
                <a href={`#records/${i.incidentId}`} data-due-incident={i.incidentCode}>
                  {named(i.incidentCode, i.incidentId)}
                </a>
              )}
            </small>
          </li>
        ))}
      </ul>
    </main>
  );
}
